/*
 * home.c: the signed-in subscriber's start page, a dashboard.
 *
 *   GET /      the total to pay over all linked accounts, each account with its
 *              balance, address and services, the last three payments, a
 *              12-month chart of accruals and payments, the contact details on
 *              file and the sign-in before this session
 *
 * Its accounts, their services, chart and payments are one statement (the
 * accounts' summaries, sql/048), after the session and the menu's counts.
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
#include "db/account.h"
#include "db/session.h"
#include "doc/chart.h"
#include "doc/xml.h"
#include "web/req.h"
#include "web/serve.h"

#define RECENT_PAYMENTS 3
#define CHART_MONTHS SUMMARY_MONTHS /* the chart is the summaries' twelve months */


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
	const char *number;
	const struct currency *cur;
	uint64_t account, id;
	const char *paid_at;
	money_t amount;
	const char *channel;
};

/* Newest first; two at the same instant by id, as the summaries order them. */
static int newest_first(const void *a, const void *b)
{
	const struct recent *x = a, *y = b;
	int k = strcmp(y->paid_at, x->paid_at);

	return k != 0 ? k : (y->id > x->id) - (y->id < x->id);
}

/* The newest payments over all the accounts, from each one's newest (sql/048). */
static enum perr payments_write(struct req *r, const struct accounts_seen *seen)
{
	xmlNodePtr list = xml_elem(r->root, "payments"), n;
	struct recent *v;
	size_t i, k, nv = 0;
	char day[11];

	if (list == NULL)
		return PERR_NOMEM;
	if (seen->n == 0)
		return PERR_OK;
	if ((v = arena_alloc(r->arena, seen->n * SUMMARY_PAYMENTS * sizeof(*v))) == NULL)
		return PERR_NOMEM;
	for (i = 0; i < seen->n; i++)
		for (k = 0; k < SUMMARY_PAYMENTS && seen->sum[i]->pay[k].id != 0; k++) {
			struct recent *x = &v[nv++];

			x->number = seen->acc[i].number;
			x->cur = seen->acc[i].org.cur;
			x->account = seen->acc[i].id;
			x->id = seen->sum[i]->pay[k].id;
			x->paid_at = seen->sum[i]->pay[k].paid_at;
			x->amount = seen->sum[i]->pay[k].amount;
			x->channel = seen->sum[i]->pay[k].channel;
			if (x->paid_at == NULL || strlen(x->paid_at) < 10 || x->channel == NULL)
				return PERR_DB;
		}
	qsort(v, nv, sizeof(*v), newest_first);
	for (i = 0; i < nv && i < RECENT_PAYMENTS; i++) {
		memcpy(day, v[i].paid_at, 10);
		day[10] = '\0';
		n = xml_elem(list, "payment");
		if (n == NULL || xml_attr_int(n, "account", (long long)v[i].account) ||
		    xml_text(n, "number", v[i].number) == NULL || xml_text(n, "date", day) == NULL ||
		    xml_text(n, "channel", v[i].channel) == NULL ||
		    xml_money(n, "amount", v[i].amount, v[i].cur, r->lang) == NULL)
			return PERR_NOMEM;
	}
	return PERR_OK;
}

/* One account's month of the chart window, added to its currency's chart. */
static enum perr chart_add(struct ctx *c, const struct currency *cur, month_t m, money_t accrued,
                           money_t paid)
{
	struct chart *ch;
	size_t i;
	long long k = (long long)m - (long long)c->from;

	if (k < 0 || k >= CHART_MONTHS)
		return PERR_OK; /* before the window: an account billed longer ago */
	for (i = 0; i < c->ncharts && c->chart[i].cur != cur; i++)
		;
	if (i == c->ncharts) {
		if (c->ncharts == MAX_CURRENCIES)
			return PERR_TOO_LARGE;
		c->chart[c->ncharts++].cur = cur;
	}
	ch = &c->chart[i];
	ch->month[k].billed = 1;
	if (money_add(ch->month[k].accrued, accrued, &ch->month[k].accrued) != 0 ||
	    money_add(ch->month[k].paid, paid, &ch->month[k].paid) != 0)
		return PERR_TOO_LARGE;
	return PERR_OK;
}

/* Every account's billed months of the window, from its summary's twelve. */
static enum perr charts_sum(struct ctx *c)
{
	const struct accounts_seen *seen = c->seen;
	size_t i, k;
	enum perr e;

	for (i = 0; i < seen->n; i++) {
		const struct account_summary *s = seen->sum[i];

		if (s->latest == 0 || seen->acc[i].org.cur == NULL)
			continue;
		for (k = 0; k < SUMMARY_MONTHS; k++)
			if ((s->billed >> k & 1) &&
			    (e = chart_add(c, seen->acc[i].org.cur, s->latest - (month_t)k,
			                   s->charged[k], s->paid[k])) != PERR_OK)
				return e;
	}
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
	if ((e = charts_sum(&c)) != PERR_OK)
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
