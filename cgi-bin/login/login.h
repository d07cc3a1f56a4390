/* login/login.h: what the login section's pages share: the form fields' keys,
 * the signed-out forms' helpers and each page's handler, for the route table in
 * login.c. */
#ifndef LOGIN_LOGIN_H
#define LOGIN_LOGIN_H

#include "core/crypto.h"
#include "web/req.h"

struct sub_token;

enum key {
	K_LOGIN,
	K_PASSWORD,
	K_NEXT,
	K_TO,
	K_ORG,
	K_NUMBER,
	K_EMAIL,
	K_PHONE,
	K_WHO,
	K_METHOD,
	K_TOKEN,
	K_HANDLE,
	K_CODE,
	K_NEW,
	K_CONFIRM,
	K_DONE,
	K_REMEMBER,
	K_RESEND,
	K__MAX
};

/* the signed-out forms' helpers (login/forms.c) */
/* A rate limit on a signed-out form: 0 to go on, else the handler's status. */
int form_limit(struct req *r, const char *form, const char *subject, long long per_ip,
               long long per_subject);
/* A token from the request: its hash, or -1 if it is not one of ours. */
int token_of(struct req *r, size_t k, unsigned char raw[TOKEN_BYTES], unsigned char hash[32]);
/* The live token of purpose a link carries: 0, or the page's status (410 "link-invalid"). */
int link_token(struct req *r, size_t k, const char *purpose, struct sub_token *t);

/* signing in and out (login/signin.c) */
int login_page(struct req *r);
int code_page(struct req *r);
int logout_post(struct req *r);

/* self-registration (login/register.c) */
int register_page(struct req *r);

/* password recovery (login/recover.c) */
int recover_page(struct req *r);
int recover_link(struct req *r);
int recover_code(struct req *r);

/* a confirmation link followed (login/email.c) */
int email_confirm(struct req *r);

#endif
