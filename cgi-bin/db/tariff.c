/*
 * db/tariff.c: tariff plans and their dated versions, read into the
 * engine's struct tariff (prices by tier and zone, limits by household).
 */
#include <stdint.h>
#include <string.h>

#include "billing/tariff.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/lang.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/tariff.h"

static struct db_stmt plans = {
	"tariff.plans",
	"SELECT id, IF(? = 'en', name_en, name_ru), zones FROM tariff_plans "
	"WHERE organization_id = ? AND (public = 1 OR ? = 1) ORDER BY id",
	NULL, 0, NULL};

/*
 * A plan's versions over a period, their prices and limits, and its
 * organization's VAT rates up to the period's end, in one statement: the
 * calculator's answer and the readings' estimate read them on every POST, and
 * as a statement per version and table they were five to eight round trips.
 * Each row says what it is by its first column: 0 a version (days since
 * 1970-01-01, the engine's day_t; its 30.5-day rule, or its organization's when
 * it leaves it to it, sql/039), 1 a price, 2 a limit, 3 a VAT rate (the newest
 * max of them).  MariaDB streams UNION ALL part after part without a temporary
 * table; the order of the rows is still not relied on.
 */
static struct db_stmt period = {
        "tariff.period",
        "SELECT 0, t.id, DATEDIFF(t.valid_from, '1970-01-01'), DATEDIFF(t.valid_to, '1970-01-01'), "
        "t.tiers, COALESCE(t.month_days_x10, o.month_days_x10), t.vat_bp, t.vat_included, "
        "t.vat_by_date, t.limit_per_household FROM tariffs t "
        "JOIN tariff_plans p ON p.id = t.plan_id JOIN organizations o ON o.id = p.organization_id "
        "WHERE t.plan_id = ? AND t.valid_from <= ? AND t.valid_to >= ? "
        "UNION ALL SELECT 1, c.tariff_id, c.tier, c.zone, c.price, 0, 0, 0, 0, 0 FROM tariffs t "
        "JOIN tariff_prices c ON c.tariff_id = t.id "
        "WHERE t.plan_id = ? AND t.valid_from <= ? AND t.valid_to >= ? "
        "UNION ALL SELECT 2, l.tariff_id, l.household + 0, l.tier, l.limit_milli, l.residents, "
        "l.season + 0, 0, 0, 0 FROM tariffs t JOIN tariff_limits l ON l.tariff_id = t.id "
        "WHERE t.plan_id = ? AND t.valid_from <= ? AND t.valid_to >= ? "
        "UNION ALL (SELECT 3, 0, DATEDIFF(v.valid_from, '1970-01-01'), v.rate_bp, 0, 0, 0, 0, 0, 0 "
        "FROM tariff_plans p JOIN organizations o ON o.id = p.organization_id "
        "JOIN vat_rates v ON v.country = o.vat_country "
        "WHERE p.id = ? AND v.valid_from <= ? ORDER BY v.valid_from DESC LIMIT ?)",
        NULL, 0, NULL};

struct plan_iter {
	struct tariff_plan p;
	enum perr (*each)(void *, const struct tariff_plan *);
	void *ctx;
};

static enum perr plan_row(void *p)
{
	struct plan_iter *it = p;

	return it->each(it->ctx, &it->p);
}

enum perr db_tariff_plans(struct arena *ar, uint64_t org, int with_private, enum lang lang,
                          enum perr (*each)(void *, const struct tariff_plan *), void *ctx)
{
	struct plan_iter it = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_STR(lang_code(lang)), DBA_U64(org), DBA_INT(with_private ? 1 : 0)};
	struct db_col c[] = {DBC_U64(&it.p.id), DBC_STR(&it.p.name), DBC_UINT(&it.p.zones)};

	return db_rows(ar, &plans, a, 3, c, 3, plan_row, &it);
}

/* A price or a limit, kept until every version has been read. */
struct cell {
	struct cell *next;
	uint64_t tariff;
	long long a, b, v, residents, season; /* the last two: limits only */
	int price; /* 1: (tier, zone, price); 0: (household, tier, limit) */
};

/* What a row of tariff.period is: its first column, as the statement writes it. */
enum period_kind { ROW_VERSION = 0, ROW_PRICE = 1, ROW_LIMIT = 2, ROW_VAT = 3 };

struct period_iter {
	struct arena *ar;
	long long kind, a, b, c, d, e, f, g, h;
	uint64_t id;
	struct tariff *out;
	uint64_t ids[TARIFF_PARTS];
	size_t max, n, seen;
	struct cell *cells;
	struct vat_rate *rates;
	size_t rmax, nr;
};

static void version_read(struct period_iter *it)
{
	struct tariff *t;

	if (it->seen++ >= it->max)
		return; /* counted: more versions than room is PERR_TOO_LARGE */
	t = &it->out[it->n];
	memset(t, 0, sizeof(*t));
	t->valid_from = (day_t)it->a;
	t->valid_to = (day_t)it->b;
	t->tiers = (unsigned)it->c;
	t->month_days_x10 = (unsigned)it->d;
	t->vat_bp = (unsigned)it->e;
	t->vat_included = it->f != 0;
	t->vat_by_date = it->g != 0;
	t->limit_per_household = it->h != 0;
	it->ids[it->n++] = it->id;
}

static enum perr period_row(void *p)
{
	struct period_iter *it = p;
	struct cell *c;

	switch (it->kind) {
	case ROW_VERSION: version_read(it); return PERR_OK;
	case ROW_PRICE:
	case ROW_LIMIT:
		if ((c = arena_alloc(it->ar, sizeof(*c))) == NULL)
			return PERR_NOMEM;
		*c = (struct cell){.next = it->cells,
		                   .tariff = it->id,
		                   .a = it->a,
		                   .b = it->b,
		                   .v = it->c,
		                   .residents = it->d,
		                   .season = it->e,
		                   .price = it->kind == ROW_PRICE};
		it->cells = c;
		return PERR_OK;
	case ROW_VAT:
		if (it->nr == it->rmax)
			return PERR_DB; /* more rates than the LIMIT asked for */
		it->rates[it->nr].from = (day_t)it->a;
		it->rates[it->nr++].bp = (unsigned)it->b;
		return PERR_OK;
	default: return PERR_DB;
	}
}

/* A cell into its version's price or limit table. */
static enum perr cell_put(struct tariff *t, const struct cell *c)
{
	struct tariff_limit_row *row;
	size_t i;

	if (c->price) {
		if (c->a < 0 || c->a >= TARIFF_TIERS || c->b < 0 || c->b >= TARIFF_ZONES)
			return PERR_DB; /* a cell outside the tariff's table */
		t->price[c->a][c->b] = c->v;
		if ((unsigned)c->b + 1 > t->zones)
			t->zones = (unsigned)c->b + 1;
		return PERR_OK;
	}
	if (c->a < 1 || c->a > HH__MAX || c->b < 0 || c->b >= TARIFF_TIERS - 1 ||
	    c->residents < 0 || c->residents > 3 || c->season < 1 || c->season > SEASON__MAX)
		return PERR_DB;                    /* a cell outside the tariff's table */
	if (c->residents == 0 && c->season == 1) { /* any number, any season */
		t->limit[c->a - 1][c->b] = c->v;
		return PERR_OK;
	}
	/* A row per household, residents and season; its tiers fill it in. */
	for (i = 0; i < t->nrows; i++) {
		row = &t->rows[i];
		if ((long long)row->household == c->a - 1 &&
		    (long long)row->residents == c->residents &&
		    (long long)row->season == c->season - 1)
			break;
	}
	if (i == t->nrows) {
		if (i == TARIFF_LIMIT_ROWS)
			return PERR_TOO_LARGE;
		row = &t->rows[t->nrows++];
		memset(row, 0, sizeof(*row));
		row->household = (enum household)(c->a - 1);
		row->residents = (unsigned)c->residents;
		row->season = (enum season)(c->season - 1);
	}
	t->rows[i].limit[c->b] = c->v;
	return PERR_OK;
}

/* The versions by date, their ids along; the rates by date too. */
static void period_sort(struct period_iter *it)
{
	size_t i, j;

	for (i = 1; i < it->n; i++) {
		for (j = i; j > 0 && it->out[j - 1].valid_from > it->out[j].valid_from; j--) {
			struct tariff t = it->out[j];
			uint64_t id = it->ids[j];

			it->out[j] = it->out[j - 1];
			it->ids[j] = it->ids[j - 1];
			it->out[j - 1] = t;
			it->ids[j - 1] = id;
		}
	}
	for (i = 1; i < it->nr; i++) {
		for (j = i; j > 0 && it->rates[j - 1].from > it->rates[j].from; j--) {
			struct vat_rate r = it->rates[j];

			it->rates[j] = it->rates[j - 1];
			it->rates[j - 1] = r;
		}
	}
}

enum perr db_tariffs(struct arena *ar, uint64_t plan, day_t from, day_t to, struct tariff *out,
                     size_t max, size_t *n, struct vat_rate *rates, size_t rmax, size_t *nr)
{
	struct period_iter it = {.ar = ar,
	                         .out = out,
	                         .max = max < TARIFF_PARTS ? max : TARIFF_PARTS,
	                         .rates = rates,
	                         .rmax = rmax};
	struct db_col c[] = {DBC_INT(&it.kind), DBC_U64(&it.id), DBC_INT(&it.a), DBC_INT(&it.b),
	                     DBC_INT(&it.c),    DBC_INT(&it.d),  DBC_INT(&it.e), DBC_INT(&it.f),
	                     DBC_INT(&it.g),    DBC_INT(&it.h)};
	struct db_arg a[12];
	char d1[11], d2[11];
	const struct cell *cl;
	enum perr e;
	size_t i, k;

	day_format(to, d1);
	day_format(from, d2);
	for (i = 0; i < 3; i++) { /* the versions, their prices, their limits */
		a[3 * i] = DBA_U64(plan);
		a[3 * i + 1] = DBA_STR(d1);
		a[3 * i + 2] = DBA_STR(d2);
	}
	a[9] = DBA_U64(plan);
	a[10] = DBA_STR(d1);
	a[11] = DBA_INT((long long)rmax);
	*n = *nr = 0;
	if ((e = db_rows(ar, &period, a, 12, c, 10, period_row, &it)) != PERR_OK)
		return e;
	if (it.seen > it.n)
		return PERR_TOO_LARGE;
	period_sort(&it);
	for (cl = it.cells; cl != NULL; cl = cl->next) {
		for (k = 0; k < it.n && it.ids[k] != cl->tariff; k++)
			;
		if (k == it.n)
			return PERR_DB; /* a cell of a version the statement did not read */
		if ((e = cell_put(&out[k], cl)) != PERR_OK)
			return e;
	}
	*n = it.n;
	*nr = it.nr;
	return PERR_OK;
}
