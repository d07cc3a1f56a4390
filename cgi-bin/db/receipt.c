/*
 * db/receipt.c: what a receipt is made of, the list of an account's
 * receipts, receipts by e-mail, and issuing a month.  A receipt is read as it
 * was issued (db/receipt_doc.c stores it); only whether it has been paid
 * since is read from the live ledger.
 */
#include <stdint.h>

#include "billing/access.h"
#include "billing/account.h"
#include "billing/receipt.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/log.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/own_payee.h"
#include "db/receipt.h"
#include "db/receipt_doc.h"

/*
 * The receipt as issued (sql/025): version 0 asks for the latest.  The head
 * is read through account_access (sql/049): a receipt of an account the
 * subscriber may not view does not exist for them.  Receipts by e-mail are
 * a holder's choice, kept with their link.
 */
#define DOC_VERSION                                                                          \
	"d.version = IF(? > 0, ?, (SELECT MAX(x.version) FROM receipt_documents x "          \
	"WHERE x.account_id = d.account_id AND x.period = d.period))"

static struct db_stmt head = {
        "receipt.head",
        "SELECT a.number, d.payer_name, d.address, d.residents, d.area_centi_m2, "
        "d.organization_id, d.org_name, d.org_short_name, d.inn, d.kpp, d.org_address, d.phones, "
        "d.email, d.website, d.bank_name, d.bic, d.bank_account, d.corr_account, d.currency, "
        "d.receipt_note, d.qr_category, d.qr_tech_code, DATE_FORMAT(d.due_on, '%Y-%m-%d'), "
        "DATE_FORMAT(d.issued_at, '%Y-%m-%d'), COALESCE(h.receipt_email, 0), d.version, d.reason, "
        "DATE_FORMAT(d.replaced_at, '%Y-%m-%d'), (SELECT MAX(x.version) FROM receipt_documents x "
        "WHERE x.account_id = d.account_id AND x.period = d.period) "
        "FROM account_access sa JOIN accounts a ON a.id = sa.account_id "
        "JOIN receipt_documents d ON d.account_id = a.id AND d.period = ? AND " DOC_VERSION " "
        "LEFT JOIN subscriber_accounts h ON h.subscriber_id = sa.subscriber_id "
        "AND h.account_id = sa.account_id "
        "WHERE sa.subscriber_id = ? AND sa.account_id = ? AND (sa.rights & ?) = ?",
        NULL, 0, NULL};

/* The lines as issued; what was paid to each service since, from the live ledger. */
static struct db_stmt lines = {
	"receipt.lines",
	"SELECT l.service_id, IF(? = 'en', l.name_en, l.name_ru), l.supplier, l.unit, l.tariff, "
	"l.quantity, l.opening, l.accrued, l.corrections, l.paid, l.closing, "
	"(SELECT COALESCE(SUM(n.paid), 0) FROM ledger n WHERE n.account_id = l.account_id "
	"AND n.period > l.period AND n.service_id = l.service_id), l.penalties, "
	"COALESCE(l.payee_id, 0) "
	"FROM receipt_document_lines l WHERE l.account_id = ? AND l.period = ? AND l.version = ? "
	"ORDER BY l.service_id",
	NULL, 0, NULL};

/* The suppliers paid directly, as issued (sql/046), in the order of their ids. */
static struct db_stmt payees = {
	"receipt.payees",
	"SELECT p.supplier_id, p.name, p.short_name, p.inn, p.kpp, p.bank_name, p.bic, "
	"p.bank_account, p.corr_account FROM receipt_document_payees p "
	"WHERE p.account_id = ? AND p.period = ? AND p.version = ? ORDER BY p.supplier_id",
	NULL, 0, NULL};

/* An organization's suppliers paid directly, checked before its month is issued. */
static struct db_stmt issue_payees = {
	"receipt.issue_payees",
	"SELECT su.id, su.name, su.short_name, su.inn, su.kpp, su.bank_name, su.bic, "
	"su.bank_account, su.corr_account FROM suppliers su "
	"WHERE su.organization_id = ? AND " PAID_DIRECTLY("su") " ORDER BY su.id",
	NULL, 0, NULL};

static struct db_stmt volumes = {
	"receipt.volumes",
	"SELECT v.service_id, v.zone, v.tier, v.tariff, v.quantity, v.amount "
	"FROM receipt_document_volumes v WHERE v.account_id = ? AND v.period = ? AND v.version = ? "
	"ORDER BY v.service_id, v.zone, v.tier, v.tariff",
	NULL, 0, NULL};

static struct db_stmt corrections = {
	"receipt.corrections",
	"SELECT IF(? = 'en', c.name_en, c.name_ru), c.amount, c.reason, c.kind = 'penalty' "
	"FROM receipt_document_corrections c "
	"WHERE c.account_id = ? AND c.period = ? AND c.version = ? ORDER BY c.service_id, c.seq",
	NULL, 0, NULL};

static struct db_stmt readings = {
	"receipt.readings",
	"SELECT r.meter, r.kind, r.zone, r.zones, r.digits, r.decimals, "
	"r.prev, DATE_FORMAT(r.prev_on, '%Y-%m-%d'), r.curr, DATE_FORMAT(r.curr_on, '%Y-%m-%d') "
	"FROM receipt_document_readings r "
	"WHERE r.account_id = ? AND r.period = ? AND r.version = ? ORDER BY r.seq",
	NULL, 0, NULL};

/* What each issued month asked for, service by service, and what the months after paid. */
static struct db_stmt list = {
	"receipt.list",
	"SELECT YEAR(d.period) * 12 + MONTH(d.period) - 1, DATE_FORMAT(d.due_on, '%Y-%m-%d'), "
	"(SELECT SUM(GREATEST(l.closing, 0)) FROM receipt_document_lines l "
	"WHERE l.account_id = d.account_id AND l.period = d.period AND l.version = d.version), "
	"(SELECT COALESCE(SUM(LEAST(GREATEST(l.closing, 0), (SELECT COALESCE(SUM(n.paid), 0) "
	"FROM ledger n WHERE n.account_id = l.account_id AND n.period > l.period "
	"AND n.service_id = l.service_id))), 0) FROM receipt_document_lines l "
	"WHERE l.account_id = d.account_id AND l.period = d.period AND l.version = d.version), "
	"d.version "
	"FROM receipt_documents d WHERE d.account_id = ? AND d.period BETWEEN ? AND ? "
	"AND d.replaced_at IS NULL ORDER BY d.period DESC",
	NULL, 0, NULL};

static struct db_stmt latest = {
	"receipt.latest",
	"SELECT YEAR(d.period) * 12 + MONTH(d.period) - 1 FROM receipt_documents d "
	"WHERE d.account_id = ? ORDER BY d.period DESC LIMIT 1",
	NULL, 0, NULL};

static struct db_stmt email_set = {
	"receipt.email_set",
	"UPDATE subscriber_accounts SET receipt_email = ? WHERE subscriber_id = ? AND account_id = ?",
	NULL, 0, NULL};

static struct db_stmt email_get = {
	"receipt.email_get",
	"SELECT receipt_email FROM subscriber_accounts WHERE subscriber_id = ? AND account_id = ?",
	NULL, 0, NULL};

static struct db_stmt email_list = {
	"receipt.email_list",
	"SELECT a.id, a.number, a.address, sa.receipt_email FROM subscriber_accounts sa "
	"JOIN accounts a ON a.id = sa.account_id WHERE sa.subscriber_id = ? ORDER BY a.number",
	NULL, 0, NULL};

static struct db_stmt issue_orgs = {
	"receipt.issue_orgs",
	"SELECT o.id, o.name, o.short_name, o.inn, o.kpp, o.bank_name, o.bic, o.bank_account, "
	"o.corr_account, o.currency, o.pay_by_day, "
	"(SELECT IF(ri.stored_through IS NULL, 2, 1) FROM receipt_issues ri "
	"WHERE ri.organization_id = o.id AND ri.period = ?) "
	"FROM organizations o WHERE EXISTS (SELECT 1 FROM accounts a JOIN ledger l "
	"ON l.account_id = a.id AND l.period = ? WHERE a.organization_id = o.id) ORDER BY o.id",
	NULL, 0, NULL};

/*
 * A month is issued batch by batch (sql/040): the row first, with the
 * cursor at 0; then for each batch, in its own transaction, the row locked,
 * the batch's receipts stored and notices queued, the cursor moved; the
 * cursor cleared when no account is left.  A second run of the same month
 * waits for the lock and goes on from the cursor it finds.
 */
static struct db_stmt issue_start = {
	"receipt.issue_start",
	"INSERT IGNORE INTO receipt_issues (organization_id, period, due_on, issued_at, "
	"stored_through) VALUES (?, ?, ?, UTC_TIMESTAMP(), 0)",
	NULL, 0, NULL};

static struct db_stmt issue_cursor = {
	"receipt.issue_cursor",
	"SELECT COALESCE(stored_through, -1) FROM receipt_issues "
	"WHERE organization_id = ? AND period = ? FOR UPDATE",
	NULL, 0, NULL};

/*
 * The last id of the next batch; 0 when no account is left.  The primary
 * key is named: it is in id order, so the read stops after a batch of the
 * organization's accounts (an organization's ids interleave with others'
 * only where several share a database).  Left to itself the optimizer,
 * blind to the LIMIT, takes (organization_id, address) and sorts every
 * account of the organization, a million for a batch of 5,000.  An index
 * on (organization_id, id) would serve too, but the console's address
 * search then walks it instead of its own.
 */
static struct db_stmt issue_next = {
	"receipt.issue_next",
	"SELECT COALESCE(MAX(b.id), 0) FROM (SELECT a.id FROM accounts a FORCE INDEX (PRIMARY) "
	"WHERE a.id > ? AND a.organization_id = ? ORDER BY a.id LIMIT ?) b",
	NULL, 0, NULL};

static struct db_stmt issue_advance = {
	"receipt.issue_advance",
	"UPDATE receipt_issues SET stored_through = ? WHERE organization_id = ? AND period = ?",
	NULL, 0, NULL};

static struct db_stmt issue_done = {
	"receipt.issue_done",
	"UPDATE receipt_issues SET stored_through = NULL, issued_at = UTC_TIMESTAMP() "
	"WHERE organization_id = ? AND period = ?",
	NULL, 0, NULL};

/*
 * In a batch's transaction, per subscriber and account billed in the month:
 * the receipt itself by e-mail to those who take it so, a "new receipt"
 * e-mail to those who chose that notice instead, and an SMS notice to
 * those who chose it; each in the subscriber's language.
 */
#define ISSUE_NOTICE(channel, address, kind, cond) \
	"INSERT INTO outbox (subscriber_id, channel, address, lang, kind, params, " \
	"next_attempt_at, created_at) " \
	"SELECT s.id, '" channel "', s." address ", s.lang, '" kind "', " \
	"CONCAT('<receipt account=\"', a.id, '\" month=\"', DATE_FORMAT(?, '%Y-%m'), '\"/>'), " \
	"NOW(6), NOW(6) " \
	"FROM accounts a JOIN subscriber_accounts sa ON sa.account_id = a.id " \
	"JOIN subscribers s ON s.id = sa.subscriber_id AND s.active = 1 " \
	"AND s." address " IS NOT NULL AND s." address " <> '' " \
	"WHERE a.organization_id = ? AND a.id > ? AND a.id <= ? AND " cond " " \
	"AND EXISTS (SELECT 1 FROM ledger l WHERE l.account_id = a.id AND l.period = ?)"

static struct db_stmt issue_mail = {
	"receipt.issue_mail",
	ISSUE_NOTICE("email", "email", "receipt", "sa.receipt_email = 1"),
	NULL, 0, NULL};

static struct db_stmt issue_notice_email = {
	"receipt.issue_notice_email",
	ISSUE_NOTICE("email", "email", "receipt-ready",
		     "sa.receipt_email = 0 AND FIND_IN_SET('receipt', s.notify_email)"),
	NULL, 0, NULL};

static struct db_stmt issue_notice_sms = {
	"receipt.issue_notice_sms",
	ISSUE_NOTICE("sms", "phone", "receipt-ready", "FIND_IN_SET('receipt', s.notify_sms)"),
	NULL, 0, NULL};

/* The cabinet's copy of the notice, for every subscriber of every account billed. */
static struct db_stmt issue_inbox = {
	"receipt.issue_inbox",
	"INSERT INTO inbox (subscriber_id, kind, params, created_at) "
	"SELECT sa.subscriber_id, 'receipt-ready', "
	"CONCAT('<receipt account=\"', a.id, '\" month=\"', DATE_FORMAT(?, '%Y-%m'), '\"/>'), "
	"UTC_TIMESTAMP(6) FROM accounts a JOIN subscriber_accounts sa ON sa.account_id = a.id "
	"WHERE a.organization_id = ? AND a.id > ? AND a.id <= ? "
	"AND EXISTS (SELECT 1 FROM ledger l WHERE l.account_id = a.id AND l.period = ?)",
	NULL, 0, NULL};

enum perr db_receipt_head(struct arena *ar, uint64_t subscriber, uint64_t account, month_t m,
			  unsigned version, struct account *acc, struct receipt_head *h)
{
	long long email = 0, v = 0, latest_v = 0;
	const char *currency = NULL;
	char d[11];
	struct organization *o = &acc->org;
	struct db_col c[] = {
		DBC_STR(&acc->number),	      DBC_STR(&acc->payer),	  DBC_STR(&acc->address),
		DBC_INT(&acc->residents),     DBC_INT(&acc->area_centi_m2), DBC_U64(&o->id),
		DBC_STR(&o->name),	      DBC_STR(&o->short_name),	  DBC_STR(&o->inn),
		DBC_STR(&o->kpp),
		DBC_STR(&o->address),	      DBC_STR(&o->phones),	  DBC_STR(&o->email),
		DBC_STR(&o->website),	      DBC_STR(&o->bank_name),	  DBC_STR(&o->bic),
		DBC_STR(&o->bank_account),    DBC_STR(&o->corr_account),  DBC_STR(&currency),
		DBC_STR(&o->receipt_note),    DBC_STR(&o->qr_category),	  DBC_STR(&o->qr_tech_code),
		DBC_STR(&h->due_on),	      DBC_STR(&h->issued_on),	  DBC_INT(&email),
		DBC_INT(&v),		      DBC_STR(&h->reason),	  DBC_STR(&h->replaced_on),
		DBC_INT(&latest_v),
	};
	enum perr e;

	month_date(m, d);
	e = db_row(ar, &head,
	           (struct db_arg[]){DBA_STR(d), DBA_INT(version), DBA_INT(version),
	                             DBA_U64(subscriber), DBA_U64(account), DBA_INT(RIGHT_VIEW),
	                             DBA_INT(RIGHT_VIEW)},
	           7, c, sizeof(c) / sizeof(c[0]));
	if (e != PERR_OK)
		return e;
	h->version = (unsigned)v;
	h->latest = (unsigned)latest_v;
	acc->id = account;
	o->cur = currency_find(currency ? currency : "");
	h->by_email = email != 0;
	return o->cur == NULL ? PERR_DB : PERR_OK;
}

struct line_iter {
	struct receipt_line r;
	enum perr (*each)(void *, const struct receipt_line *);
	void *ctx;
};

static enum perr line_row(void *p)
{
	struct line_iter *it = p;

	return it->each(it->ctx, &it->r);
}

enum perr db_receipt_lines(struct arena *ar, uint64_t account, month_t m, unsigned version,
			   enum lang lang,
                           enum perr (*each)(void *, const struct receipt_line *), void *ctx)
{
	struct line_iter it = {.each = each, .ctx = ctx};
	char d[11];
	struct db_col c[] = {
		DBC_U64(&it.r.service_id), DBC_STR(&it.r.service),  DBC_STR(&it.r.supplier),
		DBC_STR(&it.r.unit),	 DBC_INT(&it.r.tariff),	  DBC_INT(&it.r.quantity),
		DBC_INT(&it.r.opening),	 DBC_INT(&it.r.accrued),  DBC_INT(&it.r.corrections),
		DBC_INT(&it.r.paid),	 DBC_INT(&it.r.closing),  DBC_INT(&it.r.paid_since),
		DBC_INT(&it.r.penalties), DBC_U64(&it.r.payee),
	};

	month_date(m, d);
	return db_rows(ar, &lines,
		       (struct db_arg[]){DBA_STR(lang_code(lang)), DBA_U64(account), DBA_STR(d),
					 DBA_INT(version)},
		       4, c,
		       sizeof(c) / sizeof(c[0]), line_row, &it);
}

struct payee_iter {
	struct receipt_payee r;
	enum perr (*each)(void *, const struct receipt_payee *);
	void *ctx;
};

static enum perr payee_row(void *p)
{
	struct payee_iter *it = p;

	return it->each(it->ctx, &it->r);
}

static enum perr payee_rows(struct arena *ar, struct db_stmt *st, const struct db_arg *a, size_t na,
			    enum perr (*each)(void *, const struct receipt_payee *), void *ctx)
{
	struct payee_iter it = {.each = each, .ctx = ctx};
	struct organization *o = &it.r.org;
	struct db_col c[] = {DBC_U64(&it.r.id),	      DBC_STR(&o->name),	 DBC_STR(&o->short_name),
			     DBC_STR(&o->inn),	      DBC_STR(&o->kpp),		 DBC_STR(&o->bank_name),
			     DBC_STR(&o->bic),	      DBC_STR(&o->bank_account), DBC_STR(&o->corr_account)};

	return db_rows(ar, st, a, na, c, sizeof(c) / sizeof(c[0]), payee_row, &it);
}

enum perr db_receipt_payees(struct arena *ar, uint64_t account, month_t m, unsigned version,
			    enum perr (*each)(void *, const struct receipt_payee *), void *ctx)
{
	char d[11];

	month_date(m, d);
	return payee_rows(ar, &payees,
			  (struct db_arg[]){DBA_U64(account), DBA_STR(d), DBA_INT(version)}, 3, each,
			  ctx);
}

enum perr db_issue_payees(struct arena *ar, uint64_t org,
			  enum perr (*each)(void *, const struct receipt_payee *), void *ctx)
{
	return payee_rows(ar, &issue_payees, (struct db_arg[]){DBA_U64(org)}, 1, each, ctx);
}

struct volume_iter {
	struct receipt_volume r;
	enum perr (*each)(void *, const struct receipt_volume *);
	void *ctx;
};

static enum perr volume_row(void *p)
{
	struct volume_iter *it = p;

	return it->each(it->ctx, &it->r);
}

enum perr db_receipt_volumes(struct arena *ar, uint64_t account, month_t m, unsigned version,
                             enum perr (*each)(void *, const struct receipt_volume *), void *ctx)
{
	struct volume_iter it = {.each = each, .ctx = ctx};
	char d[11];
	struct db_col c[] = {DBC_U64(&it.r.service_id), DBC_UINT(&it.r.zone), DBC_UINT(&it.r.tier),
			     DBC_INT(&it.r.tariff),     DBC_INT(&it.r.quantity), DBC_INT(&it.r.amount)};

	month_date(m, d);
	return db_rows(ar, &volumes,
		       (struct db_arg[]){DBA_U64(account), DBA_STR(d), DBA_INT(version)}, 3, c,
		       sizeof(c) / sizeof(c[0]), volume_row, &it);
}

struct corr_iter {
	struct receipt_correction r;
	enum perr (*each)(void *, const struct receipt_correction *);
	void *ctx;
};

static enum perr corr_row(void *p)
{
	struct corr_iter *it = p;

	return it->each(it->ctx, &it->r);
}

enum perr db_receipt_corrections(struct arena *ar, uint64_t account, month_t m, unsigned version,
				 enum lang lang,
                                 enum perr (*each)(void *, const struct receipt_correction *),
                                 void *ctx)
{
	struct corr_iter it = {.each = each, .ctx = ctx};
	char d[11];
	struct db_col c[] = {DBC_STR(&it.r.service), DBC_INT(&it.r.amount), DBC_STR(&it.r.reason),
			     DBC_INT(&it.r.penalty)};

	month_date(m, d);
	return db_rows(ar, &corrections,
		       (struct db_arg[]){DBA_STR(lang_code(lang)), DBA_U64(account), DBA_STR(d),
					 DBA_INT(version)},
		       4, c, 4, corr_row, &it);
}

struct reading_iter {
	struct receipt_reading r;
	enum perr (*each)(void *, const struct receipt_reading *);
	void *ctx;
};

static enum perr reading_row(void *p)
{
	struct reading_iter *it = p;

	/* A reading is there when its date is. */
	if (it->r.prev_on == NULL)
		it->r.prev = -1;
	if (it->r.curr_on == NULL)
		it->r.curr = -1;
	it->r.used = -1;
	return it->each(it->ctx, &it->r);
}

enum perr db_receipt_readings(struct arena *ar, uint64_t account, month_t m, unsigned version,
                              enum perr (*each)(void *, const struct receipt_reading *), void *ctx)
{
	struct reading_iter it = {.each = each, .ctx = ctx};
	char d[11];
	struct db_col c[] = {
		DBC_STR(&it.r.meter),	   DBC_STR(&it.r.kind),	      DBC_UINT(&it.r.zone),
		DBC_UINT(&it.r.zones),	   DBC_UINT(&it.r.digits),    DBC_UINT(&it.r.decimals),
		DBC_INT(&it.r.prev),
		DBC_STR(&it.r.prev_on), DBC_INT(&it.r.curr),	 DBC_STR(&it.r.curr_on),
	};

	month_date(m, d);
	return db_rows(ar, &readings,
		       (struct db_arg[]){DBA_U64(account), DBA_STR(d), DBA_INT(version)}, 3, c,
		       sizeof(c) / sizeof(c[0]), reading_row, &it);
}

struct item_iter {
	long long month;
	struct receipt_item r;
	enum perr (*each)(void *, const struct receipt_item *);
	void *ctx;
};

static enum perr item_row(void *p)
{
	struct item_iter *it = p;

	it->r.month = (month_t)it->month;
	it->r.status = receipt_status_of(it->r.to_pay, it->r.paid_since);
	if (it->r.to_pay < 0)
		it->r.to_pay = 0;
	return it->each(it->ctx, &it->r);
}

enum perr db_receipts(struct arena *ar, uint64_t account, month_t from, month_t to,
                      enum perr (*each)(void *, const struct receipt_item *), void *ctx)
{
	struct item_iter it = {.each = each, .ctx = ctx};
	char d1[11], d2[11];
	struct db_col c[] = {DBC_INT(&it.month), DBC_STR(&it.r.due_on), DBC_INT(&it.r.to_pay),
			     DBC_INT(&it.r.paid_since), DBC_UINT(&it.r.version)};

	month_date(from, d1);
	month_date(to, d2);
	return db_rows(ar, &list, (struct db_arg[]){DBA_U64(account), DBA_STR(d1), DBA_STR(d2)}, 3,
		       c, 5, item_row, &it);
}

enum perr db_receipt_latest(struct arena *ar, uint64_t account, month_t *out)
{
	long long m = 0;
	struct db_col c[] = {DBC_INT(&m)};
	enum perr e = db_row(ar, &latest, (struct db_arg[]){DBA_U64(account)}, 1, c, 1);

	*out = 0;
	if (e == PERR_NOT_FOUND)
		return PERR_OK;
	if (e == PERR_OK)
		*out = (month_t)m;
	return e;
}

enum perr db_receipt_email_set(uint64_t subscriber, uint64_t account, int on)
{
	/* The caller has checked the link: an unchanged row is not an error. */
	return db_exec(&email_set,
		       (struct db_arg[]){DBA_INT(on ? 1 : 0), DBA_U64(subscriber), DBA_U64(account)},
		       3, NULL, NULL);
}

enum perr db_receipt_email_get(struct arena *ar, uint64_t subscriber, uint64_t account, int *on)
{
	long long v = 0;
	struct db_col c[] = {DBC_INT(&v)};
	enum perr e =
		db_row(ar, &email_get, (struct db_arg[]){DBA_U64(subscriber), DBA_U64(account)}, 2,
		       c, 1);

	*on = v != 0;
	return e;
}

struct ereceipt_iter {
	struct ereceipt row;
	long long on;
	enum perr (*each)(void *, const struct ereceipt *);
	void *ctx;
};

static enum perr ereceipt_row(void *p)
{
	struct ereceipt_iter *it = p;

	it->row.on = it->on != 0;
	return it->each(it->ctx, &it->row);
}

enum perr db_receipt_email_list(struct arena *ar, uint64_t subscriber,
                                enum perr (*each)(void *, const struct ereceipt *), void *ctx)
{
	struct ereceipt_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&it.row.account), DBC_STR(&it.row.number), DBC_STR(&it.row.address),
			     DBC_INT(&it.on)};

	return db_rows(ar, &email_list, (struct db_arg[]){DBA_U64(subscriber)}, 1, c, 4,
		       ereceipt_row, &it);
}

struct org_iter {
	long long issued;
	const char *currency;
	struct issue_org r;
	enum perr (*each)(void *, const struct issue_org *);
	void *ctx;
};

static enum perr org_row(void *p)
{
	struct org_iter *it = p;

	it->r.org.cur = currency_find(it->currency ? it->currency : "");
	it->r.issued = it->issued == 2;
	it->r.partly = it->issued == 1;
	if (it->r.org.cur == NULL) {
		log_msg(LOG_ERR, "organization %llu: unknown currency %s",
		        (unsigned long long)it->r.org.id, it->currency ? it->currency : "(null)");
		return PERR_DB;
	}
	return it->each(it->ctx, &it->r);
}

enum perr db_issue_orgs(struct arena *ar, month_t m,
                        enum perr (*each)(void *, const struct issue_org *), void *ctx)
{
	struct org_iter it = {.each = each, .ctx = ctx};
	struct organization *o = &it.r.org;
	char d[11];
	struct db_col c[] = {
		DBC_U64(&o->id),	  DBC_STR(&o->name),	     DBC_STR(&o->short_name),
		DBC_STR(&o->inn),
		DBC_STR(&o->kpp),	  DBC_STR(&o->bank_name),    DBC_STR(&o->bic),
		DBC_STR(&o->bank_account), DBC_STR(&o->corr_account), DBC_STR(&it.currency),
		DBC_UINT(&it.r.pay_by_day), DBC_INT(&it.issued),
	};

	month_date(m, d);
	return db_rows(ar, &issue_orgs, (struct db_arg[]){DBA_STR(d), DBA_STR(d)}, 2, c,
		       sizeof(c) / sizeof(c[0]), org_row, &it);
}

/*
 * One batch, in its transaction.  *cursor: the last account id done before
 * it, then after it; 0 when this batch found none left and finished the
 * month, -1 when another run had finished it.
 */
static enum perr issue_batch(uint64_t org, month_t m, unsigned batch, long long *cursor,
                             unsigned long long *mailed)
{
	char d[11];
	long long at = 0, through = 0;
	unsigned long long n = 0;
	struct db_col c_at[] = {DBC_INT(&at)}, c_through[] = {DBC_INT(&through)};
	struct db_arg key[2];
	enum perr e;

	month_date(m, d);
	key[0] = DBA_U64(org);
	key[1] = DBA_STR(d);
	if ((e = db_begin()) != PERR_OK)
		return e;
	/* The row locked first: a second run of the month waits here, then reads our cursor. */
	if ((e = db_row(NULL, &issue_cursor, key, 2, c_at, 1)) == PERR_OK && at >= 0)
		e = db_row(NULL, &issue_next,
			   (struct db_arg[]){DBA_INT(at), DBA_U64(org), DBA_INT(batch)}, 3,
			   c_through, 1);
	if (e == PERR_OK && at >= 0 && through == 0) {
		e = db_exec(&issue_done, key, 2, NULL, NULL);
	} else if (e == PERR_OK && at >= 0) {
		struct db_arg a[] = {DBA_STR(d), DBA_U64(org), DBA_INT(at), DBA_INT(through),
		                     DBA_STR(d)};

		e = db_receipt_docs_issue(org, m, (uint64_t)at, (uint64_t)through, NULL);
		if (e == PERR_OK)
			e = db_exec(&issue_mail, a, 5, &n, NULL);
		if (e == PERR_OK)
			e = db_exec(&issue_notice_email, a, 5, NULL, NULL);
		if (e == PERR_OK)
			e = db_exec(&issue_notice_sms, a, 5, NULL, NULL);
		if (e == PERR_OK)
			e = db_exec(&issue_inbox, a, 5, NULL, NULL);
		if (e == PERR_OK)
			e = db_exec(&issue_advance,
			            (struct db_arg[]){DBA_INT(through), DBA_U64(org), DBA_STR(d)},
			            3, NULL, NULL);
	}
	if (e == PERR_OK)
		e = db_commit();
	if (e != PERR_OK) {
		db_rollback();
		return e;
	}
	*cursor = at < 0 ? -1 : through;
	*mailed += n;
	return PERR_OK;
}

enum perr db_issue(uint64_t org, month_t m, day_t due_on, unsigned batch,
                   unsigned long long *mailed)
{
	char d[11], due[11];
	long long cursor = 0;
	int first = 1;
	enum perr e;

	month_date(m, d);
	day_format(due_on, due);
	*mailed = 0;
	e = db_exec(&issue_start, (struct db_arg[]){DBA_U64(org), DBA_STR(d), DBA_STR(due)}, 3,
	            NULL, NULL);
	while (e == PERR_OK) {
		if ((e = issue_batch(org, m, batch, &cursor, mailed)) != PERR_OK)
			break;
		if (cursor < 0)
			return first ? PERR_CONFLICT : PERR_OK; /* another run finished it */
		if (cursor == 0)
			return PERR_OK;
		first = 0;
	}
	return e;
}
