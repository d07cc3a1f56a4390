/* core/crypto.h: tokens and password hashes. */
#ifndef CORE_CRYPTO_H
#define CORE_CRYPTO_H

#include <stddef.h>

#include "core/attrs.h"

/* base64url without padding: 32 bytes -> 43 characters. */
#define TOKEN_BYTES 32
#define TOKEN_CHARS 43

/* SHA-256 of n bytes: a file's fingerprint (a receipt's PDF). */
void sha256(const unsigned char *, size_t n, unsigned char out[32]);
/* Random token, its text form and its SHA-512/256-style hash (BLAKE2b-256). */
int token_new(unsigned char raw[TOKEN_BYTES], char text[TOKEN_CHARS + 1]) PORTAL_WUR;
int token_decode(const char *text, size_t len, unsigned char raw[TOKEN_BYTES]) PORTAL_WUR;
void token_hash(const unsigned char *raw, size_t len, unsigned char out[32]);
/* A new token to hand out (text) and the hash of it to store: the raw bytes never leave. */
int token_new_hashed(char text[TOKEN_CHARS + 1], unsigned char hash[32]) PORTAL_WUR;

/*
 * The argon2id cost of new hashes ([passwords] in the configuration; the
 * limits are the configuration's to check).  Before the first hash or verify;
 * -1 if libsodium cannot take it.  Default: libsodium's interactive limits.
 */
int password_cost_set(unsigned passes, unsigned memory_kib) PORTAL_WUR;
/* Hash a password with argon2id at that cost.  out: crypto_pwhash_STRBYTES. */
int password_hash(const char *pw, size_t len, char *out, size_t outlen) PORTAL_WUR;
/*
 * 0 if pw matches hash, -1 if not.  *rehash is set when the hash was made
 * at another cost and should be replaced.  With hash == NULL a dummy hash of
 * the same cost is verified so that an unknown login costs the same time.
 */
int password_verify(const char *hash, const char *pw, size_t len, int *rehash) PORTAL_WUR;
/* That dummy hash (its cost is the tests' to check). */
const char *password_dummy(void);

#endif
