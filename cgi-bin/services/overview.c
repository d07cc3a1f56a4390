/*
 * services/overview.c: the services overview (GET /services): each service with its
 * supplier and balance, the period's months, the optional parts the
 * account has; and a promised payment asked for (POST /services/promise).
 */
#include <stdint.h>

#include "app/promise.h"
#include "billing/account.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "services/services.h"

static int overview_of(struct req *r, const struct fval *svc);

/*
 * POST /services/promise: the line enabled on a promised payment, or the
 * services page again saying why not (409: the rule refuses it now).
 */
int promise_post(struct req *r)
{
	const struct fval *svc = req_val(r, K_SERVICE);
	enum promise_answer answer;
	enum perr e;

	if (r->sess->account_id == 0 || svc == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	e = promise_request(r->arena, r->sess->subscriber_id, r->sess->account_id, (uint64_t)svc->i,
	                    &answer);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (answer == PROMISE_GIVEN)
		return page_redirect(r, "/services?done=promised");
	/* The page as a GET shows it, with the refusal above. */
	if (page_refuse(r, 409, NULL, arena_printf(r->arena, "promise-%s", promise_word(answer))) !=
	    409)
		return page_error(r, 500, "internal");
	return overview_of(r, NULL) == 200 ? 409 : page_error(r, 500, "internal");
}

/*
 * The overview's parts most accounts have none of: internet lines, guarded
 * objects, the kinds of use recorded; each read only if the account has it.
 */
static int extras_xml(struct req *r, uint64_t account, const struct currency *cur)
{
	struct account_extras x;
	xmlNodePtr kinds;
	enum perr e;
	int st;

	if ((e = db_account_extras(r->arena, account, &x)) != PERR_OK)
		return page_fail(r, e);
	if ((st = connections_xml(r, account, cur, x.connections != 0)) != 0 ||
	    (st = objects_xml(r, account, NULL, x.objects != 0)) != 0)
		return st;
	/* In usage.kinds' order: the index's, call before session. */
	if ((kinds = xml_elem(r->root, "usage-kinds")) == NULL ||
	    (x.calls && xml_text(kinds, "kind", "call") == NULL) ||
	    (x.sessions && xml_text(kinds, "kind", "session") == NULL))
		return page_error(r, 500, "internal");
	return 0;
}

/* The services page; svc (may be NULL) the one service whose months it shows. */
static int overview_of(struct req *r, const struct fval *svc)
{
	struct ctx c = {.r = r};
	struct svc_list l = {.c = &c};
	struct account a;
	struct account_service one;
	uint64_t account = r->sess->account_id;
	month_t from = 0, to = 0;
	int st;
	enum perr e;

	if (account == 0)
		return no_account(r);
	if (r->bad[K_SERVICE])
		return page_fail(r, PERR_NOT_FOUND);
	/*
	 * The head (number, payer, address, organization, currency) comes with
	 * the services' rows, which repeat it.  Read on its own (account.get,
	 * with an access check routing has already made from the session's
	 * rights, PAGE_NEEDS), it cost MariaDB 148-150 us of a page's 1.0-1.3 ms
	 * (issue 22).  Only an account never billed, which has no rows, reads it.
	 */
	l.head = xml_elem(r->root, "account-head");
	if (l.head == NULL)
		return page_error(r, 500, "internal");
	if (svc != NULL) {
		e = db_account_service(r->arena, account, (uint64_t)svc->i, r->lang, &one);
		if (e != PERR_OK)
			return page_fail(r, e);
		l.chosen = one.service_id;
	}
	l.list = xml_elem(r->root, "services");
	if (l.list == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_account_services(r->arena, account, r->lang, service_row, &l)) != PERR_OK)
		return page_fail(r, e);
	if (l.head != NULL) {
		e = db_account_get(r->arena, r->sess->subscriber_id, account, RIGHT_VIEW, &a);
		if (e != PERR_OK)
			return page_fail(r, e);
		if (head_xml(l.head, &a) != 0)
			return page_error(r, 500, "internal");
		c.cur = a.org.cur;
	}
	if ((st = page_period(r, K_FROM, K_TO, default_end(l.latest), &from, &to)) != 0)
		return st;
	c.one_service = svc != NULL;
	if ((st = months(&c, l.chosen, from, to)) != 0)
		return st;
	if (svc == NULL && (st = extras_xml(r, account, c.cur)) != 0)
		return st;
	return xml_done(r, K_DONE) != 0 ? page_error(r, 500, "internal") : 200;
}

int overview(struct req *r)
{
	return overview_of(r, req_val(r, K_SERVICE));
}
