/*
 * db/invoice.c: invoices on demand (sql/050).  Read through account_access
 * with the right to view (sql/049), as the account's other documents are.
 */
#include <stdint.h>
#include <string.h>

#include "billing/access.h"
#include "core/arena.h"
#include "core/lang.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/invoice.h"

static struct db_stmt zone = {"invoice.zone", "SELECT time_zone FROM organizations WHERE id = ?",
                              NULL, 0, NULL};

static struct db_stmt count_up = {"invoice.count_up",
                                  "UPDATE invoice_counters SET last_number = last_number + 1 "
                                  "WHERE organization_id = ? AND year = ?",
                                  NULL, 0, NULL};

/* The year's first invoice.  Two at once: one waits, then fails on the key
 * and counts up the row the other made (or, if the two deadlocked, its
 * request is run again, web/request.c). */
static struct db_stmt count_start = {
        "invoice.count_start",
        "INSERT INTO invoice_counters (organization_id, year, last_number) VALUES (?, ?, 1)", NULL,
        0, NULL};

static struct db_stmt counted = {
        "invoice.counted",
        "SELECT last_number FROM invoice_counters WHERE organization_id = ? AND year = ?", NULL, 0,
        NULL};

static struct db_stmt insert = {
        "invoice.insert",
        "INSERT INTO invoices (organization_id, year, number, account_id, service_id, amount, "
        "quantity, tariff, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
        NULL, 0, NULL};

#define INVOICE_COLUMNS                                                                            \
	"SELECT i.id, i.account_id, i.organization_id, i.year, i.number, "                         \
	"COALESCE(i.service_id, 0), IF(? = 'en', sv.name_en, sv.name_ru), i.amount, "              \
	"COALESCE(i.quantity, 0), COALESCE(i.tariff, 0), sv.unit, "                                \
	"DATE_FORMAT(i.created_at, '%Y-%m-%dT%H:%i:%sZ'), EXISTS (SELECT 1 FROM invoice_payments " \
	"ip JOIN online_payments op ON op.id = ip.online_id AND op.status = 'succeeded' "          \
	"WHERE ip.invoice_id = i.id) "                                                             \
	"FROM account_access sa JOIN invoices i ON i.account_id = sa.account_id "                  \
	"LEFT JOIN services sv ON sv.id = i.service_id "

static struct db_stmt get = {"invoice.get",
                             INVOICE_COLUMNS
                             "WHERE sa.subscriber_id = ? AND (sa.rights & ?) = ? AND i.id = ?",
                             NULL, 0, NULL};

static struct db_stmt of_account = {
        "invoice.of_account",
        INVOICE_COLUMNS
        "WHERE sa.subscriber_id = ? AND sa.account_id = ? AND (sa.rights & ?) = ? "
        "AND i.created_at >= ? AND i.created_at < ? ORDER BY i.created_at DESC, i.id DESC",
        NULL, 0, NULL};

static struct db_stmt attach = {
        "invoice.attach", "INSERT INTO invoice_payments (invoice_id, online_id) VALUES (?, ?)",
        NULL, 0, NULL};

enum perr db_invoice_zone(struct arena *ar, uint64_t org, const char **tz)
{
	struct db_col c[] = {DBC_STR(tz)};

	return db_row(ar, &zone, (struct db_arg[]){DBA_U64(org)}, 1, c, 1);
}

enum perr db_invoice_next_number(struct arena *ar, uint64_t org, unsigned year, unsigned *number)
{
	struct db_arg a[] = {DBA_U64(org), DBA_INT(year)};
	struct db_col c[] = {DBC_UINT(number)};
	unsigned long long changed = 0;
	enum perr e = db_exec(&count_up, a, 2, &changed, NULL);

	if (e != PERR_OK)
		return e;
	if (changed == 0) {
		*number = 1;
		e = db_exec(&count_start, a, 2, NULL, NULL);
		if (e != PERR_CONFLICT)
			return e;
		if ((e = db_exec(&count_up, a, 2, &changed, NULL)) != PERR_OK)
			return e;
		if (changed == 0)
			return PERR_DB;
	}
	return db_row(ar, &counted, a, 2, c, 1);
}

enum perr db_invoice_insert(const struct invoice *v, uint64_t subscriber, uint64_t *id)
{
	struct db_arg a[] = {DBA_U64(v->org_id),
	                     DBA_INT(v->year),
	                     DBA_INT(v->number),
	                     DBA_U64(v->account_id),
	                     v->service_id ? DBA_U64(v->service_id) : DBA_NULL,
	                     DBA_INT(v->amount),
	                     v->quantity ? DBA_INT(v->quantity) : DBA_NULL,
	                     v->quantity ? DBA_INT(v->tariff) : DBA_NULL,
	                     DBA_U64(subscriber)};
	unsigned long long inserted = 0;
	enum perr e = db_exec(&insert, a, 9, NULL, &inserted);

	*id = inserted;
	return e;
}

struct invoice_iter {
	struct invoice r;
	long long paid;
	enum perr (*each)(void *, const struct invoice *);
	void *ctx;
};

static enum perr invoice_row(void *p)
{
	struct invoice_iter *it = p;

	it->r.paid = it->paid != 0;
	return it->each(it->ctx, &it->r);
}

/* The columns INVOICE_COLUMNS names, into it. */
#define INVOICE_COLS(it)                                                                           \
	{                                                                                          \
		DBC_U64(&(it).r.id), DBC_U64(&(it).r.account_id), DBC_U64(&(it).r.org_id),         \
		        DBC_UINT(&(it).r.year), DBC_UINT(&(it).r.number),                          \
		        DBC_U64(&(it).r.service_id), DBC_STR(&(it).r.service),                     \
		        DBC_INT(&(it).r.amount), DBC_INT(&(it).r.quantity),                        \
		        DBC_INT(&(it).r.tariff), DBC_STR(&(it).r.unit),                            \
		        DBC_STR(&(it).r.created_at), DBC_INT(&(it).paid)                           \
	}

static enum perr keep(void *ctx, const struct invoice *r)
{
	*(struct invoice *)ctx = *r;
	return PERR_OK;
}

enum perr db_invoice_get(struct arena *ar, uint64_t subscriber, uint64_t id, enum lang lang,
                         struct invoice *out)
{
	struct invoice_iter it = {.each = keep, .ctx = out};
	struct db_col c[] = INVOICE_COLS(it);
	struct db_arg a[] = {DBA_STR(lang_code(lang)), DBA_U64(subscriber), DBA_INT(RIGHT_VIEW),
	                     DBA_INT(RIGHT_VIEW), DBA_U64(id)};
	enum perr e;

	out->id = 0;
	e = db_rows(ar, &get, a, 5, c, 13, invoice_row, &it);
	return e == PERR_OK && out->id == 0 ? PERR_NOT_FOUND : e;
}

enum perr db_invoices_of(struct arena *ar, uint64_t subscriber, uint64_t account, const char *from,
                         const char *to, enum lang lang,
                         enum perr (*each)(void *, const struct invoice *), void *ctx)
{
	struct invoice_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = INVOICE_COLS(it);
	struct db_arg a[] = {DBA_STR(lang_code(lang)),
	                     DBA_U64(subscriber),
	                     DBA_U64(account),
	                     DBA_INT(RIGHT_VIEW),
	                     DBA_INT(RIGHT_VIEW),
	                     DBA_STR(from),
	                     DBA_STR(to)};

	return db_rows(ar, &of_account, a, 7, c, 13, invoice_row, &it);
}

enum perr db_invoice_attach(uint64_t invoice, uint64_t online)
{
	struct db_arg a[] = {DBA_U64(invoice), DBA_U64(online)};

	return db_exec(&attach, a, 2, NULL, NULL);
}
