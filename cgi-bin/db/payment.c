/* db/payment.c: money received for accounts. */
#include "../portal.h"

/* The index (account_id, paid_on) serves each linked account's newest first. */
static struct db_stmt recent = {
	"payment.recent",
	"SELECT p.account_id, a.number, o.currency, DATE_FORMAT(p.paid_on, '%Y-%m-%d'), "
	"p.amount, p.channel "
	"FROM subscriber_accounts sa JOIN accounts a ON a.id = sa.account_id "
	"JOIN organizations o ON o.id = a.organization_id "
	"JOIN payments p ON p.account_id = a.id "
	"WHERE sa.subscriber_id = ? ORDER BY p.paid_on DESC, p.id DESC LIMIT ?",
	NULL, 0, NULL};

struct pay_iter {
	long long account;
	const char *currency;
	struct payment r;
	int (*each)(void *, const struct payment *);
	void *ctx;
};

static int pay_row(void *p)
{
	struct pay_iter *it = p;

	it->r.account_id = (uint64_t)it->account;
	it->r.cur = currency_find(it->currency ? it->currency : "");
	return it->each(it->ctx, &it->r);
}

enum perr db_payments_recent(struct arena *ar, uint64_t subscriber, unsigned limit,
			     int (*each)(void *, const struct payment *), void *ctx)
{
	struct pay_iter it = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_INT(subscriber), DBA_INT(limit)};
	struct db_col c[] = {DBC_INT(&it.account), DBC_STR(&it.r.account_number),
			     DBC_STR(&it.currency), DBC_STR(&it.r.paid_on),
			     DBC_INT(&it.r.amount), DBC_STR(&it.r.channel)};

	return db_rows(ar, &recent, a, 2, c, 6, pay_row, &it);
}
