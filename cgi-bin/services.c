/*
 * services.c: the current account's services and their monthly ledger.
 *
 *   GET /services             each service with supplier and balance; the
 *                             months from..to (default: the last 12 billed)
 *                             of all services or of ?service=, with totals
 *   GET /services/statement   ?service=&from=&to=: the printable statement
 *                             (выписка) of one service, tariff and corrections
 *
 * Only the session's current account is ever read; the session lookup has
 * checked it is linked.  A service the account does not have is a 404.
 */
#include <stdint.h>
#include <string.h>

#include "billing/account.h"
#include "billing/ledger.h"
#include "core/decimal.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/ledger.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/serve.h"

enum key { K_FROM, K_TO, K_SERVICE, K_FORMAT, K__MAX };

static const struct field fields[K__MAX] = {
	[K_FROM] = {"from", valid_month, 7, 7},
	[K_TO] = {"to", valid_month, 7, 7},
	[K_SERVICE] = {"service", valid_int, 1, 65535},
	[K_FORMAT] = {"format", valid_token, 1, 8}, /* pdf, csv, xlsx: a download of the statement */
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

static int account_head(struct req *r, struct account *a)
{
	xmlNodePtr h;
	enum perr e = db_account_get(r->arena, r->sess->subscriber_id, r->sess->account_id, a);

	if (e != PERR_OK)
		return page_fail(r, e);
	h = xml_elem(r->root, "account-head");
	if (h == NULL || xml_attr_int(h, "id", (long long)a->id) ||
	    xml_text(h, "number", a->number) == NULL || xml_text(h, "payer", a->payer) == NULL ||
	    xml_text(h, "address", a->address) == NULL ||
	    xml_text(h, "organization", a->org.name) == NULL)
		return page_error(r, 500, "internal");
	return 0;
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
	uint64_t chosen;
	month_t latest;
};

static enum perr service_row(void *p, const struct account_service *s)
{
	struct svc_list *l = p;
	struct ctx *c = l->c;
	xmlNodePtr n = xml_elem(l->list, "service");

	if (n == NULL || xml_attr_int(n, "id", (long long)s->service_id) ||
	    (s->service_id == l->chosen && xml_attr(n, "chosen", "1")) ||
	    xml_text(n, "name", s->service) == NULL || xml_text(n, "supplier", s->supplier) == NULL ||
	    xml_text(n, "unit", s->unit) == NULL ||
	    xml_price(n, "tariff", s->tariff, c->cur, c->r->lang) == NULL ||
	    xml_money(n, "balance", s->closing, c->cur, c->r->lang) == NULL)
		return PERR_NOMEM;
	if (s->month > l->latest)
		l->latest = s->month;
	return PERR_OK;
}

static int no_account(struct req *r)
{
	return xml_elem(r->root, "no-account") == NULL ? page_error(r, 500, "internal") : 200;
}

static int overview(struct req *r)
{
	const struct fval *svc = req_val(r, K_SERVICE);
	struct ctx c = {.r = r};
	struct svc_list l = {.c = &c};
	struct account a;
	struct account_service one;
	month_t from = 0, to = 0;
	int st;
	enum perr e;

	if (r->sess->account_id == 0)
		return no_account(r);
	if (r->bad[K_SERVICE])
		return page_fail(r, PERR_NOT_FOUND);
	if ((st = account_head(r, &a)) != 0)
		return st;
	c.cur = a.org.cur;
	if (svc != NULL) {
		e = db_account_service(r->arena, a.id, (uint64_t)svc->i, r->lang, &one);
		if (e != PERR_OK)
			return page_fail(r, e);
		l.chosen = one.service_id;
	}
	l.list = xml_elem(r->root, "services");
	if (l.list == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_account_services(r->arena, a.id, r->lang, service_row, &l)) != PERR_OK)
		return page_fail(r, e);
	if ((st = page_period(r, K_FROM, K_TO, default_end(l.latest), &from, &to)) != 0)
		return st;
	c.one_service = svc != NULL;
	if ((st = months(&c, l.chosen, from, to)) != 0)
		return st;
	return 200;
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
	struct account a;
	xmlNodePtr n;
	month_t from = 0, to = 0;
	int st;
	enum perr e;

	if (r->sess->account_id == 0 || svc == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	e = db_account_service(r->arena, r->sess->account_id, (uint64_t)svc->i, r->lang, &s);
	if (e != PERR_OK)
		return page_fail(r, e);
	if ((st = account_head(r, &a)) != 0)
		return st;
	c.cur = a.org.cur;
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
	e = db_corrections(r->arena, a.id, s.service_id, from, to, correction_row, &c);
	if (e != PERR_OK)
		return page_fail(r, e);
	return offer_download(r, a.id, s.service_id, from, to);
}

static const struct page pages[] = {
	{"/services", M_GET, PAGE_SESSION, "overview", overview},
	{"/services/statement", M_GET, PAGE_SESSION, "statement", statement},
};

static const struct section section = {
	.name = "services", .pages = pages, .npages = sizeof(pages) / sizeof(pages[0]), .fields = fields,
	.nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
