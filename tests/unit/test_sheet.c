/* Unit tests: a table as CSV keeps every value intact and never hands a spreadsheet a formula. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "core/arena.h"
#include "doc/sheet.h"

static char *csv_of(struct arena *ar, const char *sheet)
{
	xmlDocPtr d = xmlReadMemory(sheet, (int)strlen(sheet), NULL, "UTF-8", XML_PARSE_NONET);
	const unsigned char *out = NULL;
	size_t len = 0;
	char *s;

	assert_non_null(d);
	assert_int_equal(sheet_write_csv(ar, d, &out, &len), PERR_OK);
	xmlFreeDoc(d);
	s = arena_alloc(ar, len + 1);
	assert_non_null(s);
	memcpy(s, out, len);
	s[len] = '\0';
	return s;
}

static void quotes_what_must_be_quoted(void **st)
{
	struct arena *ar = arena_new(1 << 16);

	(void)st;
	assert_string_equal(
		csv_of(ar, "<sheet><row head='1'><c>Месяц</c><c>Сумма</c></row>"
			   "<row><c>ноябрь 2025</c><c n='927.36' fmt='money'>927,36 ₽</c></row>"
			   "<row><c>a, b</c><c>say \"hi\"</c></row>"
			   "<row><c>two\nlines</c><c> padded </c></row>"
			   "<row><c/><c>plain</c></row></sheet>"),
		"Месяц,Сумма\r\n"
		"ноябрь 2025,927.36\r\n"
		"\"a, b\",\"say \"\"hi\"\"\"\r\n"
		"\"two\nlines\",\" padded \"\r\n"
		",plain\r\n");
	arena_free(ar);
}

static void text_is_never_a_formula(void **st)
{
	struct arena *ar = arena_new(1 << 16);

	(void)st;
	/* Text from the database (an address, a supplier's name) starting like a formula. */
	assert_string_equal(csv_of(ar, "<sheet><row><c>=HYPERLINK(\"http://x\")</c><c>+1</c>"
				       "<c>-2</c><c>@SUM(A1)</c><c n='-6308.28'>-6 308,28</c></row></sheet>"),
			    "\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2,'@SUM(A1),-6308.28\r\n");
	arena_free(ar);
}

static void an_empty_sheet_is_empty(void **st)
{
	struct arena *ar = arena_new(1 << 16);

	(void)st;
	assert_string_equal(csv_of(ar, "<sheet/>"), "");
	arena_free(ar);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quotes_what_must_be_quoted),
		cmocka_unit_test(text_is_never_a_formula),
		cmocka_unit_test(an_empty_sheet_is_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
