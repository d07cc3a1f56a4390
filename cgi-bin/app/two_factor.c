/* app/two_factor.c: checking a subscriber's code and making recovery codes (sql/031). */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "app/two_factor.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/password.h"
#include "core/totp.h"
#include "db/outbox.h"
#include "db/two_factor.h"
#include "doc/xml.h"

/* SMS codes sent to one subscriber in a day: enough for a week's sign-ins
 * on a bad day, not enough to make their phone a pager for someone else. */
#define SMS_CODES_PER_DAY 10

int two_factor_key(unsigned char key[32])
{
	static const unsigned char label[] = "kabinet: subscribers' TOTP secrets";

	if (!cfg.have_secret)
		return -1;
	/* A key of its own, so that the CSRF key never seals anything. */
	crypto_generichash(key, 32, label, sizeof(label) - 1, cfg.secret, sizeof(cfg.secret));
	return 0;
}

/* The MAC an SMS code is kept as: a key of its own, derived from the site's secret. */
static int sms_code_mac(const char *code, unsigned char mac[32])
{
	static const unsigned char label[] = "kabinet: subscribers' SMS sign-in codes";
	unsigned char key[TOKEN_BYTES];

	if (!cfg.have_secret)
		return -1;
	crypto_generichash(key, sizeof(key), label, sizeof(label) - 1, cfg.secret,
			   sizeof(cfg.secret));
	code_mac(key, code, strlen(code), mac);
	sodium_memzero(key, sizeof(key));
	return 0;
}

enum perr two_factor_send(struct arena *a, const struct subscriber *s, enum sms_sent *out)
{
	char code[CODE_DIGITS + 1];
	unsigned char mac[32];
	const char *params;
	long long today = 0;
	enum perr e;

	*out = SMS_SENT;
	if (s->phone == NULL) {
		*out = SMS_NO_PHONE;
		return PERR_OK;
	}
	if ((e = db_outbox_count_today(a, s->id, "signin-code", &today)) != PERR_OK)
		return e;
	if (today >= SMS_CODES_PER_DAY) {
		*out = SMS_TOO_MANY;
		return PERR_OK;
	}
	code_generate(code);
	if (sms_code_mac(code, mac) != 0)
		return PERR_SYS;
	params = outbox_params(a, "note", (const char *[]){"login", s->login, "code", code}, 2);
	sodium_memzero(code, sizeof(code));
	if (params == NULL)
		return PERR_NOMEM;
	e = db_sms_code_set(s->id, mac);
	if (e == PERR_CONFLICT) { /* the last one is under a minute old, and still good */
		*out = SMS_TOO_SOON;
		return PERR_OK;
	}
	if (e != PERR_OK)
		return e;
	return db_outbox_to(s->id, "sms", s->phone, "signin-code", params);
}

const char *two_factor_sent_word(enum sms_sent sent)
{
	switch (sent) {
	case SMS_SENT: return "sent";
	case SMS_TOO_SOON: return "too-soon";
	case SMS_TOO_MANY: return "too-many";
	case SMS_NO_PHONE: break;
	}
	return "no-phone";
}

enum perr two_factor_sms_check(uint64_t subscriber, const char *code, int *ok)
{
	unsigned char mac[32];
	enum perr e;

	*ok = 0;
	if (strlen(code) != CODE_DIGITS)
		return PERR_OK;
	if (sms_code_mac(code, mac) != 0)
		return PERR_SYS;
	e = db_sms_code_use(subscriber, mac);
	if (e == PERR_CONFLICT) /* wrong, expired or used */
		return PERR_OK;
	if (e == PERR_OK)
		*ok = 1;
	return e;
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
	if (t.sms && strlen(code) == CODE_DIGITS)
		return two_factor_sms_check(subscriber, code, ok);
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
