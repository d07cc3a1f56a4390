/* Unit tests: the CSV reader (encodings, separators, quoting, limits), decimals, file dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/csvin.h"
#include "core/date.h"
#include "core/decimal.h"

struct got {
	char text[4096]; /* records as "line:f1|f2|...\n" */
	size_t n;
	int stop_at;
};

static int keep(void *p, const struct csvin_rec *r)
{
	struct got *g = p;
	size_t i;
	int k = snprintf(g->text + strlen(g->text), sizeof(g->text) - strlen(g->text),
	                 "%llu:", (unsigned long long)r->line);

	(void)k;
	for (i = 0; i < r->n; i++)
		snprintf(g->text + strlen(g->text), sizeof(g->text) - strlen(g->text), "%s%s",
		         i ? "|" : "", r->f[i]);
	strcat(g->text, r->too_many ? "+\n" : "\n");
	return ++g->n == (size_t)g->stop_at;
}

/* Feed s in pieces of step bytes (every split point is a chance to break). */
static enum csvin_status read_all(const char *s, size_t len, size_t step, struct got *g,
                                  const char **enc, char *delim)
{
	struct csvin *c = csvin_new(0);
	enum csvin_status st = CSVIN_OK;
	size_t off;

	assert_non_null(c);
	memset(g->text, 0, sizeof(g->text));
	g->n = 0;
	for (off = 0; off < len && st == CSVIN_OK; off += step)
		st = csvin_feed(c, s + off, len - off < step ? len - off : step, keep, g);
	if (st == CSVIN_OK)
		st = csvin_finish(c, keep, g);
	*enc = csvin_encoding(c);
	*delim = csvin_delimiter(c);
	csvin_free(c);
	return st;
}

static void utf8_commas_any_split(void **state)
{
	const char *s = "\xef\xbb\xbf"
	                "a,b,c\r\n1,\"x, \"\"y\"\"\",Ёж\r\n\r\n2,,\"two\nlines\"";
	size_t step;

	(void)state;
	for (step = 1; step <= strlen(s); step++) {
		struct got g = {.stop_at = -1};
		const char *enc;
		char d;

		assert_int_equal(read_all(s, strlen(s), step, &g, &enc, &d), CSVIN_OK);
		assert_string_equal(g.text, "1:a|b|c\n2:1|x, \"y\"|Ёж\n5:2||two\nlines\n");
		assert_string_equal(enc, "utf-8");
		assert_int_equal(d, ',');
	}
}

static void windows_1251_semicolons(void **state)
{
	/* "счёт;сумма" and "Иванов;1 234,50" in Windows-1251. */
	const char s[] =
	        "\xf1\xf7\xb8\xf2;\xf1\xf3\xec\xec\xe0\n\xc8\xe2\xe0\xed\xee\xe2;1 234,50\n";
	struct got g = {.stop_at = -1};
	const char *enc;
	char d;

	(void)state;
	assert_int_equal(read_all(s, sizeof(s) - 1, 3, &g, &enc, &d), CSVIN_OK);
	assert_string_equal(g.text, "1:счёт|сумма\n2:Иванов|1 234,50\n");
	assert_string_equal(enc, "windows-1251");
	assert_int_equal(d, ';');
}

static void ascii_then_1251_is_decided_late(void **state)
{
	/* A long ASCII head, then a Windows-1251 byte cut from the next by the feed. */
	char s[300];
	struct got g = {.stop_at = -1};
	const char *enc;
	char d;

	(void)state;
	memset(s, 'a', 200);
	memcpy(s + 200, "\tb\n\xc0\xc1\tc\n", 9);
	assert_int_equal(read_all(s, 209, 203, &g, &enc, &d), CSVIN_OK);
	assert_string_equal(enc, "windows-1251");
	assert_int_equal(d, '\t');
	assert_non_null(strstr(g.text, "2:АБ|c\n"));
}

static void a_utf8_sequence_cut_by_the_end_is_not_utf8(void **state)
{
	struct got g = {.stop_at = -1};
	const char *enc;
	char d;

	(void)state;
	assert_int_equal(read_all("a\n\xd0", 3, 1, &g, &enc, &d), CSVIN_OK);
	assert_string_equal(enc, "windows-1251");
	assert_string_equal(g.text, "1:a\n2:Р\n");
}

static void too_many_fields_and_stop(void **state)
{
	char s[200] = "h\n";
	struct got g = {.stop_at = -1};
	const char *enc;
	char d;
	int i;

	(void)state;
	for (i = 0; i < 40; i++)
		strcat(s, "x,");
	strcat(s, "x\nlast\n");
	assert_int_equal(read_all(s, strlen(s), 7, &g, &enc, &d), CSVIN_OK);
	assert_non_null(strstr(g.text, "+\n3:last\n"));
	g.stop_at = 2;
	assert_int_equal(read_all(s, strlen(s), 7, &g, &enc, &d), CSVIN_STOPPED);
	assert_int_equal(g.n, 2);
}

static void a_record_that_never_ends_is_refused(void **state)
{
	static char s[CSVIN_RECORD_MAX * 2];
	struct got g = {.stop_at = -1};
	const char *enc;
	char d;

	(void)state;
	memcpy(s, "a\n\"", 3);
	memset(s + 3, 'x', sizeof(s) - 3);
	assert_int_equal(read_all(s, sizeof(s), 4096, &g, &enc, &d), CSVIN_TOO_LONG);
	assert_string_equal(g.text, "1:a\n");
	/* A header line that never ends. */
	memset(s, 'y', sizeof(s));
	assert_int_equal(read_all(s, sizeof(s), 4096, &g, &enc, &d), CSVIN_TOO_LONG);
}

static void empty_input(void **state)
{
	struct got g = {.stop_at = -1};
	const char *enc;
	char d;

	(void)state;
	assert_int_equal(read_all("", 0, 1, &g, &enc, &d), CSVIN_OK);
	assert_int_equal(g.n, 0);
	assert_null(enc);
}

static void decimals(void **state)
{
	long long v;

	(void)state;
	assert_int_equal(decimal_parse("12.345", 6, 3, 0, &v), 0);
	assert_int_equal(v, 12345);
	assert_int_equal(decimal_parse(" 1 234,5 ", 9, 2, 0, &v), 0);
	assert_int_equal(v, 123450);
	assert_int_equal(decimal_parse("1\xc2\xa0"
	                               "000",
	                               6, 0, 0, &v),
	                 0);
	assert_int_equal(v, 1000);
	assert_int_equal(decimal_parse("-0,50", 5, 2, 1, &v), 0);
	assert_int_equal(v, -50);
	assert_int_equal(decimal_parse("7.1200", 6, 2, 0, &v), 0); /* zeros past the scale */
	assert_int_equal(v, 712);
	assert_int_equal(decimal_parse("7.125", 5, 2, 0, &v), -1); /* precision, not rounding */
	assert_int_equal(decimal_parse("-1", 2, 0, 0, &v), -1);    /* no negatives asked for */
	assert_int_equal(decimal_parse("1.2.3", 5, 3, 0, &v), -1);
	assert_int_equal(decimal_parse("1,", 2, 3, 0, &v), -1);
	assert_int_equal(decimal_parse(",5", 2, 3, 0, &v), -1);
	assert_int_equal(decimal_parse("", 0, 3, 0, &v), -1);
	assert_int_equal(decimal_parse("1e3", 3, 0, 0, &v), -1);
	assert_int_equal(decimal_parse("1000000000000000", 16, 0, 0, &v), -1);
	assert_int_equal(decimal_parse("9999999999999.999", 17, 3, 0, &v), -1);
	assert_int_equal(decimal_parse("99999999999.999", 15, 3, 0, &v), 0);
	assert_int_equal(v, 99999999999999LL);
}

static void file_dates(void **state)
{
	day_t a, b;

	(void)state;
	assert_int_equal(day_parse_file("05.11.2026", 10, &a), 0);
	assert_int_equal(day_parse_file("2026-11-05", 10, &b), 0);
	assert_int_equal(a, b);
	assert_int_equal(day_parse_file("31.02.2026", 10, &a), -1);
	assert_int_equal(day_parse_file("5.11.2026", 9, &a), -1);
	assert_int_equal(day_parse_file("05/11/2026", 10, &a), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(utf8_commas_any_split),
	        cmocka_unit_test(windows_1251_semicolons),
	        cmocka_unit_test(ascii_then_1251_is_decided_late),
	        cmocka_unit_test(a_utf8_sequence_cut_by_the_end_is_not_utf8),
	        cmocka_unit_test(too_many_fields_and_stop),
	        cmocka_unit_test(a_record_that_never_ends_is_refused),
	        cmocka_unit_test(empty_input),
	        cmocka_unit_test(decimals),
	        cmocka_unit_test(file_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
