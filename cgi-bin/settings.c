/*
 * settings.c: the subscriber's own settings.
 *
 *   GET  /settings                    personal data, notifications, e-receipts, language
 *   POST /settings/profile            full name and landline now; a new mobile as a request
 *   POST /settings/notifications      topics on per channel
 *   POST /settings/ereceipt           account, on=1|0: that account's receipts by e-mail
 *   POST /settings/lang               to=ru|en: pages and messages
 *   GET  /settings/password           the form
 *   POST /settings/password           current, new, confirmation; other sessions end
 *   GET  /settings/email              the form
 *   POST /settings/email              a confirmation link goes to the new address
 *   GET  /settings/sessions           the live sessions
 *   POST /settings/sessions/end       id: end one (this one signs out)
 *   POST /settings/sessions/end-all   sign out everywhere
 *   GET  /settings/2fa                two-step sign-in: on or off
 *   POST /settings/2fa/on             current password: a secret to scan
 *   GET  /settings/2fa/enrol          its QR code;  POST: its first code: on, ten recovery codes
 *   POST /settings/2fa/off            current password and a code: off
 *   POST /settings/2fa/send           an SMS code, to confirm or to turn off
 *
 * A change that needs the current password counts a wrong one as a failed
 * sign-in, so the login lockout covers it.  Each successful POST answers 303
 * to /settings?done=<what>, which shows one line saying it was done.
 */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "app/link.h"
#include "app/password.h"
#include "app/two_factor.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/password.h"
#include "core/perr.h"
#include "core/totp.h"
#include "core/useragent.h"
#include "core/valid.h"
#include "db/contact.h"
#include "db/db.h"
#include "db/login_attempt.h"
#include "db/outbox.h"
#include "db/receipt.h"
#include "db/session.h"
#include "db/subscriber.h"
#include "db/two_factor.h"
#include "doc/enrol.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/serve.h"
#include "web/session.h"
#include "web/signin_limit.h"

enum key {
	K_FULL_NAME, K_LANDLINE, K_MOBILE, K_CURRENT, K_NEW, K_CONFIRM, K_EMAIL, K_TO, K_ID,
	K_ACCOUNT, K_ON, K_DONE,
	K_EMAIL_RECEIPT, K_EMAIL_PAYMENT, K_EMAIL_AUTOPAY, K_EMAIL_NEWS, K_EMAIL_APPEAL,
	K_SMS_RECEIPT, K_SMS_PAYMENT, K_SMS_AUTOPAY, K_SMS_NEWS, K_SMS_APPEAL, K_CODE, K_METHOD,
	K__MAX
};

static const struct field fields[K__MAX] = {
	[K_FULL_NAME] = {"full_name", valid_text, 2, 200},
	[K_LANDLINE] = {"landline", valid_phone, 0, 0},
	[K_MOBILE] = {"mobile", valid_phone, 0, 0},
	[K_CURRENT] = {"current_password", valid_secret, 1, PASSWORD_MAX},
	[K_NEW] = {"new_password", valid_secret, 1, PASSWORD_MAX},
	[K_CONFIRM] = {"confirm_password", valid_secret, 1, PASSWORD_MAX},
	[K_EMAIL] = {"email", valid_email, 3, 254},
	[K_TO] = {"to", valid_lang, 2, 2},
	[K_ID] = {"id", valid_int, 1, 9007199254740991LL},
	[K_ACCOUNT] = {"account", valid_int, 1, 4294967295LL},
	[K_ON] = {"on", valid_int, 0, 1},
	[K_DONE] = {"done", valid_token, 1, 20},
	[K_EMAIL_RECEIPT] = {"email_receipt", valid_int, 1, 1},
	[K_EMAIL_PAYMENT] = {"email_payment", valid_int, 1, 1},
	[K_EMAIL_AUTOPAY] = {"email_autopay", valid_int, 1, 1},
	[K_EMAIL_NEWS] = {"email_news", valid_int, 1, 1},
	[K_EMAIL_APPEAL] = {"email_appeal", valid_int, 1, 1},
	[K_SMS_RECEIPT] = {"sms_receipt", valid_int, 1, 1},
	[K_SMS_PAYMENT] = {"sms_payment", valid_int, 1, 1},
	[K_SMS_AUTOPAY] = {"sms_autopay", valid_int, 1, 1},
	[K_SMS_NEWS] = {"sms_news", valid_int, 1, 1},
	[K_SMS_APPEAL] = {"sms_appeal", valid_int, 1, 1},
	[K_CODE] = {"code", valid_text, 1, 16}, /* six digits, or a recovery code */
	[K_METHOD] = {"method", valid_token, 3, 3}, /* "app" or "sms" */
};

/* The notification topics, in the order of the SET columns and of the form. */
static const char *const topics[] = {"receipt", "payment", "autopay", "news", "appeal",
				      "reminder"};
#define NTOPICS (sizeof(topics) / sizeof(topics[0]))

static int is_on(const char *set, const char *topic)
{
	size_t n = strlen(topic);
	const char *p = set;

	while (p != NULL && *p) {
		if (strncmp(p, topic, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p = strchr(p, ',');
		p = p ? p + 1 : NULL;
	}
	return 0;
}

/* ---------------------------------------------------------------- the page */

/* A list being filled row by row. */
struct list_ctx {
	xmlNodePtr list;
	uint64_t current; /* sessions: this request's */
};

static enum perr ereceipt_row(void *p, const struct ereceipt *e)
{
	struct list_ctx *c = p;
	xmlNodePtr n = xml_elem(c->list, "account");

	if (n == NULL || xml_attr_int(n, "id", (long long)e->account) ||
	    xml_attr(n, "on", e->on ? "1" : "0") || xml_text(n, "number", e->number) == NULL ||
	    xml_text(n, "address", e->address) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static int opt_text(xmlNodePtr n, const char *name, const char *v)
{
	return v != NULL && xml_text(n, name, v) == NULL ? -1 : 0;
}

/* <profile>, <notifications> and <ereceipts>: everything /settings shows. */
static enum perr settings_xml(struct req *r, const struct profile *p)
{
	struct list_ctx c = {0};
	xmlNodePtr n, t, list;
	enum perr e;
	size_t i;

	n = xml_elem(r->root, "profile");
	if (n == NULL || xml_text(n, "login", p->login) == NULL ||
	    xml_text(n, "full-name", p->full_name) == NULL || opt_text(n, "email", p->email) ||
	    opt_text(n, "phone", p->phone) || opt_text(n, "landline", p->landline) ||
	    xml_text(n, "lang", lang_code(p->lang)) == NULL)
		return PERR_NOMEM;
	if (p->pending_mobile != NULL &&
	    ((t = xml_text(n, "pending-mobile", p->pending_mobile)) == NULL ||
	     xml_attr(t, "since", p->pending_mobile_at)))
		return PERR_NOMEM;
	if (p->pending_email != NULL &&
	    ((t = xml_text(n, "pending-email", p->pending_email)) == NULL ||
	     xml_attr(t, "until", p->pending_email_until)))
		return PERR_NOMEM;
	if ((list = xml_elem(r->root, "notifications")) == NULL)
		return PERR_NOMEM;
	for (i = 0; i < NTOPICS; i++)
		if ((t = xml_elem(list, "topic")) == NULL || xml_attr(t, "name", topics[i]) ||
		    xml_attr(t, "email", is_on(p->notify_email, topics[i]) ? "1" : "0") ||
		    xml_attr(t, "sms", is_on(p->notify_sms, topics[i]) ? "1" : "0"))
			return PERR_NOMEM;
	if ((c.list = xml_elem(r->root, "ereceipts")) == NULL)
		return PERR_NOMEM;
	e = db_receipt_email_list(r->arena, r->sess->subscriber_id, ereceipt_row, &c);
	if (e != PERR_OK)
		return e;
	if (xml_done(r, K_DONE) != 0)
		return PERR_NOMEM;
	return PERR_OK;
}

static int main_get(struct req *r)
{
	struct profile p;
	enum perr e = db_profile_get(r->arena, r->sess->subscriber_id, &p);

	if (e == PERR_OK)
		e = settings_xml(r, &p);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static int profile_post(struct req *r)
{
	static const size_t typed[] = {K_FULL_NAME, K_LANDLINE, K_MOBILE};
	const struct fval *name = req_val(r, K_FULL_NAME), *landline = req_val(r, K_LANDLINE),
			  *mobile = req_val(r, K_MOBILE);
	uint64_t me = r->sess->subscriber_id;
	struct profile p;
	enum perr e;

	if ((e = db_profile_get(r->arena, me, &p)) != PERR_OK)
		return page_fail(r, e);
	/* Refused: the whole page again, with what was typed and a message beside each field. */
	if (name == NULL || r->bad[K_LANDLINE] || r->bad[K_MOBILE]) {
		if ((e = settings_xml(r, &p)) != PERR_OK)
			return page_fail(r, e);
		if (xml_typed(r, typed, sizeof(typed) / sizeof(typed[0])) != 0 ||
		    (name == NULL && xml_form_error(r, "full_name", "invalid") != 0) ||
		    (r->bad[K_LANDLINE] && xml_form_error(r, "landline", "invalid") != 0) ||
		    (r->bad[K_MOBILE] && xml_form_error(r, "mobile", "invalid") != 0))
			return page_error(r, 500, "internal");
		return page_status(r, 400);
	}

	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_profile_set(me, name->s, landline ? landline->s : NULL);
	/* The number on file stays until staff change it; asking for it again is no change. */
	if (e == PERR_OK && mobile != NULL && !phone_same(p.phone, mobile->s) &&
	    (p.pending_mobile == NULL || strcmp(p.pending_mobile, mobile->s) != 0))
		e = db_contact_request(me, "mobile", mobile->s);
	if (e == PERR_OK)
		e = db_commit();
	if (e != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/settings?done=profile");
}

/* Append topic to a SET text ("payment,news"); -1 if it would not fit. */
static int set_add(char *set, size_t cap, const char *topic)
{
	size_t n = strlen(set);
	int w = snprintf(set + n, cap - n, "%s%s", n ? "," : "", topic);

	return w < 0 || (size_t)w >= cap - n ? -1 : 0;
}

static int notifications_post(struct req *r)
{
	char email[64] = "", sms[64] = "";
	size_t i;
	enum perr e;

	for (i = 0; i < NTOPICS; i++)
		if (r->bad[K_EMAIL_RECEIPT + i] || r->bad[K_SMS_RECEIPT + i])
			return page_error(r, 400, "bad-request");
	for (i = 0; i < NTOPICS; i++) {
		if ((req_val(r, K_EMAIL_RECEIPT + i) != NULL &&
		     set_add(email, sizeof(email), topics[i]) != 0) ||
		    (req_val(r, K_SMS_RECEIPT + i) != NULL && set_add(sms, sizeof(sms), topics[i]) != 0))
			return page_error(r, 500, "internal");
	}
	e = db_subscriber_set_notify(r->sess->subscriber_id, email, sms);
	return e == PERR_OK ? page_redirect(r, "/settings?done=notifications") : page_fail(r, e);
}

static int ereceipt_post(struct req *r)
{
	const struct fval *account = req_val(r, K_ACCOUNT), *on = req_val(r, K_ON);
	int was = 0;
	enum perr e;

	if (account == NULL || on == NULL)
		return page_error(r, 400, "bad-request");
	/* Not linked: the same 404 as an account that does not exist. */
	e = db_receipt_email_get(r->arena, r->sess->subscriber_id, (uint64_t)account->i, &was);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (on->i && r->sess->email == NULL)
		return page_error(r, 422, "no-email");
	e = db_receipt_email_set(r->sess->subscriber_id, (uint64_t)account->i, (int)on->i);
	return e == PERR_OK ? page_redirect(r, "/settings?done=ereceipt") : page_fail(r, e);
}

static int lang_post(struct req *r)
{
	const struct fval *to = req_val(r, K_TO);
	enum perr e;

	if (to == NULL)
		return page_error(r, 400, "bad-request");
	if ((e = lang_remember(r, (enum lang)to->i)) != PERR_OK)
		return e == PERR_NOMEM ? page_error(r, 500, "internal") : page_fail(r, e);
	return page_redirect(r, "/settings?done=lang");
}

/* ---------------------------------------------------------------- re-authentication */

/*
 * The current password, checked like a sign-in: counted against the same
 * lockout, so a session left open does not let anyone try passwords.
 * Returns 0 when it matches, else the handler's status.
 */
static int current_password(struct req *r, struct subscriber *me)
{
	const struct fval *pw = req_val(r, K_CURRENT);
	struct signin_subject subj;
	int rehash = 0;
	long long wait;
	enum perr e;

	if ((e = db_subscriber_get(r->arena, r->sess->subscriber_id, me)) != PERR_OK)
		return page_fail(r, e);
	if (pw == NULL)
		return page_refuse(r, 400, "current_password", "invalid");
	/* Counted as tries to sign in to this login, from this address. */
	signin_subject_subscriber(r, me->login, NULL, &subj);
	if ((e = signin_try(r, &subj, &wait)) != PERR_OK)
		return e == PERR_NOMEM ? page_error(r, 500, "internal") : page_fail(r, e);
	if (wait > 0)
		return page_refuse(r, 429, NULL, "locked");
	if (password_verify(me->password_hash, pw->s, pw->len, &rehash) != 0) {
		if ((e = db_login_record(me->login, r->remote_addr, LOGIN_FAIL, me->id)) != PERR_OK)
			return page_fail(r, e);
		return page_refuse(r, 422, "current_password", "wrong-password");
	}
	if ((e = signin_passed(&subj)) != PERR_OK)
		return page_fail(r, e);
	return 0;
}

/* ---------------------------------------------------------------- password */

static int password_get(struct req *r)
{
	return xml_elem(r->root, "password-form") ? 200 : page_error(r, 500, "internal");
}

static int password_post(struct req *r)
{
	struct subscriber me;
	char hash[128];
	enum perr e;
	int st;

	if (xml_elem(r->root, "password-form") == NULL)
		return page_error(r, 500, "internal");
	if ((st = current_password(r, &me)) != 0 ||
	    (st = page_new_password(r, K_NEW, K_CONFIRM, me.login,
				    (const char *[]){me.full_name, me.email, me.phone}, 3, hash,
				    sizeof(hash))) != 0)
		return st;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	/* This session stays: it is the one that knew the current password. */
	if ((e = password_replace(r->arena, &me, hash, r->sess->id)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	log_msg(LOG_INFO, "subscriber %llu changed the password", (unsigned long long)me.id);
	return page_redirect(r, "/settings?done=password");
}

/* ---------------------------------------------------------------- e-mail */

static int email_form(struct req *r)
{
	xmlNodePtr f = xml_elem(r->root, "email-form");

	if (f == NULL || (r->sess->email && xml_text(f, "current", r->sess->email) == NULL))
		return -1;
	return 0;
}

static int email_get(struct req *r)
{
	return email_form(r) == 0 ? 200 : page_error(r, 500, "internal");
}

static int email_post(struct req *r)
{
	static const size_t typed[] = {K_EMAIL};
	const struct fval *email = req_val(r, K_EMAIL);
	struct subscriber me;
	enum perr e;
	int st;

	if (email_form(r) != 0 || xml_typed(r, typed, 1) != 0)
		return page_error(r, 500, "internal");
	if (email == NULL)
		return page_refuse(r, 400, "email", "invalid");
	if ((st = current_password(r, &me)) != 0)
		return st;
	if (me.email != NULL && strcmp(me.email, email->s) == 0)
		return page_refuse(r, 422, "email", "email-same");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	/* One address waits for confirmation at a time: the newest. */
	if ((e = link_send(r->arena, me.id, me.login, "email", email->s, EMAIL_LINK_TTL, email->s,
			   "confirm-email")) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/settings?done=email-sent");
}

/* ---------------------------------------------------------------- sessions */

static enum perr session_row(void *p, const struct session_row *s)
{
	struct list_ctx *c = p;
	xmlNodePtr n = xml_elem(c->list, "session"), d;
	struct ua_desc ua = ua_describe(s->user_agent);
	char created[26], seen[26];

	if (n == NULL || (d = xml_elem(n, "device")) == NULL ||
	    (ua.browser && xml_attr(d, "browser", ua.browser)) ||
	    (ua.system && xml_attr(d, "system", ua.system)) ||
	    xml_attr_int(n, "id", (long long)s->id) ||
	    (s->id == c->current && xml_attr(n, "current", "1")) ||
	    instant_local(s->created_at, created) != 0 || instant_local(s->last_seen, seen) != 0 ||
	    xml_text(n, "created", created) == NULL ||
	    xml_text(n, "last-seen", seen) == NULL || xml_text(n, "ip", s->ip) == NULL ||
	    xml_text(n, "user-agent", s->user_agent) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static int sessions_get(struct req *r)
{
	struct list_ctx c = {xml_elem(r->root, "sessions"), r->sess->id};
	enum perr e;

	if (c.list == NULL)
		return page_error(r, 500, "internal");
	e = db_sessions_of(r->arena, r->sess->subscriber_id, session_row, &c);
	if (e == PERR_OK && xml_done(r, K_DONE) != 0)
		e = PERR_NOMEM;
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static int session_end_post(struct req *r)
{
	const struct fval *id = req_val(r, K_ID);
	enum perr e;

	if (id == NULL)
		return page_error(r, 400, "bad-request");
	if ((uint64_t)id->i == r->sess->id) {
		if ((e = session_end(r)) != PERR_OK)
			return page_fail(r, e);
		return page_redirect(r, "/login");
	}
	e = db_session_end_id(r->sess->subscriber_id, (uint64_t)id->i);
	return e == PERR_OK ? page_redirect(r, "/settings/sessions?done=ended") : page_fail(r, e);
}

static int sessions_end_all_post(struct req *r)
{
	enum perr e = db_sessions_end_all(r->sess->subscriber_id, 0);

	if (e != PERR_OK || (e = session_end(r)) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, "/login?done=out-all");
}

/* ---------------------------------------------------------------- two-step sign-in */

/*
 * <two-factor enabled="0|1" method="app|sms" codes-left="n" phone-end="1234"/>:
 * what the page says and offers (SMS only with a mobile number on file).
 */
static int two_factor_state(struct req *r)
{
	static const size_t typed[] = {K_METHOD, K_CODE};
	uint64_t me = r->sess->subscriber_id;
	struct subscriber sub;
	struct sub_totp t;
	long long left = 0;
	char end[5];
	xmlNodePtr n;
	enum perr e = db_totp_get(r->arena, me, &t);

	if (e == PERR_NOT_FOUND)
		t.enabled = t.sms = 0;
	else if (e != PERR_OK)
		return page_fail(r, e);
	if (t.enabled && (e = db_recovery_codes_left(r->arena, me, &left)) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_subscriber_get(r->arena, me, &sub)) != PERR_OK)
		return page_fail(r, e);
	if ((n = xml_elem(r->root, "two-factor")) == NULL ||
	    xml_attr(n, "enabled", t.enabled ? "1" : "0") ||
	    xml_attr(n, "method", t.sms ? "sms" : "app") || xml_attr_int(n, "codes-left", left) ||
	    (phone_last4(sub.phone, end) == 0 && xml_attr(n, "phone-end", end)) ||
	    xml_done(r, K_DONE) != 0 || xml_typed(r, typed, 2) != 0)
		return page_error(r, 500, "internal");
	return 0;
}

/* Where a request for an SMS code goes back to, saying what became of it. */
static int sent_redirect(struct req *r, int enrolling, enum sms_sent sent)
{
	const char *to = arena_printf(r->arena, "%s?done=%s",
				      enrolling ? "/settings/2fa/enrol" : "/settings/2fa",
				      two_factor_sent_word(sent));

	return to ? page_redirect(r, to) : page_error(r, 500, "internal");
}

static int two_factor_get(struct req *r)
{
	int st = two_factor_state(r);

	return st == 0 ? 200 : st;
}

/* Turning it on, with the password: a new secret to scan, or a code sent by
 * SMS; not in force before the first code comes back. */
static int two_factor_on(struct req *r)
{
	unsigned char key[32], secret[TOTP_SECRET_BYTES], sealed[TOTP_SEALED_BYTES];
	const struct fval *method = req_val(r, K_METHOD);
	char b32[TOTP_BASE32_CHARS + 1];
	struct subscriber me;
	enum sms_sent sent;
	int st, sms = method != NULL && strcmp(method->s, "sms") == 0;
	enum perr e;

	if (method != NULL && !sms && strcmp(method->s, "app") != 0)
		return page_refuse(r, 400, "method", "invalid");
	if ((st = two_factor_state(r)) != 0 || (st = current_password(r, &me)) != 0)
		return st;
	if (sms) {
		if (me.phone == NULL)
			return page_refuse(r, 422, "method", "tf-no-phone");
		if ((e = db_totp_pending(me.id, 1, (const unsigned char *)"", 0)) != PERR_OK ||
		    (e = two_factor_send(r->arena, &me, &sent)) != PERR_OK)
			return page_fail(r, e);
		return sent_redirect(r, 1, sent);
	}
	if (two_factor_key(key) != 0)
		return page_error(r, 500, "internal");
	totp_secret_new(secret, b32);
	totp_seal(key, secret, sealed);
	sodium_memzero(secret, sizeof(secret));
	sodium_memzero(b32, sizeof(b32));
	sodium_memzero(key, sizeof(key));
	if ((e = db_totp_pending(me.id, 0, sealed, sizeof(sealed))) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, "/settings/2fa/enrol");
}

/* The app's enrolment page: the QR code; whether a POSTed code is right (1, 0), -1 on failure. */
static int enrol_app(struct req *r, const struct subscriber *me, const struct sub_totp *t,
		     uint64_t *step)
{
	const struct fval *code = req_val(r, K_CODE);
	unsigned char key[32], secret[TOTP_SECRET_BYTES];
	int right;

	if (two_factor_key(key) != 0 || totp_open(key, t->secret, t->secret_len, secret) != 0) {
		sodium_memzero(key, sizeof(key));
		return -1;
	}
	sodium_memzero(key, sizeof(key));
	if (enrol_xml(r->arena, r->root, me->login, secret) != 0) {
		sodium_memzero(secret, sizeof(secret));
		return -1;
	}
	right = r->method == M_POST && code != NULL &&
		totp_check(secret, time(NULL), code->s, step) == 0;
	sodium_memzero(secret, sizeof(secret));
	return right;
}

/* The SMS enrolment page: which phone the code went to.  0, or -1 on failure. */
static int enrol_sms(struct req *r, const struct subscriber *me)
{
	xmlNodePtr n = xml_elem(r->root, "enrol");
	char end[5];

	if (n == NULL || xml_attr(n, "method", "sms") ||
	    (phone_last4(me->phone, end) == 0 && xml_attr(n, "phone-end", end)) ||
	    xml_done(r, K_DONE) != 0)
		return -1;
	return 0;
}

static int two_factor_enrol(struct req *r)
{
	const struct fval *code = req_val(r, K_CODE);
	char codes[RECOVERY_CODES][RECOVERY_CODE_CHARS + 1];
	struct subscriber me;
	struct sub_totp t;
	xmlNodePtr list;
	const char *params;
	uint64_t step = 0;
	unsigned i;
	int right;
	enum perr e;

	if ((e = db_subscriber_get(r->arena, r->sess->subscriber_id, &me)) != PERR_OK)
		return page_fail(r, e);
	if (xml_typed(r, (const size_t[]){K_CODE}, 1) != 0)
		return page_error(r, 500, "internal");
	e = db_totp_get(r->arena, me.id, &t);
	if (e == PERR_NOT_FOUND || (e == PERR_OK && t.enabled))
		return page_redirect(r, "/settings/2fa");
	if (e != PERR_OK)
		return page_fail(r, e);
	if (t.sms)
		right = enrol_sms(r, &me);
	else
		right = enrol_app(r, &me, &t, &step);
	if (right < 0)
		return page_error(r, 500, "internal");
	if (r->method != M_POST)
		return 200;
	if (code == NULL)
		return page_refuse(r, 400, "code", "invalid");
	if (t.sms && (e = two_factor_sms_check(me.id, code->s, &right)) != PERR_OK)
		return page_fail(r, e);
	if (!right)
		return page_refuse(r, 422, "code", "code-wrong");
	params = outbox_params(r->arena, "note", (const char *[]){"login", me.login}, 1);
	if (params == NULL || (list = xml_elem(r->root, "recovery-codes")) == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_totp_enable(me.id, step)) != PERR_OK ||
	    (e = two_factor_codes_new(me.id, codes)) != PERR_OK ||
	    (me.email != NULL &&
	     (e = db_outbox_to(me.id, "email", me.email, "two-factor-on", params)) != PERR_OK) ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return e == PERR_CONFLICT ? page_redirect(r, "/settings/2fa") : page_fail(r, e);
	}
	for (i = 0; i < RECOVERY_CODES; i++)
		if (xml_text(list, "code", codes[i]) == NULL)
			return page_error(r, 500, "internal");
	sodium_memzero(codes, sizeof(codes));
	/* The codes exist in clear only in this answer (no-store): a page, not a 303. */
	return 200;
}

/* Turning it off takes the password and a code, as signing in does. */
static int two_factor_off(struct req *r)
{
	const struct fval *code = req_val(r, K_CODE);
	struct subscriber me;
	const char *params;
	int st, ok;
	enum perr e;

	if ((st = two_factor_state(r)) != 0 || (st = current_password(r, &me)) != 0)
		return st;
	if (code == NULL)
		return page_refuse(r, 400, "code", "invalid");
	if ((e = two_factor_check(r->arena, me.id, code->s, &ok)) != PERR_OK)
		return page_fail(r, e);
	if (!ok)
		return page_refuse(r, 422, "code", "code-wrong");
	params = outbox_params(r->arena, "note", (const char *[]){"login", me.login}, 1);
	if (params == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_totp_off(me.id)) != PERR_OK ||
	    (me.email != NULL &&
	     (e = db_outbox_to(me.id, "email", me.email, "two-factor-off", params)) != PERR_OK) ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/settings/2fa?done=off");
}

/* An SMS code, for the subscriber who chose SMS: to confirm it, or to turn it off. */
static int two_factor_send_post(struct req *r)
{
	struct subscriber me;
	struct sub_totp t;
	enum sms_sent sent;
	enum perr e;

	if ((e = db_subscriber_get(r->arena, r->sess->subscriber_id, &me)) != PERR_OK)
		return page_fail(r, e);
	e = db_totp_get(r->arena, me.id, &t);
	if (e == PERR_NOT_FOUND || (e == PERR_OK && !t.sms))
		return page_redirect(r, "/settings/2fa");
	if (e != PERR_OK || (e = two_factor_send(r->arena, &me, &sent)) != PERR_OK)
		return page_fail(r, e);
	return sent_redirect(r, !t.enabled, sent);
}

/* GET and POST of one path share an entry: pick by method. */
static int password_page(struct req *r)
{
	return r->method == M_POST ? password_post(r) : password_get(r);
}

static int email_page(struct req *r)
{
	return r->method == M_POST ? email_post(r) : email_get(r);
}

static const struct page pages[] = {
	{"/settings", M_GET, PAGE_SESSION, "main", main_get},
	{"/settings/profile", M_POST, PAGE_SESSION, "main", profile_post},
	{"/settings/notifications", M_POST, PAGE_SESSION, "main", notifications_post},
	{"/settings/ereceipt", M_POST, PAGE_SESSION, "main", ereceipt_post},
	{"/settings/lang", M_POST, PAGE_SESSION, "main", lang_post},
	{"/settings/password", M_GET | M_POST, PAGE_SESSION, "password", password_page},
	{"/settings/email", M_GET | M_POST, PAGE_SESSION, "email", email_page},
	{"/settings/sessions", M_GET, PAGE_SESSION, "sessions", sessions_get},
	{"/settings/sessions/end", M_POST, PAGE_SESSION, "sessions", session_end_post},
	{"/settings/sessions/end-all", M_POST, PAGE_SESSION, "sessions", sessions_end_all_post},
	{"/settings/2fa", M_GET, PAGE_SESSION, "two-factor", two_factor_get},
	{"/settings/2fa/on", M_POST, PAGE_SESSION, "two-factor", two_factor_on},
	{"/settings/2fa/enrol", M_GET | M_POST, PAGE_SESSION, "two-factor-enrol", two_factor_enrol},
	{"/settings/2fa/off", M_POST, PAGE_SESSION, "two-factor", two_factor_off},
	{"/settings/2fa/send", M_POST, PAGE_SESSION, "two-factor", two_factor_send_post},
};

static const struct section section = {
	.name = "settings", .pages = pages, .npages = sizeof(pages) / sizeof(pages[0]), .fields = fields,
	.nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
