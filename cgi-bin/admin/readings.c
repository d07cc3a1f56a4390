/*
 * admin/readings.c: meter readings waiting for staff's review (over three
 * times what the last six months suggest): accept or reject; and a reading
 * entered by staff for an account's meter.
 */
#include <stdint.h>

#include "core/arena.h"
#include "core/decimal.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/db.h"
#include "db/outbox.h"
#include "db/reading.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/console.h"
#include "admin/admin.h"

#define READINGS_PAGE 50

static enum perr review_row(void *p, const struct reading_review *v)
{
	struct row_ctx *x = p;
	struct arena *a = x->r->arena;
	xmlNodePtr n = xml_elem(x->list, "reading");

	if (n == NULL || xml_attr(n, "id", console_u64(a, v->id)) ||
	    xml_attr_int(n, "org", v->org) || xml_attr_int(n, "zone", v->zone) ||
	    xml_attr(n, "kind", v->kind) || xml_text(n, "account", v->account) == NULL ||
	    xml_text(n, "meter", v->meter) == NULL ||
	    xml_text(n, "value", decimal_text(a, v->value, v->decimals)) == NULL ||
	    (v->previous >= 0 &&
	     (xml_text(n, "previous", decimal_text(a, v->previous, v->decimals)) == NULL ||
	      xml_text(n, "consumed", decimal_text(a, v->value - v->previous, v->decimals)) ==
	              NULL)) ||
	    xml_text(n, "taken-on", v->taken_on) == NULL || console_opt(n, "login", v->login))
		return PERR_NOMEM;
	return PERR_OK;
}

static int readings_list(struct req *r, int status, const char *field, const char *code)
{
	static const size_t typed[] = {K_ORG,   K_NUMBER,   K_METER, K_ZONE,
	                               K_VALUE, K_TAKEN_ON, K_REASON};
	const struct fval *after = req_val(r, K_AFTER);
	struct row_ctx x = {r, NULL};
	enum perr e;

	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if ((x.list = xml_elem(r->root, "readings")) == NULL || xml_done(r, K_DONE) != 0 ||
	    xml_typed(r, typed, sizeof(typed) / sizeof(typed[0])) != 0)
		return page_error(r, 500, "internal");
	e = db_reading_review_list(r->arena, r->staff->staff_id, after ? (uint64_t)after->i : 0,
	                           READINGS_PAGE + 1, review_row, &x);
	if (e != PERR_OK)
		return page_fail(r, e);
	return code == NULL ? status : page_refuse(r, status, field, code);
}

int readings_get(struct req *r)
{
	REQUIRE(r, A_READ);
	return readings_list(r, 200, NULL, NULL);
}

/* Accept or reject a reading waiting for review: once; the subscriber told. */
static int reading_decide(struct req *r, int accept)
{
	const struct fval *id = req_val(r, K_ID), *reason = req_val(r, K_REASON);
	struct reading_review v;
	const char *params, *oid, *to, *channel;
	int st;
	enum perr e;

	REQUIRE(r, A_READINGS);
	if (id == NULL)
		return page_error(r, 404, "not-found");
	if (!accept && reason == NULL) {
		if ((st = readings_list(r, 400, "reason", "invalid")) != 400)
			return st;
		return xml_attr_int(r->root, "refused", id->i) ? page_error(r, 500, "internal")
		                                               : 400;
	}
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_reading_review_take(r->arena, r->staff->staff_id, (uint64_t)id->i, &v);
	if (e == PERR_NOT_FOUND) {
		db_rollback();
		return page_redirect(r, "/admin/readings?done=gone");
	}
	oid = console_u64(r->arena, v.id);
	params = outbox_params(r->arena, "note",
	                       (const char *[]){"meter", v.meter, "value",
	                                        decimal_text(r->arena, v.value, v.decimals),
	                                        "reason", reason ? reason->s : ""},
	                       3);
	if (e == PERR_OK && params == NULL)
		e = PERR_NOMEM;
	if (e == PERR_OK)
		e = db_reading_review_decide(v.id, accept, accept ? NULL : reason->s);
	/* Told where they can be reached: by e-mail, else by SMS. */
	to = v.email ? v.email : v.phone;
	channel = v.email ? "email" : "sms";
	if (e == PERR_OK && v.subscriber_id != 0 && to != NULL)
		e = db_outbox_to(v.subscriber_id, channel, to,
		                 accept ? "reading-accepted" : "reading-rejected", params);
	if (e == PERR_OK)
		e = console_audit(r, v.org, accept ? "accept-reading" : "reject-reading", "reading",
		                  oid, "pending",
		                  accept ? "accepted"
		                         : arena_printf(r->arena, "rejected: %s", reason->s));
	return console_commit(r, e,
	                      accept ? "/admin/readings?done=accepted"
	                             : "/admin/readings?done=reading-rejected");
}

int reading_accept_post(struct req *r)
{
	return reading_decide(r, 1);
}
int reading_reject_post(struct req *r)
{
	return reading_decide(r, 0);
}

/* A reading an inspector took: by the account's and the meter's numbers. */
int reading_enter_post(struct req *r)
{
	static const size_t required[] = {K_ORG, K_NUMBER, K_METER, K_ZONE, K_VALUE, K_TAKEN_ON};
	const struct fval *org = req_val(r, K_ORG), *number = req_val(r, K_NUMBER),
	                  *meter = req_val(r, K_METER), *zone = req_val(r, K_ZONE),
	                  *value = req_val(r, K_VALUE), *on = req_val(r, K_TAKEN_ON);
	struct staff_meter m;
	long long step, v;
	int st;
	enum perr e;

	REQUIRE(r, A_READINGS);
	if ((st = xml_required(r, required, 6)) != 0) {
		if (st < 0)
			return page_error(r, 500, "internal");
		return readings_list(r, 400, NULL, "form-invalid");
	}
	e = db_reading_staff_meter(r->arena, r->staff->staff_id, (unsigned)org->i, number->s,
	                           meter->s, &m);
	if (e == PERR_NOT_FOUND)
		return readings_list(r, 422, "meter", "unknown-meter");
	if (e != PERR_OK)
		return page_fail(r, e);
	if ((unsigned)zone->i > m.zones)
		return readings_list(r, 422, "zone", "invalid");
	/* The value in the meter's own units: as many decimals as its register shows. */
	step = m.decimals == 0 ? 1000 : m.decimals == 1 ? 100 : m.decimals == 2 ? 10 : 1;
	if (value->i % step != 0)
		return readings_list(r, 422, "value", m.decimals ? "bad-reading" : "whole-reading");
	v = value->i / step;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_reading_insert_staff(m.id, (unsigned)zone->i - 1, on->s, v)) != PERR_OK ||
	    (e = console_audit(
	             r, m.org, "enter-reading", "meter", console_u64(r->arena, m.id), NULL,
	             arena_printf(r->arena, "%s/%s zone %lld: %s on %s", number->s, meter->s,
	                          zone->i, decimal_text(r->arena, v, m.decimals), on->s))) !=
	            PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/admin/readings?done=entered");
}
