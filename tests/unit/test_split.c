/* Unit tests: spreading a payment over services (Rules 354, p. 118), and refunds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "billing/split.h"
#include "core/money.h"

/*
 * Rules 354 (Government decree 354 of 06.05.2011), p. 118: when a consumer
 * pays less than the receipt asks, the payment is shared between the kinds
 * of service in proportion to what the receipt asks for each.  A receipt
 * asking 1 500,00 for electricity, 900,00 for water and 3 600,00 for heating
 * (6 000,00) paid with 3 000,00, a half: 750,00, 450,00 and 1 800,00.
 */
static void a_short_payment_is_shared_in_proportion_to_what_is_asked(void **st)
{
	money_t ask[] = {150000, 90000, 360000}, w[] = {150000, 90000, 360000}, out[3];

	(void)st;
	assert_int_equal(payment_split(ask, w, 3, 300000, out), 0);
	assert_int_equal(out[0], 75000);
	assert_int_equal(out[1], 45000);
	assert_int_equal(out[2], 180000);
}

/* A payment of exactly what is due pays each service what it asks. */
static void paying_what_is_due_pays_each_service_its_ask(void **st)
{
	money_t ask[] = {123456, 0, 7}, w[] = {1, 500, 1}, out[3];

	(void)st;
	assert_int_equal(payment_split(ask, w, 3, 123463, out), 0);
	assert_int_equal(out[0], 123456);
	assert_int_equal(out[1], 0);
	assert_int_equal(out[2], 7);
}

/* Beyond every ask: the rest is an advance in proportion to the last charges. */
static void the_rest_is_an_advance_by_the_last_charges(void **st)
{
	money_t ask[] = {10000, 0}, w[] = {10000, 30000}, out[2];
	money_t none[] = {0, 0};

	(void)st;
	assert_int_equal(payment_split(ask, w, 2, 18000, out), 0);
	assert_int_equal(out[0], 12000);
	assert_int_equal(out[1], 6000);
	/* Nothing charged to weigh by: the advance goes to the first service. */
	assert_int_equal(payment_split(none, none, 2, 12345, out), 0);
	assert_int_equal(out[0], 12345);
	assert_int_equal(out[1], 0);
}

/*
 * An advance on one supplier's service asks for nothing, so it never pays
 * another's debt: electricity in credit (-500,00) with water owing 900,00,
 * a payment of 400,00 goes all to water.
 */
static void a_service_in_credit_asks_for_nothing(void **st)
{
	money_t ask[] = {0, 90000}, w[] = {150000, 90000}, out[2];

	(void)st;
	assert_int_equal(payment_split(ask, w, 2, 40000, out), 0);
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 40000);
}

static void shares_add_up_to_the_kopeck(void **st)
{
	money_t ask[] = {1, 1, 1}, w[] = {1, 1, 1}, out[3];
	money_t a2[] = {100, 200}, w2[] = {0, 0}, o2[2];

	(void)st;
	/* 2 kopecks over three equal asks: the earlier services get them. */
	assert_int_equal(payment_split(ask, w, 3, 2, out), 0);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[1], 1);
	assert_int_equal(out[2], 0);
	/* 7 over 100 and 200: 2,33 and 4,67; the larger remainder takes the kopeck. */
	assert_int_equal(payment_split(a2, w2, 2, 7, o2), 0);
	assert_int_equal(o2[0], 2);
	assert_int_equal(o2[1], 5);
}

static void bad_input_is_refused(void **st)
{
	money_t ask[] = {100, 100}, w[] = {1, 1}, neg[] = {-1, 1}, out[2];

	(void)st;
	assert_int_equal(payment_split(ask, w, 2, 0, out), -1);
	assert_int_equal(payment_split(ask, w, 2, -5, out), -1);
	assert_int_equal(payment_split(ask, w, 0, 5, out), -1);
	assert_int_equal(payment_split(neg, w, 2, 5, out), -1);
	assert_int_equal(payment_split(ask, neg, 2, 5, out), -1);
	assert_int_equal(payment_split(ask, w, SPLIT_MAX_SERVICES + 1, 5, out), -1);
}

static void large_amounts_do_not_overflow(void **st)
{
	money_t ask[] = {900000000000000LL, 700000000000000LL}, w[] = {1, 1}, out[2];

	(void)st;
	assert_int_equal(payment_split(ask, w, 2, 999999999999999LL, out), 0);
	assert_int_equal(out[0] + out[1], 999999999999999LL);
	assert_true(out[0] > out[1]);
}

/* The subscriber's own split stands when its parts are whole and add up. */
static void a_chosen_split_must_add_up(void **st)
{
	money_t ok[] = {0, 90000, 10000}, neg[] = {-1, 90001, 10000};

	(void)st;
	assert_int_equal(split_chosen_valid(ok, 3, 100000), 0);
	assert_int_equal(split_chosen_valid(ok, 3, 100001), -1);
	assert_int_equal(split_chosen_valid(neg, 3, 100000), -1);
	assert_int_equal(split_chosen_valid(ok, 0, 0), -1);
}

static void a_refund_is_taken_back_in_proportion(void **st)
{
	const money_t lines[] = {100000, 50000, 1};
	money_t out[3];

	(void)st;
	/* All of it: every part gives back what it had. */
	assert_int_equal(split_in_proportion(lines, 3, 150001, out), 0);
	assert_int_equal(out[0], 100000);
	assert_int_equal(out[1], 50000);
	assert_int_equal(out[2], 1);
	/* A third: to the kopeck, no part more than it has. */
	assert_int_equal(split_in_proportion(lines, 3, 50000, out), 0);
	assert_int_equal(out[0] + out[1] + out[2], 50000);
	assert_int_equal(out[0], 33333);
	assert_int_equal(out[1], 16667);
	assert_int_equal(out[2], 0);
	assert_int_equal(split_in_proportion(lines, 3, 1, out), 0);
	assert_int_equal(out[0] + out[1] + out[2], 1);
	assert_int_equal(out[0], 1);
	/* More than was paid, a negative amount, nothing to take from: refused. */
	assert_int_equal(split_in_proportion(lines, 3, 150002, out), -1);
	assert_int_equal(split_in_proportion(lines, 3, -1, out), -1);
	assert_int_equal(split_in_proportion(lines, 0, 1, out), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(a_short_payment_is_shared_in_proportion_to_what_is_asked),
	        cmocka_unit_test(paying_what_is_due_pays_each_service_its_ask),
	        cmocka_unit_test(the_rest_is_an_advance_by_the_last_charges),
	        cmocka_unit_test(a_service_in_credit_asks_for_nothing),
	        cmocka_unit_test(shares_add_up_to_the_kopeck),
	        cmocka_unit_test(bad_input_is_refused),
	        cmocka_unit_test(large_amounts_do_not_overflow),
	        cmocka_unit_test(a_chosen_split_must_add_up),
	        cmocka_unit_test(a_refund_is_taken_back_in_proportion),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
