/*
 * db/account.c: personal accounts and their links to subscribers.  Every
 * statement that takes a subscriber joins subscriber_accounts (the holders)
 * or account_access with the right it needs (sql/049), so an account that is
 * not theirs cannot be read, chosen or unlinked.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "billing/access.h"
#include "billing/account.h"
#include "core/arena.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/account.h"
#include "db/db.h"

/* The columns struct as_iter receives: an account and one service's month. */
#define AS_COLUMNS                                                                                 \
	"SELECT a.id, a.number, a.payer_name, a.address, o.name, o.currency, "                     \
	"sv.id, IF(? = 'en', sv.name_en, sv.name_ru), su.name, sv.unit, l.tariff, l.closing, "     \
	"YEAR(l.period) * 12 + MONTH(l.period) - 1 "

/*
 * Account a's services in its latest month billed, which its summary holds
 * (sql/048): two reads by key.  An account never billed has no summary, and
 * no ledger rows joined.
 */
#define LATEST_SERVICES                                                                            \
	"LEFT JOIN account_summaries s ON s.account_id = a.id "                                    \
	"LEFT JOIN ledger l ON l.account_id = a.id AND l.period = s.latest_period "

/*
 * The latest month of each account the subscriber may see (view), one row
 * per service (or one empty row).  In no order: ordered by account and service, MariaDB built a
 * temporary table and sorted it on every dashboard (issue 22); the few rows
 * are sorted here instead (as_rows_sorted).
 */
static struct db_stmt linked_all = {
        "account.linked",
        AS_COLUMNS "FROM account_access sa "
                   "JOIN accounts a ON a.id = sa.account_id "
                   "JOIN organizations o ON o.id = a.organization_id " LATEST_SERVICES
                   "LEFT JOIN services sv ON sv.id = l.service_id "
                   "LEFT JOIN suppliers su ON su.id = sv.supplier_id "
                   "WHERE sa.subscriber_id = ? AND (sa.rights & ?) = ?",
        NULL, 0, NULL};

#define SUMMARY_PAYMENT(i)                                                                         \
	", p.pay" #i "_id, p.pay" #i "_at, p.pay" #i "_amount, p.pay" #i "_channel"
#define SUMMARY_MONTH(k) ", s.charged_" #k ", s.paid_" #k

/*
 * account.linked with each account's summary: the months of its chart and its
 * newest payments, repeated on each of its rows.  The dashboard's accounts,
 * chart and payments in one statement, read by keys.
 */
static struct db_stmt dashboard = {
        "account.dashboard",
        AS_COLUMNS ", s.billed" SUMMARY_MONTH(0) SUMMARY_MONTH(1) SUMMARY_MONTH(2) SUMMARY_MONTH(3)
                SUMMARY_MONTH(4) SUMMARY_MONTH(5) SUMMARY_MONTH(6) SUMMARY_MONTH(7) SUMMARY_MONTH(
                        8) SUMMARY_MONTH(9) SUMMARY_MONTH(10) SUMMARY_MONTH(11) SUMMARY_PAYMENT(1)
                        SUMMARY_PAYMENT(2) SUMMARY_PAYMENT(
                                3) " "
                                   "FROM account_access sa "
                                   "JOIN accounts a ON a.id = sa.account_id "
                                   "JOIN organizations o ON o.id = "
                                   "a.organization_id " LATEST_SERVICES
                                   "LEFT JOIN account_last_payments p ON p.account_id = a.id "
                                   "LEFT JOIN services sv ON sv.id = l.service_id "
                                   "LEFT JOIN suppliers su ON su.id = sv.supplier_id "
                                   "WHERE sa.subscriber_id = ? AND (sa.rights & ?) = ?",
        NULL, 0, NULL};

/* The current account's services in its latest month, in no order (as above). */
static struct db_stmt services = {
        "account.services",
        AS_COLUMNS
        "FROM accounts a JOIN organizations o ON o.id = a.organization_id "
        "JOIN account_summaries s ON s.account_id = a.id "
        "JOIN ledger l ON l.account_id = a.id AND l.period = s.latest_period "
        "JOIN services sv ON sv.id = l.service_id JOIN suppliers su ON su.id = sv.supplier_id "
        "WHERE a.id = ?",
        NULL, 0, NULL};

/*
 * Whether the account has the parts most have none of, one look into each
 * table's index: the services page asks this first and reads only the
 * parts there are (three statements for every account cost MariaDB about
 * twice this one, issue 22).  The kinds of use are two, ck_usage_kind.
 */
static struct db_stmt extras = {
        "account.extras",
        "SELECT EXISTS (SELECT 1 FROM connections WHERE account_id = ?), "
        "EXISTS (SELECT 1 FROM guarded_objects WHERE account_id = ?), "
        "EXISTS (SELECT 1 FROM usage_records WHERE account_id = ? AND kind = 'call'), "
        "EXISTS (SELECT 1 FROM usage_records WHERE account_id = ? AND kind = 'session')",
        NULL, 0, NULL};

/* One service of the current account, in the latest month it was billed. */
static struct db_stmt service = {
        "account.service",
        AS_COLUMNS
        "FROM accounts a JOIN organizations o ON o.id = a.organization_id "
        "JOIN ledger l ON l.account_id = a.id AND l.service_id = ? "
        "AND l.period = (SELECT p.period FROM ledger p WHERE p.account_id = a.id "
        "AND p.service_id = l.service_id ORDER BY p.period DESC LIMIT 1) "
        "JOIN services sv ON sv.id = l.service_id JOIN suppliers su ON su.id = sv.supplier_id "
        "WHERE a.id = ?",
        NULL, 0, NULL};

static struct db_stmt get = {
        "account.get",
        "SELECT a.id, a.number, a.payer_name, a.address, a.phone, "
        "DATE_FORMAT(a.meters_replaced_on, '%Y-%m-%d'), a.residents, a.area_centi_m2, a.household, "
        "o.id, o.name, o.inn, o.address, o.phones, o.email, o.bank_name, o.bic, o.bank_account, "
        "o.corr_account, o.currency "
        "FROM account_access sa "
        "JOIN accounts a ON a.id = sa.account_id "
        "JOIN organizations o ON o.id = a.organization_id "
        "WHERE sa.subscriber_id = ? AND sa.account_id = ? AND (sa.rights & ?) = ?",
        NULL, 0, NULL};

/*
 * One statement for every outcome, so a wrong number, month or amount cost
 * the same and look the same.  The payment compared is the newest one.
 */
static struct db_stmt verify = {
        "account.verify",
        "SELECT a.id, EXISTS (SELECT 1 FROM subscriber_accounts x "
        "WHERE x.subscriber_id = ? AND x.account_id = a.id) "
        "FROM accounts a JOIN payments p ON p.id = (SELECT q.id FROM payments q "
        "WHERE q.account_id = a.id AND q.status = 'succeeded' "
        "ORDER BY q.paid_at DESC, q.id DESC LIMIT 1) "
        "WHERE a.organization_id = ? AND a.number = ? "
        "AND p.paid_at >= ? AND p.paid_at < ? + INTERVAL 1 MONTH AND p.amount = ?",
        NULL, 0, NULL};

static struct db_stmt link_ = {
        "account.link",
        "INSERT INTO subscriber_accounts (subscriber_id, account_id, linked_at) "
        "VALUES (?, ?, UTC_TIMESTAMP(6))",
        NULL, 0, NULL};

static struct db_stmt unlink_ = {
        "account.unlink",
        "DELETE FROM subscriber_accounts WHERE subscriber_id = ? AND account_id = ?", NULL, 0,
        NULL};

/* Unlinking ends the account's autopay: its saved method goes with it, so
 * linking the account again never brings a charge back. */
static struct db_stmt unlink_autopay = {
        "account.unlink_autopay", "DELETE FROM autopays WHERE subscriber_id = ? AND account_id = ?",
        NULL, 0, NULL};

static struct db_stmt set_current = {"subscriber.set_current",
                                     "UPDATE subscribers SET current_account_id = ? WHERE id = ?",
                                     NULL, 0, NULL};

static struct db_stmt link_record = {
        "link_attempt.record",
        "INSERT INTO link_attempts (subscriber_id, at, ok) VALUES (?, UTC_TIMESTAMP(6), ?)", NULL,
        0, NULL};

/* Columns shared by account.linked and ledger.services (db/ledger.c). */
struct as_iter {
	long long month;
	const char *currency;
	struct account_service r;
	struct account_summary sum; /* account.dashboard's further columns */
	long long billed;
	struct account_summary *kept; /* the summary of the last row's account, */
	uint64_t kept_account;        /* that account */
	struct arena *ar;
	enum perr (*each)(void *, const struct account_service *);
	void *ctx;
};

static enum perr as_row(void *p)
{
	struct as_iter *it = p;

	it->r.acc.org.cur = currency_find(it->currency ? it->currency : "");
	it->r.month = (month_t)it->month;
	return it->each(it->ctx, &it->r);
}

/*
 * An account.dashboard row: its summary copied out of the columns, which the
 * next row overwrites, once for consecutive rows of one account (the
 * server returns an account's services together; if not, a copy each).
 * The summary's latest month is the month of its services' rows; an account
 * never billed has none (nor payments' months).
 */
static enum perr dashboard_row(void *p)
{
	struct as_iter *it = p;
	struct account_summary *s = it->kept;

	if (s == NULL || it->kept_account != it->r.acc.id) {
		if (it->billed < 0 || it->billed >= 1 << SUMMARY_MONTHS)
			return PERR_DB;
		if ((s = arena_alloc(it->ar, sizeof(*s))) == NULL)
			return PERR_NOMEM;
		*s = it->sum;
		s->billed = (unsigned)it->billed;
		s->latest = it->r.service_id != 0 ? (month_t)it->month : 0;
		it->kept = s;
		it->kept_account = it->r.acc.id;
	}
	it->r.summary = s;
	return as_row(p);
}

/* The columns every account-and-service statement begins with. */
#define AS_COLS 13
static void as_columns(struct as_iter *it, struct db_col *c)
{
	struct db_col first[AS_COLS] = {
	        DBC_U64(&it->r.acc.id),       DBC_STR(&it->r.acc.number),
	        DBC_STR(&it->r.acc.payer),    DBC_STR(&it->r.acc.address),
	        DBC_STR(&it->r.acc.org.name), DBC_STR(&it->currency),
	        DBC_U64(&it->r.service_id),   DBC_STR(&it->r.service),
	        DBC_STR(&it->r.supplier),     DBC_STR(&it->r.unit),
	        DBC_INT(&it->r.tariff),       DBC_INT(&it->r.closing),
	        DBC_INT(&it->month),
	};

	memcpy(c, first, sizeof(first));
}

static enum perr as_rows(struct arena *ar, struct db_stmt *st, const struct db_arg *a, size_t na,
                         struct as_iter *it)
{
	struct db_col c[AS_COLS];

	as_columns(it, c);
	return db_rows(ar, st, a, na, c, AS_COLS, as_row, it);
}

/* account.dashboard: the common columns, then the summary's. */
static enum perr dashboard_rows(struct arena *ar, struct db_stmt *st, const struct db_arg *a,
                                size_t na, struct as_iter *it)
{
	struct account_summary *s = &it->sum;
	struct db_col c[AS_COLS + 1 + 2 * SUMMARY_MONTHS + 4 * SUMMARY_PAYMENTS];
	size_t n = AS_COLS, k;

	as_columns(it, c);
	c[n++] = DBC_INT(&it->billed);

	for (k = 0; k < SUMMARY_MONTHS; k++) {
		c[n++] = DBC_INT(&s->charged[k]);
		c[n++] = DBC_INT(&s->paid[k]);
	}
	for (k = 0; k < SUMMARY_PAYMENTS; k++) {
		c[n++] = DBC_U64(&s->pay[k].id);
		c[n++] = DBC_STR(&s->pay[k].paid_at);
		c[n++] = DBC_INT(&s->pay[k].amount);
		c[n++] = DBC_STR(&s->pay[k].channel);
	}
	it->ar = ar;
	return db_rows(ar, st, a, na, c, n, dashboard_row, it);
}

/* A statement's rows gathered, to be handed on by account, then service. */
struct as_gathered {
	struct arena *ar;
	struct account_service *v;
	size_t n, cap;
};

static enum perr as_gather(void *p, const struct account_service *r)
{
	struct as_gathered *g = p;
	struct account_service *grown;

	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 16;
		if ((grown = arena_regrow(g->ar, g->v, g->n, g->cap, sizeof(*grown))) == NULL)
			return PERR_NOMEM;
		g->v = grown;
	}
	g->v[g->n++] = *r; /* its strings are the arena's, one copy a row */
	return PERR_OK;
}

static int by_account_service(const void *a, const void *b)
{
	const struct account_service *x = a, *y = b;

	if (x->acc.id != y->acc.id)
		return x->acc.id < y->acc.id ? -1 : 1;
	return (x->service_id > y->service_id) - (x->service_id < y->service_id);
}

/* How a statement's rows are read: as_rows, or dashboard_rows for its summaries. */
typedef enum perr (*as_reader)(struct arena *, struct db_stmt *, const struct db_arg *, size_t,
                               struct as_iter *);

static enum perr as_rows_sorted(struct arena *ar, struct db_stmt *st, as_reader read,
                                const struct db_arg *a, size_t na,
                                enum perr (*each)(void *, const struct account_service *),
                                void *ctx)
{
	struct as_gathered g = {.ar = ar};
	struct as_iter it = {.each = as_gather, .ctx = &g};
	enum perr e = read(ar, st, a, na, &it);
	size_t i;

	if (e != PERR_OK)
		return e;
	if (g.n > 1)
		qsort(g.v, g.n, sizeof(g.v[0]), by_account_service);
	for (i = 0; i < g.n; i++)
		if ((e = each(ctx, &g.v[i])) != PERR_OK)
			return e;
	return PERR_OK;
}

enum perr db_linked_services(struct arena *ar, uint64_t subscriber, enum lang lang,
                             enum perr (*each)(void *, const struct account_service *), void *ctx)
{
	struct db_arg a[] = {DBA_STR(lang_code(lang)), DBA_U64(subscriber), DBA_INT(RIGHT_VIEW),
	                     DBA_INT(RIGHT_VIEW)};

	return as_rows_sorted(ar, &linked_all, as_rows, a, 4, each, ctx);
}

enum perr db_dashboard_services(struct arena *ar, uint64_t subscriber, enum lang lang,
                                enum perr (*each)(void *, const struct account_service *),
                                void *ctx)
{
	struct db_arg a[] = {DBA_STR(lang_code(lang)), DBA_U64(subscriber), DBA_INT(RIGHT_VIEW),
	                     DBA_INT(RIGHT_VIEW)};

	return as_rows_sorted(ar, &dashboard, dashboard_rows, a, 4, each, ctx);
}

enum perr db_account_services(struct arena *ar, uint64_t account, enum lang lang,
                              enum perr (*each)(void *, const struct account_service *), void *ctx)
{
	struct db_arg a[] = {DBA_STR(lang_code(lang)), DBA_U64(account)};

	return as_rows_sorted(ar, &services, as_rows, a, 2, each, ctx);
}

/* Keeps the one row db_account_service() asks for. */
static enum perr as_keep(void *ctx, const struct account_service *r)
{
	*(struct account_service *)ctx = *r;
	return PERR_OK;
}

enum perr db_account_service(struct arena *ar, uint64_t account, uint64_t svc, enum lang lang,
                             struct account_service *out)
{
	struct as_iter it = {.each = as_keep, .ctx = out};
	struct db_arg a[] = {DBA_STR(lang_code(lang)), DBA_U64(svc), DBA_U64(account)};
	enum perr e;

	out->service_id = 0;
	e = as_rows(ar, &service, a, 3, &it);
	return e == PERR_OK && out->service_id == 0 ? PERR_NOT_FOUND : e;
}

enum perr db_account_extras(struct arena *ar, uint64_t account, struct account_extras *out)
{
	struct db_arg a[] = {DBA_U64(account), DBA_U64(account), DBA_U64(account),
	                     DBA_U64(account)};
	struct db_col c[] = {DBC_INT(&out->connections), DBC_INT(&out->objects),
	                     DBC_INT(&out->calls), DBC_INT(&out->sessions)};

	return db_row(ar, &extras, a, 4, c, 4);
}

enum perr db_account_get(struct arena *ar, uint64_t subscriber, uint64_t account, unsigned rights,
                         struct account *out)
{
	const char *currency = NULL;
	struct db_arg a[] = {DBA_U64(subscriber), DBA_U64(account), DBA_INT(rights),
	                     DBA_INT(rights)};
	struct db_col c[] = {
	        DBC_U64(&out->id),
	        DBC_STR(&out->number),
	        DBC_STR(&out->payer),
	        DBC_STR(&out->address),
	        DBC_STR(&out->phone),
	        DBC_STR(&out->meters_replaced_on),
	        DBC_INT(&out->residents),
	        DBC_INT(&out->area_centi_m2),
	        DBC_STR(&out->household),
	        DBC_U64(&out->org.id),
	        DBC_STR(&out->org.name),
	        DBC_STR(&out->org.inn),
	        DBC_STR(&out->org.address),
	        DBC_STR(&out->org.phones),
	        DBC_STR(&out->org.email),
	        DBC_STR(&out->org.bank_name),
	        DBC_STR(&out->org.bic),
	        DBC_STR(&out->org.bank_account),
	        DBC_STR(&out->org.corr_account),
	        DBC_STR(&currency),
	};
	enum perr e;

	out->id = out->org.id = 0;
	e = db_row(ar, &get, a, 4, c, sizeof(c) / sizeof(c[0]));
	out->org.cur = currency_find(currency ? currency : "");
	return e;
}

enum perr db_account_verify(struct arena *ar, uint64_t subscriber, uint64_t org, const char *number,
                            month_t month, money_t amount, uint64_t *account, int *linked)
{
	long long have = 0;
	char from[11];
	struct db_arg a[6];
	struct db_col c[] = {DBC_U64(account), DBC_INT(&have)};
	enum perr e;

	month_date(month, from);
	a[0] = DBA_U64(subscriber);
	a[1] = DBA_U64(org);
	a[2] = DBA_STR(number);
	a[3] = DBA_STR(from);
	a[4] = DBA_STR(from);
	a[5] = DBA_INT(amount);
	*account = 0;
	e = db_row(ar, &verify, a, 6, c, 2);
	*linked = have != 0;
	return e;
}

/* Registration: an account by what is printed on its receipts, with the phone on file. */
static struct db_stmt by_number = {
        "account.by_number",
        "SELECT id, payer_name, phone FROM accounts WHERE organization_id = ? AND number = ?", NULL,
        0, NULL};

enum perr db_account_by_number(struct arena *ar, uint64_t org, const char *number,
                               struct account *out)
{
	struct db_arg a[] = {DBA_U64(org), DBA_STR(number)};
	struct db_col c[] = {DBC_U64(&out->id), DBC_STR(&out->payer), DBC_STR(&out->phone)};

	out->id = 0;
	out->number = number;
	return db_row(ar, &by_number, a, 2, c, 3);
}

enum perr db_account_link(uint64_t subscriber, uint64_t account)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_U64(account)};

	return db_exec(&link_, a, 2, NULL, NULL);
}

enum perr db_account_unlink(uint64_t subscriber, uint64_t account)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_U64(account)};
	unsigned long long n = 0;
	enum perr e;

	if ((e = db_begin()) != PERR_OK)
		return e;
	if ((e = db_exec(&unlink_, a, 2, &n, NULL)) != PERR_OK || n == 0 ||
	    (e = db_exec(&unlink_autopay, a, 2, NULL, NULL)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return e == PERR_OK ? PERR_NOT_FOUND : e;
	}
	return PERR_OK;
}

enum perr db_subscriber_set_current(uint64_t subscriber, uint64_t account)
{
	struct db_arg a[] = {DBA_U64(account), DBA_U64(subscriber)};

	return db_exec(&set_current, a, 2, NULL, NULL);
}

enum perr db_link_record(uint64_t subscriber, int ok)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_INT(ok ? 1 : 0)};

	return db_exec(&link_record, a, 2, NULL, NULL);
}

static struct db_stmt payable = {
        "account.payable",
        "SELECT a.id, a.number, a.address, o.name, o.currency, o.pay_online, "
        "COUNT(l.service_id), COALESCE(SUM(GREATEST(l.closing, 0)), 0), "
        "COALESCE(SUM(GREATEST(-l.closing, 0)), 0) "
        "FROM account_access sa JOIN accounts a ON a.id = sa.account_id "
        "JOIN organizations o ON o.id = a.organization_id " LATEST_SERVICES
        "WHERE sa.subscriber_id = ? AND (sa.rights & ?) = ? GROUP BY a.id ORDER BY a.id",
        NULL, 0, NULL};

struct payable_iter {
	long long online, billed;
	const char *currency;
	struct payable r;
	enum perr (*each)(void *, const struct payable *);
	void *ctx;
};

static enum perr payable_row(void *p)
{
	struct payable_iter *it = p;

	it->r.pay_online = it->online != 0;
	it->r.billed = it->billed != 0;
	it->r.cur = currency_find(it->currency ? it->currency : "");
	return it->each(it->ctx, &it->r);
}

enum perr db_payable_accounts(struct arena *ar, uint64_t subscriber,
                              enum perr (*each)(void *, const struct payable *), void *ctx)
{
	struct payable_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&it.r.id),   DBC_STR(&it.r.number), DBC_STR(&it.r.address),
	                     DBC_STR(&it.r.org),  DBC_STR(&it.currency), DBC_INT(&it.online),
	                     DBC_INT(&it.billed), DBC_INT(&it.r.due),    DBC_INT(&it.r.advance)};

	struct db_arg a[] = {DBA_U64(subscriber), DBA_INT(RIGHT_PAY), DBA_INT(RIGHT_PAY)};

	return db_rows(ar, &payable, a, 3, c, 9, payable_row, &it);
}
