/*
 * render.c: XML to HTML in-process.  xsl/site.xsl is compiled once per worker
 * (as nginx compiles its sheets at configuration time) and every transform
 * runs with security preferences that forbid reading or writing files and
 * the network: a stylesheet can only turn the page it is given into HTML.
 */
#include <stdio.h>

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "core/log.h"
#include "doc/render.h"

static xsltStylesheetPtr sheet; /* xsl/site.xsl: pages as HTML */

/* Other modules' sheets (pdf.xsl, mail.xsl), compiled with site.xsl when linked. */
extern const struct render_sheet *const __start_kb_sheets[] __attribute__((weak));
extern const struct render_sheet *const __stop_kb_sheets[] __attribute__((weak));

static xsltStylesheetPtr compile(const char *xsl_dir, const char *name)
{
	char path[512];
	xsltStylesheetPtr st;

	snprintf(path, sizeof(path), "%s/%s", xsl_dir, name);
	st = xsltParseStylesheetFile(BAD_CAST path);
	if (st == NULL)
		log_msg(LOG_ERR, "cannot compile stylesheet %s", path);
	return st;
}
static xsltSecurityPrefsPtr prefs;

/* Entities and DTDs are never loaded: our documents are built, not parsed. */
static xmlParserInputPtr no_entities(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)id;
	(void)ctxt;
	log_msg(LOG_WARN, "refused to load external entity %s", url ? url : "(null)");
	return NULL;
}

int render_init(const char *xsl_dir)
{
	const struct render_sheet *const *x;

	exsltRegisterAll();
	xmlSubstituteEntitiesDefault(0);
	xmlLoadExtDtdDefaultValue = 0;
	if ((sheet = compile(xsl_dir, "site.xsl")) == NULL)
		return -1;
	for (x = __start_kb_sheets; x != NULL && x < __stop_kb_sheets; x++)
		if ((*(*x)->slot = compile(xsl_dir, (*x)->name)) == NULL)
			return -1;
	/* Installed after compiling, which itself must read the included sheets. */
	xmlSetExternalEntityLoader(no_entities);
	prefs = xsltNewSecurityPrefs();
	if (prefs == NULL ||
	    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_FILE, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid) ||
	    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid)) {
		log_msg(LOG_ERR, "cannot set XSLT security preferences");
		return -1;
	}
	return 0;
}

void render_done(void)
{
	const struct render_sheet *const *x;

	if (sheet != NULL)
		xsltFreeStylesheet(sheet);
	for (x = __start_kb_sheets; x != NULL && x < __stop_kb_sheets; x++)
		if (*(*x)->slot != NULL) {
			xsltFreeStylesheet(*(*x)->slot);
			*(*x)->slot = NULL;
		}
	if (prefs != NULL)
		xsltFreeSecurityPrefs(prefs);
	sheet = NULL;
	prefs = NULL;
	xsltCleanupGlobals();
	xmlCleanupParser();
}

/* Apply st to doc under the security preferences; the result or NULL. */
xmlDocPtr render_transform(xsltStylesheetPtr st, xmlDocPtr doc)
{
	xsltTransformContextPtr ctx;
	xmlDocPtr res = NULL;

	ctx = xsltNewTransformContext(st, doc);
	if (ctx == NULL)
		return NULL;
	if (xsltSetCtxtSecurityPrefs(prefs, ctx) == 0)
		res = xsltApplyStylesheetUser(st, doc, NULL, NULL, NULL, ctx);
	if (res != NULL && ctx->state != XSLT_STATE_OK) {
		xmlFreeDoc(res);
		res = NULL;
	}
	if (res == NULL)
		log_msg(LOG_ERR, "stylesheet failed on page %s",
			doc->children ? (const char *)doc->children->name : "?");
	xsltFreeTransformContext(ctx);
	return res;
}

int render_html(xmlDocPtr doc, xmlChar **out, int *len)
{
	xmlDocPtr res;
	int rc = -1;

	*out = NULL;
	*len = 0;
	res = render_transform(sheet, doc);
	if (res == NULL)
		return -1;
	if (xsltSaveResultToString(out, len, res, sheet) == 0 && *out != NULL)
		rc = 0;
	xmlFreeDoc(res);
	return rc;
}
