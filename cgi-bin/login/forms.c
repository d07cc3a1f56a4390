/*
 * login/forms.c: what the signed-out forms share: a rate limit per address and
 * subject, and a token read from the request.
 */
#include "core/crypto.h"
#include "core/log.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/form_attempt.h"
#include "db/token.h"
#include "web/form.h"
#include "web/req.h"
#include "login/login.h"

/* The window of form_limit's counts: an hour. */
#define LIMIT_WINDOW 3600

/*
 * A rate limit on a signed-out form: refuse with 429 when this address or
 * this subject (per_subject 0: no limit) used it too often within the hour,
 * else count this use.
 * Returns 0 to go on, else the handler's status.
 */
int form_limit(struct req *r, const char *form, const char *subject, long long per_ip,
               long long per_subject)
{
	long long by_ip = 0, by_subject = 0;
	enum perr e = db_form_attempts(r->arena, form, r->remote_addr, subject, LIMIT_WINDOW,
	                               &by_ip, &by_subject);

	if (e != PERR_OK)
		return page_fail(r, e);
	if (by_ip >= per_ip || (per_subject > 0 && by_subject >= per_subject)) {
		log_msg(LOG_WARN, "%s refused: too many (address %lld, subject %lld)", form, by_ip,
		        by_subject);
		if (req_header(r, "Retry-After", "3600") != 0)
			return page_error(r, 500, "internal");
		return page_refuse(r, 429, NULL, "too-many");
	}
	if ((e = db_form_attempt_record(form, r->remote_addr, subject)) != PERR_OK)
		return page_fail(r, e);
	return 0;
}

/* A token from the request: its hash, or -1 if it is not one of ours. */
int token_of(struct req *r, size_t k, unsigned char raw[TOKEN_BYTES], unsigned char hash[32])
{
	const struct fval *t = req_val(r, k);

	if (t == NULL || token_decode(t->s, t->len, raw) != 0)
		return -1;
	token_hash(raw, TOKEN_BYTES, hash);
	return 0;
}

/*
 * The live token of purpose a link carries (field k): t, or the page's
 * status: 410 "link-invalid" for a link not ours, used, expired or unknown,
 * so none of those can be told apart; the page's failure for anything else.
 */
int link_token(struct req *r, size_t k, const char *purpose, struct sub_token *t)
{
	unsigned char raw[TOKEN_BYTES], hash[32];
	enum perr e;

	if (token_of(r, k, raw, hash) != 0)
		return page_error(r, 410, "link-invalid");
	e = db_token_live(r->arena, hash, purpose, 1, t);
	if (e == PERR_NOT_FOUND)
		return page_error(r, 410, "link-invalid");
	if (e != PERR_OK)
		return page_fail(r, e);
	return 0;
}
