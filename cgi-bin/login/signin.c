/*
 * login/signin.c: signing in (GET and POST /login), its second step (/login/code:
 * a code from the app or by SMS, or a recovery code) and signing out (/logout).
 */
#include <stdint.h>
#include <string.h>

#include "app/two_factor.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/login.h"
#include "core/useragent.h"
#include "core/parse.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/db.h"
#include "db/login_attempt.h"
#include "db/outbox.h"
#include "db/subscriber.h"
#include "db/throttle.h"
#include "db/tidy.h"
#include "db/two_factor.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/session.h"
#include "web/signin_limit.h"
#include "login/login.h"

/* Names the step between a right password and the code (sql/031). */
#define STEP_COOKIE "step2"

static const char *next_of(struct req *r)
{
	const struct fval *n = req_val(r, K_NEXT);

	/* Never back to the sign-in pages themselves. */
	if (n == NULL || strncmp(n->s, "/login", 6) == 0 || strncmp(n->s, "/logout", 7) == 0)
		return "/";
	return n->s;
}

static int form(struct req *r, const char *login)
{
	xmlNodePtr f = xml_elem(r->root, "login-form");

	if (f == NULL || xml_text(f, "next", next_of(r)) == NULL ||
	    (login != NULL && xml_text(f, "login", login) == NULL) || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	return 200;
}

static int login_get(struct req *r)
{
	const struct fval *login = req_val(r, K_LOGIN);

	if (r->sess != NULL)
		return page_redirect(r, next_of(r));
	/* ?login=: filled in for a login just made (/access/join). */
	return form(r, login != NULL ? login->s : NULL);
}

/* A refused attempt: the form again, with one message for every cause. */
static int refuse(struct req *r, const char *login, int status, const char *code)
{
	int st = form(r, login);

	if (st != 200 || xml_form_error(r, NULL, code) != 0)
		return page_error(r, 500, "internal");
	return page_status(r, status);
}

/*
 * Is this browser one that signed in to subscriber before?  Its "dev"
 * cookie holds a token whose hash is stored with the subscriber; 1 and the
 * hash if so.  Tries from it are counted apart from anyone else's.
 */
static int device_of(struct req *r, uint64_t subscriber, unsigned char hash[32], enum perr *e)
{
	const struct kv *c = kv_find(&r->cookies, DEVICE_COOKIE);
	unsigned char raw[TOKEN_BYTES];
	uint64_t owner = 0;

	*e = PERR_OK;
	if (c == NULL || token_decode(c->val, c->vlen, raw) != 0)
		return 0;
	token_hash(raw, TOKEN_BYTES, hash);
	*e = db_device_owner(r->arena, hash, &owner);
	if (*e == PERR_NOT_FOUND)
		*e = PERR_OK;
	return *e == PERR_OK && owner == subscriber;
}

/*
 * After a right password: this browser is remembered (a year), and a
 * browser not seen before is told to the subscriber by e-mail, as long as
 * some other one was: the very first sign-in is no news.
 */
static enum perr device_remember(struct req *r, const struct subscriber *sub, int known,
                                 const unsigned char hash[32], unsigned char now[32])
{
	struct ua_desc ua = ua_describe(r->user_agent);
	unsigned char fresh[32];
	char text[TOKEN_CHARS + 1];
	const char *params, *browser;
	long long others = 0;
	enum perr e;

	if (known) {
		memcpy(now, hash, 32);
		return db_device_seen(hash);
	}
	if ((e = db_device_count(r->arena, sub->id, &others)) != PERR_OK)
		return e;
	if (token_new_hashed(text, fresh) != 0)
		return PERR_SYS;
	memcpy(now, fresh, 32);
	if ((e = db_device_add(fresh, sub->id, r->user_agent ? r->user_agent : "")) != PERR_OK)
		return e;
	if (req_cookie(r, DEVICE_COOKIE, text, 365L * 24 * 3600, 1) != 0)
		return PERR_NOMEM;
	if (others == 0 || sub->email == NULL)
		return PERR_OK;
	/* "Chrome, Android" when the header says; else the header itself, shortened. */
	if (ua.browser != NULL)
		browser = ua.system ? arena_printf(r->arena, "%s, %s", ua.browser, ua.system)
		                    : ua.browser;
	else
		browser = arena_printf(r->arena, "%.60s", r->user_agent ? r->user_agent : "-");
	if (browser == NULL)
		return PERR_NOMEM;
	params = outbox_params(
	        r->arena, "note",
	        (const char *[]){"login", sub->login, "browser", browser, "ip", r->remote_addr}, 3);
	if (params == NULL)
		return PERR_NOMEM;
	return db_outbox_to(sub->id, "email", sub->email, "new-sign-in", params);
}

/*
 * Inside the caller's transaction, once everything asked for was right: the
 * session, the record, the counts started again, the browser remembered
 * (its hash into now).  Shared by the password alone and the password and code.
 */
static enum perr signed_in(struct req *r, const struct subscriber *sub,
                           const struct signin_subject *subj, int known,
                           const unsigned char device[32], unsigned char now[32])
{
	enum perr e;

	if ((e = session_start(r, sub->id)) != PERR_OK ||
	    (e = db_login_record(sub->login, r->remote_addr, LOGIN_OK, sub->id)) != PERR_OK ||
	    (e = signin_passed(subj)) != PERR_OK)
		return e;
	return device_remember(r, sub, known, device, now);
}

/* Whether this sign-in needs a code: two-step sign-in on, and the browser not remembered. */
static enum perr second_factor_needed(struct req *r, uint64_t subscriber,
                                      const unsigned char *device, int *needed, int *sms)
{
	struct sub_totp t;
	long long remembered = 0;
	enum perr e = db_totp_get(r->arena, subscriber, &t);

	*needed = 0;
	*sms = e == PERR_OK && t.sms;
	if (e == PERR_NOT_FOUND || (e == PERR_OK && !t.enabled))
		return PERR_OK;
	if (e != PERR_OK)
		return e;
	if (device != NULL &&
	    (e = db_device_factor_remembered(r->arena, device, subscriber, &remembered)) != PERR_OK)
		return e;
	*needed = remembered == 0;
	return PERR_OK;
}

/* Where the code page goes after an SMS code was asked for: what became of it. */
static const char *sent_page(struct req *r, enum sms_sent sent)
{
	return arena_printf(r->arena, "/login/code?done=%s", two_factor_sent_word(sent));
}

/* The password was right: a five-minute step, named by a cookie of /login only,
 * then the code (sent now, for a subscriber who chose SMS). */
static int second_step_start(struct req *r, const struct subscriber *sub, int sms, const char *next)
{
	unsigned char hash[32];
	char text[TOKEN_CHARS + 1];
	enum sms_sent sent = SMS_SENT;
	enum perr e;

	if (token_new_hashed(text, hash) != 0)
		return page_error(r, 500, "internal");
	if ((e = db_second_step_add(hash, sub->id, next)) != PERR_OK ||
	    (sms && (e = two_factor_send(r->arena, sub, &sent)) != PERR_OK))
		return page_fail(r, e);
	if (req_cookie_path(r, STEP_COOKIE, text, 0, "/login") != 0)
		return page_error(r, 500, "internal");
	/* A code under a minute old is still good: nothing to say about it. */
	return page_redirect(r, !sms ? "/login/code"
	                             : sent_page(r, sent == SMS_TOO_SOON ? SMS_SENT : sent));
}

static int login_post(struct req *r)
{
	const struct fval *login = req_val(r, K_LOGIN), *pw = req_val(r, K_PASSWORD);
	struct signin_subject subj;
	unsigned char device[32], now[32];
	struct subscriber sub;
	int rehash = 0, ok, known = 0, needed = 0, sms = 0;
	long long wait;
	char hash[128], key[LOGIN_BYTES];
	enum perr e, found;

	if (login == NULL || pw == NULL)
		return refuse(r, login ? login->s : NULL, 400, "login-required");
	/* Looked up in its normal form (core/login.h); the form shows it as typed. */
	if (login_normalize(login->s, key, sizeof(key)) != 0)
		return refuse(r, login->s, 422, "bad-credentials");

	/* A failure is shown for what it is (page_fail): the database down,
	 * busy, or an internal error; never one label for all. */
	found = db_subscriber_by_login(r->arena, key, &sub);
	if (found != PERR_OK && found != PERR_NOT_FOUND)
		return page_fail(r, found);
	if (found == PERR_OK && (known = device_of(r, sub.id, device, &e), e != PERR_OK))
		return page_fail(r, e);
	signin_subject_subscriber(r, key, known ? device : NULL, &subj);
	if ((e = signin_try(r, &subj, &wait)) != PERR_OK)
		return page_fail(r, e);
	if (wait > 0) {
		if ((e = db_login_record(key, r->remote_addr, LOGIN_LOCKED, 0)) != PERR_OK)
			return page_fail(r, e);
		return refuse(r, login->s, 429, "locked");
	}

	/* Unknown logins are verified against a dummy hash: same time, same answer. */
	ok = password_verify(found == PERR_OK ? sub.password_hash : NULL, pw->s, pw->len,
	                     &rehash) == 0;
	if (!ok) {
		if ((e = db_login_record(key, r->remote_addr, LOGIN_FAIL,
		                         found == PERR_OK ? sub.id : 0)) != PERR_OK)
			return page_fail(r, e);
		return refuse(r, login->s, 422, "bad-credentials");
	}

	if (rehash && password_hash(pw->s, pw->len, hash, sizeof(hash)) == 0 &&
	    (e = db_subscriber_set_password(sub.id, hash)) != PERR_OK)
		return page_fail(r, e);
	/* Two-step sign-in: the code next, unless this browser was remembered.
	 * The login's count is not cleared before the code is right. */
	if ((e = second_factor_needed(r, sub.id, known ? device : NULL, &needed, &sms)) != PERR_OK)
		return page_fail(r, e);
	if (needed)
		return second_step_start(r, &sub, sms, next_of(r));

	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = signed_in(r, &sub, &subj, known, device, now)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK)
		goto fail;
	/* Expired rows of everyone are cleared a few at a time on sign-in, the
	 * rest by tidy. */
	if (db_tidy_sessions(cfg.session_idle, 100, NULL) != PERR_OK)
		log_msg(LOG_WARN, "could not purge expired sessions");
	return page_redirect(r, next_of(r));
fail:
	db_rollback();
	r->nheaders = 0; /* no cookie for a session that was never stored */
	return page_fail(r, e);
}

/*
 * The second step: the code from the authenticator app or the SMS, or a recovery code.
 * Codes count against the login (or the known browser) like passwords, so
 * the step cannot be used to guess them; the step itself lasts 5 minutes.
 */
int code_page(struct req *r)
{
	const struct kv *c = kv_find(&r->cookies, STEP_COOKIE);
	const struct fval *code = req_val(r, K_CODE), *remember = req_val(r, K_REMEMBER);
	unsigned char raw[TOKEN_BYTES], hash[32], device[32], now[32];
	struct signin_subject subj;
	struct subscriber sub;
	struct sub_totp t;
	enum sms_sent sent;
	const char *next = "/";
	uint64_t id = 0;
	long long wait;
	int known, ok;
	char end[5];
	xmlNodePtr n;
	enum perr e;

	if (r->sess != NULL)
		return page_redirect(r, "/");
	if (c == NULL || token_decode(c->val, c->vlen, raw) != 0)
		return page_redirect(r, "/login");
	token_hash(raw, TOKEN_BYTES, hash);
	e = db_second_step_get(r->arena, hash, &id, &next);
	if (e == PERR_NOT_FOUND)
		return page_redirect(r, "/login");
	if (e != PERR_OK || (e = db_subscriber_get(r->arena, id, &sub)) != PERR_OK ||
	    (e = db_totp_get(r->arena, id, &t)) != PERR_OK)
		return page_fail(r, e);
	if ((n = xml_elem(r->root, "second-step")) == NULL ||
	    xml_attr(n, "method", t.sms ? "sms" : "app") ||
	    (t.sms && phone_last4(sub.phone, end) == 0 && xml_attr(n, "phone-end", end)) ||
	    xml_done(r, K_DONE) != 0 || xml_typed(r, (const size_t[]){K_CODE}, 1) != 0)
		return page_error(r, 500, "internal");
	if (r->method != M_POST)
		return 200;
	if (req_val(r, K_RESEND) != NULL) {
		if (!t.sms)
			return page_redirect(r, "/login/code");
		if ((e = two_factor_send(r->arena, &sub, &sent)) != PERR_OK)
			return page_fail(r, e);
		return page_redirect(r, sent_page(r, sent));
	}
	if (code == NULL)
		return page_refuse(r, 400, "code", "invalid");
	known = device_of(r, sub.id, device, &e);
	if (e != PERR_OK)
		return page_fail(r, e);
	signin_subject_subscriber(r, sub.login, known ? device : NULL, &subj);
	if ((e = signin_try(r, &subj, &wait)) != PERR_OK)
		return page_fail(r, e);
	if (wait > 0)
		return page_refuse(r, 429, NULL, "locked");
	if ((e = two_factor_check(r->arena, sub.id, code->s, &ok)) != PERR_OK)
		return page_fail(r, e);
	if (!ok) {
		if ((e = db_login_record(sub.login, r->remote_addr, LOGIN_FAIL, sub.id)) != PERR_OK)
			return page_fail(r, e);
		return page_refuse(r, 422, "code", "code-wrong");
	}
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_second_step_drop(hash)) != PERR_OK ||
	    (e = signed_in(r, &sub, &subj, known, device, now)) != PERR_OK ||
	    (remember != NULL && (e = db_device_remember_factor(now)) != PERR_OK) ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		r->nheaders = 0;
		return page_fail(r, e);
	}
	if (req_cookie_path(r, STEP_COOKIE, "", -1, "/login") != 0)
		return page_error(r, 500, "internal");
	return page_redirect(r, next);
}

int logout_post(struct req *r)
{
	enum perr e = session_end(r);

	return e == PERR_OK ? page_redirect(r, "/login?done=out") : page_fail(r, e);
}

/* GET and POST of /login share a path: pick by method. */
int login_page(struct req *r)
{
	return r->method == M_POST ? login_post(r) : login_get(r);
}
