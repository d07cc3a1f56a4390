/*
 * admin/overview.c: the console's first page: each of the staff member's
 * organizations' day and month at a glance.
 */
#include <string.h>
#include <time.h>

#include "core/perr.h"
#include "db/overview.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/console.h"
#include "admin/admin.h"

static enum perr overview_row(void *p, const struct overview *o)
{
	struct row_ctx *x = p;
	struct req *r = x->r;
	xmlNodePtr n = xml_elem(x->list, "org");

	if (n == NULL || xml_attr_int(n, "id", o->org) || xml_text(n, "name", o->name) == NULL ||
	    xml_int(n, "signups-today", o->signups_today) == NULL ||
	    xml_int(n, "signups-month", o->signups_month) == NULL ||
	    xml_int(n, "signins-today", o->signins_today) == NULL ||
	    xml_int(n, "signins-month", o->signins_month) == NULL ||
	    xml_int(n, "paid-count", o->paid_count) == NULL ||
	    money_xml(r, n, "paid-sum", o->paid_sum, o->currency) ||
	    xml_int(n, "failed-count", o->failed_count) == NULL ||
	    xml_int(n, "readings", o->readings) == NULL ||
	    xml_int(n, "meters", o->meters) == NULL ||
	    xml_int(n, "open-requests", o->open_requests) == NULL ||
	    xml_int(n, "undelivered", o->undelivered) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

int overview_get(struct req *r)
{
	char day[24], month[24];
	time_t now = time(NULL);
	struct row_ctx x = {r, NULL};
	struct tm tm;
	enum perr e;

	REQUIRE(r, A_READ);
	gmtime_r(&now, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d 00:00:00", &tm);
	strftime(month, sizeof(month), "%Y-%m-01 00:00:00", &tm);
	if ((e = console_staff_xml(r)) != PERR_OK || xml_done(r, K_DONE) != 0)
		return page_fail(r, e != PERR_OK ? e : PERR_NOMEM);
	if ((x.list = xml_elem(r->root, "overview")) == NULL)
		return page_error(r, 500, "internal");
	e = db_overview(r->arena, r->staff->staff_id, day, month, overview_row, &x);
	return e == PERR_OK ? 200 : page_fail(r, e);
}
