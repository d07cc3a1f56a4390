/*
 * tariff.c: what a period's consumption costs under one or two tariffs.
 *
 * Every kind is one computation (domain.md 1a, 1b):
 *  - the period's consumption V and the household's tier limits (per
 *    resident, times residents, prorated by days unless the period is a whole
 *    calendar month) give each tier's volume, slab by slab;
 *  - each tier's volume is shared among the zones in proportion to each
 *    zone's part of V (the social-norm rule for multi-zone meters);
 *  - a line per zone and tier: volume x price, VAT added or included.
 * A flat tariff is one tier, a social norm two, Almaty's levels three.
 *
 * Rounding: quantities never.  A prorated limit, a zone's share and a day's
 * share stay exact fractions over a common denominator in 128-bit integers;
 * each line's money is rounded once, half away from zero, and the total is
 * the sum of the rounded lines.  This gives 6 597.63 KZT for domain.md's
 * prorated example B, where rounding the limits to whole kWh would give
 * 6 597.50: the guide is silent, and exact limits favour neither side.
 */
#include <string.h>

#include "billing/tariff.h"
#include "core/date.h"
#include "core/money.h"

typedef __int128 i128;

/* Inputs past these are refused before any product can overflow 128 bits. */
#define QTY_MAX 1000000000LL   /* 1 000 000 units, in thousandths */
#define PRICE_MAX 10000000000LL /* 1 000 000.0000 per unit */
#define RESIDENTS_MAX 100u

int household_parse(const char *s)
{
	static const char *const names[HH__MAX] = {"gas", "gas-alone", "estove", "estove-alone",
						   "eheating"};
	int h;

	for (h = 0; s != NULL && h < HH__MAX; h++)
		if (strcmp(names[h], s) == 0)
			return h;
	return -1;
}

enum season season_of(day_t d)
{
	int y, m, md;

	day_to_civil(d, &y, &m, &md);
	return m >= 5 && m <= 9 ? SEASON_SUMMER : SEASON_HEATING;
}

/* The first day of the next season after d. */
static day_t season_end(day_t d)
{
	int y, m, md;

	day_to_civil(d, &y, &m, &md);
	if (m >= 5 && m <= 9)
		return day_from_civil(y, 10, 1);
	return m >= 10 ? day_from_civil(y + 1, 5, 1) : day_from_civil(y, 5, 1);
}

static int seasonal(const struct tariff *t)
{
	size_t i;

	for (i = 0; i < t->nrows; i++)
		if (t->rows[i].season != SEASON_ANY)
			return 1;
	return 0;
}

/* How well a row fits: -1 not at all, else the higher the more specific. */
static int row_fit(const struct tariff_limit_row *r, const struct usage *u, enum season s)
{
	unsigned res = u->residents >= 3 ? 3 : u->residents;

	if (r->household != u->household || (r->residents != 0 && r->residents != res) ||
	    (r->season != SEASON_ANY && r->season != s))
		return -1;
	return (r->residents != 0) * 2 + (r->season != SEASON_ANY);
}

/* The limits for this household, its residents and the season. */
static const long long *limits_for(const struct tariff *t, const struct usage *u, enum season s)
{
	const long long *best = t->limit[u->household];
	int fit = -1, f;
	size_t i;

	for (i = 0; i < t->nrows; i++)
		if ((f = row_fit(&t->rows[i], u, s)) > fit) {
			fit = f;
			best = t->rows[i].limit;
		}
	return best;
}

static money_t round_div(i128 num, i128 den)
{
	/* num >= 0, den > 0: half away from zero is half up. */
	return (money_t)((2 * num + den) / (2 * den));
}

static int tariff_sane(const struct tariff *t)
{
	unsigned z, k, h;

	if (t->zones < 1 || t->zones > TARIFF_ZONES || t->tiers < 1 || t->tiers > TARIFF_TIERS ||
	    t->valid_to < t->valid_from || t->vat_bp > 10000)
		return 0;
	for (k = 0; k < t->tiers; k++)
		for (z = 0; z < t->zones; z++)
			if (t->price[k][z] < 0 || t->price[k][z] > PRICE_MAX)
				return 0;
	for (h = 0; h < HH__MAX; h++)
		for (k = 0; k + 1 < t->tiers; k++)
			if (t->limit[h][k] < 0 || t->limit[h][k] > QTY_MAX ||
			    (k > 0 && t->limit[h][k] < t->limit[h][k - 1]))
				return 0;
	if (t->nrows > TARIFF_LIMIT_ROWS)
		return 0;
	for (h = 0; h < t->nrows; h++) {
		const struct tariff_limit_row *r = &t->rows[h];

		if ((unsigned)r->household >= HH__MAX || r->residents > 3 ||
		    (unsigned)r->season >= SEASON__MAX)
			return 0;
		for (k = 0; k + 1 < t->tiers; k++)
			if (r->limit[k] < 0 || r->limit[k] > QTY_MAX ||
			    (k > 0 && r->limit[k] < r->limit[k - 1]))
				return 0;
	}
	return 1;
}

static int add_line(struct charge *c, const struct tariff *t, unsigned zone, unsigned tier,
		    i128 qnum, i128 qden)
{
	struct charge_line *l;
	money_t price = t->price[tier][zone];
	i128 base = qnum * price, bden = qden * 1000 * PRICE_PER_MINOR;

	if (c->n == CHARGE_MAX_LINES)
		return -1;
	l = &c->line[c->n++];
	l->tariff = t;
	l->zone = zone;
	l->tier = tier;
	l->qty = round_div(qnum, qden);
	l->price = price;
	if (t->vat_included) {
		l->amount = round_div(base, bden);
		l->vat = round_div((i128)l->amount * t->vat_bp, 10000 + t->vat_bp);
	} else {
		l->amount = round_div(base * (10000 + t->vat_bp), bden * 10000);
		l->vat = l->amount - round_div(base, bden);
	}
	if (money_add(c->total, l->amount, &c->total) != 0 || money_add(c->vat, l->vat, &c->vat) != 0)
		return -1;
	return 0;
}

/* The part of the period from start, d of its days, under tariff t, in season s. */
static int charge_part(const struct tariff *t, const struct usage *u, day_t start, long long d,
		       long long days, enum season s, struct charge *c)
{
	long long v = 0, per_day_den, lim_days;
	const long long *limit = limits_for(t, u, s);
	i128 den, vn, lim[TARIFF_TIERS], lower;
	unsigned z, k;
	unsigned residents = t->limit_per_household ? 1 : u->residents > 0 ? u->residents : 1;

	for (z = 0; z < TARIFF_ZONES; z++)
		v += u->zone[z];
	if (v == 0)
		return 0;
	/*
	 * Limits for d days: as they are for a whole calendar month, else by
	 * days / 30.5 or days / the month's length.  Everything is counted in
	 * thousandths over den = days x per_day_den.
	 */
	if (u->whole_month && d == days) {
		per_day_den = 1;
		lim_days = 1;
	} else if (t->month_days_x10 > 0) {
		per_day_den = t->month_days_x10;
		lim_days = d * 10;
	} else {
		int y, m, md;

		day_to_civil(start, &y, &m, &md); /* the part's month: parts never cross one */
		per_day_den = month_length(y, m);
		lim_days = d;
	}
	den = (i128)days * per_day_den;
	vn = (i128)v * d * per_day_den;
	for (k = 0; k + 1 < t->tiers; k++)
		lim[k] = (i128)limit[k] * residents * lim_days * days;
	lim[t->tiers - 1] = vn; /* the last tier takes the rest */
	lower = 0;
	for (k = 0; k < t->tiers; k++) {
		i128 upper = lim[k] < vn ? lim[k] : vn, tier = upper - lower;

		if (tier <= 0)
			continue;
		for (z = 0; z < t->zones; z++)
			if (u->zone[z] > 0 &&
			    add_line(c, t, z, k, tier * u->zone[z], den * v) != 0)
				return -1;
		lower = upper;
	}
	return 0;
}

int tariff_charge(const struct tariff *const *ts, size_t n, const struct usage *u,
		  struct charge *c)
{
	long long days = (long long)u->to - u->from + 1, covered = 0;
	size_t i;
	unsigned z;

	memset(c, 0, sizeof(*c));
	if (n == 0 || n > TARIFF_PARTS || days < 1 || days > 366 || u->household < 0 ||
	    u->household >= HH__MAX || u->residents > RESIDENTS_MAX)
		return -1;
	for (z = 0; z < TARIFF_ZONES; z++)
		if (u->zone[z] < 0 || u->zone[z] > QTY_MAX)
			return -1;
	for (i = 0; i < n; i++) {
		const struct tariff *t = ts[i];
		day_t a = u->from > t->valid_from ? u->from : t->valid_from;
		day_t b = u->to < t->valid_to ? u->to : t->valid_to;

		if (!tariff_sane(t) || t->vat_by_date ||
		    (i > 0 && t->valid_from <= ts[i - 1]->valid_to))
			return -1;
		for (z = t->zones; z < TARIFF_ZONES; z++)
			if (u->zone[z] != 0) /* a register the tariff has no price for */
				return -1;
		if (b < a)
			continue;
		covered += (long long)b - a + 1;
		/*
		 * The days of each season are a part of their own when limits depend
		 * on it; and limits prorated by the month's days are prorated by the
		 * days of each calendar month the period covers (Jan 20 - Feb 19 is
		 * 12/31 of January's limit and 19/28 of February's).
		 */
		while (a <= b) {
			day_t end = b, e;
			int y, m, md;

			if (seasonal(t) && (e = season_end(a) - 1) < end)
				end = e;
			if (!u->whole_month && t->month_days_x10 == 0) {
				day_to_civil(a, &y, &m, &md);
				if ((e = a + (day_t)(month_length(y, m) - (unsigned)md)) < end)
					end = e;
			}
			if (charge_part(t, u, a, (long long)end - a + 1, days, season_of(a), c) != 0)
				return -1;
			a = end + 1;
		}
	}
	return covered == days ? 0 : -1;
}

int tariff_vat_by_date(const struct tariff *in, size_t n, const struct vat_rate *rates, size_t nr,
		       struct tariff *out, size_t cap, size_t *nout)
{
	size_t i, k;

	*nout = 0;
	for (i = 0; i < n; i++) {
		day_t day = in[i].valid_from;

		if (!in[i].vat_by_date) {
			if (*nout == cap)
				return -1;
			out[(*nout)++] = in[i];
			continue;
		}
		/* The rate in force on each day: the last that starts on or before it. */
		while (day <= in[i].valid_to) {
			struct tariff *t;

			for (k = nr; k > 0 && rates[k - 1].from > day; k--)
				;
			if (k == 0 || *nout == cap)
				return -1; /* no rate yet on that day, or no room */
			t = &out[(*nout)++];
			*t = in[i];
			t->vat_by_date = 0;
			t->vat_bp = rates[k - 1].bp;
			t->valid_from = day;
			if (k < nr && rates[k].from <= in[i].valid_to)
				t->valid_to = rates[k].from - 1;
			day = t->valid_to + 1;
		}
	}
	return 0;
}
