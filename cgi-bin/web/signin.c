/*
 * web/signin.c: starting and ending a session, the lock-out after failed
 * sign-ins, and the language a subscriber chose: what the login and
 * settings pages do, and the other sections never link.
 */
#include <stdint.h>
#include <stdio.h>

#include "core/config.h"
#include "core/crypto.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/perr.h"
#include "db/login_attempt.h"
#include "db/session.h"
#include "db/subscriber.h"
#include "web/io.h"
#include "web/req.h"
#include <stdio.h>

#include "web/session.h"

enum perr session_start(struct req *r, uint64_t subscriber_id)
{
	unsigned char hash[32];
	char text[TOKEN_CHARS + 1];
	enum perr e;

	/* A new id at every sign-in: an id planted before it is worth nothing after. */
	if (r->sess != NULL && (e = db_session_delete(r->sess->token_hash)) != PERR_OK)
		return e;
	if (token_new_hashed(text, hash) != 0)
		return PERR_SYS;
	e = db_session_insert(hash, subscriber_id, r->remote_addr,
			      r->user_agent ? r->user_agent : "");
	if (e == PERR_OK)
		e = db_session_settle_current(subscriber_id);
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
	r->sess_hash = NULL;
	r->signed_in = 0;
	if (req_cookie(r, req_session_cookie_name(r), "", -1, 1) != 0)
		return PERR_NOMEM;
	return PERR_OK;
}

enum perr lang_cookie(struct req *r, enum lang l)
{
	if (req_cookie(r, "lang", lang_code(l), 365L * 24 * 3600, 1) != 0)
		return PERR_NOMEM;
	r->lang = l;
	return PERR_OK;
}

enum perr lang_remember(struct req *r, enum lang l)
{
	enum perr e;

	/* Signed in, the choice is the subscriber's too: their messages follow it. */
	if (r->sess != NULL && r->sess->viewer == NULL &&
	    (e = db_subscriber_set_lang(r->sess->subscriber_id, l)) != PERR_OK)
		return e;
	return lang_cookie(r, l);
}
