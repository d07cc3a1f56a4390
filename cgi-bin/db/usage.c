/* db/usage.c: see usage.h. */
#include <string.h>

#include "core/arena.h"
#include "db/db.h"
#include "db/usage.h"

/* A loose scan of ix_usage_kind_time: one look per kind, however many records. */
static struct db_stmt kinds = {
        "usage.kinds",
        "SELECT DISTINCT kind FROM usage_records FORCE INDEX (ix_usage_kind_time) "
        "WHERE account_id = ?",
        NULL, 0, NULL};

/*
 * Backwards along the period's index: newest first with no sort, of every
 * kind or of one.  Named, since with the few records of a new site the
 * planner would read them all.
 */
#define RECORD_COLS                                                                                \
	"SELECT u.service_id, IF(? = 'en', sv.name_en, sv.name_ru), u.kind, "                      \
	"DATE_FORMAT(u.started_at, '%Y-%m-%dT%H:%i:%sZ'), "                                        \
	"DATE_FORMAT(u.ended_at, '%Y-%m-%dT%H:%i:%sZ'), "                                          \
	"TIMESTAMPDIFF(SECOND, u.started_at, u.ended_at), u.number, u.bytes_in, u.bytes_out, "     \
	"u.cost FROM usage_records u "
static struct db_stmt records_all = {
        "usage.records",
        RECORD_COLS "FORCE INDEX (ix_usage_time) STRAIGHT_JOIN services sv ON sv.id = "
                    "u.service_id WHERE u.account_id = ? AND u.started_at >= ? AND "
                    "u.started_at < ? ORDER BY u.started_at DESC, u.id DESC LIMIT ?",
        NULL, 0, NULL};
static struct db_stmt records_kind = {
        "usage.records_kind",
        RECORD_COLS "FORCE INDEX (ix_usage_kind_time) STRAIGHT_JOIN services sv ON sv.id = "
                    "u.service_id WHERE u.account_id = ? AND u.kind = ? AND u.started_at >= ? "
                    "AND u.started_at < ? ORDER BY u.started_at DESC, u.id DESC LIMIT ?",
        NULL, 0, NULL};

#define TOTAL_COLS                                                                                 \
	"SELECT COUNT(*), COALESCE(SUM(TIMESTAMPDIFF(SECOND, started_at, ended_at)), 0), "         \
	"COALESCE(SUM(bytes_in), 0), COALESCE(SUM(bytes_out), 0), COALESCE(SUM(cost), 0) "         \
	"FROM usage_records "
static struct db_stmt totals_all = {
        "usage.totals",
        TOTAL_COLS "FORCE INDEX (ix_usage_time) WHERE account_id = ? AND started_at >= ? AND "
                   "started_at < ?",
        NULL, 0, NULL};
static struct db_stmt totals_kind = {
        "usage.totals_kind",
        TOTAL_COLS "FORCE INDEX (ix_usage_kind_time) WHERE account_id = ? AND kind = ? AND "
                   "started_at >= ? AND started_at < ?",
        NULL, 0, NULL};

struct kind_iter {
	const char *kind;
	enum perr (*each)(void *, const char *);
	void *ctx;
};

static enum perr kind_row(void *p)
{
	struct kind_iter *it = p;

	return it->each(it->ctx, it->kind);
}

enum perr db_usage_kinds(struct arena *ar, uint64_t account,
                         enum perr (*each)(void *, const char *kind), void *ctx)
{
	struct kind_iter it = {NULL, each, ctx};
	struct db_col c[] = {DBC_STR(&it.kind)};

	return db_rows(ar, &kinds, (struct db_arg[]){DBA_U64(account)}, 1, c, 1, kind_row, &it);
}

enum { C_NUMBER = 6, C_BYTES_IN, C_BYTES_OUT, C_COST, NCOLS };

struct rec_iter {
	struct usage_record u;
	struct db_col c[NCOLS];
	enum perr (*each)(void *, const struct usage_record *);
	void *ctx;
};

static enum perr rec_row(void *p)
{
	struct rec_iter *it = p;

	/* SQL NULL is 0 in a column: a record without traffic or cost says so. */
	if (it->c[C_BYTES_IN].is_null)
		it->u.bytes_in = -1;
	if (it->c[C_BYTES_OUT].is_null)
		it->u.bytes_out = -1;
	if (it->c[C_COST].is_null)
		it->u.cost = -1;
	return it->each(it->ctx, &it->u);
}

enum perr db_usage_records(struct arena *ar, uint64_t account, const char *kind, const char *from,
                           const char *to, unsigned limit, enum lang lang,
                           enum perr (*each)(void *, const struct usage_record *), void *ctx)
{
	struct rec_iter it = {.each = each, .ctx = ctx};
	struct db_col c[NCOLS] = {DBC_U64(&it.u.service_id), DBC_STR(&it.u.service),
	                          DBC_STR(&it.u.kind),       DBC_STR(&it.u.started),
	                          DBC_STR(&it.u.ended),      DBC_INT(&it.u.seconds),
	                          DBC_STR(&it.u.number),     DBC_INT(&it.u.bytes_in),
	                          DBC_INT(&it.u.bytes_out),  DBC_INT(&it.u.cost)};
	struct db_arg all[] = {DBA_STR(lang_code(lang)), DBA_U64(account), DBA_STR(from),
	                       DBA_STR(to), DBA_INT(limit)};
	struct db_arg one[] = {DBA_STR(lang_code(lang)),
	                       DBA_U64(account),
	                       DBA_STR(kind ? kind : ""),
	                       DBA_STR(from),
	                       DBA_STR(to),
	                       DBA_INT(limit)};

	memcpy(it.c, c, sizeof(c));
	if (kind == NULL)
		return db_rows(ar, &records_all, all, 5, it.c, NCOLS, rec_row, &it);
	return db_rows(ar, &records_kind, one, 6, it.c, NCOLS, rec_row, &it);
}

enum perr db_usage_totals(struct arena *ar, uint64_t account, const char *kind, const char *from,
                          const char *to, struct usage_totals *t)
{
	struct db_col c[] = {DBC_INT(&t->count), DBC_INT(&t->seconds), DBC_INT(&t->bytes_in),
	                     DBC_INT(&t->bytes_out), DBC_INT(&t->cost)};
	struct db_arg all[] = {DBA_U64(account), DBA_STR(from), DBA_STR(to)};
	struct db_arg one[] = {DBA_U64(account), DBA_STR(kind ? kind : ""), DBA_STR(from),
	                       DBA_STR(to)};

	memset(t, 0, sizeof(*t));
	if (kind == NULL)
		return db_row(ar, &totals_all, all, 3, c, 5);
	return db_row(ar, &totals_kind, one, 4, c, 5);
}
