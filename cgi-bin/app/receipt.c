/* app/receipt.c: a receipt read from the database, and as XML. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "app/payment_qr.h"
#include "app/receipt.h"
#include "billing/access.h"
#include "billing/account.h"
#include "billing/payqr.h"
#include "billing/reading.h"
#include "billing/receipt.h"
#include "billing/split.h"
#include "core/arena.h"
#include "core/decimal.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/account.h"
#include "db/receipt.h"
#include "db/receipt_doc.h"
#include "doc/qr.h"
#include "doc/xml.h"

#define QR_MAX 1200 /* bytes of a payload: far above what a receipt carries */

/* A receipt with more rows of a kind than its form has room for: logged, refused. */
static enum perr too_many(const struct receipt *rc, int max, const char *what)
{
	log_msg(LOG_ERR, "receipt of account %llu: more than %d %s", (unsigned long long)rc->acc.id,
		max, what);
	return PERR_TOO_LARGE;
}

static enum perr line_add(void *p, const struct receipt_line *l)
{
	struct receipt *rc = p;

	if (rc->n == SPLIT_MAX_SERVICES)
		return too_many(rc, SPLIT_MAX_SERVICES, "services");
	rc->line[rc->n++] = *l;
	return PERR_OK;
}

static enum perr volume_add(void *p, const struct receipt_volume *v)
{
	struct receipt *rc = p;

	if (rc->nvol == RECEIPT_MAX_VOLUMES)
		return too_many(rc, RECEIPT_MAX_VOLUMES, "volumes by zone and tier");
	rc->vol[rc->nvol++] = *v;
	return PERR_OK;
}

static enum perr corr_add(void *p, const struct receipt_correction *c)
{
	struct receipt *rc = p;

	if (rc->ncorr == RECEIPT_MAX_CORRECTIONS)
		return too_many(rc, RECEIPT_MAX_CORRECTIONS, "corrections");
	rc->corr[rc->ncorr++] = *c;
	return PERR_OK;
}

static enum perr reading_add(void *p, const struct receipt_reading *x)
{
	struct receipt *rc = p;
	struct receipt_reading *r;

	if (rc->nread == RECEIPT_MAX_READINGS)
		return too_many(rc, RECEIPT_MAX_READINGS, "meter registers");
	r = &rc->read[rc->nread++];
	*r = *x;
	/* Below the previous reading it can only have rolled over (readings are
	 * checked when accepted); anything else is shown without a figure. */
	if (r->prev >= 0 && r->curr >= 0 &&
	    reading_consumption(r->prev, r->curr, r->digits, r->decimals, r->curr < r->prev,
				&r->used) != 0)
		r->used = -1;
	return PERR_OK;
}

static int add_line(struct receipt_line *t, const struct receipt_line *l)
{
	return money_add(t->opening, l->opening, &t->opening) ||
	       money_add(t->accrued, l->accrued, &t->accrued) ||
	       money_add(t->corrections, l->corrections, &t->corrections) ||
	       money_add(t->penalties, l->penalties, &t->penalties) ||
	       money_add(t->paid, l->paid, &t->paid) ||
	       money_add(t->closing, l->closing, &t->closing);
}

/* "Иванова Мария Петровна": last, first and middle name; anything else whole as the last. */
static void payer_names(struct arena *ar, const char *payer, struct payqr *q)
{
	const char *w[3];
	size_t len[3], n = 0;
	const char *p = payer;

	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if (n == 3) { /* a fourth word: not a Russian full name */
			n = 4;
			break;
		}
		w[n] = p;
		while (*p && *p != ' ')
			p++;
		len[n] = (size_t)(p - w[n]);
		n++;
	}
	if (n == 2 || n == 3) {
		q->last_name = arena_strndup(ar, w[0], len[0]);
		q->first_name = arena_strndup(ar, w[1], len[1]);
		q->middle_name = n == 3 ? arena_strndup(ar, w[2], len[2]) : NULL;
		if (q->last_name && q->first_name && (n == 2 || q->middle_name))
			return;
	}
	q->last_name = payer;
	q->first_name = q->middle_name = NULL;
}

/* The QR code of payee o asking for sum (none if 0): NULL if it cannot carry the payer. */
static const char *make_qr(struct arena *ar, const struct receipt *rc,
			   const struct organization *o, money_t sum)
{
	struct payqr q;
	char period[16], buf[QR_MAX];
	int y = rc->month / 12, mo = rc->month % 12 + 1, e;

	payee_qr(o, &q);
	q.payee_inn = o->inn;
	q.kpp = o->kpp;
	q.pers_acc = rc->acc.number;
	payer_names(ar, rc->acc.payer, &q);
	q.payer_address = rc->acc.address;
	/* A partly paid receipt asks for the rest. */
	q.sum = sum > 0 ? sum : -1;
	/* Read by the payer's bank, whatever the page's language. */
	q.purpose = arena_printf(ar, "Оплата за %02d.%d, лицевой счёт %s", mo, y, rc->acc.number);
	snprintf(period, sizeof(period), "%02d%04d", mo, y);
	q.paym_period = period;
	q.category = o->qr_category;
	q.tech_code = o->qr_tech_code;
	if (q.purpose == NULL)
		return NULL;
	e = payqr_build(&q, buf, sizeof(buf));
	if (e != PAYQR_OK) {
		/* The payee's part was checked when it was saved and when the month
		 * was issued; this is the payer's part (a name or address the QR
		 * code cannot carry): the receipt says there is no QR code. */
		log_msg(LOG_ERR, "receipt of account %llu: no QR code (payqr error %d)",
			(unsigned long long)rc->acc.id, e);
		return NULL;
	}
	return arena_strdup(ar, buf);
}

static enum perr payee_add(void *p, const struct receipt_payee *x)
{
	struct receipt *rc = p;
	struct receipt_payee *y;

	if (rc->npayee == RECEIPT_MAX_PAYEES)
		return too_many(rc, RECEIPT_MAX_PAYEES, "payees");
	y = &rc->payee[rc->npayee++];
	*y = *x;
	y->org.cur = rc->acc.org.cur;
	return PERR_OK;
}

/* The organization first if a line is its, then the suppliers paid directly; every
 * line's payee among them. */
static enum perr load_payees(struct arena *ar, struct receipt *rc, uint64_t account, month_t m)
{
	size_t i, j;
	enum perr e;

	for (i = 0; i < rc->n; i++)
		if (rc->line[i].payee == 0) {
			rc->payee[0].id = 0;
			rc->payee[0].org = rc->acc.org;
			rc->npayee = 1;
			break;
		}
	if ((e = db_receipt_payees(ar, account, m, rc->version, payee_add, rc)) != PERR_OK)
		return e;
	for (i = 0; i < rc->n; i++) {
		for (j = 0; j < rc->npayee && rc->payee[j].id != rc->line[i].payee; j++)
			;
		if (j == rc->npayee) {
			log_msg(LOG_ERR, "receipt of account %llu: payee %llu not stored",
				(unsigned long long)account, (unsigned long long)rc->line[i].payee);
			return PERR_DB;
		}
	}
	return PERR_OK;
}

/* Only the organization is paid: the receipt is one payment document, as always. */
static int one_payee(const struct receipt *rc)
{
	return rc->npayee == 1 && rc->payee[0].id == 0;
}

enum perr receipt_load(struct arena *ar, uint64_t subscriber, uint64_t account, month_t m,
		       unsigned version, enum lang lang, struct receipt *rc)
{
	struct receipt_head h;
	size_t i;
	enum perr e;

	memset(rc, 0, sizeof(*rc));
	rc->month = m;
	e = db_receipt_head(ar, subscriber, account, m, version, &rc->acc, &h);
	if (e == PERR_NOT_FOUND && version == 0 &&
	    (e = db_account_get(ar, subscriber, account, RIGHT_VIEW, &rc->acc)) == PERR_OK &&
	    (e = db_receipt_docs_missing(ar, account)) == PERR_OK)
		e = db_receipt_head(ar, subscriber, account, m, version, &rc->acc, &h);
	if (e != PERR_OK)
		return e;
	rc->due_on = h.due_on;
	rc->issued_on = h.issued_on;
	rc->by_email = h.by_email;
	rc->version = h.version;
	rc->latest = h.latest;
	rc->reason = h.reason;
	rc->replaced_on = h.replaced_on;
	if ((e = db_receipt_lines(ar, account, m, h.version, lang, line_add, rc)) != PERR_OK)
		return e;
	if (rc->n == 0)
		return PERR_NOT_FOUND; /* issued, but this account was not billed that month */
	for (i = 0; i < rc->n; i++)
		if (add_line(&rc->total, &rc->line[i]) != 0)
			return PERR_DB;
	if ((e = load_payees(ar, rc, account, m)) != PERR_OK)
		return e;
	receipt_settle(rc);
	if ((e = db_receipt_volumes(ar, account, m, h.version, volume_add, rc)) != PERR_OK ||
	    (e = db_receipt_corrections(ar, account, m, h.version, lang, corr_add, rc)) != PERR_OK ||
	    (e = db_receipt_readings(ar, account, m, h.version, reading_add, rc)) != PERR_OK)
		return e;
	/* A QR code per payee, each asking for what its own lines still ask. */
	for (i = 0; i < rc->npayee; i++) {
		struct receipt_payee *p = &rc->payee[i];

		if (payee_check(&p->org) == NULL && strcmp(rc->acc.org.cur->code, "RUB") == 0)
			p->qr = make_qr(ar, rc, &p->org, p->remaining);
	}
	if (one_payee(rc))
		rc->qr = rc->payee[0].qr;
	return PERR_OK;
}

/* ------------------------------------------------------------------ XML */

static int money_cols(xmlNodePtr n, const struct receipt_line *l, const struct currency *cur,
		      enum lang lang)
{
	return xml_money(n, "opening", l->opening, cur, lang) == NULL ||
	       xml_money(n, "accrued", l->accrued, cur, lang) == NULL ||
	       xml_money(n, "corrections", l->corrections, cur, lang) == NULL ||
	       xml_money(n, "recalculations", l->corrections - l->penalties, cur, lang) == NULL ||
	       xml_money(n, "penalties", l->penalties, cur, lang) == NULL ||
	       xml_money(n, "paid", l->paid, cur, lang) == NULL ||
	       xml_money(n, "closing", l->closing, cur, lang) == NULL ||
	       xml_money(n, "to-pay", l->to_pay, cur, lang) == NULL;
}

/* Optional text: no element for NULL or empty. */
static int opt_text(xmlNodePtr p, const char *name, const char *v)
{
	return v == NULL || *v == '\0' || xml_text(p, name, v) != NULL ? 0 : -1;
}

/* Whom the money goes to, and where: the part of a payee every payee has. */
static int bank_details(xmlNodePtr n, const struct organization *o)
{
	return xml_text(n, "name", o->name) == NULL || xml_text(n, "inn", o->inn) == NULL ||
	       opt_text(n, "kpp", o->kpp) || xml_text(n, "account", o->bank_account) == NULL ||
	       xml_text(n, "bank", o->bank_name) == NULL || xml_text(n, "bic", o->bic) == NULL ||
	       xml_text(n, "corr-account", o->corr_account ? o->corr_account : "") == NULL;
}

static int xml_payee(xmlNodePtr rn, const struct organization *o)
{
	xmlNodePtr n = xml_elem(rn, "payee");

	return n == NULL || bank_details(n, o) || xml_text(n, "address", o->address) == NULL ||
	       xml_text(n, "phones", o->phones) == NULL || opt_text(n, "email", o->email) ||
	       opt_text(n, "website", o->website) || opt_text(n, "note", o->receipt_note);
}

static int xml_payer(xmlNodePtr rn, struct arena *ar, const struct account *a)
{
	xmlNodePtr n = xml_elem(rn, "payer"), acc;
	const char *area = decimal_text(ar, a->area_centi_m2, 2);

	if (n == NULL || area == NULL || xml_text(n, "name", a->payer) == NULL)
		return -1;
	acc = xml_text(n, "account", a->number);
	return acc == NULL || xml_attr_int(acc, "id", (long long)a->id) ||
	       xml_text(n, "address", a->address) == NULL || xml_text(n, "area", area) == NULL ||
	       xml_int(n, "residents", a->residents) == NULL;
}

/* Under a line, its volumes by zone and tier: how its quantity and money were reached. */
static int xml_volumes(xmlNodePtr ln, struct arena *ar, const struct receipt *rc,
		       uint64_t service, enum lang lang)
{
	xmlNodePtr n;
	const char *qty;
	size_t i;

	for (i = 0; i < rc->nvol; i++) {
		const struct receipt_volume *v = &rc->vol[i];

		if (v->service_id != service)
			continue;
		n = xml_elem(ln, "volume");
		qty = decimal_text(ar, v->quantity, 3);
		if (n == NULL || qty == NULL || (v->zone > 0 && xml_attr_int(n, "zone", v->zone)) ||
		    (v->tier > 0 && xml_attr_int(n, "tier", v->tier)) ||
		    xml_text(n, "quantity", qty) == NULL ||
		    xml_price(n, "tariff", v->tariff, rc->acc.org.cur, lang) == NULL ||
		    xml_money(n, "amount", v->amount, rc->acc.org.cur, lang) == NULL)
			return -1;
	}
	return 0;
}

static int xml_lines(xmlNodePtr rn, struct arena *ar, const struct receipt *rc, enum lang lang)
{
	const struct currency *cur = rc->acc.org.cur;
	xmlNodePtr list = xml_elem(rn, "lines"), n;
	const char *qty;
	size_t i;

	if (list == NULL)
		return -1;
	for (i = 0; i < rc->n; i++) {
		const struct receipt_line *l = &rc->line[i];

		n = xml_elem(list, "line");
		qty = decimal_text(ar, l->quantity, 3);
		if (n == NULL || qty == NULL || xml_attr_int(n, "service", (long long)l->service_id) ||
		    xml_attr_int(n, "payee", (long long)l->payee) ||
		    xml_text(n, "name", l->service) == NULL ||
		    xml_text(n, "supplier", l->supplier) == NULL ||
		    xml_text(n, "unit", l->unit) == NULL || xml_text(n, "quantity", qty) == NULL ||
		    xml_price(n, "tariff", l->tariff, cur, lang) == NULL ||
		    money_cols(n, l, cur, lang) || xml_volumes(n, ar, rc, l->service_id, lang))
			return -1;
	}
	n = xml_elem(rn, "totals");
	return n == NULL || money_cols(n, &rc->total, cur, lang);
}

static int xml_corrections(xmlNodePtr rn, const struct receipt *rc, enum lang lang)
{
	xmlNodePtr list = xml_elem(rn, "corrections"), n;
	size_t i;

	if (list == NULL)
		return -1;
	for (i = 0; i < rc->ncorr; i++) {
		n = xml_elem(list, "correction");
		if (n == NULL || (rc->corr[i].penalty && xml_attr(n, "kind", "penalty")) ||
		    xml_text(n, "service", rc->corr[i].service) == NULL ||
		    xml_money(n, "amount", rc->corr[i].amount, rc->acc.org.cur, lang) == NULL ||
		    xml_text(n, "reason", rc->corr[i].reason) == NULL)
			return -1;
	}
	return 0;
}

static int xml_value(xmlNodePtr p, struct arena *ar, const char *name, long long v,
		     unsigned decimals, const char *on)
{
	const char *t;
	xmlNodePtr n;

	if (v < 0)
		return 0;
	t = decimal_text(ar, v, decimals);
	n = t ? xml_text(p, name, t) : NULL;
	return n == NULL || (on != NULL && xml_attr(n, "on", on));
}

static int xml_readings(xmlNodePtr rn, struct arena *ar, const struct receipt *rc)
{
	xmlNodePtr list = xml_elem(rn, "readings"), n;
	size_t i;

	if (list == NULL)
		return -1;
	for (i = 0; i < rc->nread; i++) {
		const struct receipt_reading *r = &rc->read[i];

		n = xml_elem(list, "reading");
		if (n == NULL || xml_attr_int(n, "zone", r->zone + 1) ||
		    xml_attr_int(n, "zones", r->zones) || xml_text(n, "meter", r->meter) == NULL ||
		    xml_text(n, "kind", r->kind) == NULL ||
		    xml_value(n, ar, "prev", r->prev, r->decimals, r->prev_on) ||
		    xml_value(n, ar, "curr", r->curr, r->decimals, r->curr_on) ||
		    xml_value(n, ar, "used", r->used, r->decimals, NULL))
			return -1;
	}
	return 0;
}

static int xml_qr(xmlNodePtr rn, struct arena *ar, const char *payload)
{
	struct qr q;
	const char *path;
	xmlNodePtr n;

	if (payload == NULL)
		return 0;
	if (payment_qr(ar, payload, &q) != 0 || (path = qr_svg_path(ar, &q)) == NULL)
		return -1;
	n = xml_elem(rn, "qr");
	return n == NULL || xml_attr_int(n, "modules", q.width) || xml_attr(n, "payload", payload) ||
	       xml_text(n, "path", path) == NULL;
}

/*
 * Several payees (or a supplier paid directly): a section each, with its bank
 * details, what its lines ask and its own QR code.  The receipt's single
 * <payee> is then the organization that issues it.
 */
static int xml_payees(xmlNodePtr rn, struct arena *ar, const struct receipt *rc, enum lang lang)
{
	const struct currency *cur = rc->acc.org.cur;
	xmlNodePtr list, n;
	size_t i;

	if (rc->npayee == 0 || one_payee(rc))
		return 0;
	if ((list = xml_elem(rn, "payees")) == NULL)
		return -1;
	for (i = 0; i < rc->npayee; i++) {
		const struct receipt_payee *p = &rc->payee[i];

		n = xml_elem(list, "payee");
		if (n == NULL || xml_attr_int(n, "id", (long long)p->id) || bank_details(n, &p->org) ||
		    xml_money(n, "to-pay", p->to_pay, cur, lang) == NULL ||
		    xml_money(n, "paid-since", p->paid_since, cur, lang) == NULL ||
		    xml_money(n, "remaining", p->remaining, cur, lang) == NULL ||
		    xml_qr(n, ar, p->qr))
			return -1;
	}
	return 0;
}

int xml_receipt(xmlNodePtr parent, struct arena *ar, const struct receipt *rc, enum lang lang)
{
	xmlNodePtr n = xml_elem(parent, "receipt");
	char mon[8];
	const char *number;

	month_format(rc->month, mon);
	number = arena_printf(ar, "%s-%.4s%.2s", rc->acc.number, mon, mon + 5);
	if (n == NULL || number == NULL || xml_attr(n, "month", mon) ||
	    xml_attr(n, "status", receipt_status_name(rc->status)) ||
	    xml_attr_int(n, "version", rc->version) || xml_attr_int(n, "latest", rc->latest) ||
	    xml_attr_int(n, "account-id", (long long)rc->acc.id) ||
	    (rc->reason && xml_text(n, "reason", rc->reason) == NULL) ||
	    (rc->replaced_on && xml_text(n, "replaced-on", rc->replaced_on) == NULL) ||
	    (rc->by_email && xml_attr(n, "by-email", "1")) || xml_text(n, "number", number) == NULL ||
	    xml_text(n, "due-on", rc->due_on) == NULL ||
	    xml_text(n, "issued-on", rc->issued_on) == NULL || xml_payer(n, ar, &rc->acc) ||
	    xml_payee(n, &rc->acc.org) || xml_lines(n, ar, rc, lang) ||
	    xml_money(n, "to-pay", rc->to_pay, rc->acc.org.cur, lang) == NULL ||
	    xml_money(n, "paid-since", rc->paid_since, rc->acc.org.cur, lang) == NULL ||
	    xml_money(n, "remaining", rc->remaining, rc->acc.org.cur, lang) == NULL ||
	    xml_corrections(n, rc, lang) || xml_readings(n, ar, rc) || xml_qr(n, ar, rc->qr) ||
	    xml_payees(n, ar, rc, lang))
		return -1;
	return 0;
}
