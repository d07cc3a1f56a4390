/* Unit tests: the sign-in limits' rule (core/throttle.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/throttle.h"

static const struct throttle_policy P = {5, 900, 900, 4};

static struct throttle_state fresh(void)
{
	return (struct throttle_state){0, 0, 0, -1, 0};
}

/* Five tries go on; the sixth starts a lock of the window's length and is refused. */
static void five_then_a_lock(void **st)
{
	struct throttle_state s = fresh();
	int changed, i;

	(void)st;
	for (i = 1; i <= 5; i++) {
		assert_int_equal(throttle_try(&P, &s, &changed), 0);
		assert_true(changed);
		assert_int_equal(s.tries, (unsigned)i);
	}
	assert_int_equal(throttle_try(&P, &s, &changed), 900);
	assert_true(changed);
	assert_int_equal(s.lock_left, 900);
	assert_int_equal(s.level, 1);
	assert_int_equal(s.tries, 0);
}

/* A try during a running lock changes nothing at all. */
static void refusals_change_nothing(void **st)
{
	struct throttle_state s = {0, 10, 300, -1, 2}, before = s;
	int changed;

	(void)st;
	assert_int_equal(throttle_try(&P, &s, &changed), 300);
	assert_false(changed);
	assert_memory_equal(&s, &before, sizeof(s));
}

/* Each lock doubles, up to 2^max_level times the first; a quiet day resets it. */
static void back_off(void **st)
{
	struct throttle_state s = {5, 10, 0, 60, 1};
	int changed;

	(void)st;
	assert_int_equal(throttle_try(&P, &s, &changed), 1800);
	s = (struct throttle_state){5, 10, 0, 60, 4};
	assert_int_equal(throttle_try(&P, &s, &changed), 900 * 16);
	assert_int_equal(s.level, 4);
	s = (struct throttle_state){5, 10, 0, THROTTLE_LEVEL_RESET + 1, 4};
	assert_int_equal(throttle_try(&P, &s, &changed), 900);
	assert_int_equal(s.level, 1);
}

/* Tries older than the window are forgotten. */
static void window_passes(void **st)
{
	struct throttle_state s = {5, 901, 0, -1, 0};
	int changed;

	(void)st;
	assert_int_equal(throttle_try(&P, &s, &changed), 0);
	assert_int_equal(s.tries, 1);
	assert_int_equal(s.window_age, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(five_then_a_lock),
		cmocka_unit_test(refusals_change_nothing),
		cmocka_unit_test(back_off),
		cmocka_unit_test(window_passes),
	};

	return cmocka_run_group_tests_name("throttle", tests, NULL, NULL);
}
