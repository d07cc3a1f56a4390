/*
 * payments.c: payment history, paying online, and autopay.
 *
 *   GET  /payments            history of the current account (?all=1: every account), by period
 *   GET  /payments/pay        the form: an amount per linked account, the current one's due filled
 * in *   POST /payments/pay        action=preview: how each amount is split; action=back: edit it;
 *                             action=pay: record the payment, create it at the provider, 303 there
 *   GET  /payments/result     ?id=: where the provider sends the payer back; asks the provider
 *   POST /payments/webhook    the provider's notification: re-read the payment, settle it
 *   GET  /payments/autopay    the subscriber's autopays
 *   POST /payments/autopay    action=enable (after a payment that saved the card) or disable
 *
 * The card form is the provider's; nothing here ever sees a card number. * Amounts are named per
 * account (a12 for account 12) and read with the same validators as the field table.  The preview
 * shows how each amount is split over the account's services (Rules 354, p. 118) with a field per
 * service (s12-3: account 12, service 3): the payer may share the amount otherwise, and a split
 * other than the rule's is kept with the payment.  Money moves only in lib/settle.c.
 */
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/credit.h"
#include "app/fiscal.h"
#include "app/settle.h"
#include "billing/account.h"
#include "billing/split.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/money.h"
#include "core/month.h"
#include "core/parse.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/autopay.h"
#include "db/db.h"
#include "db/fiscal.h"
#include "db/invoice.h"
#include "db/online.h"
#include "db/payment.h"
#include "doc/xml.h"
#include "net/provider.h"
#include "web/form.h"
#include "web/req.h"
#include "web/serve.h"

enum key {
	K_FROM,
	K_TO,
	K_ALL,
	K_ACCOUNT,
	K_ACTION,
	K_KEY,
	K_SAVE,
	K_ID,
	K_DAY,
	K_MAX,
	K_DONE,
	K_FORMAT,
	K_SERVICE,
	K_CHANNEL,
	K_SORT,
	K__MAX
};

static const struct field fields[K__MAX] = {
        [K_FROM] = {"from", valid_month, 7, 7},
        [K_TO] = {"to", valid_month, 7, 7},
        [K_ALL] = {"all", valid_int, 1, 1},
        [K_ACCOUNT] = {"account", valid_int, 1, 4294967295LL},
        [K_ACTION] = {"action", valid_text, 2, 8},
        [K_KEY] = {"key", valid_token, TOKEN_CHARS, TOKEN_CHARS},
        [K_SAVE] = {"save", valid_int, 1, 1},
        [K_ID] = {"id", valid_int, 1, 9007199254740991LL},
        [K_DAY] = {"day", valid_int, 1, 28},
        [K_MAX] = {"max", valid_text, 1, 24},
        [K_DONE] = {"done", valid_int, 1, 1},
        [K_FORMAT] = {"format", valid_token, 1, 8}, /* csv, xlsx: the history as a table */
        /* The history's filters and order: a service of the split, a channel, an order. */
        [K_SERVICE] = {"service", valid_int, 1, 4294967295LL},
        [K_CHANNEL] = {"channel", valid_token, 1, 16},
        [K_SORT] = {"sort", valid_token, 1, 16},
};

static const struct field amount_field = {"amount", valid_text, 1, 24};

#define HISTORY_ROWS 5000

/* ------------------------------------------------------------------ history */

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

static int history(struct req *r)
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

/* ------------------------------------------------------------------ the form */

struct entry {
	struct payable acc;
	int payable;
	const char *typed; /* what was in its field, for showing the form again */
	money_t amount;    /* > 0: paid for in this payment */
	/* The per-service fields of the preview, when they were sent. */
	size_t nparts;
	uint64_t service[SPLIT_MAX_SERVICES];
	money_t part[SPLIT_MAX_SERVICES];
	const char *typed_part[SPLIT_MAX_SERVICES];
	int own; /* the parts differ from the rule's split: the payer's choice */
};

struct form {
	struct req *r;
	struct entry e[PAY_MAX_ACCOUNTS];
	size_t n;
	money_t total;
	const struct currency *cur;
	int parts_sent; /* the preview's per-service fields came back */
};

static enum perr payable_row(void *p, const struct payable *a)
{
	struct form *f = p;

	if (f->n == PAY_MAX_ACCOUNTS) /* more linked accounts than a payment may cover */
		return PERR_TOO_LARGE;
	memset(&f->e[f->n], 0, sizeof(f->e[f->n]));
	f->e[f->n].acc = *a;
	/* Only where the provider takes the organization's currency (YooKassa: roubles). */
	f->e[f->n].payable = a->pay_online && a->billed && a->cur != NULL &&
	                     provider_get() != NULL &&
	                     strcmp(a->cur->code, provider_get()->currency) == 0;
	f->n++;
	return PERR_OK;
}

static int load_accounts(struct form *f)
{
	enum perr e = db_payable_accounts(f->r->arena, f->r->sess->subscriber_id, payable_row, f);

	return e == PERR_OK ? 0 : page_fail(f->r, e);
}

static const char *amount_name(struct req *r, const struct entry *e)
{
	return arena_printf(r->arena, "a%llu", (unsigned long long)e->acc.id);
}

static int field_error(struct req *r, const char *field, const char *code)
{
	return xml_form_error(r, field, code) != 0 ? -1 : 1;
}

static const char *part_name(struct req *r, const struct entry *e, uint64_t service)
{
	return arena_printf(r->arena, "s%llu-%llu", (unsigned long long)e->acc.id,
	                    (unsigned long long)service);
}

/*
 * The per-service fields of one account, if the preview sent them: the
 * amount becomes their sum, and own says whether they differ from the rule's
 * split of that sum.  0 read (or none sent), 1 refused, -1 failed.
 */
static int read_parts(struct form *f, struct entry *e)
{
	struct req *r = f->r;
	struct credit c;
	money_t sum = 0;
	size_t i, sent = 0;
	int rc = 0;

	if (credit_plan(r->arena, e->acc.id, 0, &c) != PERR_OK)
		return -1;
	for (i = 0; i < c.n; i++) {
		const char *name = part_name(r, e, c.service[i]);
		const struct kv *kv;
		struct fval v;

		if (name == NULL)
			return -1;
		e->service[i] = c.service[i];
		e->part[i] = 0;
		e->typed_part[i] = NULL;
		if ((kv = kv_find(&r->form, name)) == NULL)
			continue;
		sent++;
		e->nparts = c.n; /* shown again even if refused */
		f->parts_sent = 1;
		if (kv->vlen == 0)
			continue; /* an empty field is nothing for that service */
		if (kv_count(&r->form, name) > 1 ||
		    amount_field.valid(&amount_field, kv->val, kv->vlen, r->arena, &v) != 0) {
			rc = field_error(r, name, "bad-amount");
			continue;
		}
		e->typed_part[i] = v.s;
		if (money_parse(v.s, v.len, e->acc.cur, 0, &e->part[i]) != 0 ||
		    money_add(sum, e->part[i], &sum) != 0 || sum > cfg.pay_max)
			rc = field_error(r, name, "bad-amount");
	}
	e->amount = sum;
	if (sent == 0 || rc != 0)
		return rc;
	/* The rule's split of the sum, from the plan already read. */
	if (sum > 0) {
		if (payment_split(c.ask, c.weight, c.n, sum, c.share) != 0)
			return -1;
		for (i = 0; i < c.n; i++)
			e->own |= c.share[i] != e->part[i];
	}
	return 0;
}
/* Read every amount; 0 when all are usable and at least one is given, 1 refused, -1 failed. */
static int read_amounts(struct form *f)
{
	struct req *r = f->r;
	int bad = 0, rc;
	size_t i, given = 0;

	for (i = 0; i < f->n; i++) {
		struct entry *e = &f->e[i];
		const char *name = amount_name(r, e);
		const struct kv *kv;
		struct fval v;

		if (name == NULL)
			return -1;
		kv = kv_find(&r->form, name);
		if (e->payable && (rc = read_parts(f, e)) != 0)
			goto refused;
		if (e->nparts > 0) {
			char buf[48];

			/* The account's amount is what its services were given. */
			if (money_input(buf, sizeof(buf), e->amount, e->acc.cur, r->lang) != 0)
				return -1;
			e->typed = arena_strdup(r->arena, buf);
		} else {
			if (kv == NULL || kv->vlen == 0)
				continue;
			if (kv_count(&r->form, name) > 1 ||
			    amount_field.valid(&amount_field, kv->val, kv->vlen, r->arena, &v) !=
			            0) {
				rc = field_error(r, name, "bad-amount");
				goto refused;
			}
			e->typed = v.s;
			if (!e->payable) {
				rc = field_error(r, name, "not-payable");
				goto refused;
			}
			if (money_parse(v.s, v.len, e->acc.cur, 0, &e->amount) != 0) {
				rc = field_error(r, name, "bad-amount");
				goto refused;
			}
		}
		if (e->amount == 0) /* 0 means "not this one" */
			continue;
		if (e->amount < cfg.pay_min) {
			rc = field_error(r, name, "amount-too-small");
			goto refused;
		}
		if (e->amount > cfg.pay_max) {
			rc = field_error(r, name, "amount-too-large");
			goto refused;
		}
		if (f->cur != NULL && f->cur != e->acc.cur) {
			rc = field_error(r, name, "one-currency");
			goto refused;
		}
		f->cur = e->acc.cur;
		if (money_add(f->total, e->amount, &f->total) != 0 || f->total > cfg.pay_max) {
			rc = field_error(r, name, "amount-too-large");
			goto refused;
		}
		given++;
		continue;
	refused:
		if (e->nparts == 0)
			e->amount = 0;
		if (rc < 0)
			return -1;
		bad = 1;
	}
	if (!bad && given == 0)
		return field_error(r, NULL, "nothing-to-pay");
	return bad;
}

/* The limits in the account's currency, for the page to state. */
static int limits_xml(struct req *r, const struct currency *cur)
{
	xmlNodePtr n = xml_elem(r->root, "limits");

	return n == NULL || xml_money(n, "min", cfg.pay_min, cur, r->lang) == NULL ||
	                       xml_money(n, "max", cfg.pay_max, cur, r->lang) == NULL
	               ? -1
	               : 0;
}

struct svc_names {
	struct req *r;
	xmlNodePtr parent;
	const struct credit *c;
	const struct entry *e;
	money_t due_after;
};

static enum perr split_row(void *p, const struct account_service *s)
{
	struct svc_names *x = p;
	size_t i;

	for (i = 0; i < x->c->n; i++) {
		xmlNodePtr n;

		if (x->c->service[i] != s->service_id)
			continue;
		const char *value = i < x->e->nparts ? x->e->typed_part[i] : NULL;
		money_t after = x->c->closing[i] - x->c->share[i]; /* both within 10^15 */
		char buf[48];

		if (value == NULL) {
			if (money_input(buf, sizeof(buf), x->c->share[i], s->acc.org.cur,
			                x->r->lang))
				return PERR_NOMEM;
			value = buf;
		}
		if (after > 0)
			x->due_after += after;
		n = xml_elem(x->parent, "line");
		if (n == NULL || xml_attr_int(n, "service", (long long)s->service_id) ||
		    xml_attr(n, "field", part_name(x->r, x->e, s->service_id)) ||
		    xml_attr(n, "value", value) || xml_text(n, "service", s->service) == NULL ||
		    xml_text(n, "supplier", s->supplier) == NULL ||
		    xml_money(n, "balance", x->c->closing[i], s->acc.org.cur, x->r->lang) == NULL ||
		    xml_money(n, "share", x->c->share[i], s->acc.org.cur, x->r->lang) == NULL ||
		    xml_money(n, "after", after, s->acc.org.cur, x->r->lang) == NULL)
			return PERR_NOMEM;
	}
	return PERR_OK;
}

/*
 * <split> of one account: each service's balance, its share of the amount
 * (the rule's, or the payer's own) with a field to change it, and what it
 * will owe after; @own when the payer's split is not the rule's.
 */
static int split_xml(struct req *r, xmlNodePtr n, const struct entry *e)
{
	struct credit c;
	struct svc_names x = {.r = r, .e = e};
	enum perr err = credit_plan(r->arena, e->acc.id, e->amount, &c);

	if (err != PERR_OK)
		return page_fail(r, err);
	if (e->nparts > 0 && e->amount > 0 &&
	    credit_choose(&c, e->service, e->part, e->nparts, e->amount) != 0)
		return page_error(r, 500, "internal");
	x.parent = xml_elem(n, "split");
	x.c = &c;
	if (x.parent == NULL || (e->own && xml_attr(x.parent, "own", "1")))
		return page_error(r, 500, "internal");
	err = db_account_services(r->arena, e->acc.id, r->lang, split_row, &x);
	if (err != PERR_OK)
		return page_fail(r, err);
	if (xml_money(x.parent, "due-after", x.due_after, e->acc.cur, r->lang) == NULL)
		return page_error(r, 500, "internal");
	return 0;
}

/* The form (or the preview) with every linked account. */
static int form_xml(struct form *f, int preview)
{
	struct req *r = f->r;
	const struct fval *want = req_val(r, K_ACCOUNT), *key = req_val(r, K_KEY);
	uint64_t chosen = want ? (uint64_t)want->i : r->sess->account_id;
	xmlNodePtr list = xml_elem(r->root, "pay");
	char fresh[TOKEN_CHARS + 1];
	unsigned char raw[TOKEN_BYTES];
	size_t i;
	int st;

	/* A new key per blank form; the same key through preview and pay. */
	if (key == NULL && token_new(raw, fresh) != 0)
		return page_error(r, 500, "internal");
	if (list == NULL || xml_attr(list, "key", key ? key->s : fresh) ||
	    (req_val(r, K_SAVE) && xml_attr(list, "save", "1")) ||
	    (preview && xml_attr(list, "preview", "1")) ||
	    (provider_get() == NULL && xml_attr(list, "off", "1")))
		return page_error(r, 500, "internal");
	for (i = 0; i < f->n; i++) {
		struct entry *e = &f->e[i];
		xmlNodePtr n = xml_elem(list, "account");
		const char *value = e->typed;
		money_t due = e->acc.due;
		char buf[48];

		if (value == NULL && r->method != M_POST && e->acc.id == chosen && e->payable &&
		    due > 0) {
			if (e->acc.cur == NULL ||
			    money_input(buf, sizeof(buf), due, e->acc.cur, r->lang))
				return page_error(r, 500, "internal");
			value = buf;
		}
		if (n == NULL || xml_attr_int(n, "id", (long long)e->acc.id) ||
		    xml_attr(n, "field", amount_name(r, e)) ||
		    (e->payable && xml_attr(n, "payable", "1")) ||
		    (e->acc.id == r->sess->account_id && xml_attr(n, "current", "1")) ||
		    (value && xml_attr(n, "value", value)) ||
		    xml_text(n, "number", e->acc.number) == NULL ||
		    xml_text(n, "address", e->acc.address) == NULL ||
		    xml_text(n, "organization", e->acc.org) == NULL ||
		    xml_money(n, "advance", e->acc.advance, e->acc.cur, r->lang) == NULL ||
		    xml_money(n, "due", due, e->acc.cur, r->lang) == NULL)
			return page_error(r, 500, "internal");
		if (preview && (e->amount > 0 || e->nparts > 0)) {
			if (xml_money(n, "amount", e->amount, e->acc.cur, r->lang) == NULL)
				return page_error(r, 500, "internal");
			if ((st = split_xml(r, n, e)) != 0)
				return st;
		}
	}
	if (preview && f->cur != NULL &&
	    xml_money(list, "total", f->total, f->cur, r->lang) == NULL)
		return page_error(r, 500, "internal");
	if (limits_xml(r, f->cur ? f->cur : currency_find("RUB")) != 0)
		return page_error(r, 500, "internal");
	return 0;
}

/* ------------------------------------------------------------------ paying */

/* "Оплата по л/с 1000456701, 1000456702": at most 128 characters, as the provider allows. */
static const char *description(struct form *f)
{
	struct req *r = f->r;
	char buf[129];
	size_t i, len;
	int first = 1;

	len = (size_t)snprintf(buf, sizeof(buf), "%s",
	                       r->lang == LANG_EN ? "Payment for account" : "Оплата по л/с");
	for (i = 0; i < f->n; i++) {
		int k;

		if (f->e[i].amount <= 0)
			continue;
		k = snprintf(buf + len, sizeof(buf) - len, "%s%s", first ? " " : ", ",
		             f->e[i].acc.number);
		if (k < 0 || (size_t)k >= sizeof(buf) - len)
			break;
		len += (size_t)k;
		first = 0;
	}
	return arena_strdup(r->arena, buf);
}

/* Send the payer to the provider's page for an online payment we hold. */
static int to_provider(struct req *r, const struct online_payment *op, const char *description)
{
	const struct provider *pv = provider_get();
	const struct fval *key = req_val(r, K_KEY);
	struct pay_order o;
	struct pay_state st;
	enum perr e;

	if (strcmp(op->status, "pending") == 0 && op->confirmation_url != NULL)
		return page_redirect_external(r, op->confirmation_url);
	if (strcmp(op->status, "created") != 0 || pv == NULL || key == NULL)
		return page_redirect(r, arena_printf(r->arena, "/payments/result?id=%llu",
		                                     (unsigned long long)op->id));
	memset(&o, 0, sizeof(o));
	/*
	 * The provider's key names our row, not only the form: unique over the
	 * shop even if a form's key were sent again by someone else, or ids
	 * were reused after a database was rebuilt.
	 */
	o.key = arena_printf(r->arena, "%llu-%.32s", (unsigned long long)op->id, key->s);
	o.amount = op->amount;
	o.cur = op->cur;
	o.description = description;
	o.return_url = arena_printf(r->arena, "%s/payments/result?id=%llu", cfg.site_url,
	                            (unsigned long long)op->id);
	o.save_method = op->save_method;
	o.ref = op->id;
	if (o.return_url == NULL || o.key == NULL)
		return page_error(r, 500, "internal");
	/* The same key again (a second click) gets the same payment back from the provider. */
	if ((e = pv->create(&o, &st)) != PERR_OK)
		return page_fail(r, e == PERR_NOT_FOUND ? PERR_UPSTREAM : e);
	if (st.confirmation_url[0] == '\0' && st.status == PAY_PENDING) {
		log_msg(LOG_ERR, "payment %llu: the provider gave no page to send the payer to",
		        (unsigned long long)op->id);
		return page_fail(r, PERR_UPSTREAM);
	}
	if ((e = db_online_set_pending(op->id, st.id, st.confirmation_url)) != PERR_OK)
		return page_fail(r, e);
	if (st.status != PAY_PENDING || st.confirmation_url[0] == '\0')
		return page_redirect(r, arena_printf(r->arena, "/payments/result?id=%llu",
		                                     (unsigned long long)op->id));
	return page_redirect_external(r, arena_strdup(r->arena, st.confirmation_url));
}

/* Record the payment (once per form key) and go to the provider. */
static int pay(struct form *f)
{
	struct req *r = f->r;
	const struct fval *key = req_val(r, K_KEY);
	const struct provider *pv = provider_get();
	struct online_payment op;
	uint64_t id = 0;
	size_t i;
	enum perr e;

	if (key == NULL || pv == NULL)
		return page_error(r, 400, "bad-request");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_online_insert(r->sess->subscriber_id, key->s, "card", pv->name, f->total,
	                     f->cur->code, req_val(r, K_SAVE) != NULL, r->lang, &id);
	if (e == PERR_CONFLICT) {
		/* The same form sent again: the payment it made, not a second one. */
		db_rollback();
		if ((e = db_online_by_key(r->arena, r->sess->subscriber_id, key->s, &op)) !=
		    PERR_OK)
			return page_fail(r, e);
		return to_provider(r, &op, description(f));
	}
	for (i = 0; e == PERR_OK && i < f->n; i++) {
		const struct entry *x = &f->e[i];
		uint64_t payment = 0;

		if (x->amount <= 0)
			continue;
		e = db_online_insert_item(id, x->acc.id, x->amount, "card", pv->title, &payment);
		if (e == PERR_OK && x->own)
			e = db_payment_choose(payment, x->service, x->part, x->nparts);
	}
	if (e == PERR_OK)
		e = db_commit();
	if (e != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	if ((e = db_online_get(r->arena, r->sess->subscriber_id, id, &op)) != PERR_OK)
		return page_fail(r, e);
	return to_provider(r, &op, description(f));
}

/* ---------------------------------------------------------------- invoices */

/* The account an invoice asks to pay, if the subscriber may pay it online. */
struct invoice_account {
	uint64_t id;
	struct payable acc;
	int found;
};

static enum perr invoice_account_row(void *p, const struct payable *a)
{
	struct invoice_account *x = p;

	if (a->id == x->id) {
		x->acc = *a;
		x->found = 1;
	}
	return PERR_OK;
}

/*
 * Pay an invoice online (documents in the services program issue them): one
 * payment of its amount to its account, recorded with the invoice in the
 * transaction that creates it, so the invoice is paid when the payment is.
 * The form's key makes a second click the same payment.
 */
static int invoice_pay(struct req *r)
{
	const struct fval *id = req_val(r, K_ID), *key = req_val(r, K_KEY);
	const struct provider *pv = provider_get();
	struct invoice_account x = {0};
	struct online_payment op;
	struct invoice v;
	uint64_t online = 0, payment = 0;
	const char *what;
	enum perr e;

	if (id == NULL || key == NULL || pv == NULL)
		return page_error(r, 400, "bad-request");
	if ((e = db_invoice_get(r->arena, r->sess->subscriber_id, (uint64_t)id->i, r->lang, &v)) !=
	    PERR_OK)
		return page_fail(r, e);
	x.id = v.account_id;
	if ((e = db_payable_accounts(r->arena, r->sess->subscriber_id, invoice_account_row, &x)) !=
	    PERR_OK)
		return page_fail(r, e);
	if (!x.found) /* viewable, not theirs to pay */
		return page_fail(r, PERR_NOT_FOUND);
	if (v.paid)
		return page_error(r, 409, "invoice-paid");
	if (!x.acc.pay_online || x.acc.cur == NULL || strcmp(x.acc.cur->code, pv->currency) != 0)
		return page_error(r, 422, "invoice-not-online");
	what = arena_printf(r->arena, "%s %u/%u", r->lang == LANG_EN ? "Invoice" : "Счёт №",
	                    v.number, v.year);
	if (what == NULL || (e = db_begin()) != PERR_OK)
		return what == NULL ? page_error(r, 500, "internal") : page_fail(r, e);
	e = db_online_insert(r->sess->subscriber_id, key->s, "card", pv->name, v.amount,
	                     x.acc.cur->code, 0, r->lang, &online);
	if (e == PERR_CONFLICT) { /* the same click again: the payment it made */
		db_rollback();
		if ((e = db_online_by_key(r->arena, r->sess->subscriber_id, key->s, &op)) !=
		    PERR_OK)
			return page_fail(r, e);
		return to_provider(r, &op, what);
	}
	if (e != PERR_OK ||
	    (e = db_online_insert_item(online, v.account_id, v.amount, "card", pv->title,
	                               &payment)) != PERR_OK ||
	    (e = db_invoice_attach(v.id, online)) != PERR_OK || (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	if ((e = db_online_get(r->arena, r->sess->subscriber_id, online, &op)) != PERR_OK)
		return page_fail(r, e);
	return to_provider(r, &op, what);
}

static int pay_page(struct req *r)
{
	const struct fval *action = req_val(r, K_ACTION);
	struct form *f = arena_alloc(r->arena, sizeof(*f));
	int st, bad;

	if (f == NULL)
		return page_error(r, 500, "internal");
	memset(f, 0, sizeof(*f));
	f->r = r;
	if (r->bad[K_ACCOUNT] || r->bad[K_KEY] || r->bad[K_SAVE])
		return page_error(r, 400, "bad-request");
	if ((st = load_accounts(f)) != 0)
		return st;
	if (r->method != M_POST)
		return (st = form_xml(f, 0)) != 0 ? st : 200;
	if (action == NULL || (strcmp(action->s, "preview") != 0 && strcmp(action->s, "pay") != 0 &&
	                       strcmp(action->s, "back") != 0))
		return page_error(r, 400, "bad-request");
	if (req_val(r, K_KEY) == NULL)
		return page_error(r, 400, "bad-request");
	if ((bad = read_amounts(f)) < 0)
		return page_error(r, 500, "internal");
	if (bad && f->parts_sent) /* a service's field: the preview again, with its error */
		return (st = form_xml(f, 1)) != 0 ? st : page_status(r, 422);
	if (bad || strcmp(action->s, "back") == 0) {
		f->total = 0;
		if ((st = form_xml(f, 0)) != 0)
			return st;
		return bad ? page_status(r, 422) : 200;
	}
	if (strcmp(action->s, "preview") == 0)
		return (st = form_xml(f, 1)) != 0 ? st : 200;
	return pay(f);
}

/* ------------------------------------------------------------------ result */

struct under {
	struct req *r;
	xmlNodePtr parent;
};

static enum perr item_row(void *p, const struct online_item *it)
{
	struct under *u = p;
	struct req *r = u->r;
	xmlNodePtr n = xml_elem(u->parent, "account");

	if (n == NULL || xml_attr_int(n, "id", (long long)it->account_id) ||
	    xml_text(n, "number", it->account_number) == NULL)
		return PERR_NOMEM;
	return xml_text(n, "minor", arena_printf(r->arena, "%lld", it->amount)) == NULL ? PERR_NOMEM
	                                                                                : PERR_OK;
}

/* Ask the provider about an unfinished payment and settle what it says; -1 if it could not be
 * asked. */
static int refresh(struct req *r, const struct online_payment *op)
{
	const struct provider *pv = provider_get();
	struct pay_state st;
	enum settle_result res;
	enum perr e;

	if (pv == NULL || op->provider_id[0] == '\0' ||
	    (strcmp(op->status, "pending") != 0 && strcmp(op->status, "created") != 0))
		return 0;
	if ((e = pv->get(op->provider_id, &st)) != PERR_OK)
		return -1;
	if ((e = payment_settle(r->arena, op->id, &st, &res)) != PERR_OK) {
		log_msg(LOG_ERR, "payment %llu: cannot settle on return: %s",
		        (unsigned long long)op->id, perr_str(e));
		return -1;
	}
	return 0;
}

/* The payment's fiscal receipt, or that the provider has not registered it yet. */
static int result_fiscal(struct req *r, xmlNodePtr n, uint64_t online)
{
	struct fiscal_receipt fr;
	enum perr e = db_fiscal_get(r->arena, online, &fr);

	if (e == PERR_NOT_FOUND)
		return xml_attr(n, "fiscal", "waiting") ? page_error(r, 500, "internal") : 200;
	if (e != PERR_OK)
		return page_fail(r, e);
	return fiscal_xml(n, &fr) != 0 ? page_error(r, 500, "internal") : 200;
}

static int result(struct req *r)
{
	const struct fval *id = req_val(r, K_ID);
	struct online_payment op;
	xmlNodePtr n;
	int unchecked;
	enum perr e;

	if (id == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	if ((e = db_online_get(r->arena, r->sess->subscriber_id, (uint64_t)id->i, &op)) != PERR_OK)
		return page_fail(r, e);
	unchecked = refresh(r, &op) != 0;
	if ((e = db_online_get(r->arena, r->sess->subscriber_id, (uint64_t)id->i, &op)) != PERR_OK)
		return page_fail(r, e);
	n = xml_elem(r->root, "result");
	if (n == NULL || xml_attr_int(n, "id", (long long)op.id) ||
	    (unchecked && xml_attr(n, "unchecked", "1")) || xml_attr(n, "status", op.status) ||
	    xml_attr(n, "kind", op.kind) || (op.has_method && xml_attr(n, "can-autopay", "1")) ||
	    (op.method_title && xml_text(n, "card", op.method_title) == NULL) ||
	    (op.cancel_reason && xml_text(n, "reason", op.cancel_reason) == NULL) ||
	    xml_money(n, "amount", op.amount, op.cur, r->lang) == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_online_items(r->arena, op.id, item_row, &(struct under){r, n})) != PERR_OK)
		return page_fail(r, e);
	return strcmp(op.status, "succeeded") == 0 ? result_fiscal(r, n, op.id) : 200;
}

/* ------------------------------------------------------------------ webhook */

static int webhook(struct req *r)
{
	const struct provider *pv = provider_get();
	char pid[PAY_ID_MAX + 1];
	struct pay_state st;
	enum settle_result res;
	uint64_t id;
	enum perr e;

	if (pv == NULL)
		return page_error(r, 404, "not-found");
	if (pv->notice(r->body, r->body_len, pid) != 0)
		return page_error(r, 400, "bad-request");
	/*
	 * Only a payment we started is asked about: a forged notification of
	 * an id we never stored costs one indexed read, not a call to the
	 * provider and an error line (nginx limits how often it can come).
	 */
	e = db_online_by_provider(pv->name, pid, &id);
	if (e == PERR_NOT_FOUND)
		return page_error(r, 400, "bad-request");
	if (e != PERR_OK)
		return page_fail(r, e);
	/* The notification only names the payment; what happened is the API's answer. */
	if ((e = pv->get(pid, &st)) != PERR_OK)
		return e == PERR_NOT_FOUND ? page_error(r, 400, "bad-request") : page_fail(r, e);
	if (st.ref != 0 && st.ref != id) {
		log_msg(LOG_WARN, "notification for payment %s names %llu, stored as %llu", pid,
		        (unsigned long long)st.ref, (unsigned long long)id);
		return page_error(r, 422, "mismatch");
	}
	e = payment_settle(r->arena, id, &st, &res);
	if (e == PERR_NOT_FOUND) {
		log_msg(LOG_WARN, "notification for payment %s names %llu, which we do not have",
		        st.id, (unsigned long long)id);
		return 200;
	}
	if (e == PERR_CONFLICT)
		return page_error(r, 422, "mismatch");
	if (e != PERR_OK)
		return page_fail(r, e);
	return xml_attr(r->root, "settled", res == SETTLE_PENDING ? "pending" : "final") ? 500
	                                                                                 : 200;
}

/* ------------------------------------------------------------------ autopay */

static enum perr autopay_row(void *p, const struct autopay *a)
{
	struct under *u = p;
	struct req *r = u->r;
	xmlNodePtr n = xml_elem(u->parent, "autopay");

	if (n == NULL || xml_attr_int(n, "id", (long long)a->id) ||
	    xml_attr_int(n, "account-id", (long long)a->account_id) ||
	    xml_attr_int(n, "day", a->day) || xml_text(n, "account", a->account_number) == NULL ||
	    xml_text(n, "address", a->address) == NULL ||
	    xml_text(n, "card", a->method_title) == NULL ||
	    xml_money(n, "max", a->max_amount, a->cur, r->lang) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static int autopay_list(struct req *r)
{
	xmlNodePtr list = xml_elem(r->root, "autopays");
	enum perr e;

	if (list == NULL || (req_val(r, K_DONE) && xml_attr(list, "done", "1")))
		return page_error(r, 500, "internal");
	e = db_autopays(r->arena, r->sess->subscriber_id, autopay_row, &(struct under){r, list});
	if (e != PERR_OK)
		return page_fail(r, e);
	return 200;
}

/* After a payment that saved the card: autopay of one of its accounts. */
static int autopay_enable(struct req *r)
{
	const struct fval *id = req_val(r, K_ID), *acc = req_val(r, K_ACCOUNT),
	                  *day = req_val(r, K_DAY), *max = req_val(r, K_MAX);
	const char *provider, *method, *title;
	struct account a;
	money_t cap = 0;
	int bad = 0;
	enum perr e;

	if (id == NULL || acc == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	if ((e = db_online_method(r->arena, (uint64_t)id->i, r->sess->subscriber_id, &provider,
	                          &method, &title)) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_account_get(r->arena, r->sess->subscriber_id, (uint64_t)acc->i, RIGHTS_FULL,
	                        &a)) != PERR_OK)
		return page_fail(r, e);
	if (day == NULL)
		bad |= field_error(r, "day", r->bad[K_DAY] ? "bad-day" : "required");
	if (max == NULL)
		bad |= field_error(r, "max", r->bad[K_MAX] ? "bad-amount" : "required");
	else if (money_parse(max->s, max->len, a.org.cur, 0, &cap) != 0)
		bad |= field_error(r, "max", "bad-amount");
	else if (cap < cfg.pay_min)
		bad |= field_error(r, "max", "amount-too-small");
	else if (cap > cfg.pay_max)
		bad |= field_error(r, "max", "amount-too-large");
	if (bad < 0)
		return page_error(r, 500, "internal");
	if (bad) {
		xmlNodePtr n = xml_elem(r->root, "enable");

		if (n == NULL || xml_attr_int(n, "payment", id->i) ||
		    xml_attr_int(n, "account", acc->i) || xml_text(n, "number", a.number) == NULL ||
		    (title && xml_text(n, "card", title) == NULL) ||
		    (day && xml_attr_int(n, "day", day->i)) || (max && xml_attr(n, "max", max->s)))
			return page_error(r, 500, "internal");
		return page_status(r, 422);
	}
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_autopay_set(r->sess->subscriber_id, a.id, provider, method, title ? title : "",
	                   (unsigned)day->i, cap);
	/* The method id now lives only with the autopay, and dies with it. */
	if (e == PERR_OK)
		e = db_online_forget_method((uint64_t)id->i);
	if (e == PERR_OK)
		e = db_commit();
	if (e != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/payments/autopay?done=1");
}

static int autopay_page(struct req *r)
{
	const struct fval *action = req_val(r, K_ACTION), *id = req_val(r, K_ID);
	enum perr e;

	if (r->method != M_POST)
		return autopay_list(r);
	if (action != NULL && strcmp(action->s, "enable") == 0)
		return autopay_enable(r);
	if (action == NULL || strcmp(action->s, "disable") != 0)
		return page_error(r, 400, "bad-request");
	if (id == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	if ((e = db_autopay_delete(r->sess->subscriber_id, (uint64_t)id->i)) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, "/payments/autopay?done=1");
}

static const struct page pages[] = {
        {"/payments", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "history", history},
        {"/payments/pay", M_GET | M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_PAY), "pay", pay_page},
        {"/payments/invoice", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_PAY), "invoice", invoice_pay},
        {"/payments/result", M_GET, PAGE_SESSION, "result", result},
        {"/payments/webhook", M_POST, PAGE_PUBLIC | PAGE_HOOK, "webhook", webhook},
        {"/payments/autopay", M_GET | M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHTS_FULL), "autopay",
         autopay_page},
};

static const struct section section = {
        .name = "payments",
        .pages = pages,
        .npages = sizeof(pages) / sizeof(pages[0]),
        .fields = fields,
        .nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
