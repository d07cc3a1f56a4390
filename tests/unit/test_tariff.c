/*
 * Unit tests: the tariff engine and meter readings, against domain.md's
 * worked examples (published totals, to the kopeck and tiyn) and the
 * design choices it leaves open.
 */
#include <string.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "billing/reading.h"
#include "billing/tariff.h"
#include "core/date.h"
#include "core/money.h"

#define KWH(x) ((long long)(x) * 1000)

static day_t D(int y, int m, int d)
{
	return day_from_civil(y, m, d);
}

/* A whole calendar month of usage. */
static struct usage month_usage(long long t1, long long t2, long long t3, unsigned residents,
				enum household hh)
{
	struct usage u;

	memset(&u, 0, sizeof(u));
	u.zone[0] = t1;
	u.zone[1] = t2;
	u.zone[2] = t3;
	u.residents = residents;
	u.household = hh;
	u.from = D(2021, 3, 1);
	u.to = D(2021, 3, 31);
	u.whole_month = 1;
	return u;
}

static struct tariff open_tariff(unsigned zones, unsigned tiers)
{
	struct tariff t;

	memset(&t, 0, sizeof(t));
	t.name = "test";
	t.valid_from = D(2000, 1, 1);
	t.valid_to = D(2099, 12, 31);
	t.zones = zones;
	t.tiers = tiers;
	t.vat_included = 1;
	return t;
}

static money_t charge_of(const struct tariff *t, const struct usage *u, struct charge *c)
{
	const struct tariff *ts[1] = {t};

	assert_int_equal(tariff_charge(ts, 1, u, c), 0);
	return c->total;
}

/* Worked example A (Kazenergocentre): tiers, prices without VAT, 12 % added per tier. */
static void example_a_tiers_with_vat_added(void **st)
{
	struct tariff t = open_tariff(1, 3);
	struct usage u = month_usage(KWH(210), 0, 0, 1, HH_GAS);
	struct charge c;
	unsigned h;

	(void)st;
	t.price[0][0] = 1432 * PRICE_PER_MINOR;
	t.price[1][0] = 1972 * PRICE_PER_MINOR;
	t.price[2][0] = 2465 * PRICE_PER_MINOR;
	for (h = 0; h < HH__MAX; h++) {
		t.limit[h][0] = KWH(100);
		t.limit[h][1] = KWH(180);
	}
	t.vat_bp = 1200;
	t.vat_included = 0;
	assert_int_equal(charge_of(&t, &u, &c), 419899); /* 4 198.99 KZT */
	assert_int_equal(c.n, 3);
	assert_int_equal(c.line[0].amount, 160384);
	assert_int_equal(c.line[1].amount, 176691); /* 1 766.912 -> 1 766.91 */
	assert_int_equal(c.line[2].amount, 82824);
	assert_int_equal(c.line[1].qty, KWH(80));
	assert_int_equal(c.line[2].qty, KWH(30));
	/* VAT is what was added: gross minus the line without it. */
	assert_int_equal(c.line[0].vat, 160384 - 143200);
	assert_int_equal(c.vat, c.line[0].vat + c.line[1].vat + c.line[2].vat);
}

/* Almaty's levels depend on the household; prices include VAT. */
static struct tariff almaty(void)
{
	struct tariff t = open_tariff(1, 3);

	t.price[0][0] = 1344 * PRICE_PER_MINOR;
	t.price[1][0] = 1820 * PRICE_PER_MINOR;
	t.price[2][0] = 2275 * PRICE_PER_MINOR;
	t.limit[HH_GAS][0] = KWH(90);
	t.limit[HH_GAS][1] = KWH(160);
	t.limit[HH_GAS_ALONE][0] = KWH(115);
	t.limit[HH_GAS_ALONE][1] = KWH(160);
	t.limit[HH_ESTOVE][0] = KWH(115);
	t.limit[HH_ESTOVE][1] = KWH(190);
	t.limit[HH_ESTOVE_ALONE][0] = KWH(140);
	t.limit[HH_ESTOVE_ALONE][1] = KWH(190);
	t.month_days_x10 = 305;
	t.vat_bp = 1200;
	return t;
}

/* Worked example B: two residents, 400 kWh; gas and electric stove. */
static void example_b_household_categories(void **st)
{
	struct tariff t = almaty();
	struct usage u = month_usage(KWH(400), 0, 0, 2, HH_GAS);
	struct charge c;

	(void)st;
	assert_int_equal(charge_of(&t, &u, &c), 678720); /* 6 787.20 */
	assert_int_equal(c.line[0].qty, KWH(180));
	assert_int_equal(c.line[1].qty, KWH(140));
	assert_int_equal(c.line[2].qty, KWH(80));
	/* VAT included: 12/112 of each line. */
	assert_int_equal(c.line[0].vat, 25920); /* 2 419.20 x 12 / 112 = 259.20 */
	u.household = HH_ESTOVE;
	assert_int_equal(charge_of(&t, &u, &c), 627620); /* 6 276.20 */
	/* One resident living alone with a gas stove: 115 / 160. */
	u = month_usage(KWH(200), 0, 0, 1, HH_GAS_ALONE);
	assert_int_equal(charge_of(&t, &u, &c), 115 * 1344 + 45 * 1820 + 40 * 2275);
}

/* Example B prorated: 33 days, limits x 33 / 30.5 kept exact (the design choice). */
static void example_b_prorated_by_30_5_days(void **st)
{
	struct tariff t = almaty();
	struct usage u = month_usage(KWH(400), 0, 0, 2, HH_GAS);
	struct charge c;

	(void)st;
	u.from = D(2024, 1, 10);
	u.to = D(2024, 2, 11); /* 33 days */
	u.whole_month = 0;
	assert_int_equal(charge_of(&t, &u, &c), 659763); /* 6 597.63; whole-kWh limits: 6 597.50 */
	assert_int_equal(c.line[0].amount, 261750);      /* 2 617.495... -> 2 617.50 */
	assert_int_equal(c.line[0].qty, 194754);         /* 194.754 kWh, shown rounded */
	/* The same 31 days as a calendar month and as "not a whole month" differ by 31/30.5. */
	u.from = D(2024, 1, 1);
	u.to = D(2024, 1, 31);
	u.whole_month = 1;
	assert_int_equal(charge_of(&t, &u, &c), 678720);
	u.whole_month = 0;
	assert_true(charge_of(&t, &u, &c) < 678720);
}

/* Moscow city, e-stove homes, H1 2021: zones. */
static void example_c_zones(void **st)
{
	struct tariff t3 = open_tariff(3, 1), t2 = open_tariff(2, 1), t1 = open_tariff(1, 1);
	struct usage u = month_usage(KWH(120), KWH(80), KWH(100), 3, HH_ESTOVE);
	struct charge c;

	(void)st;
	t3.price[0][0] = 584 * PRICE_PER_MINOR; /* T1 peak */
	t3.price[0][1] = 163 * PRICE_PER_MINOR; /* T2 night */
	t3.price[0][2] = 487 * PRICE_PER_MINOR; /* T3 semi-peak */
	assert_int_equal(charge_of(&t3, &u, &c), 131820);
	assert_int_equal(c.n, 3);
	t2.price[0][0] = 560 * PRICE_PER_MINOR;
	t2.price[0][1] = 163 * PRICE_PER_MINOR;
	u = month_usage(KWH(220), KWH(80), 0, 3, HH_ESTOVE);
	assert_int_equal(charge_of(&t2, &u, &c), 136240);
	t1.price[0][0] = 487 * PRICE_PER_MINOR;
	u = month_usage(KWH(300), 0, 0, 3, HH_ESTOVE);
	assert_int_equal(charge_of(&t1, &u, &c), 146100);
	/* A register the tariff has no zone for is an error, not a free kWh. */
	u = month_usage(KWH(220), KWH(80), 0, 3, HH_ESTOVE);
	{
		const struct tariff *ts[1] = {&t1};

		assert_int_equal(tariff_charge(ts, 1, &u, &c), -1);
	}
}

/* The social norm: 50 kWh per registered person, split across zones by share. */
static struct tariff social(unsigned zones)
{
	struct tariff t = open_tariff(zones, 2);
	unsigned h;

	for (h = 0; h < HH__MAX; h++)
		t.limit[h][0] = KWH(50);
	return t;
}

static void example_d_social_norm(void **st)
{
	struct tariff t = social(1), z = social(2);
	struct usage u = month_usage(KWH(170), 0, 0, 3, HH_GAS);
	struct charge c;

	(void)st;
	t.price[0][0] = 398 * PRICE_PER_MINOR;
	t.price[1][0] = 697 * PRICE_PER_MINOR;
	assert_int_equal(charge_of(&t, &u, &c), 73640); /* 736.40 */
	/* The published Nizhny Novgorod example: 2.83 / 5.04. */
	t.price[0][0] = 283 * PRICE_PER_MINOR;
	t.price[1][0] = 504 * PRICE_PER_MINOR;
	assert_int_equal(charge_of(&t, &u, &c), 52530); /* 525.30 */
	/* Two zones: day 102 + night 68; the norm 150 splits 90 / 60. */
	z.price[0][0] = 424 * PRICE_PER_MINOR;
	z.price[0][1] = 207 * PRICE_PER_MINOR;
	z.price[1][0] = 802 * PRICE_PER_MINOR;
	z.price[1][1] = 418 * PRICE_PER_MINOR;
	u = month_usage(KWH(102), KWH(68), 0, 3, HH_GAS);
	assert_int_equal(charge_of(&z, &u, &c), 63548); /* 635.48 */
	assert_int_equal(c.n, 4);
	assert_int_equal(c.line[0].qty, KWH(90)); /* day within the norm */
	assert_int_equal(c.line[1].qty, KWH(60)); /* night within the norm */
	assert_int_equal(c.line[2].qty, KWH(12));
	assert_int_equal(c.line[3].qty, KWH(8));
}

/* A split that is not exact: the money of each line is rounded once, nothing else. */
static void inexact_shares_round_only_money(void **st)
{
	struct tariff z = social(2);
	struct usage u = month_usage(KWH(100), KWH(71), 0, 3, HH_GAS);
	struct charge c;
	money_t sum = 0;
	size_t i;

	(void)st;
	z.price[0][0] = 424 * PRICE_PER_MINOR;
	z.price[0][1] = 207 * PRICE_PER_MINOR;
	z.price[1][0] = 802 * PRICE_PER_MINOR;
	z.price[1][1] = 418 * PRICE_PER_MINOR;
	/* within: 150 x 100/171 = 87.719... and 150 x 71/171 = 62.280...; above: 21 shared alike. */
	charge_of(&z, &u, &c);
	assert_int_equal(c.n, 4);
	assert_int_equal(c.line[0].qty, 87719);
	assert_int_equal(c.line[1].qty, 62281);
	assert_int_equal(c.line[0].amount, 37193); /* 87.7192... x 4.24 = 371.929... */
	assert_int_equal(c.line[1].amount, 12892); /* 62.2807... x 2.07 = 128.921... */
	for (i = 0; i < c.n; i++)
		sum += c.line[i].amount;
	assert_int_equal(c.total, sum);
}

/* A tariff change on the 16th of a 30-day month: consumption and limits split by days. */
static void tariff_change_mid_period(void **st)
{
	struct tariff a = open_tariff(1, 1), b = open_tariff(1, 1), s1 = social(1), s2 = social(1);
	const struct tariff *ts[2] = {&a, &b};
	struct usage u = month_usage(KWH(300), 0, 0, 1, HH_GAS);
	struct charge c;

	(void)st;
	a.price[0][0] = 573 * PRICE_PER_MINOR;
	a.valid_to = D(2021, 6, 30);
	b.price[0][0] = 593 * PRICE_PER_MINOR;
	b.valid_from = D(2021, 7, 1);
	u.from = D(2021, 6, 16);
	u.to = D(2021, 7, 15); /* 15 days each */
	u.whole_month = 0;
	assert_int_equal(tariff_charge(ts, 2, &u, &c), 0);
	assert_int_equal(c.n, 2);
	assert_int_equal(c.line[0].qty, KWH(150));
	assert_int_equal(c.total, 150 * 573 + 150 * 593);
	assert_ptr_equal(c.line[1].tariff, &b);
	/* A gap in the tariffs' validity is refused, as is an overlap. */
	b.valid_from = D(2021, 7, 2);
	assert_int_equal(tariff_charge(ts, 2, &u, &c), -1);
	b.valid_from = D(2021, 6, 30);
	assert_int_equal(tariff_charge(ts, 2, &u, &c), -1);
	/* The norm of a whole calendar month split at the change: 10 + 20 days of 30. */
	s1.price[0][0] = 100 * PRICE_PER_MINOR;
	s1.price[1][0] = 200 * PRICE_PER_MINOR;
	s1.valid_to = D(2021, 6, 10);
	s2.price[0][0] = 110 * PRICE_PER_MINOR;
	s2.price[1][0] = 220 * PRICE_PER_MINOR;
	s2.valid_from = D(2021, 6, 11);
	ts[0] = &s1;
	ts[1] = &s2;
	u = month_usage(KWH(90), 0, 0, 1, HH_GAS);
	u.from = D(2021, 6, 1);
	u.to = D(2021, 6, 30);
	/* Part 1: 30 kWh, norm 50 x 10/30 = 16.667; part 2: 60 kWh, norm 33.333. */
	assert_int_equal(tariff_charge(ts, 2, &u, &c), 0);
	assert_int_equal(c.n, 4);
	assert_int_equal(c.line[0].qty, 16667);
	assert_int_equal(c.line[1].qty, 13333);
	assert_int_equal(c.line[2].qty, 33333);
	assert_int_equal(c.line[3].qty, 26667);
	assert_int_equal(c.line[0].amount, 1667); /* 16.6667 x 1.00 */
	assert_int_equal(c.line[1].amount, 2667); /* 13.3333 x 2.00 */
	assert_int_equal(c.line[2].amount, 3667); /* 33.3333 x 1.10 */
	assert_int_equal(c.line[3].amount, 5867); /* 26.6667 x 2.20 */
}

static void bad_input_is_refused(void **st)
{
	struct tariff t = almaty();
	const struct tariff *ts[1] = {&t};
	struct usage u = month_usage(KWH(400), 0, 0, 2, HH_GAS);
	struct charge c;

	(void)st;
	assert_int_equal(tariff_charge(ts, 0, &u, &c), -1);
	u.zone[0] = -1;
	assert_int_equal(tariff_charge(ts, 1, &u, &c), -1);
	u = month_usage(KWH(400), 0, 0, 2, HH_GAS);
	u.to = u.from - 1; /* reversed */
	assert_int_equal(tariff_charge(ts, 1, &u, &c), -1);
	u = month_usage(KWH(400), 0, 0, 2, HH__MAX);
	assert_int_equal(tariff_charge(ts, 1, &u, &c), -1);
	u = month_usage(KWH(400), 0, 0, 2, HH_GAS);
	t.limit[HH_GAS][1] = KWH(10); /* levels out of order */
	assert_int_equal(tariff_charge(ts, 1, &u, &c), -1);
	t = almaty();
	t.valid_from = D(2021, 3, 2); /* does not cover the 1st */
	assert_int_equal(tariff_charge(ts, 1, &u, &c), -1);
	t = almaty();
	u.zone[0] = 0; /* nothing used: nothing to pay */
	assert_int_equal(tariff_charge(ts, 1, &u, &c), 0);
	assert_int_equal(c.total, 0);
	assert_int_equal(c.n, 0);
}

/*
 * VAT by date.  Russia's rate is 20 % until 31.12.2025 and 22 % from
 * 01.01.2026 (Tax Code art. 164 p. 3 as amended in 2025); a household tariff
 * is published with VAT included and keeps its price, so only the VAT within
 * it changes.  6,00 a kWh, 310 kWh from 16.12.2025 to 15.01.2026 (31 days):
 * 160 kWh in December, 960,00 with 160,00 VAT (960 x 20/120); 150 kWh in
 * January, 900,00 with 162,30 VAT (900 x 22/122 = 162,295...).
 */
static void vat_follows_the_law_by_date(void **st)
{
	struct vat_rate rates[2] = {{D(2019, 1, 1), 2000}, {D(2026, 1, 1), 2200}};
	struct tariff t = open_tariff(1, 1), parts[TARIFF_PARTS];
	const struct tariff *tp[TARIFF_PARTS];
	struct charge c;
	struct usage u;
	size_t n, i;

	(void)st;
	t.valid_from = D(2025, 7, 1);
	t.valid_to = D(2026, 6, 30);
	t.price[0][0] = 600 * PRICE_PER_MINOR;
	t.vat_by_date = 1;
	/* Unresolved, the engine refuses it: the rate must come from the law. */
	memset(&u, 0, sizeof(u));
	u.zone[0] = KWH(310);
	u.residents = 1;
	u.from = D(2025, 12, 16);
	u.to = D(2026, 1, 15);
	tp[0] = &t;
	assert_int_equal(tariff_charge(tp, 1, &u, &c), -1);
	assert_int_equal(tariff_vat_by_date(&t, 1, rates, 2, parts, TARIFF_PARTS, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(parts[0].valid_to, D(2025, 12, 31));
	assert_int_equal(parts[0].vat_bp, 2000);
	assert_int_equal(parts[1].valid_from, D(2026, 1, 1));
	assert_int_equal(parts[1].valid_to, D(2026, 6, 30));
	assert_int_equal(parts[1].vat_bp, 2200);
	for (i = 0; i < n; i++)
		tp[i] = &parts[i];
	assert_int_equal(tariff_charge(tp, n, &u, &c), 0);
	assert_int_equal(c.total, 186000);
	assert_int_equal(c.vat, 16000 + 16230);
	/* A version with its own rate is left alone; a day before any rate is refused. */
	t.vat_by_date = 0;
	t.vat_bp = 1000;
	assert_int_equal(tariff_vat_by_date(&t, 1, rates, 2, parts, TARIFF_PARTS, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(parts[0].vat_bp, 1000);
	t.vat_by_date = 1;
	t.valid_from = D(2018, 12, 1);
	assert_int_equal(tariff_vat_by_date(&t, 1, rates, 2, parts, TARIFF_PARTS, &n), -1);
	/* No room for the parts: refused, not cut short. */
	t.valid_from = D(2025, 7, 1);
	assert_int_equal(tariff_vat_by_date(&t, 1, rates, 2, parts, 1, &n), -1);
}

/*
 * Kazakhstan: 12 % until 31.12.2025, 16 % from 01.01.2026 (the Tax Code of
 * 18.07.2025).  A tariff with VAT added: 20,00 tenge a kWh net, 100 kWh in
 * January 2026 is 2 000,00 + 320,00 VAT = 2 320,00.
 */
static void kazakh_vat_from_2026(void **st)
{
	struct vat_rate rates[2] = {{D(2009, 1, 1), 1200}, {D(2026, 1, 1), 1600}};
	struct tariff t = open_tariff(1, 1), parts[TARIFF_PARTS];
	const struct tariff *tp[TARIFF_PARTS];
	struct usage u;
	struct charge c;
	size_t n;

	(void)st;
	t.price[0][0] = 2000 * PRICE_PER_MINOR;
	t.vat_included = 0;
	t.vat_by_date = 1;
	memset(&u, 0, sizeof(u));
	u.zone[0] = KWH(100);
	u.residents = 1;
	u.from = D(2026, 1, 1);
	u.to = D(2026, 1, 31);
	u.whole_month = 1;
	t.valid_from = u.from;
	t.valid_to = u.to;
	assert_int_equal(tariff_vat_by_date(&t, 1, rates, 2, parts, TARIFF_PARTS, &n), 0);
	assert_int_equal(n, 1);
	tp[0] = &parts[0];
	assert_int_equal(tariff_charge(tp, 1, &u, &c), 0);
	assert_int_equal(c.total, 232000);
	assert_int_equal(c.vat, 32000);
}

/*
 * Prices published with four decimals (Kazakhstan's tariffs are, e.g.
 * 13,4456 тенге за кВт·ч): 1 000 kWh at 13,4456 with VAT included is
 * 13 445,60, not the 13 450,00 a price rounded to 13,45 would give; and
 * 123,456 kWh at 5,9235 is 731,2916... rounded once, per line, to 731,29.
 */
static void prices_with_four_decimals(void **st)
{
	struct tariff t = open_tariff(1, 1);
	const struct tariff *ts[1] = {&t};
	struct usage u;
	struct charge c;

	(void)st;
	t.price[0][0] = 134456; /* ten-thousandths of the major unit */
	t.vat_included = 1;
	t.vat_bp = 1600;
	memset(&u, 0, sizeof(u));
	u.zone[0] = KWH(1000);
	u.residents = 1;
	u.from = t.valid_from;
	u.to = t.valid_from + 30;
	assert_int_equal(tariff_charge(ts, 1, &u, &c), 0);
	assert_int_equal(c.total, 1344560);
	assert_int_equal(c.line[0].price, 134456);
	t.price[0][0] = 59235;
	u.zone[0] = 123456;
	assert_int_equal(tariff_charge(ts, 1, &u, &c), 0);
	assert_int_equal(c.total, 73129);
}

/*
 * Limits per household.  Russia's household electricity ranges from 2025:
 * up to 3 900 kWh a month, 3 900 to 6 000, and over 6 000, for the home
 * whoever lives in it.  At 5,00 / 7,00 / 9,00 a kWh, 7 000 kWh in a month
 * for four residents is 3 900 x 5 + 2 100 x 7 + 1 000 x 9 = 43 200,00; were
 * the limits per resident, it would all be the first range (35 000,00).
 */
static void household_ranges_of_2025(void **st)
{
	struct tariff t = open_tariff(1, 3);
	struct usage u = month_usage(KWH(7000), 0, 0, 4, HH_GAS);
	struct charge c;
	unsigned h;

	(void)st;
	t.price[0][0] = 500 * PRICE_PER_MINOR;
	t.price[1][0] = 700 * PRICE_PER_MINOR;
	t.price[2][0] = 900 * PRICE_PER_MINOR;
	for (h = 0; h < HH__MAX; h++) {
		t.limit[h][0] = KWH(3900);
		t.limit[h][1] = KWH(6000);
	}
	t.limit_per_household = 1;
	assert_int_equal(charge_of(&t, &u, &c), 4320000);
	t.limit_per_household = 0;
	assert_int_equal(charge_of(&t, &u, &c), 3500000);
}

/*
 * Limits by the number of residents and by season, the most specific first:
 * per resident 90/160 kWh in general, 150/250 for one living alone, and for a
 * home heated by electricity 3 000 kWh a month in the heating season (1
 * October to 30 April) but 1 000 in summer, per household.
 */
static void limits_by_residents_and_season(void **st)
{
	struct tariff t = open_tariff(1, 2);
	struct usage u;
	struct charge c;
	unsigned h;

	(void)st;
	t.price[0][0] = 100 * PRICE_PER_MINOR;
	t.price[1][0] = 200 * PRICE_PER_MINOR;
	for (h = 0; h < HH__MAX; h++)
		t.limit[h][0] = KWH(90);
	t.rows[t.nrows++] = (struct tariff_limit_row){HH_GAS, 1, SEASON_ANY, {KWH(150), 0}};
	t.rows[t.nrows++] = (struct tariff_limit_row){HH_EHEATING, 0, SEASON_HEATING, {KWH(3000), 0}};
	t.rows[t.nrows++] = (struct tariff_limit_row){HH_EHEATING, 0, SEASON_SUMMER, {KWH(1000), 0}};
	/* Alone: 150 at 1,00 and 50 at 2,00. */
	u = month_usage(KWH(200), 0, 0, 1, HH_GAS);
	assert_int_equal(charge_of(&t, &u, &c), 25000);
	/* Two residents: the general 90 each, 180 at 1,00 and 20 at 2,00. */
	u = month_usage(KWH(200), 0, 0, 2, HH_GAS);
	assert_int_equal(charge_of(&t, &u, &c), 22000);
	/* Electric heating, per resident here (limit_per_household 0): 2 x 3 000 in
	 * March; a summer month is 2 x 1 000. */
	u = month_usage(KWH(2500), 0, 0, 2, HH_EHEATING);
	assert_int_equal(charge_of(&t, &u, &c), 250000);
	u.from = D(2021, 7, 1);
	u.to = D(2021, 7, 31);
	assert_int_equal(charge_of(&t, &u, &c), 2000 * 100 + 500 * 200);
	/* 61 days across the season's end (30 April / 1 May), 6 100 kWh: April's 30
	 * days have 3 000 kWh, all within its 2 x 3 000; May's 31 have 3 100, 2 x 1 000
	 * within and 1 100 beyond.  3 000 + 2 000 + 2 x 1 100 = 7 200,00. */
	u.from = D(2021, 4, 1);
	u.to = D(2021, 5, 31);
	u.whole_month = 0;
	u.zone[0] = KWH(6100);
	assert_int_equal(charge_of(&t, &u, &c), 720000);
	assert_int_equal(c.n, 3);
	assert_int_equal(season_of(D(2021, 4, 30)), SEASON_HEATING);
	/* Prorated by the calendar days of each month the period covers: 20 January to
	 * 19 February, 200 kWh, 100 kWh a month: 12/31 of January's limit (38,71 kWh
	 * of the 77,42 its days used) and 19/28 of February's (67,86 of 122,58). */
	t = open_tariff(1, 2);
	t.price[0][0] = 100 * PRICE_PER_MINOR;
	t.price[1][0] = 200 * PRICE_PER_MINOR;
	for (h = 0; h < HH__MAX; h++)
		t.limit[h][0] = KWH(100);
	u = month_usage(KWH(200), 0, 0, 1, HH_GAS);
	u.from = D(2021, 1, 20);
	u.to = D(2021, 2, 19);
	u.whole_month = 0;
	assert_int_equal(charge_of(&t, &u, &c), 3871 + 7742 + 6786 + 10945);
	assert_int_equal(season_of(D(2021, 5, 1)), SEASON_SUMMER);
	assert_int_equal(season_of(D(2021, 10, 1)), SEASON_HEATING);
}

/* domain.md 1c: rollover, meter replacement. */
static void readings(void **st)
{
	long long c;

	(void)st;
	assert_int_equal(reading_consumption(12345, 12400, 5, 0, 0, &c), 0);
	assert_int_equal(c, 55);
	assert_int_equal(reading_consumption(99950, 30, 5, 0, 0, &c), -1); /* not confirmed */
	assert_int_equal(reading_consumption(99950, 30, 5, 0, 1, &c), 0);
	assert_int_equal(c, 80);
	assert_int_equal(reading_consumption(99999, 12, 5, 0, 1, &c), 0);
	assert_int_equal(c, 13);
	/* A "rollover" over half the register is a typing slip. */
	assert_int_equal(reading_consumption(40000, 5000, 5, 0, 1, &c), -1);
	assert_int_equal(reading_consumption(60000, 5000, 5, 0, 1, &c), 0);
	assert_int_equal(c, 45000);
	/* Decimals: a water meter with 5 digits and 3 decimals. */
	assert_int_equal(reading_consumption(99999500, 250, 5, 3, 1, &c), 0);
	assert_int_equal(c, 750);
	assert_int_equal(reading_consumption(100000, 5, 5, 0, 1, &c), -1); /* over the register */
	assert_int_equal(reading_consumption(-1, 5, 5, 0, 1, &c), -1);
	/* What a register can show at all: 99 999 on five digits, 99 999,999 with three decimals;
	 * a twelve-digit register shows readings over a million. */
	assert_true(reading_fits(99999, 5, 0));
	assert_false(reading_fits(100000, 5, 0));
	assert_true(reading_fits(99999999, 5, 3));
	assert_false(reading_fits(100000000, 5, 3));
	assert_true(reading_fits(1234567, 7, 0));
	assert_true(reading_fits(999999999999LL, 12, 0));
	assert_false(reading_fits(-1, 5, 0));
	assert_false(reading_fits(1, 13, 0));
	assert_int_equal(reading_consumption(9999990, 25, 7, 0, 1, &c), 0);
	assert_int_equal(c, 35);
	assert_int_equal(reading_replaced(12345, 12400, 0, 35, &c), 0);
	assert_int_equal(c, 90);
	assert_int_equal(reading_replaced(12345, 12300, 0, 35, &c), -1);
	assert_int_equal(reading_replaced(12345, 12400, 10, 5, &c), -1);
}

static void calendar(void **st)
{
	day_t d;
	int y, m, md;

	(void)st;
	assert_int_equal(day_from_civil(1970, 1, 1), 0);
	assert_int_equal(day_from_civil(2000, 3, 1) - day_from_civil(2000, 2, 28), 2);
	assert_int_equal(day_from_civil(2100, 3, 1) - day_from_civil(2100, 2, 28), 1);
	assert_int_equal(month_length(2024, 2), 29);
	assert_int_equal(month_length(2026, 2), 28);
	assert_int_equal(month_length(2026, 13), 0);
	assert_int_equal(day_parse("2026-02-28", 10, &d), 0);
	day_to_civil(d, &y, &m, &md);
	assert_int_equal(y * 10000 + m * 100 + md, 20260228);
	assert_int_equal(day_parse("2026-02-29", 10, &d), -1);
	assert_int_equal(day_parse("2024-02-29", 10, &d), 0);
	assert_int_equal(day_parse("1999-12-31", 10, &d), -1);
	assert_int_equal(day_parse("2026-1-01", 9, &d), -1);
	assert_int_equal(day_parse("2026/01/01", 10, &d), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(example_a_tiers_with_vat_added),
		cmocka_unit_test(example_b_household_categories),
		cmocka_unit_test(example_b_prorated_by_30_5_days),
		cmocka_unit_test(example_c_zones),
		cmocka_unit_test(example_d_social_norm),
		cmocka_unit_test(inexact_shares_round_only_money),
		cmocka_unit_test(tariff_change_mid_period),
		cmocka_unit_test(bad_input_is_refused),
		cmocka_unit_test(vat_follows_the_law_by_date),
		cmocka_unit_test(household_ranges_of_2025),
		cmocka_unit_test(limits_by_residents_and_season),
		cmocka_unit_test(kazakh_vat_from_2026),
		cmocka_unit_test(prices_with_four_decimals),
		cmocka_unit_test(readings),
		cmocka_unit_test(calendar),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
