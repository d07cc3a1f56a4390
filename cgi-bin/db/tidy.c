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

/* The statements are reached each through its own function, not a table,
 * so a program links only the sweeps it runs (login sweeps sessions only)
 * and its grants, generated from what it links, allow no other deletes. */
static enum perr sweep(struct db_stmt *st, unsigned age, unsigned batch,
                       unsigned long long *deleted)
{
	struct db_arg a[] = {DBA_INT(age), DBA_INT(batch)};

	if (deleted != NULL)
		*deleted = 0;
	return db_exec(st, a, 2, deleted, NULL);
}

enum perr db_tidy_sessions(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&sessions, age, batch, deleted);
}

enum perr db_tidy_tokens(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&tokens, age, batch, deleted);
}

enum perr db_tidy_form_attempts(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&form_attempts, age, batch, deleted);
}

enum perr db_tidy_link_attempts(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&link_attempts, age, batch, deleted);
}

enum perr db_tidy_sign_ins(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&sign_ins, age, batch, deleted);
}

enum perr db_tidy_messages(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&messages, age, batch, deleted);
}
