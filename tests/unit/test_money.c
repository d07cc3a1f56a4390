/* Unit tests: money as integer minor units: arithmetic, rounding, parsing, formatting. */
#include <string.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/lang.h"
#include "core/money.h"

#define NBSP "\xc2\xa0"

static const struct currency *rub(void)
{
	return currency_find("RUB");
}

static void currencies(void **st)
{
	(void)st;
	assert_string_equal(currency_find("RUB")->symbol, "₽");
	assert_string_equal(currency_find("KZT")->symbol, "₸");
	assert_int_equal(currency_find("EUR")->minor_digits, 2);
	assert_null(currency_find("XXX"));
	assert_null(currency_find("rub"));
}

/* A price keeps up to four decimals, written only where they are not 0. */
static void prices_keep_four_decimals(void **st)
{
	char b[64];

	(void)st;
	assert_int_equal(price_format(b, sizeof(b), 39800, rub(), LANG_RU), 0);
	assert_string_equal(b, "3,98" NBSP "₽");
	assert_int_equal(price_format(b, sizeof(b), 47850, rub(), LANG_RU), 0);
	assert_string_equal(b, "4,785" NBSP "₽");
	assert_int_equal(price_format(b, sizeof(b), 134456, currency_find("KZT"), LANG_EN), 0);
	assert_string_equal(b, "₸13.4456");
	assert_int_equal(price_format(b, sizeof(b), 12345678901, rub(), LANG_RU), 0);
	assert_string_equal(b, "1" NBSP "234" NBSP "567,8901" NBSP "₽");
	assert_int_equal(price_format(b, sizeof(b), 0, rub(), LANG_EN), 0);
	assert_string_equal(b, "₽0.00");
	assert_int_equal(price_format(b, 8, 134456, rub(), LANG_RU), -1); /* no room */
}

static void formats_russian_and_english(void **st)
{
	char b[64];

	(void)st;
	assert_int_equal(money_format(b, sizeof(b), 123456, rub(), LANG_RU), 0);
	assert_string_equal(b, "1" NBSP "234,56" NBSP "₽");
	assert_int_equal(money_format(b, sizeof(b), 123456, rub(), LANG_EN), 0);
	assert_string_equal(b, "₽1,234.56");
	assert_int_equal(money_format(b, sizeof(b), 0, rub(), LANG_RU), 0);
	assert_string_equal(b, "0,00" NBSP "₽");
	assert_int_equal(money_format(b, sizeof(b), 5, rub(), LANG_EN), 0);
	assert_string_equal(b, "₽0.05");
	assert_int_equal(money_format(b, sizeof(b), -100000050, rub(), LANG_RU), 0);
	assert_string_equal(b, "-1" NBSP "000" NBSP "000,50" NBSP "₽");
	assert_int_equal(money_format(b, sizeof(b), -100000050, rub(), LANG_EN), 0);
	assert_string_equal(b, "-₽1,000,000.50");
	assert_int_equal(money_format(b, sizeof(b), 99999, currency_find("KZT"), LANG_RU), 0);
	assert_string_equal(b, "999,99" NBSP "₸");
	assert_int_equal(money_format(b, sizeof(b), 1234500, currency_find("BRL"), LANG_EN), 0);
	assert_string_equal(b, "R$12,345.00");
	/* The extremes of int64 format without overflow; a short buffer is an error. */
	assert_int_equal(money_format(b, sizeof(b), INT64_MIN, rub(), LANG_EN), 0);
	assert_string_equal(b, "-₽92,233,720,368,547,758.08");
	assert_int_equal(money_format(b, 8, 123456, rub(), LANG_RU), -1);
}

static void parses_what_people_type(void **st)
{
	static const struct {
		const char *in;
		money_t out;
	} ok[] = {
		{"1234", 123400},     {"1234.5", 123450},	{"1234,56", 123456},
		{"1 234,56", 123456}, {"1" NBSP "234,56", 123456}, {" 0.01 ", 1},
		{"+7", 700},	      {"0", 0},			{"12 345 678.90", 1234567890},
		{"9999999999999.99", 999999999999999},
	};
	static const char *const bad[] = {
		"", " ", "-5", "1.234", "1,2,3", "1.2.3", "abc", "1e3", "12 34", "1 2345",
		"1234 567", ".5", "5.", "1,234.56", "0x10", "١٢", "99999999999999", "1  234",
		"--1", "1-", "12\t3", "1\xc2",
	};
	money_t v;
	size_t i;

	(void)st;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(money_parse(ok[i].in, strlen(ok[i].in), rub(), 0, &v), 0);
		assert_int_equal(v, ok[i].out);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		v = 42;
		if (money_parse(bad[i], strlen(bad[i]), rub(), 0, &v) == 0)
			fail_msg("accepted \"%s\" as %lld", bad[i], (long long)v);
	}
	assert_int_equal(money_parse("-5,10", 5, rub(), 1, &v), 0);
	assert_int_equal(v, -510);
}

static void round_trips(void **st)
{
	char b[64];
	money_t v, back;

	(void)st;
	for (v = -1000003; v <= 1000003; v += 77777) {
		assert_int_equal(money_format(b, sizeof(b), v, rub(), LANG_RU), 0);
		assert_int_equal(money_parse(b, strlen(b) - strlen(NBSP "₽"), rub(), 1, &back), 0);
		assert_int_equal(back, v);
	}
}

static void arithmetic_refuses_overflow(void **st)
{
	money_t v = 7;

	(void)st;
	assert_int_equal(money_add(100, 250, &v), 0);
	assert_int_equal(v, 350);
	assert_int_equal(money_sub(100, 250, &v), 0);
	assert_int_equal(v, -150);
	assert_int_equal(money_add(INT64_MAX, 1, &v), -1);
	assert_int_equal(v, -150);
	assert_int_equal(money_add(1000000000000000LL, 1, &v), -1);
	assert_int_equal(money_sub(-1000000000000000LL, 1, &v), -1);
	assert_int_equal(money_add(999999999999999LL, 1, &v), 0);
}

static void rounds_each_line_half_away_from_zero(void **st)
{
	money_t v;

	(void)st;
	/* 5.45 rub/kWh x 123 kWh = 670.35 exactly. */
	assert_int_equal(money_mul_qty(545, 123, 0, &v), 0);
	assert_int_equal(v, 67035);
	/* 5.45 x 12.345 kWh = 67.28025 -> 67.28 */
	assert_int_equal(money_mul_qty(545, 12345, 3, &v), 0);
	assert_int_equal(v, 6728);
	/* 0.5 kopeck goes up, and down for a refund alike. */
	assert_int_equal(money_mul_qty(1, 5, 1, &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(money_mul_qty(-1, 5, 1, &v), 0);
	assert_int_equal(v, -1);
	assert_int_equal(money_mul_qty(1, 4, 1, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(money_mul_qty(3, 1, 1, &v), 0); /* 0.3 kopeck */
	assert_int_equal(v, 0);
	/* Sum of rounded lines, not rounding of the sum: 3 x 0.5 kopeck = 3 kopecks. */
	{
		money_t line, total = 0;
		int i;

		for (i = 0; i < 3; i++) {
			assert_int_equal(money_mul_qty(1, 5, 1, &line), 0);
			assert_int_equal(money_add(total, line, &total), 0);
		}
		assert_int_equal(total, 3);
	}
	assert_int_equal(money_mul_qty(INT64_MAX, INT64_MAX, 0, &v), -1);
	assert_int_equal(money_mul_qty(1, 1, 10, &v), -1);
}

/* What a form is prefilled with reads back as the same amount. */
static void input_values_read_back(void **st)
{
	static const money_t v[] = {0, 5, 99, 100, 123456, 100000050, 999999999999999};
	char b[64];
	money_t back;
	size_t i;

	(void)st;
	assert_int_equal(money_input(b, sizeof(b), 123456, rub(), LANG_RU), 0);
	assert_string_equal(b, "1234,56");
	assert_int_equal(money_input(b, sizeof(b), 123456, rub(), LANG_EN), 0);
	assert_string_equal(b, "1234.56");
	assert_int_equal(money_input(b, sizeof(b), 5, rub(), LANG_RU), 0);
	assert_string_equal(b, "0,05");
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		assert_int_equal(money_input(b, sizeof(b), v[i], rub(), LANG_RU), 0);
		assert_int_equal(money_parse(b, strlen(b), rub(), 0, &back), 0);
		assert_int_equal(back, v[i]);
	}
	assert_int_equal(money_input(b, 4, 123456, rub(), LANG_RU), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(input_values_read_back),
		cmocka_unit_test(currencies),
		cmocka_unit_test(formats_russian_and_english),
		cmocka_unit_test(prices_keep_four_decimals),
		cmocka_unit_test(parses_what_people_type),
		cmocka_unit_test(round_trips),
		cmocka_unit_test(arithmetic_refuses_overflow),
		cmocka_unit_test(rounds_each_line_half_away_from_zero),
	};

	return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
