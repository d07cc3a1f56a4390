/*
 * services/documents.c: the period's documents (GET /documents), an invoice asked
 * for (POST /documents/invoices) and an invoice shown or printed
 * (GET /documents/invoice).
 */
#include <stdint.h>
#include <string.h>

#include "app/invoice.h"
#include "app/payment_qr.h"
#include "billing/account.h"
#include "billing/ledger.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/company.h"
#include "db/invoice.h"
#include "db/ledger.h"
#include "doc/qr.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "services/services.h"

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

int documents(struct req *r)
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
int invoice_new(struct req *r)
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

int invoice_view(struct req *r)
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
