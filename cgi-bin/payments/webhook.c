/*
 * payments/webhook.c: the provider's notification (POST /payments/webhook): never
 * trusted as sent; the payment is read again from the provider and settled.
 */
#include <stdint.h>

#include "app/settle.h"
#include "core/log.h"
#include "core/perr.h"
#include "db/online.h"
#include "doc/xml.h"
#include "net/provider.h"
#include "web/req.h"
#include "payments/payments.h"

int webhook(struct req *r)
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
