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
 *   POST /accounts/leave    id: give up access someone shared with you
 *
 * Who else may use the current account (issue 24, sql/049), for its holder:
 *
 *   GET  /access            delegates, invitations out, the record, what others did
 *   POST /access/invite     contact (e-mail or phone), rights: a link for 24 hours
 *   POST /access/rights     id (the delegate), rights
 *   POST /access/revoke     id: the delegate's access ends with their next request
 *   POST /access/cancel     id (an invitation not yet taken)
 *   POST /access/company    name, tax_id, kpp, address (or answer=off): the account's company
 *   GET  /access/accept     ?token=: the invitation, for whom it was sent to
 *   POST /access/accept     token, answer=yes|no
 *   GET  /access/join       ?token=: no login yet?  Make one from the invitation
 *   POST /access/join       token, name, new, confirm: the login and the access; 303 to sign in
 *
 * An id that is not the subscriber's, made up or malformed, is the same 404
 * everywhere: the queries are scoped to the subscriber's access.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "app/account_list.h"
#include "app/org_list.h"
#include "billing/access.h"
#include "billing/account.h"
#include "billing/bankcheck.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/login.h"
#include "core/log.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "core/throttle.h"
#include "core/urlenc.h"
#include "core/valid.h"
#include "db/access.h"
#include "db/alert.h"
#include "db/company.h"
#include "db/subscriber.h"
#include "db/account.h"
#include "db/db.h"
#include "db/organization.h"
#include "db/outbox.h"
#include "db/session.h"
#include "db/throttle.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/serve.h"
#include "web/signin_limit.h"

enum key {
	K_ID,
	K_NEXT,
	K_ORG,
	K_NUMBER,
	K_MONTH,
	K_YEAR,
	K_AMOUNT,
	K_ANSWER,
	K_DONE,
	K_CONTACT,
	K_RIGHTS,
	K_TOKEN,
	K_AMOUNT_ALERT,
	K_NAME,
	K_TAX_ID,
	K_KPP,
	K_ADDRESS,
	K_NEW,
	K_CONFIRM,
	K__MAX
};

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
        /* An e-mail address or a phone: contact_of() checks it as the one it is. */
        [K_CONTACT] = {"contact", valid_text, 1, 254},
        [K_RIGHTS] = {"rights", valid_token, 1, 16},
        [K_TOKEN] = {"token", valid_token, TOKEN_CHARS, TOKEN_CHARS},
        [K_AMOUNT_ALERT] = {"threshold", valid_text, 1, 24},
        /* The account's company (sql/052): checked as a whole by company_post(). */
        [K_NAME] = {"name", valid_text, 1, 200},
        [K_TAX_ID] = {"tax_id", valid_text, 1, 32},
        [K_KPP] = {"kpp", valid_text, 1, 32},
        [K_ADDRESS] = {"address", valid_text, 1, 300},
        /* Joining from an invitation: the new login's password (web/form_password). */
        [K_NEW] = {"new_password", valid_text, 1, 128},
        [K_CONFIRM] = {"confirm_password", valid_text, 1, 128},
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
	return db_account_get(r->arena, r->sess->subscriber_id, (uint64_t)id->i, 0, a);
}

struct shared_list {
	xmlNodePtr n;
	uint64_t current; /* the session's current account */
};

/* An account someone shared: what it is, who shared it, what it allows. */
static enum perr shared_row(void *p, const struct shared_account *s)
{
	struct shared_list *l = p;
	xmlNodePtr n = xml_elem(l->n, "account");
	const char *choice = access_choice_of(s->rights);

	if (n == NULL || xml_attr_int(n, "id", (long long)s->id) ||
	    (s->id == l->current && xml_attr(n, "current", "1")) ||
	    xml_attr(n, "rights", choice ? choice : "") ||
	    xml_text(n, "number", s->number) == NULL ||
	    xml_text(n, "address", s->address) == NULL ||
	    xml_text(n, "organization", s->org) == NULL || xml_text(n, "holder", s->holder) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static int list(struct req *r)
{
	enum perr e = xml_accounts(r->arena, r->root, r->sess, r->lang, NULL);
	struct shared_list shared = {xml_elem(r->root, "shared"), r->sess->account_id};

	if (e == PERR_OK && shared.n == NULL)
		e = PERR_NOMEM;
	if (e == PERR_OK)
		e = db_access_shared(r->arena, r->sess->subscriber_id, shared_row, &shared);
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
		e = db_account_get(r->arena, me->subscriber_id, me->account_id, 0, &a);
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

/* ---------------------------------------------------------------- balance alert */

/*
 * The current account's balance alert (sql/051): the balance under which the
 * hourly reminder run tells this subscriber, once until it is back up.
 */
static int alert_page(struct req *r)
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

/* ---------------------------------------------------------------- access */

/* Invitations one holder may send in a day, of all their accounts: each is a
 * message to an address that is not theirs. */
#define INVITES_PER_DAY 20
/* Delegates and live invitations of one account, together. */
#define DELEGATES_MAX 20
/* How long an invitation's link works (seconds). */
#define INVITATION_TTL (24 * 3600)
/* Entries of the access record, and of others' actions of each kind, shown. */
#define EVENTS_SHOWN  50
#define ACTIONS_SHOWN 20

/* A choice's name for rights; a holder's are no choice. */
static const char *rights_name(unsigned rights)
{
	const char *choice = access_choice_of(rights);

	return choice != NULL ? choice : "holder";
}

/* Attribute name: the UTC instant utc in the site's time zone (the pages' datetime). */
static int local_attr(xmlNodePtr n, const char *name, const char *utc)
{
	char local[26];

	return utc == NULL || instant_local(utc, local) != 0 || xml_attr(n, name, local);
}

/* What /access shows, and what its forms need of it. */
struct access_page {
	struct req *r;
	xmlNodePtr n;
	const char *number;            /* the account's */
	size_t delegates, invitations; /* live, together limited to DELEGATES_MAX */
	uint64_t find;                 /* a delegate or invitation looked for, */
	int invitation;                /* (an invitation: its ids are not subscribers') */
	unsigned found_rights;         /* its rights, */
	const char *found_contact;     /* an invitation's address or phone, */
	int found;                     /* whether it was there */
};

static enum perr delegate_row(void *p, const struct delegate *d)
{
	struct access_page *ap = p;
	xmlNodePtr n = xml_elem(ap->n, "delegate");

	ap->delegates++;
	if (!ap->invitation && d->id == ap->find) {
		ap->found = 1;
		ap->found_rights = d->rights;
	}
	if (n == NULL || xml_attr_int(n, "id", (long long)d->id) ||
	    xml_attr(n, "rights", rights_name(d->rights)) || local_attr(n, "since", d->since) ||
	    xml_text(n, "name", d->name) == NULL || xml_text(n, "login", d->login) == NULL ||
	    (d->email != NULL && xml_text(n, "email", d->email) == NULL) ||
	    (d->phone != NULL && xml_text(n, "phone", d->phone) == NULL))
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr invitation_row(void *p, const struct invitation *i)
{
	struct access_page *ap = p;
	xmlNodePtr n = xml_elem(ap->n, "invitation");

	ap->invitations++;
	if (ap->invitation && i->id == ap->find) {
		ap->found = 1;
		ap->found_rights = i->rights;
		ap->found_contact = i->contact;
	}
	if (n == NULL || xml_attr_int(n, "id", (long long)i->id) ||
	    xml_attr(n, "rights", rights_name(i->rights)) || local_attr(n, "expires", i->expires) ||
	    xml_text(n, "contact", i->contact) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr event_row(void *p, const struct access_event *ev)
{
	struct access_page *ap = p;
	xmlNodePtr n = xml_elem(ap->n, "event");

	if (n == NULL || local_attr(n, "at", ev->at) || xml_attr(n, "event", ev->event) ||
	    (ev->rights != 0 && xml_attr(n, "rights", rights_name(ev->rights))) ||
	    (ev->actor != NULL && xml_text(n, "actor", ev->actor) == NULL) ||
	    (ev->subject != NULL && xml_text(n, "subject", ev->subject) == NULL) ||
	    (ev->contact != NULL && xml_text(n, "contact", ev->contact) == NULL))
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr action_row(void *p, const struct others_action *a)
{
	struct access_page *ap = p;
	xmlNodePtr n = xml_elem(ap->n, "action");

	if (n == NULL || xml_attr(n, "kind", a->kind) || local_attr(n, "at", a->at) ||
	    xml_text(n, "who", a->who) == NULL)
		return PERR_NOMEM;
	if (strcmp(a->kind, "reading") == 0) {
		const char *v = decimal_text(ap->r->arena, a->value, a->decimals);

		if (v == NULL || xml_text(n, "meter", a->meter) == NULL ||
		    xml_text(n, "value", v) == NULL)
			return PERR_NOMEM;
	} else if (xml_money(n, "amount", a->amount, currency_find(a->currency ? a->currency : ""),
	                     ap->r->lang) == NULL) {
		return PERR_NOMEM;
	}
	return PERR_OK;
}

/*
 * The current account's access, for its holder (the page needs
 * RIGHT_HOLDER): who has it, the invitations out, what happened, what the
 * others did; and the invitation form with what was typed.
 */
static int access_fill(struct req *r, struct access_page *ap)
{
	static const size_t echo[] = {K_CONTACT, K_RIGHTS, K_NAME, K_TAX_ID, K_KPP, K_ADDRESS};
	uint64_t account = r->sess->account_id;
	struct company co;
	struct account a;
	xmlNodePtr cn;
	int is_company = 0;
	enum perr e;

	ap->r = r;
	if ((e = db_account_get(r->arena, r->sess->subscriber_id, account, RIGHT_HOLDER, &a)) !=
	    PERR_OK)
		return page_fail(r, e);
	ap->number = a.number;
	ap->n = xml_elem(r->root, "access");
	if (ap->n == NULL || xml_attr_int(ap->n, "account", (long long)a.id) ||
	    xml_text(ap->n, "number", a.number) == NULL ||
	    xml_text(ap->n, "address", a.address) == NULL ||
	    xml_text(ap->n, "organization", a.org.name) == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_access_delegates(r->arena, account, delegate_row, ap)) != PERR_OK ||
	    (e = db_access_invitations(r->arena, account, invitation_row, ap)) != PERR_OK ||
	    (e = db_access_events(r->arena, account, EVENTS_SHOWN, event_row, ap)) != PERR_OK ||
	    (e = db_access_others_actions(r->arena, account, ACTIONS_SHOWN, action_row, ap)) !=
	            PERR_OK ||
	    (e = db_company_get(r->arena, account, &co, &is_company)) != PERR_OK)
		return page_fail(r, e);
	if (is_company &&
	    ((cn = xml_elem(ap->n, "company")) == NULL || xml_text(cn, "name", co.name) == NULL ||
	     xml_text(cn, "tax-id", co.tax_id) == NULL ||
	     (co.kpp != NULL && xml_text(cn, "kpp", co.kpp) == NULL) ||
	     xml_text(cn, "address", co.legal_address) == NULL))
		return page_error(r, 500, "internal");
	if (xml_typed(r, echo, sizeof(echo) / sizeof(echo[0])) != 0 || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	return 200;
}

static int access_get(struct req *r)
{
	struct access_page ap = {0};

	if (r->sess->account_id == 0)
		return page_redirect(r, "/accounts");
	return access_fill(r, &ap);
}

/*
 * Whether contact (as valid_email or valid_phone keep it) is the subscriber's
 * own: an address whatever its case, a phone however it was written on file.
 */
static int contact_is(const struct session *s, const char *contact)
{
	char phone[PHONE_MAX + 1];

	if (strchr(contact, '@') != NULL)
		return s->email != NULL && strcasecmp(s->email, contact) == 0;
	return s->phone != NULL && phone_normalize(s->phone, strlen(s->phone), phone) == 0 &&
	       strcmp(phone, contact) == 0;
}

/* The invitation form's address or phone, as its kind of field keeps it; NULL if neither. */
static const char *contact_of(struct req *r)
{
	static const struct field email = {"contact", valid_email, 3, 254};
	static const struct field phone = {"contact", valid_phone, 1, 32};
	const struct fval *typed = req_val(r, K_CONTACT);
	const struct field *f;
	struct fval v;

	if (typed == NULL)
		return NULL;
	f = memchr(typed->s, '@', typed->len) != NULL ? &email : &phone;
	return f->valid(f, typed->s, typed->len, r->arena, &v) == 0 ? v.s : NULL;
}

static int invite_post(struct req *r)
{
	const struct fval *rights_f = req_val(r, K_RIGHTS);
	unsigned rights = rights_f ? access_rights_of(rights_f->s) : 0;
	uint64_t me = r->sess->subscriber_id, account = r->sess->account_id, id;
	struct access_page ap = {0};
	char token[TOKEN_CHARS + 1];
	unsigned char hash[32];
	const char *contact, *params;
	long long today = 0;
	int st, bad = 0;
	enum perr e;

	if (account == 0)
		return page_redirect(r, "/accounts");
	if ((st = access_fill(r, &ap)) != 200)
		return st;
	if ((contact = contact_of(r)) == NULL) {
		bad = 1;
		if (xml_form_error(r, "contact", "invalid") != 0)
			return page_error(r, 500, "internal");
	}
	if (rights == 0) {
		bad = 1;
		if (xml_form_error(r, "rights", "invalid") != 0)
			return page_error(r, 500, "internal");
	}
	if (bad)
		return page_status(r, 400);
	if (contact_is(r->sess, contact))
		return page_refuse(r, 422, "contact", "access-self");
	if (ap.delegates + ap.invitations >= DELEGATES_MAX)
		return page_refuse(r, 422, NULL, "access-too-many");
	if ((e = db_access_invited_today(r->arena, me, &today)) != PERR_OK)
		return page_fail(r, e);
	if (today >= INVITES_PER_DAY)
		return page_refuse(r, 429, NULL, "access-invite-limit");

	if (token_new_hashed(token, hash) != 0)
		return page_error(r, 500, "internal");
	params = outbox_params(r->arena, "note",
	                       (const char *[]){"token", token, "number", ap.number, "holder",
	                                        r->sess->full_name, "rights", rights_name(rights)},
	                       4);
	if (params == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_access_invite(hash, account, me, contact, rights, INVITATION_TTL, &id)) !=
	            PERR_OK ||
	    (e = db_outbox_to(me, strchr(contact, '@') ? "email" : "sms", contact, "access-invite",
	                      params)) != PERR_OK ||
	    (e = db_access_record(account, me, 0, contact, "invited", rights)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	log_msg(LOG_INFO, "account %llu shared: invitation %llu sent", (unsigned long long)account,
	        (unsigned long long)id);
	return page_redirect(r, "/access?done=invited");
}

/* The delegate (or, ap->invitation set, the invitation) the form's id names, found
 * among the current account's; 404 when it is not one of them.  The two kinds of
 * id are looked for apart: a subscriber's id may be an invitation's too. */
static int access_find(struct req *r, struct access_page *ap)
{
	const struct fval *id = req_val(r, K_ID);
	int st;

	if (id == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	ap->find = (uint64_t)id->i;
	if ((st = access_fill(r, ap)) != 200)
		return st;
	return ap->found ? 200 : page_fail(r, PERR_NOT_FOUND);
}

static int rights_post(struct req *r)
{
	const struct fval *rights_f = req_val(r, K_RIGHTS);
	unsigned rights = rights_f ? access_rights_of(rights_f->s) : 0;
	uint64_t account = r->sess->account_id;
	struct access_page ap = {0};
	enum perr e;
	int st;

	if ((st = access_find(r, &ap)) != 200)
		return st;
	if (rights == 0)
		return page_refuse(r, 400, "rights", "invalid");
	if (rights == ap.found_rights)
		return page_redirect(r, "/access?done=changed");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_access_set_rights(account, ap.find, rights)) != PERR_OK ||
	    (e = db_access_record(account, r->sess->subscriber_id, ap.find, NULL, "changed",
	                          rights)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/access?done=changed");
}

static int revoke_post(struct req *r)
{
	uint64_t account = r->sess->account_id;
	struct access_page ap = {0};
	enum perr e;
	int st;

	if ((st = access_find(r, &ap)) != 200)
		return st;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_access_end(account, ap.find)) != PERR_OK ||
	    (e = db_access_record(account, r->sess->subscriber_id, ap.find, NULL, "revoked",
	                          ap.found_rights)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/access?done=revoked");
}

static int cancel_post(struct req *r)
{
	uint64_t account = r->sess->account_id;
	struct access_page ap = {.invitation = 1};
	enum perr e;
	int st;

	if ((st = access_find(r, &ap)) != 200)
		return st;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_access_cancel(account, ap.find)) != PERR_OK ||
	    (e = db_access_record(account, r->sess->subscriber_id, 0, ap.found_contact, "cancelled",
	                          ap.found_rights)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/access?done=cancelled");
}

/* Whether s is n ASCII digits. */
static int digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return i == n;
}

/*
 * The holder names the account's company (or, answer=off, says it is a
 * person's): a name, an INN or a Kazakh BIN by its check digits, a KPP of 9
 * digits if any, a legal address.  Each field refused beside itself, kept.
 */
static int company_post(struct req *r)
{
	static const size_t required[] = {K_NAME, K_TAX_ID, K_ADDRESS};
	const struct fval *off = req_val(r, K_ANSWER), *tax = req_val(r, K_TAX_ID);
	const struct fval *kpp = req_val(r, K_KPP);
	uint64_t account = r->sess->account_id;
	struct access_page ap = {0};
	struct company c;
	int st, bad;
	enum perr e;

	if (account == 0)
		return page_redirect(r, "/accounts");
	if (off != NULL && strcmp(off->s, "off") == 0) {
		if ((e = db_company_clear(account)) != PERR_OK)
			return page_fail(r, e);
		return page_redirect(r, "/access?done=company-off");
	}
	if ((st = access_fill(r, &ap)) != 200)
		return st;
	if ((bad = xml_required(r, required, sizeof(required) / sizeof(required[0]))) < 0)
		return page_error(r, 500, "internal");
	if (tax != NULL && !r->bad[K_TAX_ID] && !inn_valid(tax->s) &&
	    !(digits(tax->s, 12) && bin_kz_valid(tax->s))) {
		bad = 1;
		if (xml_form_error(r, "tax_id", "invalid") != 0)
			return page_error(r, 500, "internal");
	}
	if (r->bad[K_KPP] || (kpp != NULL && !digits(kpp->s, 9))) {
		bad = 1;
		if (xml_form_error(r, "kpp", "invalid") != 0)
			return page_error(r, 500, "internal");
	}
	if (bad)
		return page_status(r, 400);
	c.name = req_val(r, K_NAME)->s;
	c.tax_id = tax->s;
	c.kpp = kpp ? kpp->s : NULL;
	c.legal_address = req_val(r, K_ADDRESS)->s;
	if ((e = db_company_set(account, &c, r->sess->subscriber_id)) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, "/access?done=company");
}

/* A delegate gives their access up. */
static int leave_post(struct req *r)
{
	const struct fval *id = req_val(r, K_ID);
	uint64_t me = r->sess->subscriber_id;
	enum perr e;

	if (id == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_access_end((uint64_t)id->i, me)) != PERR_OK ||
	    (e = db_access_record((uint64_t)id->i, me, me, NULL, "left", 0)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/accounts?done=left");
}

/*
 * The live invitation a link's token names, for someone not signed in: 200,
 * or the refusal shown (unknown 404; used, cancelled or expired 410).
 */
static int invitation_live(struct req *r, struct invitation *inv)
{
	const struct fval *t = req_val(r, K_TOKEN);
	unsigned char raw[TOKEN_BYTES], hash[32];
	enum perr e;

	if (t == NULL || token_decode(t->s, t->len, raw) != 0)
		return page_refuse(r, 404, NULL, "invitation-unknown");
	token_hash(raw, TOKEN_BYTES, hash);
	e = db_access_invitation(r->arena, hash, inv);
	if (e == PERR_NOT_FOUND)
		return page_refuse(r, 404, NULL, "invitation-unknown");
	if (e != PERR_OK)
		return page_fail(r, e);
	if (inv->used)
		return page_refuse(r, 410, NULL, "invitation-used");
	if (inv->cancelled)
		return page_refuse(r, 410, NULL, "invitation-cancelled");
	if (inv->expired)
		return page_refuse(r, 410, NULL, "invitation-expired");
	return 200;
}

/*
 * The invitation a link's token names, for the subscriber signed in: 200
 * with it in *inv, or the refusal shown (unknown 404; used, cancelled or
 * expired 410; sent to someone else 403; their own account 409).
 */
static int invitation_for_me(struct req *r, struct invitation *inv)
{
	struct account mine;
	enum perr e;
	int st;

	if ((st = invitation_live(r, inv)) != 200)
		return st;
	if (!contact_is(r->sess, inv->contact))
		return page_refuse(r, 403, NULL, "invitation-not-yours");
	e = db_account_get(r->arena, r->sess->subscriber_id, inv->account_id, RIGHT_HOLDER, &mine);
	if (e == PERR_OK)
		return page_refuse(r, 409, NULL, "invitation-own-account");
	return e == PERR_NOT_FOUND ? 200 : page_fail(r, e);
}

static int accept_get(struct req *r)
{
	struct invitation inv;
	xmlNodePtr n;
	int st;

	if ((st = invitation_for_me(r, &inv)) != 200)
		return st;
	n = xml_elem(r->root, "invitation");
	if (n == NULL || xml_attr(n, "rights", rights_name(inv.rights)) ||
	    local_attr(n, "expires", inv.expires) ||
	    xml_text(n, "token", req_val(r, K_TOKEN)->s) == NULL ||
	    xml_text(n, "number", inv.number) == NULL ||
	    xml_text(n, "address", inv.address) == NULL ||
	    xml_text(n, "organization", inv.org) == NULL ||
	    xml_text(n, "holder", inv.holder) == NULL)
		return page_error(r, 500, "internal");
	return 200;
}

static int accept_post(struct req *r)
{
	const struct fval *answer = req_val(r, K_ANSWER);
	uint64_t me = r->sess->subscriber_id;
	struct invitation inv;
	int st, yes;
	enum perr e;

	if (answer == NULL || (strcmp(answer->s, "yes") != 0 && strcmp(answer->s, "no") != 0))
		return page_error(r, 400, "bad-request");
	yes = strcmp(answer->s, "yes") == 0;
	if ((st = invitation_for_me(r, &inv)) != 200)
		return st;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = yes ? db_access_take(inv.id, me) : db_access_cancel(inv.account_id, inv.id);
	if (e == PERR_CONFLICT || e == PERR_NOT_FOUND) { /* taken or ended a moment ago */
		db_rollback();
		return page_refuse(r, 410, NULL, "invitation-used");
	}
	if (e != PERR_OK ||
	    (e = db_access_record(inv.account_id, me, yes ? me : 0, yes ? NULL : inv.contact,
	                          yes ? "accepted" : "cancelled", inv.rights)) != PERR_OK ||
	    (yes && (e = db_subscriber_set_current(me, inv.account_id)) != PERR_OK) ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, yes ? "/accounts?done=shared" : "/accounts?done=declined");
}

static int accept_page(struct req *r)
{
	return r->method == M_POST ? accept_post(r) : accept_get(r);
}

/* The join form: the invitation, and the login it makes (its address or phone). */
static int join_form(struct req *r, const struct invitation *inv)
{
	static const size_t echo[] = {K_NAME};
	xmlNodePtr n = xml_elem(r->root, "join");

	if (n == NULL || xml_attr(n, "rights", rights_name(inv->rights)) ||
	    xml_text(n, "token", req_val(r, K_TOKEN)->s) == NULL ||
	    xml_text(n, "login", inv->contact) == NULL ||
	    xml_text(n, "number", inv->number) == NULL ||
	    xml_text(n, "address", inv->address) == NULL ||
	    xml_text(n, "holder", inv->holder) == NULL || xml_typed(r, echo, 1) != 0)
		return page_error(r, 500, "internal");
	return 200;
}

/*
 * Someone invited who has no login makes one from the link: the link
 * reached them at the address or phone it was sent to, so that becomes their
 * login and contact.  The login and the access are made in one transaction;
 * a login that exists already is told to sign in instead.  The new login
 * then signs in like any other, on the sign-in page with its login filled in:
 * sessions are the login program's, which alone reads the sign-in limits.
 */
static int join_post(struct req *r, const struct invitation *inv)
{
	char login[LOGIN_BYTES], pwhash[128], query[3 * LOGIN_BYTES];
	const char *personal[2];
	int by_phone = strchr(inv->contact, '@') == NULL, st, bad;
	uint64_t id = 0;
	enum perr e;

	/* The name's message is the join form's own: "name" is also the company's. */
	if ((bad = req_val(r, K_NAME) == NULL) && xml_form_error(r, "name", "name-join") != 0)
		return page_error(r, 500, "internal");
	if (login_normalize(inv->contact, login, sizeof(login)) != 0 ||
	    url_query_escape(query, sizeof(query), login, NULL) < 0)
		return page_error(r, 500, "internal");
	personal[0] = req_val(r, K_NAME) ? req_val(r, K_NAME)->s : "";
	personal[1] = inv->contact;
	if ((st = page_new_password(r, K_NEW, K_CONFIRM, login, personal, 2, pwhash,
	                            sizeof(pwhash))) != 0)
		return st;
	if (bad)
		return page_status(r, 400);
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_subscriber_create(login, pwhash, req_val(r, K_NAME)->s,
	                         by_phone ? inv->contact : NULL, r->lang, &id);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return page_refuse(r, 409, NULL, "join-login-taken");
	}
	if (e == PERR_OK && !by_phone)
		e = db_subscriber_set_email(id, inv->contact);
	if (e == PERR_OK)
		e = db_access_take(inv->id, id);
	if (e == PERR_CONFLICT) { /* taken a moment ago */
		db_rollback();
		return page_refuse(r, 410, NULL, "invitation-used");
	}
	if (e != PERR_OK ||
	    (e = db_access_record(inv->account_id, id, id, NULL, "accepted", inv->rights)) !=
	            PERR_OK ||
	    (e = db_subscriber_set_current(id, inv->account_id)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	log_msg(LOG_INFO, "subscriber %llu joined from invitation %llu", (unsigned long long)id,
	        (unsigned long long)inv->id);
	return page_redirect(
	        r, arena_printf(r->arena,
	                        "/login?done=joined&next=%%2Faccounts%%3Fdone%%3Dshared&login=%s",
	                        query));
}

static int join_page(struct req *r)
{
	struct invitation inv;
	int st;

	/* Signed in already: the invitation is taken as theirs, if it is theirs. */
	if (r->signed_in && req_val(r, K_TOKEN) != NULL)
		return page_redirect(r, arena_printf(r->arena, "/access/accept?token=%s",
		                                     req_val(r, K_TOKEN)->s));
	if ((st = invitation_live(r, &inv)) != 200 || (st = join_form(r, &inv)) != 200)
		return st;
	return r->method == M_POST ? join_post(r, &inv) : 200;
}

static const struct page pages[] = {
        {"/accounts", M_GET, PAGE_SESSION, "list", list},
        {"/accounts/current", M_POST, PAGE_SESSION, "current", choose},
        {"/accounts/add", M_GET | M_POST, PAGE_SESSION, "add", add_page},
        {"/accounts/remove", M_GET | M_POST, PAGE_SESSION, "remove", remove_page},
        {"/accounts/info", M_GET, PAGE_SESSION, "info", info},
        {"/accounts/leave", M_POST, PAGE_SESSION, "list", leave_post},
        {"/accounts/alert", M_GET | M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "alert",
         alert_page},
        {"/access", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_HOLDER), "access", access_get},
        {"/access/invite", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_HOLDER), "access", invite_post},
        {"/access/rights", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_HOLDER), "access", rights_post},
        {"/access/revoke", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_HOLDER), "access", revoke_post},
        {"/access/cancel", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_HOLDER), "access", cancel_post},
        {"/access/company", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_HOLDER), "access",
         company_post},
        {"/access/join", M_GET | M_POST, PAGE_PUBLIC, "join", join_page},
        {"/access/accept", M_GET | M_POST, PAGE_SESSION, "accept", accept_page},
};

static const struct section section = {
	.name = "accounts", .pages = pages, .npages = sizeof(pages) / sizeof(pages[0]), .fields = fields,
	.nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
