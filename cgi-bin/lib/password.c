/*
 * password.c: what a new password must be.  The rules are ASVS 2.1's: long
 * (10 characters here), any characters, no composition rules, not the
 * login, not a common password (the list is in the database: sql/009).
 */
#include <strings.h>

#include <sodium.h>

#include "../portal.h"

const char *password_weakness(const char *pw, size_t len, const char *login)
{
	if (utf8_len(pw, len) < PASSWORD_MIN)
		return "password-short";
	/* ASCII case folding (the C locale's) is enough: logins are ASCII. */
	if (login != NULL && strlen(login) == len && strncasecmp(pw, login, len) == 0)
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

int page_new_password(struct req *r, size_t k_new, size_t k_confirm, const char *login, char *hash,
		      size_t cap)
{
	const struct fval *pw = req_val(r, k_new), *confirm = req_val(r, k_confirm);
	const char *why;
	enum perr e;

	if (pw == NULL)
		return page_refuse(r, 400, r->sec->fields[k_new].name, "invalid");
	why = password_refusal(pw->s, pw->len, confirm ? confirm->s : NULL,
			       confirm ? confirm->len : 0, login, &e);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (why != NULL)
		return page_refuse(r, 422,
				   r->sec->fields[strcmp(why, "password-mismatch") ? k_new : k_confirm]
					   .name,
				   why);
	if (password_hash(pw->s, pw->len, hash, cap) != 0)
		return page_error(r, 500, "internal");
	return 0;
}

enum perr password_replace(struct arena *a, const struct subscriber *s, const char *hash,
			   uint64_t keep_session)
{
	const char *params = outbox_params(a, "note", (const char *[]){"login", s->login}, 1);
	enum perr e;

	if (params == NULL)
		return PERR_NOMEM;
	/* Whoever was signed in with the old password is not any more. */
	if ((e = db_subscriber_set_password(s->id, hash)) != PERR_OK ||
	    (e = db_sessions_end_all(s->id, keep_session)) != PERR_OK)
		return e;
	if (s->email == NULL)
		return PERR_OK;
	return db_outbox_to(s->id, "email", s->email, "password-changed", params);
}
