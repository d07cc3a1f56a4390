/*
 * services/events.c: guarded objects on the overview, and their alarm events
 * (GET /events) by the organization's months.
 */
#include <stdint.h>

#include "billing/account.h"
#include "core/date.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/guarded.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "services/services.h"

/* Events one page shows; more in the period: the page says so, a shorter period shows all. */
#define EVENTS_MAX 500

struct obj_list {
	struct req *r;
	xmlNodePtr list;
	const char *time_zone; /* the organization's, from its objects */
};

static enum perr object_row(void *p, const struct guarded_object *o)
{
	struct obj_list *l = p;
	xmlNodePtr n = xml_elem(l->list, "object");

	l->time_zone = o->time_zone;
	if (n == NULL || xml_attr_int(n, "service", (long long)o->service_id) ||
	    xml_attr(n, "state", o->state) || xml_text(n, "name", o->service) == NULL ||
	    xml_text(n, "address", o->address) == NULL || xml_text(n, "type", o->type) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

/*
 * <objects> of the current account, read if any (account_extras); none:
 * nothing.  tz (may be NULL) gets their zone.
 */
int objects_xml(struct req *r, uint64_t account, const char **tz, int any)
{
	struct obj_list l = {r, xml_elem(r->root, "objects"), NULL};
	enum perr e;

	if (l.list == NULL)
		return page_error(r, 500, "internal");
	if (any && (e = db_objects_of(r->arena, account, r->lang, object_row, &l)) != PERR_OK)
		return page_fail(r, e);
	if (tz != NULL)
		*tz = l.time_zone;
	return 0;
}

struct evt_list {
	struct req *r;
	xmlNodePtr list;
	const char *tz;
	unsigned n;
};

static enum perr event_row(void *p, const struct object_event *ev)
{
	struct evt_list *l = p;
	xmlNodePtr n;
	char at[26];

	if (++l->n > EVENTS_MAX)
		return xml_attr(l->list, "truncated", "1") ? PERR_NOMEM : PERR_OK;
	if (instant_local_in(ev->at, l->tz, at) != 0)
		return PERR_BAD_INPUT;
	n = xml_elem(l->list, "event");
	if (n == NULL || xml_attr_int(n, "service", (long long)ev->service_id) ||
	    xml_attr(n, "kind", ev->event) || xml_attr(n, "at", at) ||
	    (ev->zone && xml_text(n, "zone", ev->zone) == NULL) ||
	    (ev->who && xml_text(n, "who", ev->who) == NULL))
		return PERR_NOMEM;
	return PERR_OK;
}

/*
 * GET /events ?from=&to= (months, default the twelve up to this one): the account's
 * protected objects and their events of the period, the months being the
 * organization's (an event at 00:30 Moscow time on the 1st is that month's).
 */
int events_page(struct req *r)
{
	struct evt_list l = {.r = r};
	struct account a;
	month_t from = 0, to = 0;
	char since[20], until[20];
	int st;
	enum perr e;

	if ((st = account_head(r, &a)) != 0 || (st = objects_xml(r, a.id, &l.tz, 1)) != 0)
		return st;
	if ((st = page_period(r, K_FROM, K_TO, month_today_in(l.tz), &from, &to)) != 0)
		return st;
	if (period_utc(from, to, l.tz, since, until) != 0 ||
	    (l.list = xml_elem(r->root, "events")) == NULL)
		return page_error(r, 500, "internal");
	e = db_object_events(r->arena, a.id, since, until, EVENTS_MAX + 1, event_row, &l);
	return e != PERR_OK ? page_fail(r, e) : 200;
}
