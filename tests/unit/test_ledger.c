/* Unit tests: ledger rows that balance, and totals over a run of months. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "billing/ledger.h"
#include "core/money.h"
#include "core/month.h"

static struct ledger_row row(month_t m, money_t opening, money_t accrued, money_t corr,
			     money_t paid)
{
	struct ledger_row r = {0};

	r.month = m;
	r.opening = opening;
	r.accrued = accrued;
	r.corrections = corr;
	r.paid = paid;
	r.closing = opening + accrued + corr - paid;
	return r;
}

static void a_row_balances(void **st)
{
	struct ledger_row r = row(24300, 142104, 156492, -1200, 142104);

	(void)st;
	assert_true(ledger_balanced(&r));
	r.closing += 1; /* one kopeck off */
	assert_false(ledger_balanced(&r));
	/* An overpayment is a negative balance, and still balances. */
	r = row(24300, -621216, 290000, 0, 300000);
	assert_int_equal(r.closing, -631216);
	assert_true(ledger_balanced(&r));
	/* Amounts past the money limit never balance (no overflow in the check). */
	r = row(24300, 0, 0, 0, 0);
	r.opening = INT64_MAX;
	r.accrued = 1;
	r.closing = INT64_MIN;
	assert_false(ledger_balanced(&r));
}

static void totals_of_a_continuous_run(void **st)
{
	struct ledger_total t;
	struct ledger_row a = row(24300, 1000, 500, 0, 1000);
	struct ledger_row b = row(24301, a.closing, 700, -100, 500);
	struct ledger_row c = row(24302, b.closing, 600, 0, 0);

	(void)st;
	ledger_total_init(&t);
	assert_int_equal(ledger_total_add(&t, &a), 0);
	assert_int_equal(ledger_total_add(&t, &b), 0);
	assert_int_equal(ledger_total_add(&t, &c), 0);
	assert_int_equal(t.months, 3);
	assert_int_equal(t.sum.opening, 1000);
	assert_int_equal(t.sum.accrued, 1800);
	assert_int_equal(t.sum.corrections, -100);
	assert_int_equal(t.sum.paid, 1500);
	assert_int_equal(t.sum.closing, c.closing);
	/* The invariant carries over to the totals of a continuous run. */
	assert_true(ledger_balanced(&t.sum));
	assert_true(t.continuous);
	assert_int_equal(t.unbalanced, 0);
}

static void gaps_and_bad_rows_are_noticed(void **st)
{
	struct ledger_total t;
	struct ledger_row a = row(24300, 1000, 500, 0, 1000);
	struct ledger_row skip = row(24302, a.closing, 100, 0, 0); /* a month missing */
	struct ledger_row jump = row(24303, 0, 100, 0, 0);          /* opens at the wrong figure */
	struct ledger_row bad = row(24304, jump.closing, 100, 0, 0);

	(void)st;
	bad.closing = 7;
	ledger_total_init(&t);
	assert_int_equal(ledger_total_add(&t, &a), 0);
	assert_true(t.continuous);
	assert_int_equal(ledger_total_add(&t, &skip), 0);
	assert_false(t.continuous);
	ledger_total_init(&t);
	assert_int_equal(ledger_total_add(&t, &a), 0);
	assert_int_equal(ledger_total_add(&t, &(struct ledger_row){0}), 0);
	assert_false(t.continuous);
	ledger_total_init(&t);
	assert_int_equal(ledger_total_add(&t, &jump), 0);
	assert_int_equal(ledger_total_add(&t, &bad), 0);
	assert_int_equal(t.unbalanced, 1);
}

static void sums_refuse_to_overflow(void **st)
{
	struct ledger_total t;
	struct ledger_row big = row(24300, 0, 900000000000000LL, 0, 0);
	struct ledger_row more = row(24301, big.closing, 200000000000000LL, 0, 0);

	(void)st;
	ledger_total_init(&t);
	assert_int_equal(ledger_total_add(&t, &big), 0);
	assert_int_equal(ledger_total_add(&t, &more), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_row_balances),
		cmocka_unit_test(totals_of_a_continuous_run),
		cmocka_unit_test(gaps_and_bad_rows_are_noticed),
		cmocka_unit_test(sums_refuse_to_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
