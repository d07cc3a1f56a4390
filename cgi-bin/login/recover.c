/*
 * login/recover.c: password recovery by login or e-mail (/recover): a link by
 * e-mail (/recover/link) or a code by SMS (/recover/code), then a new password.
 */
#include <string.h>

#include "app/link.h"
#include "app/password.h"
#include "core/arena.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/login.h"
#include "core/password.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/db.h"
#include "db/outbox.h"
#include "db/subscriber.h"
#include "db/token.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "login/login.h"

/* Uses of /recover per hour from one address (form_limit). */
#define RECOVER_PER_IP 10
/* Recovery is not refused for the login asked for; each login gets at most
 * this many recovery messages of a kind a day (recover_work). */
#define RECOVER_MESSAGES_PER_DAY 5
#define CODE_TRIES               5
/* An SMS code lasts ten minutes (ASVS 2.7.2); a link by e-mail an hour (RECOVERY_TTL). */
#define CODE_TTL 600

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

int recover_page(struct req *r)
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

int recover_link(struct req *r)
{
	struct sub_token t;
	xmlNodePtr f;
	int st;

	if ((st = link_token(r, K_TOKEN, "recovery", &t)) != 0)
		return st;
	if ((f = xml_elem(r->root, "new-password-form")) == NULL ||
	    xml_text(f, "token", req_val(r, K_TOKEN)->s) == NULL)
		return page_error(r, 500, "internal");
	return r->method == M_POST ? set_new_password(r, &t) : 200;
}

int recover_code(struct req *r)
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
