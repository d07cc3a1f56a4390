/*
 * services/months.c: what the section's pages share: the account's head, a period's
 * months of the ledger with their totals, the list of services, the page
 * for a session with no account, and a period in the organization's time.
 */
#include <stdint.h>

#include "billing/account.h"
#include "billing/ledger.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/account.h"
#include "db/ledger.h"
#include "doc/xml.h"
#include "web/req.h"
#include "services/services.h"

/* The last month billed, or last calendar month for an account without history. */
month_t default_end(month_t latest)
{
	return latest != 0 ? latest : month_today_in(NULL) - 1;
}

/* The account-head element h filled: -1 when out of memory. */
int head_xml(xmlNodePtr h, const struct account *a)
{
	if (h == NULL || xml_attr_int(h, "id", (long long)a->id) ||
	    xml_text(h, "number", a->number) == NULL || xml_text(h, "payer", a->payer) == NULL ||
	    xml_text(h, "address", a->address) == NULL ||
	    xml_text(h, "organization", a->org.name) == NULL)
		return -1;
	return 0;
}

/*
 * The session's current account into *a and its account-head element: 0 to
 * go on; else the page's status, the no-account page when none is chosen.
 */
int account_head(struct req *r, struct account *a)
{
	enum perr e;

	if (r->sess->account_id == 0)
		return no_account(r);
	e = db_account_get(r->arena, r->sess->subscriber_id, r->sess->account_id, RIGHT_VIEW, a);
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
int months(struct ctx *c, uint64_t service, month_t from, month_t to)
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

enum perr service_row(void *p, const struct account_service *s)
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

/* The page for a session with no account chosen. */
int no_account(struct req *r)
{
	return xml_elem(r->root, "no-account") == NULL ? page_error(r, 500, "internal") : 200;
}

/* The first day of month m. */
static day_t month_first_day(month_t m)
{
	return day_from_civil((int)(m / 12), (int)(m % 12) + 1, 1);
}

/* Months from..to of the organization (tz) as UTC instants: since, and until (excluded). */
int period_utc(month_t from, month_t to, const char *tz, char since[20], char until[20])
{
	if (day_start_utc_in(month_first_day(from), tz, since) != 0 ||
	    day_start_utc_in(month_first_day(to + 1), tz, until) != 0)
		return -1;
	return 0;
}
