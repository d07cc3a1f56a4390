/*
 * payments/autopay.c: the subscriber's autopays (GET and POST /payments/autopay):
 * enabled after a payment that saved the card, with a day and a limit, or
 * disabled.
 */
#include <stdint.h>
#include <string.h>

#include "billing/account.h"
#include "core/config.h"
#include "core/money.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/autopay.h"
#include "db/db.h"
#include "db/online.h"
#include "doc/xml.h"
#include "web/req.h"
#include "payments/payments.h"

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

int autopay_page(struct req *r)
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
