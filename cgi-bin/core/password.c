/*
 * password.c: what a new password must be.  The rules are ASVS 2.1's: long
 * (10 characters here), any characters, no composition rules, not the
 * login, not a common password (the list is in the database: sql/009).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "core/crypto.h"
#include "core/password.h"
#include "core/utf8.h"

const char *password_weakness(const char *pw, size_t len, const char *login)
{
	if (utf8_len(pw, len) < PASSWORD_MIN)
		return "password-short";
	/* ASCII case folding (the C locale's) is enough: logins are ASCII. */
	if (login != NULL && strlen(login) == len && strncasecmp(pw, login, len) == 0)
		return "password-login";
	return NULL;
}

/* No 0/O, 1/l/I: it is read off a phone screen and typed. */
static const char pw_alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

void password_generate(char out[GENERATED_PASSWORD_LEN + 1])
{
	size_t i;

	for (i = 0; i < GENERATED_PASSWORD_LEN; i++)
		out[i] = pw_alphabet[randombytes_uniform(sizeof(pw_alphabet) - 1)];
	out[GENERATED_PASSWORD_LEN] = '\0';
}

void code_generate(char out[CODE_DIGITS + 1])
{
	snprintf(out, CODE_DIGITS + 1, "%06u", (unsigned)randombytes_uniform(1000000));
}

void code_mac(const unsigned char token[TOKEN_BYTES], const char *code, size_t len,
	      unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)code, len, token, TOKEN_BYTES);
}

int code_matches(const unsigned char token[TOKEN_BYTES], const char *code, size_t len,
		 const unsigned char mac[32])
{
	unsigned char mine[32];

	code_mac(token, code, len, mine);
	return crypto_verify_32(mine, mac) == 0;
}
