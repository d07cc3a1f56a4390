/* web/session.h: signing in and out. */
#ifndef WEB_SESSION_H
#define WEB_SESSION_H

#include "core/attrs.h"
#include "core/lang.h"
#include "core/perr.h"
#include "web/req.h"

/* ------------------------------------------------------------------ session */

/* Start a session for subscriber: new token, row, cookie; ends the old one. */
enum perr session_start(struct req *, uint64_t subscriber_id) PORTAL_WUR;
/* End this request's session: delete the row, clear the cookie. */
enum perr session_end(struct req *) PORTAL_WUR;
/* The language chosen: the cookie, and a signed-in subscriber's row, which their
 * messages follow. */
enum perr lang_remember(struct req *, enum lang) PORTAL_WUR;
/* The language for this browser only (the cookie): what a GET may change. */
enum perr lang_cookie(struct req *, enum lang) PORTAL_WUR;

/* last_seen is written at most this often (seconds): a page view must not always write. */
#define SESSION_TOUCH_EVERY 60

/* The hash of the token in cookie name, as the sessions tables keep it: 1, or 0
 * when the request has no such cookie or it is not one of our tokens. */
int session_cookie_hash(const struct req *, const char *name, unsigned char hash[32]);

/* Look up the session cookie; fills r->sess or leaves it NULL. */
enum perr session_load(struct req *);

#endif
