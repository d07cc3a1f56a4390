/*
 * admin/requests.c: changes of a subscriber's mobile phone waiting for staff
 * to approve or reject them.
 */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/contact.h"
#include "db/db.h"
#include "db/outbox.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/console.h"
#include "admin/admin.h"

static enum perr request_row(void *p, const struct contact_pending *c)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "request");

	if (n == NULL || xml_attr(n, "id", console_u64(x->r->arena, c->id)) ||
	    xml_attr(n, "subscriber", console_u64(x->r->arena, c->subscriber_id)) ||
	    xml_attr_int(n, "org", c->org) || xml_text(n, "login", c->login) == NULL ||
	    xml_text(n, "full-name", c->full_name) == NULL ||
	    console_opt(n, "current", c->current) || xml_text(n, "value", c->value) == NULL ||
	    console_time(n, "created", c->created_at))
		return PERR_NOMEM;
	return PERR_OK;
}

#define REQUESTS_PAGE 50

static int requests_list(struct req *r)
{
	const struct fval *after = req_val(r, K_AFTER);
	struct row_ctx x = {r, xml_elem(r->root, "requests")};
	enum perr e;

	if (x.list == NULL || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	/* Oldest first, a page at a time; one more row says there is a next page. */
	e = db_contact_pending(r->arena, r->staff->staff_id, after ? (uint64_t)after->i : 0,
	                       REQUESTS_PAGE + 1, request_row, &x);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

int requests_get(struct req *r)
{
	REQUIRE(r, A_READ);
	return requests_list(r);
}

/* Approve or reject: decided once (the row is locked), the subscriber told. */
static int request_decide(struct req *r, int approve)
{
	const struct fval *id = req_val(r, K_ID), *reason = req_val(r, K_REASON);
	struct contact_pending c;
	const char *params;
	int st;
	enum perr e;

	REQUIRE(r, A_REQUESTS);
	if (id == NULL)
		return page_error(r, 404, "not-found");
	if (!approve && reason == NULL) {
		static const size_t typed[] = {K_REASON};

		if ((st = requests_list(r)) != 200)
			return st;
		if (xml_typed(r, typed, 1) != 0 || xml_attr_int(r->root, "refused", id->i))
			return page_error(r, 500, "internal");
		return page_refuse(r, 400, "reason", "invalid");
	}
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_contact_take(r->arena, r->staff->staff_id, (uint64_t)id->i, &c);
	if (e == PERR_NOT_FOUND) {
		db_rollback();
		/* Decided already by someone else, or never theirs. */
		return page_redirect(r, "/admin/requests?done=gone");
	}
	params = outbox_params(
	        r->arena, "note",
	        (const char *[]){"phone", c.value, "reason", reason ? reason->s : ""}, 2);
	if (e == PERR_OK && params == NULL)
		e = PERR_NOMEM;
	if (e == PERR_OK)
		e = approve ? db_contact_approve(c.id, r->staff->staff_id, c.subscriber_id, c.value)
		            : db_contact_reject(c.id, r->staff->staff_id, reason->s);
	/* Told by SMS to the new number, or to the number on file that stays. */
	if (e == PERR_OK && (approve || c.current != NULL))
		e = db_outbox_to(c.subscriber_id, "sms", approve ? c.value : c.current,
		                 approve ? "phone-changed" : "phone-rejected", params);
	if (e == PERR_OK)
		e = console_audit(r, c.org, approve ? "approve-phone" : "reject-phone",
		                  "subscriber", console_u64(r->arena, c.subscriber_id), c.current,
		                  approve ? c.value
		                          : arena_printf(r->arena, "%s (%s)", c.value, reason->s));
	return console_commit(
	        r, e, approve ? "/admin/requests?done=approved" : "/admin/requests?done=rejected");
}

int approve_post(struct req *r)
{
	return request_decide(r, 1);
}
int reject_post(struct req *r)
{
	return request_decide(r, 0);
}
