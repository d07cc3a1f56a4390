/*
 * session.c: the session cookie.  The browser holds 32 random bytes; the
 * database holds only their hash, so a copy of the sessions table signs
 * nobody in.  Lookups check both the idle and the absolute limit.
 */
#include <stdio.h>

#include "../portal.h"
#include "extern.h"

/* last_seen is written at most this often: a page view must not always write. */
#define TOUCH_EVERY 60

const char *req_session_cookie_name(const struct req *r)
{
	/* __Host- binds the cookie to this exact origin, but needs Secure. */
	return r->https ? "__Host-sid" : "sid";
}

enum perr session_load(struct req *r)
{
	const struct kv *c = kv_find(&r->cookies, req_session_cookie_name(r));
	unsigned char raw[TOKEN_BYTES], hash[32];
	struct session *s;
	long long idle_for = 0;
	enum perr e;

	r->sess = NULL;
	if (c == NULL || token_decode(c->val, c->vlen, raw) != 0)
		return PERR_OK;
	token_hash(raw, sizeof(raw), hash);
	if ((s = arena_alloc(r->arena, sizeof(*s))) == NULL)
		return PERR_NOMEM;
	e = db_session_lookup(r->arena, hash, cfg.session_idle, cfg.session_absolute, s, &idle_for);
	if (e == PERR_NOT_FOUND)
		return PERR_OK;
	if (e != PERR_OK)
		return e;
	if (idle_for >= TOUCH_EVERY && (e = db_session_touch(s->id)) != PERR_OK)
		return e;
	r->sess = s;
	return PERR_OK;
}

enum perr session_start(struct req *r, uint64_t subscriber_id)
{
	unsigned char raw[TOKEN_BYTES], hash[32];
	char text[TOKEN_CHARS + 1];
	enum perr e;

	/* A new id at every sign-in: an id planted before it is worth nothing after. */
	if (r->sess != NULL && (e = db_session_delete(r->sess->token_hash)) != PERR_OK)
		return e;
	if (token_new(raw, text) != 0)
		return PERR_SYS;
	token_hash(raw, sizeof(raw), hash);
	e = db_session_insert(hash, subscriber_id, r->remote_addr,
			      r->user_agent ? r->user_agent : "");
	if (e != PERR_OK)
		return e;
	if (req_cookie(r, req_session_cookie_name(r), text, 0, 1) != 0 ||
	    req_cookie(r, PRE_COOKIE, "", -1, 1) != 0)
		return PERR_NOMEM;
	return PERR_OK;
}

enum perr session_end(struct req *r)
{
	enum perr e;

	if (r->sess != NULL && (e = db_session_delete(r->sess->token_hash)) != PERR_OK)
		return e;
	r->sess = NULL;
	if (req_cookie(r, req_session_cookie_name(r), "", -1, 1) != 0)
		return PERR_NOMEM;
	return PERR_OK;
}

enum perr login_locked(struct req *r, const char *login, int *locked)
{
	long long by_login = 0, by_ip = 0;
	enum perr e = db_login_failures(r->arena, login, r->remote_addr, cfg.login_window,
					&by_login, &by_ip);

	*locked = 0;
	if (e != PERR_OK)
		return e;
	if (by_login < cfg.login_max_fail_login && by_ip < cfg.login_max_fail_ip)
		return PERR_OK;
	*locked = 1;
	log_msg(LOG_WARN, "sign-in refused: too many failures (login %lld, address %lld)", by_login,
		by_ip);
	return req_header(r, "Retry-After", "900") != 0 ? PERR_NOMEM : PERR_OK;
}

enum perr lang_remember(struct req *r, enum lang l)
{
	enum perr e;

	/* Signed in, the choice is the subscriber's too: their messages follow it. */
	if (r->sess != NULL && (e = db_subscriber_set_lang(r->sess->subscriber_id, l)) != PERR_OK)
		return e;
	if (req_cookie(r, "lang", lang_code(l), 365L * 24 * 3600, 1) != 0)
		return PERR_NOMEM;
	r->lang = l;
	return PERR_OK;
}
