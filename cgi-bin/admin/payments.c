/*
 * admin/payments.c: finding a payment, its page (its lines and refunds), asking
 * the provider again, and a refund under an idempotency key.
 */
#include <stdint.h>
#include <string.h>

#include "app/refund.h"
#include "app/settle.h"
#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/money.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/db.h"
#include "db/online.h"
#include "db/refund.h"
#include "doc/xml.h"
#include "net/provider.h"
#include "web/form.h"
#include "web/req.h"
#include "web/console.h"
#include "admin/admin.h"

static const char *const payment_kinds[] = {"id", "provider", "account", "day"};
#define PAYMENTS_PAGE 50

static enum perr payment_row(void *p, const struct payment_found *f)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "payment");

	if (n == NULL || xml_attr(n, "id", console_u64(x->r->arena, f->id)) ||
	    xml_attr(n, "status", f->status) || xml_attr(n, "kind", f->kind) ||
	    xml_attr_int(n, "org", f->org) || console_opt(n, "provider-id", f->provider_id) ||
	    console_time(n, "created", f->created_at) || xml_text(n, "login", f->login) == NULL ||
	    console_opt(n, "accounts", f->accounts) ||
	    money_xml(x->r, n, "amount", f->amount, f->currency) ||
	    money_xml(x->r, n, "refunded", f->refunded, f->currency))
		return PERR_NOMEM;
	return PERR_OK;
}

int payments_get(struct req *r)
{
	const struct fval *q = req_val(r, K_Q);
	struct row_ctx x = {r, NULL};
	xmlNodePtr s;
	size_t k;
	int st;
	enum perr e;

	REQUIRE(r, A_READ);
	if ((st = search_form(r, "payment-search", payment_kinds,
	                      sizeof(payment_kinds) / sizeof(payment_kinds[0]), &s, &k)) != 0)
		return st;
	if (k == PAY_BY_DAY && !day_exists(q->s, q->len))
		return page_refuse(r, 400, "q", "day-invalid");
	if ((x.list = xml_elem(s, "rows")) == NULL)
		return page_error(r, 500, "internal");
	e = db_payments_find(r->arena, r->staff->staff_id, (enum payment_by)k, q->s, PAYMENTS_PAGE,
	                     payment_row, &x);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static enum perr item_xml(void *p, const struct online_item *it)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "item");

	if (n == NULL || xml_attr(n, "account", console_u64(x->r->arena, it->account_id)) ||
	    xml_text(n, "number", it->account_number ? it->account_number : "") == NULL ||
	    xml_int(n, "minor", it->amount) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr refund_xml(void *p, const struct refund *rf)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "refund");

	if (n == NULL || xml_attr(n, "id", console_u64(x->r->arena, rf->id)) ||
	    xml_attr(n, "status", rf->status) || console_time(n, "created", rf->created_at) ||
	    xml_text(n, "reason", rf->reason) == NULL ||
	    xml_text(n, "staff", rf->staff_login) == NULL ||
	    money_xml(x->r, n, "amount", rf->amount, rf->currency))
		return PERR_NOMEM;
	return PERR_OK;
}

/* The payment the request names, if it pays for an account of theirs: 0, or the answer. */
static int payment_of(struct req *r, struct payment_found *out)
{
	const struct fval *id = req_val(r, K_ID);
	struct row_ctx x = {r, NULL};
	enum perr e;

	if (id == NULL)
		return page_error(r, 404, "not-found");
	if ((x.list = xml_elem(r->root, "payments")) == NULL)
		return page_error(r, 500, "internal");
	e = db_payments_find(r->arena, r->staff->staff_id, PAY_BY_ID, id->s, 1, payment_row, &x);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (x.list->children == NULL)
		return page_error(r, 404, "not-found");
	/* The one row, read back: the lookup is what scopes it. */
	out->id = (uint64_t)id->i;
	return 0;
}

static int payment_page(struct req *r, int status, const char *field, const char *code)
{
	static const size_t typed[] = {K_AMOUNT, K_REASON};
	struct payment_found f;
	struct row_ctx x = {r, NULL};
	unsigned char raw[TOKEN_BYTES];
	char key[TOKEN_CHARS + 1];
	xmlNodePtr n;
	int st;
	enum perr e;

	if ((st = payment_of(r, &f)) != 0)
		return st;
	n = xml_elem(r->root, "payment-detail");
	/* A new key for each showing of the form: sent twice, it refunds once. */
	if (n == NULL || token_new(raw, key) != 0 || xml_text(n, "key", key) == NULL ||
	    xml_done(r, K_DONE) != 0 || xml_typed(r, typed, 2) != 0)
		return page_error(r, 500, "internal");
	if ((x.list = xml_elem(n, "items")) == NULL ||
	    (e = db_online_items(r->arena, f.id, item_xml, &x)) != PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	if ((x.list = xml_elem(n, "refunds")) == NULL ||
	    (e = db_refunds_of(r->arena, f.id, refund_xml, &x)) != PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	if (code == NULL)
		return status;
	return page_refuse(r, status, field, code);
}

int payment_get(struct req *r)
{
	REQUIRE(r, A_READ);
	return payment_page(r, 200, NULL, NULL);
}

/* The payment itself, read without its accounts (its lock ends with the statement). */
static enum perr ignore_item(void *p, const struct online_item *it)
{
	(void)p;
	(void)it;
	return PERR_OK;
}

/* Ask the provider about a refund not yet final, and settle what it says. */
static enum perr refund_ask(struct req *r, const struct provider *pv, const struct refund *rf,
                            const struct refund_order *order, enum settle_result *res)
{
	struct refund_state st;
	enum perr e;

	*res = SETTLE_PENDING;
	if (rf->provider_id != NULL)
		e = pv->refund_get(rf->provider_id, &st);
	else
		e = pv->refund(order, &st); /* the same key: asked again, refunded once */
	if (e == PERR_BAD_INPUT) {
		/* The provider refused it: it will never happen; it holds nothing back. */
		*res = SETTLE_CANCELED;
		return db_refund_set(rf->id, "canceled", NULL);
	}
	if (e != PERR_OK)
		return e;
	return refund_settle(r->arena, rf->id, &st, res);
}

static enum perr recheck_refund(void *p, const struct refund *rf)
{
	struct req *r = p;
	const struct provider *pv = provider_get();
	struct refund_order order = {rf->key, rf->payment_provider_id, rf->amount,
	                             rf->currency ? currency_find(rf->currency) : NULL, NULL};
	enum settle_result res;

	if (strcmp(rf->status, "created") != 0 && strcmp(rf->status, "pending") != 0)
		return PERR_OK;
	return pv == NULL ? PERR_UPSTREAM : refund_ask(r, pv, rf, &order, &res);
}

struct refund_list {
	struct refund v[16];
	size_t n;
};

static enum perr refund_keep(void *p, const struct refund *rf)
{
	struct refund_list *l = p;

	if (l->n < sizeof(l->v) / sizeof(l->v[0]))
		l->v[l->n++] = *rf;
	return PERR_OK;
}

int recheck_post(struct req *r)
{
	const struct provider *pv = provider_get();
	struct payment_found f;
	struct refund_list *rl = arena_alloc(r->arena, sizeof(*rl));
	struct online_payment op;
	struct pay_state ps;
	enum settle_result res = SETTLE_ALREADY;
	const char *id;
	size_t i;
	int st;
	enum perr e;

	REQUIRE(r, A_PAYMENTS);
	if ((st = payment_of(r, &f)) != 0)
		return st;
	if (pv == NULL || rl == NULL)
		return page_error(r, 503, "provider-down");
	rl->n = 0;
	id = console_u64(r->arena, f.id);
	/* The payment's state from the provider (never from a notification), then its refunds. */
	if ((e = db_online_lock_items(r->arena, f.id, &op, ignore_item, NULL)) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	db_rollback();
	if (op.provider_id[0] != '\0') {
		if ((e = pv->get(op.provider_id, &ps)) != PERR_OK)
			return page_fail(r, e == PERR_NOT_FOUND ? PERR_UPSTREAM : e);
		if ((e = payment_settle(r->arena, f.id, &ps, &res)) != PERR_OK)
			return page_fail(r, e);
	}
	if ((e = db_refunds_of(r->arena, f.id, refund_keep, rl)) != PERR_OK)
		return page_fail(r, e);
	for (i = 0; i < rl->n; i++)
		if ((e = recheck_refund(r, &rl->v[i])) != PERR_OK)
			return page_fail(r, e);
	if ((e = console_audit(r, f.org, "recheck-payment", "payment", id, op.status,
	                       res == SETTLE_SUCCEEDED  ? "succeeded"
	                       : res == SETTLE_CANCELED ? "canceled"
	                       : res == SETTLE_PENDING  ? "pending"
	                                                : op.status)) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, arena_printf(r->arena, "/admin/payment?id=%s&done=rechecked", id));
}

int refund_post(struct req *r)
{
	const struct fval *amount = req_val(r, K_AMOUNT), *key = req_val(r, K_KEY),
	                  *reason = req_val(r, K_REASON);
	const struct provider *pv = provider_get();
	struct payment_found f;
	struct online_payment op;
	const struct currency *cur;
	struct refund rf;
	money_t want = 0, paid = 0, held = 0;
	const char *status = NULL, *id;
	uint64_t rid = 0;
	enum settle_result res;
	int st, ok = 0;
	enum perr e;

	REQUIRE(r, A_PAYMENTS);
	if ((st = payment_of(r, &f)) != 0)
		return st;
	if (key == NULL)
		return page_error(r, 400, "bad-request");
	id = console_u64(r->arena, f.id);
	if ((e = db_online_lock_items(r->arena, f.id, &op, ignore_item, NULL)) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	db_rollback();
	cur = op.cur;
	if (amount == NULL || cur == NULL ||
	    money_parse(amount->s, amount->len, cur, 0, &want) != 0 || want <= 0)
		return payment_page(r, 400, "amount", "invalid");
	if (reason == NULL)
		return payment_page(r, 400, "reason", "invalid");
	/* Money goes back out: the password again. */
	if ((st = console_password_again(r, req_val(r, K_PASSWORD), &ok)) != 0)
		return st;
	if (!ok)
		return payment_page(r, 422, "password", "password-wrong");
	if (pv == NULL || op.provider_id[0] == '\0')
		return payment_page(r, 409, NULL, "not-refundable");

	/* Reserve it under the payment's lock: never more than is left, one refund per key. */
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_refund_lock_payment(r->arena, f.id, &paid, &status, &held)) != PERR_OK)
		goto fail;
	e = db_refund_by_key(r->arena, key->s, &rid);
	if (e == PERR_OK) {
		db_rollback();
		return page_redirect(
		        r, arena_printf(r->arena, "/admin/payment?id=%s&done=already", id));
	}
	if (e != PERR_NOT_FOUND)
		goto fail;
	if (strcmp(status, "succeeded") != 0) {
		db_rollback();
		return payment_page(r, 409, NULL, "not-refundable");
	}
	if (want > paid - held) {
		db_rollback();
		return payment_page(r, 422, "amount", "refund-too-much");
	}
	if ((e = db_refund_insert(f.id, key->s, want, reason->s, r->staff->staff_id, &rid)) !=
	            PERR_OK ||
	    (e = console_audit(r, f.org, "refund", "payment", id,
	                       arena_printf(r->arena, "%lld of %lld held", held, paid),
	                       arena_printf(r->arena, "%lld: %s", want, reason->s))) != PERR_OK ||
	    (e = db_commit()) != PERR_OK)
		goto fail;

	/* Outside any transaction: the provider's call. */
	if ((e = db_refund_get(r->arena, rid, 0, &rf)) != PERR_OK)
		return page_fail(r, e);
	e = refund_ask(r, pv, &rf,
	               &(struct refund_order){rf.key, op.provider_id, want, cur, reason->s}, &res);
	if (e == PERR_UPSTREAM)
		/* Unknown: nothing is written; re-checking asks again under the same key. */
		return page_redirect(
		        r, arena_printf(r->arena, "/admin/payment?id=%s&done=refund-unknown", id));
	if (e != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, arena_printf(r->arena, "/admin/payment?id=%s&done=%s", id,
	                                     res == SETTLE_SUCCEEDED  ? "refunded"
	                                     : res == SETTLE_CANCELED ? "refund-refused"
	                                                              : "refund-pending"));
fail:
	db_rollback();
	return page_fail(r, e);
}
