/* db/session.h: sessions. */
#ifndef DB_SESSION_H
#define DB_SESSION_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/crypto.h"
#include "core/perr.h"
#include "db/unread.h"

/* The signed-in subscriber, filled by the session check. */
struct session {
	uint64_t id;
	uint64_t subscriber_id;
	unsigned char token_hash[32];
	const char *login;
	const char *full_name;
	const char *email; /* NULL if none on file */
	const char *phone; /* NULL if none on file */
	/* The successful sign-in before this session began (NULL: the first). */
	const char *prev_login_at; /* ISO 8601, UTC */
	const char *prev_login_ip;
	/* The staff member viewing the pages as this subscriber, read-only; NULL
	 * for the subscriber's own session. */
	const char *viewer;
	/* The account the sections show: the chosen one, else the first they may
	 * see (sql/049: linked, or shared with them); 0 if none. */
	uint64_t account_id;
	/* What they may do on it (billing/access.h): all of it, if they hold it. */
	unsigned rights;
	/* Whether someone else shared it with them (they are not its holder). */
	int shared;
	/* The menu's unread counts, read with the session. */
	struct unread_read unread;
};

enum perr db_session_insert(const unsigned char hash[32], uint64_t subscriber_id,
			    const char *ip, const char *user_agent) PORTAL_WUR;
/*
 * At sign-in: a subscriber who has chosen no account, or whose choice is no
 * longer theirs, has the first account they may use written down as their
 * choice, so that each page's lookup reads it by key.  Between sign-ins
 * (an account linked or unlinked) the lookup still finds the first itself.
 */
enum perr db_session_settle_current(uint64_t subscriber_id) PORTAL_WUR;
/* A staff member's read-only session as the subscriber (30 minutes at most). */
enum perr db_session_insert_viewer(const unsigned char hash[32], uint64_t subscriber_id,
				   const char *ip, const char *user_agent,
				   const char *viewer) PORTAL_WUR;
/* Live session by token hash, joined with its subscriber. */
enum perr db_session_lookup(struct arena *, const unsigned char hash[32], unsigned idle,
			    unsigned absolute, struct session *, long long *idle_for) PORTAL_WUR;
enum perr db_session_touch(uint64_t id) PORTAL_WUR;
enum perr db_session_delete(const unsigned char hash[32]) PORTAL_WUR;

/* A live session, as the settings list it. */
struct session_row {
	uint64_t id;
	const char *created_at, *last_seen, *ip, *user_agent; /* times ISO 8601 UTC */
};

enum perr db_sessions_of(struct arena *, uint64_t subscriber,
                         enum perr (*each)(void *, const struct session_row *), void *) PORTAL_WUR;
/* End one of the subscriber's sessions; PERR_NOT_FOUND if it is not theirs. */
enum perr db_session_end_id(uint64_t subscriber, uint64_t id) PORTAL_WUR;
/* End all the subscriber's sessions but except (0: all). */
enum perr db_sessions_end_all(uint64_t subscriber, uint64_t except) PORTAL_WUR;

#endif
