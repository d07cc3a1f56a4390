/*
 * payments/result.c: where the provider sends the payer back (GET /payments/result):
 * the provider is asked about a payment not yet final, what it says is
 * settled, and the page shows the outcome and the fiscal receipt.
 */
#include <stdint.h>
#include <string.h>

#include "app/fiscal.h"
#include "app/settle.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/fiscal.h"
#include "db/online.h"
#include "doc/xml.h"
#include "net/provider.h"
#include "web/req.h"
#include "payments/payments.h"

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

int result(struct req *r)
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
