/*
 * doc/sheet.c: a page's table (xsl/sheet.xsl picks its rows) written as
 * CSV.  The XLSX writer (doc/xlsx.c) reads the same sheet.
 */
#include <string.h>

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>

#include "doc/render.h"
#include "doc/sheet.h"

static xsltStylesheetPtr sheet_sheet; /* xsl/sheet.xsl: pages as tables */
RENDER_SHEET(sheet, "sheet.xsl", &sheet_sheet);

xmlDocPtr sheet_of(xmlDocPtr page)
{
	xmlDocPtr d = render_transform(sheet_sheet, page);
	xmlNodePtr root = d ? xmlDocGetRootElement(d) : NULL;

	if (root == NULL || xmlStrcmp(root->name, BAD_CAST "sheet") != 0) {
		xmlFreeDoc(d); /* <none/>: the page has no table to give */
		return NULL;
	}
	return d;
}

static xmlNodePtr next_named(xmlNodePtr n, const char *name)
{
	for (; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0)
			return n;
	return NULL;
}

xmlNodePtr sheet_next_row(xmlNodePtr n)
{
	return next_named(xmlStrcmp(n->name, BAD_CAST "sheet") == 0 ? n->children : n->next, "row");
}

xmlNodePtr sheet_next_cell(xmlNodePtr n)
{
	return next_named(xmlStrcmp(n->name, BAD_CAST "row") == 0 ? n->children : n->next, "c");
}

/* A growing buffer in the arena. */
struct out {
	struct arena *ar;
	unsigned char *p;
	size_t len, cap;
	int failed;
};

static void put(struct out *o, const char *s, size_t n)
{
	unsigned char *np;
	size_t cap;

	if (o->failed)
		return;
	if (o->len + n > o->cap) {
		cap = o->cap ? o->cap * 2 : 4096;
		while (cap < o->len + n)
			cap *= 2;
		if ((np = arena_alloc(o->ar, cap)) == NULL) {
			o->failed = 1;
			return;
		}
		if (o->len)
			memcpy(np, o->p, o->len);
		o->p = np;
		o->cap = cap;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
}

/* One field: quoted when it must be; a would-be formula defused. */
static void field(struct out *o, const char *s, int number)
{
	int quote = strpbrk(s, ",\"\r\n") != NULL || (*s == ' ') ||
		    (*s && s[strlen(s) - 1] == ' ');
	const char *p;

	if (quote)
		put(o, "\"", 1);
	if (!number && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t'))
		put(o, "'", 1);
	for (p = s; *p; p++) {
		put(o, p, 1);
		if (*p == '"') /* a quote inside a field is doubled */
			put(o, "\"", 1);
	}
	if (quote)
		put(o, "\"", 1);
}

enum perr sheet_csv(struct arena *ar, xmlDocPtr page, const unsigned char **data, size_t *len)
{
	xmlDocPtr d = sheet_of(page);
	enum perr e;

	*data = NULL;
	*len = 0;
	if (d == NULL)
		return PERR_SYS;
	e = sheet_write_csv(ar, d, data, len);
	xmlFreeDoc(d);
	return e;
}

enum perr sheet_write_csv(struct arena *ar, xmlDocPtr d, const unsigned char **data, size_t *len)
{
	struct out o = {ar, NULL, 0, 0, 0};
	xmlNodePtr row, c;

	*data = NULL;
	*len = 0;
	for (row = sheet_next_row(xmlDocGetRootElement(d)); row != NULL; row = sheet_next_row(row)) {
		int first = 1;

		for (c = sheet_next_cell(row); c != NULL; c = sheet_next_cell(c)) {
			xmlChar *n = xmlGetProp(c, BAD_CAST "n");
			xmlChar *t = n ? NULL : xmlNodeGetContent(c);

			if (!first)
				put(&o, ",", 1);
			first = 0;
			field(&o, (const char *)(n ? n : t ? t : BAD_CAST ""), n != NULL);
			xmlFree(n);
			xmlFree(t);
		}
		put(&o, "\r\n", 2);
	}
	if (o.failed)
		return PERR_NOMEM;
	*data = o.p ? o.p : (const unsigned char *)"";
	*len = o.len;
	return PERR_OK;
}
