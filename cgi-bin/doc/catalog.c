/*
 * catalog.c: a section's messages in one language, written into its
 * stylesheet as it is compiled.
 *
 * Why: each $M/KEY is a name test over the catalog's children, about ten
 * thousand instructions, some sixty times a page (callgrind: hoisting just
 * the chart's two out of its loop saved 3.6 % of the dashboard's
 * transform).  A key written in a sheet is the same text on every page of a
 * section in a language, so the program compiles one sheet per language in
 * which it is that text.  Keys computed at run time ("error." and a code)
 * still go through $M, which i18n.xsl still builds.
 *
 * Only what means the same is replaced: a key the catalog has, with text,
 * used as a string.  A path that goes on ($M/months/m), a union, or an
 * argument of a function that wants nodes (count, name, ...) is left alone.
 *
 * Month names are looked up by a number computed at run time
 * ($month-names[$n], and common.xsl's template month-label): about 6 500
 * instructions a lookup in the node set, 17 000 a month-label call, 36 of
 * them on the dashboard.  In a program's sheet they become kb:month($n)
 * and kb:month-label($v), over the catalog's twelve names.
 */
#include <math.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/xslt.h>

#include "core/log.h"
#include "doc/catalog.h"
#include "doc/xsl_node.h"

#define MONTHS 12

struct catalog {
	xmlHashTablePtr text;    /* key -> message */
	xmlDocPtr doc;           /* the messages as i18n.xsl's $M holds them, built once */
	xmlChar *months[MONTHS]; /* <months>'s <m>s, as $M/months/m */
	int nmonths;
};

static void free_text(void *payload, const xmlChar *name)
{
	(void)name;
	xmlFree(payload);
}

void catalog_free(struct catalog *c)
{
	if (c == NULL)
		return;
	if (c->text != NULL)
		xmlHashFree(c->text, free_text);
	for (int i = 0; i < c->nmonths; i++)
		xmlFree(c->months[i]);
	xmlFreeDoc(c->doc);
	xmlFree(c);
}

/* <months><m>…</m>…</months>: the names in order, unless an earlier <months> gave them ($M's
 * first). */
static int add_months(struct catalog *c, xmlNodePtr months)
{
	xmlNodePtr m;

	if (c->nmonths > 0)
		return 0;
	for (m = months->children; m != NULL && c->nmonths < MONTHS; m = m->next) {
		if (m->type != XML_ELEMENT_NODE || m->ns != NULL ||
		    !xmlStrEqual(m->name, BAD_CAST "m"))
			continue;
		if ((c->months[c->nmonths] = xmlNodeGetContent(m)) == NULL)
			return -1;
		c->nmonths++;
	}
	return 0;
}

/* A message's copy as its template makes it: a stylesheet's blank text and comments are not
 * part of what it makes. */
static void as_instantiated(xmlNodePtr n)
{
	xmlNodePtr k, next;

	for (k = n->children; k != NULL; k = next) {
		next = k->next;
		if ((k->type == XML_TEXT_NODE && xmlIsBlankNode(k)) ||
		    k->type == XML_COMMENT_NODE || k->type == XML_PI_NODE) {
			xmlUnlinkNode(k);
			xmlFreeNode(k);
		} else if (k->type == XML_ELEMENT_NODE) {
			as_instantiated(k);
		}
	}
}

/* The messages of one named template; a key already there keeps its text, as $M's first does. */
static int add_template(struct catalog *c, xmlNodePtr root, const char *name)
{
	xmlNodePtr t, m;

	for (t = root->children; t != NULL; t = t->next) {
		if (!xsl_node_is(t, "template") || !xsl_node_attr_is(t, "name", name))
			continue;
		for (m = t->children; m != NULL; m = m->next) {
			xmlChar *text;
			xmlNodePtr copy;

			if (m->type != XML_ELEMENT_NODE || m->ns != NULL)
				continue;
			/* every message in order, repeated keys too, as the template call makes $M
			 */
			if ((copy = xmlDocCopyNode(m, c->doc, 1)) == NULL)
				return -1;
			as_instantiated(copy);
			if (xmlAddChild((xmlNodePtr)c->doc, copy) == NULL) {
				xmlFreeNode(copy);
				return -1;
			}
			if (xmlStrEqual(m->name, BAD_CAST "months") && add_months(c, m) != 0)
				return -1;
			if (xmlHashLookup(c->text, m->name) != NULL)
				continue;
			text = xmlNodeGetContent(m);
			if (text == NULL || xmlHashAddEntry(c->text, m->name, text) != 0) {
				xmlFree(text);
				return -1;
			}
		}
		return 0;
	}
	return 0; /* a section without words of its own */
}

struct catalog *catalog_load(const char *xsl_dir, const char *lang, const char *section)
{
	char path[512], common[64], own[96];
	struct catalog *c;
	xmlDocPtr doc;
	int rc = -1;

	snprintf(path, sizeof(path), "%s/messages.%s.xsl", xsl_dir, lang);
	snprintf(common, sizeof(common), "messages-%s", lang);
	snprintf(own, sizeof(own), "messages-%s-%s", lang, section);
	if ((c = xmlMalloc(sizeof(*c))) == NULL)
		return NULL;
	memset(c, 0, sizeof(*c));
	c->text = xmlHashCreate(512);
	c->doc = xmlNewDoc(BAD_CAST "1.0");
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	if (c->text != NULL && c->doc != NULL && doc != NULL && xmlDocGetRootElement(doc) != NULL)
		rc = add_template(c, xmlDocGetRootElement(doc), common) ||
		     add_template(c, xmlDocGetRootElement(doc), own);
	xmlFreeDoc(doc);
	if (rc != 0) {
		log_msg(LOG_ERR, "cannot read the messages of %s", path);
		catalog_free(c);
		return NULL;
	}
	return c;
}

/* ---------------------------------------------------------------- rewriting */

struct out {
	xmlChar *s;
	int changed;
};

/* n < 0: all of s (xmlStrncat itself refuses a negative length). */
static void put(struct out *o, const xmlChar *s, int n)
{
	if (o->s != NULL)
		o->s = xmlStrncat(o->s, s, n < 0 ? xmlStrlen(s) : n);
}

static int name_char(xmlChar c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '-' || c == '_';
}

static int space(xmlChar c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A message as an XPath string literal; XPath 1.0 has no escapes, so one
 * holding both quotes is a concat() of pieces. */
static void put_literal(struct out *o, const xmlChar *text)
{
	const xmlChar *p, *q;

	if (xmlStrchr(text, '\'') == NULL) {
		put(o, BAD_CAST "'", 1);
		put(o, text, -1);
		put(o, BAD_CAST "'", 1);
		return;
	}
	if (xmlStrchr(text, '"') == NULL) {
		put(o, BAD_CAST "\"", 1);
		put(o, text, -1);
		put(o, BAD_CAST "\"", 1);
		return;
	}
	put(o, BAD_CAST "concat(''", -1);
	for (p = text; *p; p = q) {
		q = p;
		while (*q && *q != '\'')
			q++;
		if (q > p) {
			put(o, BAD_CAST ", '", -1);
			put(o, p, (int)(q - p));
			put(o, BAD_CAST "'", 1);
		}
		if (*q == '\'') {
			put(o, BAD_CAST ", \"'\"", -1);
			q++;
		}
	}
	put(o, BAD_CAST ")", 1);
}

/* Is the call whose "(" ends s[0..i) one whose argument must stay a node-set? */
static int wants_nodes(const xmlChar *s, int i)
{
	static const char *const fns[] = {"count",         "sum",         "name",    "local-name",
	                                  "namespace-uri", "generate-id", "node-set"};
	size_t k;

	while (i > 0 && space(s[i - 1]))
		i--;
	if (i > 0 && s[i - 1] == '|')
		return 1;
	if (i == 0 || s[i - 1] != '(')
		return 0;
	i--;
	while (i > 0 && space(s[i - 1]))
		i--;
	for (k = 0; k < sizeof(fns) / sizeof(fns[0]); k++) {
		int n = (int)strlen(fns[k]);

		if (i >= n && memcmp(s + i - n, fns[k], (size_t)n) == 0 &&
		    (i == n || !name_char(s[i - n - 1])))
			return 1;
	}
	return 0;
}

/* The message a $M/KEY at s[i] stands for (and where the reference ends), or NULL. */
static const xmlChar *message_at(const struct catalog *c, const xmlChar *s, int i, int *end)
{
	int j = i + 3, k, n;
	xmlChar *key;
	const xmlChar *text;

	if (s[i] != '$' || s[i + 1] != 'M' || s[i + 2] != '/' || (i > 0 && name_char(s[i - 1])))
		return NULL;
	for (k = j; name_char(s[k]); k++)
		;
	if (k == j)
		return NULL;
	for (n = k; space(s[n]); n++)
		;
	if (s[n] == '/' || s[n] == '[' || s[n] == '(' || s[n] == '|' || wants_nodes(s, i))
		return NULL;
	key = xmlStrndup(s + j, k - j);
	text = key != NULL ? xmlHashLookup(c->text, key) : NULL;
	xmlFree(key);
	if (text == NULL || text[0] == '\0')
		return NULL;
	*end = k;
	return text;
}

/*
 * $month-names[$name] at s[i], used as a string: the whole select of an
 * xsl:value-of (whole is set), or an argument of a function that does not
 * want nodes.  *arg and *arg_len: the $name; *end: after the "]".
 */
static int month_at(const xmlChar *s, int i, int whole, int *arg, int *arg_len, int *end)
{
	static const char head[] = "$month-names[";
	int j = i + (int)sizeof(head) - 1, k, n, b;

	if (xmlStrncmp(s + i, BAD_CAST head, (int)sizeof(head) - 1) != 0 ||
	    (i > 0 && name_char(s[i - 1])))
		return 0;
	while (space(s[j]))
		j++;
	if (s[j] != '$')
		return 0;
	for (k = j + 1; name_char(s[k]); k++)
		;
	for (n = k; space(s[n]); n++)
		;
	if (k == j + 1 || s[n] != ']')
		return 0;
	for (n++, *end = n; space(s[n]); n++)
		;
	if (s[n] == '/' || s[n] == '[' || s[n] == '|' || wants_nodes(s, i))
		return 0;
	for (b = i; b > 0 && space(s[b - 1]); b--)
		;
	if (!(whole && b == 0 && s[n] == '\0') && !(b > 0 && (s[b - 1] == '(' || s[b - 1] == ',')))
		return 0;
	*arg = j;
	*arg_len = k - j;
	return 1;
}

/*
 * An XPath expression with its keys replaced, and with its month lookups
 * made kb:month() calls when fn (the prefix of SITE_NS there) is given;
 * NULL if nothing was.  whole: the expression is an xsl:value-of's select.
 */
static xmlChar *resolve_expr(const struct catalog *c, const xmlChar *s, int len, const xmlChar *fn,
                             int whole)
{
	struct out o = {xmlStrdup(BAD_CAST ""), 0};
	int i = 0, from = 0;

	while (i < len) {
		const xmlChar *text;
		int end, arg, arg_len;

		if (s[i] == '\'' || s[i] == '"') {
			xmlChar q = s[i++];

			while (i < len && s[i] != q)
				i++;
			i++;
			continue;
		}
		if ((text = message_at(c, s, i, &end)) != NULL && end <= len) {
			put(&o, s + from, i - from);
			put_literal(&o, text);
			o.changed = 1;
			i = from = end;
			continue;
		}
		if (fn != NULL && month_at(s, i, whole, &arg, &arg_len, &end) && end <= len) {
			put(&o, s + from, i - from);
			put(&o, fn, -1);
			put(&o, BAD_CAST ":month(", -1);
			put(&o, s + arg, arg_len);
			put(&o, BAD_CAST ")", 1);
			o.changed = 1;
			i = from = end;
			continue;
		}
		i++;
	}
	if (!o.changed || o.s == NULL) {
		xmlFree(o.s);
		return NULL;
	}
	put(&o, s + from, len - from);
	return o.s;
}

/* Text for an attribute value template: its braces doubled. */
static void put_avt_text(struct out *o, const xmlChar *text)
{
	const xmlChar *p;

	for (p = text; *p; p++) {
		put(o, p, 1);
		if (*p == '{' || *p == '}')
			put(o, p, 1);
	}
}

/* An attribute value template with its keys replaced; NULL if nothing was. */
static xmlChar *resolve_avt(const struct catalog *c, const xmlChar *v)
{
	struct out o = {xmlStrdup(BAD_CAST ""), 0};
	int i = 0, from = 0;

	while (v[i]) {
		int j, a, b, end;
		const xmlChar *text;
		xmlChar *r;

		if ((v[i] == '{' && v[i + 1] == '{') || (v[i] == '}' && v[i + 1] == '}')) {
			i += 2;
			continue;
		}
		if (v[i] != '{') {
			i++;
			continue;
		}
		for (j = i + 1; v[j] && v[j] != '}'; j++)
			if (v[j] == '\'' || v[j] == '"') {
				xmlChar q = v[j];

				while (v[j + 1] && v[j + 1] != q)
					j++;
				j++;
			}
		if (!v[j])
			break; /* not a template libxslt would take: left as it is */
		for (a = i + 1; space(v[a]); a++)
			;
		for (b = j; b > a && space(v[b - 1]); b--)
			;
		put(&o, v + from, i - from);
		if ((text = message_at(c, v, a, &end)) != NULL && end == b) {
			put_avt_text(&o, text); /* {$M/key} alone: the text itself */
			o.changed = 1;
		} else if ((r = resolve_expr(c, v + i + 1, j - i - 1, NULL, 0)) != NULL) {
			put(&o, BAD_CAST "{", 1);
			put(&o, r, -1);
			put(&o, BAD_CAST "}", 1);
			xmlFree(r);
			o.changed = 1;
		} else {
			put(&o, v + i, j + 1 - i);
		}
		i = from = j + 1;
	}
	if (!o.changed || o.s == NULL) {
		xmlFree(o.s);
		return NULL;
	}
	put(&o, v + from, -1);
	return o.s;
}

/*
 * The prefix SITE_NS has on n, declared there as kb if it has none; NULL if
 * it cannot be.  Only for an XSL element without children: a declaration on
 * an element with a literal result inside would be copied to the output.
 */
static const xmlChar *site_prefix(xmlNodePtr n)
{
	xmlNsPtr ns;

	if (n->children != NULL)
		return NULL;
	ns = xmlSearchNsByHref(n->doc, n, BAD_CAST SITE_NS);
	if (ns == NULL)
		ns = xmlNewNs(n, BAD_CAST SITE_NS, BAD_CAST "kb");
	return ns != NULL ? ns->prefix : NULL;
}

static void resolve_attr(xmlNodePtr n, xmlAttrPtr a, const struct catalog *c, int avt)
{
	xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1), *r;
	const xmlChar *fn = NULL;

	if (v == NULL)
		return;
	if (!avt && xmlStrEqual(a->name, BAD_CAST "select") &&
	    xmlStrstr(v, BAD_CAST "$month-names[") != NULL)
		fn = site_prefix(n);
	r = avt ? resolve_avt(c, v)
	        : resolve_expr(c, v, xmlStrlen(v), fn, xsl_node_is(n, "value-of"));
	if (r != NULL)
		xmlSetProp(n, a->name, r);
	xmlFree(r);
	xmlFree(v);
}

/*
 * <xsl:template name="NAME"><xsl:param …/>…</…>: its body (all but its
 * params) becomes <xsl:value-of select="CALL"/>, CALL a kb: function's.
 */
static void replace_body(xmlNodePtr t, const char *name, const char *select)
{
	xmlNodePtr k, next, v;
	xmlNsPtr ns;

	if (!xsl_node_attr_is(t, "name", name))
		return;
	for (k = t->children; k != NULL; k = next) {
		next = k->next;
		if (!xsl_node_is(k, "param")) {
			xmlUnlinkNode(k);
			xmlFreeNode(k);
		}
	}
	v = xmlNewDocNode(t->doc, t->ns, BAD_CAST "value-of", NULL);
	if (v == NULL)
		return;
	ns = xmlNewNs(v, BAD_CAST SITE_NS, BAD_CAST "kb");
	xmlNewProp(v, BAD_CAST "select", BAD_CAST select);
	if (ns == NULL || xmlAddChild(t, v) == NULL)
		xmlFreeNode(v);
}

/* The top-level xsl:variable of the sheet named name, or NULL. */
static xmlNodePtr global_variable(xmlNodePtr root, const char *name)
{
	xmlNodePtr t;

	for (t = root->children; t != NULL; t = t->next)
		if (xsl_node_is(t, "variable") && xsl_node_attr_is(t, "name", name))
			return t;
	return NULL;
}

/*
 * i18n.xsl's $M is exsl:node-set($catalog), the page's language's messages
 * made by calling their templates on every transform: about 300 000
 * instructions a page (callgrind, the readings and accounts pages), though
 * in a program's sheet most keys are text by now.  Here it becomes
 * kb:catalog(), the same messages made once (catalog_load), and $catalog
 * makes nothing.
 */
static void resolve_catalog_variables(xmlNodePtr root)
{
	xmlNodePtr m = global_variable(root, "M"), catalog = global_variable(root, "catalog"), k;
	const xmlChar *fn;
	xmlChar *select;

	if (m == NULL || catalog == NULL || (fn = site_prefix(m)) == NULL)
		return;
	if ((select = xmlStrdup(fn)) == NULL ||
	    (select = xmlStrcat(select, BAD_CAST ":catalog()")) == NULL)
		return;
	if (xmlSetProp(m, BAD_CAST "select", select) != NULL)
		while ((k = catalog->children) != NULL) {
			xmlUnlinkNode(k);
			xmlFreeNode(k);
		}
	xmlFree(select);
}

static void catalog_resolve_node(xmlNodePtr n, const struct catalog *c);

void catalog_resolve(xmlNodePtr root, const struct catalog *c)
{
	xmlNodePtr t;

	if (root == NULL || c == NULL)
		return;
	resolve_catalog_variables(root);
	for (t = root->children; t != NULL; t = t->next)
		if (xsl_node_is(t, "template")) {
			/* i18n.xsl's msg(key) and common.xsl's month-label(v) */
			replace_body(t, "msg", "kb:msg(string($key))");
			replace_body(t, "month-label", "kb:month-label(string($v))");
		}
	catalog_resolve_node(root, c);
}

static void catalog_resolve_node(xmlNodePtr n, const struct catalog *c)
{
	xmlNodePtr k;
	xmlAttrPtr a;

	if (n == NULL || c == NULL || n->type != XML_ELEMENT_NODE)
		return;
	for (a = n->properties; a != NULL; a = a->next) {
		if (a->ns != NULL)
			continue;
		if (xsl_node_is(n, NULL)) {
			if (xmlStrEqual(a->name, BAD_CAST "select") ||
			    xmlStrEqual(a->name, BAD_CAST "test"))
				resolve_attr(n, a, c, 0);
		} else {
			resolve_attr(n, a, c, 1);
		}
	}
	for (k = n->children; k != NULL; k = k->next)
		catalog_resolve_node(k, c);
}

/* The catalog bound to the sheet being applied (catalog_bind). */
static const struct catalog *bound(xmlXPathParserContextPtr ctxt)
{
	xsltTransformContextPtr t = xsltXPathGetTransformContext(ctxt);

	return t != NULL && t->style != NULL ? t->style->_private : NULL;
}

/* kb:msg(key): the message, or "" as key('msg', …) over $M gives for a key it lacks. */
static void msg_function(xmlXPathParserContextPtr ctxt, int nargs)
{
	const struct catalog *c = bound(ctxt);
	xmlChar *key;
	const xmlChar *text = NULL;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	key = xmlXPathPopString(ctxt);
	if (c != NULL && key != NULL)
		text = xmlHashLookup(c->text, key);
	xmlFree(key);
	valuePush(ctxt, xmlXPathNewString(text != NULL ? text : BAD_CAST ""));
}

/* The n-th month's name, "" unless n is a whole number the catalog has a name for. */
static const xmlChar *month_by_number(const struct catalog *c, double n)
{
	if (c == NULL || !(n >= 1 && n <= c->nmonths) || n != floor(n))
		return BAD_CAST "";
	return c->months[(int)n - 1];
}

/* kb:month(n): $month-names[n], a predicate's meaning kept: positional for a
 * number, else the first name if n is true. */
static void month_function(xmlXPathParserContextPtr ctxt, int nargs)
{
	const struct catalog *c = bound(ctxt);
	xmlXPathObjectPtr n;
	const xmlChar *name;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	if ((n = valuePop(ctxt)) == NULL) {
		xmlXPathSetError(ctxt, XPATH_INVALID_OPERAND);
		return;
	}
	if (n->type == XPATH_NUMBER)
		name = month_by_number(c, n->floatval);
	else
		name = c != NULL && c->nmonths > 0 && xmlXPathCastToBoolean(n) ? c->months[0]
		                                                               : BAD_CAST "";
	xmlXPathFreeObject(n);
	valuePush(ctxt, xmlXPathNewString(name));
}

/* kb:month-label(v): common.xsl's month-label, "2026-03" as "март 2026":
 * $month-names[number(substring(v, 6, 2))], a space, substring(v, 1, 4). */
static void month_label_function(xmlXPathParserContextPtr ctxt, int nargs)
{
	xmlChar *v, *mm, *year, *out;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	if ((v = xmlXPathPopString(ctxt)) == NULL)
		return;              /* the error is set */
	mm = xmlUTF8Strsub(v, 5, 2); /* NULL: v is shorter */
	year = xmlUTF8Strsub(v, 0, 4);
	out = xmlStrdup(month_by_number(bound(ctxt),
	                                xmlXPathStringEvalNumber(mm != NULL ? mm : BAD_CAST "")));
	out = xmlStrcat(out, BAD_CAST " ");
	if (year != NULL)
		out = xmlStrcat(out, year);
	xmlFree(v);
	xmlFree(mm);
	xmlFree(year);
	if (out == NULL) {
		xmlXPathSetError(ctxt, XPATH_MEMORY_ERROR);
		return;
	}
	valuePush(ctxt, xmlXPathWrapString(out));
}

/* kb:catalog(): the messages as a node set of one node, their document, as $M was. */
static void catalog_function(xmlXPathParserContextPtr ctxt, int nargs)
{
	const struct catalog *c = bound(ctxt);

	if (nargs != 0) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	valuePush(ctxt, xmlXPathNewNodeSet(c != NULL ? (xmlNodePtr)c->doc : NULL));
}

int catalog_register(void)
{
	return xsltRegisterExtModuleFunction(BAD_CAST "msg", BAD_CAST SITE_NS, msg_function) ||
	       xsltRegisterExtModuleFunction(BAD_CAST "catalog", BAD_CAST SITE_NS,
	                                     catalog_function) ||
	       xsltRegisterExtModuleFunction(BAD_CAST "month", BAD_CAST SITE_NS, month_function) ||
	       xsltRegisterExtModuleFunction(BAD_CAST "month-label", BAD_CAST SITE_NS,
	                                     month_label_function);
}

void catalog_bind(xsltStylesheetPtr st, const struct catalog *c)
{
	st->_private = (void *)c;
}
