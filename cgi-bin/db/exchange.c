/*
 * db/exchange.c: imports.  A file is stored in chunks, read into staging
 * tables in batches, checked against the live tables in bulk (one statement
 * per check, not one query per row), compared for the dry run, and switched
 * in by a few INSERT ... SELECT and UPDATE ... JOIN statements inside the
 * caller's transaction.
 */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/exchange.h"

/* ---------------------------------------------------------------- imports */

#define IMPORT_COLS                                                                                \
	"i.id, i.organization_id, i.kind, i.mode, i.status, i.file_name, i.sha256, i.encoding, "   \
	"i.delimiter, i.error, i.created_by, "                                                     \
	"DATE_FORMAT(i.created_at, '%Y-%m-%dT%H:%i:%sZ'), "                                        \
	"DATE_FORMAT(i.started_at, '%Y-%m-%dT%H:%i:%sZ'), "                                        \
	"DATE_FORMAT(i.checked_at, '%Y-%m-%dT%H:%i:%sZ'), "                                        \
	"DATE_FORMAT(i.finished_at, '%Y-%m-%dT%H:%i:%sZ'), "                                       \
	"i.bytes, i.lines_total, i.rows_done, i.bytes_done, i.n_new, i.n_changed, "                \
	"i.n_unchanged, i.n_refused, "                                                             \
	"TIMESTAMPDIFF(SECOND, i.started_at, COALESCE(i.finished_at, UTC_TIMESTAMP(6))), "         \
	"COALESCE(IS_USED_LOCK(CONCAT('kabinet-import-', i.organization_id)) = i.conn_id, 0) "

static struct db_stmt import_new = {
        "exchange.import_new",
        "INSERT INTO imports (organization_id, kind, mode, status, file_name, staff_id, "
        "api_key_id, "
        "created_by, created_at) VALUES (?, ?, ?, 'uploading', ?, NULLIF(?, 0), NULLIF(?, 0), ?, "
        "UTC_TIMESTAMP(6))",
        NULL, 0, NULL};
static struct db_stmt import_chunk = {
        "exchange.import_chunk",
        "INSERT INTO import_chunks (import_id, seq, data) VALUES (?, ?, ?)", NULL, 0, NULL};
static struct db_stmt import_stored = {
        "exchange.import_stored",
        "UPDATE imports SET status = IF(? = 1, 'queued', status), sha256 = ?, bytes = ?, "
        "lines_total = ? WHERE id = ? AND status = 'uploading'",
        NULL, 0, NULL};
static struct db_stmt import_queue = {
        "exchange.import_queue",
        "UPDATE imports SET status = 'queued' WHERE id = ? AND status = 'uploading'", NULL, 0,
        NULL};
static struct db_stmt import_get = {
        "exchange.import_get",
        "SELECT " IMPORT_COLS "FROM imports i WHERE i.id = ? AND (? = 0 OR i.organization_id = ?)",
        NULL, 0, NULL};
static struct db_stmt import_list = {"exchange.import_list",
                                     "SELECT " IMPORT_COLS
                                     "FROM imports i WHERE i.organization_id = ? AND i.id < ? "
                                     "ORDER BY i.id DESC LIMIT ?",
                                     NULL, 0, NULL};
static struct db_stmt import_read_chunk = {
        "exchange.import_read_chunk",
        "SELECT data FROM import_chunks WHERE import_id = ? AND seq = ?", NULL, 0, NULL};
/*
 * Work to do: queued; or asked to be applied; or left halfway by a worker
 * that is gone (killed: the server released its connection's lock): its
 * step is done again.  One import per organization at a time is a named
 * lock, GET_LOCK, held by the worker's connection for as long as it lives,
 * so a dead worker never blocks the next.
 */
static struct db_stmt import_next = {
        "exchange.import_next",
        "SELECT id FROM imports WHERE id > ? AND (status = 'queued' OR "
        "(status IN ('checking', 'applying') AND (conn_id IS NULL OR NOT "
        "(IS_USED_LOCK(CONCAT('kabinet-import-', organization_id)) <=> conn_id)))) "
        "ORDER BY id LIMIT 1",
        NULL, 0, NULL};
static struct db_stmt lock_take = {
        "exchange.lock_take", "SELECT GET_LOCK(CONCAT('kabinet-import-', ?), 0)", NULL, 0, NULL};
static struct db_stmt lock_mark = {"exchange.lock_mark",
                                   "UPDATE imports SET conn_id = CONNECTION_ID() WHERE id = ?",
                                   NULL, 0, NULL};
static struct db_stmt lock_release = {"exchange.lock_release",
                                      "SELECT RELEASE_LOCK(CONCAT('kabinet-import-', ?))", NULL, 0,
                                      NULL};
static struct db_stmt import_status = {
        "exchange.import_status",
        "UPDATE imports SET status = ?, "
        "started_at = IF(? = 'checking', UTC_TIMESTAMP(6), started_at), "
        "rows_done = IF(? = 'checking', 0, rows_done), bytes_done = IF(? = 'checking', 0, "
        "bytes_done), "
        "checked_at = IF(? IN ('checked', 'refused'), UTC_TIMESTAMP(6), checked_at), "
        "finished_at = IF(? IN ('applied', 'refused', 'failed'), UTC_TIMESTAMP(6), finished_at), "
        "error = IF(? = 'failed', error, NULL) "
        "WHERE id = ? AND status = ?",
        NULL, 0, NULL};
static struct db_stmt import_progress = {
        "exchange.import_progress", "UPDATE imports SET rows_done = ?, bytes_done = ? WHERE id = ?",
        NULL, 0, NULL};
static struct db_stmt import_found = {"exchange.import_found",
                                      "UPDATE imports SET encoding = ?, delimiter = ? WHERE id = ?",
                                      NULL, 0, NULL};
static struct db_stmt import_counts = {
        "exchange.import_counts",
        "UPDATE imports SET n_new = ?, n_changed = ?, n_unchanged = ?, n_refused = ? WHERE id = ?",
        NULL, 0, NULL};
static struct db_stmt import_fail = {
        "exchange.import_fail",
        "UPDATE imports SET status = 'failed', error = ?, finished_at = UTC_TIMESTAMP(6) "
        "WHERE id = ? AND status <> 'applied'",
        NULL, 0, NULL};
static struct db_stmt import_ask_apply = {
        "exchange.import_ask_apply",
        "UPDATE imports SET status = 'applying', conn_id = NULL "
        "WHERE id = ? AND organization_id = ? AND status = 'checked'",
        NULL, 0, NULL};
static struct db_stmt problem_add = {
        "exchange.problem_add",
        "INSERT INTO import_problems (import_id, line, column_name, value, code, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        NULL, 0, NULL};
static struct db_stmt problems = {
        "exchange.problems",
        "SELECT line, column_name, value, code, detail FROM import_problems "
        "WHERE import_id = ? ORDER BY line, id LIMIT ?",
        NULL, 0, NULL};
static struct db_stmt problems_clear = {"exchange.problems_clear",
                                        "DELETE FROM import_problems WHERE import_id = ?", NULL, 0,
                                        NULL};

enum perr db_import_new(unsigned org, const char *kind, const char *mode, const char *file_name,
                        uint64_t staff, uint64_t api_key, const char *created_by, uint64_t *id)
{
	struct db_arg a[] = {DBA_U64(org),       DBA_STR(kind),  DBA_STR(mode),
	                     DBA_STR(file_name), DBA_U64(staff), DBA_U64(api_key),
	                     DBA_STR(created_by)};
	unsigned long long got = 0;
	enum perr e = db_exec(&import_new, a, 7, NULL, &got);

	*id = got;
	return e;
}

enum perr db_import_chunk(uint64_t id, unsigned seq, const void *data, size_t n)
{
	struct db_arg a[] = {DBA_U64(id), DBA_U64(seq), DBA_BLOB(data, n)};

	return db_exec(&import_chunk, a, 3, NULL, NULL);
}

enum perr db_import_stored(uint64_t id, const char *sha256, uint64_t bytes, uint64_t lines,
                           int queue)
{
	struct db_arg a[] = {DBA_INT(queue != 0), DBA_STR(sha256), DBA_U64(bytes), DBA_U64(lines),
	                     DBA_U64(id)};
	unsigned long long n = 0;
	enum perr e = db_exec(&import_stored, a, 5, &n, NULL);

	return e != PERR_OK ? e : n == 1 ? PERR_OK : PERR_CONFLICT;
}

struct import_it {
	struct import_row r;
	long long live;
	enum perr (*each)(void *, const struct import_row *);
	void *ctx;
};

#define IMPORT_BIND(it)                                                                            \
	DBC_U64(&(it).r.id), DBC_UINT(&(it).r.org), DBC_STR(&(it).r.kind), DBC_STR(&(it).r.mode),  \
	        DBC_STR(&(it).r.status), DBC_STR(&(it).r.file_name), DBC_STR(&(it).r.sha256),      \
	        DBC_STR(&(it).r.encoding), DBC_STR(&(it).r.delimiter), DBC_STR(&(it).r.error),     \
	        DBC_STR(&(it).r.created_by), DBC_STR(&(it).r.created_at),                          \
	        DBC_STR(&(it).r.started_at), DBC_STR(&(it).r.checked_at),                          \
	        DBC_STR(&(it).r.finished_at), DBC_U64(&(it).r.bytes),                              \
	        DBC_U64(&(it).r.lines_total), DBC_U64(&(it).r.rows_done),                          \
	        DBC_U64(&(it).r.bytes_done), DBC_U64(&(it).r.n_new), DBC_U64(&(it).r.n_changed),   \
	        DBC_U64(&(it).r.n_unchanged), DBC_U64(&(it).r.n_refused),                          \
	        DBC_INT(&(it).r.seconds), DBC_INT(&(it).live)

static enum perr import_each(void *p)
{
	struct import_it *it = p;

	it->r.live = it->live != 0;
	return it->each(it->ctx, &it->r);
}

enum perr db_import_queue(uint64_t id)
{
	struct db_arg a[] = {DBA_U64(id)};

	return db_exec(&import_queue, a, 1, NULL, NULL);
}

enum perr db_import_get(struct arena *ar, uint64_t id, unsigned org, struct import_row *out)
{
	struct import_it it;
	struct db_arg a[] = {DBA_U64(id), DBA_U64(org), DBA_U64(org)};
	struct db_col c[] = {IMPORT_BIND(it)};
	enum perr e;

	memset(&it, 0, sizeof(it));
	e = db_row(ar, &import_get, a, 3, c, sizeof(c) / sizeof(c[0]));
	it.r.live = it.live != 0;
	*out = it.r;
	return e;
}

enum perr db_import_list(struct arena *ar, unsigned org, uint64_t before, unsigned limit,
                         enum perr (*each)(void *, const struct import_row *), void *ctx)
{
	struct import_it it;
	struct db_arg a[] = {DBA_U64(org), DBA_U64(before ? before : UINT64_MAX >> 1),
	                     DBA_U64(limit)};
	struct db_col c[] = {IMPORT_BIND(it)};

	memset(&it, 0, sizeof(it));
	it.each = each;
	it.ctx = ctx;
	return db_rows(ar, &import_list, a, 3, c, sizeof(c) / sizeof(c[0]), import_each, &it);
}

enum perr db_import_read_chunk(uint64_t id, unsigned seq, unsigned char *buf, size_t cap,
                               size_t *len)
{
	struct db_arg a[] = {DBA_U64(id), DBA_U64(seq)};
	unsigned long got = 0;
	struct db_col c[] = {DBC_BLOB(buf, cap, &got)};
	enum perr e = db_row(NULL, &import_read_chunk, a, 2, c, 1);

	*len = got;
	return e;
}

enum perr db_import_next(uint64_t after, uint64_t *id)
{
	struct db_arg a[] = {DBA_U64(after)};
	struct db_col c[] = {DBC_U64(id)};

	return db_row(NULL, &import_next, a, 1, c, 1);
}

enum perr db_import_lock(unsigned org, uint64_t id)
{
	long long got = 0;
	struct db_arg a[] = {DBA_U64(org)};
	struct db_arg b[] = {DBA_U64(id)};
	struct db_col c[] = {DBC_INT(&got)};
	enum perr e = db_row(NULL, &lock_take, a, 1, c, 1);

	if (e != PERR_OK)
		return e;
	if (got != 1)
		return PERR_CONFLICT;
	return db_exec(&lock_mark, b, 1, NULL, NULL);
}

enum perr db_import_unlock(unsigned org)
{
	long long got = 0;
	struct db_arg a[] = {DBA_U64(org)};
	struct db_col c[] = {DBC_INT(&got)};

	return db_row(NULL, &lock_release, a, 1, c, 1);
}

enum perr db_import_status(uint64_t id, const char *from, const char *to)
{
	struct db_arg a[] = {DBA_STR(to), DBA_STR(to), DBA_STR(to), DBA_STR(to),  DBA_STR(to),
	                     DBA_STR(to), DBA_STR(to), DBA_U64(id), DBA_STR(from)};
	unsigned long long n = 0;
	enum perr e = db_exec(&import_status, a, 9, &n, NULL);

	return e != PERR_OK ? e : n == 1 ? PERR_OK : PERR_CONFLICT;
}

enum perr db_import_progress(uint64_t id, uint64_t rows, uint64_t bytes)
{
	struct db_arg a[] = {DBA_U64(rows), DBA_U64(bytes), DBA_U64(id)};

	return db_exec(&import_progress, a, 3, NULL, NULL);
}

enum perr db_import_found(uint64_t id, const char *encoding, const char *delimiter)
{
	struct db_arg a[] = {encoding ? DBA_STR(encoding) : DBA_NULL, DBA_STR(delimiter),
	                     DBA_U64(id)};

	return db_exec(&import_found, a, 3, NULL, NULL);
}

enum perr db_import_counts(uint64_t id, uint64_t n_new, uint64_t changed, uint64_t unchanged,
                           uint64_t refused)
{
	struct db_arg a[] = {DBA_U64(n_new), DBA_U64(changed), DBA_U64(unchanged), DBA_U64(refused),
	                     DBA_U64(id)};

	return db_exec(&import_counts, a, 5, NULL, NULL);
}

enum perr db_import_fail(uint64_t id, const char *error)
{
	struct db_arg a[] = {DBA_STR(error), DBA_U64(id)};

	return db_exec(&import_fail, a, 2, NULL, NULL);
}

enum perr db_import_ask_apply(uint64_t id, unsigned org)
{
	struct db_arg a[] = {DBA_U64(id), DBA_U64(org)};
	unsigned long long n = 0;
	enum perr e = db_exec(&import_ask_apply, a, 2, &n, NULL);

	return e != PERR_OK ? e : n == 1 ? PERR_OK : PERR_CONFLICT;
}

enum perr db_import_problem(uint64_t id, const struct import_problem *p)
{
	struct db_arg a[] = {DBA_U64(id),        DBA_U64(p->line),
	                     DBA_STR(p->column), DBA_STR(p->value),
	                     DBA_STR(p->code),   p->detail ? DBA_STR(p->detail) : DBA_NULL};

	return db_exec(&problem_add, a, 6, NULL, NULL);
}

struct problem_it {
	struct import_problem p;
	enum perr (*each)(void *, const struct import_problem *);
	void *ctx;
};

static enum perr problem_each(void *v)
{
	struct problem_it *it = v;

	return it->each(it->ctx, &it->p);
}

enum perr db_import_problems(struct arena *ar, uint64_t id, uint64_t limit,
                             enum perr (*each)(void *, const struct import_problem *), void *ctx)
{
	struct problem_it it;
	struct db_arg a[] = {DBA_U64(id), DBA_U64(limit)};
	struct db_col c[] = {DBC_U64(&it.p.line), DBC_STR(&it.p.column), DBC_STR(&it.p.value),
	                     DBC_STR(&it.p.code), DBC_STR(&it.p.detail)};

	memset(&it, 0, sizeof(it));
	it.each = each;
	it.ctx = ctx;
	return db_rows(ar, &problems, a, 2, c, 5, problem_each, &it);
}

/* ---------------------------------------------------------------- staging */

/*
 * A kind's staging insert, for one row and for a batch of STAGE_BATCH rows
 * (one round trip instead of 128).  The batch's placeholders are
 * written out by the preprocessor, so the statement is text in this file
 * like every other (tools/grants.py reads it).
 */
#define STAGE_BATCH DB_STAGE_BATCH
#define X2(r)       r "," r
#define X4(r)       X2(r) "," X2(r)
#define X8(r)       X4(r) "," X4(r)
#define X16(r)      X8(r) "," X8(r)
#define X32(r)      X16(r) "," X16(r)
#define X64(r)      X32(r) "," X32(r)
#define X128(r)     X64(r) "," X64(r)

#define STAGE_PAIR(v, table, cols, row)                                                            \
	static struct db_stmt v##_one = {"exchange." #v "_one",                                    \
	                                 "INSERT INTO " table " (" cols ") VALUES " row, NULL, 0,  \
	                                 NULL};                                                    \
	static struct db_stmt v##_batch = {"exchange." #v "_batch",                                \
	                                   "INSERT INTO " table " (" cols ") VALUES " X128(row),   \
	                                   NULL, 0, NULL};

/*
 * A kind whose account and service are resolved by RESOLVE_BOTH (below) is
 * staged with both ids 0, a placeholder of their width: resolving then
 * writes each row in place.  Staged NULL, each row grew when its ids were
 * set and InnoDB moved it, splitting the full pages: resolving a million
 * charge rows took 15.6-16.9 s, with the placeholders 3.3-5.2 s (the same
 * statement on the same rows).  A key not found still ends NULL.
 */
#define KEY_COLS  ", account_id, service_id"
#define KEY_CELLS ",0,0"
STAGE_PAIR(stage_accounts, "stage_accounts",
           "import_id, line, number, address, area, residents, payer_name, phone, email",
           "(?,?,?,?,?,?,?,?,?)")
STAGE_PAIR(stage_services, "stage_services",
           "import_id, line, code, name_ru, name_en, unit, supplier_name, supplier_inn, "
           "supplier_phone, supplier_kpp, supplier_bank_name, supplier_bic, supplier_account, "
           "supplier_corr_account, supplier_qr_name",
           "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
STAGE_PAIR(stage_meters, "stage_meters",
           "import_id, line, account_number, service_code, number, kind, zones, digits, decimals, "
           "installed_on, verification_due" KEY_COLS,
           "(?,?,?,?,?,?,?,?,?,?,?" KEY_CELLS ")")
STAGE_PAIR(stage_charges, "stage_charges",
           "import_id, line, account_number, service_code, period, tariff, quantity, opening, "
           "accrued, recalc, recalc_reason, penalties, paid, closing" KEY_COLS,
           "(?,?,?,?,?,?,?,?,?,?,?,?,?,?" KEY_CELLS ")")
STAGE_PAIR(stage_payments, "stage_payments",
           "import_id, line, account_number, paid_at, amount, channel, bank, source_id",
           "(?,?,?,?,?,?,?,?)")
STAGE_PAIR(stage_readings, "stage_readings",
           "import_id, line, account_number, meter_number, zone, taken_on, value_milli",
           "(?,?,?,?,?,?,?)")

#define STAGE_DELETE(v, table)                                                                     \
	static struct db_stmt v##_delete = {"exchange." #v "_delete",                              \
	                                    "DELETE FROM " table " WHERE import_id = ?", NULL, 0,  \
	                                    NULL};
STAGE_PAIR(stage_tariffs, "stage_tariffs",
           "import_id, line, plan_code, service_code, name_ru, name_en, zones, public, valid_from, "
           "valid_to, tiers, vat_bp, vat_included, month_days_x10, tier, zone, price, lim_gas, "
           "lim_gas_alone, lim_estove, lim_estove_alone, vat_by_date, per_household",
           "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
STAGE_DELETE(stage_tariffs, "stage_tariffs")
STAGE_PAIR(stage_tariff_limits, "stage_tariff_limits",
           "import_id, line, plan_code, valid_from, household, residents, season, tier, "
           "limit_milli",
           "(?,?,?,?,?,?,?,?,?)")
STAGE_DELETE(stage_tariff_limits, "stage_tariff_limits")
STAGE_PAIR(stage_charge_lines, "stage_charge_lines",
           "import_id, line, account_number, service_code, period, zone, tier, quantity, tariff, "
           "amount" KEY_COLS,
           "(?,?,?,?,?,?,?,?,?,?" KEY_CELLS ")")
STAGE_DELETE(stage_charge_lines, "stage_charge_lines")
STAGE_PAIR(stage_connections, "stage_connections",
           "import_id, line, account_number, service_code, plan_name, speed_kbps, monthly_fee, "
           "login, ip_address, state" KEY_COLS,
           "(?,?,?,?,?,?,?,?,?,?" KEY_CELLS ")")
STAGE_DELETE(stage_connections, "stage_connections")
STAGE_PAIR(stage_objects, "stage_objects",
           "import_id, line, account_number, service_code, address, object_type, state" KEY_COLS,
           "(?,?,?,?,?,?,?" KEY_CELLS ")")
STAGE_DELETE(stage_objects, "stage_objects")
STAGE_PAIR(stage_events, "stage_events",
           "import_id, line, account_number, service_code, source_id, happened_at, event, zone, "
           "who" KEY_COLS,
           "(?,?,?,?,?,?,?,?,?" KEY_CELLS ")")
STAGE_DELETE(stage_events, "stage_events")
STAGE_PAIR(stage_usage, "stage_usage",
           "import_id, line, account_number, service_code, source_id, kind, started_at, "
           "ended_at, number, bytes_in, bytes_out, cost" KEY_COLS,
           "(?,?,?,?,?,?,?,?,?,?,?,?" KEY_CELLS ")")
STAGE_DELETE(stage_usage, "stage_usage")
STAGE_DELETE(stage_accounts, "stage_accounts")
STAGE_DELETE(stage_services, "stage_services")
STAGE_DELETE(stage_meters, "stage_meters")
STAGE_DELETE(stage_charges, "stage_charges")
STAGE_DELETE(stage_payments, "stage_payments")
STAGE_DELETE(stage_readings, "stage_readings")

struct kind_sql {
	struct db_stmt *one, *batch, *del;
	const char *types; /* S text (NULL if is_null), I integer: one per cell */
};

static const struct kind_sql kinds[SK__N] = {
        [SK_ACCOUNTS] = {&stage_accounts_one, &stage_accounts_batch, &stage_accounts_delete,
                         "SSIISSS"},
        [SK_SERVICES] = {&stage_services_one, &stage_services_batch, &stage_services_delete,
                         "SSSSSSSSSSSSS"},
        [SK_METERS] = {&stage_meters_one, &stage_meters_batch, &stage_meters_delete, "SSSSIIISS"},
        [SK_CHARGES] = {&stage_charges_one, &stage_charges_batch, &stage_charges_delete,
                        "SSSIIIIISIII"},
        [SK_PAYMENTS] = {&stage_payments_one, &stage_payments_batch, &stage_payments_delete,
                         "SSISSS"},
        [SK_READINGS] = {&stage_readings_one, &stage_readings_batch, &stage_readings_delete,
                         "SSISI"},
        [SK_TARIFFS] = {&stage_tariffs_one, &stage_tariffs_batch, &stage_tariffs_delete,
                        "SSSSIISSIIIIIIIIIIIII"},
        [SK_TARIFF_LIMITS] = {&stage_tariff_limits_one, &stage_tariff_limits_batch,
                              &stage_tariff_limits_delete, "SSSISII"},
        [SK_CHARGE_LINES] = {&stage_charge_lines_one, &stage_charge_lines_batch,
                             &stage_charge_lines_delete, "SSSIIIII"},
        [SK_CONNECTIONS] = {&stage_connections_one, &stage_connections_batch,
                            &stage_connections_delete, "SSSIISSS"},
        [SK_OBJECTS] = {&stage_objects_one, &stage_objects_batch, &stage_objects_delete, "SSSSS"},
        [SK_EVENTS] = {&stage_events_one, &stage_events_batch, &stage_events_delete, "SSSSSSS"},
        [SK_USAGE] = {&stage_usage_one, &stage_usage_batch, &stage_usage_delete, "SSSSSSSIII"},
};

#define STAGE_WIDEST 23 /* with the import and the line */
static struct db_arg pending[STAGE_BATCH * STAGE_WIDEST];
static size_t npending; /* rows */

enum perr db_stage_row(enum stage_kind k, uint64_t id, uint64_t line, const struct stage_cell *c)
{
	const char *t = kinds[k].types;
	size_t w = strlen(t) + 2, i;
	struct db_arg *a = pending + npending * w;

	a[0] = DBA_U64(id);
	a[1] = DBA_U64(line);
	for (i = 0; t[i]; i++)
		a[i + 2] = c[i].is_null  ? DBA_NULL
		           : t[i] == 'I' ? DBA_INT(c[i].i)
		                         : DBA_STRN(c[i].s, c[i].len);
	if (++npending < STAGE_BATCH)
		return PERR_OK;
	npending = 0;
	return db_exec(kinds[k].batch, pending, STAGE_BATCH * w, NULL, NULL);
}

enum perr db_stage_flush(enum stage_kind k)
{
	size_t w = strlen(kinds[k].types) + 2, i, n = npending;
	enum perr e = PERR_OK;

	npending = 0;
	for (i = 0; i < n && e == PERR_OK; i++)
		e = db_exec(kinds[k].one, pending + i * w, w, NULL, NULL);
	return e;
}

enum perr db_stage_clear(enum stage_kind k, uint64_t id)
{
	struct db_arg a[] = {DBA_U64(id)};

	return db_exec(kinds[k].del, a, 1, NULL, NULL);
}

enum perr db_import_reset(enum stage_kind k, uint64_t id)
{
	struct db_arg a[] = {DBA_U64(id)};
	enum perr e = db_stage_clear(k, id);

	npending = 0;
	return e != PERR_OK ? e : db_exec(&problems_clear, a, 1, NULL, NULL);
}

/* The organization's currency: a supplier's bank details are checked by its country's rules. */
static struct db_stmt org_currency = {
        "exchange.org_currency", "SELECT currency FROM organizations WHERE id = ?", NULL, 0, NULL};

enum perr db_import_currency(struct arena *ar, unsigned org, const struct currency **cur)
{
	const char *code = NULL;
	struct db_col c[] = {DBC_STR(&code)};
	enum perr e = db_row(ar, &org_currency, (struct db_arg[]){DBA_U64(org)}, 1, c, 1);

	*cur = e == PERR_OK ? currency_find(code ? code : "") : NULL;
	return e == PERR_OK && *cur == NULL ? PERR_DB : e;
}

/* ---------------------------------------------------------------- checks */

/*
 * Arguments of the statements below, in the order of their placeholders:
 * I the import, O the organization, R the reason a penalty is given.
 */
struct step {
	struct db_stmt *stmt;
	const char *args;
	int if_found; /* a check's flagging: run only if its problems' statement found rows */
};

static enum perr run_step(const struct step *s, uint64_t id, unsigned org,
                          unsigned long long *affected)
{
	struct db_arg a[8];
	size_t i;

	for (i = 0; s->args[i]; i++)
		a[i] = s->args[i] == 'I'   ? DBA_U64(id)
		       : s->args[i] == 'O' ? DBA_U64(org)
		                           : DBA_STR("Пени");
	return db_exec(s->stmt, a, i, affected, NULL);
}

/* Resolving keys: the live tables' ids, by the file's numbers and codes. */
#define RESOLVE_ACCOUNT(v, table)                                                                  \
	static struct db_stmt v = {"exchange." #v,                                                 \
	                           "UPDATE " table " s JOIN accounts a ON a.organization_id = ? "  \
	                           "AND a.number = s.account_number SET s.account_id = a.id "      \
	                           "WHERE s.import_id = ?",                                        \
	                           NULL, 0, NULL};
#define RESOLVE_SERVICE(v, table)                                                                  \
	static struct db_stmt v = {"exchange." #v,                                                 \
	                           "UPDATE " table " s JOIN services v ON v.organization_id = ? "  \
	                           "AND v.code = s.service_code SET s.service_id = v.id "          \
	                           "WHERE s.import_id = ?",                                        \
	                           NULL, 0, NULL};
/*
 * Both keys of a row in one statement: each staged row is written once, not
 * once for its account and again for its service (200 000 charge rows took
 * 3.7 s and 4.8 s for the two; a million take 22-23 s for both together).
 * A key not found leaves its id NULL, which the checks below report.
 */
#define RESOLVE_BOTH(v, table)                                                                     \
	static struct db_stmt v = {"exchange." #v,                                                 \
	                           "UPDATE " table " s LEFT JOIN accounts a "                      \
	                           "ON a.organization_id = ? AND a.number = s.account_number "     \
	                           "LEFT JOIN services v ON v.organization_id = ? "                \
	                           "AND v.code = s.service_code "                                  \
	                           "SET s.account_id = a.id, s.service_id = v.id "                 \
	                           "WHERE s.import_id = ?",                                        \
	                           NULL, 0, NULL};
RESOLVE_BOTH(charges_keys, "stage_charges")
RESOLVE_BOTH(lines_keys, "stage_charge_lines")
RESOLVE_BOTH(connections_keys, "stage_connections")
RESOLVE_BOTH(objects_keys, "stage_objects")
RESOLVE_BOTH(events_keys, "stage_events")
RESOLVE_BOTH(usage_keys, "stage_usage")
RESOLVE_BOTH(meters_keys, "stage_meters")
RESOLVE_ACCOUNT(payments_account, "stage_payments")
static struct db_stmt meters_meter = {"exchange.meters_meter",
                                      "UPDATE stage_meters s JOIN meters m ON m.account_id = "
                                      "s.account_id AND m.number = s.number "
                                      "SET s.meter_id = m.id WHERE s.import_id = ?",
                                      NULL, 0, NULL};
/* A reading's value is read in thousandths; the meter says how many decimals it keeps. */
#define SCALE "(CASE m.decimals WHEN 0 THEN 1000 WHEN 1 THEN 100 WHEN 2 THEN 10 ELSE 1 END)"
static struct db_stmt readings_meter = {
        "exchange.readings_meter",
        "UPDATE stage_readings s JOIN accounts a ON a.organization_id = ? "
        "AND a.number = s.account_number JOIN meters m ON m.account_id = a.id "
        "AND m.number = s.meter_number SET s.meter_id = m.id, "
        "s.value = IF(s.value_milli MOD " SCALE " = 0, s.value_milli DIV " SCALE ", NULL) "
        "WHERE s.import_id = ?",
        NULL, 0, NULL};

/* A check: its problems (the first thousand) and the rows it flags. */
#define CHECK(v, table, join, cond, col, val, code, detail)                                        \
	static struct db_stmt v##_p = {                                                            \
	        "exchange." #v "_p",                                                               \
	        "INSERT INTO import_problems (import_id, line, column_name, value, code, detail) " \
	        "SELECT s.import_id, s.line, '" col "', LEFT(" val ", 200), '" code "', " detail   \
	        " FROM " table " s " join " WHERE s.import_id = ? AND " cond                       \
	        " ORDER BY s.line LIMIT 1000",                                                     \
	        NULL, 0, NULL};                                                                    \
	static struct db_stmt v##_f = {"exchange." #v "_f",                                        \
	                               "UPDATE " table " s " join                                  \
	                               " SET s.bad = 1 WHERE s.import_id = ? AND " cond,           \
	                               NULL, 0, NULL};

/* The same key on an earlier line of the file. */
#define DUP_JOIN(table, keys, on)                                                                  \
	"JOIN (SELECT " keys ", MIN(line) AS f0 FROM " table " WHERE import_id = ? GROUP BY " keys \
	" HAVING COUNT(*) > 1) d ON " on

CHECK(accounts_dup, "stage_accounts", DUP_JOIN("stage_accounts", "number", "d.number = s.number"),
      "s.line > d.f0", "number", "s.number", "duplicate", "CONCAT(d.f0)")
CHECK(services_dup, "stage_services", DUP_JOIN("stage_services", "code", "d.code = s.code"),
      "s.line > d.f0", "code", "s.code", "duplicate", "CONCAT(d.f0)")
CHECK(meters_dup, "stage_meters",
      DUP_JOIN("stage_meters", "account_number, number",
               "d.account_number = s.account_number AND d.number = s.number"),
      "s.line > d.f0", "serial", "s.number", "duplicate", "CONCAT(d.f0)")
CHECK(meters_no_account, "stage_meters", "", "s.account_id IS NULL", "account", "s.account_number",
      "unknown-account", "NULL")
CHECK(meters_no_service, "stage_meters", "", "s.service_id IS NULL", "service", "s.service_code",
      "unknown-service", "NULL")
CHECK(charges_dup, "stage_charges",
      DUP_JOIN("stage_charges", "account_number, service_code, period",
               "d.account_number = s.account_number AND d.service_code = s.service_code AND "
               "d.period = s.period"),
      "s.line > d.f0", "account", "s.account_number", "duplicate", "CONCAT(d.f0)")
CHECK(charges_no_account, "stage_charges", "", "s.account_id IS NULL", "account",
      "s.account_number", "unknown-account", "NULL")
CHECK(charges_no_service, "stage_charges", "", "s.service_id IS NULL", "service", "s.service_code",
      "unknown-service", "NULL")
CHECK(payments_dup, "stage_payments",
      DUP_JOIN("stage_payments", "source_id", "d.source_id = s.source_id"), "s.line > d.f0", "id",
      "s.source_id", "duplicate", "CONCAT(d.f0)")
CHECK(payments_no_account, "stage_payments", "", "s.account_id IS NULL", "account",
      "s.account_number", "unknown-account", "NULL")
/* An id already loaded with another account or amount: a source's id names one payment. */
CHECK(payments_conflict, "stage_payments",
      "JOIN payments p ON p.source_org = ? AND p.source_id = s.source_id",
      "(p.account_id <> s.account_id OR p.amount <> s.amount)", "id", "s.source_id", "conflict",
      "CONCAT(p.id)")
CHECK(readings_dup, "stage_readings",
      DUP_JOIN("stage_readings", "account_number, meter_number, zone, taken_on",
               "d.account_number = s.account_number AND d.meter_number = s.meter_number AND "
               "d.zone = s.zone AND d.taken_on = s.taken_on"),
      "s.line > d.f0", "serial", "s.meter_number", "duplicate", "CONCAT(d.f0)")
CHECK(readings_no_meter, "stage_readings", "", "s.meter_id IS NULL", "serial", "s.meter_number",
      "unknown-meter", "NULL")
CHECK(readings_zone, "stage_readings", "JOIN meters m ON m.id = s.meter_id", "s.zone >= m.zones",
      "zone", "CONCAT(s.zone + 1)", "zone", "CONCAT(m.zones)")
CHECK(readings_decimals, "stage_readings", "JOIN meters m ON m.id = s.meter_id", "s.value IS NULL",
      "value", "CONCAT(ROUND(s.value_milli / 1000, 3))", "decimals", "CONCAT(m.decimals)")
CHECK(readings_too_big, "stage_readings", "JOIN meters m ON m.id = s.meter_id",
      "s.value >= POW(10, m.digits + m.decimals)", "value",
      "CONCAT(ROUND(s.value_milli / 1000, 3))", "digits", "CONCAT(m.digits)")

/* Tariffs: a plan's and a version's columns agree on all their rows, a
 * version's grid of tiers and zones is complete, versions do not overlap. */
RESOLVE_SERVICE(tariffs_service, "stage_tariffs")
CHECK(tariffs_no_service, "stage_tariffs", "", "s.service_id IS NULL", "service", "s.service_code",
      "unknown-service", "NULL")
CHECK(tariffs_dup, "stage_tariffs",
      DUP_JOIN("stage_tariffs", "plan_code, valid_from, tier, zone",
               "d.plan_code = s.plan_code AND d.valid_from = s.valid_from AND d.tier = s.tier "
               "AND d.zone = s.zone"),
      "s.line > d.f0", "plan", "s.plan_code", "duplicate", "CONCAT(d.f0)")
#define FIRST_OF(keys, on)                                                                         \
	"JOIN (SELECT " keys                                                                       \
	", MIN(line) AS f0 FROM stage_tariffs WHERE import_id = ? GROUP BY " keys ") d ON " on     \
	" JOIN stage_tariffs f ON f.import_id = s.import_id AND f.line = d.f0"
CHECK(tariffs_plan_differs, "stage_tariffs", FIRST_OF("plan_code", "d.plan_code = s.plan_code"),
      "NOT (f.service_code = s.service_code AND BINARY f.name_ru = BINARY s.name_ru AND "
      "BINARY f.name_en = BINARY s.name_en AND f.zones = s.zones AND f.public = s.public)",
      "plan", "s.plan_code", "plan-differs", "CONCAT(f.line)")
CHECK(tariffs_version_differs, "stage_tariffs",
      FIRST_OF("plan_code, valid_from",
               "d.plan_code = s.plan_code AND d.valid_from = s.valid_from"),
      "NOT (f.valid_to = s.valid_to AND f.tiers = s.tiers AND f.vat_bp = s.vat_bp AND "
      "f.vat_included = s.vat_included AND f.month_days_x10 <=> s.month_days_x10 AND "
      "f.vat_by_date = s.vat_by_date AND f.per_household = s.per_household)",
      "valid_from", "s.valid_from", "version-differs", "CONCAT(f.line)")
CHECK(tariffs_grid, "stage_tariffs",
      "JOIN (SELECT plan_code, valid_from, COUNT(*) AS c0, MIN(tiers) AS t0, MIN(zones) AS z0 "
      "FROM stage_tariffs WHERE import_id = ? GROUP BY plan_code, valid_from) d "
      "ON d.plan_code = s.plan_code AND d.valid_from = s.valid_from",
      "d.c0 <> d.t0 * d.z0", "tier", "CONCAT(s.tier + 1)", "grid", "CONCAT(d.t0 * d.z0)")
CHECK(tariffs_overlap, "stage_tariffs",
      "JOIN (SELECT plan_code, valid_from, MIN(valid_to) AS t1 FROM stage_tariffs "
      "WHERE import_id = ? GROUP BY plan_code, valid_from) d ON d.plan_code = s.plan_code "
      "AND d.valid_from <> s.valid_from AND d.valid_from <= s.valid_to AND d.t1 >= s.valid_from",
      "TRUE", "valid_from", "s.valid_from", "overlap", "CONCAT(d.valid_from)")
CHECK(tariffs_overlap_live, "stage_tariffs",
      "JOIN tariff_plans p ON p.organization_id = ? AND p.code = s.plan_code "
      "JOIN tariffs t ON t.plan_id = p.id AND t.valid_from <> s.valid_from "
      "AND t.valid_from <= s.valid_to AND t.valid_to >= s.valid_from",
      "TRUE", "valid_from", "s.valid_from", "overlap", "CONCAT(t.valid_from)")

/* Limits by residents, season or electric heating: each names a version
 * loaded before, a tier below its last, and is not a plain limit (those are
 * the tariffs file's). */
static struct db_stmt limits_version = {
        "exchange.limits_version",
        "UPDATE stage_tariff_limits s JOIN tariff_plans p ON p.organization_id = ? "
        "AND p.code = s.plan_code JOIN tariffs t ON t.plan_id = p.id "
        "AND t.valid_from = s.valid_from SET s.tariff_id = t.id, s.tiers = t.tiers "
        "WHERE s.import_id = ?",
        NULL, 0, NULL};
/* A plain limit (the tariffs file's own): one of its four households, any number of
 * residents, any season.  t: the table's alias. */
#define PLAIN_LIMIT(t)                                                                             \
	"(" t ".household <> 'eheating' AND " t ".residents = 0 AND " t ".season = 'any')"
CHECK(limits_no_version, "stage_tariff_limits", "", "s.tariff_id IS NULL", "valid_from",
      "CONCAT(s.plan_code, ' ', s.valid_from)", "unknown-version", "NULL")
CHECK(limits_dup, "stage_tariff_limits",
      DUP_JOIN("stage_tariff_limits", "plan_code, valid_from, household, residents, season, tier",
               "d.plan_code = s.plan_code AND d.valid_from = s.valid_from AND "
               "d.household = s.household AND d.residents = s.residents AND "
               "d.season = s.season AND d.tier = s.tier"),
      "s.line > d.f0", "tier", "CONCAT(s.tier + 1)", "duplicate", "CONCAT(d.f0)")
CHECK(limits_tier, "stage_tariff_limits", "", "s.tier + 1 >= s.tiers", "tier",
      "CONCAT(s.tier + 1)", "tier-range", "NULL")
CHECK(limits_plain, "stage_tariff_limits", "", PLAIN_LIMIT("s"), "household", "s.household",
      "plain-limit", "NULL")

/*
 * A charge's lines (sql/045): each names a row of the ledger loaded before
 * (the charges file first), says its amount as its volume times its price
 * (rounded once to the minor unit, one either way for a price with VAT added
 * that was itself rounded to four decimals), and together the lines of a row
 * give its quantity and its charge.  A sum that differs is told on the row's
 * first line, with the ledger's figure.
 */
#define LINE_ROW                                                                                   \
	"l.account_id = s.account_id AND l.period = s.period AND l.service_id = s.service_id"
CHECK(lines_dup, "stage_charge_lines",
      DUP_JOIN("stage_charge_lines", "account_number, service_code, period, zone, tier, tariff",
               "d.account_number = s.account_number AND d.service_code = s.service_code AND "
               "d.period = s.period AND d.zone = s.zone AND d.tier = s.tier AND "
               "d.tariff = s.tariff"),
      "s.line > d.f0", "zone", "CONCAT(s.zone)", "duplicate", "CONCAT(d.f0)")
CHECK(lines_no_account, "stage_charge_lines", "", "s.account_id IS NULL", "account",
      "s.account_number", "unknown-account", "NULL")
CHECK(lines_no_service, "stage_charge_lines", "", "s.service_id IS NULL", "service",
      "s.service_code", "unknown-service", "NULL")
CHECK(lines_no_charge, "stage_charge_lines", "LEFT JOIN ledger l ON " LINE_ROW,
      "s.account_id IS NOT NULL AND s.service_id IS NOT NULL AND l.account_id IS NULL", "period",
      "DATE_FORMAT(s.period, '%Y-%m')", "no-charge", "NULL")
CHECK(lines_arithmetic, "stage_charge_lines", "",
      "ABS(s.amount - ROUND(s.quantity * s.tariff / 100000)) > 1", "charge",
      "ROUND(s.amount / 100, 2)", "line-arithmetic",
      "CONCAT(ROUND(ROUND(s.quantity * s.tariff / 100000) / 100, 2))")
#define LINE_SUMS                                                                                  \
	"JOIN (SELECT account_id, service_id, period, MIN(line) AS f0, SUM(quantity) AS q, "       \
	"SUM(amount) AS m FROM stage_charge_lines WHERE import_id = ? GROUP BY account_id, "       \
	"service_id, period) g ON g.account_id = s.account_id AND g.service_id = s.service_id "    \
	"AND g.period = s.period JOIN ledger l ON " LINE_ROW
CHECK(lines_quantity_sum, "stage_charge_lines", LINE_SUMS, "s.line = g.f0 AND g.q <> l.quantity",
      "quantity", "CONCAT(ROUND(g.q / 1000, 3))", "lines-quantity", "CONCAT(ROUND(l.quantity / 1000, 3))")
CHECK(lines_charge_sum, "stage_charge_lines", LINE_SUMS, "s.line = g.f0 AND g.m <> l.accrued",
      "charge", "CONCAT(ROUND(g.m / 100, 2))", "lines-charge", "CONCAT(ROUND(l.accrued / 100, 2))")

CHECK(connections_dup, "stage_connections",
      DUP_JOIN("stage_connections", "account_number, service_code",
               "d.account_number = s.account_number AND d.service_code = s.service_code"),
      "s.line > d.f0", "service", "s.service_code", "duplicate", "CONCAT(d.f0)")
CHECK(connections_no_account, "stage_connections", "", "s.account_id IS NULL", "account",
      "s.account_number", "unknown-account", "NULL")
CHECK(connections_no_service, "stage_connections", "", "s.service_id IS NULL", "service",
      "s.service_code", "unknown-service", "NULL")

CHECK(objects_dup, "stage_objects",
      DUP_JOIN("stage_objects", "account_number, service_code",
               "d.account_number = s.account_number AND d.service_code = s.service_code"),
      "s.line > d.f0", "service", "s.service_code", "duplicate", "CONCAT(d.f0)")
CHECK(objects_no_account, "stage_objects", "", "s.account_id IS NULL", "account",
      "s.account_number", "unknown-account", "NULL")
CHECK(objects_no_service, "stage_objects", "", "s.service_id IS NULL", "service", "s.service_code",
      "unknown-service", "NULL")
CHECK(events_dup, "stage_events",
      DUP_JOIN("stage_events", "account_number, service_code, source_id",
               "d.account_number = s.account_number AND d.service_code = s.service_code AND "
               "d.source_id = s.source_id"),
      "s.line > d.f0", "id", "s.source_id", "duplicate", "CONCAT(d.f0)")
CHECK(events_no_account, "stage_events", "", "s.account_id IS NULL", "account", "s.account_number",
      "unknown-account", "NULL")
CHECK(events_no_service, "stage_events", "", "s.service_id IS NULL", "service", "s.service_code",
      "unknown-service", "NULL")
/* An event of an object not loaded (the objects file first). */
CHECK(events_no_object, "stage_events",
      "LEFT JOIN guarded_objects g ON g.account_id = s.account_id AND g.service_id = s.service_id",
      "s.account_id IS NOT NULL AND s.service_id IS NOT NULL AND g.account_id IS NULL", "service",
      "s.service_code", "no-object", "NULL")
CHECK(usage_dup, "stage_usage",
      DUP_JOIN("stage_usage", "account_number, service_code, source_id",
               "d.account_number = s.account_number AND d.service_code = s.service_code AND "
               "d.source_id = s.source_id"),
      "s.line > d.f0", "id", "s.source_id", "duplicate", "CONCAT(d.f0)")
CHECK(usage_no_account, "stage_usage", "", "s.account_id IS NULL", "account", "s.account_number",
      "unknown-account", "NULL")
CHECK(usage_no_service, "stage_usage", "", "s.service_id IS NULL", "service", "s.service_code",
      "unknown-service", "NULL")

#define COUNT_BAD(v, table)                                                                        \
	static struct db_stmt v = {                                                                \
	        "exchange." #v, "SELECT COUNT(*) FROM " table " WHERE import_id = ? AND bad = 1",  \
	        NULL, 0, NULL};
COUNT_BAD(accounts_bad, "stage_accounts")
COUNT_BAD(services_bad, "stage_services")
COUNT_BAD(meters_bad, "stage_meters")
COUNT_BAD(charges_bad, "stage_charges")
COUNT_BAD(payments_bad, "stage_payments")
COUNT_BAD(readings_bad, "stage_readings")
COUNT_BAD(tariffs_bad, "stage_tariffs")
COUNT_BAD(tariff_limits_bad, "stage_tariff_limits")
COUNT_BAD(charge_lines_bad, "stage_charge_lines")
COUNT_BAD(connections_bad, "stage_connections")
COUNT_BAD(objects_bad, "stage_objects")
COUNT_BAD(events_bad, "stage_events")
COUNT_BAD(usage_bad, "stage_usage")

#define DUP_ARGS "I"
#define PAIR(v, args)                                                                              \
	{&v##_p, args "I", 0},                                                                     \
	{                                                                                          \
		&v##_f, args "I", 1                                                                \
	}

static const struct step checks[SK__N][20] = {
        [SK_ACCOUNTS] = {PAIR(accounts_dup, DUP_ARGS)},
        [SK_SERVICES] = {PAIR(services_dup, DUP_ARGS)},
        [SK_METERS] = {{&meters_keys, "OOI"},
                       {&meters_meter, "I"},
                       PAIR(meters_dup, DUP_ARGS),
                       PAIR(meters_no_account, ""),
                       PAIR(meters_no_service, "")},
        [SK_CHARGES] = {{&charges_keys, "OOI"},
                        PAIR(charges_dup, DUP_ARGS),
                        PAIR(charges_no_account, ""),
                        PAIR(charges_no_service, "")},
        [SK_PAYMENTS] = {{&payments_account, "OI"},
                         PAIR(payments_dup, DUP_ARGS),
                         PAIR(payments_no_account, ""),
                         PAIR(payments_conflict, "O")},
        [SK_READINGS] = {{&readings_meter, "OI"},
                         PAIR(readings_dup, DUP_ARGS),
                         PAIR(readings_no_meter, ""),
                         PAIR(readings_zone, ""),
                         PAIR(readings_decimals, ""),
                         PAIR(readings_too_big, "")},
        [SK_TARIFFS] = {{&tariffs_service, "OI"},
                        PAIR(tariffs_no_service, ""),
                        PAIR(tariffs_dup, DUP_ARGS),
                        PAIR(tariffs_plan_differs, "I"),
                        PAIR(tariffs_version_differs, "I"),
                        PAIR(tariffs_grid, "I"),
                        PAIR(tariffs_overlap, "I"),
                        PAIR(tariffs_overlap_live, "O")},
        [SK_TARIFF_LIMITS] = {{&limits_version, "OI"},
                              PAIR(limits_no_version, ""),
                              PAIR(limits_dup, DUP_ARGS),
                              PAIR(limits_tier, ""),
                              PAIR(limits_plain, "")},
        [SK_CHARGE_LINES] = {{&lines_keys, "OOI"},
                             PAIR(lines_dup, DUP_ARGS),
                             PAIR(lines_no_account, ""),
                             PAIR(lines_no_service, ""),
                             PAIR(lines_no_charge, ""),
                             PAIR(lines_arithmetic, ""),
                             PAIR(lines_quantity_sum, "I"),
                             PAIR(lines_charge_sum, "I")},
        [SK_CONNECTIONS] = {{&connections_keys, "OOI"},
                            PAIR(connections_dup, DUP_ARGS),
                            PAIR(connections_no_account, ""),
                            PAIR(connections_no_service, "")},
        [SK_OBJECTS] = {{&objects_keys, "OOI"},
                        PAIR(objects_dup, DUP_ARGS),
                        PAIR(objects_no_account, ""),
                        PAIR(objects_no_service, "")},
        [SK_EVENTS] = {{&events_keys, "OOI"},
                       PAIR(events_dup, DUP_ARGS),
                       PAIR(events_no_account, ""),
                       PAIR(events_no_service, ""),
                       PAIR(events_no_object, "")},
        [SK_USAGE] = {{&usage_keys, "OOI"},
                      PAIR(usage_dup, DUP_ARGS),
                      PAIR(usage_no_account, ""),
                      PAIR(usage_no_service, "")},
};
static struct db_stmt *const count_bad[SK__N] = {
        &accounts_bad, &services_bad, &meters_bad,        &charges_bad,      &payments_bad,
        &readings_bad, &tariffs_bad,  &tariff_limits_bad, &charge_lines_bad, &connections_bad,
        &objects_bad,  &events_bad,   &usage_bad};

enum perr db_stage_check(enum stage_kind k, uint64_t id, unsigned org, uint64_t *bad)
{
	struct db_arg a[] = {DBA_U64(id)};
	struct db_col c[] = {DBC_U64(bad)};
	unsigned long long found = 0;
	size_t i;
	enum perr e;

	/* A check's flagging reads what its problems' statement read, by the same
	 * condition: when that found no row, it would find none (a million staged
	 * rows read again for each check, 1-3 s each, for nothing). */
	for (i = 0; i < 20 && checks[k][i].stmt != NULL; i++) {
		if (checks[k][i].if_found && found == 0)
			continue;
		if ((e = run_step(&checks[k][i], id, org, &found)) != PERR_OK)
			return e;
	}
	return db_row(NULL, count_bad[k], a, 1, c, 1);
}

/* ---------------------------------------------------------------- the dry run */

/* Text compared byte for byte: a name whose case changed has changed. */
#define ACC_JOIN "LEFT JOIN accounts a ON a.organization_id = ? AND a.number = s.number"
#define ACC_EQ                                                                                     \
	"BINARY a.payer_name = BINARY s.payer_name AND BINARY a.address = BINARY s.address AND "   \
	"a.area_centi_m2 = s.area AND a.residents = s.residents AND "                              \
	"BINARY a.phone <=> BINARY s.phone AND BINARY a.email <=> BINARY s.email"
#define ACC_KEY "s.number"
#define ACC_TEXT(t, area)                                                                          \
	"CONCAT_WS(' | ', " t ".payer_name, " t ".address, ROUND(" t "." area " / 100, 2), " t     \
	".residents, " t ".phone, " t ".email)"

#define SVC_JOIN                                                                                   \
	"LEFT JOIN services v ON v.organization_id = ? AND v.code = s.code "                       \
	"LEFT JOIN suppliers p ON p.id = v.supplier_id"
#define SVC_EQ                                                                                     \
	"BINARY v.name_ru = BINARY s.name_ru AND BINARY v.name_en = BINARY s.name_en AND "         \
	"v.unit = s.unit AND p.inn = s.supplier_inn AND BINARY p.name = BINARY s.supplier_name "   \
	"AND p.phone = s.supplier_phone AND p.kpp <=> s.supplier_kpp AND "                         \
	"BINARY p.bank_name <=> BINARY s.supplier_bank_name AND p.bic <=> s.supplier_bic AND "     \
	"p.bank_account <=> s.supplier_account AND p.corr_account <=> s.supplier_corr_account "    \
	"AND BINARY p.short_name <=> BINARY s.supplier_qr_name"
#define SVC_KEY    "s.code"
#define SVC_BEFORE                                                                                 \
	"CONCAT_WS(' | ', v.name_ru, v.name_en, v.unit, p.name, p.inn, p.phone, p.bic, "           \
	"p.bank_account)"
#define SVC_AFTER                                                                                  \
	"CONCAT_WS(' | ', s.name_ru, s.name_en, s.unit, s.supplier_name, s.supplier_inn, "         \
	"s.supplier_phone, s.supplier_bic, s.supplier_account)"

#define MET_JOIN "LEFT JOIN meters m ON m.id = s.meter_id"
#define MET_EQ                                                                                     \
	"m.service_id = s.service_id AND m.kind = s.kind AND m.zones = s.zones AND "               \
	"m.digits = s.digits AND m.decimals = s.decimals AND m.installed_on = s.installed_on "     \
	"AND m.verification_due <=> s.verification_due"
#define MET_KEY "CONCAT(s.account_number, ' / ', s.number)"
#define MET_TEXT(t)                                                                                \
	"CONCAT_WS(' | ', " t ".kind, " t ".zones, " t ".digits, " t ".decimals, " t               \
	".installed_on, " t ".verification_due)"

#define CHG_JOIN                                                                                   \
	"LEFT JOIN ledger l ON l.account_id = s.account_id AND l.period = s.period "               \
	"AND l.service_id = s.service_id"
#define CHG_EQ                                                                                     \
	"l.tariff = s.tariff AND l.quantity = s.quantity AND l.opening = s.opening AND "           \
	"l.accrued = s.accrued AND l.corrections = s.recalc + s.penalties AND l.paid = s.paid "    \
	"AND l.closing = s.closing"
#define CHG_KEY "CONCAT_WS(' / ', s.account_number, s.service_code, DATE_FORMAT(s.period, '%Y-%m'))"
#define CHG_BEFORE                                                                                 \
	"CONCAT_WS(' | ', ROUND(l.opening / 100, 2), ROUND(l.accrued / 100, 2), "                  \
	"ROUND(l.corrections / 100, 2), ROUND(l.paid / 100, 2), "                                  \
	"ROUND(l.closing / 100, 2))"
#define CHG_AFTER                                                                                  \
	"CONCAT_WS(' | ', ROUND(s.opening / 100, 2), ROUND(s.accrued / 100, 2), ROUND((s.recalc "  \
	"+ s.penalties) / 100, 2), "                                                               \
	"ROUND(s.paid / 100, 2), ROUND(s.closing / 100, 2))"

#define PAY_JOIN   "LEFT JOIN payments p ON p.source_org = ? AND p.source_id = s.source_id"
#define PAY_EQ     "TRUE"
#define PAY_KEY    "s.source_id"
#define PAY_BEFORE "CONCAT_WS(' | ', p.paid_at, ROUND(p.amount / 100, 2), p.channel)"
#define PAY_AFTER                                                                                  \
	"CONCAT_WS(' | ', s.account_number, s.paid_at, ROUND(s.amount / 100, 2), s.channel)"

/*
 * A reading is as the file says when any accepted reading of its meter, zone
 * and day has its value (the subscriber's own, say: a file exported and
 * loaded back changes nothing).  Otherwise the billing system's own reading
 * of that day (source import) is written or corrected.
 */
#define RDG_SAME                                                                                   \
	"SELECT 1 FROM readings u WHERE u.meter_id = s.meter_id AND u.zone = s.zone "              \
	"AND u.taken_on = s.taken_on AND u.status = 'accepted' AND u.value = s.value"
#define RDG_OURS                                                                                   \
	"SELECT 1 FROM readings r WHERE r.meter_id = s.meter_id AND r.zone = s.zone "              \
	"AND r.taken_on = s.taken_on AND r.source = 'import'"
static struct db_stmt readings_diff = {
        "exchange.readings_diff",
        "SELECT COALESCE(SUM(NOT EXISTS (" RDG_OURS ") AND NOT EXISTS (" RDG_SAME ")), 0), "
        "COALESCE(SUM(EXISTS (" RDG_SAME ")), 0), COUNT(*) FROM stage_readings s "
        "WHERE s.import_id = ?",
        NULL, 0, NULL};
static struct db_stmt readings_changes = {
        "exchange.readings_changes",
        "SELECT s.line, CONCAT_WS(' / ', s.account_number, s.meter_number, s.zone + 1, "
        "s.taken_on), "
        "(SELECT CONCAT_WS(' | ', r.value, r.status) FROM readings r WHERE r.meter_id = s.meter_id "
        "AND r.zone = s.zone AND r.taken_on = s.taken_on AND r.source = 'import' LIMIT 1), "
        "CONCAT(s.value) FROM stage_readings s WHERE s.import_id = ? AND NOT EXISTS (" RDG_SAME ") "
        "ORDER BY s.line LIMIT ?",
        NULL, 0, NULL};

#define DIFF(v, table, join, x, eq)                                                                \
	static struct db_stmt v = {"exchange." #v,                                                 \
	                           "SELECT COALESCE(SUM(" x " IS NULL), 0), "                      \
	                           "COALESCE(SUM(" x " IS NOT NULL AND " eq "), 0), COUNT(*) "     \
	                           "FROM " table " s " join " WHERE s.import_id = ?",              \
	                           NULL, 0, NULL};
#define CHANGES(v, table, join, x, eq, key, before, after)                                         \
	static struct db_stmt v = {"exchange." #v,                                                 \
	                           "SELECT s.line, " key ", IF(" x " IS NULL, NULL, " before       \
	                           "), " after " FROM " table " s " join                           \
	                           " WHERE s.import_id = ? AND (" x " IS NULL OR NOT (" eq         \
	                           ")) ORDER BY s.line LIMIT ?",                                   \
	                           NULL, 0, NULL};

DIFF(accounts_diff, "stage_accounts", ACC_JOIN, "a.id", ACC_EQ)
DIFF(services_diff, "stage_services", SVC_JOIN, "v.id", SVC_EQ)
DIFF(meters_diff, "stage_meters", MET_JOIN, "m.id", MET_EQ)
DIFF(charges_diff, "stage_charges", CHG_JOIN, "l.account_id", CHG_EQ)
DIFF(payments_diff, "stage_payments", PAY_JOIN, "p.id", PAY_EQ)
CHANGES(accounts_changes, "stage_accounts", ACC_JOIN, "a.id", ACC_EQ, ACC_KEY,
        ACC_TEXT("a", "area_centi_m2"), ACC_TEXT("s", "area"))
CHANGES(services_changes, "stage_services", SVC_JOIN, "v.id", SVC_EQ, SVC_KEY, SVC_BEFORE,
        SVC_AFTER)
CHANGES(meters_changes, "stage_meters", MET_JOIN, "m.id", MET_EQ, MET_KEY, MET_TEXT("m"),
        MET_TEXT("s"))
CHANGES(charges_changes, "stage_charges", CHG_JOIN, "l.account_id", CHG_EQ, CHG_KEY, CHG_BEFORE,
        CHG_AFTER)
CHANGES(payments_changes, "stage_payments", PAY_JOIN, "p.id", PAY_EQ, PAY_KEY, PAY_BEFORE,
        PAY_AFTER)

#define TRF_JOIN                                                                                   \
	"LEFT JOIN tariff_plans p ON p.organization_id = ? AND p.code = s.plan_code "              \
	"LEFT JOIN tariffs t ON t.plan_id = p.id AND t.valid_from = s.valid_from "                 \
	"LEFT JOIN tariff_prices x ON x.tariff_id = t.id AND x.tier = s.tier AND x.zone = s.zone"
#define TRF_LIMIT(h, col)                                                                          \
	"(SELECT l.limit_milli FROM tariff_limits l WHERE l.tariff_id = t.id AND "                 \
	"l.household = '" h "' AND l.residents = 0 AND l.season = 'any' AND l.tier = s.tier) "    \
	"<=> s." col
#define TRF_EQ                                                                                     \
	"p.service_id = s.service_id AND BINARY p.name_ru = BINARY s.name_ru AND "                 \
	"BINARY p.name_en = BINARY s.name_en AND p.zones = s.zones AND p.public = s.public AND "   \
	"t.valid_to = s.valid_to AND t.tiers = s.tiers AND t.vat_bp = s.vat_bp AND "               \
	"t.vat_included = s.vat_included AND t.month_days_x10 <=> s.month_days_x10 AND "           \
	"t.vat_by_date = s.vat_by_date AND t.limit_per_household = s.per_household AND "           \
	"x.price = s.price AND " TRF_LIMIT("gas", "lim_gas") " AND " TRF_LIMIT(                    \
	        "gas-alone",                                                                       \
	        "lim_gas_alone") " AND " TRF_LIMIT("estove",                                       \
	                                           "lim_estove") " AND " TRF_LIMIT("estove-alone", \
	                                                                           "lim_estove_"   \
	                                                                           "alone")
#define TRF_KEY    "CONCAT_WS(' / ', s.plan_code, s.valid_from, s.tier + 1, s.zone + 1)"
#define TRF_BEFORE "CONCAT_WS(' | ', t.valid_to, ROUND(x.price / 10000, 4))"
#define TRF_AFTER  "CONCAT_WS(' | ', s.valid_to, ROUND(s.price / 10000, 4))"
DIFF(tariffs_diff, "stage_tariffs", TRF_JOIN, "x.tariff_id", TRF_EQ)
#define LIM_JOIN                                                                                   \
	"LEFT JOIN tariff_limits l ON l.tariff_id = s.tariff_id AND l.household = s.household "    \
	"AND l.residents = s.residents AND l.season = s.season AND l.tier = s.tier"
#define LIM_EQ "l.limit_milli = s.limit_milli"
#define LIM_KEY                                                                                    \
	"CONCAT_WS(' / ', s.plan_code, s.valid_from, s.household, s.residents, s.season, "         \
	"s.tier + 1)"
#define LIM_BEFORE "CONCAT(ROUND(l.limit_milli / 1000, 3))"
#define LIM_AFTER  "CONCAT(ROUND(s.limit_milli / 1000, 3))"
DIFF(tariff_limits_diff, "stage_tariff_limits", LIM_JOIN, "l.tariff_id", LIM_EQ)
CHANGES(tariff_limits_changes, "stage_tariff_limits", LIM_JOIN, "l.tariff_id", LIM_EQ, LIM_KEY,
        LIM_BEFORE, LIM_AFTER)
#define LIN_JOIN                                                                                   \
	"LEFT JOIN ledger_lines l ON l.account_id = s.account_id AND l.period = s.period "         \
	"AND l.service_id = s.service_id AND l.zone = s.zone AND l.tier = s.tier "                 \
	"AND l.tariff = s.tariff"
#define LIN_EQ "l.quantity = s.quantity AND l.amount = s.amount"
#define LIN_KEY                                                                                    \
	"CONCAT_WS(' / ', s.account_number, s.service_code, DATE_FORMAT(s.period, '%Y-%m'), "      \
	"s.zone, s.tier, ROUND(s.tariff / 10000, 4))"
#define LIN_TEXT(t)                                                                                \
	"CONCAT_WS(' | ', ROUND(" t ".quantity / 1000, 3), ROUND(" t ".amount / 100, 2))"
DIFF(charge_lines_diff, "stage_charge_lines", LIN_JOIN, "l.account_id", LIN_EQ)
CHANGES(charge_lines_changes, "stage_charge_lines", LIN_JOIN, "l.account_id", LIN_EQ, LIN_KEY,
        LIN_TEXT("l"), LIN_TEXT("s"))
CHANGES(tariffs_changes, "stage_tariffs", TRF_JOIN, "x.tariff_id", TRF_EQ, TRF_KEY, TRF_BEFORE,
        TRF_AFTER)
#define CON_JOIN                                                                                   \
	"LEFT JOIN connections c ON c.account_id = s.account_id AND c.service_id = s.service_id"
#define CON_EQ                                                                                     \
	"BINARY c.plan_name = BINARY s.plan_name AND c.speed_kbps = s.speed_kbps AND "             \
	"c.monthly_fee = s.monthly_fee AND BINARY c.login = BINARY s.login AND "                   \
	"c.ip_address <=> s.ip_address AND c.state = s.state"
#define CON_KEY "CONCAT_WS(' / ', s.account_number, s.service_code)"
#define CON_TEXT(t)                                                                                \
	"CONCAT_WS(' | ', " t ".plan_name, " t ".speed_kbps, ROUND(" t                             \
	".monthly_fee / 100, 2), " t ".login, " t ".ip_address, " t ".state)"
DIFF(connections_diff, "stage_connections", CON_JOIN, "c.account_id", CON_EQ)
#define OBJ_JOIN                                                                                   \
	"LEFT JOIN guarded_objects g ON g.account_id = s.account_id AND g.service_id = "           \
	"s.service_id"
#define OBJ_EQ                                                                                     \
	"BINARY g.address = BINARY s.address AND BINARY g.object_type = BINARY s.object_type AND " \
	"g.state = s.state"
#define OBJ_TEXT(t) "CONCAT_WS(' | ', " t ".address, " t ".object_type, " t ".state)"
DIFF(objects_diff, "stage_objects", OBJ_JOIN, "g.account_id", OBJ_EQ)
CHANGES(objects_changes, "stage_objects", OBJ_JOIN, "g.account_id", OBJ_EQ, CON_KEY, OBJ_TEXT("g"),
        OBJ_TEXT("s"))
#define EVT_JOIN                                                                                   \
	"LEFT JOIN object_events x ON x.account_id = s.account_id AND x.service_id = "             \
	"s.service_id "                                                                            \
	"AND x.source_id = s.source_id"
#define EVT_EQ                                                                                     \
	"x.happened_at = s.happened_at AND x.event = s.event AND BINARY x.zone <=> BINARY s.zone " \
	"AND BINARY x.who <=> BINARY s.who"
#define EVT_KEY     "CONCAT_WS(' / ', s.account_number, s.service_code, s.source_id)"
#define EVT_TEXT(t) "CONCAT_WS(' | ', " t ".happened_at, " t ".event, " t ".zone, " t ".who)"
DIFF(events_diff, "stage_events", EVT_JOIN, "x.id", EVT_EQ)
CHANGES(events_changes, "stage_events", EVT_JOIN, "x.id", EVT_EQ, EVT_KEY, EVT_TEXT("x"),
        EVT_TEXT("s"))
#define USE_JOIN                                                                                   \
	"LEFT JOIN usage_records x ON x.account_id = s.account_id AND x.service_id = "             \
	"s.service_id AND x.source_id = s.source_id"
#define USE_EQ                                                                                     \
	"x.kind = s.kind AND x.started_at = s.started_at AND x.ended_at = s.ended_at AND "         \
	"BINARY x.number <=> BINARY s.number AND x.bytes_in <=> s.bytes_in AND "                   \
	"x.bytes_out <=> s.bytes_out AND x.cost <=> s.cost"
#define USE_TEXT(t)                                                                                \
	"CONCAT_WS(' | ', " t ".kind, " t ".started_at, " t ".ended_at, " t ".number, " t          \
	".bytes_in, " t ".bytes_out, ROUND(" t ".cost / 100, 2))"
DIFF(usage_diff, "stage_usage", USE_JOIN, "x.id", USE_EQ)
CHANGES(usage_changes, "stage_usage", USE_JOIN, "x.id", USE_EQ, EVT_KEY, USE_TEXT("x"),
        USE_TEXT("s"))
CHANGES(connections_changes, "stage_connections", CON_JOIN, "c.account_id", CON_EQ, CON_KEY,
        CON_TEXT("c"), CON_TEXT("s"))

/* Which kinds' joins take the organization first. */
static const struct {
	struct db_stmt *diff, *changes;
	int org_first;
} dry[SK__N] = {
        [SK_ACCOUNTS] = {&accounts_diff, &accounts_changes, 1},
        [SK_SERVICES] = {&services_diff, &services_changes, 1},
        [SK_METERS] = {&meters_diff, &meters_changes, 0},
        [SK_CHARGES] = {&charges_diff, &charges_changes, 0},
        [SK_PAYMENTS] = {&payments_diff, &payments_changes, 1},
        [SK_READINGS] = {&readings_diff, &readings_changes, 0},
        [SK_TARIFFS] = {&tariffs_diff, &tariffs_changes, 1},
        [SK_TARIFF_LIMITS] = {&tariff_limits_diff, &tariff_limits_changes, 0},
        [SK_CHARGE_LINES] = {&charge_lines_diff, &charge_lines_changes, 0},
        [SK_CONNECTIONS] = {&connections_diff, &connections_changes, 0},
        [SK_OBJECTS] = {&objects_diff, &objects_changes, 0},
        [SK_EVENTS] = {&events_diff, &events_changes, 0},
        [SK_USAGE] = {&usage_diff, &usage_changes, 0},
};

enum perr db_stage_diff(enum stage_kind k, uint64_t id, unsigned org, uint64_t *n_new,
                        uint64_t *changed, uint64_t *unchanged)
{
	uint64_t total = 0;
	struct db_arg a[] = {DBA_U64(org), DBA_U64(id)};
	struct db_col c[] = {DBC_U64(n_new), DBC_U64(unchanged), DBC_U64(&total)};
	int o = dry[k].org_first;
	enum perr e = db_row(NULL, dry[k].diff, a + !o, 1 + o, c, 3);

	if (e != PERR_OK)
		return e;
	*changed = total - *n_new - *unchanged;
	return PERR_OK;
}

struct change_it {
	struct stage_change ch;
	enum perr (*each)(void *, const struct stage_change *);
	void *ctx;
};

static enum perr change_each(void *p)
{
	struct change_it *it = p;

	return it->each(it->ctx, &it->ch);
}

enum perr db_stage_changes(struct arena *ar, enum stage_kind k, uint64_t id, unsigned org,
                           unsigned limit, enum perr (*each)(void *, const struct stage_change *),
                           void *ctx)
{
	struct change_it it;
	struct db_arg a[] = {DBA_U64(org), DBA_U64(id), DBA_U64(limit)};
	struct db_col c[] = {DBC_U64(&it.ch.line), DBC_STR(&it.ch.key), DBC_STR(&it.ch.before),
	                     DBC_STR(&it.ch.after)};
	int o = dry[k].org_first;

	memset(&it, 0, sizeof(it));
	it.each = each;
	it.ctx = ctx;
	return db_rows(ar, dry[k].changes, a + !o, 2 + o, c, 4, change_each, &it);
}

/* ---------------------------------------------------------------- applying */

static struct db_stmt accounts_update = {
        "exchange.accounts_update",
        "UPDATE accounts a JOIN stage_accounts s ON s.import_id = ? AND a.organization_id = ? "
        "AND a.number = s.number SET a.payer_name = s.payer_name, a.address = s.address, "
        "a.area_centi_m2 = s.area, a.residents = s.residents, a.phone = s.phone, a.email = s.email",
        NULL, 0, NULL};
static struct db_stmt accounts_insert = {
        "exchange.accounts_insert",
        "INSERT INTO accounts (organization_id, number, payer_name, address, residents, "
        "area_centi_m2, phone, email) SELECT ?, s.number, s.payer_name, s.address, s.residents, "
        "s.area, s.phone, s.email FROM stage_accounts s WHERE s.import_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM accounts a WHERE a.organization_id = ? AND a.number = s.number)",
        NULL, 0, NULL};
static struct db_stmt suppliers_insert = {
        "exchange.suppliers_insert",
        "INSERT INTO suppliers (organization_id, name, inn, phone, kpp, bank_name, bic, "
        "bank_account, corr_account, short_name) SELECT ?, MIN(s.supplier_name), "
        "s.supplier_inn, MIN(s.supplier_phone), MIN(s.supplier_kpp), MIN(s.supplier_bank_name), "
        "MIN(s.supplier_bic), MIN(s.supplier_account), MIN(s.supplier_corr_account), "
        "MIN(s.supplier_qr_name) FROM stage_services s WHERE s.import_id = ? AND NOT "
        "EXISTS (SELECT 1 FROM suppliers p WHERE p.organization_id = ? AND p.inn = s.supplier_inn) "
        "GROUP BY s.supplier_inn",
        NULL, 0, NULL};
static struct db_stmt suppliers_update = {
        "exchange.suppliers_update",
        "UPDATE suppliers p JOIN stage_services s ON s.import_id = ? AND p.organization_id = ? "
        "AND p.inn = s.supplier_inn SET p.name = s.supplier_name, p.phone = s.supplier_phone, "
        "p.kpp = s.supplier_kpp, p.bank_name = s.supplier_bank_name, p.bic = s.supplier_bic, "
        "p.bank_account = s.supplier_account, p.corr_account = s.supplier_corr_account, "
        "p.short_name = s.supplier_qr_name",
        NULL, 0, NULL};
static struct db_stmt services_update = {
        "exchange.services_update",
        "UPDATE services v JOIN stage_services s ON s.import_id = ? AND v.organization_id = ? "
        "AND v.code = s.code JOIN suppliers p ON p.organization_id = v.organization_id "
        "AND p.inn = s.supplier_inn SET v.name_ru = s.name_ru, v.name_en = s.name_en, "
        "v.unit = s.unit, v.supplier_id = p.id",
        NULL, 0, NULL};
static struct db_stmt services_insert = {
        "exchange.services_insert",
        "INSERT INTO services (organization_id, supplier_id, code, name_ru, name_en, unit) "
        "SELECT ?, (SELECT MIN(p.id) FROM suppliers p WHERE p.organization_id = ? "
        "AND p.inn = s.supplier_inn), s.code, s.name_ru, s.name_en, s.unit FROM stage_services s "
        "WHERE s.import_id = ? AND NOT EXISTS (SELECT 1 FROM services v "
        "WHERE v.organization_id = ? AND v.code = s.code)",
        NULL, 0, NULL};
static struct db_stmt meters_update = {
        "exchange.meters_update",
        "UPDATE meters m JOIN stage_meters s ON s.import_id = ? AND m.id = s.meter_id "
        "SET m.service_id = s.service_id, m.kind = s.kind, m.zones = s.zones, m.digits = s.digits, "
        "m.decimals = s.decimals, m.installed_on = s.installed_on, "
        "m.verification_due = s.verification_due",
        NULL, 0, NULL};
static struct db_stmt meters_insert = {
        "exchange.meters_insert",
        "INSERT INTO meters (account_id, service_id, kind, number, zones, digits, decimals, "
        "verification_due, installed_on) SELECT s.account_id, s.service_id, s.kind, s.number, "
        "s.zones, s.digits, s.decimals, s.verification_due, s.installed_on FROM stage_meters s "
        "WHERE s.import_id = ? AND s.meter_id IS NULL",
        NULL, 0, NULL};
/* A month's rows of the file replace the month's recalculations of those rows. */
static struct db_stmt charges_uncorrect = {
        "exchange.charges_uncorrect",
        "DELETE c FROM corrections c JOIN stage_charges s ON s.import_id = ? "
        "AND c.account_id = s.account_id AND c.service_id = s.service_id AND c.period = s.period",
        NULL, 0, NULL};
/* A row whose quantity or money changes loses its lines: they would no longer add up. */
static struct db_stmt charges_unline = {
        "exchange.charges_unline",
        "DELETE x FROM ledger_lines x JOIN stage_charges s ON s.import_id = ? "
        "AND x.account_id = s.account_id AND x.period = s.period AND x.service_id = s.service_id "
        "JOIN ledger l ON l.account_id = s.account_id AND l.period = s.period "
        "AND l.service_id = s.service_id WHERE l.quantity <> s.quantity OR l.accrued <> s.accrued",
        NULL, 0, NULL};
static struct db_stmt charges_update = {
        "exchange.charges_update",
        "UPDATE ledger l JOIN stage_charges s ON s.import_id = ? AND l.account_id = s.account_id "
        "AND l.period = s.period AND l.service_id = s.service_id SET l.tariff = s.tariff, "
        "l.quantity = s.quantity, l.opening = s.opening, l.accrued = s.accrued, "
        "l.corrections = s.recalc + s.penalties, l.paid = s.paid, l.closing = s.closing",
        NULL, 0, NULL};
static struct db_stmt charges_insert = {
        "exchange.charges_insert",
        "INSERT INTO ledger (account_id, service_id, period, tariff, quantity, opening, accrued, "
        "corrections, paid, closing) SELECT s.account_id, s.service_id, s.period, s.tariff, "
        "s.quantity, s.opening, s.accrued, s.recalc + s.penalties, s.paid, s.closing "
        "FROM stage_charges s WHERE s.import_id = ? AND NOT EXISTS (SELECT 1 FROM ledger l "
        "WHERE l.account_id = s.account_id AND l.period = s.period AND l.service_id = "
        "s.service_id)",
        NULL, 0, NULL};
static struct db_stmt charges_recalc = {
        "exchange.charges_recalc",
        "INSERT INTO corrections (account_id, service_id, period, amount, reason) "
        "SELECT s.account_id, s.service_id, s.period, s.recalc, s.recalc_reason "
        "FROM stage_charges s WHERE s.import_id = ? AND s.recalc <> 0",
        NULL, 0, NULL};
static struct db_stmt charges_penalties = {
        "exchange.charges_penalties",
        "INSERT INTO corrections (account_id, service_id, period, amount, reason, kind) "
        "SELECT s.account_id, s.service_id, s.period, s.penalties, ?, 'penalty' "
        "FROM stage_charges s WHERE s.import_id = ? AND s.penalties <> 0",
        NULL, 0, NULL};
/*
 * A charges file's ledger rows skip the ledger's per-row triggers (sql/047,
 * 048: a month's sum and the account's summary kept row by row), and those
 * are summed once afterwards, for the file's accounts and months, in the
 * same transaction.  Row by row they cost 272 us a row in the triggers
 * (the first of an account's new month sums its summary again): applying a
 * million charge rows took 343 s, where the code before the summaries
 * took 16 s on the same machine the same day.  Then 87 s: the sums 40 s of
 * it, and the ledger's insert 21 s, on a 256 MB buffer pool; with 2 GB the
 * insert took 10 s, so most of it was reading pages, not the triggers fired
 * for each row though they do nothing (MariaDB cannot skip them).
 *
 * The switch is a session variable, as tools/stack.sh's bulk load uses it.
 * Set only around the file's statements and the sums and always put back;
 * if putting it back fails, the connection goes (db_disconnect), and its
 * variables with it.  The same statements let the sums' temporary tables
 * (a quarter of a million accounts' months) grow to 64 MB in memory: at
 * MariaDB's 16 MB they went to disk, and the months' sum took 9.5-10.7 s
 * instead of 7.3-8.3 (its SELECT alone, 250 000 accounts).
 *
 * The locks are taken in the triggers' order (ledger rows, then
 * account_months, then account_summaries), so a payment credited to one
 * of the file's accounts meanwhile waits or is waited for, without a
 * deadlock; its own triggers' changes are summed with the rest, read as
 * committed (an upsert reads the current rows).
 */
static struct db_stmt ledger_bulk_on = {
        "exchange.ledger_bulk_on",
        "SET @kabinet_loading = 1, SESSION tmp_table_size = 67108864, "
        "SESSION max_heap_table_size = 67108864",
        NULL, 0, NULL};
static struct db_stmt ledger_bulk_off = {
        "exchange.ledger_bulk_off",
        "SET @kabinet_loading = NULL, SESSION tmp_table_size = DEFAULT, "
        "SESSION max_heap_table_size = DEFAULT",
        NULL, 0, NULL};
static struct db_stmt charges_months = {
        "exchange.charges_months",
        "INSERT INTO account_months (account_id, period, charged, paid, ledger_rows) "
        "SELECT k.account_id, k.period, SUM(l.accrued + l.corrections), SUM(l.paid), COUNT(*) "
        "FROM (SELECT DISTINCT account_id, period FROM stage_charges WHERE import_id = ?) k "
        "STRAIGHT_JOIN ledger l ON l.account_id = k.account_id AND l.period = k.period "
        "GROUP BY k.account_id, k.period ORDER BY NULL "
        "ON DUPLICATE KEY UPDATE charged = VALUES(charged), paid = VALUES(paid), "
        "ledger_rows = VALUES(ledger_rows)",
        NULL, 0, NULL};
/*
 * sql/048's account_summaries_sum for the file's accounts: each account's
 * latest month, then its twelve months each read by its key.  Summed with
 * GROUP BY over the months, as the procedure does, 250 000 accounts' groups
 * outgrew the in-memory temporary table and took 36 s; grouped here is only
 * the latest month's search, a small table.  (The latest month as a
 * correlated subquery instead failed on a prepared statement's second
 * execution, MariaDB 10.11: "Unknown column 'd.account_id'".)
 *
 * Both sums start from the file's accounts (STRAIGHT_JOIN) and group by
 * them without sorting (ORDER BY NULL).  Left to itself, the optimizer read
 * the whole ledger, or all of account_months, in key order to group without
 * a temporary table, and looked each row up among the file's: the months'
 * sum of 250 000 accounts read 3.1 million ledger rows in 14 s (7.3-8.3 s
 * now), a time that grows with the ledger's years, not with the file.
 */
#define SUMS_COLUMNS(k) ", charged_" #k ", paid_" #k
#define SUMS_BILLED(k)  " | (m" #k ".account_id IS NOT NULL) << " #k
#define SUMS_MONEY(k)   ", COALESCE(m" #k ".charged, 0), COALESCE(m" #k ".paid, 0)"
#define SUMS_JOIN(k)                                                                               \
	" LEFT JOIN account_months m" #k " ON m" #k ".account_id = x.account_id AND m" #k          \
	".period = x.latest - INTERVAL " #k " MONTH"
#define SUMS_VALUES(k)                                                                             \
	", charged_" #k " = VALUES(charged_" #k "), paid_" #k " = VALUES(paid_" #k ")"
#define SUMS_12(m) m(0) m(1) m(2) m(3) m(4) m(5) m(6) m(7) m(8) m(9) m(10) m(11)
#define SUMS_INSERT                                                                                \
	"INSERT INTO account_summaries (account_id, latest_period, billed" SUMS_12(                \
	        SUMS_COLUMNS) ") "
#define SUMS_SELECT "SELECT x.account_id, x.latest, 0" SUMS_12(SUMS_BILLED) SUMS_12(SUMS_MONEY)
#define SUMS_FROM                                                                                  \
	" FROM (SELECT d.account_id, MAX(m.period) latest "                                        \
	"FROM (SELECT DISTINCT account_id FROM stage_charges WHERE import_id = ?) d "              \
	"STRAIGHT_JOIN account_months m ON m.account_id = d.account_id "                           \
	"GROUP BY d.account_id ORDER BY NULL) x" SUMS_12(SUMS_JOIN)
#define SUMS_UPDATE                                                                                \
	" ON DUPLICATE KEY UPDATE latest_period = VALUES(latest_period), "                         \
	"billed = VALUES(billed)" SUMS_12(SUMS_VALUES)
static struct db_stmt charges_summaries = {
        "exchange.charges_summaries", SUMS_INSERT SUMS_SELECT SUMS_FROM SUMS_UPDATE, NULL, 0, NULL};
static struct db_stmt readings_update = {
        "exchange.readings_update",
        "UPDATE readings r JOIN stage_readings s ON s.import_id = ? AND r.meter_id = s.meter_id "
        "AND r.zone = s.zone AND r.taken_on = s.taken_on AND r.source = 'import' "
        "SET r.value = s.value, r.status = 'accepted' "
        "WHERE NOT (r.value = s.value AND r.status = 'accepted')",
        NULL, 0, NULL};
static struct db_stmt readings_insert = {
        "exchange.readings_insert",
        "INSERT INTO readings (meter_id, zone, taken_on, value, source, status, created_at) "
        "SELECT s.meter_id, s.zone, s.taken_on, s.value, 'import', 'accepted', UTC_TIMESTAMP(6) "
        "FROM stage_readings s WHERE s.import_id = ? AND NOT EXISTS (" RDG_OURS ") "
        "AND NOT EXISTS (" RDG_SAME ")",
        NULL, 0, NULL};

/* A file's tariffs: its plans by code, their versions by start, and each
 * version's prices and plain limits replaced whole (the others are the
 * tariff_limits file's, sql/041). */
#define TRF_LIVE                                                                                   \
	"JOIN tariff_plans p ON p.organization_id = ? AND p.code = s.plan_code "                   \
	"JOIN tariffs t ON t.plan_id = p.id AND t.valid_from = s.valid_from"
static struct db_stmt plans_insert = {
        "exchange.plans_insert",
        "INSERT INTO tariff_plans (organization_id, service_id, code, name_ru, name_en, zones, "
        "public) SELECT ?, MIN(s.service_id), s.plan_code, MIN(s.name_ru), MIN(s.name_en), "
        "MIN(s.zones), MIN(s.public) FROM stage_tariffs s WHERE s.import_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM tariff_plans p WHERE p.organization_id = ? AND p.code = s.plan_code) "
        "GROUP BY s.plan_code",
        NULL, 0, NULL};
static struct db_stmt plans_update = {
        "exchange.plans_update",
        "UPDATE tariff_plans p JOIN stage_tariffs s ON s.import_id = ? AND p.organization_id = ? "
        "AND p.code = s.plan_code SET p.service_id = s.service_id, p.name_ru = s.name_ru, "
        "p.name_en = s.name_en, p.zones = s.zones, p.public = s.public",
        NULL, 0, NULL};
static struct db_stmt versions_insert = {
        "exchange.versions_insert",
        "INSERT INTO tariffs (plan_id, valid_from, valid_to, tiers, month_days_x10, vat_bp, "
        "vat_included, vat_by_date, limit_per_household) SELECT p.id, s.valid_from, "
        "MIN(s.valid_to), MIN(s.tiers), MIN(s.month_days_x10), MIN(s.vat_bp), "
        "MIN(s.vat_included), MIN(s.vat_by_date), MIN(s.per_household) FROM stage_tariffs s "
        "JOIN tariff_plans p ON p.organization_id = ? AND p.code = s.plan_code "
        "WHERE s.import_id = ? AND NOT EXISTS (SELECT 1 FROM tariffs t WHERE t.plan_id = p.id "
        "AND t.valid_from = s.valid_from) GROUP BY p.id, s.valid_from",
        NULL, 0, NULL};
static struct db_stmt versions_update = {
        "exchange.versions_update",
        "UPDATE tariffs t JOIN tariff_plans p ON p.id = t.plan_id JOIN stage_tariffs s "
        "ON s.import_id = ? AND p.organization_id = ? AND p.code = s.plan_code "
        "AND s.valid_from = t.valid_from SET t.valid_to = s.valid_to, t.tiers = s.tiers, "
        "t.month_days_x10 = s.month_days_x10, t.vat_bp = s.vat_bp, t.vat_included = s.vat_included, "
        "t.vat_by_date = s.vat_by_date, t.limit_per_household = s.per_household",
        NULL, 0, NULL};
static struct db_stmt prices_clear = {
        "exchange.prices_clear",
        "DELETE x FROM tariff_prices x JOIN tariffs t ON t.id = x.tariff_id "
        "JOIN tariff_plans p ON p.id = t.plan_id JOIN stage_tariffs s ON s.import_id = ? "
        "AND p.organization_id = ? AND p.code = s.plan_code AND s.valid_from = t.valid_from",
        NULL, 0, NULL};
static struct db_stmt limits_clear = {
        "exchange.limits_clear",
        "DELETE l FROM tariff_limits l JOIN tariffs t ON t.id = l.tariff_id "
        "JOIN tariff_plans p ON p.id = t.plan_id JOIN stage_tariffs s ON s.import_id = ? "
        "AND p.organization_id = ? AND p.code = s.plan_code AND s.valid_from = t.valid_from "
        "WHERE " PLAIN_LIMIT("l"),
        NULL, 0, NULL};
static struct db_stmt prices_insert = {
        "exchange.prices_insert",
        "INSERT INTO tariff_prices (tariff_id, tier, zone, price) SELECT t.id, s.tier, s.zone, "
        "s.price FROM stage_tariffs s " TRF_LIVE " WHERE s.import_id = ?",
        NULL, 0, NULL};
/* A tier's limits come from its first zone's row; the last tier has none. */
static struct db_stmt limits_insert = {
        "exchange.limits_insert",
        "INSERT INTO tariff_limits (tariff_id, household, tier, limit_milli) SELECT t.id, "
        "h.household, s.tier, CASE h.household WHEN 'gas' THEN s.lim_gas WHEN 'gas-alone' THEN "
        "s.lim_gas_alone WHEN 'estove' THEN s.lim_estove ELSE s.lim_estove_alone END "
        "FROM stage_tariffs s " TRF_LIVE " JOIN (SELECT 'gas' AS household UNION ALL SELECT "
        "'gas-alone' UNION ALL SELECT 'estove' UNION ALL SELECT 'estove-alone') h "
        "WHERE s.import_id = ? AND s.zone = 0 AND s.tier + 1 < s.tiers",
        NULL, 0, NULL};

/* A tariff_limits file: each version in it has its other limits replaced whole. */
static struct db_stmt more_limits_clear = {
        "exchange.more_limits_clear",
        "DELETE l FROM tariff_limits l JOIN stage_tariff_limits s ON s.import_id = ? "
        "AND s.tariff_id = l.tariff_id WHERE NOT " PLAIN_LIMIT("l"),
        NULL, 0, NULL};
static struct db_stmt more_limits_insert = {
        "exchange.more_limits_insert",
        "INSERT INTO tariff_limits (tariff_id, household, residents, season, tier, limit_milli) "
        "SELECT s.tariff_id, s.household, s.residents, s.season, s.tier, s.limit_milli "
        "FROM stage_tariff_limits s WHERE s.import_id = ?",
        NULL, 0, NULL};

/* A charge_lines file: each row of the ledger in it has its lines replaced whole. */
static struct db_stmt lines_clear = {
        "exchange.lines_clear",
        "DELETE x FROM ledger_lines x JOIN stage_charge_lines s ON s.import_id = ? "
        "AND x.account_id = s.account_id AND x.period = s.period AND x.service_id = s.service_id",
        NULL, 0, NULL};
static struct db_stmt lines_insert = {
        "exchange.lines_insert",
        "INSERT INTO ledger_lines (account_id, period, service_id, zone, tier, tariff, quantity, "
        "amount) SELECT s.account_id, s.period, s.service_id, s.zone, s.tier, s.tariff, "
        "s.quantity, s.amount FROM stage_charge_lines s WHERE s.import_id = ?",
        NULL, 0, NULL};

/*
 * A connection is as the billing system says; a promise running stays in
 * promises.  The file's rows first (STRAIGHT_JOIN): the planner would scan
 * a small connections table instead, and it grows with the accounts.
 */
static struct db_stmt connections_update = {
        "exchange.connections_update",
        "UPDATE stage_connections s STRAIGHT_JOIN connections c "
        "ON c.account_id = s.account_id AND c.service_id = s.service_id "
        "SET c.plan_name = s.plan_name, c.speed_kbps = s.speed_kbps, "
        "c.monthly_fee = s.monthly_fee, c.login = s.login, c.ip_address = s.ip_address, "
        "c.state = s.state, c.promise_id = NULL, c.updated_at = NOW(6) WHERE s.import_id = ?",
        NULL, 0, NULL};
static struct db_stmt connections_insert = {
        "exchange.connections_insert",
        "INSERT INTO connections (account_id, service_id, plan_name, speed_kbps, monthly_fee, "
        "login, ip_address, state, updated_at) SELECT s.account_id, s.service_id, s.plan_name, "
        "s.speed_kbps, s.monthly_fee, s.login, s.ip_address, s.state, NOW(6) "
        "FROM stage_connections s WHERE s.import_id = ? AND NOT EXISTS (SELECT 1 FROM "
        "connections c WHERE c.account_id = s.account_id AND c.service_id = s.service_id)",
        NULL, 0, NULL};

/* An object is as the monitoring system says; the file's rows first (see connections_update). */
static struct db_stmt objects_update = {
        "exchange.objects_update",
        "UPDATE stage_objects s STRAIGHT_JOIN guarded_objects g "
        "ON g.account_id = s.account_id AND g.service_id = s.service_id "
        "SET g.address = s.address, g.object_type = s.object_type, g.state = s.state, "
        "g.updated_at = NOW(6) WHERE s.import_id = ?",
        NULL, 0, NULL};
static struct db_stmt objects_insert = {
        "exchange.objects_insert",
        "INSERT INTO guarded_objects (account_id, service_id, address, object_type, state, "
        "updated_at) SELECT s.account_id, s.service_id, s.address, s.object_type, s.state, NOW(6) "
        "FROM stage_objects s WHERE s.import_id = ? AND NOT EXISTS (SELECT 1 FROM guarded_objects "
        "g WHERE g.account_id = s.account_id AND g.service_id = s.service_id)",
        NULL, 0, NULL};
/* An event sent again with its id is corrected, never added twice. */
static struct db_stmt events_update = {
        "exchange.events_update",
        "UPDATE stage_events s STRAIGHT_JOIN object_events x ON x.account_id = s.account_id "
        "AND x.service_id = s.service_id AND x.source_id = s.source_id "
        "SET x.happened_at = s.happened_at, x.event = s.event, x.zone = s.zone, x.who = s.who "
        "WHERE s.import_id = ?",
        NULL, 0, NULL};
static struct db_stmt events_insert = {
        "exchange.events_insert",
        "INSERT INTO object_events (account_id, service_id, source_id, happened_at, event, zone, "
        "who) SELECT s.account_id, s.service_id, s.source_id, s.happened_at, s.event, s.zone, "
        "s.who FROM stage_events s WHERE s.import_id = ? AND NOT EXISTS (SELECT 1 FROM "
        "object_events x WHERE x.account_id = s.account_id AND x.service_id = s.service_id "
        "AND x.source_id = s.source_id)",
        NULL, 0, NULL};
/* A record sent again with its id is corrected, never counted twice. */
static struct db_stmt usage_update = {
        "exchange.usage_update",
        "UPDATE stage_usage s STRAIGHT_JOIN usage_records x ON x.account_id = s.account_id "
        "AND x.service_id = s.service_id AND x.source_id = s.source_id "
        "SET x.kind = s.kind, x.started_at = s.started_at, x.ended_at = s.ended_at, "
        "x.number = s.number, x.bytes_in = s.bytes_in, x.bytes_out = s.bytes_out, "
        "x.cost = s.cost WHERE s.import_id = ?",
        NULL, 0, NULL};
static struct db_stmt usage_insert = {
        "exchange.usage_insert",
        "INSERT INTO usage_records (account_id, service_id, source_id, kind, started_at, "
        "ended_at, number, bytes_in, bytes_out, cost) SELECT s.account_id, s.service_id, "
        "s.source_id, s.kind, s.started_at, s.ended_at, s.number, s.bytes_in, s.bytes_out, "
        "s.cost FROM stage_usage s WHERE s.import_id = ? AND NOT EXISTS (SELECT 1 FROM "
        "usage_records x WHERE x.account_id = s.account_id AND x.service_id = s.service_id "
        "AND x.source_id = s.source_id)",
        NULL, 0, NULL};

static const struct step applies[SK__N][10] = {
        [SK_ACCOUNTS] = {{&accounts_update, "IO"}, {&accounts_insert, "OIO"}},
        [SK_SERVICES] = {{&suppliers_insert, "OIO"},
                         {&suppliers_update, "IO"},
                         {&services_update, "IO"},
                         {&services_insert, "OOIO"}},
        [SK_METERS] = {{&meters_update, "I"}, {&meters_insert, "I"}},
        [SK_CHARGES] = {{&charges_uncorrect, "I"},
                        {&charges_unline, "I"},
                        {&charges_update, "I"},
                        {&charges_insert, "I"},
                        {&charges_recalc, "I"},
                        {&charges_penalties, "RI"},
                        {&charges_months, "I"},
                        {&charges_summaries, "I"}},
        [SK_READINGS] = {{&readings_update, "I"}, {&readings_insert, "I"}},
        [SK_TARIFFS] = {{&plans_insert, "OIO"},
                        {&plans_update, "IO"},
                        {&versions_insert, "OI"},
                        {&versions_update, "IO"},
                        {&prices_clear, "IO"},
                        {&limits_clear, "IO"},
                        {&prices_insert, "OI"},
                        {&limits_insert, "OI"}},
        [SK_TARIFF_LIMITS] = {{&more_limits_clear, "I"}, {&more_limits_insert, "I"}},
        [SK_CHARGE_LINES] = {{&lines_clear, "I"}, {&lines_insert, "I"}},
        [SK_CONNECTIONS] = {{&connections_update, "I"}, {&connections_insert, "I"}},
        [SK_OBJECTS] = {{&objects_update, "I"}, {&objects_insert, "I"}},
        [SK_EVENTS] = {{&events_update, "I"}, {&events_insert, "I"}},
        [SK_USAGE] = {{&usage_update, "I"}, {&usage_insert, "I"}},
};

static enum perr run_steps(enum stage_kind k, uint64_t id, unsigned org)
{
	size_t i;
	enum perr e;

	for (i = 0; i < 10 && applies[k][i].stmt != NULL; i++)
		if ((e = run_step(&applies[k][i], id, org, NULL)) != PERR_OK)
			return e;
	return PERR_OK;
}

/* A charges file's steps, its months' and summaries' sums the last two, with the ledger's
 * triggers off. */
static enum perr charges_apply(uint64_t id, unsigned org)
{
	enum perr e, off;

	if ((e = db_exec(&ledger_bulk_on, NULL, 0, NULL, NULL)) != PERR_OK)
		return e;
	e = run_steps(SK_CHARGES, id, org);
	if ((off = db_exec(&ledger_bulk_off, NULL, 0, NULL, NULL)) != PERR_OK) {
		/* Never left set for the connection's next transaction. */
		db_disconnect();
		if (e == PERR_OK)
			e = off;
	}
	return e;
}

enum perr db_stage_apply(enum stage_kind k, uint64_t id, unsigned org)
{
	return k == SK_CHARGES ? charges_apply(id, org) : run_steps(k, id, org);
}

static struct db_stmt new_payments = {
        "exchange.new_payments",
        "SELECT s.line, s.account_id, DATE_FORMAT(s.paid_at, '%Y-%m-%d %H:%i:%s'), s.amount, "
        "s.channel, s.bank, s.source_id FROM stage_payments s WHERE s.import_id = ? AND s.line > ? "
        "AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.source_org = ? "
        "AND p.source_id = s.source_id) ORDER BY s.line LIMIT ?",
        NULL, 0, NULL};
static struct db_stmt payment_insert = {
        "exchange.payment_insert",
        "INSERT INTO payments (account_id, paid_at, amount, channel, bank, status, source_org, "
        "source_id) VALUES (?, ?, ?, ?, ?, 'succeeded', ?, ?)",
        NULL, 0, NULL};
static struct db_stmt lock_account = {
        "exchange.lock_account", "SELECT id FROM accounts WHERE id = ? FOR UPDATE", NULL, 0, NULL};

struct pay_it {
	struct stage_payment p;
	enum perr (*each)(void *, const struct stage_payment *);
	void *ctx;
};

static enum perr pay_each(void *v)
{
	struct pay_it *it = v;

	return it->each(it->ctx, &it->p);
}

enum perr db_stage_new_payments(struct arena *ar, uint64_t id, unsigned org, uint64_t after_line,
                                unsigned limit,
                                enum perr (*each)(void *, const struct stage_payment *), void *ctx)
{
	struct pay_it it;
	struct db_arg a[] = {DBA_U64(id), DBA_U64(after_line), DBA_U64(org), DBA_U64(limit)};
	struct db_col c[] = {DBC_U64(&it.p.line),     DBC_U64(&it.p.account),
	                     DBC_STR(&it.p.paid_at),  DBC_INT(&it.p.amount),
	                     DBC_STR(&it.p.channel),  DBC_STR(&it.p.bank),
	                     DBC_STR(&it.p.source_id)};

	memset(&it, 0, sizeof(it));
	it.each = each;
	it.ctx = ctx;
	return db_rows(ar, &new_payments, a, 4, c, 7, pay_each, &it);
}

enum perr db_payment_insert_source(const struct stage_payment *p, unsigned org,
                                   uint64_t *payment_id)
{
	struct db_arg a[] = {DBA_U64(p->account),
	                     DBA_STR(p->paid_at),
	                     DBA_INT(p->amount),
	                     DBA_STR(p->channel),
	                     p->bank ? DBA_STR(p->bank) : DBA_NULL,
	                     DBA_U64(org),
	                     DBA_STR(p->source_id)};
	unsigned long long got = 0;
	enum perr e = db_exec(&payment_insert, a, 7, NULL, &got);

	*payment_id = got;
	return e;
}

enum perr db_exchange_lock_account(uint64_t account)
{
	uint64_t got = 0;
	struct db_arg a[] = {DBA_U64(account)};
	struct db_col c[] = {DBC_U64(&got)};

	return db_row(NULL, &lock_account, a, 1, c, 1);
}
