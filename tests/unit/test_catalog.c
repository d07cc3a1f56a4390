/* Unit tests: static message keys written into a stylesheet (doc/catalog.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "doc/catalog.h"

static const char messages[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
        "  <xsl:template name=\"messages-ru\">\n"
        "    <a>Вход</a><q>it's</q><both>\"x\" and 'y'</both><braces>{end} left</braces>\n"
        "    <empty></empty><dup>common</dup>\n"
        "    <months><m>январь</m><m>февраль</m></months>\n"
        "  </xsl:template>\n"
        "  <xsl:template name=\"messages-ru-home\"><dup>own</dup><h>Главная</h></xsl:template>\n"
        "  <xsl:template name=\"messages-ru-login\"><l>Только для входа</l></xsl:template>\n"
        "</xsl:stylesheet>\n";

static char dir[64];
static struct catalog *cat;

static int setup(void **state)
{
	char path[128];
	FILE *f;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/kb-catalog-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/messages.ru.xsl", dir);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	fputs(messages, f);
	fclose(f);
	cat = catalog_load(dir, "ru", "home");
	unlink(path);
	rmdir(dir);
	return cat == NULL;
}

static int teardown(void **state)
{
	(void)state;
	catalog_free(cat);
	return 0;
}

/* The value the attribute has after the sheet <xsl:value-of ATTR="V"/> or <p ATTR="V"/> is
 * resolved. */
static char *resolved(const char *element, const char *attr, const char *v)
{
	char xml[1024];
	xmlDocPtr doc;
	xmlChar *got;
	char *copy;

	snprintf(xml, sizeof(xml),
	         "<xsl:stylesheet xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
	         "<xsl:template match=\"/\"><%s %s=\"%s\"/></xsl:template></xsl:stylesheet>",
	         element, attr, v);
	doc = xmlReadMemory(xml, (int)strlen(xml), "t.xsl", NULL, 0);
	assert_non_null(doc);
	catalog_resolve(xmlDocGetRootElement(doc), cat);
	got = xmlGetProp(xmlDocGetRootElement(doc)->children->children, BAD_CAST attr);
	copy = strdup((const char *)got);
	xmlFree(got);
	xmlFreeDoc(doc);
	return copy;
}

static void expect(const char *element, const char *attr, const char *v, const char *want)
{
	char *got = resolved(element, attr, v);

	assert_string_equal(got, want);
	free(got);
}

static void a_key_becomes_its_text(void **state)
{
	(void)state;
	expect("xsl:value-of", "select", "$M/a", "'Вход'");
	expect("xsl:value-of", "select", "concat($M/a, ': ', x, $M/h)",
	       "concat('Вход', ': ', x, 'Главная')");
	expect("xsl:if", "test", "$M/a = x", "'Вход' = x");
	/* The common catalog first, then the section's: $M's first node. */
	expect("xsl:value-of", "select", "$M/dup", "'common'");
}

static void quotes_in_a_message_make_a_literal_xpath_can_read(void **state)
{
	(void)state;
	expect("xsl:value-of", "select", "$M/q", "\"it's\"");
	expect("xsl:value-of", "select", "$M/both", "concat('', '\"x\" and ', \"'\", 'y', \"'\")");
}

static void what_would_change_meaning_is_left(void **state)
{
	(void)state;
	expect("xsl:for-each", "select", "$M/months/m", "$M/months/m");
	expect("xsl:value-of", "select", "count($M/a)", "count($M/a)");
	expect("xsl:value-of", "select", "$M/a | x", "$M/a | x");
	expect("xsl:value-of", "select", "x | $M/a", "x | $M/a");
	expect("xsl:value-of", "select", "$M/missing", "$M/missing");
	expect("xsl:value-of", "select", "$M/empty", "$M/empty");
	expect("xsl:value-of", "select", "'$M/a'", "'$M/a'");
	expect("xsl:value-of", "select", "$MM/a", "$MM/a");
	/* Another section's words are not this program's. */
	expect("xsl:value-of", "select", "$M/l", "$M/l");
	/* Only select and test of XSLT's own elements are expressions. */
	expect("xsl:with-param", "name", "$M/a", "$M/a");
}

static void attribute_value_templates(void **state)
{
	(void)state;
	expect("p", "title", "{$M/a}", "Вход");
	expect("p", "title", "{ $M/a }: {x}", "Вход: {x}");
	expect("p", "title", "{$M/braces}", "{{end}} left");
	expect("p", "title", "x {concat($M/a, '}')} y", "x {concat('Вход', '}')} y");
	expect("p", "title", "{{$M/a}}", "{{$M/a}}");
	expect("p", "title", "plain", "plain");
}

/* sheet applied to page, after catalog_resolve() when resolve is set, with the catalog bound:
 * its text output (the caller frees it). */
static char *transformed(const char *sheet, const char *page, int resolve)
{
	xmlDocPtr sd, pd, res;
	xsltStylesheetPtr st;
	xmlChar *out = NULL;
	char *copy;
	int len = 0;

	sd = xmlReadMemory(sheet, (int)strlen(sheet), "t.xsl", NULL, 0);
	pd = xmlReadMemory(page, (int)strlen(page), "p.xml", NULL, 0);
	assert_non_null(sd);
	assert_non_null(pd);
	if (resolve)
		catalog_resolve(xmlDocGetRootElement(sd), cat);
	st = xsltParseStylesheetDoc(sd);
	assert_non_null(st);
	catalog_bind(st, cat);
	res = xsltApplyStylesheet(st, pd, NULL);
	assert_non_null(res);
	assert_int_equal(xsltSaveResultToString(&out, &len, res, st), 0);
	copy = strdup(out != NULL ? (char *)out : "");
	xmlFree(out);
	xmlFreeDoc(res);
	xmlFreeDoc(pd);
	xsltFreeStylesheet(st);
	return copy;
}

/* A computed key goes through kb:msg: the catalog's text, "" for a key it lacks. */
static void computed_keys_are_looked_up_in_the_catalog(void **state)
{
	static const char sheet[] = "<xsl:stylesheet version=\"1.0\" "
	                            "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
	                            "<xsl:output method=\"text\"/>"
	                            "<xsl:template name=\"msg\"><xsl:param name=\"key\"/>"
	                            "<xsl:for-each select=\"$M\"><xsl:value-of select=\"key('msg', "
	                            "$key)\"/></xsl:for-each>"
	                            "</xsl:template>"
	                            "<xsl:template match=\"/\">"
	                            "<xsl:for-each select=\"//k\">[<xsl:call-template name=\"msg\">"
	                            "<xsl:with-param name=\"key\" select=\"concat(@p, "
	                            "@s)\"/></xsl:call-template>]</xsl:for-each>"
	                            "</xsl:template></xsl:stylesheet>";
	static const char page[] = "<page><k p=\"d\" s=\"up\"/><k p=\"h\"/><k p=\"nope\"/></page>";
	char *out;

	(void)state;
	assert_int_equal(catalog_register(), 0);
	out = transformed(sheet, page, 1);
	assert_string_equal(out, "[common][Главная][]"); /* the common text first, as $M */
	free(out);
}

/* Each month lookup as the sheets write it, and as a program's sheet has it. */
static const char month_sheet[] =
        "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
        "<xsl:output method=\"text\"/>"
        "<xsl:variable name=\"month-names\" select=\"/page/months/m\"/>"
        "<xsl:template name=\"month-label\"><xsl:param name=\"v\"/>"
        "<xsl:variable name=\"n\" select=\"number(substring($v, 6, 2))\"/>"
        "<xsl:value-of select=\"$month-names[$n]\"/><xsl:text> </xsl:text>"
        "<xsl:value-of select=\"substring($v, 1, 4)\"/></xsl:template>"
        "<xsl:template match=\"/\"><xsl:for-each select=\"//v\">"
        "<xsl:variable name=\"n\" select=\"number(@n)\"/>"
        "<xsl:variable name=\"s\" select=\"string(@n)\"/>"
        "<xsl:variable name=\"label\" select=\"concat($month-names[$n], ': ')\"/>"
        "[<xsl:call-template name=\"month-label\"><xsl:with-param name=\"v\" select=\".\"/>"
        "</xsl:call-template>|<xsl:value-of select=\"$month-names[$n]\"/>|"
        "<xsl:value-of select=\"$label\"/>|<xsl:value-of select=\"$month-names[ $s ]\"/>]"
        "</xsl:for-each></xsl:template></xsl:stylesheet>";

/* The page's own names are the catalog's (the fixture's two), so both sheets must agree. */
static const char month_page[] =
        "<page><months><m>январь</m><m>февраль</m></months>"
        "<v n=\"1\">2026-01</v><v n=\"2\">2026-02</v><v n=\"3\">2026-03</v>"
        "<v n=\"1.5\">2026-1</v><v n=\"x\">ab</v><v n=\"0\"></v><v n=\"\">1999-02-xx</v>"
        "<v n=\" 2 \">2026- 2</v><v n=\"-1\">2026-1é</v><v n=\"2\">é026-02</v></page>";

static char *month_output(int resolve)
{
	return transformed(month_sheet, month_page, resolve);
}

static void month_lookups_become_calls_that_mean_the_same(void **state)
{
	char *plain, *resolved_out;

	(void)state;
	assert_int_equal(catalog_register(), 0);
	plain = month_output(0);
	resolved_out = month_output(1);
	assert_string_equal(resolved_out, plain);
	assert_non_null(strstr(plain, "[февраль 2026|февраль|февраль: |январь]"));
	/* March: the fixture has two names; [$s], a string, is true, so the first */
	assert_non_null(strstr(plain, "[ 2026||: |январь]"));
	free(plain);
	free(resolved_out);
}

static void month_lookups_that_would_change_meaning_are_left(void **state)
{
	(void)state;
	expect("xsl:value-of", "select", "$month-names[$n]", "kb:month($n)");
	expect("xsl:value-of", "select", "concat($month-names[ $n ], ' ')",
	       "concat(kb:month($n), ' ')");
	expect("xsl:variable", "select", "concat($month-names[$n], ' ')",
	       "concat(kb:month($n), ' ')");
	/* a node set kept as one, walked, counted, or indexed by an expression */
	expect("xsl:variable", "select", "$month-names[$n]", "$month-names[$n]");
	expect("xsl:value-of", "select", "count($month-names[$n])", "count($month-names[$n])");
	expect("xsl:value-of", "select", "$month-names[$n]/x", "$month-names[$n]/x");
	expect("xsl:value-of", "select", "$month-names[$n] | x", "$month-names[$n] | x");
	expect("xsl:value-of", "select", "$month-names[number(@m)]", "$month-names[number(@m)]");
	expect("xsl:value-of", "select", "$month-names[$n] = 'x'", "$month-names[$n] = 'x'");
	expect("xsl:if", "test", "$month-names[$n]", "$month-names[$n]");
	expect("p", "title", "{$month-names[$n]}", "{$month-names[$n]}");
}

/* $M walked as a node set (not a key the sheet can be given as text): the messages'
 * templates called on every transform, as written, and kb:catalog() in a program's sheet. */
static const char catalog_sheet[] =
        "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" "
        "xmlns:exsl=\"http://exslt.org/common\" extension-element-prefixes=\"exsl\">"
        "<xsl:output method=\"text\"/>"
        "<xsl:template name=\"messages-ru\">\n"
        "    <a>Вход</a><q>it's</q><both>\"x\" and 'y'</both><braces>{end} left</braces>\n"
        "    <empty>  </empty><dup>common</dup><!-- a comment -->\n"
        "    <months>\n      <m>январь</m>\n      <m>февраль</m>\n    </months>\n"
        "  </xsl:template>"
        "<xsl:template name=\"messages-ru-home\"><dup>own</dup><h>Главная</h></xsl:template>"
        "<xsl:variable name=\"catalog\"><xsl:call-template name=\"messages-ru\"/>"
        "<xsl:call-template name=\"messages-ru-home\"/></xsl:variable>"
        "<xsl:variable name=\"M\" select=\"exsl:node-set($catalog)\"/>"
        "<xsl:template match=\"/\">"
        "<xsl:value-of select=\"count($M/*)\"/>|<xsl:value-of select=\"$M/months/m[2]\"/>|"
        "<xsl:value-of select=\"count($M/dup)\"/>|<xsl:value-of select=\"$M/dup[2]\"/>|"
        "<xsl:value-of select=\"name($M/*[last()])\"/>|<xsl:value-of "
        "select=\"string($M/months)\"/>|"
        "<xsl:value-of select=\"count($M/empty/node())\"/>|<xsl:value-of select=\"count($M//m)\"/>"
        "</xsl:template></xsl:stylesheet>";

static char *catalog_output(int resolve)
{
	return transformed(catalog_sheet, "<page/>", resolve);
}

static void the_catalog_is_made_once_and_walks_the_same(void **state)
{
	char *plain, *resolved_out;

	(void)state;
	exsltRegisterAll();
	assert_int_equal(catalog_register(), 0);
	plain = catalog_output(0);
	resolved_out = catalog_output(1);
	assert_string_equal(plain, "9|февраль|2|own|h|январьфевраль|0|2");
	assert_string_equal(resolved_out, plain);
	free(plain);
	free(resolved_out);
}

/* The sheet as resolved: $M a kb:catalog() call, $catalog making nothing. */
static void the_catalog_variables_are_rewritten(void **state)
{
	xmlDocPtr sd;
	xmlNodePtr t;
	int seen = 0;

	(void)state;
	sd = xmlReadMemory(catalog_sheet, (int)strlen(catalog_sheet), "t.xsl", NULL, 0);
	assert_non_null(sd);
	catalog_resolve(xmlDocGetRootElement(sd), cat);
	for (t = xmlDocGetRootElement(sd)->children; t != NULL; t = t->next) {
		xmlChar *name = xmlGetProp(t, BAD_CAST "name"),
		        *select = xmlGetProp(t, BAD_CAST "select");

		if (name != NULL && xmlStrEqual(name, BAD_CAST "M")) {
			assert_string_equal((char *)select, "kb:catalog()");
			seen++;
		}
		if (name != NULL && xmlStrEqual(name, BAD_CAST "catalog")) {
			assert_null(t->children);
			seen++;
		}
		xmlFree(name);
		xmlFree(select);
	}
	assert_int_equal(seen, 2);
	xmlFreeDoc(sd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(a_key_becomes_its_text),
	        cmocka_unit_test(quotes_in_a_message_make_a_literal_xpath_can_read),
	        cmocka_unit_test(what_would_change_meaning_is_left),
	        cmocka_unit_test(attribute_value_templates),
	        cmocka_unit_test(computed_keys_are_looked_up_in_the_catalog),
	        cmocka_unit_test(month_lookups_become_calls_that_mean_the_same),
	        cmocka_unit_test(month_lookups_that_would_change_meaning_are_left),
	        cmocka_unit_test(the_catalog_is_made_once_and_walks_the_same),
	        cmocka_unit_test(the_catalog_variables_are_rewritten),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
