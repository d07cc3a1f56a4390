/* db/payment.c: money received for accounts, from every channel. */
#include <stdint.h>

#include "billing/access.h"
#include "core/arena.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/payment.h"

/*
 * A period of payments with their split over services, one row per line
 * (a payment without lines comes once, with NULLs).  account 0: all the
 * subscriber may view (sql/049).
 */
static struct db_stmt history = {
        "payment.history",
        "SELECT pm.id, pm.account_id, a.number, o.currency, "
        "DATE_FORMAT(pm.paid_at, '%Y-%m-%dT%H:%i:%sZ'), pm.amount, pm.channel, pm.bank, pm.status, "
        "pl.service_id, IF(? = 'en', sv.name_en, sv.name_ru), su.name, pl.amount, o.time_zone, "
        "fr.storage_number, fr.document_number, fr.fiscal_sign "
        "FROM account_access sa JOIN accounts a ON a.id = sa.account_id "
        "JOIN organizations o ON o.id = a.organization_id "
        "JOIN payments pm ON pm.account_id = a.id AND pm.paid_at >= ? AND pm.paid_at < ? "
        "LEFT JOIN fiscal_receipts fr ON fr.online_id = pm.online_id "
        "LEFT JOIN payment_lines pl ON pl.payment_id = pm.id "
        "LEFT JOIN services sv ON sv.id = pl.service_id "
        "LEFT JOIN suppliers su ON su.id = sv.supplier_id "
        "WHERE sa.subscriber_id = ? AND (? = 0 OR sa.account_id = ?) AND (sa.rights & ?) = ? "
        "ORDER BY pm.paid_at DESC, pm.id DESC, pl.service_id LIMIT ?",
        NULL, 0, NULL};

struct pay_iter {
	const char *currency;
	struct payment r;
	enum perr (*each)(void *, const struct payment *);
	void *ctx;
};

static enum perr pay_row(void *p)
{
	struct pay_iter *it = p;

	it->r.cur = currency_find(it->currency ? it->currency : "");
	return it->each(it->ctx, &it->r);
}

enum perr db_payment_history(struct arena *ar, uint64_t subscriber, uint64_t account, month_t from,
                             month_t to, enum lang lang, unsigned limit,
                             enum perr (*each)(void *, const struct payment *), void *ctx)
{
	struct pay_iter it = {.each = each, .ctx = ctx};
	char d1[11], d2[11];
	struct db_arg a[9];
	struct db_col c[] = {
	        DBC_U64(&it.r.id),         DBC_U64(&it.r.account_id), DBC_STR(&it.r.account_number),
	        DBC_STR(&it.currency),     DBC_STR(&it.r.paid_at),    DBC_INT(&it.r.amount),
	        DBC_STR(&it.r.channel),    DBC_STR(&it.r.bank),       DBC_STR(&it.r.status),
	        DBC_U64(&it.r.service_id), DBC_STR(&it.r.service),    DBC_STR(&it.r.supplier),
	        DBC_INT(&it.r.line),       DBC_STR(&it.r.time_zone),  DBC_STR(&it.r.fiscal_fn),
	        DBC_STR(&it.r.fiscal_fd),  DBC_STR(&it.r.fiscal_fp)};

	month_date(from, d1);
	month_date(to + 1, d2);
	a[0] = DBA_STR(lang_code(lang));
	a[1] = DBA_STR(d1);
	a[2] = DBA_STR(d2);
	a[3] = DBA_U64(subscriber);
	a[4] = DBA_U64(account);
	a[5] = DBA_U64(account);
	a[6] = DBA_INT(RIGHT_VIEW);
	a[7] = DBA_INT(RIGHT_VIEW);
	a[8] = DBA_INT(limit);
	return db_rows(ar, &history, a, 9, c, sizeof(c) / sizeof(c[0]), pay_row, &it);
}
