/* app/two_factor.c: checking a subscriber's code and making recovery codes (sql/031). */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "app/two_factor.h"
#include "core/config.h"
#include "core/totp.h"
#include "db/two_factor.h"

int two_factor_key(unsigned char key[32])
{
	static const unsigned char label[] = "kabinet: subscribers' TOTP secrets";

	if (!cfg.have_secret)
		return -1;
	/* A key of its own, so that the CSRF key never seals anything. */
	crypto_generichash(key, 32, label, sizeof(label) - 1, cfg.secret, sizeof(cfg.secret));
	return 0;
}

enum perr two_factor_check(struct arena *a, uint64_t subscriber, const char *code, int *ok)
{
	unsigned char key[32], secret[TOTP_SECRET_BYTES], hash[32];
	struct sub_totp t;
	uint64_t step = 0;
	enum perr e;
	int right;

	*ok = 0;
	if ((e = db_totp_get(a, subscriber, &t)) != PERR_OK)
		return e == PERR_NOT_FOUND ? PERR_OK : e;
	if (!t.enabled)
		return PERR_OK;
	if (strlen(code) == TOTP_DIGITS) {
		if (two_factor_key(key) != 0 || totp_open(key, t.secret, t.secret_len, secret) != 0)
			return PERR_SYS;
		right = totp_check(secret, time(NULL), code, &step) == 0;
		sodium_memzero(secret, sizeof(secret));
		sodium_memzero(key, sizeof(key));
		if (!right)
			return PERR_OK;
		e = db_totp_use(subscriber, step);
	} else {
		if (recovery_code_hash(code, hash) != 0)
			return PERR_OK;
		e = db_recovery_code_use(subscriber, hash);
	}
	if (e == PERR_CONFLICT) /* the same code a second time */
		return PERR_OK;
	if (e == PERR_OK)
		*ok = 1;
	return e;
}

enum perr two_factor_codes_new(uint64_t subscriber,
			       char codes[RECOVERY_CODES][RECOVERY_CODE_CHARS + 1])
{
	unsigned char hashes[RECOVERY_CODES][32];

	if (recovery_codes_make(codes, hashes) != 0)
		return PERR_SYS;
	return db_recovery_codes_set(subscriber, (const unsigned char(*)[32])hashes,
				     RECOVERY_CODES);
}
