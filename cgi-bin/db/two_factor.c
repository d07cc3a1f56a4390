/* db/two_factor.c: subscribers' two-step sign-in: secrets, recovery codes, the step between. */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/two_factor.h"

static struct db_stmt get = {
	"two_factor.get",
	"SELECT secret, enabled_at IS NOT NULL, last_step, method = 'sms' FROM subscriber_totp "
	"WHERE subscriber_id = ?",
	NULL, 0, NULL};

/* A secret being enrolled replaces one not yet confirmed; an enabled one stays. */
static struct db_stmt pending_drop = {
	"two_factor.pending_drop",
	"DELETE FROM subscriber_totp WHERE subscriber_id = ? AND enabled_at IS NULL", NULL, 0, NULL};

static struct db_stmt pending = {
	"two_factor.pending",
	"INSERT IGNORE INTO subscriber_totp (subscriber_id, secret, method, enabled_at, last_step) "
	"VALUES (?, ?, IF(?, 'sms', 'app'), NULL, 0)",
	NULL, 0, NULL};

static struct db_stmt enable = {
	"two_factor.enable",
	"UPDATE subscriber_totp SET enabled_at = UTC_TIMESTAMP(6), last_step = ? "
	"WHERE subscriber_id = ? AND enabled_at IS NULL",
	NULL, 0, NULL};

static struct db_stmt use = {
	"two_factor.use",
	"UPDATE subscriber_totp SET last_step = ? WHERE subscriber_id = ? "
	"AND enabled_at IS NOT NULL AND last_step < ?",
	NULL, 0, NULL};

/* A new SMS code, no sooner than a minute after the last. */
static struct db_stmt sms_set = {
	"two_factor.sms_set",
	"UPDATE subscriber_totp SET sms_code_mac = ?, "
	"sms_code_until = UTC_TIMESTAMP(6) + INTERVAL 600 SECOND, sms_sent_at = UTC_TIMESTAMP(6) "
	"WHERE subscriber_id = ? AND method = 'sms' "
	"AND (sms_sent_at IS NULL OR sms_sent_at < UTC_TIMESTAMP(6) - INTERVAL 60 SECOND)",
	NULL, 0, NULL};

/* The code used up in the statement that finds it: good once, even in parallel. */
static struct db_stmt sms_use = {
	"two_factor.sms_use",
	"UPDATE subscriber_totp SET sms_code_mac = NULL, sms_code_until = NULL "
	"WHERE subscriber_id = ? AND method = 'sms' AND sms_code_mac = ? "
	"AND sms_code_until > UTC_TIMESTAMP(6)",
	NULL, 0, NULL};

static struct db_stmt off = {
	"two_factor.off", "DELETE FROM subscriber_totp WHERE subscriber_id = ?", NULL, 0, NULL};

static struct db_stmt codes_clear = {
	"two_factor.codes_clear", "DELETE FROM subscriber_recovery_codes WHERE subscriber_id = ?",
	NULL, 0, NULL};

static struct db_stmt code_add = {
	"two_factor.code_add",
	"INSERT INTO subscriber_recovery_codes (subscriber_id, code_hash) VALUES (?, ?)",
	NULL, 0, NULL};

static struct db_stmt code_use = {
	"two_factor.code_use",
	"UPDATE subscriber_recovery_codes SET used_at = UTC_TIMESTAMP(6) "
	"WHERE subscriber_id = ? AND code_hash = ? AND used_at IS NULL",
	NULL, 0, NULL};

static struct db_stmt codes_left = {
	"two_factor.codes_left",
	"SELECT COUNT(*) FROM subscriber_recovery_codes WHERE subscriber_id = ? AND used_at IS NULL",
	NULL, 0, NULL};

static struct db_stmt devices_forget = {
	"two_factor.devices_forget",
	"UPDATE subscriber_devices SET second_factor_until = NULL WHERE subscriber_id = ?",
	NULL, 0, NULL};

static struct db_stmt step_add = {
	"two_factor.step_add",
	"INSERT INTO signin_second_steps (token_hash, subscriber_id, next, expires_at) "
	"VALUES (?, ?, LEFT(?, 512), UTC_TIMESTAMP(6) + INTERVAL 300 SECOND)",
	NULL, 0, NULL};

static struct db_stmt step_get = {
	"two_factor.step_get",
	"SELECT subscriber_id, next FROM signin_second_steps "
	"WHERE token_hash = ? AND expires_at > UTC_TIMESTAMP(6)",
	NULL, 0, NULL};

static struct db_stmt step_drop = {
	"two_factor.step_drop", "DELETE FROM signin_second_steps WHERE token_hash = ?", NULL, 0,
	NULL};

static struct db_stmt remember = {
	"two_factor.remember",
	"UPDATE subscriber_devices SET second_factor_until = UTC_TIMESTAMP(6) + INTERVAL 30 DAY "
	"WHERE token_hash = ?",
	NULL, 0, NULL};

static struct db_stmt remembered = {
	"two_factor.remembered",
	"SELECT COUNT(*) FROM subscriber_devices WHERE token_hash = ? AND subscriber_id = ? "
	"AND second_factor_until > UTC_TIMESTAMP(6)",
	NULL, 0, NULL};

enum perr db_totp_get(struct arena *ar, uint64_t subscriber, struct sub_totp *t)
{
	struct db_arg a[] = {DBA_U64(subscriber)};
	struct db_col c[] = {DBC_BLOB(t->secret, sizeof(t->secret), &t->secret_len),
			     DBC_INT(&t->enabled), DBC_U64(&t->last_step), DBC_INT(&t->sms)};

	return db_row(ar, &get, a, 1, c, 4);
}

enum perr db_totp_pending(uint64_t subscriber, int sms, const unsigned char *sealed, size_t n)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_BLOB(sealed, n), DBA_INT(sms)};
	enum perr e = db_exec(&pending_drop, a, 1, NULL, NULL);

	return e == PERR_OK ? db_exec(&pending, a, 3, NULL, NULL) : e;
}

static enum perr one_row(struct db_stmt *s, const struct db_arg *a, size_t n)
{
	unsigned long long rows = 0;
	enum perr e = db_exec(s, a, n, &rows, NULL);

	return e == PERR_OK && rows == 0 ? PERR_CONFLICT : e;
}

enum perr db_totp_enable(uint64_t subscriber, uint64_t step)
{
	struct db_arg a[] = {DBA_U64(step), DBA_U64(subscriber)};

	return one_row(&enable, a, 2);
}

enum perr db_totp_use(uint64_t subscriber, uint64_t step)
{
	struct db_arg a[] = {DBA_U64(step), DBA_U64(subscriber), DBA_U64(step)};

	return one_row(&use, a, 3);
}

enum perr db_sms_code_set(uint64_t subscriber, const unsigned char mac[32])
{
	struct db_arg a[] = {DBA_BLOB(mac, 32), DBA_U64(subscriber)};

	return one_row(&sms_set, a, 2);
}

enum perr db_sms_code_use(uint64_t subscriber, const unsigned char mac[32])
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_BLOB(mac, 32)};

	return one_row(&sms_use, a, 2);
}

enum perr db_totp_off(uint64_t subscriber)
{
	struct db_arg a[] = {DBA_U64(subscriber)};
	enum perr e;

	if ((e = db_exec(&off, a, 1, NULL, NULL)) != PERR_OK ||
	    (e = db_exec(&codes_clear, a, 1, NULL, NULL)) != PERR_OK)
		return e;
	return db_exec(&devices_forget, a, 1, NULL, NULL);
}

enum perr db_recovery_codes_set(uint64_t subscriber, const unsigned char (*hashes)[32], size_t n)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_NULL};
	size_t i;
	enum perr e;

	if ((e = db_exec(&codes_clear, a, 1, NULL, NULL)) != PERR_OK)
		return e;
	for (i = 0; i < n; i++) {
		a[1] = DBA_BLOB(hashes[i], 32);
		if ((e = db_exec(&code_add, a, 2, NULL, NULL)) != PERR_OK)
			return e;
	}
	return PERR_OK;
}

enum perr db_recovery_code_use(uint64_t subscriber, const unsigned char hash[32])
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_BLOB(hash, 32)};

	return one_row(&code_use, a, 2);
}

enum perr db_recovery_codes_left(struct arena *ar, uint64_t subscriber, long long *n)
{
	struct db_arg a[] = {DBA_U64(subscriber)};
	struct db_col c[] = {DBC_INT(n)};

	return db_row(ar, &codes_left, a, 1, c, 1);
}

enum perr db_second_step_add(const unsigned char hash[32], uint64_t subscriber, const char *next)
{
	struct db_arg a[] = {DBA_BLOB(hash, 32), DBA_U64(subscriber), DBA_STR(next)};

	return db_exec(&step_add, a, 3, NULL, NULL);
}

enum perr db_second_step_get(struct arena *ar, const unsigned char hash[32], uint64_t *subscriber,
			     const char **next)
{
	struct db_arg a[] = {DBA_BLOB(hash, 32)};
	struct db_col c[] = {DBC_U64(subscriber), DBC_STR(next)};

	return db_row(ar, &step_get, a, 1, c, 2);
}

enum perr db_second_step_drop(const unsigned char hash[32])
{
	struct db_arg a[] = {DBA_BLOB(hash, 32)};

	return db_exec(&step_drop, a, 1, NULL, NULL);
}

enum perr db_device_remember_factor(const unsigned char hash[32])
{
	struct db_arg a[] = {DBA_BLOB(hash, 32)};

	return db_exec(&remember, a, 1, NULL, NULL);
}

enum perr db_device_factor_remembered(struct arena *ar, const unsigned char hash[32],
				      uint64_t subscriber, long long *yes)
{
	struct db_arg a[] = {DBA_BLOB(hash, 32), DBA_U64(subscriber)};
	struct db_col c[] = {DBC_INT(yes)};

	return db_row(ar, &remembered, a, 2, c, 1);
}
