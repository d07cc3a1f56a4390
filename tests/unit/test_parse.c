/* Unit tests: query strings, urlencoded bodies, cookies, UTF-8 and their limits. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/login.h"
#include "core/parse.h"
#include "core/perr.h"
#include "core/utf8.h"

static struct arena *A;

static int setup(void **st)
{
	(void)st;
	A = arena_new(1u << 20);
	return A == NULL;
}

static int teardown(void **st)
{
	(void)st;
	arena_free(A);
	return 0;
}

static enum perr form(const char *s, struct kvlist *l)
{
	memset(l, 0, sizeof(*l));
	return parse_urlencoded(A, s, strlen(s), &limits_default, l);
}

static void decodes_pairs(void **st)
{
	struct kvlist l;

	(void)st;
	assert_int_equal(form("a=1&b=hello+world&c=%D0%9F%D1%80%D0%B8&d=&e", &l), PERR_OK);
	assert_int_equal(l.n, 5);
	assert_string_equal(kv_find(&l, "a")->val, "1");
	assert_string_equal(kv_find(&l, "b")->val, "hello world");
	assert_string_equal(kv_find(&l, "c")->val, "При");
	assert_int_equal(kv_find(&l, "c")->vlen, 6);
	assert_string_equal(kv_find(&l, "d")->val, "");
	assert_string_equal(kv_find(&l, "e")->val, "");
	assert_null(kv_find(&l, "zz"));
}

static void keeps_special_characters_as_text(void **st)
{
	struct kvlist l;

	(void)st;
	assert_int_equal(form("q=%27%3B+DROP+TABLE+x%3B--&x=%3Cscript%3E%26amp%3B", &l), PERR_OK);
	assert_string_equal(kv_find(&l, "q")->val, "'; DROP TABLE x;--");
	assert_string_equal(kv_find(&l, "x")->val, "<script>&amp;");
}

static void skips_empty_pairs(void **st)
{
	struct kvlist l;

	(void)st;
	assert_int_equal(form("&&a=1&&&b=2&", &l), PERR_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(form("", &l), PERR_OK);
	assert_int_equal(l.n, 0);
}

static void counts_repeats(void **st)
{
	struct kvlist l;

	(void)st;
	assert_int_equal(form("a=1&a=2&b=3", &l), PERR_OK);
	assert_int_equal(kv_count(&l, "a"), 2);
	assert_string_equal(kv_find(&l, "a")->val, "1");
}

static void refuses_bad_escapes(void **st)
{
	static const char *const bad[] = {
		"a=%", "a=%4", "a=%zz", "a=%4g", "%=1", "a=%00", "a=x%00y", "=1",
	};
	struct kvlist l;
	size_t i;

	(void)st;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(form(bad[i], &l), PERR_BAD_INPUT);
}

static void refuses_invalid_utf8(void **st)
{
	static const char *const bad[] = {
		"a=%C0%AF",         /* overlong '/' */
		"a=%ED%A0%80",      /* surrogate */
		"a=%F4%90%80%80",   /* above U+10FFFF */
		"a=%FF",            /* never valid */
		"a=%D0",            /* truncated */
		"a=%E2%82",         /* truncated */
		"%C3%28=1",         /* bad continuation in a name */
	};
	struct kvlist l;
	size_t i;

	(void)st;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(form(bad[i], &l), PERR_BAD_INPUT);
	assert_int_equal(form("a=%F0%9F%92%A1", &l), PERR_OK); /* a 4-byte emoji is fine */
}

static void enforces_field_count(void **st)
{
	char buf[4096];
	size_t i, o = 0;
	struct kvlist l;

	(void)st;
	for (i = 0; i < limits_default.fields_max; i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "f%zu=1&", i);
	assert_int_equal(form(buf, &l), PERR_OK);
	snprintf(buf + o, sizeof(buf) - o, "one=more");
	assert_int_equal(form(buf, &l), PERR_TOO_LARGE);
}

static void enforces_lengths(void **st)
{
	struct limits lim = limits_default;
	char *big;
	struct kvlist l;

	(void)st;
	lim.value_max = 10;
	lim.name_max = 4;
	memset(&l, 0, sizeof(l));
	assert_int_equal(parse_urlencoded(A, "abcd=0123456789", 15, &lim, &l), PERR_OK);
	memset(&l, 0, sizeof(l));
	assert_int_equal(parse_urlencoded(A, "abcd=01234567890", 16, &lim, &l), PERR_TOO_LARGE);
	memset(&l, 0, sizeof(l));
	assert_int_equal(parse_urlencoded(A, "abcde=1", 7, &lim, &l), PERR_TOO_LARGE);
	/* Percent-encoded: 10 decoded bytes are fine, 11 are not. */
	memset(&l, 0, sizeof(l));
	assert_int_equal(parse_urlencoded(A, "a=%41%41%41%41%41%41%41%41%41%41", 32, &lim, &l),
			 PERR_OK);
	memset(&l, 0, sizeof(l));
	assert_int_equal(parse_urlencoded(A, "a=%41%41%41%41%41%41%41%41%41%41%41", 35, &lim, &l),
			 PERR_TOO_LARGE);
	/* A huge value is refused before it is copied. */
	big = malloc(1u << 20);
	assert_non_null(big);
	memset(big, 'x', 1u << 20);
	memcpy(big, "a=", 2);
	memset(&l, 0, sizeof(l));
	assert_int_equal(parse_urlencoded(A, big, 1u << 20, &limits_default, &l), PERR_TOO_LARGE);
	free(big);
}

static enum perr cookies(const char *s, struct kvlist *l)
{
	memset(l, 0, sizeof(*l));
	return parse_cookies(A, s, strlen(s), &limits_default, l);
}

static void parses_cookies(void **st)
{
	struct kvlist l;

	(void)st;
	assert_int_equal(cookies("sid=abc-_123; lang=en;pre=\"q\"", &l), PERR_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(kv_find(&l, "sid")->val, "abc-_123");
	assert_string_equal(kv_find(&l, "lang")->val, "en");
	assert_string_equal(kv_find(&l, "pre")->val, "q");
}

static void skips_malformed_cookies(void **st)
{
	struct kvlist l;

	(void)st;
	/* Other software on the host may set junk; ours still parse. */
	assert_int_equal(cookies("bad cookie; =x; novalue; a=b c; x=\\; ok=1; ;;", &l), PERR_OK);
	assert_int_equal(l.n, 1);
	assert_string_equal(kv_find(&l, "ok")->val, "1");
	assert_int_equal(cookies("", &l), PERR_OK);
	assert_int_equal(l.n, 0);
}

static void caps_cookie_count(void **st)
{
	char buf[4096];
	size_t i, o = 0;
	struct kvlist l;

	(void)st;
	for (i = 0; i < 100; i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "c%zu=1; ", i);
	assert_int_equal(cookies(buf, &l), PERR_OK);
	assert_int_equal(l.n, limits_default.cookies_max);
}

static void utf8_checks(void **st)
{
	(void)st;
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid("abc", 3));
	assert_true(utf8_valid("Ёлка", strlen("Ёлка")));
	assert_int_equal(utf8_len("Ёлка", strlen("Ёлка")), 4);
	assert_false(utf8_valid("\xc0\x80", 2));
	assert_false(utf8_valid("\xe0\x80\x80", 3));
	assert_false(utf8_valid("\xf0\x80\x80\x80", 4));
	assert_false(utf8_valid("\x80", 1));
	assert_true(utf8_valid("\xef\xbf\xbd", 3));
}

/* A header value made fit to store: valid, bounded, never cut inside a character. */
static void utf8_cleaning(void **st)
{
	char out[8];

	(void)st;
	assert_int_equal(utf8_clean(out, sizeof(out), "ab\xff\xc0z"), 5);
	assert_string_equal(out, "ab??z");
	assert_int_equal(utf8_clean(out, sizeof(out), "a\tb\x7f"), 4);
	assert_string_equal(out, "a b ");
	/* Three two-byte letters fill 6 bytes; the fourth would pass 7. */
	assert_int_equal(utf8_clean(out, sizeof(out), "\xd0\x81\xd0\xbb\xd0\xba\xd0\xb0"), 6);
	assert_string_equal(out, "\xd0\x81\xd0\xbb\xd0\xba");
	assert_true(utf8_valid(out, strlen(out)));
	/* A truncated sequence at the end is not copied as if whole. */
	assert_int_equal(utf8_clean(out, sizeof(out), "ok\xe2\x82"), 4);
	assert_string_equal(out, "ok??");
	assert_int_equal(utf8_clean(out, 1, "abc"), 0);
	assert_string_equal(out, "");
}

/* Width and case do not tell logins apart; accents do (core/login.h). */
static void logins(void **st)
{
	char out[LOGIN_BYTES];

	(void)st;
	assert_int_equal(login_normalize("Demo2", out, sizeof(out)), 0);
	assert_string_equal(out, "demo2");
	assert_int_equal(login_normalize("\xef\xbc\xa4\xef\xbc\xa5\xef\xbc\xad\xef\xbc\xaf" "2", out,
					 sizeof(out)), 0); /* fullwidth ＤＥＭＯ2 */
	assert_string_equal(out, "demo2");
	assert_int_equal(login_normalize("d\xc3\xa9mo2", out, sizeof(out)), 0); /* démo2 */
	assert_string_equal(out, "d\xc3\xa9mo2");
	/* é written as e and a combining accent is the same é. */
	assert_int_equal(login_normalize("de\xcc\x81mo2", out, sizeof(out)), 0);
	assert_string_equal(out, "d\xc3\xa9mo2");
	assert_int_equal(login_normalize("\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd", out, sizeof(out)), 0);
	assert_string_equal(out, "\xd0\xb8\xd0\xb2\xd0\xb0\xd0\xbd"); /* Иван: иван */
	assert_int_equal(login_normalize("\xff", out, sizeof(out)), -1);
	assert_int_equal(login_normalize("abcdef", out, 4), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decodes_pairs),
		cmocka_unit_test(keeps_special_characters_as_text),
		cmocka_unit_test(skips_empty_pairs),
		cmocka_unit_test(counts_repeats),
		cmocka_unit_test(refuses_bad_escapes),
		cmocka_unit_test(refuses_invalid_utf8),
		cmocka_unit_test(enforces_field_count),
		cmocka_unit_test(enforces_lengths),
		cmocka_unit_test(parses_cookies),
		cmocka_unit_test(skips_malformed_cookies),
		cmocka_unit_test(caps_cookie_count),
		cmocka_unit_test(utf8_checks),
		cmocka_unit_test(utf8_cleaning),
		cmocka_unit_test(logins),
	};

	return cmocka_run_group_tests_name("parse", tests, setup, teardown);
}
