/* Unit tests: spreading a payment over services (oldest debt first, then in proportion). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "billing/split.h"
#include "core/money.h"

#define OCT 24321 /* 2026-10 */

static void ages_are_first_in_first_out(void **st)
{
	money_t charges[] = {10000, 12000, 9000}; /* Oct, Sep, Aug */
	money_t ages[4];

	(void)st;
	debt_ages(25000, charges, 3, ages);
	assert_int_equal(ages[0], 10000);
	assert_int_equal(ages[1], 12000);
	assert_int_equal(ages[2], 3000);
	assert_int_equal(ages[3], 0);
	/* More debt than the history explains: the rest is older than all of it. */
	debt_ages(40000, charges, 3, ages);
	assert_int_equal(ages[2], 9000);
	assert_int_equal(ages[3], 9000);
	/* Paid up or ahead: no debt at all. */
	debt_ages(-500, charges, 3, ages);
	assert_int_equal(ages[0] + ages[1] + ages[2] + ages[3], 0);
	/* A negative charge (a recalculation that reduced it) ages nothing. */
	charges[0] = -3000;
	debt_ages(5000, charges, 3, ages);
	assert_int_equal(ages[0], 0);
	assert_int_equal(ages[1], 5000);
}

static void oldest_debt_is_paid_first(void **st)
{
	/* Service 0 owes September and October; service 1 only October. */
	struct split_debt d[] = {
		{0, OCT - 1, 5000},
		{0, OCT, 4000},
		{1, OCT, 6000},
	};
	money_t w[] = {4000, 6000}, out[2];

	(void)st;
	assert_int_equal(payment_split(d, 3, w, 2, 5000, out), 0);
	assert_int_equal(out[0], 5000);
	assert_int_equal(out[1], 0);
	/* Then October's two debts in proportion, 4:6. */
	assert_int_equal(payment_split(d, 3, w, 2, 10000, out), 0);
	assert_int_equal(out[0], 7000);
	assert_int_equal(out[1], 3000);
	/* Everything paid, and 1000 more is an advance in proportion to the last charges. */
	assert_int_equal(payment_split(d, 3, w, 2, 16000, out), 0);
	assert_int_equal(out[0], 9400);
	assert_int_equal(out[1], 6600);
}

static void shares_add_up_to_the_kopeck(void **st)
{
	struct split_debt d[] = {{0, OCT, 1}, {1, OCT, 1}, {2, OCT, 1}};
	money_t w[] = {1, 1, 1}, out[3];

	(void)st;
	/* Two kopecks over three equal debts: the first two get one each. */
	assert_int_equal(payment_split(d, 3, w, 3, 2, out), 0);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[1], 1);
	assert_int_equal(out[2], 0);
	/* 100.00 over 3:3:3 thirds. */
	d[0].amount = d[1].amount = d[2].amount = 30000;
	assert_int_equal(payment_split(d, 3, w, 3, 10000, out), 0);
	assert_int_equal(out[0] + out[1] + out[2], 10000);
	assert_int_equal(out[0], 3334);
	assert_int_equal(out[1], 3333);
	/* Largest remainder wins, not the first: 7 over 1:2 gives 2.33 and 4.67. */
	{
		struct split_debt e[] = {{0, OCT, 100}, {1, OCT, 200}};
		money_t v[] = {0, 0}, o2[2];

		assert_int_equal(payment_split(e, 2, v, 2, 7, o2), 0);
		assert_int_equal(o2[0], 2);
		assert_int_equal(o2[1], 5);
	}
}

static void an_advance_without_charges_goes_to_the_first_service(void **st)
{
	money_t w[] = {0, 0}, out[2];

	(void)st;
	assert_int_equal(payment_split(NULL, 0, w, 2, 12345, out), 0);
	assert_int_equal(out[0], 12345);
	assert_int_equal(out[1], 0);
}

static void bad_input_is_refused(void **st)
{
	struct split_debt late_first[] = {{0, OCT, 100}, {1, OCT - 1, 100}};
	struct split_debt bad_service[] = {{5, OCT, 100}};
	money_t w[] = {1, 1}, neg[] = {-1, 1}, out[2];

	(void)st;
	assert_int_equal(payment_split(late_first, 2, w, 2, 100, out), -1);
	assert_int_equal(payment_split(bad_service, 1, w, 2, 100, out), -1);
	assert_int_equal(payment_split(NULL, 0, w, 2, 0, out), -1);
	assert_int_equal(payment_split(NULL, 0, w, 2, -5, out), -1);
	assert_int_equal(payment_split(NULL, 0, w, 0, 5, out), -1);
	assert_int_equal(payment_split(NULL, 0, neg, 2, 5, out), -1);
	assert_int_equal(payment_split(NULL, 0, w, SPLIT_MAX_SERVICES + 1, 5, out), -1);
}

static void large_amounts_do_not_overflow(void **st)
{
	struct split_debt d[] = {{0, OCT, 900000000000000LL}, {1, OCT, 700000000000000LL}};
	money_t w[] = {1, 1}, out[2];

	(void)st;
	assert_int_equal(payment_split(d, 2, w, 2, 999999999999999LL, out), 0);
	assert_int_equal(out[0] + out[1], 999999999999999LL);
	assert_true(out[0] > out[1]);
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
		cmocka_unit_test(ages_are_first_in_first_out),
		cmocka_unit_test(oldest_debt_is_paid_first),
		cmocka_unit_test(shares_add_up_to_the_kopeck),
		cmocka_unit_test(an_advance_without_charges_goes_to_the_first_service),
		cmocka_unit_test(bad_input_is_refused),
		cmocka_unit_test(large_amounts_do_not_overflow),
		cmocka_unit_test(a_refund_is_taken_back_in_proportion),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
