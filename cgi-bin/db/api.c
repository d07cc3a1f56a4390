/* db/api.c: the API's keys, request counts, stored answers and feeds. */
#include <string.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/api.h"
#include "db/db.h"

#define KEY_COLS                                                                                   \
	"id, organization_id, name, prefix, scopes, rate_per_minute, "                             \
	"DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ'), "                                          \
	"DATE_FORMAT(last_used_at, '%Y-%m-%dT%H:%i:%sZ'), "                                        \
	"DATE_FORMAT(revoked_at, '%Y-%m-%dT%H:%i:%sZ') "

static struct db_stmt key_by_hash = {
        "api.key_by_hash", "SELECT " KEY_COLS "FROM api_keys WHERE hash = ? AND revoked_at IS NULL",
        NULL, 0, NULL};
/* Used: a minute's precision is enough, and spares a write per request. */
static struct db_stmt key_used = {
        "api.key_used",
        "UPDATE api_keys SET last_used_at = UTC_TIMESTAMP(6) WHERE id = ? AND "
        "(last_used_at IS NULL OR last_used_at < UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE)",
        NULL, 0, NULL};
static struct db_stmt key_new = {
        "api.key_new",
        "INSERT INTO api_keys (organization_id, name, prefix, hash, scopes, rate_per_minute, "
        "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0), UTC_TIMESTAMP(6))",
        NULL, 0, NULL};
static struct db_stmt key_revoke = {
        "api.key_revoke",
        "UPDATE api_keys SET revoked_at = UTC_TIMESTAMP(6) WHERE id = ? AND organization_id = ? "
        "AND revoked_at IS NULL",
        NULL, 0, NULL};
static struct db_stmt keys_of = {
        "api.keys_of",
        "SELECT " KEY_COLS "FROM api_keys WHERE organization_id = ? ORDER BY id DESC LIMIT 100",
        NULL, 0, NULL};
static struct db_stmt rate_open = {
        "api.rate_open",
        "INSERT IGNORE INTO api_rate (key_id, minute, n) VALUES (?, DATE_FORMAT(UTC_TIMESTAMP(), "
        "'%Y-%m-%d %H:%i:00'), 0)",
        NULL, 0, NULL};
static struct db_stmt rate_add = {
        "api.rate_add",
        "UPDATE api_rate SET n = n + 1 WHERE key_id = ? AND minute = DATE_FORMAT(UTC_TIMESTAMP(), "
        "'%Y-%m-%d %H:%i:00')",
        NULL, 0, NULL};
static struct db_stmt rate_get = {
        "api.rate_get",
        "SELECT n FROM api_rate WHERE key_id = ? AND minute = DATE_FORMAT(UTC_TIMESTAMP(), "
        "'%Y-%m-%d %H:%i:00')",
        NULL, 0, NULL};
static struct db_stmt idem_claim = {
        "api.idem_claim",
        "INSERT IGNORE INTO api_idempotency (key_id, idem_key, request_hash, status, created_at) "
        "VALUES (?, ?, ?, 0, UTC_TIMESTAMP(6))",
        NULL, 0, NULL};
static struct db_stmt idem_get = {
        "api.idem_get",
        "SELECT status, request_hash, body, location FROM api_idempotency "
        "WHERE key_id = ? AND idem_key = ?",
        NULL, 0, NULL};
static struct db_stmt idem_done = {"api.idem_done",
                                   "UPDATE api_idempotency SET status = ?, body = ?, location = ? "
                                   "WHERE key_id = ? AND idem_key = ?",
                                   NULL, 0, NULL};
static struct db_stmt idem_drop = {
        "api.idem_drop",
        "DELETE FROM api_idempotency WHERE key_id = ? AND idem_key = ? AND status = 0", NULL, 0,
        NULL};
/* In feed order; the organization filter is applied to each row the index hands over. */
static struct db_stmt feed_readings = {
        "api.feed_readings",
        "SELECT r.feed_seq, r.id, a.number, m.number, r.zone, m.decimals, "
        "DATE_FORMAT(r.taken_on, '%Y-%m-%d'), r.value, r.source, r.status, "
        "DATE_FORMAT(r.created_at, '%Y-%m-%dT%H:%i:%sZ') FROM readings r "
        "JOIN meters m ON m.id = r.meter_id JOIN accounts a ON a.id = m.account_id "
        "WHERE r.feed_seq > ? AND a.organization_id = ? ORDER BY r.feed_seq LIMIT ? FOR UPDATE",
        NULL, 0, NULL};
/* What the feed handed over is taken: a subscriber may no longer correct it. */
static struct db_stmt feed_taken = {
        "api.feed_taken",
        "UPDATE readings r JOIN meters m ON m.id = r.meter_id JOIN accounts a ON a.id = m.account_id "
        "SET r.taken_at = UTC_TIMESTAMP(6) WHERE r.feed_seq > ? AND r.feed_seq <= ? "
        "AND a.organization_id = ? AND r.taken_at IS NULL",
        NULL, 0, NULL};
static struct db_stmt feed_payments = {
        "api.feed_payments",
        "SELECT p.feed_seq, p.id, a.number, DATE_FORMAT(p.paid_at, '%Y-%m-%dT%H:%i:%s'), "
        "p.amount, p.channel, p.bank, p.status, p.source_id FROM payments p "
        "JOIN accounts a ON a.id = p.account_id "
        "WHERE p.feed_seq > ? AND a.organization_id = ? ORDER BY p.feed_seq LIMIT ?",
        NULL, 0, NULL};
/* Along uq_promises_feed: named, since a new site has too few promises for the planner. */
static struct db_stmt feed_promises = {
        "api.feed_promises",
        "SELECT p.feed_seq, p.id, a.number, sv.code, c.login, "
        "DATE_FORMAT(p.requested_at, '%Y-%m-%dT%H:%i:%sZ'), "
        "DATE_FORMAT(p.until, '%Y-%m-%dT%H:%i:%sZ'), p.debt FROM promises p "
        "FORCE INDEX (uq_promises_feed) STRAIGHT_JOIN accounts a ON a.id = p.account_id "
        "JOIN services sv ON sv.id = p.service_id JOIN connections c ON "
        "c.account_id = p.account_id AND c.service_id = p.service_id "
        "WHERE p.feed_seq > ? AND a.organization_id = ? ORDER BY p.feed_seq LIMIT ?",
        NULL, 0, NULL};

struct key_it {
	struct api_key k;
	enum perr (*each)(void *, const struct api_key *);
	void *ctx;
};

#define KEY_BIND(it)                                                                               \
	DBC_U64(&(it).k.id), DBC_UINT(&(it).k.org), DBC_STR(&(it).k.name),                         \
	        DBC_STR(&(it).k.prefix), DBC_STR(&(it).k.scopes), DBC_UINT(&(it).k.rate),          \
	        DBC_STR(&(it).k.created_at), DBC_STR(&(it).k.last_used_at),                        \
	        DBC_STR(&(it).k.revoked_at)

enum perr db_api_key_by_hash(struct arena *ar, const unsigned char hash[32], struct api_key *out)
{
	struct key_it it;
	struct db_arg a[] = {DBA_BLOB(hash, 32)};
	struct db_col c[] = {KEY_BIND(it)};
	struct db_arg u[1];
	enum perr e;

	memset(&it, 0, sizeof(it));
	if ((e = db_row(ar, &key_by_hash, a, 1, c, 9)) != PERR_OK)
		return e;
	*out = it.k;
	u[0] = DBA_U64(it.k.id);
	return db_exec(&key_used, u, 1, NULL, NULL);
}

enum perr db_api_key_new(unsigned org, const char *name, const char *prefix,
                         const unsigned char hash[32], const char *scopes, unsigned rate,
                         uint64_t staff, uint64_t *id)
{
	struct db_arg a[] = {DBA_U64(org),    DBA_STR(name), DBA_STR(prefix), DBA_BLOB(hash, 32),
	                     DBA_STR(scopes), DBA_U64(rate), DBA_U64(staff)};
	unsigned long long got = 0;
	enum perr e = db_exec(&key_new, a, 7, NULL, &got);

	*id = got;
	return e;
}

enum perr db_api_key_revoke(uint64_t id, unsigned org)
{
	struct db_arg a[] = {DBA_U64(id), DBA_U64(org)};
	unsigned long long n = 0;
	enum perr e = db_exec(&key_revoke, a, 2, &n, NULL);

	return e != PERR_OK ? e : n == 1 ? PERR_OK : PERR_NOT_FOUND;
}

static enum perr key_each(void *p)
{
	struct key_it *it = p;

	return it->each(it->ctx, &it->k);
}

enum perr db_api_keys(struct arena *ar, unsigned org,
                      enum perr (*each)(void *, const struct api_key *), void *ctx)
{
	struct key_it it;
	struct db_arg a[] = {DBA_U64(org)};
	struct db_col c[] = {KEY_BIND(it)};

	memset(&it, 0, sizeof(it));
	it.each = each;
	it.ctx = ctx;
	return db_rows(ar, &keys_of, a, 1, c, 9, key_each, &it);
}

enum perr db_api_count(uint64_t key, unsigned *n)
{
	struct db_arg a[] = {DBA_U64(key)};
	struct db_col c[] = {DBC_UINT(n)};
	enum perr e;

	if ((e = db_exec(&rate_open, a, 1, NULL, NULL)) != PERR_OK ||
	    (e = db_exec(&rate_add, a, 1, NULL, NULL)) != PERR_OK)
		return e;
	return db_row(NULL, &rate_get, a, 1, c, 1);
}

enum perr db_api_idem_claim(struct arena *ar, uint64_t key, const char *idem,
                            const unsigned char hash[32], struct api_replay *out)
{
	static unsigned char stored[32];
	unsigned long slen = 0;
	struct db_arg a[] = {DBA_U64(key), DBA_STR(idem), DBA_BLOB(hash, 32)};
	struct db_col c[] = {DBC_UINT(&out->status), DBC_BLOB(stored, sizeof(stored), &slen),
	                     DBC_STR(&out->body), DBC_STR(&out->location)};
	unsigned long long n = 0;
	enum perr e;

	memset(out, 0, sizeof(*out));
	if ((e = db_exec(&idem_claim, a, 3, &n, NULL)) != PERR_OK)
		return e;
	if (n == 1)
		return PERR_OK;
	if ((e = db_row(ar, &idem_get, a, 2, c, 4)) != PERR_OK)
		return e;
	out->hash = stored;
	return PERR_CONFLICT;
}

enum perr db_api_idem_done(uint64_t key, const char *idem, unsigned status, const char *body,
                           const char *location)
{
	struct db_arg a[] = {DBA_U64(status), DBA_STR(body),
	                     location ? DBA_STR(location) : DBA_NULL, DBA_U64(key), DBA_STR(idem)};

	return db_exec(&idem_done, a, 5, NULL, NULL);
}

enum perr db_api_idem_drop(uint64_t key, const char *idem)
{
	struct db_arg a[] = {DBA_U64(key), DBA_STR(idem)};

	return db_exec(&idem_drop, a, 2, NULL, NULL);
}

/* A page of the feed, kept until its transaction commits: a deadlock with a
 * writer rolls the page back, and it is read again from the start. */
struct reading_page {
	struct feed_reading *rows;
	unsigned n, cap;
	struct feed_reading f; /* the row being fetched */
	struct arena *ar;
};

static enum perr reading_keep(void *p)
{
	struct reading_page *pg = p;

	if (pg->n == pg->cap)
		return PERR_NOMEM; /* cannot happen: cap is the LIMIT */
	pg->rows[pg->n++] = pg->f;
	return PERR_OK;
}

/* One try: the page's rows locked, then marked taken, in one transaction. A
 * correction either comes first (the feed hands over the replaced row and its
 * successor) or waits for the mark and is refused. */
static enum perr reading_page_take(struct reading_page *pg, unsigned org, uint64_t after,
                                   unsigned limit)
{
	struct feed_reading *f = &pg->f;
	struct db_arg a[] = {DBA_U64(after), DBA_U64(org), DBA_U64(limit)};
	struct db_col c[] = {DBC_U64(&f->seq),      DBC_U64(&f->id),       DBC_STR(&f->account),
	                     DBC_STR(&f->meter),    DBC_UINT(&f->zone),    DBC_UINT(&f->decimals),
	                     DBC_STR(&f->taken_on), DBC_INT(&f->value),    DBC_STR(&f->source),
	                     DBC_STR(&f->status),   DBC_STR(&f->created_at)};
	enum perr e;

	pg->n = 0;
	if ((e = db_begin()) != PERR_OK)
		return e;
	e = db_rows(pg->ar, &feed_readings, a, 3, c, 11, reading_keep, pg);
	if (e == PERR_OK && pg->n > 0)
		e = db_exec(&feed_taken,
			    (struct db_arg[]){DBA_U64(after), DBA_U64(pg->rows[pg->n - 1].seq),
		                              DBA_U64(org)},
			    3, NULL, NULL);
	if (e == PERR_OK)
		e = db_commit();
	if (e != PERR_OK)
		db_rollback();
	return e;
}

enum perr db_feed_readings(struct arena *ar, unsigned org, uint64_t after, unsigned limit,
                           enum perr (*each)(void *, const struct feed_reading *), void *ctx)
{
	struct reading_page pg;
	enum perr e = PERR_BUSY;
	unsigned i, tries;

	memset(&pg, 0, sizeof(pg));
	pg.ar = ar;
	pg.cap = limit;
	if (limit > 0 && (pg.rows = arena_alloc(ar, limit * sizeof(*pg.rows))) == NULL)
		return PERR_NOMEM;
	/* The lock on a page meets a writer's foreign-key lock on the same meter:
	 * InnoDB picks one of them to roll back, and a few tries get through. */
	for (tries = 0; tries < 4 && e == PERR_BUSY; tries++)
		e = reading_page_take(&pg, org, after, limit);
	for (i = 0; e == PERR_OK && i < pg.n; i++)
		e = each(ctx, &pg.rows[i]);
	return e;
}

struct payment_it {
	struct feed_payment f;
	enum perr (*each)(void *, const struct feed_payment *);
	void *ctx;
};

static enum perr payment_each(void *p)
{
	struct payment_it *it = p;

	return it->each(it->ctx, &it->f);
}

enum perr db_feed_payments(struct arena *ar, unsigned org, uint64_t after, unsigned limit,
                           enum perr (*each)(void *, const struct feed_payment *), void *ctx)
{
	struct payment_it it;
	struct db_arg a[] = {DBA_U64(after), DBA_U64(org), DBA_U64(limit)};
	struct db_col c[] = {
	        DBC_U64(&it.f.seq),     DBC_U64(&it.f.id),     DBC_STR(&it.f.account),
	        DBC_STR(&it.f.paid_at), DBC_INT(&it.f.amount), DBC_STR(&it.f.channel),
	        DBC_STR(&it.f.bank),    DBC_STR(&it.f.status), DBC_STR(&it.f.source_id)};

	memset(&it, 0, sizeof(it));
	it.each = each;
	it.ctx = ctx;
	return db_rows(ar, &feed_payments, a, 3, c, 9, payment_each, &it);
}

struct promise_it {
	struct feed_promise f;
	enum perr (*each)(void *, const struct feed_promise *);
	void *ctx;
};

static enum perr promise_each(void *p)
{
	struct promise_it *it = p;

	return it->each(it->ctx, &it->f);
}

enum perr db_feed_promises(struct arena *ar, unsigned org, uint64_t after, unsigned limit,
                           enum perr (*each)(void *, const struct feed_promise *), void *ctx)
{
	struct promise_it it;
	struct db_arg a[] = {DBA_U64(after), DBA_U64(org), DBA_U64(limit)};
	struct db_col c[] = {DBC_U64(&it.f.seq),     DBC_U64(&it.f.id),
	                     DBC_STR(&it.f.account), DBC_STR(&it.f.service),
	                     DBC_STR(&it.f.login),   DBC_STR(&it.f.requested_at),
	                     DBC_STR(&it.f.until),   DBC_INT(&it.f.debt)};

	memset(&it, 0, sizeof(it));
	it.each = each;
	it.ctx = ctx;
	return db_rows(ar, &feed_promises, a, 3, c, 8, promise_each, &it);
}
