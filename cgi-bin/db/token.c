/*
 * db/token.c: single-use secrets sent to subscribers (confirmation and
 * recovery links, SMS codes), found only by the hash of the token.
 */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/token.h"

static struct db_stmt insert = {
	"token.insert",
	"INSERT INTO subscriber_tokens (token_hash, subscriber_id, purpose, value, code_mac, "
	"created_at, expires_at) "
	"VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL ? SECOND)",
	NULL, 0, NULL};

static struct db_stmt live = {
	"token.live",
	"SELECT t.id, t.subscriber_id, t.value, t.code_mac, t.attempts FROM subscriber_tokens t "
	"JOIN subscribers s ON s.id = t.subscriber_id AND s.active = 1 "
	"WHERE t.token_hash = ? AND t.purpose = ? AND t.used_at IS NULL "
	"AND t.expires_at > UTC_TIMESTAMP(6) AND t.attempts < ?",
	NULL, 0, NULL};

static struct db_stmt attempt = {
	"token.attempt",
	"UPDATE subscriber_tokens SET attempts = attempts + 1 WHERE id = ? AND attempts < ?",
	NULL, 0, NULL};

static struct db_stmt use = {
	"token.use",
	"UPDATE subscriber_tokens SET used_at = UTC_TIMESTAMP(6) WHERE id = ? AND used_at IS NULL",
	NULL, 0, NULL};

static struct db_stmt drop = {
	"token.drop",
	"UPDATE subscriber_tokens SET used_at = UTC_TIMESTAMP(6) "
	"WHERE subscriber_id = ? AND purpose = ? AND used_at IS NULL",
	NULL, 0, NULL};

enum perr db_token_insert(const unsigned char hash[32], uint64_t subscriber, const char *purpose,
			  const char *value, const unsigned char *mac, unsigned ttl)
{
	struct db_arg a[] = {DBA_BLOB(hash, 32),
			     DBA_U64(subscriber),
			     DBA_STR(purpose),
			     value ? DBA_STR(value) : DBA_NULL,
			     mac ? DBA_BLOB(mac, 32) : DBA_NULL,
			     DBA_INT(ttl)};

	return db_exec(&insert, a, 6, NULL, NULL);
}

enum perr db_token_live(struct arena *ar, const unsigned char hash[32], const char *purpose,
			unsigned max_attempts, struct sub_token *t)
{
	struct db_arg a[] = {DBA_BLOB(hash, 32), DBA_STR(purpose), DBA_INT(max_attempts)};
	struct db_col c[] = {DBC_U64(&t->id), DBC_U64(&t->subscriber_id), DBC_STR(&t->value),
			     DBC_BLOB(t->code_mac, sizeof(t->code_mac), &t->mac_len),
			     DBC_INT(&t->attempts)};
	enum perr e;

	t->mac_len = 0;
	t->id = t->subscriber_id = 0;
	e = db_row(ar, &live, a, 3, c, sizeof(c) / sizeof(c[0]));
	if (c[3].is_null)
		t->mac_len = 0;
	return e;
}

enum perr db_token_attempt(uint64_t id, unsigned max_attempts)
{
	struct db_arg a[] = {DBA_U64(id), DBA_INT(max_attempts)};
	unsigned long long n = 0;
	enum perr e = db_exec(&attempt, a, 2, &n, NULL);

	return e == PERR_OK && n == 0 ? PERR_CONFLICT : e;
}

enum perr db_token_use(uint64_t id)
{
	struct db_arg a[] = {DBA_U64(id)};
	unsigned long long n = 0;
	enum perr e = db_exec(&use, a, 1, &n, NULL);

	return e == PERR_OK && n == 0 ? PERR_CONFLICT : e;
}

enum perr db_token_drop(uint64_t subscriber, const char *purpose)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_STR(purpose)};

	return db_exec(&drop, a, 2, NULL, NULL);
}
