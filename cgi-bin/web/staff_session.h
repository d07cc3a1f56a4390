/* web/staff_session.h: the operator console's own session. */
#ifndef WEB_STAFF_SESSION_H
#define WEB_STAFF_SESSION_H

#include <stdint.h>

#include "core/attrs.h"
#include "core/perr.h"
#include "web/req.h"

/*
 * Staff have their own cookie, sent only to /admin (a subscriber page never
 * sees it), with the shorter limits of [admin].  A session is signed in only
 * once the second factor is given: until then r->staff is set and
 * r->signed_in is not.
 */
#define STAFF_PATH "/admin"
enum perr staff_session_load(struct req *);
/* A new session at step ("password", "enrol"); the old one of this browser ends. */
enum perr staff_session_start(struct req *, uint64_t staff, const char *step) PORTAL_WUR;
enum perr staff_session_end(struct req *) PORTAL_WUR;

/*
 * View the subscriber's own pages as they see them, read-only: a session of
 * theirs in this browser, marked with the staff member's login (every POST
 * but signing out is refused; it lasts 30 minutes at most).
 */
enum perr staff_view_as(struct req *, uint64_t subscriber) PORTAL_WUR;

#endif
