/* db/login_attempt.c: every sign-in attempt, for lockout and for the user's own record. */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/login_attempt.h"

static struct db_stmt failures = {
	"login_attempt.failures",
	"SELECT "
	"(SELECT COUNT(*) FROM login_attempts WHERE login = ? AND result <> 'ok' "
	" AND at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND), "
	"(SELECT COUNT(*) FROM login_attempts WHERE ip = ? AND result <> 'ok' "
	" AND at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND)",
	NULL, 0, NULL};

static struct db_stmt record = {
	"login_attempt.record",
	"INSERT INTO login_attempts (at, login, ip, result, subscriber_id) "
	"VALUES (UTC_TIMESTAMP(6), LEFT(?, 64), ?, ?, ?)",
	NULL, 0, NULL};

enum perr db_login_failures(struct arena *ar, const char *login, const char *ip,
			    unsigned window, long long *by_login, long long *by_ip)
{
	struct db_arg a[] = {DBA_STR(login), DBA_INT(window), DBA_STR(ip), DBA_INT(window)};
	struct db_col c[] = {DBC_INT(by_login), DBC_INT(by_ip)};

	return db_row(ar, &failures, a, 4, c, 2);
}

enum perr db_login_record(const char *login, const char *ip, enum login_result res,
			  uint64_t subscriber_id)
{
	static const char *const names[] = {"ok", "fail", "locked"};
	struct db_arg a[] = {DBA_STR(login), DBA_STR(ip), DBA_STR(names[res]),
			     subscriber_id ? DBA_U64(subscriber_id) : DBA_NULL};

	return db_exec(&record, a, 4, NULL, NULL);
}
