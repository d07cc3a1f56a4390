/*
 * services.c: the current account's services and their monthly ledger.
 *
 *   GET /services             each service with supplier and balance; the
 *                             months from..to (default: the last 12 billed)
 *                             of all services or of ?service=, with totals
 *   GET /services/statement   ?service=&from=&to=: the printable statement
 *                             (выписка) of one service, tariff and corrections
 *   GET /services/reconciliation  ?from=&to=: the reconciliation act (акт
 *                             сверки) of the account for the period, every
 *                             service together: opening balance, each month's
 *                             charges, corrections and payments, closing balance;
 *                             ?format=pdf to print and sign
 *   GET /services/rendered    ?month=: the act of services rendered (акт
 *                             оказанных услуг) of one month: each service's
 *                             quantity, rate, charge and recalculation, with
 *                             the total; ?format=pdf to print and sign
 *
 *   GET  /documents          ?from=&to=: the period's documents: each month's
 *                             receipt and act, the reconciliation act, the
 *                             invoices made; the form to ask for an invoice
 *   POST /documents/invoices service (optional), amount: a new invoice, numbered
 *                             in its organization's year without gaps
 *   GET  /documents/invoice  ?id=: the invoice (счёт на оплату) with the payee's
 *                             details and QR code; ?format=pdf to print
 *   POST /services/promise   service: a suspended internet line enabled on a
 *                             promised payment, or why not (sql/054)
 *   GET  /events             ?from=&to= (months): the protected objects and
 *                             their alarm events, in the organization's months
 *   GET  /usage              ?from=&to= (months), kind=call|session: the
 *                             lines' calls and connection sessions with their
 *                             totals; ?format=csv or xlsx: the whole period
 *
 * Only the session's current account is ever read (an invoice: one the
 * subscriber may view); the session lookup has checked it is theirs, and each
 * page names the right it needs (PAGE_NEEDS).  A service the account does not
 * have is a 404.
 */
#include <stdint.h>
#include <string.h>

#include "app/invoice.h"
#include "app/payment_qr.h"
#include "app/promise.h"
#include "billing/account.h"
#include "billing/ledger.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/company.h"
#include "db/connection.h"
#include "db/guarded.h"
#include "db/invoice.h"
#include "db/usage.h"
#include "db/ledger.h"
#include "doc/qr.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/serve.h"

enum key {
	K_FROM,
	K_TO,
	K_SERVICE,
	K_FORMAT,
	K_MONTH,
	K_AMOUNT,
	K_ID,
	K_QUANTITY,
	K_DONE,
	K_KIND,
	K__MAX
};

static const struct field fields[K__MAX] = {
        [K_FROM] = {"from", valid_month, 7, 7},
        [K_TO] = {"to", valid_month, 7, 7},
        [K_SERVICE] = {"service", valid_int, 1, 65535},
        [K_FORMAT] = {"format", valid_token, 1,
                      8},                         /* pdf, csv, xlsx: a download of the statement */
        [K_MONTH] = {"month", valid_month, 7, 7}, /* the act of services rendered's month */
        [K_AMOUNT] = {"amount", valid_text, 1, 24}, /* an invoice's, parsed in its currency */
        [K_ID] = {"id", valid_int, 1, 9007199254740991LL},
        [K_QUANTITY] = {"quantity", valid_text, 1, 24}, /* of a service, at its tariff */
        [K_DONE] = {"done", valid_token, 1, 16},        /* "promised": a promise given */
        [K_KIND] = {"kind", valid_token, 1, 8},         /* /usage: call, session; none: both */
};

struct ctx {
	struct req *r;
	const struct currency *cur;
	xmlNodePtr parent;
	int one_service; /* rows carry tariff and quantity */
	struct ledger_total total;
};

/* The last month billed, or last calendar month for an account without history. */
static month_t default_end(month_t latest)
{
	return latest != 0 ? latest : month_today_in(NULL) - 1;
}

/* The account-head element h filled: -1 when out of memory. */
static int head_xml(xmlNodePtr h, const struct account *a)
{
	if (h == NULL || xml_attr_int(h, "id", (long long)a->id) ||
	    xml_text(h, "number", a->number) == NULL || xml_text(h, "payer", a->payer) == NULL ||
	    xml_text(h, "address", a->address) == NULL ||
	    xml_text(h, "organization", a->org.name) == NULL)
		return -1;
	return 0;
}

static int account_head(struct req *r, struct account *a)
{
	enum perr e = db_account_get(r->arena, r->sess->subscriber_id, r->sess->account_id,
	                             RIGHT_VIEW, a);

	if (e != PERR_OK)
		return page_fail(r, e);
	return head_xml(xml_elem(r->root, "account-head"), a) != 0 ? page_error(r, 500, "internal")
	                                                           : 0;
}

static int money_cols(struct ctx *c, xmlNodePtr n, const struct ledger_row *x)
{
	enum lang l = c->r->lang;

	if (xml_money(n, "opening", x->opening, c->cur, l) == NULL ||
	    xml_money(n, "accrued", x->accrued, c->cur, l) == NULL ||
	    xml_money(n, "corrections", x->corrections, c->cur, l) == NULL ||
	    xml_money(n, "paid", x->paid, c->cur, l) == NULL ||
	    xml_money(n, "closing", x->closing, c->cur, l) == NULL)
		return -1;
	return 0;
}

static enum perr month_row(void *p, const struct ledger_row *x)
{
	struct ctx *c = p;
	xmlNodePtr n = xml_elem(c->parent, "month");
	const char *qty;
	char m[8];

	month_format(x->month, m);
	if (n == NULL || xml_attr(n, "m", m) || money_cols(c, n, x) != 0)
		return PERR_NOMEM;
	if (c->one_service) {
		qty = decimal_text(c->r->arena, x->quantity, 3);
		if (qty == NULL || xml_price(n, "tariff", x->tariff, c->cur, c->r->lang) == NULL ||
		    xml_text(n, "quantity", qty) == NULL)
			return PERR_NOMEM;
	}
	return ledger_total_add(&c->total, x) != 0 ? PERR_TOO_LARGE : PERR_OK;
}

/* <months> of the period with their <totals>. */
static int months(struct ctx *c, uint64_t service, month_t from, month_t to)
{
	struct req *r = c->r;
	enum perr e;

	c->parent = xml_elem(r->root, "months");
	if (c->parent == NULL)
		return page_error(r, 500, "internal");
	ledger_total_init(&c->total);
	e = db_ledger_months(r->arena, r->sess->account_id, service, from, to, month_row, c);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (c->total.months > 0 && money_cols(c, xml_elem(c->parent, "totals"), &c->total.sum))
		return page_error(r, 500, "internal");
	/* Shown as stored, but an operator must hear of a ledger that does not add up. */
	if (c->total.unbalanced > 0 || !c->total.continuous)
		log_msg(LOG_ERR, "ledger of account %llu service %llu: %zu unbalanced rows%s",
		        (unsigned long long)r->sess->account_id, (unsigned long long)service,
		        c->total.unbalanced, c->total.continuous ? "" : ", months not continuous");
	return 0;
}

struct svc_list {
	struct ctx *c;
	xmlNodePtr list;
	xmlNodePtr head; /* account-head, until a row has filled it */
	uint64_t chosen;
	month_t latest;
};

static enum perr service_row(void *p, const struct account_service *s)
{
	struct svc_list *l = p;
	struct ctx *c = l->c;
	xmlNodePtr n;

	if (l->head != NULL) {
		if (head_xml(l->head, &s->acc) != 0)
			return PERR_NOMEM;
		c->cur = s->acc.org.cur;
		l->head = NULL;
	}
	n = xml_elem(l->list, "service");
	if (n == NULL || xml_attr_int(n, "id", (long long)s->service_id) ||
	    (s->service_id == l->chosen && xml_attr(n, "chosen", "1")) ||
	    xml_text(n, "name", s->service) == NULL ||
	    xml_text(n, "supplier", s->supplier) == NULL || xml_text(n, "unit", s->unit) == NULL ||
	    xml_price(n, "tariff", s->tariff, c->cur, c->r->lang) == NULL ||
	    xml_money(n, "balance", s->closing, c->cur, c->r->lang) == NULL)
		return PERR_NOMEM;
	if (s->month > l->latest)
		l->latest = s->month;
	return PERR_OK;
}

/* ------------------------------------------------------------------ internet lines */

struct conn_list {
	struct req *r;
	const struct currency *cur;
	xmlNodePtr list;
};

/*
 * A line of internet access as the billing system sent it, its promise (the
 * times in local time) and, while it is suspended, what the organization's
 * rule offers.
 */
static enum perr connection_row(void *p, const struct connection *c)
{
	struct conn_list *l = p;
	struct req *r = l->r;
	xmlNodePtr n = xml_elem(l->list, "connection"), pr;
	char at[26], until[26];

	if (n == NULL || xml_attr_int(n, "service", (long long)c->service_id) ||
	    xml_attr(n, "state", c->state) || xml_text(n, "name", c->service) == NULL ||
	    xml_text(n, "plan", c->plan) == NULL ||
	    xml_text(n, "speed", arena_printf(r->arena, "%lld", c->speed_kbps)) == NULL ||
	    xml_money(n, "fee", c->monthly_fee, l->cur, r->lang) == NULL ||
	    xml_text(n, "login", c->login) == NULL || (c->ip && xml_text(n, "ip", c->ip) == NULL))
		return PERR_NOMEM;
	if (c->promised_at != NULL && c->promised_until != NULL) {
		if (instant_local_in(c->promised_at, c->time_zone, at) != 0 ||
		    instant_local_in(c->promised_until, c->time_zone, until) != 0)
			return PERR_BAD_INPUT;
		if ((pr = xml_elem(n, "promise")) == NULL || xml_attr(pr, "at", at) ||
		    xml_attr(pr, "until", until) ||
		    (c->promise_running && xml_attr(pr, "running", "1")))
			return PERR_NOMEM;
	}
	if (c->promise_days > 0 &&
	    ((pr = xml_elem(n, "promise-rule")) == NULL ||
	     xml_attr_int(pr, "days", c->promise_days) ||
	     xml_money(pr, "limit", c->promise_limit, l->cur, r->lang) == NULL ||
	     (promise_this_month(c->promised_at, c->time_zone) && xml_attr(pr, "used", "1"))))
		return PERR_NOMEM;
	return PERR_OK;
}

/* <connections> of the current account, read if any (account_extras); none: nothing. */
static int connections_xml(struct req *r, uint64_t account, const struct currency *cur, int any)
{
	struct conn_list l = {r, cur, xml_elem(r->root, "connections")};
	enum perr e;

	if (l.list == NULL || ((r->sess->rights & RIGHT_PAY) && xml_attr(l.list, "may-ask", "1")))
		return page_error(r, 500, "internal");
	if (any &&
	    (e = db_connections_of(r->arena, account, r->lang, connection_row, &l)) != PERR_OK)
		return page_fail(r, e);
	return 0;
}

/* ------------------------------------------------------------------ alarm monitoring */

static int no_account(struct req *r);

/* Events one page shows; more in the period: the page says so, a shorter period shows all. */
#define EVENTS_MAX 500

struct obj_list {
	struct req *r;
	xmlNodePtr list;
	const char *time_zone; /* the organization's, from its objects */
};

static enum perr object_row(void *p, const struct guarded_object *o)
{
	struct obj_list *l = p;
	xmlNodePtr n = xml_elem(l->list, "object");

	l->time_zone = o->time_zone;
	if (n == NULL || xml_attr_int(n, "service", (long long)o->service_id) ||
	    xml_attr(n, "state", o->state) || xml_text(n, "name", o->service) == NULL ||
	    xml_text(n, "address", o->address) == NULL || xml_text(n, "type", o->type) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

/*
 * <objects> of the current account, read if any (account_extras); none:
 * nothing.  tz (may be NULL) gets their zone.
 */
static int objects_xml(struct req *r, uint64_t account, const char **tz, int any)
{
	struct obj_list l = {r, xml_elem(r->root, "objects"), NULL};
	enum perr e;

	if (l.list == NULL)
		return page_error(r, 500, "internal");
	if (any && (e = db_objects_of(r->arena, account, r->lang, object_row, &l)) != PERR_OK)
		return page_fail(r, e);
	if (tz != NULL)
		*tz = l.time_zone;
	return 0;
}

struct evt_list {
	struct req *r;
	xmlNodePtr list;
	const char *tz;
	unsigned n;
};

static enum perr event_row(void *p, const struct object_event *ev)
{
	struct evt_list *l = p;
	xmlNodePtr n;
	char at[26];

	if (++l->n > EVENTS_MAX)
		return xml_attr(l->list, "truncated", "1") ? PERR_NOMEM : PERR_OK;
	if (instant_local_in(ev->at, l->tz, at) != 0)
		return PERR_BAD_INPUT;
	n = xml_elem(l->list, "event");
	if (n == NULL || xml_attr_int(n, "service", (long long)ev->service_id) ||
	    xml_attr(n, "kind", ev->event) || xml_attr(n, "at", at) ||
	    (ev->zone && xml_text(n, "zone", ev->zone) == NULL) ||
	    (ev->who && xml_text(n, "who", ev->who) == NULL))
		return PERR_NOMEM;
	return PERR_OK;
}

/* The first day of month m. */
static day_t month_first_day(month_t m)
{
	return day_from_civil((int)(m / 12), (int)(m % 12) + 1, 1);
}

/* Months from..to of the organization (tz) as UTC instants: since, and until (excluded). */
static int period_utc(month_t from, month_t to, const char *tz, char since[20], char until[20])
{
	if (day_start_utc_in(month_first_day(from), tz, since) != 0 ||
	    day_start_utc_in(month_first_day(to + 1), tz, until) != 0)
		return -1;
	return 0;
}

/*
 * GET /events ?from=&to= (months, default the twelve up to this one): the account's
 * protected objects and their events of the period, the months being the
 * organization's (an event at 00:30 Moscow time on the 1st is that month's).
 */
static int events_page(struct req *r)
{
	struct evt_list l = {.r = r};
	struct account a;
	month_t from = 0, to = 0;
	char since[20], until[20];
	int st;
	enum perr e;

	if (r->sess->account_id == 0)
		return no_account(r);
	if ((st = account_head(r, &a)) != 0 || (st = objects_xml(r, a.id, &l.tz, 1)) != 0)
		return st;
	if ((st = page_period(r, K_FROM, K_TO, month_today_in(l.tz), &from, &to)) != 0)
		return st;
	if (period_utc(from, to, l.tz, since, until) != 0 ||
	    (l.list = xml_elem(r->root, "events")) == NULL)
		return page_error(r, 500, "internal");
	e = db_object_events(r->arena, a.id, since, until, EVENTS_MAX + 1, event_row, &l);
	return e != PERR_OK ? page_fail(r, e) : 200;
}

/* ------------------------------------------------------------------ usage */

#define USAGE_SHOWN    500   /* records a page shows; more: a note, and the file has them */
#define USAGE_FILE_MAX 50000 /* records a download holds; more: a shorter period */

struct use_list {
	struct req *r;
	xmlNodePtr list;
	const char *tz;
	const struct currency *cur;
	unsigned n, max;
};

static enum perr usage_row(void *p, const struct usage_record *u)
{
	struct use_list *l = p;
	char start[26], end[26];
	xmlNodePtr n;

	if (++l->n > l->max)
		return xml_attr(l->list, "truncated", "1") ? PERR_NOMEM : PERR_OK;
	if (instant_local_in(u->started, l->tz, start) != 0 ||
	    instant_local_in(u->ended, l->tz, end) != 0)
		return PERR_BAD_INPUT;
	n = xml_elem(l->list, "record");
	if (n == NULL || xml_attr_int(n, "service", (long long)u->service_id) ||
	    xml_attr(n, "kind", u->kind) || xml_attr(n, "start", start) ||
	    xml_attr(n, "end", end) || xml_attr_int(n, "seconds", u->seconds) ||
	    (u->bytes_in >= 0 && xml_attr_int(n, "bytes-in", u->bytes_in)) ||
	    (u->bytes_out >= 0 && xml_attr_int(n, "bytes-out", u->bytes_out)) ||
	    xml_text(n, "service-name", u->service) == NULL ||
	    (u->number && xml_text(n, "number", u->number) == NULL) ||
	    (u->cost >= 0 && xml_money(n, "cost", u->cost, l->cur, l->r->lang) == NULL))
		return PERR_NOMEM;
	return PERR_OK;
}

/* The records after the first `keep` dropped: a refused download's page shows what the page
 * would. */
static void usage_trim(xmlNodePtr list, unsigned keep)
{
	xmlNodePtr c, next;
	unsigned n = 0;

	for (c = list->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE && ++n > keep) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
}

static enum perr usage_kind_row(void *p, const char *kind)
{
	return xml_text(p, "kind", kind) == NULL ? PERR_NOMEM : PERR_OK;
}

/* <usage-kinds>: the kinds of use the account's lines have records of. */
static int usage_kinds_xml(struct req *r, uint64_t account)
{
	xmlNodePtr kinds = xml_elem(r->root, "usage-kinds");
	enum perr e;

	if (kinds == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_usage_kinds(r->arena, account, usage_kind_row, kinds)) != PERR_OK)
		return page_fail(r, e);
	return 0;
}

static int usage_totals_xml(struct req *r, const struct usage_totals *t, const struct currency *cur)
{
	xmlNodePtr n = xml_elem(r->root, "usage-totals");

	if (n == NULL || xml_attr_int(n, "count", t->count) ||
	    xml_attr_int(n, "seconds", t->seconds) || xml_attr_int(n, "bytes-in", t->bytes_in) ||
	    xml_attr_int(n, "bytes-out", t->bytes_out) ||
	    xml_money(n, "cost", t->cost, cur, r->lang) == NULL)
		return -1;
	return 0;
}

/*
 * GET /usage ?from=&to= (months, default the twelve up to this one),
 * kind=call|session (none: both): the account's calls and connection
 * sessions started in the period, the months being the organization's, with
 * what they come to.  ?format=csv or xlsx: the period's records as a file.
 */
static int usage_page(struct req *r)
{
	const struct fval *kv = req_val(r, K_KIND), *fmt = req_val(r, K_FORMAT);
	int file = fmt && (strcmp(fmt->s, "csv") == 0 || strcmp(fmt->s, "xlsx") == 0);
	struct use_list l = {.r = r, .max = file ? USAGE_FILE_MAX : USAGE_SHOWN};
	const char *kind = NULL;
	struct usage_totals t;
	struct account a;
	month_t from = 0, to = 0;
	char since[20], until[20], f[8], to_s[8];
	int st;
	enum perr e;

	if (r->sess->account_id == 0)
		return no_account(r);
	if ((st = account_head(r, &a)) != 0)
		return st;
	l.cur = a.org.cur;
	/* The organization's zone: its months are the period's, its clock the times shown. */
	if ((e = db_invoice_zone(r->arena, a.org.id, &l.tz)) != PERR_OK)
		return page_fail(r, e);
	if ((st = usage_kinds_xml(r, a.id)) != 0 ||
	    (st = page_period(r, K_FROM, K_TO, month_today_in(l.tz), &from, &to)) != 0)
		return st;
	if (r->bad[K_KIND] || (kv && strcmp(kv->s, "call") != 0 && strcmp(kv->s, "session") != 0))
		return page_refuse(r, 400, "kind", "bad-kind");
	kind = kv ? kv->s : NULL;
	if (period_utc(from, to, l.tz, since, until) != 0 ||
	    (l.list = xml_elem(r->root, "usage")) == NULL ||
	    (kind && xml_attr(l.list, "kind", kind)))
		return page_error(r, 500, "internal");
	e = db_usage_records(r->arena, a.id, kind, since, until, l.max + 1, r->lang, usage_row, &l);
	if (e != PERR_OK)
		return page_fail(r, e);
	if ((e = db_usage_totals(r->arena, a.id, kind, since, until, &t)) != PERR_OK)
		return page_fail(r, e);
	if (usage_totals_xml(r, &t, l.cur) != 0)
		return page_error(r, 500, "internal");
	if (!file)
		return 200;
	/* A file with some of the period's records would pass for all of them. */
	if (l.n > l.max) {
		usage_trim(l.list, USAGE_SHOWN);
		return page_refuse(r, 413, "from", "usage-too-many");
	}
	month_format(from, f);
	month_format(to, to_s);
	return page_table(r, fmt->s,
	                  arena_printf(r->arena, "usage-%s-%s-%s", kind ? kind : "all", f, to_s));
}

static int overview_of(struct req *r, const struct fval *svc);

/*
 * POST /services/promise: the line enabled on a promised payment, or the
 * services page again saying why not (409: the rule refuses it now).
 */
static int promise_post(struct req *r)
{
	const struct fval *svc = req_val(r, K_SERVICE);
	enum promise_answer answer;
	enum perr e;

	if (r->sess->account_id == 0 || svc == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	e = promise_request(r->arena, r->sess->subscriber_id, r->sess->account_id, (uint64_t)svc->i,
	                    &answer);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (answer == PROMISE_GIVEN)
		return page_redirect(r, "/services?done=promised");
	/* The page as a GET shows it, with the refusal above. */
	if (page_refuse(r, 409, NULL, arena_printf(r->arena, "promise-%s", promise_word(answer))) !=
	    409)
		return page_error(r, 500, "internal");
	return overview_of(r, NULL) == 200 ? 409 : page_error(r, 500, "internal");
}

static int no_account(struct req *r)
{
	return xml_elem(r->root, "no-account") == NULL ? page_error(r, 500, "internal") : 200;
}

/*
 * The overview's parts most accounts have none of: internet lines, guarded
 * objects, the kinds of use recorded; each read only if the account has it.
 */
static int extras_xml(struct req *r, uint64_t account, const struct currency *cur)
{
	struct account_extras x;
	xmlNodePtr kinds;
	enum perr e;
	int st;

	if ((e = db_account_extras(r->arena, account, &x)) != PERR_OK)
		return page_fail(r, e);
	if ((st = connections_xml(r, account, cur, x.connections != 0)) != 0 ||
	    (st = objects_xml(r, account, NULL, x.objects != 0)) != 0)
		return st;
	/* In usage.kinds' order: the index's, call before session. */
	if ((kinds = xml_elem(r->root, "usage-kinds")) == NULL ||
	    (x.calls && xml_text(kinds, "kind", "call") == NULL) ||
	    (x.sessions && xml_text(kinds, "kind", "session") == NULL))
		return page_error(r, 500, "internal");
	return 0;
}

/* The services page; svc (may be NULL) the one service whose months it shows. */
static int overview_of(struct req *r, const struct fval *svc)
{
	struct ctx c = {.r = r};
	struct svc_list l = {.c = &c};
	struct account a;
	struct account_service one;
	uint64_t account = r->sess->account_id;
	month_t from = 0, to = 0;
	int st;
	enum perr e;

	if (account == 0)
		return no_account(r);
	if (r->bad[K_SERVICE])
		return page_fail(r, PERR_NOT_FOUND);
	/*
	 * The head (number, payer, address, organization, currency) comes with
	 * the services' rows, which repeat it.  Read on its own (account.get,
	 * with an access check routing has already made from the session's
	 * rights, PAGE_NEEDS), it cost MariaDB 148-150 us of a page's 1.0-1.3 ms
	 * (issue 22).  Only an account never billed, which has no rows, reads it.
	 */
	l.head = xml_elem(r->root, "account-head");
	if (l.head == NULL)
		return page_error(r, 500, "internal");
	if (svc != NULL) {
		e = db_account_service(r->arena, account, (uint64_t)svc->i, r->lang, &one);
		if (e != PERR_OK)
			return page_fail(r, e);
		l.chosen = one.service_id;
	}
	l.list = xml_elem(r->root, "services");
	if (l.list == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_account_services(r->arena, account, r->lang, service_row, &l)) != PERR_OK)
		return page_fail(r, e);
	if (l.head != NULL) {
		e = db_account_get(r->arena, r->sess->subscriber_id, account, RIGHT_VIEW, &a);
		if (e != PERR_OK)
			return page_fail(r, e);
		if (head_xml(l.head, &a) != 0)
			return page_error(r, 500, "internal");
		c.cur = a.org.cur;
	}
	if ((st = page_period(r, K_FROM, K_TO, default_end(l.latest), &from, &to)) != 0)
		return st;
	c.one_service = svc != NULL;
	if ((st = months(&c, l.chosen, from, to)) != 0)
		return st;
	if (svc == NULL && (st = extras_xml(r, account, c.cur)) != 0)
		return st;
	return xml_done(r, K_DONE) != 0 ? page_error(r, 500, "internal") : 200;
}

static int overview(struct req *r)
{
	return overview_of(r, req_val(r, K_SERVICE));
}

static enum perr correction_row(void *p, const struct correction *x)
{
	struct ctx *c = p;
	xmlNodePtr n = xml_elem(c->parent, "correction");
	char m[8];

	month_format(x->month, m);
	if (n == NULL || xml_attr(n, "m", m) ||
	    xml_money(n, "amount", x->amount, c->cur, c->r->lang) == NULL ||
	    xml_text(n, "reason", x->reason) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

/* ?format=pdf, csv or xlsx: the statement as a file named for what it holds. */
static int offer_download(struct req *r, uint64_t account, uint64_t service, month_t from,
                          month_t to)
{
	const struct fval *fmt = req_val(r, K_FORMAT);
	char f[8], t[8];
	const char *base;

	if (fmt == NULL)
		return 200;
	month_format(from, f);
	month_format(to, t);
	base = arena_printf(r->arena, "statement-%llu-%llu-%s-%s", (unsigned long long)account,
	                    (unsigned long long)service, f, t);
	if (base == NULL)
		return page_error(r, 500, "internal");
	if (strcmp(fmt->s, "pdf") == 0)
		return page_pdf(r, arena_printf(r->arena, "%s.pdf", base));
	return page_table(r, fmt->s, base);
}

static int statement(struct req *r)
{
	const struct fval *svc = req_val(r, K_SERVICE);
	struct ctx c = {.r = r, .one_service = 1};
	struct account_service s;
	xmlNodePtr n;
	month_t from = 0, to = 0;
	int st;
	enum perr e;

	if (r->sess->account_id == 0 || svc == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	e = db_account_service(r->arena, r->sess->account_id, (uint64_t)svc->i, r->lang, &s);
	if (e != PERR_OK)
		return page_fail(r, e);
	/* The head from the service's row, as the services page takes it. */
	if (head_xml(xml_elem(r->root, "account-head"), &s.acc) != 0)
		return page_error(r, 500, "internal");
	c.cur = s.acc.org.cur;
	n = xml_elem(r->root, "statement");
	if (n == NULL || xml_attr_int(n, "service", (long long)s.service_id) ||
	    xml_text(n, "name", s.service) == NULL || xml_text(n, "supplier", s.supplier) == NULL ||
	    xml_text(n, "unit", s.unit) == NULL)
		return page_error(r, 500, "internal");
	if ((st = page_period(r, K_FROM, K_TO, default_end(s.month), &from, &to)) != 0)
		return st;
	if ((st = months(&c, s.service_id, from, to)) != 0)
		return st;
	c.parent = xml_elem(r->root, "corrections");
	if (c.parent == NULL)
		return page_error(r, 500, "internal");
	e = db_corrections(r->arena, s.acc.id, s.service_id, from, to, correction_row, &c);
	if (e != PERR_OK)
		return page_fail(r, e);
	return offer_download(r, s.acc.id, s.service_id, from, to);
}

static enum perr latest_row(void *p, const struct account_service *s)
{
	month_t *latest = p;

	if (s->month > *latest)
		*latest = s->month;
	return PERR_OK;
}

/*
 * The act's entries, each on the side it weighs: what the payer came to owe
 * (charges, a correction up, a refund) is debit, what lowers it (a payment, a
 * correction down) credit, shown without its sign.  The opening and closing
 * balances are entries too, on the side of their sign, and not in the turnover.
 */
struct act {
	struct ctx c;
	xmlNodePtr list;
	money_t debit, credit;
	int first_done;
};

static enum perr act_entry(struct act *a, const char *kind, const char *m, money_t v, int turnover)
{
	xmlNodePtr n = xml_elem(a->list, "entry");
	money_t mag = v < 0 ? -v : v;

	if (n == NULL || xml_attr(n, "kind", kind) || (m && xml_attr(n, "m", m)) ||
	    xml_attr(n, "side", v < 0 ? "credit" : "debit") ||
	    xml_money(n, "amount", mag, a->c.cur, a->c.r->lang) == NULL)
		return PERR_NOMEM;
	if (turnover &&
	    money_add(v < 0 ? a->credit : a->debit, mag, v < 0 ? &a->credit : &a->debit))
		return PERR_TOO_LARGE;
	return PERR_OK;
}

static enum perr act_row(void *p, const struct ledger_row *x)
{
	struct act *a = p;
	char m[8];
	enum perr e = PERR_OK;

	month_format(x->month, m);
	if (!a->first_done) {
		a->first_done = 1;
		e = act_entry(a, "opening", m, x->opening, 0);
	}
	if (e == PERR_OK)
		e = act_entry(a, "charged", m, x->accrued, 1);
	if (e == PERR_OK && x->corrections != 0)
		e = act_entry(a, "corrected", m, x->corrections, 1);
	if (e == PERR_OK && x->paid != 0)
		e = act_entry(a, "paid", m, -x->paid, 1);
	if (e == PERR_OK && ledger_total_add(&a->c.total, x) != 0)
		e = PERR_TOO_LARGE;
	return e;
}

/* The act of the account's months from..to: <act> with its entries and turnover. */
static int act(struct req *r, struct act *a, uint64_t account, month_t from, month_t to)
{
	xmlNodePtr t;
	money_t net;
	enum perr e;

	a->list = xml_elem(r->root, "act");
	if (a->list == NULL)
		return page_error(r, 500, "internal");
	ledger_total_init(&a->c.total);
	e = db_ledger_months(r->arena, account, 0, from, to, act_row, a);
	if (e == PERR_OK && a->c.total.months > 0)
		e = act_entry(a, "closing", NULL, a->c.total.sum.closing, 0);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (a->c.total.months == 0)
		return 0;
	t = xml_elem(a->list, "turnover");
	if (t == NULL || xml_money(t, "debit", a->debit, a->c.cur, r->lang) == NULL ||
	    xml_money(t, "credit", a->credit, a->c.cur, r->lang) == NULL)
		return page_error(r, 500, "internal");
	/* Shown as stored, but an operator must hear of a ledger that does not add up. */
	if (a->c.total.unbalanced > 0 || !a->c.total.continuous ||
	    money_add(a->c.total.sum.opening, a->debit - a->credit, &net) != 0 ||
	    net != a->c.total.sum.closing)
		log_msg(LOG_ERR, "reconciliation of account %llu: the ledger does not add up",
		        (unsigned long long)account);
	return 0;
}

/* Whether a PDF was asked for.  xml is the request layer's, and any other format
 * shows the page, as page_table() does for the other pages' downloads. */
static int wants_pdf(const struct req *r)
{
	const struct fval *fmt = req_val(r, K_FORMAT);

	return fmt != NULL && strcmp(fmt->s, "pdf") == 0;
}

static int reconciliation(struct req *r)
{
	struct act x = {.c = {.r = r}};
	struct account a;
	month_t from = 0, to = 0, latest = 0;
	char f[8], t[8];
	int st;
	enum perr e;

	if (r->sess->account_id == 0)
		return no_account(r);
	if ((st = account_head(r, &a)) != 0)
		return st;
	x.c.cur = a.org.cur;
	if ((e = db_account_services(r->arena, a.id, r->lang, latest_row, &latest)) != PERR_OK)
		return page_fail(r, e);
	if ((st = page_period(r, K_FROM, K_TO, default_end(latest), &from, &to)) != 0)
		return st;
	if ((st = act(r, &x, a.id, from, to)) != 0)
		return st;
	if (!wants_pdf(r))
		return 200;
	month_format(from, f);
	month_format(to, t);
	return page_pdf(r, arena_printf(r->arena, "reconciliation-%s-%s-%s.pdf", a.number, f, t));
}

/* The services of the account, collected before each one's month is read. */
struct svc_node {
	struct account_service s;
	struct svc_node *next;
};

struct svc_collect {
	struct arena *a;
	struct svc_node *first, **tail;
	month_t latest;
};

static enum perr collect_row(void *p, const struct account_service *s)
{
	struct svc_collect *c = p;
	struct svc_node *n;

	if (s->service_id == 0)
		return PERR_OK;
	if ((n = arena_alloc(c->a, sizeof(*n))) == NULL)
		return PERR_NOMEM;
	n->s = *s;
	n->next = NULL;
	*c->tail = n;
	c->tail = &n->next;
	return latest_row(&c->latest, s);
}

struct rendered {
	struct ctx c;
	const struct account_service *s;
	money_t accrued, corrections, total;
	int found;
};

static enum perr rendered_row(void *p, const struct ledger_row *x)
{
	struct rendered *d = p;
	struct req *r = d->c.r;
	xmlNodePtr n = xml_elem(d->c.parent, "service");
	const char *qty = decimal_text(r->arena, x->quantity, 3);
	money_t sum;

	if (n == NULL || qty == NULL || xml_attr_int(n, "id", (long long)d->s->service_id) ||
	    xml_text(n, "name", d->s->service) == NULL ||
	    xml_text(n, "supplier", d->s->supplier) == NULL ||
	    xml_text(n, "unit", d->s->unit) == NULL || xml_text(n, "quantity", qty) == NULL ||
	    xml_price(n, "tariff", x->tariff, d->c.cur, r->lang) == NULL ||
	    xml_money(n, "accrued", x->accrued, d->c.cur, r->lang) == NULL ||
	    xml_money(n, "corrections", x->corrections, d->c.cur, r->lang) == NULL)
		return PERR_NOMEM;
	if (money_add(x->accrued, x->corrections, &sum) ||
	    xml_money(n, "amount", sum, d->c.cur, r->lang) == NULL)
		return PERR_NOMEM;
	if (money_add(d->accrued, x->accrued, &d->accrued) ||
	    money_add(d->corrections, x->corrections, &d->corrections) ||
	    money_add(d->total, sum, &d->total))
		return PERR_TOO_LARGE;
	d->found = 1;
	return PERR_OK;
}

static int rendered(struct req *r)
{
	const struct fval *mon = req_val(r, K_MONTH);
	struct svc_collect sc = {.a = r->arena};
	struct rendered d = {.c = {.r = r}};
	struct svc_node *n;
	struct account a;
	xmlNodePtr t;
	month_t m;
	char ms[8];
	int st;
	enum perr e;

	if (r->sess->account_id == 0)
		return no_account(r);
	if (r->bad[K_MONTH])
		return page_error(r, 400, "bad-request");
	if ((st = account_head(r, &a)) != 0)
		return st;
	d.c.cur = a.org.cur;
	sc.tail = &sc.first;
	if ((e = db_account_services(r->arena, a.id, r->lang, collect_row, &sc)) != PERR_OK)
		return page_fail(r, e);
	m = mon ? (month_t)mon->i : default_end(sc.latest);
	month_format(m, ms);
	d.c.parent = xml_elem(r->root, "rendered");
	if (d.c.parent == NULL || xml_attr(d.c.parent, "m", ms))
		return page_error(r, 500, "internal");
	for (n = sc.first; n != NULL; n = n->next) {
		d.s = &n->s;
		if ((e = db_ledger_months(r->arena, a.id, n->s.service_id, m, m, rendered_row,
		                          &d)) != PERR_OK)
			return page_fail(r, e);
	}
	if (d.found) {
		t = xml_elem(d.c.parent, "total");
		if (t == NULL || xml_money(t, "accrued", d.accrued, d.c.cur, r->lang) == NULL ||
		    xml_money(t, "corrections", d.corrections, d.c.cur, r->lang) == NULL ||
		    xml_money(t, "amount", d.total, d.c.cur, r->lang) == NULL)
			return page_error(r, 500, "internal");
	}
	if (!wants_pdf(r))
		return 200;
	return page_pdf(r, arena_printf(r->arena, "rendered-%s-%s.pdf", a.number, ms));
}

/* ---------------------------------------------------------------- documents */

/* An invoice's number as printed: "17/2026" (its year's, per organization). */
static const char *invoice_no(struct arena *ar, const struct invoice *v)
{
	return arena_printf(ar, "%u/%u", v->number, v->year);
}

/* <invoice id= number= at= paid=?> with its amount and service, under parent. */
static int invoice_xml(struct req *r, xmlNodePtr parent, const struct invoice *v,
                       const struct currency *cur, xmlNodePtr *out)
{
	xmlNodePtr n = xml_elem(parent, "invoice");
	const char *no = invoice_no(r->arena, v);
	char at[26];

	if (n == NULL || no == NULL || instant_local(v->created_at, at) != 0 ||
	    xml_attr_int(n, "id", (long long)v->id) || xml_attr(n, "number", no) ||
	    xml_attr(n, "at", at) || (v->paid && xml_attr(n, "paid", "1")) ||
	    xml_money(n, "amount", v->amount, cur, r->lang) == NULL ||
	    (v->service != NULL && xml_text(n, "service", v->service) == NULL))
		return -1;
	/* Asked for by tariff: how much, of what, at what price. */
	if (v->quantity != 0) {
		const char *text = decimal_text(r->arena, v->quantity, 3);
		char *q = text ? arena_strdup(r->arena, text) : NULL;

		/* 1000.000 kWh is 1000 kWh: the zeros past the point say nothing. */
		if (q != NULL && strchr(q, '.') != NULL) {
			size_t len = strlen(q);

			while (q[len - 1] == '0')
				q[--len] = '\0';
			if (q[len - 1] == '.')
				q[--len] = '\0';
		}
		if (q == NULL || xml_text(n, "quantity", q) == NULL ||
		    xml_text(n, "unit", v->unit ? v->unit : "") == NULL ||
		    xml_price(n, "tariff", v->tariff, cur, r->lang) == NULL)
			return -1;
	}
	if (out != NULL)
		*out = n;
	return 0;
}

struct doc_list {
	struct req *r;
	const struct currency *cur;
	xmlNodePtr n;
};

static enum perr doc_month_row(void *p, const struct ledger_row *row)
{
	struct doc_list *l = p;
	char m[8];

	month_format(row->month, m);
	return xml_text(l->n, "month", m) == NULL ? PERR_NOMEM : PERR_OK;
}

static enum perr doc_invoice_row(void *p, const struct invoice *v)
{
	struct doc_list *l = p;

	return invoice_xml(l->r, l->n, v, l->cur, NULL) != 0 ? PERR_NOMEM : PERR_OK;
}

/* The service a form names, if the account has it (its latest month's). */
struct chosen_service {
	uint64_t want;
	struct account_service s;
	xmlNodePtr list;
	int found;
};

static enum perr choice_row(void *p, const struct account_service *s)
{
	struct chosen_service *c = p;
	xmlNodePtr n = c->list ? xml_text(c->list, "service", s->service) : NULL;

	if (c->list != NULL && (n == NULL || xml_attr_int(n, "id", (long long)s->service_id) ||
	                        (s->service_id == c->want && xml_attr(n, "selected", "1"))))
		return PERR_NOMEM;
	if (s->service_id == c->want && s->service_id != 0) {
		c->s = *s;
		c->found = 1;
	}
	return PERR_OK;
}

/*
 * The current account's documents of a period: each month billed (its
 * receipt and its act of services rendered), the reconciliation act of the
 * period, and the invoices made in it; and the form to ask for an invoice.
 */
static int documents_page(struct req *r, struct chosen_service *chosen)
{
	static const size_t echo[] = {K_AMOUNT, K_SERVICE, K_QUANTITY};
	struct doc_list l = {.r = r};
	struct account a;
	month_t from = 0, to = 0;
	char d1[11], d2[11];
	xmlNodePtr docs;
	int st;
	enum perr e;

	if (r->sess->account_id == 0)
		return no_account(r);
	if ((st = account_head(r, &a)) != 0)
		return st;
	l.cur = a.org.cur;
	/* Up to this month, not the last billed: an invoice asked for today is in it. */
	if ((st = page_period(r, K_FROM, K_TO, month_today_in(NULL), &from, &to)) != 0)
		return st;
	docs = xml_elem(r->root, "documents");
	if (docs == NULL || ((r->sess->rights & RIGHT_PAY) && xml_attr(docs, "may-pay", "1")) ||
	    (chosen->list = xml_elem(docs, "services")) == NULL)
		return page_error(r, 500, "internal");
	l.n = xml_elem(docs, "months");
	if (l.n == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_ledger_months(r->arena, a.id, 0, from, to, doc_month_row, &l)) != PERR_OK ||
	    (e = db_account_services(r->arena, a.id, r->lang, choice_row, chosen)) != PERR_OK)
		return page_fail(r, e);
	/* Invoices of the period's calendar months, by the site's UTC days. */
	month_date(from, d1);
	month_date(to + 1, d2);
	if ((l.n = xml_elem(docs, "invoices")) == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_invoices_of(r->arena, r->sess->subscriber_id, a.id, d1, d2, r->lang,
	                        doc_invoice_row, &l)) != PERR_OK)
		return page_fail(r, e);
	if (xml_typed(r, echo, sizeof(echo) / sizeof(echo[0])) != 0)
		return page_error(r, 500, "internal");
	return 200;
}

static int documents(struct req *r)
{
	struct chosen_service c = {0};

	return documents_page(r, &c);
}

/*
 * The amount a quantity of the chosen service comes to at its tariff (the
 * latest month's), as a bill line is rounded; 0 and the field refused if it
 * cannot be: no service chosen, none with a tariff, or not a quantity.
 */
static int by_tariff(struct req *r, const struct chosen_service *c, long long *qty, money_t *sum)
{
	const struct fval *q = req_val(r, K_QUANTITY);

	if (!c->found || c->s.tariff <= 0)
		return xml_form_error(r, "service", "needs-tariff") != 0 ? -1 : 1;
	if (r->bad[K_QUANTITY] || decimal_parse(q->s, q->len, 3, 0, qty) != 0 || *qty <= 0 ||
	    money_mul_qty(c->s.tariff, *qty, 3 + PRICE_DIGITS, sum) != 0 || *sum <= 0 ||
	    *sum > cfg.pay_max)
		return xml_form_error(r, "quantity", "invalid") != 0 ? -1 : 1;
	return 0;
}

/*
 * Ask for an invoice: of an amount, or of a quantity of one service at its
 * tariff; for one service or the account's services together.
 */
static int invoice_new(struct req *r)
{
	const struct fval *svc = req_val(r, K_SERVICE), *amount = req_val(r, K_AMOUNT);
	struct chosen_service c = {.want = svc ? (uint64_t)svc->i : 0};
	money_t sum = 0;
	long long qty = 0;
	struct account a;
	uint64_t id;
	int st, bad = 0;
	enum perr e;

	if ((st = documents_page(r, &c)) != 200)
		return st;
	if (r->bad[K_SERVICE] || (svc != NULL && !c.found)) {
		bad = 1;
		if (xml_form_error(r, "service", "invalid") != 0)
			return page_error(r, 500, "internal");
	}
	if ((e = db_account_get(r->arena, r->sess->subscriber_id, r->sess->account_id, RIGHT_PAY,
	                        &a)) != PERR_OK)
		return page_fail(r, e);
	if (req_val(r, K_QUANTITY) != NULL || r->bad[K_QUANTITY]) {
		if (amount != NULL) { /* one or the other: which would the invoice ask? */
			bad = 1;
			if (xml_form_error(r, "amount", "one-of") != 0)
				return page_error(r, 500, "internal");
		} else if (!bad && (st = by_tariff(r, &c, &qty, &sum)) != 0) {
			if (st < 0)
				return page_error(r, 500, "internal");
			bad = 1;
		}
	} else if (amount == NULL || a.org.cur == NULL ||
	           money_parse(amount->s, amount->len, a.org.cur, 0, &sum) != 0 || sum <= 0 ||
	           sum > cfg.pay_max) {
		bad = 1;
		if (xml_form_error(r, "amount", "invalid") != 0)
			return page_error(r, 500, "internal");
	}
	if (bad)
		return page_status(r, 400);
	if ((e = invoice_issue(r->arena, r->sess->subscriber_id, &a, c.found ? c.want : 0, sum, qty,
	                       qty ? c.s.tariff : 0, &id)) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(
	        r, arena_printf(r->arena, "/documents/invoice?id=%llu", (unsigned long long)id));
}

static int invoice_view(struct req *r)
{
	const struct fval *id = req_val(r, K_ID);
	char key[TOKEN_CHARS + 1];
	unsigned char raw[TOKEN_BYTES];
	struct invoice v;
	struct account a;
	struct company co;
	int is_company = 0;
	const char *qr;
	xmlNodePtr n, q;
	struct qr code;
	enum perr e;

	if (id == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	if ((e = db_invoice_get(r->arena, r->sess->subscriber_id, (uint64_t)id->i, r->lang, &v)) !=
	    PERR_OK)
		return page_fail(r, e);
	/* The invoice's account, whichever is current: its payee and payer. */
	if ((e = db_account_get(r->arena, r->sess->subscriber_id, v.account_id, RIGHT_VIEW, &a)) !=
	    PERR_OK)
		return page_fail(r, e);
	if (invoice_xml(r, r->root, &v, a.org.cur, &n) != 0)
		return page_error(r, 500, "internal");
	if (xml_text(n, "account", a.number) == NULL || xml_text(n, "payer", a.payer) == NULL ||
	    xml_text(n, "address", a.address) == NULL || xml_text(n, "payee", a.org.name) == NULL ||
	    xml_text(n, "inn", a.org.inn) == NULL || xml_text(n, "bank", a.org.bank_name) == NULL ||
	    xml_text(n, "bic", a.org.bic) == NULL ||
	    xml_text(n, "bank-account", a.org.bank_account) == NULL ||
	    xml_text(n, "corr-account", a.org.corr_account) == NULL ||
	    xml_text(n, "payee-address", a.org.address) == NULL)
		return page_error(r, 500, "internal");
	/* A company's account: the company is the payer (sql/052). */
	if ((e = db_company_get(r->arena, v.account_id, &co, &is_company)) != PERR_OK)
		return page_fail(r, e);
	if (is_company &&
	    ((q = xml_elem(n, "company")) == NULL || xml_text(q, "name", co.name) == NULL ||
	     xml_text(q, "tax-id", co.tax_id) == NULL ||
	     (co.kpp != NULL && xml_text(q, "kpp", co.kpp) == NULL) ||
	     xml_text(q, "address", co.legal_address) == NULL))
		return page_error(r, 500, "internal");
	if ((qr = invoice_qr_text(r->arena, &v, &a)) != NULL) {
		const char *path;

		if (payment_qr(r->arena, qr, &code) != 0 ||
		    (path = qr_svg_path(r->arena, &code)) == NULL ||
		    (q = xml_elem(n, "qr")) == NULL || xml_attr_int(q, "modules", code.width) ||
		    xml_attr(q, "payload", qr) || xml_text(q, "path", path) == NULL)
			return page_error(r, 500, "internal");
	}
	/* Paying online: a fresh key for the payment, as the pay form makes. */
	if (!v.paid && (r->sess->rights & RIGHT_PAY) && v.account_id == r->sess->account_id) {
		if (token_new(raw, key) != 0 || xml_text(n, "pay-key", key) == NULL)
			return page_error(r, 500, "internal");
	}
	if (!wants_pdf(r))
		return 200;
	return page_pdf(r, arena_printf(r->arena, "invoice-%u-%u.pdf", v.number, v.year));
}

static const struct page pages[] = {
        {"/services", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "overview", overview},
        {"/services/promise", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_PAY), "overview",
         promise_post},
        {"/events", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "events", events_page},
        {"/usage", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "usage", usage_page},
        {"/services/statement", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "statement",
         statement},
        {"/services/reconciliation", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "reconciliation",
         reconciliation},
        {"/services/rendered", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "rendered", rendered},
        {"/documents", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "documents", documents},
        {"/documents/invoice", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "invoice",
         invoice_view},
        {"/documents/invoices", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_PAY), "documents",
         invoice_new},
};

static const struct section section = {
        .name = "services",
        .pages = pages,
        .npages = sizeof(pages) / sizeof(pages[0]),
        .fields = fields,
        .nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
