/* Unit tests: field validators, language choice, tokens and CSRF-free crypto helpers. */
#include <string.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/lang.h"
#include "core/month.h"
#include "core/valid.h"

static struct arena *A;

static int setup(void **st)
{
	(void)st;
	A = arena_new(1u << 20);
	return A == NULL || sodium_init() < 0;
}

static int teardown(void **st)
{
	(void)st;
	arena_free(A);
	return 0;
}

static int run(validator v, long long min, long long max, const char *s, struct fval *out)
{
	struct field f = {"f", v, min, max};

	memset(out, 0, sizeof(*out));
	return v(&f, s, strlen(s), A, out);
}

static void text_trims_and_counts_characters(void **st)
{
	struct fval v;

	(void)st;
	assert_int_equal(run(valid_text, 1, 5, "  demo ", &v), 0);
	assert_string_equal(v.s, "demo");
	assert_int_equal(run(valid_text, 1, 4, "Ёлка", &v), 0); /* 4 characters, 8 bytes */
	assert_int_equal(run(valid_text, 1, 3, "Ёлка", &v), -1);
	assert_int_equal(run(valid_text, 1, 5, "   ", &v), -1);
	assert_int_equal(run(valid_text, 1, 9, "a\nb", &v), -1);
	assert_int_equal(run(valid_text, 1, 9, "a\x7f", &v), -1);
	assert_int_equal(run(valid_text, 1, 9, "a\xc2\x85", &v), -1); /* C1 control NEL */
	assert_int_equal(run(valid_text, 1, 9, "\xff", &v), -1);
	assert_int_equal(run(valid_text, 1, 40, "'; DROP TABLE x; --", &v), 0);
}

static void secrets_are_taken_as_typed(void **st)
{
	struct fval v;

	(void)st;
	assert_int_equal(run(valid_secret, 1, 128, " pass word ", &v), 0);
	assert_string_equal(v.s, " pass word ");
	assert_int_equal(run(valid_secret, 1, 128, "пароль-ёж", &v), 0);
	assert_int_equal(run(valid_secret, 1, 128, "tab\there", &v), -1);
	{
		char pw[130];

		memset(pw, 'x', 129);
		pw[129] = '\0';
		assert_int_equal(run(valid_secret, 1, 128, pw, &v), -1);
		pw[128] = '\0';
		assert_int_equal(run(valid_secret, 1, 128, pw, &v), 0);
	}
}

static void integers_have_ranges(void **st)
{
	struct fval v;

	(void)st;
	assert_int_equal(run(valid_int, 1, 12, "12", &v), 0);
	assert_int_equal(v.i, 12);
	assert_int_equal(run(valid_int, 1, 12, "13", &v), -1);
	assert_int_equal(run(valid_int, 1, 12, "0", &v), -1);
	assert_int_equal(run(valid_int, 0, 99, "-1", &v), -1);
	assert_int_equal(run(valid_int, 0, 99, "1e2", &v), -1);
	assert_int_equal(run(valid_int, 0, 99, " 1", &v), -1);
	assert_int_equal(run(valid_int, 0, 99, "", &v), -1);
	assert_int_equal(run(valid_int, 0, 99, "99999999999999999999999", &v), -1);
}

static void months_in_both_spellings(void **st)
{
	struct fval v;
	char buf[11];
	month_t m;

	(void)st;
	assert_int_equal(run(valid_month, 7, 7, "2026-03", &v), 0);
	assert_int_equal(v.i, 2026 * 12 + 2);
	assert_string_equal(v.s, "2026-03");
	assert_int_equal(run(valid_month, 7, 7, "03.2026", &v), 0);
	assert_string_equal(v.s, "2026-03");
	assert_int_equal(run(valid_month, 7, 7, "2000-01", &v), 0);
	assert_int_equal(v.i, MONTH_MIN);
	assert_int_equal(run(valid_month, 7, 7, "2099-12", &v), 0);
	assert_int_equal(v.i, MONTH_MAX);
	static const char *const bad[] = {"1999-12", "2100-01", "2026-13", "2026-00", "2026-3",
					  "26-03", "2026/03", "3.2026", "2026-03-01", "",
					  "2026-0a", "+026-03", " 2026-03", "13.2026"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(run(valid_month, 7, 7, bad[i], &v), -1);
	/* Arithmetic across a year end, and the DATE the ledger is keyed by. */
	assert_int_equal(month_parse("2026-01", 7, &m), 0);
	month_format(m - 1, buf);
	assert_string_equal(buf, "2025-12");
	month_date(m + 11, buf);
	assert_string_equal(buf, "2026-12-01");
	month_format(-5, buf); /* never produced, but never out of range either */
	assert_string_equal(buf, "2000-01");
}

static void account_numbers(void **st)
{
	struct fval v;

	(void)st;
	assert_int_equal(run(valid_code, 1, 20, "1000456701", &v), 0);
	assert_string_equal(v.s, "1000456701");
	assert_int_equal(run(valid_code, 1, 20, " 1000-456 701 ", &v), 0);
	assert_string_equal(v.s, "1000456701");
	assert_int_equal(run(valid_code, 1, 20, "AB12", &v), 0);
	assert_int_equal(run(valid_code, 1, 20, "12345678901234567890", &v), 0);
	assert_int_equal(run(valid_code, 1, 20, "123456789012345678901", &v), -1);
	assert_int_equal(run(valid_code, 1, 20, " - ", &v), -1);
	assert_int_equal(run(valid_code, 1, 20, "12/34", &v), -1);
	assert_int_equal(run(valid_code, 1, 20, "12'34", &v), -1);
	assert_int_equal(run(valid_code, 1, 20, "Л123", &v), -1);
}

static void local_paths_only(void **st)
{
	static const char *const bad[] = {
		"", "http://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil",
		"evil.example", "/ok\r\nSet-Cookie: x=1", "/a b", "/\xd0\x9f", "javascript:alert(1)",
	};
	struct fval v;
	size_t i;

	(void)st;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(run(valid_local_path, 1, 512, bad[i], &v), -1);
	assert_int_equal(run(valid_local_path, 1, 512, "/", &v), 0);
	assert_int_equal(run(valid_local_path, 1, 512, "/accounts?id=3&x=%2F", &v), 0);
	assert_string_equal(v.s, "/accounts?id=3&x=%2F");
}

static void languages(void **st)
{
	struct fval v;

	(void)st;
	assert_int_equal(run(valid_lang, 2, 2, "en", &v), 0);
	assert_int_equal(v.i, LANG_EN);
	assert_int_equal(run(valid_lang, 2, 2, "de", &v), -1);
	assert_int_equal(run(valid_lang, 2, 2, "EN", &v), -1);
	assert_int_equal(lang_from_accept(NULL), LANG_RU);
	assert_int_equal(lang_from_accept(""), LANG_RU);
	assert_int_equal(lang_from_accept("en-US,en;q=0.9"), LANG_EN);
	assert_int_equal(lang_from_accept("de-DE,de;q=0.9,en;q=0.5,ru;q=0.4"), LANG_EN);
	assert_int_equal(lang_from_accept("en;q=0.3, RU-ru;q=0.8"), LANG_RU);
	assert_int_equal(lang_from_accept("fr, de"), LANG_RU);
	assert_int_equal(lang_from_accept("en;q=0"), LANG_RU);
	assert_int_equal(lang_from_accept("english, enx"), LANG_RU);
	assert_int_equal(lang_from_accept(";;;,,,q=,en;q=abc"), LANG_RU);
}

static void tokens(void **st)
{
	unsigned char raw[TOKEN_BYTES], back[TOKEN_BYTES], h1[32], h2[32];
	char text[TOKEN_CHARS + 1], other[TOKEN_CHARS + 1];
	struct fval v;

	(void)st;
	assert_int_equal(token_new(raw, text), 0);
	assert_int_equal(strlen(text), TOKEN_CHARS);
	assert_int_equal(run(valid_token, 43, 43, text, &v), 0);
	assert_int_equal(token_decode(text, strlen(text), back), 0);
	assert_memory_equal(raw, back, TOKEN_BYTES);
	assert_int_equal(token_new(raw, other), 0);
	assert_string_not_equal(text, other);
	assert_int_equal(token_decode("short", 5, back), -1);
	assert_int_equal(token_decode("+++++++++++++++++++++++++++++++++++++++++++", 43, back), -1);
	token_hash(raw, sizeof(raw), h1);
	token_hash(raw, sizeof(raw), h2);
	assert_memory_equal(h1, h2, 32);
	assert_memory_not_equal(h1, raw, 32);
}

static void passwords(void **st)
{
	char hash[128];
	int rehash = 1;

	(void)st;
	assert_int_equal(password_hash("correct horse", 13, hash, sizeof(hash)), 0);
	assert_int_equal(strncmp(hash, "$argon2id$", 10), 0);
	assert_int_equal(password_verify(hash, "correct horse", 13, &rehash), 0);
	assert_int_equal(rehash, 0);
	assert_int_equal(password_verify(hash, "correct horsE", 13, &rehash), -1);
	assert_int_equal(password_verify(NULL, "anything", 8, &rehash), -1);
	/* Weaker parameters than ours: verified, and flagged for rehashing. */
	assert_int_equal(crypto_pwhash_str(hash, "old", 3, crypto_pwhash_OPSLIMIT_MIN,
					   crypto_pwhash_MEMLIMIT_MIN),
			 0);
	assert_int_equal(password_verify(hash, "old", 3, &rehash), 0);
	assert_int_equal(rehash, 1);
}

/* A configured cost: new hashes carry it, the interactive ones are to be replaced,
 * and an unknown login's dummy hash has it too. */
static void passwords_at_another_cost(void **st)
{
	char hash[128], before[128];
	int rehash = 0;

	(void)st;
	assert_int_equal(password_hash("pw", 2, before, sizeof(before)), 0);
	assert_int_equal(password_cost_set(0, 7168), -1);
	assert_int_equal(password_cost_set(5, 7168), 0);
	assert_int_equal(password_hash("pw", 2, hash, sizeof(hash)), 0);
	assert_non_null(strstr(hash, "$m=7168,t=5,p=1$"));
	assert_int_equal(password_verify(before, "pw", 2, &rehash), 0);
	assert_int_equal(rehash, 1);
	assert_int_equal(password_verify(hash, "pw", 2, &rehash), 0);
	assert_int_equal(rehash, 0);
	/* The dummy's cost (in its string) is what sets its work. */
	assert_int_equal(crypto_pwhash_str_needs_rehash(password_dummy(), 5, 7168 * 1024), 0);
	assert_int_equal(password_verify(NULL, "pw", 2, &rehash), -1);
	assert_int_equal(password_cost_set(crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                                   crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024),
	                 0);
}

/* What a refused value was, for its message: too large, or a date out of range. */
static void refusals_are_told_apart(void **st)
{
	(void)st;
	assert_true(valid_only_too_large("99999999999999999999"));
	assert_true(valid_only_too_large("1234567890123,5"));
	assert_true(valid_only_too_large("12.345"));
	assert_false(valid_only_too_large("12.3456")); /* too many decimals, not too large */
	assert_false(valid_only_too_large("-5"));
	assert_false(valid_only_too_large("1e9"));
	assert_false(valid_only_too_large("12."));
	assert_false(valid_only_too_large(".5"));
	assert_false(valid_only_too_large("1.2.3"));
	assert_false(valid_only_too_large(""));
	assert_false(valid_only_too_large(NULL));

	assert_true(valid_date_shape("1990-01-01"));
	assert_true(valid_date_shape("2100-02-28"));
	assert_true(valid_date_shape("1996-02-29"));
	assert_false(valid_date_shape("1997-02-29")); /* no such day */
	assert_false(valid_date_shape("1990-13-01"));
	assert_false(valid_date_shape("01.01.1990"));
	assert_false(valid_date_shape("1990-1-01"));
	assert_false(valid_date_shape("1990-01-01x"));
	assert_false(valid_date_shape("19+0-01-01"));
	assert_false(valid_date_shape(NULL));
}

static struct fval v;

static int lines(const struct field *f, const char *s)
{
	return valid_lines(f, s, strlen(s), A, &v);
}

/* A message of several lines: line breaks kept as LF, nothing else that controls. */
static void lines_keep_breaks_only(void **st)
{
	struct field f = {"text", valid_lines, 1, 10};

	(void)st;
	assert_int_equal(lines(&f, "  a\r\nb\rc\td \n\n"), 0);
	assert_string_equal(v.s, "a\nb\nc d");
	assert_int_equal(v.len, 7);
	assert_int_equal(lines(&f, "a\001b"), -1);
	assert_int_equal(lines(&f, "a\x7f"), -1);
	assert_int_equal(lines(&f, "\xc2\x85"), -1); /* NEL, a C1 control */
	assert_int_equal(lines(&f, "\xff"), -1);      /* not UTF-8 */
	assert_int_equal(lines(&f, "0123456789x"), -1);
	assert_int_equal(lines(&f, "\n \r\n"), -1);  /* nothing left */
	assert_int_equal(lines(&f, "ёжик"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(refusals_are_told_apart),
		cmocka_unit_test(text_trims_and_counts_characters),
		cmocka_unit_test(secrets_are_taken_as_typed),
		cmocka_unit_test(integers_have_ranges),
		cmocka_unit_test(months_in_both_spellings),
		cmocka_unit_test(account_numbers),
		cmocka_unit_test(local_paths_only),
		cmocka_unit_test(languages),
		cmocka_unit_test(tokens),
		cmocka_unit_test(passwords),
		cmocka_unit_test(passwords_at_another_cost),
		cmocka_unit_test(lines_keep_breaks_only),
	};

	return cmocka_run_group_tests_name("valid", tests, setup, teardown);
}
