/* core/password.h: password rules and codes. */
#ifndef CORE_PASSWORD_H
#define CORE_PASSWORD_H

#include <stddef.h>

#include "core/crypto.h"

#define PASSWORD_MIN 12          /* characters of a new password (ASVS 2.1.1) */
#define PASSWORD_MAX 128         /* characters of any password */
#define GENERATED_PASSWORD_LEN 12 /* a password we make (registration by SMS) */
#define CODE_DIGITS 6            /* a code sent by SMS */

/* What else of the person a password is checked against (name, e-mail). */
#define PASSWORD_PERSONAL_MAX 4

/*
 * Why a new password is refused without the database, or NULL: too short
 * ("password-short"), the login ("password-login"), or guessable, by what
 * made it so ("password-personal", "-words", "-repeats", "-sequence",
 * "-keyboard", "-date", "-guessable").  personal: npersonal (at most
 * PASSWORD_PERSONAL_MAX are used) of the person's name, address...; NULLs
 * among them are skipped.
 */
const char *password_weakness(const char *pw, size_t len, const char *login,
			      const char *const personal[], size_t npersonal);

/* 12 random characters from an alphabet without look-alikes. */
void password_generate(char out[GENERATED_PASSWORD_LEN + 1]);
/* Six random decimal digits. */
void code_generate(char out[CODE_DIGITS + 1]);
/* The MAC a code is stored as, keyed by the token it was sent with. */
void code_mac(const unsigned char token[TOKEN_BYTES], const char *code, size_t len,
	      unsigned char out[32]);
/* 1 if code is the one mac was made from (constant time). */
int code_matches(const unsigned char token[TOKEN_BYTES], const char *code, size_t len,
		 const unsigned char mac[32]);

#endif
