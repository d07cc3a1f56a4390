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

#include "../portal.h"
#include "extern.h"

static xsltStylesheetPtr sheet;
static xsltStylesheetPtr pdf_sheet;  /* xsl/pdf.xsl: pages as PDF layouts */
static xsltStylesheetPtr mail_sheet; /* xsl/mail.xsl: the outbox's messages */

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
	exsltRegisterAll();
	xmlSubstituteEntitiesDefault(0);
	xmlLoadExtDtdDefaultValue = 0;
	if ((sheet = compile(xsl_dir, "site.xsl")) == NULL ||
	    (pdf_sheet = compile(xsl_dir, "pdf.xsl")) == NULL ||
	    (mail_sheet = compile(xsl_dir, "mail.xsl")) == NULL)
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
	if (sheet != NULL)
		xsltFreeStylesheet(sheet);
	if (pdf_sheet != NULL)
		xsltFreeStylesheet(pdf_sheet);
	if (mail_sheet != NULL)
		xsltFreeStylesheet(mail_sheet);
	pdf_sheet = mail_sheet = NULL;
	if (prefs != NULL)
		xsltFreeSecurityPrefs(prefs);
	sheet = NULL;
	prefs = NULL;
	xsltCleanupGlobals();
	xmlCleanupParser();
	pdf_done();
}

/* Apply st to doc under the security preferences; the result or NULL. */
static xmlDocPtr transform(xsltStylesheetPtr st, xmlDocPtr doc)
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
	res = transform(sheet, doc);
	if (res == NULL)
		return -1;
	if (xsltSaveResultToString(out, len, res, sheet) == 0 && *out != NULL)
		rc = 0;
	xmlFreeDoc(res);
	return rc;
}

static int render_layout(xmlDocPtr doc, xmlDocPtr *layout)
{
	*layout = transform(pdf_sheet, doc);
	return *layout == NULL ? -1 : 0;
}

enum perr render_pdf(struct arena *ar, xmlDocPtr page, const unsigned char **pdf, size_t *len)
{
	xmlDocPtr layout;
	enum perr e;

	*pdf = NULL;
	*len = 0;
	if (render_layout(page, &layout) != 0)
		return PERR_SYS;
	e = pdf_render(ar, layout, pdf, len);
	xmlFreeDoc(layout);
	return e;
}

int render_message(xmlDocPtr page, xmlDocPtr *out)
{
	*out = transform(mail_sheet, page);
	return *out == NULL ? -1 : 0;
}
