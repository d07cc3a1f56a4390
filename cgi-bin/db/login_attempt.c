/* db/login_attempt.c: every sign-in attempt, for the user's own record (db/throttle counts). */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/login_attempt.h"

static struct db_stmt record = {
	"login_attempt.record",
	"INSERT INTO login_attempts (at, login, ip, result, subscriber_id) "
	"VALUES (UTC_TIMESTAMP(6), LEFT(?, 64), ?, ?, ?)",
	NULL, 0, NULL};

enum perr db_login_record(const char *login, const char *ip, enum login_result res,
			  uint64_t subscriber_id)
{
	static const char *const names[] = {"ok", "fail", "locked"};
	struct db_arg a[] = {DBA_STR(login), DBA_STR(ip), DBA_STR(names[res]),
			     subscriber_id ? DBA_U64(subscriber_id) : DBA_NULL};

	return db_exec(&record, a, 4, NULL, NULL);
}
