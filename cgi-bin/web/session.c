/*
 * session.c: the session cookie.  The browser holds 32 random bytes; the
 * database holds only their hash, so a copy of the sessions table signs
 * nobody in.  Lookups check both the idle and the absolute limit.
 */
#include <stdint.h>
#include <stdio.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/parse.h"
#include "core/perr.h"
#include "db/session.h"
#include "web/req.h"
#include "web/session.h"

const char *req_session_cookie_name(const struct req *r)
{
	/* __Host- binds the cookie to this exact origin, but needs Secure. */
	return r->https ? "__Host-sid" : "sid";
}

int session_cookie_hash(const struct req *r, const char *name, unsigned char hash[32])
{
	const struct kv *c = kv_find(&r->cookies, name);
	unsigned char raw[TOKEN_BYTES];

	if (c == NULL || token_decode(c->val, c->vlen, raw) != 0)
		return 0;
	token_hash(raw, sizeof(raw), hash);
	return 1;
}

enum perr session_load(struct req *r)
{
	unsigned char hash[32];
	struct session *s;
	long long idle_for = 0;
	enum perr e;

	r->sess = NULL;
	r->sess_hash = NULL;
	r->signed_in = 0;
	if (!session_cookie_hash(r, req_session_cookie_name(r), hash))
		return PERR_OK;
	if ((s = arena_alloc(r->arena, sizeof(*s))) == NULL)
		return PERR_NOMEM;
	e = db_session_lookup(r->arena, hash, cfg.session_idle, cfg.session_absolute, s, &idle_for);
	if (e == PERR_NOT_FOUND)
		return PERR_OK;
	if (e != PERR_OK)
		return e;
	if (idle_for >= SESSION_TOUCH_EVERY && (e = db_session_touch(s->id)) != PERR_OK)
		return e;
	r->sess = s;
	r->sess_hash = s->token_hash;
	r->signed_in = 1;
	return PERR_OK;
}
