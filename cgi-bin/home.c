/*
 * home.c: the signed-in subscriber's start page, a dashboard.
 *
 *   GET /      the total to pay over all linked accounts, each account with its
 *              balance, address and services, the last three payments, a
 *              12-month chart of accruals and payments, the contact details on
 *              file and the sign-in before this session
 *
 * Read-only: the pages that mark what was read (news, the inbox) are the
 * appeals program's, so this one, the most used, may write nothing.
 */

#include "app/account_list.h"
#include "core/money.h"
#include "core/date.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/ledger.h"
#include "db/payment.h"
#include "db/session.h"
#include "doc/xml.h"
#include "web/req.h"
#include "web/serve.h"

#define RECENT_PAYMENTS 3
#define CHART_MONTHS 12


struct ctx {
	struct req *r;
	xmlNodePtr parent, chart;
	const struct currency *cur;
	money_t max;
};

static enum perr payment_row(void *p, const struct payment *x)
{
	struct ctx *c = p;
	xmlNodePtr n = xml_elem(c->parent, "payment");

	if (n == NULL || xml_attr_int(n, "account", (long long)x->account_id) ||
	    xml_text(n, "number", x->account_number) == NULL ||
	    xml_text(n, "date", x->paid_at) == NULL || xml_text(n, "channel", x->channel) == NULL ||
	    xml_money(n, "amount", x->amount, x->cur, c->r->lang) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

/* The chart's scale: the largest bar of its currency, at least 1 so it can divide. */
static int chart_close(struct ctx *c)
{
	return c->chart != NULL && xml_attr_int(c->chart, "max", c->max > 0 ? c->max : 1) ? -1 : 0;
}

static enum perr total_row(void *p, const struct month_total *x)
{
	struct ctx *c = p;
	xmlNodePtr n;
	char m[8];

	if (c->chart == NULL || x->cur != c->cur) {
		if (chart_close(c) != 0 || x->cur == NULL)
			return PERR_NOMEM;
		c->chart = xml_elem(c->parent, "chart");
		c->cur = x->cur;
		c->max = 0;
		if (c->chart == NULL || xml_attr(c->chart, "currency", x->cur->code))
			return PERR_NOMEM;
	}
	month_format(x->month, m);
	n = xml_elem(c->chart, "month");
	if (n == NULL || xml_attr(n, "m", m) ||
	    xml_money(n, "accrued", x->accrued, x->cur, c->r->lang) == NULL ||
	    xml_money(n, "paid", x->paid, x->cur, c->r->lang) == NULL)
		return PERR_NOMEM;
	if (x->accrued > c->max)
		c->max = x->accrued;
	if (x->paid > c->max)
		c->max = x->paid;
	return PERR_OK;
}

static int dashboard(struct req *r)
{
	struct ctx c = {.r = r};
	month_t latest = 0;
	enum perr e;

	if ((e = xml_accounts(r->arena, r->root, r->sess, r->lang, &latest)) != PERR_OK)
		return page_fail(r, e);
	if ((c.parent = xml_elem(r->root, "payments")) == NULL)
		return page_error(r, 500, "internal");
	e = db_payments_recent(r->arena, r->sess->subscriber_id, RECENT_PAYMENTS, payment_row, &c);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (latest == 0)
		return 0;
	if ((c.parent = xml_elem(r->root, "charts")) == NULL)
		return page_error(r, 500, "internal");
	e = db_monthly_totals(r->arena, r->sess->subscriber_id, latest - (CHART_MONTHS - 1), latest,
	                      total_row, &c);
	if (e != PERR_OK || chart_close(&c) != 0)
		return e != PERR_OK ? page_fail(r, e) : page_error(r, 500, "internal");
	return 0;
}

static int home(struct req *r)
{
	const struct session *me = r->sess;
	xmlNodePtr h, prev;
	int st;

	if ((st = dashboard(r)) != 0)
		return st;
	h = xml_elem(r->root, "home");
	if (h == NULL || xml_text(h, "full-name", me->full_name) == NULL ||
	    (me->email && xml_text(h, "email", me->email) == NULL) ||
	    (me->phone && xml_text(h, "phone", me->phone) == NULL))
		return page_error(r, 500, "internal");
	/* Showing the previous sign-in lets a subscriber notice one that was not theirs. */
	if (me->prev_login_at != NULL) {
		char at[26];

		prev = xml_elem(h, "previous-login");
		if (prev == NULL || instant_local(me->prev_login_at, at) != 0 || xml_attr(prev, "at", at) ||
		    xml_attr(prev, "ip", me->prev_login_ip ? me->prev_login_ip : "-"))
			return page_error(r, 500, "internal");
	}
	return 200;
}

static const struct page pages[] = {
	{"/", M_GET, PAGE_SESSION, "home", home},
};

static const struct section section = {
	.name = "home", .pages = pages, .npages = sizeof(pages) / sizeof(pages[0])};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
