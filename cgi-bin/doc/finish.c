/*
 * finish.c: xsl/finish.xsl's last pass over a page, done on the transform's
 * result instead of by copying the page's content a second time.
 *
 * Why: the XSLT pass builds the content as a result tree fragment and
 * copies every node of it through mode "finish": a third of the
 * dashboard's transform (callgrind: 10.4 M instructions a page with the
 * pass, 6.9 M without it).  The rules are few and local, so they are done
 * here on the nodes in place.  nginx's XSLT filter still runs finish.xsl
 * itself, and the test that compares its pages with the programs' (every
 * page, both languages) holds the two to the same bytes.
 *
 * The rules, as finish.xsl states them (its comments say why each exists):
 *  - a body or footer cell of a "data" table with a head gets data-label,
 *    the text of the head cell above it, counting earlier cells' colspans;
 *  - a named input, select or textarea whose field was refused (the page
 *    has <error field>, the content has its message "error-NAME") gets
 *    aria-invalid and is described by the message first; aria-describedby
 *    always ends the element's attributes, as the XSLT copy left it;
 *  - a date or month input holding a refused value becomes a text input
 *    without min and max, so the value stays as typed;
 *  - the error summary (p id="form-error") takes tabindex -1 and autofocus,
 *    and no other element keeps autofocus while it is there.
 */
#include <math.h>
#include <string.h>

#include <libxml/xpathInternals.h>
#include <libxslt/xslt.h>

#include "doc/finish.h"
#include "doc/xsl_node.h"

static int is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns == NULL &&
	       xmlStrEqual(n->name, BAD_CAST name);
}

static xmlAttrPtr attr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	for (a = n->properties; a != NULL; a = a->next)
		if (a->ns == NULL && xmlStrEqual(a->name, BAD_CAST name))
			return a;
	return NULL;
}

/* An attribute's value as XPath's string() gives it ("" when absent); caller frees. */
static xmlChar *value(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a = attr(n, name);
	xmlChar *v = a != NULL ? xmlNodeListGetString(n->doc, a->children, 1) : NULL;

	return v != NULL ? v : xmlStrdup(BAD_CAST "");
}

static int value_is(xmlNodePtr n, const char *name, const char *want)
{
	xmlChar *v = value(n, name);
	int eq = xmlStrEqual(v, BAD_CAST want);

	xmlFree(v);
	return eq;
}

static void drop(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a = attr(n, name);

	if (a != NULL)
		xmlRemoveProp(a);
}

/* XPath's normalize-space(), in place. */
static void normalize_space(xmlChar *s)
{
	xmlChar *r = s, *w = s;
	int gap = 0;

	while (*r == ' ' || *r == '\t' || *r == '\r' || *r == '\n')
		r++;
	for (; *r; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\r' || *r == '\n') {
			gap = 1;
			continue;
		}
		if (gap)
			*w++ = ' ';
		gap = 0;
		*w++ = *r;
	}
	*w = '\0';
}

static int has_id(xmlNodePtr top, const xmlChar *id)
{
	xmlNodePtr c;

	for (c = top->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (attr(c, "id") != NULL) {
			xmlChar *v = value(c, "id");
			int eq = xmlStrEqual(v, id);

			xmlFree(v);
			if (eq)
				return 1;
		}
		if (has_id(c, id))
			return 1;
	}
	return 0;
}

/* ---------------------------------------------------------------- cells */

/* The cell's table, when the cell is table[thead][class ~ data]/(tbody|tfoot)/tr/(td|th). */
static xmlNodePtr data_table_of(xmlNodePtr cell)
{
	xmlNodePtr tr = cell->parent, group, table, c;
	xmlChar *cls, *spaced;
	int data;

	if (!is(tr, "tr"))
		return NULL;
	group = tr->parent;
	if (!is(group, "tbody") && !is(group, "tfoot"))
		return NULL;
	table = group->parent;
	if (!is(table, "table"))
		return NULL;
	for (c = table->children; c != NULL && !is(c, "thead"); c = c->next)
		;
	if (c == NULL)
		return NULL;
	cls = value(table, "class");
	spaced = xmlStrncatNew(BAD_CAST " ", cls, -1);
	spaced = xmlStrcat(spaced, BAD_CAST " ");
	data = spaced != NULL && xmlStrstr(spaced, BAD_CAST " data ") != NULL;
	xmlFree(cls);
	xmlFree(spaced);
	return data ? table : NULL;
}

/* The cell's column: 1, plus 1 for each earlier cell without colspan, plus
 * the earlier cells' colspans read as XPath numbers (so a bad one is NaN). */
static double column_of(xmlNodePtr cell)
{
	double col = 1;
	xmlNodePtr s;

	for (s = cell->prev; s != NULL; s = s->prev) {
		if (s->type != XML_ELEMENT_NODE)
			continue;
		if (attr(s, "colspan") == NULL) {
			col += 1;
		} else {
			xmlChar *v = value(s, "colspan");

			col += xmlXPathStringEvalNumber(v);
			xmlFree(v);
		}
	}
	return col;
}

/* normalize-space(table/thead/tr[1]/th[col]), the first such in document order; caller frees. */
static xmlChar *head_text(xmlNodePtr table, double col)
{
	xmlNodePtr head, tr, th;

	if (isnan(col) || col < 1 || col != floor(col))
		return NULL;
	for (head = table->children; head != NULL; head = head->next) {
		double k = 0;

		if (!is(head, "thead"))
			continue;
		for (tr = head->children; tr != NULL && !is(tr, "tr"); tr = tr->next)
			;
		if (tr == NULL)
			continue;
		for (th = tr->children; th != NULL; th = th->next) {
			if (is(th, "th") && ++k == col) {
				xmlChar *t = xmlNodeGetContent(th);

				if (t != NULL)
					normalize_space(t);
				return t;
			}
		}
	}
	return NULL;
}

static void label_cell(xmlNodePtr cell)
{
	xmlNodePtr table = data_table_of(cell);
	xmlChar *head;

	if (table == NULL || attr(cell, "colspan") != NULL || attr(cell, "data-label") != NULL)
		return;
	head = head_text(table, column_of(cell));
	if (head != NULL && head[0] != '\0')
		xmlNewProp(cell, BAD_CAST "data-label", head);
	xmlFree(head);
}

/* ---------------------------------------------------------------- fields */

static int field_refused(xmlDocPtr source, const xmlChar *name)
{
	xmlNodePtr page = xmlDocGetRootElement(source), e;

	for (e = page != NULL ? page->children : NULL; e != NULL; e = e->next)
		if (is(e, "error") && attr(e, "field") != NULL) {
			xmlChar *f = value(e, "field");
			int eq = xmlStrEqual(f, name);

			xmlFree(f);
			if (eq)
				return 1;
		}
	return 0;
}

/* A date or month input's type, min and max, unless its value is empty or of the input's shape. */
static void keep_typed_date(xmlNodePtr input)
{
	xmlChar *type = value(input, "type"), *v = value(input, "value");
	int date = xmlStrEqual(type, BAD_CAST "date"), month = xmlStrEqual(type, BAD_CAST "month");
	xmlChar *p;

	if (date || month) {
		for (p = v; *p; p++)
			if (*p >= '0' && *p <= '9')
				*p = '0';
		if (v[0] != '\0' && !(date && xmlStrEqual(v, BAD_CAST "0000-00-00")) &&
		    !(month && xmlStrEqual(v, BAD_CAST "0000-00"))) {
			xmlSetProp(input, BAD_CAST "type", BAD_CAST "text");
			drop(input, "min");
			drop(input, "max");
		}
	}
	xmlFree(type);
	xmlFree(v);
}

static void describe_field(xmlNodePtr field, xmlNodePtr top, xmlDocPtr source)
{
	xmlChar *name = value(field, "name"), *said = NULL, *msg = NULL;
	int refused;

	if (attr(field, "aria-describedby") != NULL)
		said = value(field, "aria-describedby");
	msg = xmlStrncatNew(BAD_CAST "error-", name, -1);
	refused = msg != NULL && field_refused(source, name) && has_id(top, msg);
	drop(field, "aria-describedby");
	if (refused) {
		xmlChar *both = xmlStrncatNew(msg, BAD_CAST " ", -1);

		both = xmlStrcat(both, said != NULL ? said : BAD_CAST "");
		if (both != NULL) {
			normalize_space(both);
			xmlSetProp(field, BAD_CAST "aria-invalid", BAD_CAST "true");
			xmlNewProp(field, BAD_CAST "aria-describedby", both);
		}
		xmlFree(both);
	} else if (said != NULL) {
		xmlNewProp(field, BAD_CAST "aria-describedby", said);
	}
	xmlFree(name);
	xmlFree(said);
	xmlFree(msg);
}

static int is_field(xmlNodePtr n)
{
	if (is(n, "input"))
		return attr(n, "name") != NULL && !value_is(n, "type", "hidden");
	return (is(n, "select") || is(n, "textarea")) && attr(n, "name") != NULL;
}

/* ---------------------------------------------------------------- the walk */

struct pass {
	xmlNodePtr top;   /* the kb:finish element: the tree finish.xsl was given */
	xmlDocPtr source; /* the page */
	int summary;      /* the tree has the error summary */
};

static void finish_node(const struct pass *p, xmlNodePtr n)
{
	xmlNodePtr c;

	/* The attributes' own rules first, as the XSLT copy applied them. */
	if (p->summary)
		drop(n, "autofocus");
	if (is(n, "input"))
		keep_typed_date(n);
	if (is(n, "td") || is(n, "th"))
		label_cell(n);
	else if (is_field(n))
		describe_field(n, p->top, p->source);
	else if (is(n, "p") && value_is(n, "id", "form-error")) {
		xmlSetProp(n, BAD_CAST "tabindex", BAD_CAST "-1");
		xmlSetProp(n, BAD_CAST "autofocus", BAD_CAST "autofocus");
	}
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			finish_node(p, c);
}

/* The marker's children take its place. */
static void unwrap(xmlNodePtr m)
{
	xmlNodePtr first = m->children, last = m->last, c;

	if (first != NULL) {
		for (c = first; c != NULL; c = c->next)
			c->parent = m->parent;
		first->prev = m->prev;
		last->next = m->next;
		if (m->prev != NULL)
			m->prev->next = first;
		else
			m->parent->children = first;
		if (m->next != NULL)
			m->next->prev = last;
		else
			m->parent->last = last;
		m->children = m->last = NULL;
		m->prev = m->next = NULL;
		m->parent = NULL;
	} else {
		xmlUnlinkNode(m);
	}
	xmlFreeNode(m);
}

static int is_marker(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       xmlStrEqual(n->ns->href, BAD_CAST SITE_NS) &&
	       xmlStrEqual(n->name, BAD_CAST FINISH_NAME);
}

static void finish_markers(xmlNodePtr n, xmlDocPtr source)
{
	xmlNodePtr c, next;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_marker(c)) {
			struct pass p = {c, source, has_id(c, BAD_CAST "form-error")};
			xmlNodePtr k;

			for (k = c->children; k != NULL; k = k->next)
				if (k->type == XML_ELEMENT_NODE)
					finish_node(&p, k);
			unwrap(c);
		} else {
			finish_markers(c, source);
		}
	}
}

void finish_result(xmlDocPtr result, xmlDocPtr source)
{
	if (result != NULL && source != NULL)
		finish_markers((xmlNodePtr)result, source);
}

/* ---------------------------------------------------------------- the sheet */

/* <xsl:call-template name="finished"><xsl:with-param name="tree">T</…></…> →
 * <kb:finish>T</kb:finish> */
static void mark_call(xmlNodePtr call)
{
	xmlNodePtr param = NULL, c, mark;
	xmlNsPtr ns;
	int params = 0;

	for (c = call->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE) {
			params++;
			param = c;
		}
	/* Only the one shape finish.xsl is called with; anything else stays XSLT. */
	if (params != 1 || !xsl_node_is(param, "with-param") ||
	    xmlHasProp(param, BAD_CAST "select") || !xsl_node_attr_is(param, "name", "tree"))
		return;
	mark = xmlNewDocNode(call->doc, NULL, BAD_CAST FINISH_NAME, NULL);
	if (mark == NULL)
		return;
	ns = xmlNewNs(mark, BAD_CAST SITE_NS, BAD_CAST "kb");
	if (ns == NULL) {
		xmlFreeNode(mark);
		return;
	}
	xmlSetNs(mark, ns);
	while ((c = param->children) != NULL) {
		xmlUnlinkNode(c);
		xmlAddChild(mark, c);
	}
	xmlReplaceNode(call, mark);
	xmlFreeNode(call);
}

void finish_mark_calls(xmlNodePtr n)
{
	xmlNodePtr c, next;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = next) {
		next = c->next;
		if (xsl_node_is(c, "call-template") && xsl_node_attr_is(c, "name", "finished"))
			mark_call(c);
		else if (c->type == XML_ELEMENT_NODE)
			finish_mark_calls(c);
	}
}
