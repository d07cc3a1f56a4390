/* Unit tests: a register's recent consumption in steps (the readings page's warning). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "billing/reading.h"

/* Monthly readings of a 5-digit register: each step from the month before. */
static void monthly_readings_step_from_one_to_the_next(void **st)
{
	struct reading_steps s = {0};

	(void)st;
	assert_int_equal(reading_steps_add(&s, 100, 1000, 5, 0), 0);
	assert_int_equal(s.steps, 0);
	assert_int_equal(reading_steps_days(&s), 0);
	assert_int_equal(reading_steps_add(&s, 130, 1120, 5, 0), 0);
	assert_int_equal(reading_steps_add(&s, 161, 1250, 5, 0), 0);
	assert_int_equal(s.steps, 2);
	assert_int_equal(s.used, 250);
	assert_int_equal(reading_steps_days(&s), 61);
}

/* A register that passed 99999 in between still counts what it used, not its whole range. */
static void a_register_that_went_round_counts_what_it_used(void **st)
{
	struct reading_steps s = {0};

	(void)st;
	assert_int_equal(reading_steps_add(&s, 10, 99950, 5, 0), 0);
	assert_int_equal(reading_steps_add(&s, 40, 30, 5, 0), 0);
	assert_int_equal(s.used, 80);
	/* Three decimals: the range is 10^8 thousandths. */
	s = (struct reading_steps){0};
	assert_int_equal(reading_steps_add(&s, 10, 99999000, 5, 3), 0);
	assert_int_equal(reading_steps_add(&s, 20, 500, 5, 3), 0);
	assert_int_equal(s.used, 1500);
}

/*
 * Two readings of one day (a correction entered later): each step is from the
 * last one entered on the latest earlier day, and a day's later entry is the
 * one the next day steps from.  The first day has no step of its own.
 */
static void a_days_later_entry_is_what_the_next_day_steps_from(void **st)
{
	struct reading_steps s = {0};

	(void)st;
	assert_int_equal(reading_steps_add(&s, 100, 500, 5, 0), 0);
	assert_int_equal(reading_steps_add(&s, 100, 510, 5, 0), 0); /* same day: no step */
	assert_int_equal(s.steps, 0);
	assert_int_equal(reading_steps_add(&s, 120, 600, 5, 0), 0); /* from 510 */
	assert_int_equal(reading_steps_add(&s, 120, 590, 5, 0), 0); /* from 510 again */
	assert_int_equal(s.steps, 2);
	assert_int_equal(s.used, 90 + 80);
	assert_int_equal(reading_steps_add(&s, 150, 700, 5, 0), 0); /* from 590 */
	assert_int_equal(s.used, 90 + 80 + 110);
	assert_int_equal(s.from, 100);
	assert_int_equal(reading_steps_days(&s), 50);
}

/* A register's size the meters table cannot hold is refused, and counts nothing. */
static void a_register_out_of_range_is_refused(void **st)
{
	struct reading_steps s = {0};

	(void)st;
	assert_int_equal(reading_steps_add(&s, 1, 5, 0, 0), -1);
	assert_int_equal(reading_steps_add(&s, 1, 5, 13, 0), -1);
	assert_int_equal(reading_steps_add(&s, 1, 5, 5, 4), -1);
	assert_int_equal(s.steps, 0);
	assert_int_equal(s.used, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(monthly_readings_step_from_one_to_the_next),
	        cmocka_unit_test(a_register_that_went_round_counts_what_it_used),
	        cmocka_unit_test(a_days_later_entry_is_what_the_next_day_steps_from),
	        cmocka_unit_test(a_register_out_of_range_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
