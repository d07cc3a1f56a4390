/*
 * db/ledger.c: the monthly ledger and its corrections.  Months are bound as
 * DATEs (the first of the month) and come back as month_t integers; every
 * statement starts from an account id, the first column of the key.
 */
#include <stdint.h>

#include "billing/ledger.h"
#include "core/arena.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/ledger.h"

/* service = 0 sums all services; tariff and quantity then mean nothing. */
static struct db_stmt months = {
	"ledger.months",
	"SELECT YEAR(period) * 12 + MONTH(period) - 1, MAX(tariff), SUM(quantity), SUM(opening), "
	"SUM(accrued), SUM(corrections), SUM(paid), SUM(closing) "
	"FROM ledger WHERE account_id = ? AND (? = 0 OR service_id = ?) "
	"AND period BETWEEN ? AND ? GROUP BY period ORDER BY period",
	NULL, 0, NULL};

static struct db_stmt corrections = {
	"ledger.corrections",
	"SELECT YEAR(period) * 12 + MONTH(period) - 1, amount, reason FROM corrections "
	"WHERE account_id = ? AND service_id = ? AND period BETWEEN ? AND ? ORDER BY period, id",
	NULL, 0, NULL};

struct month_iter {
	long long month;
	struct ledger_row r;
	enum perr (*each)(void *, const struct ledger_row *);
	void *ctx;
};

static enum perr month_row(void *p)
{
	struct month_iter *it = p;

	it->r.month = (month_t)it->month;
	return it->each(it->ctx, &it->r);
}

enum perr db_ledger_months(struct arena *ar, uint64_t account, uint64_t service, month_t from,
                           month_t to, enum perr (*each)(void *, const struct ledger_row *),
                           void *ctx)
{
	struct month_iter it = {.each = each, .ctx = ctx};
	char d1[11], d2[11];
	struct db_arg a[5];
	struct db_col c[] = {DBC_INT(&it.month),   DBC_INT(&it.r.tariff),  DBC_INT(&it.r.quantity),
			     DBC_INT(&it.r.opening), DBC_INT(&it.r.accrued), DBC_INT(&it.r.corrections),
			     DBC_INT(&it.r.paid),    DBC_INT(&it.r.closing)};

	month_date(from, d1);
	month_date(to, d2);
	a[0] = DBA_U64(account);
	a[1] = DBA_U64(service);
	a[2] = DBA_U64(service);
	a[3] = DBA_STR(d1);
	a[4] = DBA_STR(d2);
	return db_rows(ar, &months, a, 5, c, sizeof(c) / sizeof(c[0]), month_row, &it);
}

struct corr_iter {
	long long month;
	struct correction r;
	enum perr (*each)(void *, const struct correction *);
	void *ctx;
};

static enum perr corr_row(void *p)
{
	struct corr_iter *it = p;

	it->r.month = (month_t)it->month;
	return it->each(it->ctx, &it->r);
}

enum perr db_corrections(struct arena *ar, uint64_t account, uint64_t service, month_t from,
                         month_t to, enum perr (*each)(void *, const struct correction *),
                         void *ctx)
{
	struct corr_iter it = {.each = each, .ctx = ctx};
	char d1[11], d2[11];
	struct db_arg a[4];
	struct db_col c[] = {DBC_INT(&it.month), DBC_INT(&it.r.amount), DBC_STR(&it.r.reason)};

	month_date(from, d1);
	month_date(to, d2);
	a[0] = DBA_U64(account);
	a[1] = DBA_U64(service);
	a[2] = DBA_STR(d1);
	a[3] = DBA_STR(d2);
	return db_rows(ar, &corrections, a, 4, c, 3, corr_row, &it);
}
