/*
 * accounts/add.c: linking an account (GET and POST /accounts/add): the organization,
 * the number, and the last payment's month and amount to prove it is the
 * payer's; five misses an hour, then a lock that doubles.
 */
#include <stdint.h>

#include "app/org_list.h"
#include "billing/account.h"
#include "core/log.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "core/throttle.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/db.h"
#include "db/throttle.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/signin_limit.h"
#include "accounts/accounts.h"

/* Failed "add account" checks allowed per subscriber per hour. */
#define LINK_MAX_FAILURES 5
/* Five tries an hour; a lock of an hour, then two, then four. */
static const struct throttle_policy link_policy = {LINK_MAX_FAILURES, 3600, 3600, 2};

/* The organization the form names, if it is one. */
struct chosen_org {
	struct organization o;
	int found;
};

/* The form, with what was typed (never the amount's currency guessed). */
static int link_form(struct req *r, struct chosen_org *os)
{
	static const size_t echo[] = {K_NUMBER, K_MONTH, K_YEAR, K_AMOUNT};
	xmlNodePtr f = xml_elem(r->root, "link-form");
	const struct fval *org = req_val(r, K_ORG);
	enum perr e;
	size_t i;

	if (f == NULL)
		return page_error(r, 500, "internal");
	e = xml_organizations(r->arena, f, org ? (uint64_t)org->i : 0, &os->o, &os->found);
	if (e != PERR_OK)
		return page_fail(r, e);
	for (i = 0; i < sizeof(echo) / sizeof(echo[0]); i++) {
		const char *v = req_typed(r, echo[i]);

		if (v != NULL && xml_text(f, r->sec->fields[echo[i]].name, v) == NULL)
			return page_error(r, 500, "internal");
	}
	return 200;
}

static int add_get(struct req *r)
{
	struct chosen_org os = {0};

	return link_form(r, &os);
}

static int add_post(struct req *r)
{
	static const size_t required[] = {K_ORG, K_NUMBER, K_MONTH, K_YEAR, K_AMOUNT};
	uint64_t me = r->sess->subscriber_id, account = 0;
	const struct fval *amount = req_val(r, K_AMOUNT);
	struct chosen_org os = {0};
	struct throttle_key key;
	long long wait;
	int st, linked = 0, bad;
	money_t sum = 0;
	enum perr e;

	if ((st = link_form(r, &os)) != 200)
		return st;
	if ((bad = xml_required(r, required, sizeof(required) / sizeof(required[0]))) < 0)
		return page_error(r, 500, "internal");
	if (!bad && !os.found) {
		bad = 1;
		if (xml_form_error(r, "org", "invalid") != 0)
			return page_error(r, 500, "internal");
	}
	if (!bad && (os.o.cur == NULL ||
	             money_parse(amount->s, amount->len, os.o.cur, 0, &sum) != 0 || sum <= 0)) {
		bad = 1;
		if (xml_form_error(r, "amount", "invalid") != 0)
			return page_error(r, 500, "internal");
	}
	if (bad)
		return page_status(r, 400);

	/* Each try is counted before the check, atomically: parallel tries
	 * cannot pass the limit; a try that links gives its count back. */
	throttle_key_of(&key, "link", arena_printf(r->arena, "%llu", (unsigned long long)me));
	if ((e = limit_try(r, &key, &link_policy, &wait)) != PERR_OK)
		return page_fail(r, e);
	if (wait > 0)
		return page_refuse(r, 429, NULL, "link-locked");
	e = db_account_verify(r->arena, me, os.o.id, req_val(r, K_NUMBER)->s,
	                      (month_t)(req_val(r, K_YEAR)->i * 12 + req_val(r, K_MONTH)->i - 1),
	                      sum, &account, &linked);
	if (e == PERR_NOT_FOUND) {
		if ((e = db_link_record(me, 0)) != PERR_OK)
			return page_fail(r, e);
		log_msg(LOG_INFO, "account link refused: no matching payment");
		return page_refuse(r, 422, NULL, "link-mismatch");
	}
	if (e != PERR_OK)
		return page_fail(r, e);
	if (linked)
		return page_refuse(r, 409, NULL, "already-linked");

	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_account_link(me, account);
	if (e == PERR_CONFLICT) { /* linked by another request a moment ago */
		db_rollback();
		return page_refuse(r, 409, NULL, "already-linked");
	}
	if (e != PERR_OK || (e = db_subscriber_set_current(me, account)) != PERR_OK ||
	    (e = db_link_record(me, 1)) != PERR_OK ||
	    (e = db_throttle_give_back(&key)) != PERR_OK || (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/accounts?done=added");
}

/* GET and POST of a form share its path: pick by method. */
int add_page(struct req *r)
{
	return r->method == M_POST ? add_post(r) : add_get(r);
}
