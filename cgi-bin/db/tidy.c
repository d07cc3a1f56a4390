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

/* A counter means nothing once its window, its lock and the day after the
 * lock (the back-off's memory) have passed. */
static struct db_stmt throttles = {
	"tidy.throttles",
	"DELETE FROM signin_throttles WHERE window_start < UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
	"AND (locked_until IS NULL OR locked_until < UTC_TIMESTAMP(6) - INTERVAL 1 DAY) "
	"ORDER BY window_start LIMIT ?",
	NULL, 0, NULL};

/* The step between a password and its code lasts five minutes. */
static struct db_stmt second_steps = {
	"tidy.second_steps",
	"DELETE FROM signin_second_steps WHERE expires_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
	"ORDER BY expires_at LIMIT ?",
	NULL, 0, NULL};

/* A browser not seen for longer than its cookie lasts is forgotten. */
static struct db_stmt devices = {
	"tidy.devices",
	"DELETE FROM subscriber_devices WHERE last_seen_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
	"ORDER BY last_seen_at LIMIT ?",
	NULL, 0, NULL};

/* A message still queued or being sent stays, however old: it is not done. */
static struct db_stmt messages = {
	"tidy.messages",
	"DELETE FROM outbox WHERE created_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
	"AND status IN ('sent', 'failed') ORDER BY created_at LIMIT ?",
	NULL, 0, NULL};

/* An imported file and its problems (names, numbers, addresses as the file
 * had them) go some time after the import ended; the import's row (who,
 * when, the checksum, the counts) stays as its history. */
static struct db_stmt import_files = {
	"tidy.import_files",
	"DELETE FROM import_chunks WHERE import_id IN (SELECT i.id FROM imports i WHERE "
	"i.finished_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND) ORDER BY import_id, seq LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt import_problems = {
	"tidy.import_problems",
	"DELETE FROM import_problems WHERE import_id IN (SELECT i.id FROM imports i WHERE "
	"i.finished_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND) ORDER BY id LIMIT ?",
	NULL, 0, NULL};

/* The API's counts of a minute, and the answers kept for replays. */
static struct db_stmt api_rate = {
	"tidy.api_rate",
	"DELETE FROM api_rate WHERE minute < UTC_TIMESTAMP() - INTERVAL ? SECOND "
	"ORDER BY key_id, minute LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt api_replays = {
	"tidy.api_replays",
	"DELETE FROM api_idempotency WHERE created_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
	"ORDER BY created_at LIMIT ?",
	NULL, 0, NULL};

/* Payment QR codes (sql/060): made again when a receipt is shown again. */
static struct db_stmt qr_codes = {
        "tidy.qr_codes",
        "DELETE FROM qr_codes WHERE made_at < UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
        "ORDER BY made_at LIMIT ?",
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

enum perr db_tidy_throttles(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&throttles, age, batch, deleted);
}

enum perr db_tidy_second_steps(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&second_steps, age, batch, deleted);
}

enum perr db_tidy_devices(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&devices, age, batch, deleted);
}

enum perr db_tidy_messages(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&messages, age, batch, deleted);
}

enum perr db_tidy_import_files(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&import_files, age, batch, deleted);
}

enum perr db_tidy_import_problems(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&import_problems, age, batch, deleted);
}

enum perr db_tidy_api_rate(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&api_rate, age, batch, deleted);
}

enum perr db_tidy_api_replays(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&api_replays, age, batch, deleted);
}

enum perr db_tidy_qr_codes(unsigned age, unsigned batch, unsigned long long *deleted)
{
	return sweep(&qr_codes, age, batch, deleted);
}
