/*
 * web/staff_session.c: the staff cookie.  As for subscribers, the browser
 * holds 32 random bytes and the database their hash; the cookie's path is
 * /admin and it is SameSite=Strict, so no other page of the site, and no
 * link from another site, carries it.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/parse.h"
#include "core/perr.h"
#include "db/session.h"
#include "db/staff.h"
#include "web/io.h"
#include "web/req.h"
#include "web/session.h"
#include "web/staff_session.h"

static const char *cookie_name(const struct req *r)
{
	/* __Host- needs Path=/; __Secure- still demands HTTPS for the cookie. */
	return r->https ? "__Secure-staff" : "staff";
}

enum perr staff_session_load(struct req *r)
{
	unsigned char hash[32];
	struct staff_session *s;
	long long idle_for = 0;
	enum perr e;

	r->staff = NULL;
	r->sess_hash = NULL;
	r->signed_in = 0;
	if (!session_cookie_hash(r, cookie_name(r), hash))
		return PERR_OK;
	if ((s = arena_alloc(r->arena, sizeof(*s))) == NULL)
		return PERR_NOMEM;
	e = db_staff_session_lookup(r->arena, hash, cfg.staff_idle, cfg.staff_absolute, s,
				    &idle_for);
	if (e == PERR_NOT_FOUND)
		return PERR_OK;
	if (e != PERR_OK)
		return e;
	if (idle_for >= SESSION_TOUCH_EVERY && (e = db_staff_session_touch(s->id)) != PERR_OK)
		return e;
	r->staff = s;
	r->sess_hash = s->token_hash;
	r->signed_in = strcmp(s->step, "ok") == 0;
	return PERR_OK;
}

enum perr staff_session_start(struct req *r, uint64_t staff, const char *step)
{
	unsigned char hash[32];
	char text[TOKEN_CHARS + 1];
	enum perr e;

	if (r->staff != NULL && (e = db_staff_session_delete(r->staff->token_hash)) != PERR_OK)
		return e;
	if (token_new_hashed(text, hash) != 0)
		return PERR_SYS;
	e = db_staff_session_insert(hash, staff, step, r->remote_addr,
				    r->user_agent ? r->user_agent : "");
	if (e != PERR_OK)
		return e;
	if (req_cookie_path(r, cookie_name(r), text, 0, STAFF_PATH) != 0 ||
	    req_cookie(r, PRE_COOKIE, "", -1, 1) != 0)
		return PERR_NOMEM;
	return PERR_OK;
}

enum perr staff_session_end(struct req *r)
{
	enum perr e;

	if (r->staff != NULL && (e = db_staff_session_delete(r->staff->token_hash)) != PERR_OK)
		return e;
	r->staff = NULL;
	r->sess_hash = NULL;
	r->signed_in = 0;
	return req_cookie_path(r, cookie_name(r), "", -1, STAFF_PATH) != 0 ? PERR_NOMEM : PERR_OK;
}

enum perr staff_view_as(struct req *r, uint64_t subscriber)
{
	unsigned char hash[32];
	char text[TOKEN_CHARS + 1];
	enum perr e;

	if (r->staff == NULL || token_new_hashed(text, hash) != 0)
		return PERR_SYS;
	e = db_session_insert_viewer(hash, subscriber, r->remote_addr,
				     r->user_agent ? r->user_agent : "", r->staff->login);
	if (e != PERR_OK)
		return e;
	return req_cookie(r, req_session_cookie_name(r), text, 0, 1) != 0 ? PERR_NOMEM : PERR_OK;
}
