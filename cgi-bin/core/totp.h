/* core/totp.h: the staff's second factor: TOTP (RFC 6238) and recovery codes. */
#ifndef CORE_TOTP_H
#define CORE_TOTP_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/attrs.h"

#define TOTP_SECRET_BYTES 20 /* 160 bits, as RFC 4226 recommends */
#define TOTP_BASE32_CHARS 32 /* its base32 form, no padding */
#define TOTP_STEP 30         /* seconds */
#define TOTP_DIGITS 6
/* A sealed secret: nonce, MAC and the secret (crypto_secretbox). */
#define TOTP_SEALED_BYTES (24 + 16 + TOTP_SECRET_BYTES)
#define RECOVERY_CODES 10
#define RECOVERY_CODE_CHARS 11 /* "abcde-fghij" */

/* A new random secret and its base32 text (for the QR code and typing in). */
void totp_secret_new(unsigned char secret[TOTP_SECRET_BYTES], char text[TOTP_BASE32_CHARS + 1]);
/* Base32 text (spaces and case ignored, as apps show it) to the secret; 0 or -1. */
int totp_secret_parse(const char *text, unsigned char secret[TOTP_SECRET_BYTES]) PORTAL_WUR;
void totp_secret_text(const unsigned char secret[TOTP_SECRET_BYTES],
		      char text[TOTP_BASE32_CHARS + 1]);
/*
 * Whether code is the secret's code for now, or for the step before or after
 * (a clock 30 s off).  0 and the step it belongs to in *step; -1 if not.
 * The caller refuses a step not after the last one accepted: a code is good once.
 */
int totp_check(const unsigned char secret[TOTP_SECRET_BYTES], time_t now, const char *code,
	       uint64_t *step) PORTAL_WUR;
/* The code for a moment (tests, and the enrolment check). */
int totp_code(const unsigned char secret[TOTP_SECRET_BYTES], time_t now,
	      char code[TOTP_DIGITS + 1]) PORTAL_WUR;
/* Seal and open a secret with a 32-byte key; 0 or -1 (a wrong key, a changed row). */
void totp_seal(const unsigned char key[32], const unsigned char secret[TOTP_SECRET_BYTES],
	       unsigned char out[TOTP_SEALED_BYTES]);
int totp_open(const unsigned char key[32], const unsigned char *sealed, size_t len,
	      unsigned char secret[TOTP_SECRET_BYTES]) PORTAL_WUR;
/* A random recovery code, "abcde-fghij", from an alphabet without look-alikes. */
void recovery_code_new(char out[RECOVERY_CODE_CHARS + 1]);
/* The hash a recovery code is stored as; typed with or without the dash, any case.
 * -1 if it cannot be a code at all. */
int recovery_code_hash(const char *typed, unsigned char out[32]) PORTAL_WUR;
/* A new set: the codes to show once, and the hashes to store.  0, or -1. */
int recovery_codes_make(char codes[RECOVERY_CODES][RECOVERY_CODE_CHARS + 1],
			unsigned char hashes[RECOVERY_CODES][32]) PORTAL_WUR;

#endif
