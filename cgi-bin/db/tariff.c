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

/* Days since 1970-01-01, the engine's day_t; a version's 30.5-day rule, or its
 * organization's when the version leaves it to it (NULL, sql/039). */
static struct db_stmt versions = {
	"tariff.versions",
	"SELECT t.id, DATEDIFF(t.valid_from, '1970-01-01'), DATEDIFF(t.valid_to, '1970-01-01'), "
	"t.tiers, COALESCE(t.month_days_x10, (SELECT o.month_days_x10 FROM tariff_plans p "
	"JOIN organizations o ON o.id = p.organization_id WHERE p.id = t.plan_id)), t.vat_bp, "
	"t.vat_included, t.vat_by_date, t.limit_per_household FROM tariffs t "
	"WHERE t.plan_id = ? AND t.valid_from <= ? AND t.valid_to >= ? ORDER BY t.valid_from",
	NULL, 0, NULL};

/* The latest rates up to a day of the plan's organization's country, newest first. */
static struct db_stmt vat = {
	"tariff.vat_rates",
	"SELECT DATEDIFF(v.valid_from, '1970-01-01'), v.rate_bp FROM tariff_plans p "
	"JOIN organizations o ON o.id = p.organization_id "
	"JOIN vat_rates v ON v.country = o.vat_country "
	"WHERE p.id = ? AND v.valid_from <= ? ORDER BY v.valid_from DESC LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt prices = {
	"tariff.prices",
	"SELECT tier, zone, price FROM tariff_prices WHERE tariff_id = ?",
	NULL, 0, NULL};

/* household + 0 is the ENUM's 1-based index, in enum household's order. */
static struct db_stmt limits = {
	"tariff.limits",
	"SELECT household + 0, tier, limit_milli, residents, season + 0 FROM tariff_limits "
	"WHERE tariff_id = ?",
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

struct version_iter {
	long long from, to, included, by_date, per_household;
	unsigned tiers, mdx10, vat;
	uint64_t id, ids[TARIFF_PARTS];
	struct tariff *out;
	size_t max, n, seen;
};

static enum perr version_row(void *p)
{
	struct version_iter *it = p;
	struct tariff *t;

	if (it->seen++ >= it->max)
		return PERR_OK; /* counted: more versions than room is PERR_TOO_LARGE below */
	t = &it->out[it->n];
	memset(t, 0, sizeof(*t));
	t->valid_from = (day_t)it->from;
	t->valid_to = (day_t)it->to;
	t->tiers = it->tiers;
	t->month_days_x10 = it->mdx10;
	t->vat_bp = it->vat;
	t->vat_included = it->included != 0;
	t->vat_by_date = it->by_date != 0;
	t->limit_per_household = it->per_household != 0;
	it->ids[it->n++] = it->id;
	return PERR_OK;
}

struct cell_iter {
	long long a, b, v, residents, season; /* the last two: limits only */
	struct tariff *t;
	int prices; /* 1: (tier, zone, price); 0: (household, tier, limit) */
};

static enum perr cell_row(void *p)
{
	struct cell_iter *it = p;

	if (it->prices) {
		if (it->a < 0 || it->a >= TARIFF_TIERS || it->b < 0 || it->b >= TARIFF_ZONES)
			return PERR_DB; /* a cell outside the tariff's table */
		it->t->price[it->a][it->b] = it->v;
		if ((unsigned)it->b + 1 > it->t->zones)
			it->t->zones = (unsigned)it->b + 1;
	} else {
		struct tariff_limit_row *row;
		size_t i;

		if (it->a < 1 || it->a > HH__MAX || it->b < 0 || it->b >= TARIFF_TIERS - 1 ||
		    it->residents < 0 || it->residents > 3 || it->season < 1 ||
		    it->season > SEASON__MAX)
			return PERR_DB; /* a cell outside the tariff's table */
		if (it->residents == 0 && it->season == 1) { /* any number, any season */
			it->t->limit[it->a - 1][it->b] = it->v;
			return PERR_OK;
		}
		/* A row per household, residents and season; its tiers fill it in. */
		for (i = 0; i < it->t->nrows; i++) {
			row = &it->t->rows[i];
			if ((long long)row->household == it->a - 1 &&
			    (long long)row->residents == it->residents &&
			    (long long)row->season == it->season - 1)
				break;
		}
		if (i == it->t->nrows) {
			if (i == TARIFF_LIMIT_ROWS)
				return PERR_TOO_LARGE;
			row = &it->t->rows[it->t->nrows++];
			memset(row, 0, sizeof(*row));
			row->household = (enum household)(it->a - 1);
			row->residents = (unsigned)it->residents;
			row->season = (enum season)(it->season - 1);
		}
		it->t->rows[i].limit[it->b] = it->v;
	}
	return PERR_OK;
}

enum perr db_tariffs(struct arena *ar, uint64_t plan, day_t from, day_t to, struct tariff *out,
		     size_t max, size_t *n)
{
	struct version_iter it = {.out = out, .max = max < TARIFF_PARTS ? max : TARIFF_PARTS};
	char d1[11], d2[11];
	struct db_arg a[3];
	struct db_col c[] = {DBC_U64(&it.id),	  DBC_INT(&it.from),  DBC_INT(&it.to),
			     DBC_UINT(&it.tiers), DBC_UINT(&it.mdx10), DBC_UINT(&it.vat),
			     DBC_INT(&it.included), DBC_INT(&it.by_date), DBC_INT(&it.per_household)};
	enum perr e;
	size_t i;

	day_format(to, d1);
	day_format(from, d2);
	a[0] = DBA_U64(plan);
	a[1] = DBA_STR(d1);
	a[2] = DBA_STR(d2);
	*n = 0;
	if ((e = db_rows(ar, &versions, a, 3, c, 9, version_row, &it)) != PERR_OK)
		return e;
	if (it.seen > it.n)
		return PERR_TOO_LARGE;
	for (i = 0; i < it.n; i++) {
		struct cell_iter ci = {.t = &out[i], .prices = 1};
		struct db_arg id = DBA_U64(it.ids[i]);
		struct db_col cc[] = {DBC_INT(&ci.a), DBC_INT(&ci.b), DBC_INT(&ci.v),
				      DBC_INT(&ci.residents), DBC_INT(&ci.season)};

		if ((e = db_rows(ar, &prices, &id, 1, cc, 3, cell_row, &ci)) != PERR_OK)
			return e;
		ci.prices = 0;
		if ((e = db_rows(ar, &limits, &id, 1, cc, 5, cell_row, &ci)) != PERR_OK)
			return e;
	}
	*n = it.n;
	return PERR_OK;
}

struct vat_iter {
	long long from, bp;
	struct vat_rate *out;
	size_t n;
};

static enum perr vat_row(void *p)
{
	struct vat_iter *it = p;

	it->out[it->n].from = (day_t)it->from;
	it->out[it->n++].bp = (unsigned)it->bp;
	return PERR_OK;
}

enum perr db_vat_rates(struct arena *ar, uint64_t plan, day_t to, struct vat_rate *out, size_t max,
		       size_t *n)
{
	struct vat_iter it = {.out = out};
	struct db_col c[] = {DBC_INT(&it.from), DBC_INT(&it.bp)};
	char d[11];
	size_t i;
	enum perr e;

	day_format(to, d);
	*n = 0;
	e = db_rows(ar, &vat, (struct db_arg[]){DBA_U64(plan), DBA_STR(d), DBA_INT((long long)max)}, 3,
		    c, 2, vat_row, &it);
	if (e != PERR_OK)
		return e;
	for (i = 0; i < it.n / 2; i++) { /* newest first: by date */
		struct vat_rate x = out[i];

		out[i] = out[it.n - 1 - i];
		out[it.n - 1 - i] = x;
	}
	*n = it.n;
	return PERR_OK;
}
