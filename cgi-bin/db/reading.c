/*
 * db/reading.c: meters and their readings.  Every statement that takes a
 * subscriber joins account_access with the readings right (sql/049): a
 * meter on an account they may not read does not exist for them.
 */
#include <stdint.h>

#include "billing/access.h"
#include "billing/reading.h"
#include "billing/tariff.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/money.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/reading.h"

/*
 * One row per meter and register: the meter, its last accepted reading, and
 * the subscriber's own latest one while it may still be corrected.
 */
static struct db_stmt meters = {
        "reading.meters",
        "SELECT m.id, m.account_id, IFNULL(m.plan_id, 0), a.number, a.address, m.kind, m.number, "
        "DATE_FORMAT(m.verification_due, '%Y-%m-%d'), m.zones, m.digits, m.decimals, z.zone, "
        "IFNULL(r.value, -1), IFNULL(DATEDIFF(r.taken_on, '1970-01-01'), 0), "
        "o.readings_from, o.readings_to, a.residents, a.household, o.currency, o.id, o.time_zone, "
        "IFNULL(w.id, 0), IFNULL(w.value, -1), IFNULL(DATEDIFF(w.taken_on, '1970-01-01'), 0) "
        "FROM account_access sa JOIN accounts a ON a.id = sa.account_id "
        "JOIN organizations o ON o.id = a.organization_id "
        "JOIN meters m ON m.account_id = a.id AND m.removed_on IS NULL "
        "JOIN (SELECT 0 zone UNION ALL SELECT 1 UNION ALL SELECT 2) z ON z.zone < m.zones "
        /* The register's latest reading, if a subscriber's the organization has not taken:
         * it may still be corrected, and is compared with the one before it. */
        "LEFT JOIN readings w ON w.id = (SELECT l.id FROM readings l WHERE l.meter_id = m.id "
        "AND l.zone = z.zone AND l.status IN ('accepted', 'pending') "
        "ORDER BY l.taken_on DESC, l.id DESC LIMIT 1) AND w.source = 'subscriber' "
        "AND w.taken_at IS NULL "
        "LEFT JOIN readings r ON r.id = (SELECT l.id FROM readings l WHERE l.meter_id = m.id "
        "AND l.zone = z.zone AND l.status = 'accepted' AND l.id <> IFNULL(w.id, 0) "
        "ORDER BY l.taken_on DESC, l.id DESC LIMIT 1) "
        "WHERE sa.subscriber_id = ? AND (sa.rights & ?) = ? AND (? = 0 OR m.id = ?) "
        "ORDER BY a.id, m.id, z.zone",
        NULL, 0, NULL};

/*
 * The same meters' accepted readings of the last six months, in order, for
 * the "unusually high" warning (billing/reading.c's steps).  The steps were
 * once two correlated subqueries per register, each running a third per
 * reading to find the one before it: about 145 subquery runs for the demo's
 * five registers, 3.5 ms of MariaDB's CPU a readings page under load, and
 * more with every month of a meter's history (issue 22).  Read only when a
 * reading is checked: the form, the history and the calculator show none.
 */
static struct db_stmt recent = {
        "reading.recent",
        "SELECT h.meter_id, h.zone, DATEDIFF(h.taken_on, '1970-01-01'), h.value, m.digits, "
        "m.decimals FROM account_access sa "
        "JOIN meters m ON m.account_id = sa.account_id AND m.removed_on IS NULL "
        "JOIN readings h ON h.meter_id = m.id AND h.status = 'accepted' "
        "AND h.taken_on >= UTC_DATE() - INTERVAL 6 MONTH "
        "WHERE sa.subscriber_id = ? AND (sa.rights & ?) = ? AND (? = 0 OR m.id = ?) "
        "ORDER BY h.meter_id, h.zone, h.taken_on, h.id",
        NULL, 0, NULL};

static struct db_stmt history = {
        "reading.history",
        "SELECT r.zone, DATE_FORMAT(r.taken_on, '%Y-%m-%d'), r.value, r.source, r.status, r.reason "
        "FROM readings r JOIN meters m ON m.id = r.meter_id "
        "JOIN account_access sa ON sa.account_id = m.account_id AND sa.subscriber_id = ? "
        "AND (sa.rights & ?) = ? WHERE r.meter_id = ? ORDER BY r.zone, r.taken_on, r.id",
        NULL, 0, NULL};

/* The old row first, only if still the subscriber's to correct: taken, it stays. */
static struct db_stmt replace_old = {
	"reading.replace_old",
	"UPDATE readings SET status = 'replaced' WHERE id = ? AND meter_id = ? AND zone = ? "
	"AND source = 'subscriber' AND taken_at IS NULL AND status IN ('accepted', 'pending')",
	NULL, 0, NULL};

static struct db_stmt replace_new = {
	"reading.replace_new",
	"INSERT INTO readings (meter_id, zone, taken_on, value, source, status, subscriber_id, "
	"created_at, replaces) VALUES (?, ?, ?, ?, 'subscriber', ?, ?, UTC_TIMESTAMP(6), ?)",
	NULL, 0, NULL};

static struct db_stmt insert = {
	"reading.insert",
	"INSERT INTO readings (meter_id, zone, taken_on, value, source, status, subscriber_id, "
	"created_at) VALUES (?, ?, ?, ?, 'subscriber', ?, ?, UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

/* A register's recent steps. */
struct register_steps {
	uint64_t meter;
	unsigned zone;
	struct reading_steps s;
};

struct steps_iter {
	struct arena *ar;
	uint64_t meter;
	unsigned zone, digits, decimals;
	long long day, value;
	struct register_steps *reg; /* grown in the arena; the last is the one being fed */
	size_t n, cap;
	int bad; /* a register's size out of range: its steps say nothing */
};

static enum perr steps_row(void *p)
{
	struct steps_iter *it = p;
	struct register_steps *grown;

	if (it->n == 0 || it->reg[it->n - 1].meter != it->meter ||
	    it->reg[it->n - 1].zone != it->zone) {
		if (it->n == it->cap) {
			it->cap = it->cap ? 2 * it->cap : 8;
			grown = arena_regrow(it->ar, it->reg, it->n, it->cap, sizeof(*grown));
			if (grown == NULL)
				return PERR_NOMEM;
			it->reg = grown;
		}
		it->reg[it->n++] = (struct register_steps){it->meter, it->zone, {0}};
	}
	if (reading_steps_add(&it->reg[it->n - 1].s, it->day, it->value, it->digits,
	                      it->decimals) != 0)
		it->bad = 1;
	return PERR_OK;
}

struct meter_iter {
	const struct steps_iter *steps;
	long long value, on, own_value, own_on;
	uint64_t own_id;
	unsigned zone;
	const char *currency;
	struct meter row, m;
	int have;
	enum perr (*each)(void *, const struct meter *);
	void *ctx;
	enum perr stop; /* what each said of the last meter, if not PERR_OK */
};

/* Rows come a register at a time; a meter is complete when the next one starts. */
static enum perr flush(struct meter_iter *it)
{
	if (!it->have || it->stop != PERR_OK)
		return it->stop;
	it->have = 0;
	return it->stop = it->each(it->ctx, &it->m);
}

static enum perr meter_row(void *p)
{
	struct meter_iter *it = p;
	unsigned z = it->zone;
	enum perr e;

	if (it->have && it->m.id != it->row.id && (e = flush(it)) != PERR_OK)
		return e;
	if (!it->have) {
		it->m = it->row;
		it->m.cur = currency_find(it->currency ? it->currency : "");
		it->have = 1;
	}
	if (z < TARIFF_ZONES) {
		const struct steps_iter *st = it->steps;
		size_t i;

		for (i = 0; i < st->n && (st->reg[i].meter != it->m.id || st->reg[i].zone != z);
		     i++)
			;
		it->m.last[z] = it->value;
		it->m.last_on[z] = (day_t)it->on;
		it->m.avg_delta[z] = i < st->n ? st->reg[i].s.used : 0;
		it->m.avg_days[z] = i < st->n ? reading_steps_days(&st->reg[i].s) : 0;
		it->m.own_id[z] = it->own_id;
		it->m.own[z] = it->own_value;
		it->m.own_on[z] = (day_t)it->own_on;
	}
	return 0;
}

enum perr db_meters(struct arena *ar, uint64_t subscriber, uint64_t meter, int with_steps,
                    enum perr (*each)(void *, const struct meter *), void *ctx)
{
	struct steps_iter steps = {.ar = ar};
	struct meter_iter it = {.steps = &steps, .each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(subscriber), DBA_INT(RIGHT_READINGS), DBA_INT(RIGHT_READINGS),
	                     DBA_U64(meter), DBA_U64(meter)};
	struct db_col sc[] = {DBC_U64(&steps.meter),   DBC_UINT(&steps.zone),
	                      DBC_INT(&steps.day),     DBC_INT(&steps.value),
	                      DBC_UINT(&steps.digits), DBC_UINT(&steps.decimals)};
	struct db_col c[] = {
	        DBC_U64(&it.row.id),
	        DBC_U64(&it.row.account_id),
	        DBC_U64(&it.row.plan_id),
	        DBC_STR(&it.row.account_number),
	        DBC_STR(&it.row.address),
	        DBC_STR(&it.row.kind),
	        DBC_STR(&it.row.number),
	        DBC_STR(&it.row.verification_due),
	        DBC_UINT(&it.row.zones),
	        DBC_UINT(&it.row.digits),
	        DBC_UINT(&it.row.decimals),
	        DBC_UINT(&it.zone),
	        DBC_INT(&it.value),
	        DBC_INT(&it.on),
	        DBC_UINT(&it.row.window_from),
	        DBC_UINT(&it.row.window_to),
	        DBC_INT(&it.row.residents),
	        DBC_STR(&it.row.household),
	        DBC_STR(&it.currency),
	        DBC_U64(&it.row.org_id),
	        DBC_STR(&it.row.time_zone),
	        DBC_U64(&it.own_id),
	        DBC_INT(&it.own_value),
	        DBC_INT(&it.own_on),
	};
	enum perr e = with_steps ? db_rows(ar, &recent, a, 5, sc, sizeof(sc) / sizeof(sc[0]),
	                                  steps_row, &steps)
	                        : PERR_OK;

	/* A meter the table should not hold: no warning rather than a wrong one. */
	if (e == PERR_OK && steps.bad)
		steps.n = 0;
	if (e == PERR_OK)
		e = db_rows(ar, &meters, a, 5, c, sizeof(c) / sizeof(c[0]), meter_row, &it);
	/* The last meter is complete when the rows end; its failure is the query's. */
	if (e == PERR_OK)
		e = flush(&it);
	return e;
}

struct hist_iter {
	struct reading_row r;
	enum perr (*each)(void *, const struct reading_row *);
	void *ctx;
};

static enum perr hist_row(void *p)
{
	struct hist_iter *it = p;

	return it->each(it->ctx, &it->r);
}

enum perr db_reading_history(struct arena *ar, uint64_t subscriber, uint64_t meter,
                             enum perr (*each)(void *, const struct reading_row *), void *ctx)
{
	struct hist_iter it = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(subscriber), DBA_INT(RIGHT_READINGS), DBA_INT(RIGHT_READINGS),
	                     DBA_U64(meter)};
	struct db_col c[] = {DBC_UINT(&it.r.zone),	  DBC_STR(&it.r.taken_on), DBC_INT(&it.r.value),
			     DBC_STR(&it.r.source), DBC_STR(&it.r.status),   DBC_STR(&it.r.reason)};

	return db_rows(ar, &history, a, 4, c, 6, hist_row, &it);
}

enum perr db_reading_insert(uint64_t meter, unsigned zone, day_t taken_on, long long value,
			    uint64_t subscriber, int to_review)
{
	char on[11];

	day_format(taken_on, on);
	return db_exec(&insert,
		       (struct db_arg[]){DBA_U64(meter), DBA_INT(zone), DBA_STR(on), DBA_INT(value),
					 DBA_STR(to_review ? "pending" : "accepted"),
					 DBA_U64(subscriber)},
		       6, NULL, NULL);
}

enum perr db_reading_replace(uint64_t old, uint64_t meter, unsigned zone, day_t taken_on,
			     long long value, uint64_t subscriber, int to_review)
{
	unsigned long long n = 0;
	char on[11];
	enum perr e = db_exec(&replace_old,
			      (struct db_arg[]){DBA_U64(old), DBA_U64(meter), DBA_INT(zone)}, 3, &n,
			      NULL);

	if (e != PERR_OK)
		return e;
	if (n != 1)
		return PERR_CONFLICT; /* taken meanwhile: no longer the subscriber's to change */
	day_format(taken_on, on);
	return db_exec(&replace_new,
		       (struct db_arg[]){DBA_U64(meter), DBA_INT(zone), DBA_STR(on), DBA_INT(value),
					 DBA_STR(to_review ? "pending" : "accepted"),
					 DBA_U64(subscriber), DBA_U64(old)},
		       7, NULL, NULL);
}

/* ---------------------------------------------------------------- staff's review */

#define REVIEW_COLS                                                                         \
	"SELECT r.id, m.id, a.organization_id, a.number, m.number, m.kind, r.zone + 1, "        \
	"r.value, m.decimals, DATE_FORMAT(r.taken_on, '%Y-%m-%d'), "                            \
	"IFNULL((SELECT l.value FROM readings l WHERE l.meter_id = r.meter_id AND "             \
	"l.zone = r.zone AND l.status = 'accepted' AND l.id < r.id ORDER BY l.taken_on DESC, "   \
	"l.id DESC LIMIT 1), -1), r.subscriber_id, s.login, s.email, s.phone "                  \
	"FROM readings r JOIN meters m ON m.id = r.meter_id JOIN accounts a ON a.id = m.account_id " \
	"JOIN staff_organizations so ON so.organization_id = a.organization_id AND so.staff_id = ? " \
	"LEFT JOIN subscribers s ON s.id = r.subscriber_id "

static struct db_stmt review_list = {
	"reading.review_list",
	REVIEW_COLS "WHERE r.status = 'pending' AND r.id > ? ORDER BY r.id LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt review_take = {
	"reading.review_take",
	REVIEW_COLS "WHERE r.id = ? AND r.status = 'pending' FOR UPDATE",
	NULL, 0, NULL};

static struct db_stmt review_decide = {
	"reading.review_decide",
	"UPDATE readings SET status = ?, reason = ?, taken_at = UTC_TIMESTAMP(6) "
	"WHERE id = ? AND status = 'pending'",
	NULL, 0, NULL};

static struct db_stmt staff_meter = {
	"reading.staff_meter",
	"SELECT m.id, a.organization_id, m.zones, m.decimals, m.digits FROM meters m "
	"JOIN accounts a ON a.id = m.account_id JOIN staff_organizations so ON "
	"so.organization_id = a.organization_id AND so.staff_id = ? "
	"WHERE a.organization_id = ? AND a.number = ? AND m.number = ? AND m.removed_on IS NULL",
	NULL, 0, NULL};

static struct db_stmt insert_staff = {
	"reading.insert_staff",
	"INSERT INTO readings (meter_id, zone, taken_on, value, source, status, created_at) "
	"VALUES (?, ?, ?, ?, 'staff', 'accepted', UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

struct review_ctx {
	struct reading_review row;
	enum perr (*each)(void *, const struct reading_review *);
	void *ctx;
};

static enum perr review_each(void *p)
{
	struct review_ctx *x = p;

	return x->each ? x->each(x->ctx, &x->row) : PERR_OK;
}

#define REVIEW_OUT(r)                                                                       \
	{DBC_U64(&(r).id),	     DBC_U64(&(r).meter_id),   DBC_UINT(&(r).org),                \
	 DBC_STR(&(r).account),	     DBC_STR(&(r).meter),      DBC_STR(&(r).kind),                \
	 DBC_UINT(&(r).zone),	     DBC_INT(&(r).value),      DBC_UINT(&(r).decimals),           \
	 DBC_STR(&(r).taken_on),     DBC_INT(&(r).previous),   DBC_U64(&(r).subscriber_id),       \
	 DBC_STR(&(r).login),	     DBC_STR(&(r).email),      DBC_STR(&(r).phone)}

enum perr db_reading_review_list(struct arena *ar, uint64_t staff, uint64_t after, unsigned limit,
				 enum perr (*each)(void *, const struct reading_review *),
				 void *ctx)
{
	struct review_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(staff), DBA_U64(after), DBA_INT(limit)};
	struct db_col c[] = REVIEW_OUT(x.row);

	return db_rows(ar, &review_list, a, 3, c, 15, review_each, &x);
}

enum perr db_reading_review_take(struct arena *ar, uint64_t staff, uint64_t id,
				 struct reading_review *out)
{
	struct db_arg a[] = {DBA_U64(staff), DBA_U64(id)};
	struct db_col c[] = REVIEW_OUT(*out);

	return db_row(ar, &review_take, a, 2, c, 15);
}

enum perr db_reading_review_decide(uint64_t id, int accept, const char *reason)
{
	struct db_arg a[] = {DBA_STR(accept ? "accepted" : "rejected"),
			     reason ? DBA_STR(reason) : DBA_NULL, DBA_U64(id)};
	unsigned long long n = 0;
	enum perr e = db_exec(&review_decide, a, 3, &n, NULL);

	return e != PERR_OK ? e : n == 1 ? PERR_OK : PERR_CONFLICT;
}

enum perr db_reading_staff_meter(struct arena *ar, uint64_t staff, unsigned org,
				 const char *account, const char *meter, struct staff_meter *out)
{
	struct db_arg a[] = {DBA_U64(staff), DBA_INT(org), DBA_STR(account), DBA_STR(meter)};
	struct db_col c[] = {DBC_U64(&out->id), DBC_UINT(&out->org), DBC_UINT(&out->zones),
			     DBC_UINT(&out->decimals), DBC_UINT(&out->digits)};

	return db_row(ar, &staff_meter, a, 4, c, 5);
}

enum perr db_reading_insert_staff(uint64_t meter, unsigned zone, const char *taken_on,
				  long long value)
{
	struct db_arg a[] = {DBA_U64(meter), DBA_INT(zone), DBA_STR(taken_on), DBA_INT(value)};

	return db_exec(&insert_staff, a, 4, NULL, NULL);
}
