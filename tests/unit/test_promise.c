/* Unit tests: the promised payment's rule (billing/promise.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "billing/promise.h"

static const struct promise_rule RULE = {3, 150000}; /* three days, up to 1 500.00 owed */

static enum promise_answer ask(int suspended, int running, int used, money_t debt)
{
	struct promise_case c = {suspended, running, used, debt};

	return promise_decide(&RULE, &c);
}

/* A suspended line with a debt up to the limit, the month's first: given. */
static void given_up_to_the_limit(void **st)
{
	(void)st;
	assert_int_equal(ask(1, 0, 0, 150000), PROMISE_GIVEN);
	assert_int_equal(ask(1, 0, 0, 1), PROMISE_GIVEN);
	assert_int_equal(ask(1, 0, 0, -500), PROMISE_GIVEN); /* suspended though paid ahead */
	assert_string_equal(promise_word(PROMISE_GIVEN), "given");
}

static void each_refusal_has_its_reason(void **st)
{
	struct promise_rule off = {0, 150000};
	struct promise_case c = {1, 0, 0, 0};

	(void)st;
	assert_int_equal(ask(1, 0, 0, 150001), PROMISE_OVER_LIMIT);
	assert_int_equal(ask(1, 0, 1, 0), PROMISE_USED);
	assert_int_equal(ask(0, 0, 0, 0), PROMISE_ACTIVE);
	assert_int_equal(ask(1, 1, 1, 0), PROMISE_RUNNING);
	assert_int_equal(promise_decide(&off, &c), PROMISE_OFF);
	assert_string_equal(promise_word(PROMISE_OVER_LIMIT), "over-limit");
	assert_string_equal(promise_word(PROMISE_USED), "used");
	assert_string_equal(promise_word(PROMISE_RUNNING), "running");
	assert_string_equal(promise_word(PROMISE_ACTIVE), "active");
	assert_string_equal(promise_word(PROMISE_OFF), "off");
}

/* The order says what the subscriber hears first: a running promise before its month. */
static void the_first_reason_is_told(void **st)
{
	(void)st;
	assert_int_equal(ask(0, 1, 1, 999999999), PROMISE_RUNNING);
	assert_int_equal(ask(0, 0, 1, 999999999), PROMISE_ACTIVE);
	assert_int_equal(ask(1, 0, 1, 999999999), PROMISE_USED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(given_up_to_the_limit),
	        cmocka_unit_test(each_refusal_has_its_reason),
	        cmocka_unit_test(the_first_reason_is_told),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
