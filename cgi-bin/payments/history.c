/*
 * payments/history.c: the payments history (GET /payments): the current account's
 * or every account's, by period, filtered by service and channel, sorted;
 * also as CSV or XLSX.
 */
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/fiscal.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/payment.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "payments/payments.h"

#define HISTORY_ROWS 5000

/*
 * The history is read whole for its period (at most HISTORY_ROWS rows), then
 * filtered and ordered here: the filters' choices are what the period holds,
 * and the statement stays one, on its index.
 */
struct hline {
	uint64_t service_id;
	const char *service, *supplier;
	money_t amount;
	struct hline *next;
};

struct hpay {
	struct payment p;
	struct hline *lines, **tail;
	struct hpay *next;
};

struct hchoice { /* a service or a channel the period holds */
	uint64_t id;
	const char *name;
	struct hchoice *next;
};

struct hist {
	struct req *r;
	struct hpay *first, **tail, *cur;
	size_t npay, rows;
	struct hchoice *services, *channels;
};

static const char *const history_channels[] = {"card", "bank", "cash", "autopay"};
static const char *const history_orders[] = {"newest", "oldest", "largest", "smallest"};

static int one_of(const char *s, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, v[i]) == 0)
			return (int)i;
	return -1;
}

/* Add id (or name, for id 0) to a list of choices once. */
static enum perr choice_add(struct arena *a, struct hchoice **list, uint64_t id, const char *name)
{
	struct hchoice *c;

	for (c = *list; c != NULL; c = c->next)
		if (id ? c->id == id : strcmp(c->name, name) == 0)
			return PERR_OK;
	if ((c = arena_alloc(a, sizeof(*c))) == NULL)
		return PERR_NOMEM;
	c->id = id;
	c->name = name ? name : "";
	c->next = *list;
	*list = c;
	return PERR_OK;
}

static enum perr hist_row(void *p, const struct payment *x)
{
	struct hist *h = p;
	struct arena *a = h->r->arena;

	h->rows++;
	if (h->cur == NULL || x->id != h->cur->p.id) {
		struct hpay *n = arena_alloc(a, sizeof(*n));

		if (n == NULL || choice_add(a, &h->channels, 0, x->channel) != PERR_OK)
			return PERR_NOMEM;
		n->p = *x;
		n->lines = NULL;
		n->tail = &n->lines;
		n->next = NULL;
		*h->tail = n;
		h->tail = &n->next;
		h->cur = n;
		h->npay++;
	}
	if (x->service_id != 0) {
		struct hline *l = arena_alloc(a, sizeof(*l));

		if (l == NULL || choice_add(a, &h->services, x->service_id, x->service) != PERR_OK)
			return PERR_NOMEM;
		l->service_id = x->service_id;
		l->service = x->service ? x->service : "";
		l->supplier = x->supplier ? x->supplier : "";
		l->amount = x->line;
		l->next = NULL;
		*h->cur->tail = l;
		h->cur->tail = &l->next;
	}
	return PERR_OK;
}

/* Whether a payment passes the filters: a line of the service, the channel. */
static int hist_keep(const struct hpay *x, uint64_t service, const char *channel)
{
	const struct hline *l;

	if (channel != NULL && strcmp(x->p.channel, channel) != 0)
		return 0;
	if (service == 0)
		return 1;
	for (l = x->lines; l != NULL; l = l->next)
		if (l->service_id == service)
			return 1;
	return 0;
}

/* Newest first is the statement's order; the others keep it among equals. */
static int by_oldest(const void *a, const void *b)
{
	const struct hpay *x = *(const struct hpay *const *)a, *y = *(const struct hpay *const *)b;
	int c = strcmp(x->p.paid_at, y->p.paid_at);

	return c ? c : (x->p.id > y->p.id) - (x->p.id < y->p.id);
}

static int by_amount(const void *a, const void *b)
{
	const struct hpay *x = *(const struct hpay *const *)a, *y = *(const struct hpay *const *)b;

	return (x->p.amount > y->p.amount) - (x->p.amount < y->p.amount);
}

static int by_largest(const void *a, const void *b)
{
	int c = by_amount(b, a);

	return c ? c : by_oldest(b, a);
}

static int by_smallest(const void *a, const void *b)
{
	int c = by_amount(a, b);

	return c ? c : by_oldest(b, a);
}

static enum perr hist_payment_xml(struct req *r, xmlNodePtr list, const struct hpay *h)
{
	const struct payment *x = &h->p;
	const struct hline *l;
	xmlNodePtr n = xml_elem(list, "payment");
	char at[26];

	if (n == NULL || xml_attr_int(n, "id", (long long)x->id) ||
	    xml_attr_int(n, "account-id", (long long)x->account_id) ||
	    xml_attr(n, "status", x->status) || xml_attr(n, "channel", x->channel) ||
	    instant_local_in(x->paid_at, x->time_zone, at) != 0 || xml_text(n, "at", at) == NULL ||
	    xml_text(n, "account", x->account_number) == NULL ||
	    (x->bank && xml_text(n, "bank", x->bank) == NULL) ||
	    xml_money(n, "amount", x->amount, x->cur, r->lang) == NULL)
		return PERR_NOMEM;
	if (x->fiscal_fn != NULL && x->fiscal_fd != NULL && x->fiscal_fp != NULL) {
		struct fiscal_receipt fr = {0};

		snprintf(fr.storage, sizeof(fr.storage), "%s", x->fiscal_fn);
		snprintf(fr.document, sizeof(fr.document), "%s", x->fiscal_fd);
		snprintf(fr.attribute, sizeof(fr.attribute), "%s", x->fiscal_fp);
		if (fiscal_xml(n, &fr) != 0)
			return PERR_NOMEM;
	}
	for (l = h->lines; l != NULL; l = l->next) {
		xmlNodePtr s = xml_elem(n, "line");

		if (s == NULL || xml_attr_int(s, "service", (long long)l->service_id) ||
		    xml_text(s, "service", l->service) == NULL ||
		    xml_text(s, "supplier", l->supplier) == NULL ||
		    xml_money(s, "amount", l->amount, x->cur, r->lang) == NULL)
			return PERR_NOMEM;
	}
	return PERR_OK;
}

/* The choices of the filters: <services><service id="">name</service>, <channels>. */
static enum perr hist_choices_xml(xmlNodePtr list, const struct hist *h)
{
	xmlNodePtr sv = xml_elem(list, "services"), ch = xml_elem(list, "channels");
	const struct hchoice *c;

	if (sv == NULL || ch == NULL)
		return PERR_NOMEM;
	for (c = h->services; c != NULL; c = c->next) {
		xmlNodePtr n = xml_text(sv, "service", c->name);

		if (n == NULL || xml_attr_int(n, "id", (long long)c->id))
			return PERR_NOMEM;
	}
	for (c = h->channels; c != NULL; c = c->next)
		if (xml_text(ch, "channel", c->name) == NULL)
			return PERR_NOMEM;
	return PERR_OK;
}

/* The payments that pass the filters, in the order asked for. */
static enum perr hist_xml(struct req *r, xmlNodePtr list, const struct hist *h, uint64_t service,
                          const char *channel, int order)
{
	static int (*const cmp[])(const void *, const void *) = {NULL, by_oldest, by_largest,
	                                                         by_smallest};
	const struct hpay **v;
	struct hpay *x;
	size_t n = 0, i;
	enum perr e;

	if ((e = hist_choices_xml(list, h)) != PERR_OK)
		return e;
	if (h->npay == 0)
		return PERR_OK;
	if ((v = arena_alloc(r->arena, h->npay * sizeof(*v))) == NULL)
		return PERR_NOMEM;
	for (x = h->first; x != NULL; x = x->next)
		if (hist_keep(x, service, channel))
			v[n++] = x;
	if (cmp[order] != NULL)
		qsort(v, n, sizeof(*v), cmp[order]);
	for (i = 0; i < n; i++)
		if ((e = hist_payment_xml(r, list, v[i])) != PERR_OK)
			return e;
	return PERR_OK;
}

/* ?format=csv or xlsx: the history as a table named for its months. */
static int offer_table(struct req *r, month_t from, month_t to)
{
	const struct fval *fmt = req_val(r, K_FORMAT);
	char f[8], t[8];

	if (fmt == NULL)
		return 200;
	month_format(from, f);
	month_format(to, t);
	return page_table(r, fmt->s, arena_printf(r->arena, "payments-%s-%s", f, t));
}

int history(struct req *r)
{
	struct hist h = {.r = r};
	int all = req_val(r, K_ALL) != NULL || r->sess->account_id == 0, st, order = 0;
	const struct fval *service = req_val(r, K_SERVICE), *channel = req_val(r, K_CHANNEL),
	                  *sort = req_val(r, K_SORT);
	xmlNodePtr list;
	month_t from, to;
	enum perr e;

	if (r->bad[K_ALL] || r->bad[K_SERVICE] || r->bad[K_CHANNEL] || r->bad[K_SORT] ||
	    (channel != NULL && one_of(channel->s, history_channels, 4) < 0) ||
	    (sort != NULL && (order = one_of(sort->s, history_orders, 4)) < 0))
		return page_error(r, 400, "bad-request");
	h.tail = &h.first;
	list = xml_elem(r->root, "payments");
	if (list == NULL || (all && xml_attr(list, "all", "1")) ||
	    xml_attr_int(list, "current", (long long)r->sess->account_id) ||
	    (service && xml_attr_int(list, "service", service->i)) ||
	    (channel && xml_attr(list, "channel", channel->s)) ||
	    xml_attr(list, "sort", history_orders[order]))
		return page_error(r, 500, "internal");
	if ((st = page_period(r, K_FROM, K_TO, month_today_in(NULL), &from, &to)) != 0)
		return st;
	e = db_payment_history(r->arena, r->sess->subscriber_id, all ? 0 : r->sess->account_id,
	                       from, to, r->lang, HISTORY_ROWS, hist_row, &h);
	if (e == PERR_OK)
		e = hist_xml(r, list, &h, service ? (uint64_t)service->i : 0,
		             channel ? channel->s : NULL, order);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (h.rows == HISTORY_ROWS && xml_attr(list, "truncated", "1"))
		return page_error(r, 500, "internal");
	return offer_table(r, from, to);
}
