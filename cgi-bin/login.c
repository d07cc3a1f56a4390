/*
 * login.c: signing in and out, and the language switch.
 *
 *   GET  /login          the form (?next=/local/path is carried through)
 *   POST /login          check the password, start a session, 303 to next (or to the code)
 *   GET  /login/code     two-step sign-in: the code form;  POST: code, remember=1
 *   POST /logout         end the session, 303 to /login
 *   GET  /lang           ?to=ru|en&next=/path: the language cookie only, 303 back
 *   POST /lang           to, next (CSRF): the cookie, and signed in the subscriber's choice
 *   GET  /_error/413     nginx's own refusals, rendered like every other page
 *
 * Self-registration, for someone with an account number and no login:
 *   GET  /register       the form: organization, account number, e-mail, mobile phone
 *   POST /register       if the phone is the one on file: a password by SMS, a link by e-mail
 *   GET  /register/sent  what was sent
 *
 * Password recovery, by login or e-mail:
 *   GET  /recover        the form: who, and how (a link by e-mail or a code by SMS)
 *   POST /recover        303 to /recover/sent (link) or /recover/code?h= (code), whoever asked
 *   GET  /recover/link   ?token=: the new-password form;  POST: set it
 *   GET  /recover/code   ?h=: code and new-password form;  POST: set it (5 tries)
 *   GET  /recover/done   the password is changed, every session ended
 *
 *   GET  /email/confirm  ?token=: a confirmation link followed: the address, a button
 *   POST /email/confirm  token: the address changes (a scanner's GET changes nothing)
 *
 * The answers never say whether an account, a login or an address exists to
 * someone who could not already prove it; the forms that send messages are
 * limited per address and per what was asked for.
 */
#include <stdint.h>
#include <string.h>

#include "app/link.h"
#include "app/org_list.h"
#include "app/password.h"
#include "app/two_factor.h"
#include "billing/account.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/login.h"
#include "core/password.h"
#include "core/useragent.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/db.h"
#include "db/form_attempt.h"
#include "db/login_attempt.h"
#include "db/outbox.h"
#include "db/subscriber.h"
#include "db/throttle.h"
#include "db/tidy.h"
#include "db/two_factor.h"
#include "db/token.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/serve.h"
#include "web/session.h"
#include "web/signin_limit.h"

enum key {
	K_LOGIN, K_PASSWORD, K_NEXT, K_TO, K_ORG, K_NUMBER, K_EMAIL, K_PHONE, K_WHO, K_METHOD,
	K_TOKEN, K_HANDLE, K_CODE, K_NEW, K_CONFIRM, K_DONE, K_REMEMBER, K_RESEND, K__MAX
};

static const struct field fields[K__MAX] = {
        [K_LOGIN] = {"login", valid_text, 1, 64},
        /* ASVS 2.1.2: at least 64 characters allowed, more than 128 refused. */
        [K_PASSWORD] = {"password", valid_secret, 1, PASSWORD_MAX},
        [K_NEXT] = {"next", valid_local_path, 1, NEXT_MAX},
        [K_TO] = {"to", valid_lang, 2, 2},
        [K_ORG] = {"org", valid_int, 1, 4294967295LL},
        [K_NUMBER] = {"number", valid_code, 1, 20},
        [K_EMAIL] = {"email", valid_email, 3, 254},
        [K_PHONE] = {"phone", valid_phone, 0, 0},
        [K_WHO] = {"who", valid_text, 1, 254},
        [K_METHOD] = {"method", valid_token, 3, 5},
        [K_TOKEN] = {"token", valid_token, TOKEN_CHARS, TOKEN_CHARS},
        [K_HANDLE] = {"h", valid_token, TOKEN_CHARS, TOKEN_CHARS},
        [K_CODE] = {"code", valid_text, 1, 16},
        [K_NEW] = {"new_password", valid_secret, 1, PASSWORD_MAX},
        [K_CONFIRM] = {"confirm_password", valid_secret, 1, PASSWORD_MAX},
        /* "out", "out-all": how the last session ended; "joined": a login made (/access/join) */
        [K_DONE] = {"done", valid_token, 1, 16},
        [K_REMEMBER] = {"remember", valid_int, 1, 1}, /* no code in this browser for 30 days */
        [K_RESEND] = {"resend", valid_int, 1, 1},     /* another SMS code, please */
};

/* Uses of /register and /recover per hour: from one address, for one account or login. */
#define LIMIT_WINDOW 3600
#define REGISTER_PER_IP 10
#define REGISTER_PER_ACCOUNT 3
#define RECOVER_PER_IP 10
/* Recovery is not refused for the login asked for; each login gets at most
 * this many recovery messages of a kind a day (recover_work). */
#define RECOVER_MESSAGES_PER_DAY 5
#define CODE_TRIES 5
/* Names the step between a right password and the code (sql/031). */
#define STEP_COOKIE "step2"
/* An SMS code lasts ten minutes (ASVS 2.7.2); a link by e-mail an hour (RECOVERY_TTL). */
#define CODE_TTL 600

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
	    (login != NULL && xml_text(f, "login", login) == NULL) ||
	    xml_done(r, K_DONE) != 0)
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
	params = outbox_params(r->arena, "note",
			       (const char *[]){"login", sub->login, "browser", browser, "ip",
						r->remote_addr},
			       3);
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
static int second_step_start(struct req *r, const struct subscriber *sub, int sms,
			     const char *next)
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
	ok = password_verify(found == PERR_OK ? sub.password_hash : NULL, pw->s, pw->len, &rehash) ==
	     0;
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
static int code_page(struct req *r)
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

static int logout_post(struct req *r)
{
	enum perr e = session_end(r);

	return e == PERR_OK ? page_redirect(r, "/login?done=out") : page_fail(r, e);
}

/*
 * A GET, which any site can make a browser send, changes only the cookie;
 * what is stored with the subscriber (and so the language of their
 * messages) changes by the header's POST form, which carries the CSRF token.
 */
static int lang_page(struct req *r)
{
	const struct fval *to = req_val(r, K_TO);
	enum perr e;

	if (to == NULL)
		return page_error(r, 400, "bad-request");
	if (r->method == M_POST)
		e = lang_remember(r, (enum lang)to->i);
	else
		e = lang_cookie(r, (enum lang)to->i);
	if (e != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, req_val(r, K_NEXT) ? req_val(r, K_NEXT)->s : "/");
}

/* ---------------------------------------------------------------- shared by the forms */

/*
 * A rate limit on a signed-out form: refuse with 429 when this address or
 * this subject (per_subject 0: no limit) used it too often within the hour,
 * else count this use.
 * Returns 0 to go on, else the handler's status.
 */
static int form_limit(struct req *r, const char *form, const char *subject, long long per_ip,
		      long long per_subject)
{
	long long by_ip = 0, by_subject = 0;
	enum perr e = db_form_attempts(r->arena, form, r->remote_addr, subject, LIMIT_WINDOW, &by_ip,
				       &by_subject);

	if (e != PERR_OK)
		return page_fail(r, e);
	if (by_ip >= per_ip || (per_subject > 0 && by_subject >= per_subject)) {
		log_msg(LOG_WARN, "%s refused: too many (address %lld, subject %lld)", form, by_ip,
			by_subject);
		if (req_header(r, "Retry-After", "3600") != 0)
			return page_error(r, 500, "internal");
		return page_refuse(r, 429, NULL, "too-many");
	}
	if ((e = db_form_attempt_record(form, r->remote_addr, subject)) != PERR_OK)
		return page_fail(r, e);
	return 0;
}

/* A token from the request: its hash, or -1 if it is not one of ours. */
static int token_of(struct req *r, size_t k, unsigned char raw[TOKEN_BYTES], unsigned char hash[32])
{
	const struct fval *t = req_val(r, k);

	if (t == NULL || token_decode(t->s, t->len, raw) != 0)
		return -1;
	token_hash(raw, TOKEN_BYTES, hash);
	return 0;
}

/* ---------------------------------------------------------------- registration */

/* The organization the form names, if it is one. */
struct chosen_org {
	struct organization o;
	int found;
};

static int register_form(struct req *r, struct chosen_org *os)
{
	static const size_t typed[] = {K_NUMBER, K_EMAIL, K_PHONE};
	xmlNodePtr f = xml_elem(r->root, "register-form");
	const struct fval *org = req_val(r, K_ORG);
	enum perr e;

	if (f == NULL || xml_typed(r, typed, sizeof(typed) / sizeof(typed[0])) != 0)
		return page_error(r, 500, "internal");
	e = xml_organizations(r->arena, f, org ? (uint64_t)org->i : 0, &os->o, &os->found);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static int register_get(struct req *r)
{
	struct chosen_org os = {0};

	if (r->sess != NULL)
		return page_redirect(r, "/");
	return register_form(r, &os);
}

static int register_post(struct req *r)
{
	static const size_t required[] = {K_ORG, K_NUMBER, K_EMAIL, K_PHONE};
	const struct fval *number = req_val(r, K_NUMBER), *email = req_val(r, K_EMAIL),
			  *phone = req_val(r, K_PHONE);
	char password[GENERATED_PASSWORD_LEN + 1], pwhash[128], login[LOGIN_BYTES];
	const char *subject, *sms;
	struct chosen_org os = {0};
	struct account acc;
	uint64_t id = 0;
	int st, bad;
	enum perr e;

	if ((st = register_form(r, &os)) != 200)
		return st;
	if ((bad = xml_required(r, required, sizeof(required) / sizeof(required[0]))) < 0 ||
	    (!bad && !os.found && xml_form_error(r, "org", "invalid") != 0))
		return page_error(r, 500, "internal");
	if (bad || !os.found)
		return page_status(r, 400);
	subject = arena_printf(r->arena, "%llu:%s", (unsigned long long)os.o.id, number->s);
	if (subject == NULL)
		return page_error(r, 500, "internal");
	if ((st = form_limit(r, "register", subject, REGISTER_PER_IP, REGISTER_PER_ACCOUNT)) != 0)
		return st;

	/* No such account and another phone get the same answer. */
	e = db_account_by_number(r->arena, os.o.id, number->s, &acc);
	if (e != PERR_OK && e != PERR_NOT_FOUND)
		return page_fail(r, e);
	if (e == PERR_NOT_FOUND || !phone_same(acc.phone, phone->s)) {
		log_msg(LOG_INFO, "registration refused: the phone is not the one on file");
		return page_refuse(r, 422, NULL, "phone-mismatch");
	}

	/* The login is the account number, stored in the form logins are compared
	 * in; the messages name it as it is on paper (either signs in). */
	if (login_normalize(number->s, login, sizeof(login)) != 0)
		return page_error(r, 500, "internal");
	password_generate(password);
	if (password_hash(password, strlen(password), pwhash, sizeof(pwhash)) != 0)
		return page_error(r, 500, "internal");
	sms = outbox_params(r->arena, "note",
			    (const char *[]){"login", number->s, "password", password}, 2);
	if (sms == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	/* The login is the account number: what the subscriber already has on paper. */
	e = db_subscriber_create(login, pwhash, acc.payer, phone->s, r->lang, &id);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return page_refuse(r, 409, NULL, "already-registered");
	}
	if (e != PERR_OK || (e = db_account_link(id, acc.id)) != PERR_OK ||
	    (e = db_subscriber_set_current(id, acc.id)) != PERR_OK ||
	    (e = db_outbox_to(id, "sms", phone->s, "registered", sms)) != PERR_OK ||
	    (e = link_send(r->arena, id, number->s, "email", email->s, EMAIL_LINK_TTL, email->s,
			   "confirm-email")) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	log_msg(LOG_INFO, "subscriber %llu registered for account %llu", (unsigned long long)id,
		(unsigned long long)acc.id);
	return page_redirect(r, "/register/sent");
}

static int register_page(struct req *r)
{
	return r->method == M_POST ? register_post(r) : register_get(r);
}

/* A page that only says something (sent, done, confirmed). */
static int notice(struct req *r)
{
	(void)r;
	return 200;
}

/* ---------------------------------------------------------------- recovery */

static int recover_form(struct req *r)
{
	static const size_t typed[] = {K_WHO, K_METHOD};

	if (xml_elem(r->root, "recover-form") == NULL || xml_typed(r, typed, 2) != 0)
		return page_error(r, 500, "internal");
	return 200;
}

/* The code goes to the phone; the handle, the code's other half, stays with the browser. */
static enum perr recover_code_send(struct arena *a, const struct subscriber *s,
				   const unsigned char *raw)
{
	unsigned char hash[32], mac[32];
	char code[CODE_DIGITS + 1];
	const char *params;
	enum perr e;

	code_generate(code);
	code_mac(raw, code, CODE_DIGITS, mac);
	token_hash(raw, TOKEN_BYTES, hash);
	params = outbox_params(a, "note", (const char *[]){"login", s->login, "code", code}, 2);
	if (params == NULL)
		return PERR_NOMEM;
	if ((e = db_token_drop(s->id, "code")) != PERR_OK ||
	    (e = db_token_insert(hash, s->id, "code", NULL, mac, CODE_TTL)) != PERR_OK)
		return e;
	return db_outbox_to(s->id, "sms", s->phone, "recover-code", params);
}

/* What recover_post leaves for the work after its answer. */
struct recovery {
	const char *who;
	int by_sms;
	unsigned char raw[TOKEN_BYTES]; /* the SMS code's handle, which the browser holds */
};

/*
 * The work of a recovery request, done after the answer has gone, so that
 * the answer takes the same time whether the login exists or not.  Messages
 * per login are limited per day; past the limit nothing more is sent, and
 * nobody is blocked (the links and codes already sent still work).
 */
static void recover_work(struct req *r)
{
	const struct recovery *q = r->after_arg;
	const char *outcome = "nobody";
	struct subscriber s;
	long long sent = 0;
	enum perr e;

	e = db_subscriber_find(r->arena, q->who, &s);
	if (e == PERR_NOT_FOUND)
		goto done;
	if (e != PERR_OK || (e = db_begin()) != PERR_OK)
		goto fail;
	/* The subscriber's row, locked: parallel requests count one after another. */
	if ((e = db_subscriber_lock(r->arena, s.id)) != PERR_OK ||
	    (e = db_outbox_count_today(r->arena, s.id, q->by_sms ? "recover-code" : "recover-link",
				       &sent)) != PERR_OK)
		goto rollback;
	if (sent >= RECOVER_MESSAGES_PER_DAY) {
		db_rollback();
		outcome = "daily limit";
		goto done;
	}
	if (q->by_sms && s.phone != NULL)
		e = recover_code_send(r->arena, &s, q->raw);
	else if (!q->by_sms && s.email != NULL)
		e = link_send(r->arena, s.id, s.login, "recovery", NULL, RECOVERY_TTL, s.email,
			      "recover-link");
	else
		outcome = "no address";
	if (e != PERR_OK || (e = db_commit()) != PERR_OK)
		goto rollback;
	if (strcmp(outcome, "nobody") == 0)
		outcome = "sent";
done:
	/* One line per request, whatever it found (the tests wait for it too). */
	log_msg(LOG_INFO, "recovery request handled: %s", outcome);
	return;
rollback:
	db_rollback();
fail:
	log_msg(LOG_ERR, "recovery request failed: %s", perr_str(e));
}

static int recover_post(struct req *r)
{
	const struct fval *who = req_val(r, K_WHO), *method = req_val(r, K_METHOD);
	char handle[TOKEN_CHARS + 1];
	struct recovery *q;
	char *subject;
	int st, by_sms;

	if ((st = recover_form(r)) != 200)
		return st;
	if (who == NULL)
		return page_refuse(r, 400, "who", "invalid");
	if (method == NULL || (strcmp(method->s, "email") != 0 && strcmp(method->s, "sms") != 0))
		return page_refuse(r, 400, "method", "invalid");
	by_sms = strcmp(method->s, "sms") == 0;
	/* A login in its normal form (an address comes out in lower case, and
	 * addresses are looked up without case): one count for "Demo" and "demo". */
	if ((subject = arena_alloc(r->arena, LOGIN_BYTES)) == NULL)
		return page_error(r, 500, "internal");
	if (login_normalize(who->s, subject, LOGIN_BYTES) != 0)
		return page_refuse(r, 400, "who", "invalid");
	/* Only the address is refused for asking too often; the login asked
	 * for is never blocked (recover_work limits what is sent to it). */
	if ((st = form_limit(r, "recover", subject, RECOVER_PER_IP, 0)) != 0)
		return st;
	/* The same answer, at once, whoever it is; the work follows it (recover_work). */
	if ((q = arena_alloc(r->arena, sizeof(*q))) == NULL || (q->who = subject) == NULL)
		return page_error(r, 500, "internal");
	q->by_sms = by_sms;
	r->after = recover_work;
	r->after_arg = q;
	if (!by_sms)
		return page_redirect(r, "/recover/sent");
	/* Whoever it is, the same next page: a handle nobody holds fails like a wrong code. */
	if (token_new(q->raw, handle) != 0)
		return page_error(r, 500, "internal");
	return page_redirect(r, arena_printf(r->arena, "/recover/code?h=%s", handle));
}

static int recover_page(struct req *r)
{
	if (r->sess != NULL && r->method != M_POST)
		return page_redirect(r, "/settings/password");
	return r->method == M_POST ? recover_post(r) : recover_form(r);
}

/*
 * The new password for subscriber, once the link or code proved who it is:
 * token id is used up, every session ends, and the subscriber is told.
 */
static int set_new_password(struct req *r, const struct sub_token *t)
{
	struct subscriber s;
	char hash[128];
	enum perr e;
	int st;

	if ((e = db_subscriber_get(r->arena, t->subscriber_id, &s)) != PERR_OK)
		return page_fail(r, e);
	if ((st = page_new_password(r, K_NEW, K_CONFIRM, s.login,
				    (const char *[]){s.full_name, s.email, s.phone}, 3, hash,
				    sizeof(hash))) != 0)
		return st;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_token_use(t->id);
	if (e == PERR_CONFLICT) { /* the same link or code used a moment ago */
		db_rollback();
		return page_error(r, 410, "link-invalid");
	}
	if (e != PERR_OK || (e = password_replace(r->arena, &s, hash, 0)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	log_msg(LOG_INFO, "subscriber %llu set a new password by recovery",
		(unsigned long long)s.id);
	return page_redirect(r, "/recover/done");
}

static int recover_link(struct req *r)
{
	unsigned char raw[TOKEN_BYTES], hash[32];
	struct sub_token t;
	xmlNodePtr f;
	enum perr e;

	if (token_of(r, K_TOKEN, raw, hash) != 0)
		return page_error(r, 410, "link-invalid");
	e = db_token_live(r->arena, hash, "recovery", 1, &t);
	if (e == PERR_NOT_FOUND)
		return page_error(r, 410, "link-invalid");
	if (e != PERR_OK)
		return page_fail(r, e);
	if ((f = xml_elem(r->root, "new-password-form")) == NULL ||
	    xml_text(f, "token", req_val(r, K_TOKEN)->s) == NULL)
		return page_error(r, 500, "internal");
	return r->method == M_POST ? set_new_password(r, &t) : 200;
}

static int recover_code(struct req *r)
{
	const struct fval *code = req_val(r, K_CODE);
	unsigned char raw[TOKEN_BYTES], hash[32];
	struct sub_token t;
	xmlNodePtr f;
	enum perr e;

	if (token_of(r, K_HANDLE, raw, hash) != 0)
		return page_error(r, 404, "not-found");
	if ((f = xml_elem(r->root, "code-form")) == NULL ||
	    xml_text(f, "h", req_val(r, K_HANDLE)->s) == NULL)
		return page_error(r, 500, "internal");
	if (r->method != M_POST)
		return 200;
	if (code == NULL)
		return page_refuse(r, 400, "code", "invalid");
	e = db_token_live(r->arena, hash, "code", CODE_TRIES, &t);
	if (e == PERR_NOT_FOUND)
		return page_refuse(r, 422, "code", "code-wrong");
	if (e != PERR_OK)
		return page_fail(r, e);
	/* The try is counted before the answer, in its own statement: a crash cannot give one back,
	 * and of tries made at once no more than CODE_TRIES are checked. */
	e = db_token_attempt(t.id, CODE_TRIES);
	if (e == PERR_CONFLICT)
		return page_refuse(r, 422, "code", "code-wrong");
	if (e != PERR_OK)
		return page_fail(r, e);
	if (t.mac_len != 32 || code->len != CODE_DIGITS ||
	    !code_matches(raw, code->s, code->len, t.code_mac)) {
		if (xml_attr_int(f, "tries-left", CODE_TRIES - 1 - t.attempts))
			return page_error(r, 500, "internal");
		return page_refuse(r, 422, "code", "code-wrong");
	}
	return set_new_password(r, &t);
}

/* ---------------------------------------------------------------- e-mail confirmation */

static int email_confirm(struct req *r)
{
	unsigned char raw[TOKEN_BYTES], hash[32];
	struct subscriber s;
	struct sub_token t;
	const char *params;
	enum perr e;

	if (token_of(r, K_TOKEN, raw, hash) != 0)
		return page_error(r, 410, "link-invalid");
	e = db_token_live(r->arena, hash, "email", 1, &t);
	if (e == PERR_NOT_FOUND)
		return page_error(r, 410, "link-invalid");
	if (e != PERR_OK || (e = db_subscriber_get(r->arena, t.subscriber_id, &s)) != PERR_OK)
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

static int too_large(struct req *r)
{
	return page_error(r, 413, "too-large");
}

/* GET and POST of /login share a path: pick by method. */
static int login_page(struct req *r)
{
	return r->method == M_POST ? login_post(r) : login_get(r);
}

static const struct page pages[] = {
	{"/login", M_GET | M_POST, PAGE_PUBLIC, "login", login_page},
	{"/login/code", M_GET | M_POST, PAGE_PUBLIC, "login-code", code_page},
	{"/logout", M_POST, PAGE_SESSION | PAGE_SIGN_OUT, "logout", logout_post},
	{"/lang", M_GET | M_POST, PAGE_PUBLIC, "lang", lang_page},
	{"/_error/413", M_GET, PAGE_PUBLIC, "error", too_large},
	{"/register", M_GET | M_POST, PAGE_PUBLIC, "register", register_page},
	{"/register/sent", M_GET, PAGE_PUBLIC, "register-sent", notice},
	{"/recover", M_GET | M_POST, PAGE_PUBLIC, "recover", recover_page},
	{"/recover/sent", M_GET, PAGE_PUBLIC, "recover-sent", notice},
	{"/recover/link", M_GET | M_POST, PAGE_PUBLIC, "recover-link", recover_link},
	{"/recover/code", M_GET | M_POST, PAGE_PUBLIC, "recover-code", recover_code},
	{"/recover/done", M_GET, PAGE_PUBLIC, "recover-done", notice},
	{"/email/confirm", M_GET | M_POST, PAGE_PUBLIC, "email-confirm", email_confirm},
};

static const struct section section = {
	.name = "login", .pages = pages, .npages = sizeof(pages) / sizeof(pages[0]), .fields = fields,
	.nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
