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

#include <stdlib.h>
#include <string.h>

#include "app/account_list.h"
#include "core/money.h"
#include "core/date.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/ledger.h"
#include "db/payment.h"
#include "db/session.h"
#include "doc/chart.h"
#include "doc/xml.h"
#include "web/req.h"
#include "web/serve.h"

#define RECENT_PAYMENTS 3
#define CHART_MONTHS 12


#define MAX_CURRENCIES 8

/* One currency's chart: its months' sums over the accounts billed in it. */
struct chart {
	const struct currency *cur;
	struct {
		money_t accrued, paid;
		int billed;
	} month[CHART_MONTHS];
};

struct ctx {
	struct req *r;
	xmlNodePtr parent;
	const struct accounts_seen *seen;
	month_t from;
	struct chart chart[MAX_CURRENCIES];
	size_t ncharts;
};

/* The newest payments of every account listed, gathered to be merged. */
struct recent {
	struct payment *v;
	size_t n, cap;
};

static enum perr payment_keep(void *p, const struct payment *x)
{
	struct recent *r = p;

	if (r->n == r->cap || x->paid_at == NULL || strlen(x->paid_at) < 10)
		return PERR_DB;
	r->v[r->n++] = *x;
	return PERR_OK;
}

/* Newest first; two at the same instant by id, as the statement orders them. */
static int newest_first(const void *a, const void *b)
{
	const struct payment *x = a, *y = b;
	int k = strcmp(y->paid_at, x->paid_at);

	return k != 0 ? k : (y->id > x->id) - (y->id < x->id);
}

static enum perr payments_write(struct req *r, const struct accounts_seen *seen)
{
	struct recent rc = {.cap = seen->n * RECENT_PAYMENTS};
	xmlNodePtr list = xml_elem(r->root, "payments"), n;
	char day[11];
	size_t i, from;
	enum perr e;

	if (list == NULL)
		return PERR_NOMEM;
	if (rc.cap == 0)
		return PERR_OK;
	if ((rc.v = arena_alloc(r->arena, rc.cap * sizeof(*rc.v))) == NULL)
		return PERR_NOMEM;
	for (i = 0; i < seen->n; i++) {
		from = rc.n;
		if ((e = db_payments_recent(r->arena, r->sess->subscriber_id, seen->acc[i].id,
		                            RECENT_PAYMENTS, payment_keep, &rc)) != PERR_OK)
			return e;
		for (; from < rc.n; from++) {
			rc.v[from].account_number = seen->acc[i].number;
			rc.v[from].cur = seen->acc[i].org.cur;
		}
	}
	qsort(rc.v, rc.n, sizeof(*rc.v), newest_first);
	for (i = 0; i < rc.n && i < RECENT_PAYMENTS; i++) {
		const struct payment *x = &rc.v[i];

		memcpy(day, x->paid_at, 10);
		day[10] = '\0';
		n = xml_elem(list, "payment");
		if (n == NULL || xml_attr_int(n, "account", (long long)x->account_id) ||
		    xml_text(n, "number", x->account_number) == NULL ||
		    xml_text(n, "date", day) == NULL || xml_text(n, "channel", x->channel) == NULL ||
		    xml_money(n, "amount", x->amount, x->cur, r->lang) == NULL)
			return PERR_NOMEM;
	}
	return PERR_OK;
}

/* An account's month, added to its currency's chart. */
static enum perr total_row(void *p, const struct month_total *x)
{
	struct ctx *c = p;
	const struct currency *cur = NULL;
	struct chart *ch;
	size_t i;
	long long k = (long long)x->month - (long long)c->from;

	for (i = 0; i < c->seen->n && cur == NULL; i++)
		if (c->seen->acc[i].id == x->account)
			cur = c->seen->acc[i].org.cur;
	if (cur == NULL) /* linked since the list was read: not on this page */
		return PERR_OK;
	if (k < 0 || k >= CHART_MONTHS)
		return PERR_DB; /* a month the statement was not asked for */
	for (i = 0; i < c->ncharts && c->chart[i].cur != cur; i++)
		;
	if (i == c->ncharts) {
		if (c->ncharts == MAX_CURRENCIES)
			return PERR_TOO_LARGE;
		c->chart[c->ncharts++].cur = cur;
	}
	ch = &c->chart[i];
	ch->month[k].billed = 1;
	if (money_add(ch->month[k].accrued, x->accrued, &ch->month[k].accrued) != 0 ||
	    money_add(ch->month[k].paid, x->paid, &ch->month[k].paid) != 0)
		return PERR_TOO_LARGE;
	return PERR_OK;
}

static int by_currency(const void *a, const void *b)
{
	return strcmp(((const struct chart *)a)->cur->code, ((const struct chart *)b)->cur->code);
}

/* The chart's scale: its largest bar, at least 1 so that it can divide. */
static money_t chart_max(const struct chart *ch)
{
	money_t max = 1;
	size_t k;

	for (k = 0; k < CHART_MONTHS; k++) {
		if (ch->month[k].accrued > max)
			max = ch->month[k].accrued;
		if (ch->month[k].paid > max)
			max = ch->month[k].paid;
	}
	return max;
}

/*
 * A <chart> per currency, in the currencies' order, with its scale (@max) and
 * the months billed in order, each with its slot's left edge (@x) and its
 * bars' heights (@h-accrued, @h-paid) worked out here: the stylesheet only
 * places them.
 */
static int charts_write(struct ctx *c)
{
	size_t i, k, slot;
	char m[8];

	qsort(c->chart, c->ncharts, sizeof(c->chart[0]), by_currency);
	for (i = 0; i < c->ncharts; i++) {
		const struct chart *ch = &c->chart[i];
		xmlNodePtr chart = xml_elem(c->parent, "chart"), n;
		money_t max = chart_max(ch);

		if (chart == NULL || xml_attr(chart, "currency", ch->cur->code) ||
		    xml_attr_int(chart, "max", max))
			return -1;
		for (k = 0, slot = 0; k < CHART_MONTHS; k++) {
			if (!ch->month[k].billed)
				continue;
			month_format(c->from + (month_t)k, m);
			n = xml_elem(chart, "month");
			if (n == NULL || xml_attr(n, "m", m) ||
			    xml_attr_int(n, "x", (long long)(slot++ * CHART_SLOT)) ||
			    xml_attr_int(n, "h-accrued", chart_bar_height(ch->month[k].accrued, max)) ||
			    xml_attr_int(n, "h-paid", chart_bar_height(ch->month[k].paid, max)) ||
			    xml_money(n, "accrued", ch->month[k].accrued, ch->cur, c->r->lang) == NULL ||
			    xml_money(n, "paid", ch->month[k].paid, ch->cur, c->r->lang) == NULL)
				return -1;
		}
	}
	return 0;
}

static int dashboard(struct req *r)
{
	struct ctx c = {.r = r};
	struct accounts_seen seen;
	enum perr e;

	if ((e = xml_accounts(r->arena, r->root, r->sess, r->lang, &seen)) != PERR_OK ||
	    (e = payments_write(r, &seen)) != PERR_OK)
		return page_fail(r, e);
	if (seen.latest == 0)
		return 0;
	c.seen = &seen;
	if ((c.parent = xml_elem(r->root, "charts")) == NULL)
		return page_error(r, 500, "internal");
	c.from = seen.latest - (CHART_MONTHS - 1);
	e = db_monthly_totals(r->arena, r->sess->subscriber_id, c.from, seen.latest, total_row, &c);
	if (e != PERR_OK)
		return page_fail(r, e);
	return charts_write(&c) != 0 ? page_error(r, 500, "internal") : 0;
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
