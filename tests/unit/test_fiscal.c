/* Unit tests: the fiscal receipt's numbers and its link (billing/fiscal.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "billing/fiscal.h"

static const struct fiscal_receipt R = {"2d9a-1", "9288000100115785", "3986", "2617603921",
                                        "2026-12-02 08:45:07"};

static void numbers_are_digits(void **st)
{
	(void)st;
	assert_true(fiscal_number_valid("0"));
	assert_true(fiscal_number_valid("92880001001157850000"));
	assert_false(fiscal_number_valid("928800010011578500001")); /* 21 digits */
	assert_false(fiscal_number_valid(""));
	assert_false(fiscal_number_valid("12 3"));
	assert_false(fiscal_number_valid("-1"));
	assert_false(fiscal_number_valid("1&x=2"));
}

/* Each slot takes its number, wherever and however often it stands. */
static void the_template_is_filled(void **st)
{
	char out[128];

	(void)st;
	assert_int_equal(fiscal_check_url(out, sizeof(out),
	                                  "https://check.ofd.example/rec/{fn}/{fd}/{fp}", &R),
	                 0);
	assert_string_equal(out, "https://check.ofd.example/rec/9288000100115785/3986/2617603921");
	assert_int_equal(
	        fiscal_check_url(out, sizeof(out), "http://x/?fp={fp}&fn={fn}&again={fp}", &R), 0);
	assert_string_equal(out, "http://x/?fp=2617603921&fn=9288000100115785&again=2617603921");
	/* Not a slot: left as written. */
	assert_int_equal(fiscal_check_url(out, sizeof(out), "http://x/{fx}/{f", &R), 0);
	assert_string_equal(out, "http://x/{fx}/{f");
}

static void what_does_not_fit_is_refused(void **st)
{
	char out[26];

	(void)st;
	assert_int_equal(fiscal_check_url(out, sizeof(out), "http://x/{fn}", &R), 0);
	assert_string_equal(out, "http://x/9288000100115785"); /* 26 bytes with its NUL */
	assert_int_equal(fiscal_check_url(out, sizeof(out), "http://xy/{fn}", &R), -1);
	assert_string_equal(out, "");
	assert_int_equal(fiscal_check_url(out, sizeof(out), "", &R), -1);
	assert_int_equal(fiscal_check_url(out, 0, "x", &R), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(numbers_are_digits),
	        cmocka_unit_test(the_template_is_filled),
	        cmocka_unit_test(what_does_not_fit_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
