/*
 * payments/invoices.c: paying an invoice online (POST /payments/invoice).
 */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/db.h"
#include "db/invoice.h"
#include "db/online.h"
#include "net/provider.h"
#include "web/req.h"
#include "payments/payments.h"

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
int invoice_pay(struct req *r)
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
