/*
 * Unit tests: doc/html_write.c writes what libxml2's HTML serialiser writes
 * (htmlDocContentDumpFormatOutput, unformatted, as xsltSaveResultToString
 * calls it for site.xsl) on the cases where its rules are odd.  The HTTP
 * tests compare the two on every page.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "doc/html_write.h"

/* A page as libxslt leaves a result: an HTML document, <!DOCTYPE html>, html, head, body. */
static xmlDocPtr page(xmlNodePtr *body)
{
	xmlDocPtr d = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr html, head;

	assert_non_null(d);
	assert_non_null(
	        xmlCreateIntSubset(d, BAD_CAST "html", NULL, BAD_CAST "about:legacy-compat"));
	html = xmlNewDocNode(d, NULL, BAD_CAST "html", NULL);
	xmlAddChild((xmlNodePtr)d, html);
	head = xmlNewChild(html, NULL, BAD_CAST "head", NULL);
	xmlNewChild(head, NULL, BAD_CAST "title", BAD_CAST "t");
	*body = xmlNewChild(html, NULL, BAD_CAST "body", NULL);
	return d;
}

static xmlNodePtr elem(xmlNodePtr parent, const char *name)
{
	xmlNodePtr n = xmlNewDocNode(parent->doc, NULL, BAD_CAST name, NULL);

	assert_non_null(n);
	return xmlAddChild(parent, n);
}

static xmlNodePtr text(xmlNodePtr parent, const char *name, const char *content)
{
	xmlNodePtr n = elem(parent, name);

	xmlAddChild(n, xmlNewDocText(parent->doc, BAD_CAST content));
	return n;
}

static void attr(xmlNodePtr n, const char *name, const char *value)
{
	assert_non_null(xmlSetProp(n, BAD_CAST name, BAD_CAST value));
}

/* Both writers on d, the same bytes. */
static void same(xmlDocPtr d)
{
	xmlOutputBufferPtr buf = xmlAllocOutputBuffer(NULL);
	xmlChar *mine = NULL;
	int len = -1;

	assert_non_null(buf);
	htmlSetMetaEncoding(d, BAD_CAST "UTF-8");
	htmlDocContentDumpFormatOutput(buf, d, "UTF-8", 0);
	xmlOutputBufferFlush(buf);
	assert_int_equal(html_write(d, &mine, &len), 0);
	assert_non_null(mine);
	{
		const char *lib = (const char *)xmlBufContent(buf->buffer), *our = (const char *)mine;
		size_t k = 0;

		while (lib[k] != '\0' && lib[k] == our[k])
			k++;
		if (lib[k] != our[k])
			print_error("they part at byte %zu:\n libxml2: %.70s\n written: %.70s\n", k,
			            lib + (k > 20 ? k - 20 : 0), our + (k > 20 ? k - 20 : 0));
	}
	assert_string_equal((const char *)mine, (const char *)xmlBufContent(buf->buffer));
	assert_int_equal((size_t)len, xmlBufUse(buf->buffer));
	xmlFree(mine);
	xmlOutputBufferClose(buf);
	xmlFreeDoc(d);
}

static void text_is_escaped_but_in_script_and_style(void **state)
{
	xmlNodePtr body;
	xmlDocPtr d = page(&body);

	(void)state;
	text(body, "p",
	     "a & b < c > d \" ' \xe2\x82\xbd 1\xc2\xa0"
	     "000 \t\n\r\x01\x1f end &amp;");
	text(body, "script", "if (a < b && c > \"d\") {}");
	text(body, "style", "a > b { content: \"&\" }");
	text(body, "textarea", "<kept> & typed");
	same(d);
}

static void values_are_quoted_as_libxml2_quotes_them(void **state)
{
	xmlNodePtr body, p;
	xmlDocPtr d = page(&body);

	(void)state;
	p = elem(body, "p");
	attr(p, "title", "only \" double");
	attr(p, "class", "only ' single");
	attr(p, "data-both", "both \" and ' & < >");
	attr(p, "data-script", "&{x()} and &{ no end");
	attr(p, "data-include", "<!--#include virtual=\"x\" --> then <!-- no end");
	attr(p, "data-both-include", "' <!-- \" --> \"");
	attr(p, "data-empty", "");
	attr(p, "lang", "\xd1\x80\xd1\x83 \t\n");
	{
		xmlAttrPtr bare = xmlNewProp(p, BAD_CAST "hidden", NULL);

		assert_non_null(bare);
		assert_null(bare->children);
	}
	same(d);
}

static void uri_attributes_are_uri_escaped(void **state)
{
	static const char *const uris[] = {
	        "/payments?from=2026-01&to=2026-12#list",
	        "/news/1 and 2",
	        "/\xd0\xbf\xd0\xbe\xd0\xb8\xd1\x81\xd0\xba?q=\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd",
	        "  /leading-blanks",
	        "   ",
	        "",
	        "/quote\"d and 'single' [brackets] {braces} |pipe| \\back ^caret `tick`",
	        "mailto:a@b.example?subject=x+y,z;w",
	        "&{x} <!-- y -->",
	};
	xmlNodePtr body, n;
	xmlDocPtr d = page(&body);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(uris) / sizeof(uris[0]); i++) {
		attr(text(body, "a", "x"), "href", uris[i]);
		attr(elem(body, "img"), "src", uris[i]);
		attr(elem(body, "form"), "action", uris[i]);
		attr(text(body, "a", "y"), "name", uris[i]);
		attr(text(body, "span", "z"), "name", uris[i]); /* name is a URI on a alone */
		attr(elem(body, "link"), "HREF", uris[i]);
	}
	n = text(body, "a", "ns");
	xmlSetNsProp(n, xmlNewNs(n, BAD_CAST "urn:x", BAD_CAST "x"), BAD_CAST "href",
	             BAD_CAST "/a b");
	same(d);
}

static void boolean_attributes_are_their_names(void **state)
{
	xmlNodePtr body, in, sel;
	xmlDocPtr d = page(&body);

	(void)state;
	in = elem(body, "input");
	attr(in, "type", "checkbox");
	attr(in, "checked", "checked");
	attr(in, "DISABLED", "");
	attr(in, "readonly", "no");
	sel = elem(body, "select");
	attr(sel, "multiple", "multiple");
	attr(text(sel, "option", "a"), "selected", "selected");
	attr(text(sel, "option", "b"), "value", "checked");
	same(d);
}

static void empty_and_childless_elements(void **state)
{
	static const char *const names[] = {
	        "br",   "hr", "img",   "input",    "meta", "link", "col",    "area",
	        "wbr",  "p",  "div",   "td",       "th",   "li",   "option", "textarea",
	        "span", "a",  "tbody", "colgroup", "svg",  "rect", "path",   "dd"};
	xmlNodePtr body, svg, kb;
	xmlDocPtr d = page(&body);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		elem(body, names[i]);
	svg = elem(body, "svg");
	attr(elem(svg, "rect"), "width", "4");
	kb = xmlNewDocNode(d, NULL, BAD_CAST "mark", NULL);
	xmlSetNs(kb, xmlNewNs(kb, BAD_CAST "urn:kabinet:site", BAD_CAST "kb"));
	xmlNewNs(kb, BAD_CAST "urn:default", NULL);
	xmlAddChild(body, kb);
	xmlAddChild(body, xmlNewDocComment(d, BAD_CAST " a comment & <b> "));
	same(d);
}

static void childless_html_and_body_have_end_tags(void **state)
{
	xmlDocPtr d = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr html = xmlNewDocNode(d, NULL, BAD_CAST "html", NULL);

	(void)state;
	xmlAddChild((xmlNodePtr)d, html);
	elem(html, "head");
	elem(html, "body");
	same(d);
}

static void doctypes(void **state)
{
	xmlNodePtr body;
	xmlDocPtr d = page(&body);

	(void)state;
	same(d);
	d = htmlNewDocNoDtD(NULL, NULL);
	xmlCreateIntSubset(d, BAD_CAST "html", BAD_CAST "-//W3C//DTD HTML 4.01//EN",
	                   BAD_CAST "http://www.w3.org/TR/html4/strict.dtd");
	xmlAddChild((xmlNodePtr)d, xmlNewDocNode(d, NULL, BAD_CAST "html", NULL));
	same(d);
	d = htmlNewDocNoDtD(NULL, NULL);
	xmlCreateIntSubset(d, BAD_CAST "html", NULL, BAD_CAST "it's \"odd\".dtd");
	xmlAddChild((xmlNodePtr)d, xmlNewDocNode(d, NULL, BAD_CAST "html", NULL));
	same(d);
}

/* What the writer does not know it leaves to libxml2, and says so. */
static void an_unknown_node_is_refused(void **state)
{
	xmlNodePtr body;
	xmlDocPtr d = page(&body);
	xmlChar *out = BAD_CAST "x";
	int len = 7;

	(void)state;
	xmlAddChild(elem(body, "p"), xmlNewCDataBlock(d, BAD_CAST "<raw>", 5));
	assert_int_equal(html_write(d, &out, &len), -1);
	assert_null(out);
	assert_int_equal(len, 0);
	xmlFreeDoc(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(text_is_escaped_but_in_script_and_style),
	        cmocka_unit_test(values_are_quoted_as_libxml2_quotes_them),
	        cmocka_unit_test(uri_attributes_are_uri_escaped),
	        cmocka_unit_test(boolean_attributes_are_their_names),
	        cmocka_unit_test(empty_and_childless_elements),
	        cmocka_unit_test(childless_html_and_body_have_end_tags),
	        cmocka_unit_test(doctypes),
	        cmocka_unit_test(an_unknown_node_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
