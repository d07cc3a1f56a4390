/*
 * db/credit.c: crediting a payment to the ledger.  The account's row is the
 * lock every credit to that account takes first (lib/settle.c takes them in
 * account order), so two payments to one account queue instead of reading
 * the same balance.
 */
#include "../portal.h"

static struct db_stmt lock_account = {
	"credit.lock_account", "SELECT id FROM accounts WHERE id = ? FOR UPDATE", NULL, 0, NULL};

/* Newest month first; the key (account_id, period, service_id) serves it backwards. */
static struct db_stmt rows = {
	"credit.rows",
	"SELECT service_id, YEAR(period) * 12 + MONTH(period) - 1, tariff, accrued + corrections, "
	"closing FROM ledger WHERE account_id = ? AND period >= ? "
	"ORDER BY period DESC, service_id",
	NULL, 0, NULL};

static struct db_stmt credit = {
	"credit.ledger",
	"UPDATE ledger SET paid = paid + ?, closing = closing - ? "
	"WHERE account_id = ? AND period = ? AND service_id = ?",
	NULL, 0, NULL};

/* The month a payment arrives in, before it is billed: nothing accrued yet. */
static struct db_stmt open_month = {
	"credit.open_month",
	"INSERT INTO ledger (account_id, service_id, period, tariff, quantity, opening, accrued, "
	"corrections, paid, closing) VALUES (?, ?, ?, ?, 0, ?, 0, 0, ?, ?)",
	NULL, 0, NULL};

static struct db_stmt line = {
	"credit.line",
	"INSERT INTO payment_lines (payment_id, service_id, period, amount) VALUES (?, ?, ?, ?)",
	NULL, 0, NULL};

enum perr db_account_lock(uint64_t account)
{
	struct db_arg a[] = {DBA_INT(account)};
	long long id;
	struct db_col c[] = {DBC_INT(&id)};

	return db_row(NULL, &lock_account, a, 1, c, 1);
}

struct row_iter {
	long long service, month;
	struct credit_row r;
	int (*each)(void *, const struct credit_row *);
	void *ctx;
};

static int credit_row(void *p)
{
	struct row_iter *it = p;

	it->r.service = (uint64_t)it->service;
	it->r.month = (month_t)it->month;
	return it->each(it->ctx, &it->r);
}

enum perr db_credit_rows(struct arena *ar, uint64_t account, month_t from,
			 int (*each)(void *, const struct credit_row *), void *ctx)
{
	struct row_iter it = {.each = each, .ctx = ctx};
	char d[11];
	struct db_arg a[2];
	struct db_col c[] = {DBC_INT(&it.service), DBC_INT(&it.month), DBC_INT(&it.r.tariff),
			     DBC_INT(&it.r.charge), DBC_INT(&it.r.closing)};

	month_date(from, d);
	a[0] = DBA_INT(account);
	a[1] = DBA_STR(d);
	return db_rows(ar, &rows, a, 2, c, 5, credit_row, &it);
}

enum perr db_ledger_credit(uint64_t account, uint64_t service, month_t month, money_t amount)
{
	char d[11];
	unsigned long long n = 0;
	enum perr e;

	month_date(month, d);
	e = db_exec(&credit,
		    (struct db_arg[]){DBA_INT(amount), DBA_INT(amount), DBA_INT(account), DBA_STR(d),
				      DBA_INT(service)},
		    5, &n, NULL);
	return e == PERR_OK && n != 1 ? PERR_NOT_FOUND : e;
}

enum perr db_ledger_open_month(uint64_t account, uint64_t service, month_t month, money_t tariff,
			       money_t opening, money_t paid)
{
	char d[11];

	month_date(month, d);
	return db_exec(&open_month,
		       (struct db_arg[]){DBA_INT(account), DBA_INT(service), DBA_STR(d),
					 DBA_INT(tariff), DBA_INT(opening), DBA_INT(paid),
					 DBA_INT(opening - paid)},
		       7, NULL, NULL);
}

enum perr db_payment_line(uint64_t payment, uint64_t service, month_t month, money_t amount)
{
	char d[11];

	month_date(month, d);
	return db_exec(&line,
		       (struct db_arg[]){DBA_INT(payment), DBA_INT(service), DBA_STR(d),
					 DBA_INT(amount)},
		       4, NULL, NULL);
}
