/*
 * db/autopay.c: monthly autopay and its runs.  A subscriber sees and ends
 * only their own autopays, and one runs only while its subscriber holds the
 * account or was given everything but inviting on it (sql/049).
 */
#include <stdint.h>

#include "billing/access.h"
#include "core/arena.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/autopay.h"
#include "db/db.h"

/* One autopay per subscriber and account: a new one replaces the old (in the caller's transaction). */
static struct db_stmt replace_old = {
	"autopay.replace",
	"DELETE FROM autopays WHERE subscriber_id = ? AND account_id = ?", NULL, 0, NULL};

static struct db_stmt insert = {
	"autopay.insert",
	"INSERT INTO autopays (subscriber_id, account_id, provider, method_id, method_title, day, "
	"max_amount, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NOW(6))",
	NULL, 0, NULL};

static struct db_stmt list = {
        "autopay.list",
        "SELECT ap.id, ap.account_id, a.number, a.address, o.currency, ap.method_title, ap.day, "
        "ap.max_amount FROM autopays ap "
        "JOIN account_access sa ON sa.subscriber_id = ap.subscriber_id "
        "AND sa.account_id = ap.account_id AND (sa.rights & ?) = ? "
        "JOIN accounts a ON a.id = ap.account_id JOIN organizations o ON o.id = a.organization_id "
        "WHERE ap.subscriber_id = ? ORDER BY ap.account_id",
        NULL, 0, NULL};

static struct db_stmt del = {
	"autopay.delete", "DELETE FROM autopays WHERE id = ? AND subscriber_id = ?", NULL, 0, NULL};

/* The autopays due on a day that have not run this month, on accounts their subscribers
 * may still pay by autopay (holders, or delegates with every right but inviting). */
static struct db_stmt due = {
        "autopay.due",
        "SELECT ap.id, ap.subscriber_id, ap.account_id, a.number, a.address, o.currency, "
        "ap.method_title, ap.day, ap.max_amount, ap.provider, ap.method_id FROM autopays ap "
        "JOIN account_access sa ON sa.subscriber_id = ap.subscriber_id "
        "AND sa.account_id = ap.account_id AND (sa.rights & ?) = ? "
        "JOIN accounts a ON a.id = ap.account_id JOIN organizations o ON o.id = a.organization_id "
        "WHERE ap.day = ? AND NOT EXISTS (SELECT 1 FROM autopay_runs r "
        "WHERE r.autopay_id = ap.id AND r.month = ?) ORDER BY ap.id LIMIT ?",
        NULL, 0, NULL};

static struct db_stmt run_insert = {
	"autopay.run_insert",
	"INSERT INTO autopay_runs (autopay_id, month, account_id, result, amount, at) "
	"VALUES (?, ?, ?, ?, ?, NOW(6))",
	NULL, 0, NULL};

static struct db_stmt run_update = {
	"autopay.run_update",
	"UPDATE autopay_runs SET result = ?, online_id = ? WHERE autopay_id = ? AND month = ?",
	NULL, 0, NULL};

/* Whoever settles an autopay's charge (often the provider's notification) records how it ended. */
static struct db_stmt run_settled = {
	"autopay.run_settled",
	"UPDATE autopay_runs SET result = ? WHERE online_id = ?", NULL, 0, NULL};

enum perr db_autopay_run_settled(uint64_t online, int succeeded)
{
	return db_exec(&run_settled,
		       (struct db_arg[]){DBA_STR(succeeded ? "succeeded" : "failed"), DBA_U64(online)},
		       2, NULL, NULL);
}

enum perr db_autopay_set(uint64_t subscriber, uint64_t account, const char *provider,
			 const char *method_id, const char *title, unsigned day, money_t max)
{
	enum perr e = db_exec(&replace_old, (struct db_arg[]){DBA_U64(subscriber), DBA_U64(account)},
			      2, NULL, NULL);

	if (e != PERR_OK)
		return e;
	return db_exec(&insert,
		       (struct db_arg[]){DBA_U64(subscriber), DBA_U64(account), DBA_STR(provider),
					 DBA_STR(method_id), DBA_STR(title), DBA_INT(day),
					 DBA_INT(max)},
		       7, NULL, NULL);
}

struct ap_iter {
	long long max;
	const char *currency;
	struct autopay r;
	enum perr (*each)(void *, const struct autopay *);
	void *ctx;
};

static enum perr ap_row(void *p)
{
	struct ap_iter *it = p;

	it->r.max_amount = it->max;
	it->r.cur = currency_find(it->currency ? it->currency : "");
	return it->each(it->ctx, &it->r);
}

enum perr db_autopays(struct arena *ar, uint64_t subscriber,
                      enum perr (*each)(void *, const struct autopay *), void *ctx)
{
	struct ap_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&it.r.id),        DBC_U64(&it.r.account_id),
			     DBC_STR(&it.r.account_number), DBC_STR(&it.r.address),
			     DBC_STR(&it.currency),    DBC_STR(&it.r.method_title),
			     DBC_UINT(&it.r.day),      DBC_INT(&it.max)};
	struct db_arg a[] = {DBA_INT(RIGHTS_FULL), DBA_INT(RIGHTS_FULL), DBA_U64(subscriber)};

	it.r.subscriber_id = subscriber;
	return db_rows(ar, &list, a, 3, c, 8, ap_row, &it);
}

enum perr db_autopay_delete(uint64_t subscriber, uint64_t id)
{
	unsigned long long n = 0;
	enum perr e = db_exec(&del, (struct db_arg[]){DBA_U64(id), DBA_U64(subscriber)}, 2, &n, NULL);

	return e == PERR_OK && n == 0 ? PERR_NOT_FOUND : e;
}

enum perr db_autopays_due(struct arena *ar, unsigned day, month_t month, unsigned limit,
                          enum perr (*each)(void *, const struct autopay *), void *ctx)
{
	struct ap_iter it = {.each = each, .ctx = ctx};
	char d[11];
	struct db_col c[] = {DBC_U64(&it.r.id),        DBC_U64(&it.r.subscriber_id),
			     DBC_U64(&it.r.account_id), DBC_STR(&it.r.account_number),
			     DBC_STR(&it.r.address),   DBC_STR(&it.currency),
			     DBC_STR(&it.r.method_title), DBC_UINT(&it.r.day),
			     DBC_INT(&it.max),         DBC_STR(&it.r.provider),
			     DBC_STR(&it.r.method_id)};

	month_date(month, d);
	return db_rows(ar, &due,
	               (struct db_arg[]){DBA_INT(RIGHTS_FULL), DBA_INT(RIGHTS_FULL), DBA_INT(day),
	                                 DBA_STR(d), DBA_INT(limit)},
	               5, c, 11, ap_row, &it);
}

enum perr db_autopay_run_begin(uint64_t autopay, month_t month, uint64_t account, money_t amount,
			       const char *result)
{
	char d[11];

	month_date(month, d);
	return db_exec(&run_insert,
		       (struct db_arg[]){DBA_U64(autopay), DBA_STR(d), DBA_U64(account),
					 DBA_STR(result), DBA_INT(amount)},
		       5, NULL, NULL);
}

enum perr db_autopay_run_end(uint64_t autopay, month_t month, const char *result, uint64_t online)
{
	char d[11];

	month_date(month, d);
	return db_exec(&run_update,
		       (struct db_arg[]){DBA_STR(result), online ? DBA_U64(online) : DBA_NULL,
					 DBA_U64(autopay), DBA_STR(d)},
		       4, NULL, NULL);
}
