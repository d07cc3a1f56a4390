/*
 * accounts/alert.c: the current account's balance alert (GET and POST
 * /accounts/alert): set, changed or turned off.
 */
#include <stdint.h>
#include <string.h>

#include "billing/access.h"
#include "billing/account.h"
#include "core/config.h"
#include "core/money.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/alert.h"
#include "db/account.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "accounts/accounts.h"

/*
 * The current account's balance alert (sql/051): the balance under which the
 * hourly reminder run tells this subscriber, once until it is back up.
 */
int alert_page(struct req *r)
{
	static const size_t echo[] = {K_AMOUNT_ALERT};
	const struct fval *amount = req_val(r, K_AMOUNT_ALERT), *off = req_val(r, K_ANSWER);
	uint64_t me = r->sess->subscriber_id;
	money_t threshold = 0;
	struct account a;
	xmlNodePtr n;
	int set = 0;
	enum perr e;

	if (r->sess->account_id == 0)
		return page_redirect(r, "/accounts");
	if ((e = db_account_get(r->arena, me, r->sess->account_id, RIGHT_VIEW, &a)) != PERR_OK)
		return page_fail(r, e);
	if (r->method == M_POST && off != NULL && strcmp(off->s, "off") == 0) {
		if ((e = db_alert_clear(me, a.id)) != PERR_OK)
			return page_fail(r, e);
		return page_redirect(r, "/accounts/alert?done=alert-off");
	}
	if (r->method == M_POST) {
		if (amount != NULL && a.org.cur != NULL &&
		    money_parse(amount->s, amount->len, a.org.cur, 1, &threshold) == 0 &&
		    threshold > -cfg.pay_max && threshold < cfg.pay_max) {
			if ((e = db_alert_set(me, a.id, threshold)) != PERR_OK)
				return page_fail(r, e);
			return page_redirect(r, "/accounts/alert?done=alert-set");
		}
		if (xml_form_error(r, "threshold", "invalid") != 0)
			return page_error(r, 500, "internal");
	}
	if ((e = db_alert_get(r->arena, me, a.id, &threshold, &set)) != PERR_OK)
		return page_fail(r, e);
	n = xml_elem(r->root, "balance-alert");
	if (n == NULL || xml_attr_int(n, "account", (long long)a.id) ||
	    xml_text(n, "number", a.number) == NULL || xml_text(n, "address", a.address) == NULL ||
	    (set && xml_money(n, "threshold", threshold, a.org.cur, r->lang) == NULL) ||
	    xml_typed(r, echo, 1) != 0 || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	return r->method == M_POST ? page_status(r, 400) : 200;
}
