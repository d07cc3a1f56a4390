/*
 * crypto.c: every secret goes through libsodium.  Session tokens are 32
 * random bytes of which only a hash is stored; passwords are argon2id;
 * CSRF tokens are a MAC over the session they belong to, so they need no
 * storage and die with the session.
 */
#include <sodium.h>
#include <stdio.h>

#include "core/crypto.h"
#include "core/log.h"

int token_new(unsigned char raw[TOKEN_BYTES], char text[TOKEN_CHARS + 1])
{
	randombytes_buf(raw, TOKEN_BYTES);
	if (sodium_bin2base64(text, TOKEN_CHARS + 1, raw, TOKEN_BYTES,
	                      sodium_base64_VARIANT_URLSAFE_NO_PADDING) == NULL)
		return -1;
	return 0;
}

int token_decode(const char *text, size_t len, unsigned char raw[TOKEN_BYTES])
{
	size_t bin = 0;

	if (len != TOKEN_CHARS)
		return -1;
	if (sodium_base642bin(raw, TOKEN_BYTES, text, len, NULL, &bin, NULL,
	                      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    bin != TOKEN_BYTES)
		return -1;
	return 0;
}

void token_hash(const unsigned char *raw, size_t len, unsigned char out[32])
{
	crypto_generichash(out, 32, raw, len, NULL, 0);
}

int token_new_hashed(char text[TOKEN_CHARS + 1], unsigned char hash[32])
{
	unsigned char raw[TOKEN_BYTES];

	if (token_new(raw, text) != 0)
		return -1;
	token_hash(raw, sizeof(raw), hash);
	sodium_memzero(raw, sizeof(raw));
	return 0;
}

/* The cost of new hashes: libsodium's interactive limits unless configured. */
static unsigned long long pw_passes = crypto_pwhash_OPSLIMIT_INTERACTIVE;
static size_t pw_memory = crypto_pwhash_MEMLIMIT_INTERACTIVE;

/*
 * A hash nobody's password has, with the cost of new hashes: verifying
 * against it costs what a real verify costs (the work is set by the cost in
 * the string, not by the digest), so the time of an answer does not tell
 * whether the login exists.
 */
#define DUMMY_SALT_AND_DIGEST "KLZrqZ3vac41KZslhBU/PA$aqja9q6HgyqKAYcEOiNHtZkgGM7jrr7XwVNemvONaqA"
static char dummy_hash[crypto_pwhash_STRBYTES] =
        "$argon2id$v=19$m=65536,t=2,p=1$" DUMMY_SALT_AND_DIGEST;

int password_cost_set(unsigned passes, unsigned memory_kib)
{
	int n;

	if (passes < crypto_pwhash_OPSLIMIT_MIN ||
	    (size_t)memory_kib * 1024 < crypto_pwhash_MEMLIMIT_MIN)
		return -1;
	n = snprintf(dummy_hash, sizeof(dummy_hash), "$argon2id$v=19$m=%u,t=%u,p=1$%s", memory_kib,
	             passes, DUMMY_SALT_AND_DIGEST);
	if (n < 0 || (size_t)n >= sizeof(dummy_hash))
		return -1;
	pw_passes = passes;
	pw_memory = (size_t)memory_kib * 1024;
	return 0;
}

const char *password_dummy(void)
{
	return dummy_hash;
}

int password_hash(const char *pw, size_t len, char *out, size_t outlen)
{
	if (outlen < crypto_pwhash_STRBYTES)
		return -1;
	return crypto_pwhash_str(out, pw, len, pw_passes, pw_memory);
}

int password_verify(const char *hash, const char *pw, size_t len, int *rehash)
{
	*rehash = 0;
	if (hash == NULL) {
		if (crypto_pwhash_str_verify(dummy_hash, pw, len) == 0)
			log_msg(LOG_ERR, "the dummy password hash matched: replace it");
		return -1;
	}
	if (crypto_pwhash_str_verify(hash, pw, len) != 0)
		return -1;
	*rehash = crypto_pwhash_str_needs_rehash(hash, pw_passes, pw_memory) != 0;
	return 0;
}

void sha256(const unsigned char *p, size_t n, unsigned char out[32])
{
	crypto_hash_sha256(out, p, n);
}
