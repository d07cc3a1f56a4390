/*
 * app/refund.c: a refund the provider confirmed, written to the ledger once.
 *
 *   lock the refund row            a second settle waits here, then sees it final
 *   lock the payment and accounts  (db_online_lock_items), as crediting does
 *   per account: its share of the refund, per service its share of that,
 *   from the payment's own lines; a negative payments row, the ledger
 *   mark the refund succeeded, queue the subscriber's message
 *   commit                          all of it or none
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "app/credit.h"
#include "app/refund.h"
#include "billing/split.h"
#include "core/arena.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/online.h"
#include "db/outbox.h"
#include "db/refund.h"
#include "doc/xml.h"

#define REFUND_TRIES 3

struct items {
	struct online_item v[PAY_MAX_ACCOUNTS];
	size_t n;
};

static enum perr item_row(void *p, const struct online_item *it)
{
	struct items *x = p;

	/* The rows a refund wrote have no online id: only the payment's own come here. */
	if (x->n == PAY_MAX_ACCOUNTS)
		return PERR_TOO_LARGE;
	x->v[x->n++] = *it;
	return PERR_OK;
}

struct lines {
	struct payment_line v[SPLIT_MAX_SERVICES];
	size_t n;
};

static enum perr line_row(void *p, const struct payment_line *l)
{
	struct lines *x = p;

	if (x->n == SPLIT_MAX_SERVICES)
		return PERR_TOO_LARGE;
	if (l->amount > 0)
		x->v[x->n++] = *l;
	return PERR_OK;
}

/* Take part back from one account: the services in proportion to what the payment gave them. */
static enum perr take_back(struct arena *ar, const struct online_item *it, money_t part,
			   const char *channel, uint64_t refund)
{
	struct lines ls = {.n = 0};
	money_t weight[SPLIT_MAX_SERVICES], out[SPLIT_MAX_SERVICES];
	struct credit c;
	uint64_t pid = 0;
	size_t i, k;
	enum perr e;

	if ((e = db_payment_lines_of(ar, it->payment_id, line_row, &ls)) != PERR_OK ||
	    (e = credit_plan(ar, it->account_id, 0, &c)) != PERR_OK)
		return e;
	for (i = 0; i < c.n; i++)
		c.share[i] = 0;
	if (ls.n > 0) {
		for (i = 0; i < ls.n; i++)
			weight[i] = ls.v[i].amount;
		if (split_in_proportion(weight, ls.n, part, out) != 0)
			return PERR_BAD_INPUT;
		for (i = 0; i < ls.n; i++) {
			for (k = 0; k < c.n && c.service[k] != ls.v[i].service; k++)
				;
			/* A service the account no longer has: back on the first one it has. */
			c.share[k < c.n ? k : 0] -= out[i];
		}
	} else if (c.n > 0) {
		c.share[0] = -part; /* credited by hand (no lines): from the first service */
	}
	if ((e = db_refund_payment(it->account_id, -part, channel, refund, &pid)) != PERR_OK)
		return e;
	return credit_apply(&c, pid);
}

/* The message's parameters: the amount written for each language, as the
 * recipient's is known only when the row is queued. */
static const char *notice(struct arena *ar, const struct refund *rf)
{
	const struct currency *cur = rf->currency ? currency_find(rf->currency) : NULL;
	char ru[48], en[48], id[24];

	if (cur == NULL || money_format(ru, sizeof(ru), rf->amount, cur, LANG_RU) != 0 ||
	    money_format(en, sizeof(en), rf->amount, cur, LANG_EN) != 0)
		return NULL;
	snprintf(id, sizeof(id), "%llu", (unsigned long long)rf->online_id);
	return outbox_params(ar, "note",
			     (const char *[]){"payment", id, "amount_ru", ru, "amount_en", en}, 3);
}

static enum perr settle_once(struct arena *ar, uint64_t id, const struct refund_state *st,
			     enum settle_result *res)
{
	struct items *it = arena_alloc(ar, sizeof(*it));
	money_t weight[PAY_MAX_ACCOUNTS], part[PAY_MAX_ACCOUNTS];
	struct online_payment op;
	struct refund rf;
	const char *params;
	char esc[80];
	size_t i;
	enum perr e;

	if (it == NULL)
		return PERR_NOMEM;
	it->n = 0;
	if ((e = db_begin_read_committed()) != PERR_OK)
		return e;
	if ((e = db_refund_get(ar, id, 1, &rf)) != PERR_OK)
		goto fail;
	if (strcmp(rf.status, "succeeded") == 0 || strcmp(rf.status, "canceled") == 0) {
		*res = SETTLE_ALREADY;
		db_rollback();
		return PERR_OK;
	}
	if (st->amount != rf.amount || rf.currency == NULL || strcmp(st->currency, rf.currency) != 0 ||
	    rf.payment_provider_id == NULL || strcmp(st->payment_id, rf.payment_provider_id) != 0 ||
	    (rf.provider_id != NULL && strcmp(rf.provider_id, st->id) != 0)) {
		log_msg(LOG_ERR, "refund %llu: the provider's refund %s (%lld %s) is not ours; "
			"nothing written", (unsigned long long)id, log_esc(esc, sizeof(esc), st->id),
			st->amount, st->currency);
		e = PERR_CONFLICT;
		goto fail;
	}
	if (st->status == PAY_PENDING) {
		*res = SETTLE_PENDING;
		if ((e = db_refund_set(id, "pending", st->id)) != PERR_OK)
			goto fail;
		return db_commit();
	}
	if (st->status == PAY_CANCELED) {
		*res = SETTLE_CANCELED;
		if ((e = db_refund_set(id, "canceled", st->id)) != PERR_OK)
			goto fail;
		return db_commit();
	}
	if ((e = db_online_lock_items(ar, rf.online_id, &op, item_row, it)) != PERR_OK)
		goto fail;
	for (i = 0; i < it->n; i++)
		weight[i] = it->v[i].amount;
	if (it->n == 0 || split_in_proportion(weight, it->n, rf.amount, part) != 0) {
		log_msg(LOG_ERR, "refund %llu: more than payment %llu credited", (unsigned long long)id,
			(unsigned long long)rf.online_id);
		e = PERR_CONFLICT;
		goto fail;
	}
	for (i = 0; i < it->n && e == PERR_OK; i++)
		if (part[i] > 0)
			e = take_back(ar, &it->v[i], part[i],
				      strcmp(rf.kind, "autopay") == 0 ? "autopay" : "card", id);
	if (e != PERR_OK || (e = db_refund_set(id, "succeeded", st->id)) != PERR_OK)
		goto fail;
	if ((params = notice(ar, &rf)) == NULL) {
		e = PERR_NOMEM;
		goto fail;
	}
	if ((e = db_outbox_notify(rf.subscriber_id, "payment", "refund", params)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK)
		goto fail;
	*res = SETTLE_SUCCEEDED;
	return PERR_OK;
fail:
	db_rollback();
	return e;
}

enum perr refund_settle(struct arena *ar, uint64_t id, const struct refund_state *st,
			enum settle_result *res)
{
	enum perr e = PERR_BUSY;
	int i;

	for (i = 0; i < REFUND_TRIES && e == PERR_BUSY; i++) {
		e = settle_once(ar, id, st, res);
		if (e == PERR_BUSY && i + 1 < REFUND_TRIES) {
			log_msg(LOG_WARN, "refund %llu: lock conflict, trying again",
				(unsigned long long)id);
			db_retry_pause((unsigned)i + 1);
		}
	}
	return e;
}
