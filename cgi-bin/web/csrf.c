/*
 * csrf.c: CSRF tokens: a MAC over the session they belong to, so they need
 * no storage and die with the session.
 */
#include <sodium.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/parse.h"
#include "web/csrf.h"
#include "web/io.h"
#include "web/req.h"

/*
 * The token binds to the session's token hash when signed in, else to the
 * pre-session cookie (so the login form itself is protected against login
 * CSRF).  Domain-separated by a prefix so one can never stand for the other.
 */
static int csrf_compute(const struct req *r, char out[TOKEN_CHARS + 1])
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;
	static const char s_tag[] = "kabinet csrf session";
	static const char p_tag[] = "kabinet csrf pre";
	const struct kv *pre;
	unsigned char raw[TOKEN_BYTES];

	crypto_auth_hmacsha256_init(&st, cfg.secret, sizeof(cfg.secret));
	if (r->sess_hash != NULL) {
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)s_tag, sizeof(s_tag));
		crypto_auth_hmacsha256_update(&st, r->sess_hash, 32);
	} else {
		pre = kv_find(&r->cookies, PRE_COOKIE);
		if (pre == NULL || token_decode(pre->val, pre->vlen, raw) != 0)
			return -1;
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)p_tag, sizeof(p_tag));
		crypto_auth_hmacsha256_update(&st, raw, sizeof(raw));
	}
	crypto_auth_hmacsha256_final(&st, mac);
	if (sodium_bin2base64(out, TOKEN_CHARS + 1, mac, sizeof(mac),
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) == NULL)
		return -1;
	return 0;
}

const char *csrf_token(struct req *r)
{
	char *t = arena_alloc(r->arena, TOKEN_CHARS + 1);
	unsigned char raw[TOKEN_BYTES];
	char text[TOKEN_CHARS + 1];
	const struct kv *pre;

	if (t == NULL)
		return NULL;
	pre = kv_find(&r->cookies, PRE_COOKIE);
	if (r->sess_hash == NULL && (pre == NULL || token_decode(pre->val, pre->vlen, raw) != 0)) {
		/* First visit, or a cookie we never issued: a new pre-session cookie. */
		if (token_new(raw, text) != 0 || req_cookie(r, PRE_COOKIE, text, 0, 1) != 0)
			return NULL;
		if (cookie_remember(r, PRE_COOKIE, text) != 0)
			return NULL;
	}
	if (csrf_compute(r, t) != 0)
		return NULL;
	return t;
}

int csrf_check(struct req *r)
{
	char want[TOKEN_CHARS + 1];
	const struct kv *got = kv_find(&r->form, "csrf");

	if (got == NULL || got->vlen != TOKEN_CHARS || csrf_compute(r, want) != 0)
		return -1;
	return sodium_memcmp(want, got->val, TOKEN_CHARS) == 0 ? 0 : -1;
}
