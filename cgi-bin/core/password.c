/*
 * password.c: what a new password must be.  The rules are ASVS 2.1's: long
 * (12 characters, a run of spaces counting once), any characters, no
 * composition rules, not the login, not a common password (the list is in the database: sql/009), and
 * not guessable: zxcvbn (Debian's libzxcvbn) estimates the guesses an
 * attacker needs, knowing the person's login, name and address, and fewer
 * than 10^10 (its score 3) are refused with the pattern that made it easy.
 * zxcvbn's dictionaries are English; Russian words are counted as random
 * letters, which the common-password list has to make up for.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <sodium.h>
#include <zxcvbn.h>

#include "core/crypto.h"
#include "core/password.h"
#include "core/utf8.h"

/* Characters, a run of spaces counting as one (ASVS 2.1.1): ten spaces are not ten. */
static size_t length_of(const char *pw, size_t len)
{
	size_t i, n = utf8_len(pw, len);

	for (i = 1; i < len; i++)
		if (pw[i] == ' ' && pw[i - 1] == ' ')
			n--;
	return n;
}

/* log2(10^10): zxcvbn's score 3, "safely unguessable", as entropy. */
#define MIN_GUESS_BITS 33.2

/* The pattern that covers most of a guessable password: what the person is told. */
static const char *pattern_of(const ZxcMatch_t *m)
{
	const ZxcMatch_t *worst = NULL;

	for (; m != NULL; m = m->Next)
		if (m->Type % MULTIPLE_MATCH != BRUTE_MATCH &&
		    m->Type % MULTIPLE_MATCH != LONG_PWD_MATCH &&
		    (worst == NULL || m->Length > worst->Length))
			worst = m;
	if (worst == NULL)
		return "password-guessable";
	/* zxcvbn marks a part repeated ("aaaa" is "a" four times) by adding
	 * MULTIPLE_MATCH; the login twice is still the login. */
	if (worst->Type >= MULTIPLE_MATCH && worst->Type % MULTIPLE_MATCH != USER_MATCH &&
	    worst->Type % MULTIPLE_MATCH != USER_LEET_MATCH)
		return "password-repeats";
	switch (worst->Type % MULTIPLE_MATCH) {
	case USER_MATCH:
	case USER_LEET_MATCH:
		return "password-personal";
	case DICTIONARY_MATCH:
	case DICT_LEET_MATCH:
		return "password-words";
	case REPEATS_MATCH:
		return "password-repeats";
	case SEQUENCE_MATCH:
		return "password-sequence";
	case SPATIAL_MATCH:
		return "password-keyboard";
	case DATE_MATCH:
	case YEAR_MATCH:
		return "password-date";
	default:
		return "password-guessable";
	}
}

/* Words zxcvbn is told are the person's: each whole, and its parts. */
#define USER_WORDS 32
#define USER_TEXT 1024

/*
 * Adds s and its parts (split at spaces, '@', '.', '-', '_'; three
 * characters or more) to the list: zxcvbn matches whole words, and
 * "alexey.sergeev" is in "alexey.sergeev@example.org".
 */
static void add_words(const char *s, const char **user, size_t *n, char *text, size_t *used)
{
	size_t len = strlen(s), start, i;

	if (*n < USER_WORDS)
		user[(*n)++] = s;
	for (start = 0; start <= len; start = i + 1) {
		for (i = start; i < len && strchr(" @.-_", s[i]) == NULL; i++)
			;
		/* The whole address "a.b@c" split at '@' also gives "a.b". */
		if (i - start >= 3 && i - start < len && *n < USER_WORDS &&
		    *used + (i - start) + 1 <= USER_TEXT) {
			memcpy(text + *used, s + start, i - start);
			text[*used + (i - start)] = '\0';
			user[(*n)++] = text + *used;
			*used += i - start + 1;
		}
		if (s[i] == '@' && i >= 3 && *n < USER_WORDS && *used + i + 1 <= USER_TEXT) {
			memcpy(text + *used, s, i);
			text[*used + i] = '\0';
			user[(*n)++] = text + *used;
			*used += i + 1;
		}
	}
}

const char *password_weakness(const char *pw, size_t len, const char *login,
			      const char *const personal[], size_t npersonal)
{
	const char *user[USER_WORDS + 1];
	char text[USER_TEXT];
	const char *why = NULL;
	ZxcMatch_t *info = NULL;
	size_t n = 0, used = 0, i;
	char *copy;

	if (length_of(pw, len) < PASSWORD_MIN)
		return "password-short";
	/* ASCII case folding (the C locale's) is enough: logins are ASCII. */
	if (login != NULL && strlen(login) == len && strncasecmp(pw, login, len) == 0)
		return "password-login";
	if (login != NULL)
		add_words(login, user, &n, text, &used);
	for (i = 0; i < npersonal && i < PASSWORD_PERSONAL_MAX; i++)
		if (personal[i] != NULL && *personal[i] != '\0')
			add_words(personal[i], user, &n, text, &used);
	user[n] = NULL;
	/* zxcvbn reads a C string; a form's value may hold a NUL of its own. */
	if ((copy = sodium_malloc(len + 1)) == NULL)
		return "password-guessable";
	memcpy(copy, pw, len);
	copy[len] = '\0';
	if (ZxcvbnMatch(copy, user, &info) < MIN_GUESS_BITS)
		why = pattern_of(info);
	ZxcvbnFreeInfo(info);
	sodium_free(copy);
	return why;
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
