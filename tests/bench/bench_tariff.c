/*
 * bench_tariff: 1,000,000 tariff-engine calculations, and as the reference
 * measured in the same run, 1,000,000 single price x quantity roundings
 * (the cheapest thing a bill line is).  Prints both and their ratio; the
 * target is under one second for the million.  Figures, not a test.
 */
#include <stdio.h>
#include <time.h>

#include "billing/tariff.h"
#include "core/date.h"
#include "core/money.h"

#define N 1000000

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
	struct tariff almaty = {0}, zoned = {0}, before = {0}, after = {0};
	const struct tariff *one[1], *two[2] = {&before, &after};
	struct usage u = {0};
	struct charge c;
	volatile money_t sink = 0;
	double t0, ref, eng;
	unsigned h, i;

	almaty.valid_from = before.valid_from = zoned.valid_from = day_from_civil(2000, 1, 1);
	almaty.valid_to = after.valid_to = zoned.valid_to = day_from_civil(2099, 12, 31);
	almaty.zones = 1, almaty.tiers = 3, almaty.month_days_x10 = 305, almaty.vat_bp = 1200;
	almaty.price[0][0] = 1344 * PRICE_PER_MINOR, almaty.price[1][0] = 1820 * PRICE_PER_MINOR;
	almaty.price[2][0] = 2275 * PRICE_PER_MINOR;
	zoned.zones = 3, zoned.tiers = 2, zoned.vat_included = 1;
	zoned.price[0][0] = 429 * PRICE_PER_MINOR, zoned.price[0][1] = 207 * PRICE_PER_MINOR;
	zoned.price[0][2] = 398 * PRICE_PER_MINOR, zoned.price[1][0] = 836 * PRICE_PER_MINOR;
	zoned.price[1][1] = 418 * PRICE_PER_MINOR, zoned.price[1][2] = 697 * PRICE_PER_MINOR;
	for (h = 0; h < HH__MAX; h++) {
		almaty.limit[h][0] = 90000, almaty.limit[h][1] = 160000;
		zoned.limit[h][0] = 50000;
	}
	before = zoned, after = zoned;
	before.valid_to = day_from_civil(2021, 6, 30);
	after.valid_from = day_from_civil(2021, 7, 1);

	t0 = now();
	for (i = 0; i < N; i++) {
		money_t m;

		if (money_mul_qty(643 + (i & 7), 150000 + i % 1000, 3, &m) == 0)
			sink += m;
	}
	ref = now() - t0;

	u.residents = 2;
	t0 = now();
	for (i = 0; i < N; i++) {
		int rc;

		u.zone[0] = 100000 + i % 300000;
		u.zone[1] = 40000 + i % 7000;
		u.zone[2] = 0;
		switch (i % 3) {
		case 0: /* Almaty, prorated: 33 days */
			u.zone[1] = 0;
			u.from = day_from_civil(2024, 1, 10), u.to = day_from_civil(2024, 2, 11);
			u.whole_month = 0;
			one[0] = &almaty;
			rc = tariff_charge(one, 1, &u, &c);
			break;
		case 1: /* three zones with a social norm, a calendar month */
			u.zone[2] = 30000;
			u.from = day_from_civil(2021, 3, 1), u.to = day_from_civil(2021, 3, 31);
			u.whole_month = 1;
			one[0] = &zoned;
			rc = tariff_charge(one, 1, &u, &c);
			break;
		default: /* the same across a tariff change */
			u.from = day_from_civil(2021, 6, 16), u.to = day_from_civil(2021, 7, 15);
			u.whole_month = 0;
			rc = tariff_charge(two, 2, &u, &c);
			break;
		}
		if (rc != 0) {
			fprintf(stderr, "bench_tariff: calculation %u failed\n", i);
			return 1;
		}
		sink += c.total;
	}
	eng = now() - t0;

	printf("%-44s %10.3f s %12.0f /s\n", "1,000,000 price x quantity (reference)", ref, N / ref);
	printf("%-44s %10.3f s %12.0f /s  %.1fx the reference\n",
	       "1,000,000 tariff calculations", eng, N / eng, eng / ref);
	printf("target: 1,000,000 tariff calculations under 1 s: %s (%.3f s)\n",
	       eng < 1.0 ? "met" : "NOT met", eng);
	return sink == 42 ? 2 : 0; /* keep the work */
}
