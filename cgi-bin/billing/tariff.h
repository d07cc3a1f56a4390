/* billing/tariff.h: the tariff engine. */
#ifndef BILLING_TARIFF_H
#define BILLING_TARIFF_H

#include "core/attrs.h"
#include "core/date.h"
#include "core/money.h"

/*
 * The tariff engine: pure arithmetic, no database.  Quantities are
 * thousandths of the unit (kWh, m3); prices are PRICE_PER_MINOR-ths of a
 * minor unit per unit (core/money.h: four decimals of the major unit).
 * Nothing but money is ever rounded: a prorated limit, a tier's share of a
 * zone or a day's share of a period stay exact fractions, and each line's
 * money is rounded once, half away from zero, then the lines are summed.
 */
#define TARIFF_ZONES 3 /* T1 day or peak, T2 night, T3 semi-peak (the registers' numbering) */
#define TARIFF_TIERS 3 /* volume levels; a social norm is two */
#define TARIFF_PARTS 8 /* versions, and VAT periods within them, one charge may cross */

/* The household categories that volume thresholds depend on (Almaty's table), and
 * homes heated by electricity (Russia's tariffs set them their own volumes). */
enum household { HH_GAS, HH_GAS_ALONE, HH_ESTOVE, HH_ESTOVE_ALONE, HH_EHEATING, HH__MAX };

/* "gas", "gas-alone", "estove", "estove-alone", "eheating" (as sql/004 and sql/024
 * spell them); -1 if none. */
int household_parse(const char *);

/* Seasons a limit may depend on: the heating season is 1 October to 30 April. */
enum season { SEASON_ANY, SEASON_HEATING, SEASON_SUMMER, SEASON__MAX };
/* The season of a day. */
enum season season_of(day_t);

#define TARIFF_LIMIT_ROWS 24 /* limits for a number of residents or a season, per version */

/* Limits that apply to a number of residents (1, 2, or 3 for three or more; 0 any)
 * and a season, instead of the household's plain ones. */
struct tariff_limit_row {
	enum household household;
	unsigned residents;
	enum season season;
	long long limit[2]; /* the upper bounds of tiers 1 and 2, cumulative */
};

struct tariff {
	const char *name;
	day_t valid_from; /* first day it applies */
	day_t valid_to;   /* last day it applies */
	unsigned zones;   /* 1, 2 or 3 */
	unsigned tiers;   /* 1 flat, 2 social norm, 3 volume levels */
	money_t price[TARIFF_TIERS][TARIFF_ZONES];
	/* Upper bounds of tiers 1 and 2 per registered resident per month (or per
	 * household: limit_per_household), in thousandths of the unit, cumulative
	 * (90 000 and 160 000 for 90/160 kWh). */
	long long limit[HH__MAX][TARIFF_TIERS - 1];
	int limit_per_household; /* the limits are the home's, whoever lives in it */
	/* More specific limits: by the number of residents and by season; the most
	 * specific row that fits wins (residents before season), else limit[]. */
	struct tariff_limit_row rows[TARIFF_LIMIT_ROWS];
	size_t nrows;
	unsigned month_days_x10; /* 305: limits prorate by days / 30.5; 0: by the month's own days */
	unsigned vat_bp;         /* VAT in basis points: 1200 is 12 % */
	int vat_included;        /* the prices include VAT; otherwise it is added to each line */
	int vat_by_date;         /* VAT is the law's rate on each day (vat_bp unused until resolved) */
};

/* A VAT rate in force from a day until the next rate's first day. */
struct vat_rate {
	day_t from;
	unsigned bp;
};

/*
 * Resolve the VAT of n versions (by date): a version whose VAT is by date
 * becomes one part per rate in force during it, each with that rate; the
 * others are copied.  rates are ordered by date.  At most cap parts, *nout of
 * them; -1 if a day of a by-date version has no rate, or there is no room.
 */
int tariff_vat_by_date(const struct tariff *in, size_t n, const struct vat_rate *rates, size_t nr,
		       struct tariff *out, size_t cap, size_t *nout) PORTAL_WUR;

struct usage {
	long long zone[TARIFF_ZONES]; /* consumption per zone, thousandths of the unit */
	unsigned residents;
	enum household household;
	day_t from, to; /* the period: first and last day, inclusive */
	int whole_month; /* the period is one calendar month: limits apply as they are */
};

struct charge_line {
	const struct tariff *tariff;
	unsigned zone, tier; /* 0-based */
	long long qty;       /* thousandths of the unit, rounded for display only */
	money_t price;
	money_t amount; /* the line's money, VAT included */
	money_t vat;    /* the VAT within amount */
};

/* A line per zone and tier of each part: a version, a VAT period, a season. */
#define CHARGE_MAX_LINES (2 * TARIFF_PARTS * TARIFF_ZONES * TARIFF_TIERS)

struct charge {
	struct charge_line line[CHARGE_MAX_LINES];
	size_t n;
	money_t total, vat;
};

/*
 * Charge usage under the tariffs that cover its period (ordered by date, at
 * most TARIFF_PARTS, VAT resolved: a period crossing a tariff or VAT change is
 * split by days, consumption and limits alike).  -1 when no tariff covers a
 * day of it, on a bad tariff or usage, or past the money limit.
 */
int tariff_charge(const struct tariff *const *, size_t, const struct usage *, struct charge *)
	PORTAL_WUR;

#endif
