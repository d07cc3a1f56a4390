/* Unit tests: the chart's bars, as xsl/home.xsl computed them before issue 22. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "doc/chart.h"

static void the_largest_bar_is_full_height(void **state)
{
	(void)state;
	assert_int_equal(chart_bar_height(123456, 123456), CHART_BAR_MAX);
	assert_int_equal(chart_bar_height(1, 1), CHART_BAR_MAX);
}

static void nothing_and_advances_draw_no_bar(void **state)
{
	(void)state;
	assert_int_equal(chart_bar_height(0, 1000), 0);
	assert_int_equal(chart_bar_height(-500, 1000), 0);
	assert_int_equal(chart_bar_height(5, 0), 0);
}

/* round(x * (190 div max)) in XPath: halves go up, below a half of a unit is 0. */
static void heights_round_as_xpath_does(void **state)
{
	(void)state;
	assert_int_equal(chart_bar_height(500, 1000), 95);
	assert_int_equal(chart_bar_height(1, 380), 1);   /* 0.5 exactly: up */
	assert_int_equal(chart_bar_height(1, 381), 0);   /* 0.4987 */
	assert_int_equal(chart_bar_height(3, 380), 2);   /* 1.5: up */
	assert_int_equal(chart_bar_height(517003, 1226518), 80); /* 80.0891 */
	assert_int_equal(chart_bar_height(INT64_MAX / 2, INT64_MAX), 95);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_largest_bar_is_full_height),
		cmocka_unit_test(nothing_and_advances_draw_no_bar),
		cmocka_unit_test(heights_round_as_xpath_does),
	};

	return cmocka_run_group_tests_name("chart", tests, NULL, NULL);
}
