/*
 * login/email.c: a confirmation link followed (/email/confirm): GET shows the
 * address and a button, POST changes it (a scanner's GET changes nothing).
 */
#include <string.h>

#include "core/perr.h"
#include "db/db.h"
#include "db/outbox.h"
#include "db/subscriber.h"
#include "db/token.h"
#include "doc/xml.h"
#include "web/req.h"
#include "login/login.h"

int email_confirm(struct req *r)
{
	struct subscriber s;
	struct sub_token t;
	const char *params;
	enum perr e;
	int st;

	if ((st = link_token(r, K_TOKEN, "email", &t)) != 0)
		return st;
	if ((e = db_subscriber_get(r->arena, t.subscriber_id, &s)) != PERR_OK)
		return page_fail(r, e);
	if (r->method != M_POST) {
		xmlNodePtr f = xml_elem(r->root, "confirm-form");

		if (f == NULL || xml_text(f, "token", req_val(r, K_TOKEN)->s) == NULL ||
		    xml_text(f, "address", t.value) == NULL)
			return page_error(r, 500, "internal");
		return 200;
	}
	params = outbox_params(r->arena, "note",
	                       (const char *[]){"login", s.login, "old", s.email ? s.email : "",
	                                        "address", t.value},
	                       3);
	if (params == NULL || xml_text(r->root, "confirmed", t.value) == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_token_use(t.id);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return page_error(r, 410, "link-invalid");
	}
	/* The old address is told: if the change was not theirs, they hear of it there. */
	if (e != PERR_OK || (e = db_subscriber_set_email(s.id, t.value)) != PERR_OK ||
	    (s.email != NULL && strcmp(s.email, t.value) != 0 &&
	     (e = db_outbox_to(s.id, "email", s.email, "email-changed", params)) != PERR_OK) ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return 200;
}
