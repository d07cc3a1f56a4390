/*
 * accounts.c: the subscriber's personal accounts (лицевые счета).
 *
 *   GET  /accounts          every linked account with its balance
 *   POST /accounts/current  make one the current account for the other sections
 *   GET  /accounts/add      the form: organization, number, last payment's month and amount
 *   POST /accounts/add      link the account if the last payment matches (5 misses an hour)
 *   GET  /accounts/remove   ?id=: are you sure?
 *   POST /accounts/remove   id, answer=yes|no
 *   GET  /accounts/info     ?id= (default: the current account): account and organization
 *
 * An id that is not linked to the subscriber, made up or malformed, is the
 * same 404 everywhere: the queries are scoped to the subscriber's links.
 */
#include <stdint.h>
#include <string.h>

#include "app/account_list.h"
#include "app/org_list.h"
#include "billing/account.h"
#include "core/decimal.h"
#include "core/log.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "core/throttle.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/db.h"
#include "db/organization.h"
#include "db/session.h"
#include "db/throttle.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/serve.h"
#include "web/signin_limit.h"

enum key { K_ID, K_NEXT, K_ORG, K_NUMBER, K_MONTH, K_YEAR, K_AMOUNT, K_ANSWER, K_DONE, K__MAX };

static const struct field fields[K__MAX] = {
	[K_ID] = {"id", valid_int, 1, 4294967295LL},
	[K_NEXT] = {"next", valid_local_path, 1, NEXT_MAX},
	[K_ORG] = {"org", valid_int, 1, 4294967295LL},
	[K_NUMBER] = {"number", valid_code, 1, 20},
	[K_MONTH] = {"month", valid_int, 1, 12},
	[K_YEAR] = {"year", valid_int, 2000, 2099},
	[K_AMOUNT] = {"amount", valid_text, 1, 24},
	[K_ANSWER] = {"answer", valid_text, 2, 3},
	[K_DONE] = {"done", valid_token, 1, 16}, /* what the last action did: "added", ... */
};

/* Failed "add account" checks allowed per subscriber per hour. */
#define LINK_MAX_FAILURES 5
/* Five tries an hour; a lock of an hour, then two, then four. */
static const struct throttle_policy link_policy = {LINK_MAX_FAILURES, 3600, 3600, 2};

/* The account an id names, if it is linked to this subscriber. */
static enum perr linked_account(struct req *r, struct account *a)
{
	const struct fval *id = req_val(r, K_ID);

	if (id == NULL)
		return PERR_NOT_FOUND;
	return db_account_get(r->arena, r->sess->subscriber_id, (uint64_t)id->i, a);
}

static int list(struct req *r)
{
	enum perr e = xml_accounts(r->arena, r->root, r->sess, r->lang, NULL);

	if (e == PERR_OK && xml_done(r, K_DONE) != 0)
		e = PERR_NOMEM;
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static int choose(struct req *r)
{
	const struct fval *next = req_val(r, K_NEXT);
	struct account a;
	enum perr e;

	if ((e = linked_account(r, &a)) != PERR_OK ||
	    (e = db_subscriber_set_current(r->sess->subscriber_id, a.id)) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, next ? next->s : "/accounts?done=current");
}

/* ---------------------------------------------------------------- add */

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
			      (month_t)(req_val(r, K_YEAR)->i * 12 + req_val(r, K_MONTH)->i - 1), sum,
			      &account, &linked);
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
	    (e = db_link_record(me, 1)) != PERR_OK || (e = db_throttle_give_back(&key)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/accounts?done=added");
}

/* GET and POST of a form share its path: pick by method. */
static int add_page(struct req *r)
{
	return r->method == M_POST ? add_post(r) : add_get(r);
}

/* ---------------------------------------------------------------- remove */

static int remove_get(struct req *r)
{
	struct account a;
	xmlNodePtr n;
	enum perr e;

	if ((e = linked_account(r, &a)) != PERR_OK)
		return page_fail(r, e);
	n = xml_elem(r->root, "remove-account");
	if (n == NULL || xml_attr_int(n, "id", (long long)a.id) ||
	    xml_text(n, "number", a.number) == NULL || xml_text(n, "payer", a.payer) == NULL ||
	    xml_text(n, "address", a.address) == NULL ||
	    xml_text(n, "organization", a.org.name) == NULL)
		return page_error(r, 500, "internal");
	return 200;
}

static int remove_post(struct req *r)
{
	const struct fval *answer = req_val(r, K_ANSWER);
	const struct fval *id = req_val(r, K_ID);
	enum perr e;

	if (answer == NULL || (strcmp(answer->s, "yes") != 0 && strcmp(answer->s, "no") != 0))
		return page_error(r, 400, "bad-request");
	if (id == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	if (strcmp(answer->s, "no") == 0)
		return page_redirect(r, "/accounts");
	if ((e = db_account_unlink(r->sess->subscriber_id, (uint64_t)id->i)) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, "/accounts?done=removed");
}

static int remove_page(struct req *r)
{
	return r->method == M_POST ? remove_post(r) : remove_get(r);
}

/* ---------------------------------------------------------------- info */

static enum perr office_row(void *p, const struct office *of);

static int info(struct req *r)
{
	const struct session *me = r->sess;
	xmlNodePtr n, o;
	struct account a;
	const char *area;
	enum perr e;

	if (req_val(r, K_ID) == NULL && !r->bad[K_ID]) {
		if (me->account_id == 0)
			return page_redirect(r, "/accounts");
		e = db_account_get(r->arena, me->subscriber_id, me->account_id, &a);
	} else {
		e = linked_account(r, &a);
	}
	if (e != PERR_OK)
		return page_fail(r, e);
	area = decimal_text(r->arena, a.area_centi_m2, 2);
	n = xml_elem(r->root, "account-info");
	o = xml_elem(n, "organization");
	if (o == NULL || area == NULL || xml_attr_int(n, "id", (long long)a.id) ||
	    (a.id == me->account_id && xml_attr(n, "current", "1")) ||
	    xml_text(n, "number", a.number) == NULL || xml_text(n, "payer", a.payer) == NULL ||
	    xml_text(n, "address", a.address) == NULL || xml_int(n, "residents", a.residents) == NULL ||
	    xml_text(n, "area", area) == NULL || (a.phone && xml_text(n, "phone", a.phone) == NULL) ||
	    (a.meters_replaced_on &&
	     xml_text(n, "meters-replaced-on", a.meters_replaced_on) == NULL) ||
	    xml_text(o, "name", a.org.name) == NULL || xml_text(o, "address", a.org.address) == NULL ||
	    xml_text(o, "phones", a.org.phones) == NULL || xml_text(o, "email", a.org.email) == NULL ||
	    xml_text(o, "inn", a.org.inn) == NULL || xml_text(o, "bank", a.org.bank_name) == NULL ||
	    xml_text(o, "bic", a.org.bic) == NULL ||
	    xml_text(o, "bank-account", a.org.bank_account) == NULL ||
	    xml_text(o, "corr-account", a.org.corr_account) == NULL)
		return page_error(r, 500, "internal");
	/* Where its subscribers are received (the console keeps the list). */
	e = db_offices(r->arena, (unsigned)a.org.id, office_row, o);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static enum perr office_row(void *p, const struct office *of)
{
	xmlNodePtr n = xml_elem(p, "office");

	if (n == NULL || xml_text(n, "address", of->address) == NULL ||
	    xml_text(n, "hours", of->hours) == NULL ||
	    (of->phone != NULL && xml_text(n, "phone", of->phone) == NULL))
		return PERR_NOMEM;
	return PERR_OK;
}

static const struct page pages[] = {
	{"/accounts", M_GET, PAGE_SESSION, "list", list},
	{"/accounts/current", M_POST, PAGE_SESSION, "current", choose},
	{"/accounts/add", M_GET | M_POST, PAGE_SESSION, "add", add_page},
	{"/accounts/remove", M_GET | M_POST, PAGE_SESSION, "remove", remove_page},
	{"/accounts/info", M_GET, PAGE_SESSION, "info", info},
};

static const struct section section = {
	.name = "accounts", .pages = pages, .npages = sizeof(pages) / sizeof(pages[0]), .fields = fields,
	.nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
