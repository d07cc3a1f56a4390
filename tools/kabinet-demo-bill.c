/*
 * kabinet-demo-bill: the demo's billing system, for its last month.
 *
 *   kabinet-demo-bill FIRST LAST YYYY-MM
 *
 * kabinet-gen writes the demo accounts' histories with made-up volumes; the
 * demo's meters have readings of their own (sql/demo/004).  So that the
 * front of a demo receipt bills what its back shows, this bills each metered
 * service of accounts FIRST..LAST in the month from the meter's readings, as
 * a billing system would: the month's consumption of each register (the
 * last accepted reading in the month less the last one before it, over a
 * rollover too), charged by the meter's plan with the portal's own tariff
 * engine (billing/tariff.c, the calculator's), zone by zone and tier by
 * tier, or at the ledger row's own rate if the meter has no plan.  The row
 * gets the volume and the charge, its closing rolls forward, and its lines
 * (sql/045) are written.  Only an account's last month is billed: a later
 * month's opening would no longer follow.  One meter per service.
 *
 * It connects with $PORTAL_CONFIG's [db] and the account its secrets file
 * names (tools/stack.sh: the database's root, through the socket), and stays
 * who it was started as: it is the demo's tool, not a scheduled program.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/job.h"
#include "app/tariff_period.h"
#include "billing/reading.h"
#include "billing/tariff.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/log.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/demo_bill.h"

#define METERS_MAX 1000 /* the demo's few accounts, with room */

struct run {
	struct arena *ar;
	month_t month;
	unsigned billed;
	size_t n;
	struct demo_meter m[METERS_MAX]; /* read whole first: one statement at a time */
};

static long long pow10ll(unsigned n)
{
	long long p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

/* The price a line prints: with VAT in it, as the subscriber pays it. */
static money_t gross(const struct charge_line *l)
{
	const struct tariff *t = l->tariff;

	if (t->vat_included)
		return l->price;
	return (l->price * (10000 + (money_t)t->vat_bp) + 5000) / 10000;
}

/* A line's zone and tier as ledger_lines numbers them (sql/045): from 1, 0 for none. */
static unsigned zone_of(const struct demo_meter *m, const struct charge_line *l)
{
	return m->zones > 1 ? l->zone + 1 : 0;
}

static unsigned tier_of(const struct charge_line *l)
{
	return l->tariff->tiers > 1 ? l->tier + 1 : 0;
}

static int same_line(const struct demo_meter *m, const struct charge_line *a,
		     const struct charge_line *b)
{
	return zone_of(m, a) == zone_of(m, b) && tier_of(a) == tier_of(b) && gross(a) == gross(b);
}

/* The row by the meter's plan: a line per zone and tier of each part of the month. */
static enum perr by_plan(struct run *r, const struct demo_meter *m, const struct usage *u)
{
	struct tariff ts[TARIFF_PARTS];
	const struct tariff *tp[TARIFF_PARTS];
	struct charge *ch = arena_alloc(r->ar, sizeof(*ch));
	long long qty = 0;
	size_t nt = 0, i;
	enum perr e;

	if (ch == NULL)
		return PERR_NOMEM;
	e = tariff_period(r->ar, m->plan, u->from, u->to, ts, &nt);
	if (e != PERR_OK || nt == 0)
		return e != PERR_OK ? e : PERR_NOT_FOUND;
	for (i = 0; i < nt; i++) {
		ts[i].zones = m->zones;
		tp[i] = &ts[i];
	}
	if (tariff_charge(tp, nt, u, ch) != 0)
		return PERR_NOT_FOUND;
	for (i = 0; i < ch->n; i++)
		qty += ch->line[i].qty;
	if (qty <= 0)
		return PERR_OK;
	/* The row's rate: what the volume cost on average, a price like the lines'. */
	e = db_demo_bill(m->account, r->month, m->service,
			 (ch->total * 1000 * PRICE_PER_MINOR + qty / 2) / qty, qty, ch->total);
	/* Parts of the month at one price (a VAT period, a season) make one line,
	 * written with the first of them. */
	for (i = 0; e == PERR_OK && i < ch->n; i++) {
		const struct charge_line *l = &ch->line[i];
		long long q = 0;
		money_t a = 0;
		size_t j;

		for (j = 0; j < i && !same_line(m, &ch->line[j], l); j++)
			;
		if (j < i)
			continue;
		for (j = i; j < ch->n; j++)
			if (same_line(m, &ch->line[j], l)) {
				q += ch->line[j].qty;
				a += ch->line[j].amount;
			}
		if (q != 0 || a != 0)
			e = db_demo_line(m->account, r->month, m->service, zone_of(m, l), tier_of(l),
					 gross(l), q, a);
	}
	return e;
}

/* The row at its own rate: a line per zone. */
static enum perr by_rate(struct run *r, const struct demo_meter *m, const struct usage *u)
{
	money_t amount[TARIFF_ZONES], total = 0;
	long long qty = 0;
	unsigned z;
	enum perr e;

	for (z = 0; z < m->zones; z++) {
		if (money_mul_qty(m->rate, u->zone[z], 3 + PRICE_DIGITS, &amount[z]) != 0 ||
		    money_add(total, amount[z], &total) != 0)
			return PERR_TOO_LARGE;
		qty += u->zone[z];
	}
	if (qty <= 0)
		return PERR_OK;
	e = db_demo_bill(m->account, r->month, m->service, m->rate, qty, total);
	for (z = 0; e == PERR_OK && z < m->zones; z++)
		e = db_demo_line(m->account, r->month, m->service, m->zones > 1 ? z + 1 : 0, 0,
				 m->rate, u->zone[z], amount[z]);
	return e;
}

static enum perr meter_add(void *p, const struct demo_meter *m)
{
	struct run *r = p;

	if (r->n == METERS_MAX)
		return PERR_TOO_LARGE;
	r->m[r->n++] = *m;
	return PERR_OK;
}

static enum perr bill_meter(struct run *r, const struct demo_meter *m)
{
	struct usage u;
	int y = r->month / 12, mo = r->month % 12 + 1, h;
	unsigned z;
	enum perr e;

	memset(&u, 0, sizeof(u));
	if (m->zones < 1 || m->zones > TARIFF_ZONES || m->decimals > 3)
		return PERR_OK;
	for (z = 0; z < m->zones; z++) {
		long long used;

		if (m->prev[z] < 0 || m->curr[z] < 0)
			return PERR_OK; /* a register not read that month: the row is left as it was */
		if (reading_consumption(m->prev[z], m->curr[z], m->digits, m->decimals,
					m->curr[z] < m->prev[z], &used) != 0)
			return PERR_OK;
		u.zone[z] = used * pow10ll(3 - m->decimals);
	}
	u.residents = m->residents;
	h = household_parse(m->household ? m->household : "");
	u.household = h >= 0 ? (enum household)h : HH_GAS;
	u.from = day_from_civil(y, mo, 1);
	u.to = u.from + (day_t)month_length(y, mo) - 1;
	u.whole_month = 1;
	e = m->plan != 0 ? by_plan(r, m, &u) : by_rate(r, m, &u);
	if (e == PERR_OK) {
		r->billed++;
	} else if (e == PERR_NOT_FOUND) {
		/* No version of its plan for the month (the demo's tariffs end): the
		 * row stays as kabinet-gen wrote it, without lines. */
		fprintf(stderr, "kabinet-demo-bill: account %llu, meter %llu: no tariff for the "
				"month; left as it was\n",
			(unsigned long long)m->account, (unsigned long long)m->id);
		e = PERR_OK;
	} else {
		fprintf(stderr, "kabinet-demo-bill: account %llu, meter %llu: not billed (%s)\n",
			(unsigned long long)m->account, (unsigned long long)m->id, perr_str(e));
	}
	return e;
}

int main(int argc, char **argv)
{
	static struct run r;
	unsigned long first, last;
	size_t i;
	char *end;
	enum perr e;

	if (argc != 4 || (first = strtoul(argv[1], &end, 10), *end) ||
	    (last = strtoul(argv[2], &end, 10), *end) || first == 0 || last < first ||
	    month_parse(argv[3], strlen(argv[3]), &r.month) != 0) {
		fprintf(stderr, "usage: kabinet-demo-bill FIRST LAST YYYY-MM\n");
		return 2;
	}
	if ((r.ar = job_start("kabinet-demo-bill")) == NULL)
		return 1;
	e = db_begin();
	if (e == PERR_OK)
		e = db_demo_meters(r.ar, first, last, r.month, meter_add, &r);
	for (i = 0; e == PERR_OK && i < r.n; i++)
		e = bill_meter(&r, &r.m[i]);
	if (e == PERR_OK)
		e = db_commit();
	else
		db_rollback();
	if (e == PERR_OK)
		printf("kabinet-demo-bill: %u meters billed from their readings\n", r.billed);
	else
		fprintf(stderr, "kabinet-demo-bill: nothing billed (%s)\n", perr_str(e));
	job_end(r.ar);
	return e == PERR_OK ? 0 : 1;
}
