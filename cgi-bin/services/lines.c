/*
 * services/lines.c: an account's internet lines on the overview: each line's state,
 * plan, speed and fee, a promised payment running, and the organization's
 * rule for one.
 */
#include <stdint.h>

#include "app/promise.h"
#include "core/date.h"
#include "core/money.h"
#include "core/perr.h"
#include "db/connection.h"
#include "doc/xml.h"
#include "web/req.h"
#include "services/services.h"

struct conn_list {
	struct req *r;
	const struct currency *cur;
	xmlNodePtr list;
};

/*
 * A line of internet access as the billing system sent it, its promise (the
 * times in local time) and, while it is suspended, what the organization's
 * rule offers.
 */
static enum perr connection_row(void *p, const struct connection *c)
{
	struct conn_list *l = p;
	struct req *r = l->r;
	xmlNodePtr n = xml_elem(l->list, "connection"), pr;
	char at[26], until[26];

	if (n == NULL || xml_attr_int(n, "service", (long long)c->service_id) ||
	    xml_attr(n, "state", c->state) || xml_text(n, "name", c->service) == NULL ||
	    xml_text(n, "plan", c->plan) == NULL ||
	    xml_text(n, "speed", arena_printf(r->arena, "%lld", c->speed_kbps)) == NULL ||
	    xml_money(n, "fee", c->monthly_fee, l->cur, r->lang) == NULL ||
	    xml_text(n, "login", c->login) == NULL || (c->ip && xml_text(n, "ip", c->ip) == NULL))
		return PERR_NOMEM;
	if (c->promised_at != NULL && c->promised_until != NULL) {
		if (instant_local_in(c->promised_at, c->time_zone, at) != 0 ||
		    instant_local_in(c->promised_until, c->time_zone, until) != 0)
			return PERR_BAD_INPUT;
		if ((pr = xml_elem(n, "promise")) == NULL || xml_attr(pr, "at", at) ||
		    xml_attr(pr, "until", until) ||
		    (c->promise_running && xml_attr(pr, "running", "1")))
			return PERR_NOMEM;
	}
	if (c->promise_days > 0 &&
	    ((pr = xml_elem(n, "promise-rule")) == NULL ||
	     xml_attr_int(pr, "days", c->promise_days) ||
	     xml_money(pr, "limit", c->promise_limit, l->cur, r->lang) == NULL ||
	     (promise_this_month(c->promised_at, c->time_zone) && xml_attr(pr, "used", "1"))))
		return PERR_NOMEM;
	return PERR_OK;
}

/* <connections> of the current account, read if any (account_extras); none: nothing. */
int connections_xml(struct req *r, uint64_t account, const struct currency *cur, int any)
{
	struct conn_list l = {r, cur, xml_elem(r->root, "connections")};
	enum perr e;

	if (l.list == NULL || ((r->sess->rights & RIGHT_PAY) && xml_attr(l.list, "may-ask", "1")))
		return page_error(r, 500, "internal");
	if (any &&
	    (e = db_connections_of(r->arena, account, r->lang, connection_row, &l)) != PERR_OK)
		return page_fail(r, e);
	return 0;
}
