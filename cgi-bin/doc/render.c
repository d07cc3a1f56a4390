/*
 * render.c: XML to HTML in-process.  xsl/site.xsl is compiled once per worker
 * (as nginx compiles its sheets at configuration time), with only the
 * program's own section's sheets (see site.xsl on why), and every transform
 * runs with security preferences that forbid reading or writing files and
 * the network: a stylesheet can only turn the page it is given into HTML.
 */
#include <stdio.h>

#include <libexslt/exslt.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "core/log.h"
#include "doc/catalog.h"
#include "doc/finish.h"
#include "doc/html_write.h"
#include "doc/render.h"
#include "doc/xmlmem.h"
#include "doc/xsl_node.h"

static xsltStylesheetPtr sheet; /* xsl/site.xsl: pages as HTML */
/* The program's own section's pages in Russian and in English: the same
 * sheet with its messages written in (doc/catalog.c).  sheet renders the
 * rest (error pages) and everything when the program has no section. */
static xsltStylesheetPtr own_sheet[2];
static struct catalog *own_messages[2]; /* kb:msg's, one per own_sheet */
static char own_section[32];
static const char *const languages[2] = {"ru", "en"};

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
/*
 * site.xsl as a program compiles it: without the sheets of other sections
 * (an xsl:include marked kb:section="x" stays only for section x), and with
 * finish.xsl's pass marked for doc/finish.c instead of copying the page a
 * second time.  Done to each sheet as libxslt loads it, site.xsl first.
 */
static const char *loading_section;
static const struct catalog *loading_catalog;
static xsltDocLoaderFunc default_loader;

static void keep_own_includes(xmlNodePtr root, const char *section)
{
	xmlNodePtr n, next;

	for (n = root->children; n != NULL; n = next) {
		xmlChar *of;

		next = n->next;
		if (!xsl_node_is(n, "include"))
			continue;
		of = xmlGetNsProp(n, BAD_CAST "section", BAD_CAST SITE_NS);
		if (of != NULL && !xmlStrEqual(of, BAD_CAST section)) {
			xmlUnlinkNode(n);
			xmlFreeNode(n);
		}
		xmlFree(of);
	}
}

static xmlDocPtr load_for_section(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
				  xsltLoadType type)
{
	xmlDocPtr doc = default_loader(uri, dict, options, ctxt, type);

	if (doc != NULL && xmlDocGetRootElement(doc) != NULL &&
	    (type == XSLT_LOAD_START || type == XSLT_LOAD_STYLESHEET)) {
		keep_own_includes(xmlDocGetRootElement(doc), loading_section);
		finish_mark_calls(xmlDocGetRootElement(doc));
		catalog_resolve(xmlDocGetRootElement(doc), loading_catalog);
	}
	return doc;
}

static xsltStylesheetPtr compile_site(const char *xsl_dir, const char *section,
				      const struct catalog *messages)
{
	xsltStylesheetPtr st;

	if (section == NULL)
		return compile(xsl_dir, "site.xsl");
	loading_section = section;
	loading_catalog = messages;
	default_loader = xsltDocDefaultLoader;
	xsltSetLoaderFunc(load_for_section);
	st = compile(xsl_dir, "site.xsl");
	xsltSetLoaderFunc(NULL);
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

int render_init(const char *xsl_dir, const char *section)
{
	const struct render_sheet *const *x;

	exsltRegisterAll();
	xmlSubstituteEntitiesDefault(0);
	xmlLoadExtDtdDefaultValue = 0;
	if ((sheet = compile_site(xsl_dir, section, NULL)) == NULL)
		return -1;
	if (section != NULL) {
		size_t i;

		snprintf(own_section, sizeof(own_section), "%s", section);
		if (catalog_register() != 0)
			return -1;
		for (i = 0; i < 2; i++) {
			own_messages[i] = catalog_load(xsl_dir, languages[i], section);
			if (own_messages[i] == NULL)
				return -1;
			own_sheet[i] = compile_site(xsl_dir, section, own_messages[i]);
			if (own_sheet[i] == NULL)
				return -1;
			catalog_bind(own_sheet[i], own_messages[i]);
		}
	}
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
	for (size_t i = 0; i < 2; i++) {
		if (own_sheet[i] != NULL)
			xsltFreeStylesheet(own_sheet[i]);
		catalog_free(own_messages[i]);
		own_sheet[i] = NULL;
		own_messages[i] = NULL;
	}
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

/* The program's sheet for the page's section and language (i18n.xsl's rule:
 * English if lang is "en", else Russian), or the general one. */
static xsltStylesheetPtr sheet_for(xmlDocPtr doc)
{
	xmlNodePtr page = xmlDocGetRootElement(doc);
	xmlChar *section, *lang;
	xsltStylesheetPtr st = sheet;

	if (page == NULL || own_sheet[0] == NULL)
		return sheet;
	section = xmlGetProp(page, BAD_CAST "section");
	lang = xmlGetProp(page, BAD_CAST "lang");
	if (xmlStrEqual(section, BAD_CAST own_section))
		st = own_sheet[xmlStrEqual(lang, BAD_CAST "en") ? 1 : 0];
	xmlFree(section);
	xmlFree(lang);
	return st;
}

/* The sheet's output is what doc/html_write.c writes: HTML, UTF-8, not indented. */
static int writes_html(const xsltStylesheet *st)
{
	return xmlStrEqual(st->method, BAD_CAST "html") && st->methodURI == NULL &&
	       xmlStrcasecmp(st->encoding, BAD_CAST "UTF-8") == 0 && st->indent == 0;
}

int render_html(xmlDocPtr doc, xmlChar **out, int *len)
{
	xmlDocPtr res;
	xsltStylesheetPtr st = sheet_for(doc);
	int rc = -1;

	*out = NULL;
	*len = 0;
	res = render_transform(st, doc);
	if (res == NULL)
		return -1;
	finish_result(res, doc);
	/* site.xsl's output as xsltSaveResultToString() writes it, by doc/html_write.c;
	 * a result it does not know how to write (it says so) is libxml2's. */
	if (writes_html(st) && htmlSetMetaEncoding(res, BAD_CAST "UTF-8") == 0 &&
	    html_write(res, out, len) == 0)
		rc = 0;
	else if (xsltSaveResultToString(out, len, res, st) == 0 && *out != NULL)
		rc = 0;
	xmlmem_free_doc(res);
	return rc;
}
