/*
 * totp.c: time-based one-time codes with liboath (RFC 6238: HMAC-SHA1,
 * 30-second steps, six digits, what every authenticator app does), their
 * secrets sealed with libsodium, and the recovery codes.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <liboath/oath.h>
#include <sodium.h>

#include "core/totp.h"

static int oath_ready(void)
{
	static int ready;

	if (!ready && oath_init() == OATH_OK)
		ready = 1;
	return ready ? 0 : -1;
}

void totp_secret_text(const unsigned char secret[TOTP_SECRET_BYTES],
		      char text[TOTP_BASE32_CHARS + 1])
{
	static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	unsigned buf = 0, bits = 0;
	size_t i, n = 0;

	/* 20 bytes are exactly 32 base32 digits: no padding to decide on. */
	for (i = 0; i < TOTP_SECRET_BYTES; i++) {
		buf = (buf << 8) | secret[i];
		bits += 8;
		while (bits >= 5) {
			text[n++] = b32[(buf >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	text[n] = '\0';
}

void totp_secret_new(unsigned char secret[TOTP_SECRET_BYTES], char text[TOTP_BASE32_CHARS + 1])
{
	randombytes_buf(secret, TOTP_SECRET_BYTES);
	totp_secret_text(secret, text);
}

int totp_secret_parse(const char *text, unsigned char secret[TOTP_SECRET_BYTES])
{
	char clean[TOTP_BASE32_CHARS + 1];
	char *out = NULL;
	size_t n = 0, outlen = 0;
	int rc = -1;

	if (oath_ready() != 0)
		return -1;
	for (; *text; text++) {
		if (*text == ' ' || *text == '-')
			continue;
		if (n == TOTP_BASE32_CHARS)
			return -1;
		clean[n++] = (char)toupper((unsigned char)*text);
	}
	clean[n] = '\0';
	if (n != TOTP_BASE32_CHARS || oath_base32_decode(clean, n, &out, &outlen) != OATH_OK)
		return -1;
	if (outlen == TOTP_SECRET_BYTES) {
		memcpy(secret, out, TOTP_SECRET_BYTES);
		rc = 0;
	}
	sodium_memzero(out, outlen);
	free(out);
	return rc;
}

int totp_code(const unsigned char secret[TOTP_SECRET_BYTES], time_t now,
	      char code[TOTP_DIGITS + 1])
{
	if (oath_ready() != 0)
		return -1;
	return oath_totp_generate((const char *)secret, TOTP_SECRET_BYTES, now, TOTP_STEP, 0,
				  TOTP_DIGITS, code) == OATH_OK
		       ? 0
		       : -1;
}

int totp_check(const unsigned char secret[TOTP_SECRET_BYTES], time_t now, const char *code,
	       uint64_t *step)
{
	int pos = 0, rc;
	size_t i;

	if (oath_ready() != 0 || strlen(code) != TOTP_DIGITS)
		return -1;
	for (i = 0; i < TOTP_DIGITS; i++)
		if (code[i] < '0' || code[i] > '9')
			return -1;
	/* Window 1: the step before and after now too, for a clock a little off. */
	rc = oath_totp_validate2((const char *)secret, TOTP_SECRET_BYTES, now, TOTP_STEP, 0, 1,
				 &pos, code);
	if (rc < 0)
		return -1;
	*step = (uint64_t)(now / TOTP_STEP + pos);
	return 0;
}

void totp_seal(const unsigned char key[32], const unsigned char secret[TOTP_SECRET_BYTES],
	       unsigned char out[TOTP_SEALED_BYTES])
{
	randombytes_buf(out, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, secret, TOTP_SECRET_BYTES, out,
			      key);
}

int totp_open(const unsigned char key[32], const unsigned char *sealed, size_t len,
	      unsigned char secret[TOTP_SECRET_BYTES])
{
	if (len != TOTP_SEALED_BYTES)
		return -1;
	return crypto_secretbox_open_easy(secret, sealed + crypto_secretbox_NONCEBYTES,
					  len - crypto_secretbox_NONCEBYTES, sealed, key);
}

/* No 0/o, 1/l/i: a code read off paper is typed right. */
static const char code_alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";

void recovery_code_new(char out[RECOVERY_CODE_CHARS + 1])
{
	size_t i;

	for (i = 0; i < RECOVERY_CODE_CHARS; i++)
		out[i] = i == 5 ? '-' : code_alphabet[randombytes_uniform(sizeof(code_alphabet) - 1)];
	out[RECOVERY_CODE_CHARS] = '\0';
}

int recovery_code_hash(const char *typed, unsigned char out[32])
{
	static const char tag[] = "kabinet recovery code";
	char norm[RECOVERY_CODE_CHARS];
	size_t n = 0;

	for (; *typed; typed++) {
		char c = (char)tolower((unsigned char)*typed);

		if (c == '-' || c == ' ')
			continue;
		if (n == RECOVERY_CODE_CHARS - 1 || strchr(code_alphabet, c) == NULL || c == '\0')
			return -1;
		norm[n++] = c;
	}
	if (n != RECOVERY_CODE_CHARS - 1)
		return -1;
	/* The codes are random, 50 bits each: a keyed fast hash is enough. */
	crypto_generichash(out, 32, (const unsigned char *)norm, n, (const unsigned char *)tag,
			   sizeof(tag) - 1);
	return 0;
}

int recovery_codes_make(char codes[RECOVERY_CODES][RECOVERY_CODE_CHARS + 1],
			unsigned char hashes[RECOVERY_CODES][32])
{
	unsigned i;

	for (i = 0; i < RECOVERY_CODES; i++) {
		recovery_code_new(codes[i]);
		if (recovery_code_hash(codes[i], hashes[i]) != 0)
			return -1;
	}
	return 0;
}
