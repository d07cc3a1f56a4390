/*
 * password.c: what a new password must be.  The rules are ASVS 2.1's: long
 * (10 characters here), any characters, no composition rules, not the
 * login, not a common password (the list is in the database: sql/009).
 */
#include <sodium.h>

#include "../portal.h"

/* ASCII case folding is enough: logins are ASCII letters and digits. */
static int same_ignoring_case(const char *a, size_t alen, const char *b)
{
	size_t i;

	if (strlen(b) != alen)
		return 0;
	for (i = 0; i < alen; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];

		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return 0;
	}
	return 1;
}

const char *password_weakness(const char *pw, size_t len, const char *login)
{
	if (utf8_len(pw, len) < PASSWORD_MIN)
		return "password-short";
	if (login != NULL && same_ignoring_case(pw, len, login))
		return "password-login";
	return NULL;
}

const char *password_refusal(const char *pw, size_t len, const char *confirm, size_t confirm_len,
			     const char *login, enum perr *e)
{
	const char *weak = password_weakness(pw, len, login);
	int common = 0;

	*e = PERR_OK;
	if (weak != NULL)
		return weak;
	if ((*e = db_password_common(pw, &common)) != PERR_OK)
		return NULL;
	if (common)
		return "password-common";
	if (confirm == NULL || confirm_len != len || sodium_memcmp(pw, confirm, len) != 0)
		return "password-mismatch";
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
