/* db/session.c: sessions, looked up only by the hash of their token. */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/session.h"

/*
 * The previous successful sign-in is copied in here, once: the attempt of
 * this sign-in is recorded after the session row, in the same transaction.
 */
static struct db_stmt insert = {
	"session.insert",
	"INSERT INTO sessions (token_hash, subscriber_id, created_at, last_seen, ip, user_agent, "
	"prev_login_at, prev_login_ip) "
	"SELECT ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), ?, LEFT(?, 255), prev.at, prev.ip "
	"FROM (SELECT 1) one LEFT JOIN (SELECT at, ip FROM login_attempts "
	"WHERE subscriber_id = ? AND result = 'ok' ORDER BY at DESC LIMIT 1) prev ON 1",
	NULL, 0, NULL};

/*
 * Both limits are checked here, so an expired row is never a live session.
 * The current account comes along with the rights on it (sql/049): the
 * chosen one while the subscriber still has access to it, else the first
 * they have, else NULL.  Read on every request, so access taken away is gone
 * at the next one.  So are the menu's unread counts (db/unread.h): the
 * appeals' and the messages' as triggers keep them (sql/061), the news count
 * kept for the subscriber (sql/059) with whether it still holds.  A
 * statement of their own cost every signed-in page a round trip and
 * MariaDB's per-statement work, and counting them here two subqueries
 * optimised again on every page (issue 22).
 */
static struct db_stmt lookup = {
        "session.lookup",
        "SELECT s.id, s.subscriber_id, sub.login, sub.full_name, sub.email, sub.phone, "
        "s.prev_login_at, s.prev_login_ip, s.viewer, "
        "TIMESTAMPDIFF(SECOND, s.last_seen, UTC_TIMESTAMP(6)), "
        "cur.account_id, cur.rights, cur.granted_by IS NOT NULL, "
        "k.appeals, k.inbox, "
        "IF(u.counted_gen = u.gen AND u.version = v.n AND u.until > UTC_TIMESTAMP(6), u.n, NULL), "
        "u.gen, v.n "
        "FROM sessions s JOIN subscribers sub ON sub.id = s.subscriber_id "
        "LEFT JOIN account_access cur ON cur.subscriber_id = sub.id "
        "AND cur.account_id = sub.current_account_id "
        "LEFT JOIN unread_counts k ON k.subscriber_id = sub.id "
        "JOIN news_version v ON v.id = 1 LEFT JOIN news_unread u ON u.subscriber_id = sub.id "
        "WHERE s.token_hash = ? AND sub.active = 1 "
        "AND s.last_seen > UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
        "AND s.created_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
        "AND (s.viewer IS NULL OR s.created_at > UTC_TIMESTAMP(6) - INTERVAL 30 MINUTE)",
        NULL, 0, NULL};

/*
 * The account a session shows when the subscriber has chosen none, or the
 * one chosen is no longer theirs: the first they may use.  The lookup used
 * to fall back to it itself, in two subqueries MariaDB optimised on every
 * page (98-137 us of its CPU against 62 us without, issue 22); sign-in
 * writes the choice down (settle_current), so this runs only in between.
 */
static struct db_stmt first_account = {
        "session.first_account",
        "SELECT account_id, rights, granted_by IS NOT NULL FROM account_access "
        "WHERE subscriber_id = ? ORDER BY account_id LIMIT 1",
        NULL, 0, NULL};

/* At sign-in: no choice, or a choice no longer theirs, becomes the first account they may use. */
static struct db_stmt settle_current = {
        "session.settle_current",
        "UPDATE subscribers SET current_account_id = "
        "(SELECT MIN(f.account_id) FROM account_access f WHERE f.subscriber_id = ?) "
        "WHERE id = ? AND (current_account_id IS NULL OR NOT EXISTS (SELECT 1 FROM "
        "account_access c WHERE c.subscriber_id = ? AND c.account_id = current_account_id))",
        NULL, 0, NULL};

/*
 * Staff viewing as the subscriber: a session of theirs that carries the
 * viewer and no previous sign-in (it is not one).  It names the same columns
 * as session.insert: MariaDB checks an INSERT's column grants only when it
 * runs, so a program holding some of them could prepare the other one.
 */
static struct db_stmt insert_viewer = {
	"session.insert_viewer",
	"INSERT INTO sessions (token_hash, subscriber_id, created_at, last_seen, ip, user_agent, "
	"prev_login_at, prev_login_ip, viewer) "
	"VALUES (?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), ?, LEFT(?, 255), NULL, NULL, ?)",
	NULL, 0, NULL};

static struct db_stmt touch = {
	"session.touch",
	"UPDATE sessions SET last_seen = UTC_TIMESTAMP(6) WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt delete_one = {
	"session.delete",
	"DELETE FROM sessions WHERE token_hash = ?",
	NULL, 0, NULL};

enum perr db_session_insert(const unsigned char hash[32], uint64_t subscriber_id,
			    const char *ip, const char *user_agent)
{
	struct db_arg a[] = {DBA_BLOB(hash, 32), DBA_U64(subscriber_id), DBA_STR(ip),
			     DBA_STR(user_agent), DBA_U64(subscriber_id)};

	return db_exec(&insert, a, 5, NULL, NULL);
}

/*
 * The stored DATETIME ("2026-11-22 18:05:09", UTC) as the instant the pages
 * take ("2026-11-22T18:05:09Z"): formatted here, not by the server on every
 * request's lookup.
 */
static enum perr instant_iso(struct arena *ar, const char **at)
{
	char *iso;

	if (strlen(*at) < 19 || (*at)[10] != ' ')
		return PERR_DB;
	if ((iso = arena_alloc(ar, 21)) == NULL)
		return PERR_NOMEM;
	memcpy(iso, *at, 19);
	iso[10] = 'T';
	iso[19] = 'Z';
	iso[20] = '\0';
	*at = iso;
	return PERR_OK;
}

enum perr db_session_lookup(struct arena *ar, const unsigned char hash[32], unsigned idle,
			    unsigned absolute, struct session *out, long long *idle_for)
{
	struct db_arg a[] = {DBA_BLOB(hash, 32), DBA_INT(idle), DBA_INT(absolute)};
	long long rights = 0, shared = 0;
	struct db_col c[] = {DBC_U64(&out->id),
	                     DBC_U64(&out->subscriber_id),
	                     DBC_STR(&out->login),
	                     DBC_STR(&out->full_name),
	                     DBC_STR(&out->email),
	                     DBC_STR(&out->phone),
	                     DBC_STR(&out->prev_login_at),
	                     DBC_STR(&out->prev_login_ip),
	                     DBC_STR(&out->viewer),
	                     DBC_INT(idle_for),
	                     DBC_U64(&out->account_id),
	                     DBC_INT(&rights),
	                     DBC_INT(&shared),
	                     DBC_INT(&out->unread.n.appeals),
	                     DBC_INT(&out->unread.n.inbox),
	                     DBC_INT(&out->unread.n.news),
	                     DBC_U64(&out->unread.gen),
	                     DBC_U64(&out->unread.version)};
	enum perr e = db_row(ar, &lookup, a, 3, c, sizeof(c) / sizeof(c[0]));

	if (e == PERR_OK && out->account_id == 0) {
		struct db_arg s[] = {DBA_U64(out->subscriber_id)};
		struct db_col f[] = {DBC_U64(&out->account_id), DBC_INT(&rights), DBC_INT(&shared)};

		e = db_row(ar, &first_account, s, 1, f, 3);
		if (e == PERR_NOT_FOUND) /* no account yet */
			e = PERR_OK;
	}
	out->unread.news_kept = !c[15].is_null;
	out->rights = out->account_id != 0 ? (unsigned)rights : 0;
	out->shared = out->account_id != 0 && shared != 0;

	memcpy(out->token_hash, hash, 32);
	if (e == PERR_OK && out->prev_login_at != NULL)
		e = instant_iso(ar, &out->prev_login_at);
	return e;
}

enum perr db_session_settle_current(uint64_t subscriber_id)
{
	struct db_arg a[] = {DBA_U64(subscriber_id), DBA_U64(subscriber_id),
	                     DBA_U64(subscriber_id)};

	return db_exec(&settle_current, a, 3, NULL, NULL);
}

enum perr db_session_insert_viewer(const unsigned char hash[32], uint64_t subscriber_id,
				   const char *ip, const char *user_agent, const char *viewer)
{
	struct db_arg a[] = {DBA_BLOB(hash, 32), DBA_U64(subscriber_id), DBA_STR(ip),
			     DBA_STR(user_agent), DBA_STR(viewer)};

	return db_exec(&insert_viewer, a, 5, NULL, NULL);
}

enum perr db_session_touch(uint64_t id)
{
	struct db_arg a[] = {DBA_U64(id)};

	return db_exec(&touch, a, 1, NULL, NULL);
}

enum perr db_session_delete(const unsigned char hash[32])
{
	struct db_arg a[] = {DBA_BLOB(hash, 32)};

	return db_exec(&delete_one, a, 1, NULL, NULL);
}

/* Live ones only: an expired row waiting for its purge is no session. */
static struct db_stmt of_subscriber = {
	"session.of_subscriber",
	"SELECT id, DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ'), "
	"DATE_FORMAT(last_seen, '%Y-%m-%dT%H:%i:%sZ'), ip, user_agent FROM sessions "
	"WHERE subscriber_id = ? AND last_seen > UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
	"AND created_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND ORDER BY last_seen DESC LIMIT 100",
	NULL, 0, NULL};

static struct db_stmt end_id = {
	"session.end_id",
	"DELETE FROM sessions WHERE id = ? AND subscriber_id = ?",
	NULL, 0, NULL};

static struct db_stmt end_all = {
	"session.end_all",
	"DELETE FROM sessions WHERE subscriber_id = ? AND id <> ?",
	NULL, 0, NULL};

struct rows_ctx {
	struct session_row row;
	enum perr (*each)(void *, const struct session_row *);
	void *ctx;
};

static enum perr one_row(void *p)
{
	struct rows_ctx *rc = p;

	return rc->each(rc->ctx, &rc->row);
}

enum perr db_sessions_of(struct arena *ar, uint64_t subscriber,
                         enum perr (*each)(void *, const struct session_row *), void *ctx)
{
	struct rows_ctx rc = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(subscriber), DBA_INT(cfg.session_idle),
	                     DBA_INT(cfg.session_absolute)};
	struct db_col c[] = {DBC_U64(&rc.row.id), DBC_STR(&rc.row.created_at),
	                     DBC_STR(&rc.row.last_seen), DBC_STR(&rc.row.ip),
	                     DBC_STR(&rc.row.user_agent)};

	return db_rows(ar, &of_subscriber, a, 3, c, sizeof(c) / sizeof(c[0]), one_row, &rc);
}

enum perr db_session_end_id(uint64_t subscriber, uint64_t id)
{
	struct db_arg a[] = {DBA_U64(id), DBA_U64(subscriber)};
	unsigned long long n = 0;
	enum perr e = db_exec(&end_id, a, 2, &n, NULL);

	return e == PERR_OK && n == 0 ? PERR_NOT_FOUND : e;
}

enum perr db_sessions_end_all(uint64_t subscriber, uint64_t except)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_U64(except)};

	return db_exec(&end_all, a, 2, NULL, NULL);
}
