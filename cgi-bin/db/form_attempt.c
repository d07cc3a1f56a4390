/* db/form_attempt.c: uses of the signed-out forms that send messages, for rate limits. */

#include "core/arena.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/form_attempt.h"

static struct db_stmt count = {
	"form_attempt.count",
	"SELECT (SELECT COUNT(*) FROM form_attempts WHERE form = ? AND ip = ? "
	"AND at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND), "
	"(SELECT COUNT(*) FROM form_attempts WHERE form = ? AND subject = ? "
	"AND at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND)",
	NULL, 0, NULL};

static struct db_stmt record = {
	"form_attempt.record",
	"INSERT INTO form_attempts (at, form, ip, subject) VALUES (UTC_TIMESTAMP(6), ?, ?, ?)",
	NULL, 0, NULL};

enum perr db_form_attempts(struct arena *ar, const char *form, const char *ip, const char *subject,
			   unsigned window, long long *by_ip, long long *by_subject)
{
	struct db_arg a[] = {DBA_STR(form), DBA_STR(ip),      DBA_INT(window),
			     DBA_STR(form), DBA_STR(subject), DBA_INT(window)};
	struct db_col c[] = {DBC_INT(by_ip), DBC_INT(by_subject)};

	return db_row(ar, &count, a, 6, c, 2);
}

enum perr db_form_attempt_record(const char *form, const char *ip, const char *subject)
{
	struct db_arg a[] = {DBA_STR(form), DBA_STR(ip), DBA_STR(subject)};

	return db_exec(&record, a, 3, NULL, NULL);
}
