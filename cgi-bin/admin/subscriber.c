/*
 * admin/subscriber.c: a subscriber's profile, accounts, sessions and sign-ins, and
 * what staff may do to them: link or unlink an account, block, end sessions,
 * send a new sign-in link, turn off a lost second factor, view as them, and
 * sign in an account's holder at the counter.
 */
#include <stdint.h>
#include <string.h>
#include <sodium.h>

#include "app/link.h"
#include "billing/access.h"
#include "billing/account.h"
#include "core/arena.h"
#include "core/crypto.h"
#include "core/login.h"
#include "core/password.h"
#include "core/perr.h"
#include "core/useragent.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/db.h"
#include "db/directory.h"
#include "db/outbox.h"
#include "db/session.h"
#include "db/staff.h"
#include "db/subscriber.h"
#include "db/two_factor.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/console.h"
#include "web/staff_session.h"
#include "admin/admin.h"

static enum perr account_row(void *p, const struct directory_account *a)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "account");

	if (n == NULL || xml_attr(n, "id", console_u64(x->r->arena, a->id)) ||
	    xml_attr_int(n, "org", a->org) || xml_text(n, "number", a->number) == NULL ||
	    xml_text(n, "payer", a->payer) == NULL || xml_text(n, "address", a->address) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

/* A delegate's rights as the choice that gives them ("view", ...), or "other". */
static const char *rights_name(unsigned rights)
{
	const char *c = access_choice_of(rights);

	return c != NULL ? c : "other";
}

static enum perr delegate_row(void *p, const struct directory_delegate *d)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "delegate");

	if (n == NULL || xml_attr(n, "account", console_u64(x->r->arena, d->account)) ||
	    xml_attr(n, "id", console_u64(x->r->arena, d->subscriber)) ||
	    xml_attr(n, "rights", rights_name(d->rights)) ||
	    xml_text(n, "login", d->login) == NULL ||
	    xml_text(n, "full-name", d->full_name) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr shared_row(void *p, const struct directory_shared *a)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "account"), by;

	if (n == NULL || xml_attr(n, "id", console_u64(x->r->arena, a->account)) ||
	    xml_attr_int(n, "org", a->org) || xml_attr(n, "rights", rights_name(a->rights)) ||
	    xml_text(n, "number", a->number) == NULL ||
	    xml_text(n, "address", a->address) == NULL ||
	    (by = xml_text(n, "by", a->by_login)) == NULL ||
	    xml_attr(by, "id", console_u64(x->r->arena, a->by)))
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr session_row(void *p, const struct session_row *s)
{
	struct row_ctx *x = p;
	struct ua_desc ua = ua_describe(s->user_agent);
	xmlNodePtr n = xml_elem(x->list, "session");

	if (n == NULL || console_time(n, "created", s->created_at) ||
	    console_time(n, "seen", s->last_seen) || xml_text(n, "ip", s->ip) == NULL ||
	    console_opt(n, "browser", ua.browser) || console_opt(n, "os", ua.system))
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr sign_in_row(void *p, const struct sign_in_row *s)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "sign-in");

	if (n == NULL || xml_attr(n, "result", s->result) || console_time(n, "at", s->at) ||
	    xml_text(n, "ip", s->ip) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

/* The subscriber the request names, if theirs; else the answer (404). */
static int subscriber_of(struct req *r, struct directory_subscriber *s)
{
	const struct fval *id = req_val(r, K_ID);
	enum perr e;

	if (id == NULL)
		return page_error(r, 404, "not-found");
	e = db_directory_subscriber(r->arena, r->staff->staff_id, (uint64_t)id->i, s);
	return e == PERR_OK ? 0 : page_fail(r, e);
}

static int subscriber_page(struct req *r, int status, const char *field, const char *code);

int subscriber_get(struct req *r)
{
	REQUIRE(r, A_READ);
	return subscriber_page(r, 200, NULL, NULL);
}

/* The profile, or the profile with a refused form (the link form's fields kept). */
static int subscriber_page(struct req *r, int status, const char *field, const char *code)
{
	static const size_t typed[] = {K_ORG, K_NUMBER};
	struct directory_subscriber s;
	struct row_ctx x = {r, NULL};
	struct sub_totp t;
	xmlNodePtr n;
	int st;
	enum perr e;

	if ((st = subscriber_of(r, &s)) != 0)
		return st;
	if ((e = console_staff_xml(r)) != PERR_OK || xml_typed(r, typed, 2) != 0)
		return page_fail(r, e != PERR_OK ? e : PERR_NOMEM);
	e = db_totp_get(r->arena, s.id, &t);
	if (e == PERR_NOT_FOUND)
		t.enabled = 0;
	else if (e != PERR_OK)
		return page_fail(r, e);
	n = xml_elem(r->root, "subscriber");
	if (n == NULL || xml_attr(n, "id", console_u64(r->arena, s.id)) ||
	    xml_attr(n, "active", s.active ? "1" : "0") || xml_attr_int(n, "org", s.org) ||
	    xml_text(n, "login", s.login) == NULL ||
	    xml_text(n, "full-name", s.full_name) == NULL || console_opt(n, "email", s.email) ||
	    console_opt(n, "phone", s.phone) || console_time(n, "created", s.created_at) ||
	    xml_text(n, "lang", s.lang) == NULL ||
	    (t.enabled && xml_attr(n, "two-factor", t.sms ? "sms" : "app")) ||
	    xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	if ((x.list = xml_elem(n, "accounts")) == NULL ||
	    (e = db_directory_accounts(r->arena, r->staff->staff_id, s.id, account_row, &x)) !=
	            PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	/* Who shares their accounts, and whose they share: what a call about access needs. */
	if ((x.list = xml_elem(n, "delegates")) == NULL ||
	    (e = db_directory_delegates(r->arena, r->staff->staff_id, s.id, delegate_row, &x)) !=
	            PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	if ((x.list = xml_elem(n, "shared")) == NULL ||
	    (e = db_directory_shared_with(r->arena, r->staff->staff_id, s.id, shared_row, &x)) !=
	            PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	if ((x.list = xml_elem(n, "sessions")) == NULL ||
	    (e = db_sessions_of(r->arena, s.id, session_row, &x)) != PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	if ((x.list = xml_elem(n, "sign-ins")) == NULL ||
	    (e = db_directory_sign_ins(r->arena, s.id, 20, sign_in_row, &x)) != PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	return code == NULL ? status : page_refuse(r, status, field, code);
}

/* Link one of their organization's accounts to the subscriber, by its number. */
int link_post(struct req *r)
{
	const struct fval *org = req_val(r, K_ORG), *number = req_val(r, K_NUMBER);
	struct directory_subscriber s;
	struct account acc;
	const char *id;
	int st;
	enum perr e;

	REQUIRE(r, A_SUBSCRIBERS);
	if ((st = subscriber_of(r, &s)) != 0)
		return st;
	if (number == NULL)
		return subscriber_page(r, 400, "number", "invalid");
	if (org == NULL ||
	    (e = db_staff_in_org(r->arena, r->staff->staff_id, (unsigned)org->i)) == PERR_NOT_FOUND)
		return subscriber_page(r, 400, "org", "invalid");
	if (e != PERR_OK)
		return page_fail(r, e);
	e = db_account_by_number(r->arena, (uint64_t)org->i, number->s, &acc);
	if (e == PERR_NOT_FOUND)
		return subscriber_page(r, 422, "number", "unknown-account");
	if (e != PERR_OK)
		return page_fail(r, e);
	id = console_u64(r->arena, s.id);
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_account_link(s.id, acc.id);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return page_redirect(
		        r,
		        arena_printf(r->arena, "/admin/subscriber?id=%s&done=already-linked", id));
	}
	if (e != PERR_OK ||
	    (e = console_audit(r, (unsigned)org->i, "link-account", "subscriber", id, NULL,
	                       acc.number)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, arena_printf(r->arena, "/admin/subscriber?id=%s&done=linked", id));
}

int unlink_post(struct req *r)
{
	const struct fval *account = req_val(r, K_ACCOUNT);
	struct directory_subscriber s;
	struct directory_holder h;
	const char *id;
	int st;
	enum perr e;

	REQUIRE(r, A_SUBSCRIBERS);
	if ((st = subscriber_of(r, &s)) != 0)
		return st;
	if (account == NULL)
		return page_error(r, 404, "not-found");
	/* Theirs to unlink: an account of their organizations. */
	if ((e = db_directory_account(r->arena, r->staff->staff_id, (uint64_t)account->i, &h)) !=
	    PERR_OK)
		return page_fail(r, e);
	id = console_u64(r->arena, s.id);
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_account_unlink(s.id, h.id);
	if (e == PERR_OK)
		e = console_audit(r, h.org, "unlink-account", "subscriber", id, h.number, NULL);
	return console_commit(r, e,
	                      arena_printf(r->arena, "/admin/subscriber?id=%s&done=unlinked", id));
}

/*
 * A login for an account's holder, made by the organization (as business
 * and alarm-company customers expect): the password is generated and goes
 * by SMS to the phone on file or by e-mail, through the outbox; staff never
 * see it.
 */
static int holder_form(struct req *r, const struct directory_holder *h, int status,
                       const char *field, const char *code)
{
	static const size_t typed[] = {K_LOGIN, K_EMAIL, K_CHANNEL};
	xmlNodePtr n = xml_elem(r->root, "holder");

	if (n == NULL || xml_attr(n, "id", console_u64(r->arena, h->id)) ||
	    xml_attr_int(n, "logins", h->logins) || xml_text(n, "number", h->number) == NULL ||
	    xml_text(n, "payer", h->payer) == NULL || xml_text(n, "address", h->address) == NULL ||
	    console_opt(n, "phone", h->phone) || xml_typed(r, typed, 3) != 0)
		return page_error(r, 500, "internal");
	return code == NULL ? status : page_refuse(r, status, field, code);
}

int holder_login(struct req *r)
{
	char key[LOGIN_BYTES];
	const struct fval *account = req_val(r, K_ACCOUNT), *login = req_val(r, K_LOGIN),
	                  *channel = req_val(r, K_CHANNEL), *email = req_val(r, K_EMAIL);
	struct directory_holder h;
	char password[GENERATED_PASSWORD_LEN + 1], hash[crypto_pwhash_STRBYTES];
	const char *params, *to, *via;
	uint64_t id = 0;
	enum perr e;

	REQUIRE(r, r->method == M_POST ? A_SUBSCRIBERS : A_READ);
	if (account == NULL)
		return page_error(r, 404, "not-found");
	e = db_directory_account(r->arena, r->staff->staff_id, (uint64_t)account->i, &h);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (r->method != M_POST)
		return holder_form(r, &h, 200, NULL, NULL);
	if (login == NULL || login->len < 3)
		return holder_form(r, &h, 400, "login", "invalid");
	/* Stored in its normal form (core/login.h): the one the subscriber signs in with. */
	if (login_normalize(login->s, key, sizeof(key)) != 0)
		return holder_form(r, &h, 400, "login", "invalid");
	via = channel ? channel->s : "";
	if (strcmp(via, "sms") == 0 && h.phone == NULL)
		return holder_form(r, &h, 422, "channel", "no-phone");
	if (strcmp(via, "email") == 0 && email == NULL)
		return holder_form(r, &h, 400, "email", "invalid");
	if (strcmp(via, "sms") != 0 && strcmp(via, "email") != 0)
		return holder_form(r, &h, 400, "channel", "invalid");
	to = strcmp(via, "sms") == 0 ? h.phone : email->s;
	password_generate(password);
	params = outbox_params(r->arena, "note",
	                       (const char *[]){"login", key, "password", password}, 2);
	if (params == NULL || password_hash(password, strlen(password), hash, sizeof(hash)) != 0)
		return page_error(r, 500, "internal");
	sodium_memzero(password, sizeof(password));
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_subscriber_create(key, hash, h.payer, h.phone, r->lang, &id);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return holder_form(r, &h, 409, "login", "login-taken");
	}
	if (e == PERR_OK)
		e = db_account_link(id, h.id);
	if (e == PERR_OK)
		e = db_subscriber_set_current(id, h.id);
	if (e == PERR_OK)
		e = db_outbox_to(id, via, to, "registered", params);
	if (e == PERR_OK)
		e = console_audit(
		        r, h.org, "create-login", "subscriber", console_u64(r->arena, id), NULL,
		        arena_printf(r->arena, "%s for %s, password by %s", key, h.number, via));
	return console_commit(r, e,
	                      arena_printf(r->arena, "/admin/subscriber?id=%s&done=login-created",
	                                   console_u64(r->arena, id)));
}

/* block, unblock, end-sessions, reset-link: one audited change, then back to the profile. */
static int subscriber_act(struct req *r, const char *what)
{
	struct directory_subscriber s;
	const char *id;
	int st;
	enum perr e;

	REQUIRE(r, A_SUBSCRIBERS);
	if ((st = subscriber_of(r, &s)) != 0)
		return st;
	id = console_u64(r->arena, s.id);
	if (strcmp(what, "reset-link") == 0 && s.email == NULL)
		return page_redirect(
		        r, arena_printf(r->arena, "/admin/subscriber?id=%s&done=no-email", id));
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if (strcmp(what, "block") == 0)
		e = db_directory_set_active(s.id, 0);
	else if (strcmp(what, "unblock") == 0)
		e = db_directory_set_active(s.id, 1);
	else if (strcmp(what, "reset-link") == 0)
		e = link_send(r->arena, s.id, s.login, "recovery", NULL, RECOVERY_TTL, s.email,
		              "recover-link");
	/* Blocking ends every session too: the lookup would refuse them anyway. */
	if (e == PERR_OK && strcmp(what, "unblock") != 0 && strcmp(what, "reset-link") != 0)
		e = db_sessions_end_all(s.id, 0);
	if (e == PERR_OK)
		e = console_audit(r, s.org, what, "subscriber", id,
		                  strcmp(what, "block") == 0 || strcmp(what, "unblock") == 0
		                          ? (s.active ? "active" : "blocked")
		                          : NULL,
		                  strcmp(what, "block") == 0     ? "blocked"
		                  : strcmp(what, "unblock") == 0 ? "active"
		                                                 : NULL);
	return console_commit(r, e,
	                      arena_printf(r->arena, "/admin/subscriber?id=%s&done=%s", id, what));
}

/* The subscriber's own pages in this browser, read-only: logged before it starts. */
int view_as_post(struct req *r)
{
	struct directory_subscriber s;
	const char *id;
	int st;
	enum perr e;

	REQUIRE(r, A_SUBSCRIBERS);
	if ((st = subscriber_of(r, &s)) != 0)
		return st;
	if (!s.active)
		return page_redirect(r, arena_printf(r->arena,
		                                     "/admin/subscriber?id=%llu&done=blocked",
		                                     (unsigned long long)s.id));
	id = console_u64(r->arena, s.id);
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = console_audit(r, s.org, "view-as", "subscriber", id, NULL, s.login)) != PERR_OK ||
	    (e = staff_view_as(r, s.id)) != PERR_OK || (e = db_commit()) != PERR_OK) {
		db_rollback();
		r->nheaders = 0;
		return page_fail(r, e);
	}
	return page_redirect(r, "/");
}

/*
 * Two-step sign-in off for a subscriber who lost both the phone and the
 * recovery codes, once staff have made sure who is asking: the staff
 * member's password again, the subscriber told by e-mail, the audit log.
 */
int two_factor_off_post(struct req *r)
{
	struct directory_subscriber s;
	const char *id, *params;
	struct sub_totp t;
	int st, ok = 0;
	enum perr e;

	REQUIRE(r, A_SUBSCRIBERS);
	if ((st = subscriber_of(r, &s)) != 0)
		return st;
	id = console_u64(r->arena, s.id);
	e = db_totp_get(r->arena, s.id, &t);
	if (e == PERR_NOT_FOUND || (e == PERR_OK && !t.enabled))
		return page_redirect(r, arena_printf(r->arena, "/admin/subscriber?id=%s", id));
	if (e != PERR_OK)
		return page_fail(r, e);
	if ((st = console_password_again(r, req_val(r, K_PASSWORD), &ok)) != 0)
		return st;
	if (!ok)
		return subscriber_page(r, 422, "password", "password-wrong");
	params = outbox_params(r->arena, "note", (const char *[]){"login", s.login}, 1);
	if (params == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_totp_off(s.id)) == PERR_OK && s.email != NULL)
		e = db_outbox_to(s.id, "email", s.email, "two-factor-off", params);
	if (e == PERR_OK)
		e = console_audit(r, s.org, "two-factor-off", "subscriber", id,
		                  t.sms ? "sms" : "app", "off");
	return console_commit(
	        r, e, arena_printf(r->arena, "/admin/subscriber?id=%s&done=two-factor-off", id));
}

int block_post(struct req *r)
{
	return subscriber_act(r, "block");
}
int unblock_post(struct req *r)
{
	return subscriber_act(r, "unblock");
}
int end_sessions_post(struct req *r)
{
	return subscriber_act(r, "end-sessions");
}
int reset_link_post(struct req *r)
{
	return subscriber_act(r, "reset-link");
}
