/*
 * db/refund.c: refunds.  The online payment's row is the lock every refund
 * of it takes first, so two staff refunding at once are served one after
 * the other and together never take back more than was paid.
 */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/money.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/refund.h"

static struct db_stmt lock_payment = {
	"refund.lock_payment",
	"SELECT o.amount, o.status, (SELECT COALESCE(SUM(rfd.amount), 0) FROM refunds rfd "
	"WHERE rfd.online_id = o.id AND rfd.status <> 'canceled') "
	"FROM online_payments o WHERE o.id = ? FOR UPDATE",
	NULL, 0, NULL};

static struct db_stmt by_key = {
	"refund.by_key",
	"SELECT id FROM refunds WHERE idem_key = ?",
	NULL, 0, NULL};

static struct db_stmt insert = {
	"refund.insert",
	"INSERT INTO refunds (online_id, idem_key, amount, status, reason, staff_id, created_at) "
	"VALUES (?, ?, ?, 'created', ?, ?, UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

#define REFUND_COLS                                                                         \
	"SELECT rfd.id, rfd.online_id, o.subscriber_id, rfd.idem_key, rfd.status, rfd.provider_id, "      \
	"rfd.amount, o.provider_id, o.currency, o.kind, "                                        \
	"DATE_FORMAT(rfd.created_at, '%Y-%m-%dT%H:%i:%sZ'), rfd.reason, st.login "                  \
	"FROM refunds rfd JOIN online_payments o ON o.id = rfd.online_id "                        \
	"JOIN staff st ON st.id = rfd.staff_id "

static struct db_stmt get = {
	"refund.get",
	REFUND_COLS "WHERE rfd.id = ?",
	NULL, 0, NULL};

static struct db_stmt get_lock = {
	"refund.get_lock",
	REFUND_COLS "WHERE rfd.id = ? FOR UPDATE",
	NULL, 0, NULL};

static struct db_stmt of_payment = {
	"refund.of_payment",
	REFUND_COLS "WHERE rfd.online_id = ? ORDER BY rfd.id",
	NULL, 0, NULL};

static struct db_stmt set = {
	"refund.set",
	"UPDATE refunds SET status = ?, provider_id = COALESCE(?, provider_id), "
	"settled_at = IF(? IN ('succeeded', 'canceled'), UTC_TIMESTAMP(6), NULL) WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt refund_row = {
	"refund.payment",
	"INSERT INTO payments (account_id, paid_at, amount, channel, bank, status, refund_id) "
	"VALUES (?, UTC_TIMESTAMP(), ?, ?, NULL, 'succeeded', ?)",
	NULL, 0, NULL};

static struct db_stmt lines_of = {
	"refund.lines_of",
	"SELECT service_id, amount FROM payment_lines WHERE payment_id = ? ORDER BY service_id",
	NULL, 0, NULL};

enum perr db_refund_lock_payment(struct arena *ar, uint64_t online, money_t *amount,
				 const char **status, money_t *held)
{
	struct db_arg a[] = {DBA_U64(online)};
	long long amt = 0, h = 0;
	struct db_col c[] = {DBC_INT(&amt), DBC_STR(status), DBC_INT(&h)};
	enum perr e = db_row(ar, &lock_payment, a, 1, c, 3);

	*amount = amt;
	*held = h;
	return e;
}

enum perr db_refund_by_key(struct arena *ar, const char *key, uint64_t *id)
{
	struct db_arg a[] = {DBA_STR(key)};
	struct db_col c[] = {DBC_U64(id)};

	return db_row(ar, &by_key, a, 1, c, 1);
}

enum perr db_refund_insert(uint64_t online, const char *key, money_t amount, const char *reason,
			   uint64_t staff, uint64_t *id)
{
	struct db_arg a[] = {DBA_U64(online), DBA_STR(key), DBA_INT(amount), DBA_STR(reason),
			     DBA_U64(staff)};
	unsigned long long newid = 0;
	enum perr e = db_exec(&insert, a, 5, NULL, &newid);

	*id = newid;
	return e;
}

struct refund_ctx {
	struct refund row;
	long long amount;
	enum perr (*each)(void *, const struct refund *);
	void *ctx;
};

static enum perr refund_each(void *p)
{
	struct refund_ctx *x = p;

	x->row.amount = x->amount;
	return x->each ? x->each(x->ctx, &x->row) : PERR_OK;
}

#define REFUND_OUT(x)                                                                       \
	{DBC_U64(&(x).row.id),		DBC_U64(&(x).row.online_id),                              \
	 DBC_U64(&(x).row.subscriber_id), DBC_STR(&(x).row.key),                                \
	 DBC_STR(&(x).row.status),	DBC_STR(&(x).row.provider_id),                             \
	 DBC_INT(&(x).amount),		DBC_STR(&(x).row.payment_provider_id),                     \
	 DBC_STR(&(x).row.currency),	DBC_STR(&(x).row.kind),                                    \
	 DBC_STR(&(x).row.created_at),	DBC_STR(&(x).row.reason),                                  \
	 DBC_STR(&(x).row.staff_login)}

enum perr db_refund_get(struct arena *ar, uint64_t id, int lock, struct refund *out)
{
	struct refund_ctx x = {0};
	struct db_arg a[] = {DBA_U64(id)};
	struct db_col c[] = REFUND_OUT(x);
	enum perr e = db_row(ar, lock ? &get_lock : &get, a, 1, c, 13);

	x.row.amount = x.amount;
	*out = x.row;
	return e;
}

enum perr db_refunds_of(struct arena *ar, uint64_t online,
			enum perr (*each)(void *, const struct refund *), void *ctx)
{
	struct refund_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(online)};
	struct db_col c[] = REFUND_OUT(x);

	return db_rows(ar, &of_payment, a, 1, c, 13, refund_each, &x);
}

enum perr db_refund_set(uint64_t id, const char *status, const char *provider_id)
{
	struct db_arg a[] = {DBA_STR(status), provider_id ? DBA_STR(provider_id) : DBA_NULL,
			     DBA_STR(status), DBA_U64(id)};

	return db_exec(&set, a, 4, NULL, NULL);
}

enum perr db_refund_payment(uint64_t account, money_t amount, const char *channel,
			    uint64_t refund, uint64_t *payment_id)
{
	struct db_arg a[] = {DBA_U64(account), DBA_INT(amount), DBA_STR(channel), DBA_U64(refund)};
	unsigned long long newid = 0;
	enum perr e = db_exec(&refund_row, a, 4, NULL, &newid);

	*payment_id = newid;
	return e;
}

struct line_ctx {
	struct payment_line row;
	long long amount;
	enum perr (*each)(void *, const struct payment_line *);
	void *ctx;
};

static enum perr line_each(void *p)
{
	struct line_ctx *x = p;

	x->row.amount = x->amount;
	return x->each(x->ctx, &x->row);
}

enum perr db_payment_lines_of(struct arena *ar, uint64_t payment,
			      enum perr (*each)(void *, const struct payment_line *), void *ctx)
{
	struct line_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(payment)};
	struct db_col c[] = {DBC_U64(&x.row.service), DBC_INT(&x.amount)};

	return db_rows(ar, &lines_of, a, 1, c, 2, line_each, &x);
}

/* ---------------------------------------------------------------- lookup */

#define FOUND_COLS                                                                          \
	"SELECT o.id, o.provider_id, o.status, o.kind, o.currency, "                            \
	"DATE_FORMAT(o.created_at, '%Y-%m-%dT%H:%i:%sZ'), s.login, "                            \
	"(SELECT GROUP_CONCAT(a2.number ORDER BY a2.number SEPARATOR ', ') FROM payments p2 "  \
	"STRAIGHT_JOIN accounts a2 ON a2.id = p2.account_id WHERE p2.online_id = o.id), "       \
	"o.amount, (SELECT COALESCE(SUM(rfd.amount), 0) FROM refunds rfd "                     \
	"WHERE rfd.online_id = o.id AND rfd.status <> 'canceled'), "                        \
	"(SELECT a3.organization_id FROM accounts a3 WHERE a3.id = (SELECT MIN(p3.account_id) " \
	"FROM payments p3 WHERE p3.online_id = o.id)) "                                         \
	"FROM online_payments o JOIN subscribers s ON s.id = o.subscriber_id "

/*
 * The subqueries start from the payment's own rows (payments by online_id)
 * and reach accounts by key; STRAIGHT_JOIN keeps that order, as the
 * optimizer, misled by the many payments without an online_id, would
 * rather read every account.
 *
 * Theirs: the organization of the accounts it pays for (the first's: a
 * payment pays one organization's accounts) is one of theirs.  Checked on
 * each payment found, by key, never by gathering every payment of theirs.
 */
#define FOUND_SCOPE                                                                         \
	" AND (SELECT a4.organization_id FROM accounts a4 WHERE a4.id = (SELECT "              \
	"MIN(p4.account_id) FROM payments p4 WHERE p4.online_id = o.id)) IN (SELECT "           \
	"so.organization_id FROM staff_organizations so WHERE so.staff_id = ?) "               \
	"ORDER BY o.id DESC LIMIT ?"

static struct db_stmt find_id = {
	"refund.find_id",
	FOUND_COLS "WHERE o.id = ?" FOUND_SCOPE,
	NULL, 0, NULL};

static struct db_stmt find_provider = {
	"refund.find_provider",
	FOUND_COLS "WHERE o.provider_id = ?" FOUND_SCOPE,
	NULL, 0, NULL};

static struct db_stmt find_account = {
	"refund.find_account",
	FOUND_COLS "WHERE o.id IN (SELECT p5.online_id FROM payments p5 WHERE p5.account_id IN "
		   "(SELECT a5.id FROM staff_organizations so5 JOIN accounts a5 ON "
		   "a5.organization_id = so5.organization_id WHERE so5.staff_id = ? "
		   "AND a5.number = ?) AND p5.online_id IS NOT NULL)" FOUND_SCOPE,
	NULL, 0, NULL};

static struct db_stmt find_day = {
	"refund.find_day",
	FOUND_COLS "WHERE o.created_at >= ? AND o.created_at < ? + INTERVAL 1 DAY" FOUND_SCOPE,
	NULL, 0, NULL};

struct found_ctx {
	struct payment_found row;
	long long amount, refunded;
	enum perr (*each)(void *, const struct payment_found *);
	void *ctx;
};

static enum perr found_each(void *p)
{
	struct found_ctx *x = p;

	x->row.amount = x->amount;
	x->row.refunded = x->refunded;
	return x->each(x->ctx, &x->row);
}

enum perr db_payments_find(struct arena *ar, uint64_t staff, enum payment_by by, const char *q,
			   unsigned limit, enum perr (*each)(void *, const struct payment_found *),
			   void *ctx)
{
	struct found_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[5];
	struct db_col c[] = {DBC_U64(&x.row.id),	   DBC_STR(&x.row.provider_id),
			     DBC_STR(&x.row.status),	   DBC_STR(&x.row.kind),
			     DBC_STR(&x.row.currency),	   DBC_STR(&x.row.created_at),
			     DBC_STR(&x.row.login),	   DBC_STR(&x.row.accounts),
			     DBC_INT(&x.amount),	   DBC_INT(&x.refunded),
			     DBC_UINT(&x.row.org)};
	size_t n = 0;
	struct db_stmt *st;

	switch (by) {
	case PAY_BY_ID: st = &find_id; break;
	case PAY_BY_PROVIDER: st = &find_provider; break;
	case PAY_BY_ACCOUNT: st = &find_account; break;
	case PAY_BY_DAY: st = &find_day; break;
	default: return PERR_BAD_INPUT;
	}
	/* An account number is unique within an organization: theirs are looked in. */
	if (by == PAY_BY_ACCOUNT)
		a[n++] = DBA_U64(staff);
	a[n++] = DBA_STR(q);
	if (by == PAY_BY_DAY)
		a[n++] = DBA_STR(q);
	a[n++] = DBA_U64(staff);
	a[n++] = DBA_INT(limit);
	return db_rows(ar, st, a, n, c, 11, found_each, &x);
}
