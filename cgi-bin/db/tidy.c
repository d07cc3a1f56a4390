/*
 * db/tidy.c: rows whose use is over.  Each statement deletes at most a batch,
 * oldest first, and commits on its own, so none holds its locks for long
 * and the caller repeats it until a batch comes back short.
 */

#include "core/perr.h"
#include "db/db.h"
#include "db/tidy.h"

static struct db_stmt sessions = {
	"tidy.sessions",
	"DELETE FROM sessions WHERE last_seen < UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
	"ORDER BY last_seen LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt tokens = {
	"tidy.tokens",
	"DELETE FROM subscriber_tokens WHERE expires_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
	"ORDER BY expires_at LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt form_attempts = {
	"tidy.form_attempts",
	"DELETE FROM form_attempts WHERE at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
	"ORDER BY at LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt link_attempts = {
	"tidy.link_attempts",
	"DELETE FROM link_attempts WHERE at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
	"ORDER BY at LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt sign_ins = {
	"tidy.sign_ins",
	"DELETE FROM login_attempts WHERE at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
	"ORDER BY at LIMIT ?",
	NULL, 0, NULL};

/* A message still queued or being sent stays, however old: it is not done. */
static struct db_stmt messages = {
	"tidy.messages",
	"DELETE FROM outbox WHERE created_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
	"AND status IN ('sent', 'failed') ORDER BY created_at LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt *const by_kind[] = {
	[TIDY_SESSIONS] = &sessions,
	[TIDY_TOKENS] = &tokens,
	[TIDY_FORM_ATTEMPTS] = &form_attempts,
	[TIDY_LINK_ATTEMPTS] = &link_attempts,
	[TIDY_SIGN_INS] = &sign_ins,
	[TIDY_MESSAGES] = &messages,
};

enum perr db_tidy(enum tidy_kind kind, unsigned age, unsigned batch, unsigned long long *deleted)
{
	struct db_arg a[] = {DBA_INT(age), DBA_INT(batch)};

	if (deleted != NULL)
		*deleted = 0;
	if ((size_t)kind >= sizeof(by_kind) / sizeof(by_kind[0]))
		return PERR_BAD_INPUT;
	return db_exec(by_kind[kind], a, 2, deleted, NULL);
}
