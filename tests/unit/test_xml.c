/* Unit tests: what goes into a page is escaped, and the arena frees what it is given. */
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/decimal.h"
#include "core/lang.h"
#include "core/money.h"
#include "doc/xml.h"

/* An empty <page> document, as the library starts every page. */
static xmlDocPtr new_page(xmlNodePtr *root)
{
	xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");

	assert_non_null(d);
	*root = xmlNewDocNode(d, NULL, BAD_CAST "page", NULL);
	assert_non_null(*root);
	xmlDocSetRootElement(d, *root);
	return d;
}

static char *dump(xmlDocPtr d)
{
	xmlChar *out = NULL;
	int len = 0;

	xmlDocDumpMemoryEnc(d, &out, &len, "UTF-8");
	return (char *)out;
}

static void escapes_text_and_attributes(void **st)
{
	xmlNodePtr root;
	xmlNodePtr n;
	xmlDocPtr d = new_page(&root);
	char *s;

	(void)st;
	n = xml_text(root, "t", "<script>alert(1)</script> &amp; &lt;");
	assert_non_null(n);
	assert_int_equal(xml_attr(n, "a", "\"><img src=x onerror=alert(1)> &amp;"), 0);
	s = dump(d);
	assert_non_null(strstr(s, "&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &amp;lt;"));
	assert_non_null(strstr(s, "a=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp;amp;\""));
	assert_null(strstr(s, "<script>"));
	xmlFree(s);
	xmlFreeDoc(d);
}

static void replaces_characters_xml_cannot_carry(void **st)
{
	xmlNodePtr root;
	xmlDocPtr d = new_page(&root);
	char *s;

	(void)st;
	assert_non_null(xml_text(root, "t", "a\x01" "b\x1b" "c\xff" "d\xd0\x9f"));
	assert_int_equal(xml_attr(root, "x", "1\x02" "2"), 0);
	s = dump(d);
	assert_non_null(strstr(s, "<t>a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd" "d\xd0\x9f</t>"));
	assert_non_null(strstr(s, "x=\"1\xef\xbf\xbd" "2\""));
	assert_null(strstr(s, "&#1;"));
	/* The result parses back: nginx's XSLT filter would accept it. */
	{
		xmlDocPtr back = xmlReadMemory(s, (int)strlen(s), NULL, "UTF-8", XML_PARSE_NONET);

		assert_non_null(back);
		xmlFreeDoc(back);
	}
	xmlFree(s);
	xmlFreeDoc(d);
}

static void integers(void **st)
{
	xmlNodePtr root;
	xmlDocPtr d = new_page(&root);
	char *s;

	(void)st;
	assert_non_null(xml_int(root, "n", -9223372036854775807LL - 1));
	assert_int_equal(xml_attr_int(root, "id", 42), 0);
	s = dump(d);
	assert_non_null(strstr(s, "<n>-9223372036854775808</n>"));
	assert_non_null(strstr(s, "id=\"42\""));
	xmlFree(s);
	xmlFreeDoc(d);
}

/* Money carries its machine form (minor units, ISO code) and its human form. */
static void money_and_months(void **st)
{
	xmlNodePtr root;
	xmlDocPtr d = new_page(&root);
	char *s;

	(void)st;
	assert_non_null(xml_money(root, "balance", -123456, currency_find("RUB"), LANG_RU));
	assert_non_null(xml_money(root, "due", 200000, currency_find("KZT"), LANG_EN));
	assert_null(xml_money(root, "x", 1, NULL, LANG_RU)); /* unknown currency: an error */
	assert_non_null(xml_month(root, "m", 2026 * 12 + 9));
	s = dump(d);
	assert_non_null(strstr(s, "<balance minor=\"-123456\" currency=\"RUB\">"
				  "-1\xc2\xa0" "234,56\xc2\xa0\xe2\x82\xbd</balance>"));
	assert_non_null(strstr(s, "<due minor=\"200000\" currency=\"KZT\">"
				  "\xe2\x82\xb8" "2,000.00</due>"));
	assert_non_null(strstr(s, "<m>2026-10</m>"));
	xmlFree(s);
	xmlFreeDoc(d);
}

static void fixed_point_text(void **st)
{
	struct arena *a = arena_new(1u << 16);

	(void)st;
	assert_non_null(a);
	assert_string_equal(decimal_text(a, 12345, 3), "12.345");
	assert_string_equal(decimal_text(a, 12345, 0), "12345");
	assert_string_equal(decimal_text(a, 5430, 2), "54.30");
	assert_string_equal(decimal_text(a, 7, 3), "0.007");
	assert_string_equal(decimal_text(a, -50, 3), "-0.050");
	assert_string_equal(decimal_text(a, -9223372036854775807LL - 1, 3),
			    "-9223372036854775.808");
	arena_free(a);
}

static int freed;

static void count_free(void *p)
{
	(void)p;
	freed++;
}

static void arena_lifecycle(void **st)
{
	struct arena *a = arena_new(1u << 20);
	char *s;
	int i;

	(void)st;
	assert_non_null(a);
	s = arena_printf(a, "%s-%d", "x", 7);
	assert_string_equal(s, "x-7");
	assert_string_equal(arena_strndup(a, "abcdef", 3), "abc");
	assert_int_equal(arena_defer(a, count_free, NULL), 0);
	assert_int_equal(arena_defer(a, count_free, NULL), 0);
	/* Grows past one chunk, then refuses past the limit. */
	for (i = 0; i < 40; i++)
		assert_non_null(arena_alloc(a, 20000));
	assert_null(arena_alloc(a, 2u << 20));
	arena_reset(a);
	assert_int_equal(freed, 2);
	assert_non_null(arena_alloc(a, 100));
	arena_free(a);
	arena_free(NULL);
}

/* libxml2's allocator, made to fail the next allocation only: the cleaned
 * copy's, so that libxml2 itself could still have taken the raw text. */
static int malloc_fails;

static void *failing_malloc(size_t n)
{
	if (malloc_fails) {
		malloc_fails = 0;
		return NULL;
	}
	return malloc(n);
}

/* Out of memory, text that needs cleaning is refused, never passed on as it is. */
static void out_of_memory_lets_no_unclean_text_through(void **st)
{
	xmlFreeFunc f;
	xmlMallocFunc m;
	xmlReallocFunc r;
	xmlStrdupFunc s;
	xmlNodePtr root, n;
	xmlDocPtr d = new_page(&root);
	char *out;

	(void)st;
	n = xml_elem(root, "t");
	assert_non_null(n);
	assert_int_equal(xmlMemGet(&f, &m, &r, &s), 0);
	assert_int_equal(xmlMemSetup(f, failing_malloc, r, s), 0);
	malloc_fails = 1;
	assert_int_equal(xml_attr(n, "a", "bad\x01byte"), -1);
	malloc_fails = 1;
	assert_null(xml_text(root, "u", "bad\x02byte \xff"));
	malloc_fails = 0;
	assert_int_equal(xmlMemSetup(f, m, r, s), 0);
	out = dump(d);
	assert_non_null(out);
	assert_null(strchr(out, '\x01'));
	assert_null(strstr(out, "bad"));
	/* With memory again, the same text goes in cleaned. */
	assert_int_equal(xml_attr(n, "a", "bad\x01byte"), 0);
	xmlFree(out);
	xmlFreeDoc(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escapes_text_and_attributes),
		cmocka_unit_test(replaces_characters_xml_cannot_carry),
		cmocka_unit_test(integers),
		cmocka_unit_test(money_and_months),
		cmocka_unit_test(fixed_point_text),
		cmocka_unit_test(arena_lifecycle),
		cmocka_unit_test(out_of_memory_lets_no_unclean_text_through),
	};

	return cmocka_run_group_tests_name("xml", tests, NULL, NULL);
}
