/*
 * settle.c: what happens when the provider has decided.  The return page,
 * the webhook, the reconciliation run and autopay all come here with the
 * provider's own account of the payment (read from its API, never taken
 * from a notification's body), and whichever comes first does the work:
 *
 *   lock the online payment, its accounts   everyone else waits here, then sees it final;
 *                                            crediting one account is serial
 *   credit the ledger, write the lines, mark the payment, keep its fiscal
 *   receipt, queue the e-mail           the receipt's numbers in it
 *   commit                             all of it or none
 *
 * The fiscal receipt is asked for before the transaction, never inside one;
 * one not registered yet is the payment jobs' to fetch later (app/fiscal.c).
 *
 * A deadlock or lock timeout is retried; anything else is the caller's to
 * report (the webhook answers 5xx and the provider calls again later).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <libxml/tree.h>

#include "app/credit.h"
#include "app/fiscal.h"
#include "app/settle.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/autopay.h"
#include "db/db.h"
#include "db/fiscal.h"
#include "db/online.h"
#include "db/outbox.h"
#include "doc/xml.h"
#include "net/provider.h"

#define SETTLE_TRIES 6

struct items {
	struct online_item v[PAY_MAX_ACCOUNTS];
	size_t n;
};

static enum perr item_row(void *p, const struct online_item *it)
{
	struct items *x = p;

	if (x->n == PAY_MAX_ACCOUNTS)
		return PERR_TOO_LARGE;
	x->v[x->n++] = *it;
	return PERR_OK;
}

/* The notification's parameters: an XML element the delivery program renders. */
static const char *notice_params(struct arena *ar, const struct online_payment *op,
                                 const struct items *it, const struct pay_state *st,
                                 const struct fiscal_receipt *fr)
{
	xmlNodePtr n = xmlNewNode(NULL, BAD_CAST "payment");
	xmlBufferPtr buf = xmlBufferCreate();
	const char *out = NULL;
	char accounts[PAY_MAX_ACCOUNTS * 24] = "", num[32];
	size_t i;

	if (n == NULL || buf == NULL)
		goto done;
	for (i = 0; i < it->n; i++) {
		size_t len = strlen(accounts);

		snprintf(accounts + len, sizeof(accounts) - len, "%s%s", i ? ", " : "",
		         it->v[i].account_number ? it->v[i].account_number : "");
	}
	snprintf(num, sizeof(num), "%lld", op->amount);
	if (xml_attr_int(n, "id", (long long)op->id) || xml_attr(n, "kind", op->kind) ||
	    xml_attr(n, "status", st->status == PAY_SUCCEEDED ? "succeeded" : "canceled") ||
	    xml_attr(n, "minor", num) || xml_attr(n, "currency", op->cur ? op->cur->code : "") ||
	    xml_attr(n, "accounts", accounts) ||
	    (st->cancel_reason[0] && xml_attr(n, "reason", st->cancel_reason)) ||
	    (fr != NULL && fiscal_xml(n, fr) != 0))
		goto done;
	if (xmlNodeDump(buf, NULL, n, 0, 0) < 0)
		goto done;
	out = arena_strdup(ar, (const char *)xmlBufferContent(buf));
done:
	xmlFreeNode(n);
	xmlBufferFree(buf);
	return out;
}

static int matches(const struct online_payment *op, const struct pay_state *st)
{
	char esc[80];

	if (op->cur != NULL && st->amount == op->amount &&
	    strcmp(st->currency, op->cur->code) == 0 &&
	    (op->provider_id[0] == '\0' || strcmp(op->provider_id, st->id) == 0))
		return 1;
	log_msg(LOG_ERR,
	        "payment %llu: the provider's payment %s (%lld %s) is not ours (%lld %s, %s); "
	        "nothing credited",
	        (unsigned long long)op->id, log_esc(esc, sizeof(esc), st->id), st->amount,
	        st->currency, op->amount, op->cur ? op->cur->code : "?", op->provider_id);
	return 0;
}

/* The accounts are locked already (db_online_lock_items()). */
static enum perr credit_all(struct arena *ar, const struct items *it)
{
	size_t i;
	enum perr e = PERR_OK;

	for (i = 0; i < it->n && e == PERR_OK; i++) {
		struct credit c;
		uint64_t service[SPLIT_MAX_SERVICES];
		money_t amount[SPLIT_MAX_SERVICES];
		size_t n;

		if ((e = credit_plan(ar, it->v[i].account_id, it->v[i].amount, &c)) != PERR_OK ||
		    (e = db_payment_choices(ar, it->v[i].payment_id, service, amount,
		                            SPLIT_MAX_SERVICES, &n)) != PERR_OK)
			break;
		/* The payer's own split stands, unless the account's services changed since. */
		if (n > 0 && credit_choose(&c, service, amount, n, it->v[i].amount) != 0)
			log_msg(LOG_ERR,
			        "payment %llu: the payer's split no longer fits account %llu; "
			        "split by the rule",
			        (unsigned long long)it->v[i].payment_id,
			        (unsigned long long)it->v[i].account_id);
		e = credit_apply(&c, it->v[i].payment_id);
	}
	return e;
}

static enum perr settle_once(struct arena *ar, uint64_t id, const struct pay_state *st,
                             const struct fiscal_receipt *fr, enum settle_result *res)
{
	struct online_payment op;
	struct items *it = arena_alloc(ar, sizeof(*it));
	const char *params, *kind;
	int ok = st->status == PAY_SUCCEEDED, autopay;
	enum perr e;

	if (it == NULL)
		return PERR_NOMEM;
	it->n = 0;
	if ((e = db_begin_read_committed()) != PERR_OK)
		return e;
	if ((e = db_online_lock_items(ar, id, &op, item_row, it)) != PERR_OK)
		goto fail; /* PERR_TOO_LARGE: more accounts than a payment may cover */
	if (strcmp(op.status, "succeeded") == 0 || strcmp(op.status, "canceled") == 0) {
		*res = SETTLE_ALREADY;
		db_rollback();
		return PERR_OK;
	}
	if (!matches(&op, st)) {
		e = PERR_CONFLICT;
		goto fail;
	}
	/* The provider's id is stored even if the creating request never got to it. */
	if (op.provider_id[0] == '\0' && st->id[0] != '\0' &&
	    (e = db_online_set_pending(id, st->id, NULL)) != PERR_OK)
		goto fail;
	if (st->status == PAY_PENDING) {
		*res = SETTLE_PENDING;
		return db_commit();
	}
	if (ok && (e = credit_all(ar, it)) != PERR_OK)
		goto fail;
	if (strcmp(op.kind, "autopay") == 0 && (e = db_autopay_run_settled(id, ok)) != PERR_OK)
		goto fail;
	if (ok && fr != NULL && (e = db_fiscal_save(id, fr, NULL)) != PERR_OK)
		goto fail;
	autopay = strcmp(op.kind, "autopay") == 0;
	kind = autopay ? (ok ? "autopay-succeeded" : "autopay-failed")
	               : (ok ? "payment-succeeded" : "payment-failed");
	if ((params = notice_params(ar, &op, it, st, ok ? fr : NULL)) == NULL) {
		e = PERR_NOMEM;
		goto fail;
	}
	e = db_outbox_notify(op.subscriber_id, autopay ? "autopay" : "payment", kind, params);
	if (e != PERR_OK)
		goto fail;
	/*
	 * Last before the commit: a payments row's status change numbers it in
	 * the payments feed (sql/018), whose one counter row every settling
	 * transaction then holds until it commits.  Done before the fiscal
	 * receipt and the notice, it was held over them too: sampled during
	 * the webhook bench, up to 21 transactions waited on it, 3 since.
	 */
	e = db_online_finish(id, ok, st->method_saved ? st->method_id : NULL,
	                     st->method_saved ? st->method_title : NULL, st->cancel_reason);
	if (e != PERR_OK)
		goto fail;
	if ((e = db_commit()) != PERR_OK)
		goto fail;
	*res = ok ? SETTLE_SUCCEEDED : SETTLE_CANCELED;
	return PERR_OK;
fail:
	db_rollback();
	return e;
}

enum perr payment_settle(struct arena *ar, uint64_t id, const struct pay_state *st,
                         enum settle_result *res)
{
	struct fiscal_receipt fr;
	int has_fiscal = st->status == PAY_SUCCEEDED && fiscal_fetch(st->id, &fr) == PERR_OK;
	enum perr e = PERR_BUSY;
	int i;

	for (i = 0; i < SETTLE_TRIES && e == PERR_BUSY; i++) {
		e = settle_once(ar, id, st, has_fiscal ? &fr : NULL, res);
		if (e == PERR_BUSY && i + 1 < SETTLE_TRIES) {
			log_msg(LOG_WARN, "payment %llu: lock conflict, trying again",
			        (unsigned long long)id);
			db_retry_pause((unsigned)i + 1);
		}
	}
	return e;
}
