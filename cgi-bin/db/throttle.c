/* db/throttle.c: the sign-in counters and the browsers subscribers signed in from. */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/perr.h"
#include "core/throttle.h"
#include "db/db.h"
#include "db/throttle.h"

static struct db_stmt create = {
	"throttle.create",
	"INSERT IGNORE INTO signin_throttles (scope, k, tries, window_start) "
	"VALUES (?, ?, 0, UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

/* Times come back as seconds from now, so that the rule needs no clock. */
static struct db_stmt lock_ = {
	"throttle.lock",
	"SELECT tries, TIMESTAMPDIFF(SECOND, window_start, UTC_TIMESTAMP(6)), "
	"GREATEST(0, COALESCE(CEILING(TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(6), locked_until) "
	"/ 1000000), 0)), "
	"COALESCE(TIMESTAMPDIFF(SECOND, locked_until, UTC_TIMESTAMP(6)), -1), lock_level "
	"FROM signin_throttles WHERE scope = ? AND k = ? FOR UPDATE",
	NULL, 0, NULL};

static struct db_stmt save = {
	"throttle.save",
	"UPDATE signin_throttles SET tries = ?, "
	"window_start = UTC_TIMESTAMP(6) - INTERVAL ? SECOND, "
	"locked_until = IF(? > 0, UTC_TIMESTAMP(6) + INTERVAL ? SECOND, locked_until), "
	"lock_level = ? WHERE scope = ? AND k = ?",
	NULL, 0, NULL};

static struct db_stmt clear = {
	"throttle.clear",
	"UPDATE signin_throttles SET tries = 0, locked_until = NULL, lock_level = 0 "
	"WHERE scope = ? AND k = ?",
	NULL, 0, NULL};

static struct db_stmt give_back = {
	"throttle.give_back",
	"UPDATE signin_throttles SET tries = tries - 1 WHERE scope = ? AND k = ? AND tries > 0",
	NULL, 0, NULL};

static struct db_stmt device_owner = {
	"device.owner",
	"SELECT subscriber_id FROM subscriber_devices WHERE token_hash = ?",
	NULL, 0, NULL};

static struct db_stmt device_add = {
	"device.add",
	"INSERT INTO subscriber_devices (token_hash, subscriber_id, created_at, last_seen_at, "
	"user_agent) VALUES (?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), LEFT(?, 255))",
	NULL, 0, NULL};

static struct db_stmt device_count = {
	"device.count",
	"SELECT COUNT(*) FROM subscriber_devices WHERE subscriber_id = ?",
	NULL, 0, NULL};

static struct db_stmt device_seen = {
	"device.seen",
	"UPDATE subscriber_devices SET last_seen_at = UTC_TIMESTAMP(6) WHERE token_hash = ?",
	NULL, 0, NULL};

enum perr db_throttle_lock(struct arena *ar, const struct throttle_key *key,
			   struct throttle_state *s)
{
	struct db_arg a[] = {DBA_STR(key->scope), DBA_BLOB(key->k, 32)};
	long long tries = 0, level = 0;
	struct db_col c[] = {DBC_INT(&tries), DBC_INT(&s->window_age), DBC_INT(&s->lock_left),
			     DBC_INT(&s->since_lock), DBC_INT(&level)};
	enum perr e;

	if ((e = db_row(ar, &lock_, a, 2, c, 5)) != PERR_OK)
		return e;
	s->tries = (unsigned)tries;
	s->level = (unsigned)level;
	return PERR_OK;
}

enum perr db_throttle_ensure(const struct throttle_key *key)
{
	struct db_arg a[] = {DBA_STR(key->scope), DBA_BLOB(key->k, 32)};

	return db_exec(&create, a, 2, NULL, NULL);
}

enum perr db_throttle_save(const struct throttle_key *key, const struct throttle_state *s)
{
	struct db_arg a[] = {DBA_INT(s->tries), DBA_INT(s->window_age), DBA_INT(s->lock_left),
			     DBA_INT(s->lock_left), DBA_INT(s->level), DBA_STR(key->scope),
			     DBA_BLOB(key->k, 32)};

	return db_exec(&save, a, 7, NULL, NULL);
}

enum perr db_throttle_clear(const struct throttle_key *key)
{
	struct db_arg a[] = {DBA_STR(key->scope), DBA_BLOB(key->k, 32)};

	return db_exec(&clear, a, 2, NULL, NULL);
}

enum perr db_throttle_give_back(const struct throttle_key *key)
{
	struct db_arg a[] = {DBA_STR(key->scope), DBA_BLOB(key->k, 32)};

	return db_exec(&give_back, a, 2, NULL, NULL);
}

enum perr db_device_owner(struct arena *ar, const unsigned char hash[32], uint64_t *subscriber)
{
	struct db_arg a[] = {DBA_BLOB(hash, 32)};
	struct db_col c[] = {DBC_U64(subscriber)};

	return db_row(ar, &device_owner, a, 1, c, 1);
}

enum perr db_device_add(const unsigned char hash[32], uint64_t subscriber, const char *user_agent)
{
	struct db_arg a[] = {DBA_BLOB(hash, 32), DBA_U64(subscriber), DBA_STR(user_agent)};

	return db_exec(&device_add, a, 3, NULL, NULL);
}

enum perr db_device_seen(const unsigned char hash[32])
{
	struct db_arg a[] = {DBA_BLOB(hash, 32)};

	return db_exec(&device_seen, a, 1, NULL, NULL);
}

enum perr db_device_count(struct arena *ar, uint64_t subscriber, long long *n)
{
	struct db_arg a[] = {DBA_U64(subscriber)};
	struct db_col c[] = {DBC_INT(n)};

	return db_row(ar, &device_count, a, 1, c, 1);
}
