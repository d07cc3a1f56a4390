/*
 * db/credit.c: crediting a payment to the ledger.  The account's row is the
 * lock every credit to that account takes first (db_online_lock_items()
 * takes it with the payment), so two payments to one account queue instead
 * of reading the same balance.
 */
#include <stdint.h>

#include "core/arena.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/credit.h"
#include "db/db.h"
#include "db/own_payee.h"

/* Newest month first; the key (account_id, period, service_id) serves it backwards. */
static struct db_stmt zone = {
	"credit.zone",
	"SELECT o.time_zone FROM accounts a JOIN organizations o ON o.id = a.organization_id "
	"WHERE a.id = ?",
	NULL, 0, NULL};

static struct db_stmt rows = {
	"credit.rows",
	"SELECT service_id, YEAR(period) * 12 + MONTH(period) - 1, tariff, accrued + corrections, "
	"closing FROM ledger WHERE account_id = ? AND period >= ? "
	"ORDER BY period DESC, service_id",
	NULL, 0, NULL};

/*
 * A payment's shares travel as one JSON array, [{"s":service,"a":amount},...],
 * built by credit_apply() from integers only, so that crediting every service
 * of an account is one statement however many services it has.
 */
#define SHARES "JSON_TABLE(?, '$[*]' COLUMNS (s INT PATH '$.s', a BIGINT PATH '$.a')) x"

static struct db_stmt credit = {
	"credit.ledger",
	"UPDATE ledger l JOIN " SHARES " ON x.s = l.service_id "
	"SET l.paid = l.paid + x.a, l.closing = l.closing - x.a "
	"WHERE l.account_id = ? AND l.period = ?",
	NULL, 0, NULL};

/* The month a payment arrives in, before it is billed: opened from the last
 * month's rows, nothing accrued yet, the shares paid. */
static struct db_stmt open_month = {
	"credit.open_month",
	"INSERT INTO ledger (account_id, service_id, period, tariff, quantity, opening, accrued, "
	"corrections, paid, closing) SELECT l.account_id, l.service_id, ?, l.tariff, 0, l.closing, "
	"0, 0, x.a, l.closing - x.a FROM ledger l JOIN " SHARES " ON x.s = l.service_id "
	"WHERE l.account_id = ? AND l.period = ?",
	NULL, 0, NULL};

static struct db_stmt lines = {
	"credit.lines",
	"INSERT INTO payment_lines (payment_id, service_id, period, amount, payee_id) "
	"SELECT ?, x.s, ?, x.a, " PAYEE_OF("su") " FROM " SHARES " "
	"JOIN services sv ON sv.id = x.s JOIN suppliers su ON su.id = sv.supplier_id "
	"WHERE x.a <> 0",
	NULL, 0, NULL};

struct row_iter {
	long long month;
	struct credit_row r;
	enum perr (*each)(void *, const struct credit_row *);
	void *ctx;
};

static enum perr credit_row(void *p)
{
	struct row_iter *it = p;

	it->r.month = (month_t)it->month;
	return it->each(it->ctx, &it->r);
}

enum perr db_credit_zone(struct arena *ar, uint64_t account, const char **tz)
{
	struct db_arg a[] = {DBA_U64(account)};
	struct db_col c[] = {DBC_STR(tz)};

	return db_row(ar, &zone, a, 1, c, 1);
}

enum perr db_credit_rows(struct arena *ar, uint64_t account, month_t from,
                         enum perr (*each)(void *, const struct credit_row *), void *ctx)
{
	struct row_iter it = {.each = each, .ctx = ctx};
	char d[11];
	struct db_arg a[2];
	struct db_col c[] = {DBC_U64(&it.r.service), DBC_INT(&it.month), DBC_INT(&it.r.tariff),
			     DBC_INT(&it.r.charge), DBC_INT(&it.r.closing)};

	month_date(from, d);
	a[0] = DBA_U64(account);
	a[1] = DBA_STR(d);
	return db_rows(ar, &rows, a, 2, c, 5, credit_row, &it);
}

enum perr db_ledger_credit(uint64_t account, month_t month, const char *shares, size_t n)
{
	char d[11];
	unsigned long long changed = 0;
	enum perr e;

	month_date(month, d);
	e = db_exec(&credit, (struct db_arg[]){DBA_STR(shares), DBA_U64(account), DBA_STR(d)}, 3,
		    &changed, NULL);
	return e == PERR_OK && changed != n ? PERR_NOT_FOUND : e;
}

enum perr db_ledger_open_month(uint64_t account, month_t from, month_t month, const char *shares,
			       size_t n)
{
	char d[11], f[11];
	unsigned long long added = 0;
	enum perr e;

	month_date(month, d);
	month_date(from, f);
	e = db_exec(&open_month,
		    (struct db_arg[]){DBA_STR(d), DBA_STR(shares), DBA_U64(account), DBA_STR(f)}, 4,
		    &added, NULL);
	return e == PERR_OK && added != n ? PERR_NOT_FOUND : e;
}

enum perr db_payment_lines(uint64_t payment, month_t month, const char *shares)
{
	char d[11];

	month_date(month, d);
	return db_exec(&lines, (struct db_arg[]){DBA_U64(payment), DBA_STR(d), DBA_STR(shares)}, 3,
		       NULL, NULL);
}
