/*
 * services/acts.c: the reconciliation act (GET /services/reconciliation) and the act
 * of services rendered (GET /services/rendered), as pages or PDFs.
 */
#include <stdint.h>
#include <string.h>

#include "billing/account.h"
#include "billing/ledger.h"
#include "core/decimal.h"
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
#include "services/services.h"

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
int wants_pdf(const struct req *r)
{
	const struct fval *fmt = req_val(r, K_FORMAT);

	return fmt != NULL && strcmp(fmt->s, "pdf") == 0;
}

int reconciliation(struct req *r)
{
	struct act x = {.c = {.r = r}};
	struct account a;
	month_t from = 0, to = 0, latest = 0;
	char f[8], t[8];
	int st;
	enum perr e;

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

int rendered(struct req *r)
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

	/* No account chosen is the no-account page, whatever month was asked. */
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
