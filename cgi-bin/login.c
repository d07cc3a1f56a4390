/*
 * login.c: signing in and out, and the language switch.
 *
 *   GET  /login          the form (?next=/local/path is carried through)
 *   POST /login          check the password, start a session, 303 to next (or to the code)
 *   GET  /login/code     two-step sign-in: the code form;  POST: code, remember=1
 *   POST /logout         end the session, 303 to /login
 *   GET  /lang           ?to=ru|en&next=/path: the language cookie only, 303 back
 *   POST /lang           to, next (CSRF): the cookie, and signed in the subscriber's choice
 *   GET  /_error/413     nginx's own refusals, rendered like every other page
 *
 * Self-registration, for someone with an account number and no login:
 *   GET  /register       the form: organization, account number, e-mail, mobile phone
 *   POST /register       if the phone is the one on file: a password by SMS, a link by e-mail
 *   GET  /register/sent  what was sent
 *
 * Password recovery, by login or e-mail:
 *   GET  /recover        the form: who, and how (a link by e-mail or a code by SMS)
 *   POST /recover        303 to /recover/sent (link) or /recover/code?h= (code), whoever asked
 *   GET  /recover/link   ?token=: the new-password form;  POST: set it
 *   GET  /recover/code   ?h=: code and new-password form;  POST: set it (5 tries)
 *   GET  /recover/done   the password is changed, every session ended
 *
 *   GET  /email/confirm  ?token=: a confirmation link followed: the address, a button
 *   POST /email/confirm  token: the address changes (a scanner's GET changes nothing)
 *
 * The answers never say whether an account, a login or an address exists to
 * someone who could not already prove it; the forms that send messages are
 * limited per address and per what was asked for.
 *
 * The pages live in login/: signin.c (/login, /login/code, /logout),
 * register.c, recover.c, email.c, and forms.c for what the signed-out forms
 * share.  This file keeps the fields, the language switch and the routes.
 */
#include "core/crypto.h"
#include "core/lang.h"
#include "core/password.h"
#include "core/perr.h"
#include "core/valid.h"
#include "web/req.h"
#include "web/serve.h"
#include "web/session.h"
#include "login/login.h"

static const struct field fields[K__MAX] = {
        [K_LOGIN] = {"login", valid_text, 1, 64},
        /* ASVS 2.1.2: at least 64 characters allowed, more than 128 refused. */
        [K_PASSWORD] = {"password", valid_secret, 1, PASSWORD_MAX},
        [K_NEXT] = {"next", valid_local_path, 1, NEXT_MAX},
        [K_TO] = {"to", valid_lang, 2, 2},
        [K_ORG] = {"org", valid_int, 1, 4294967295LL},
        [K_NUMBER] = {"number", valid_code, 1, 20},
        [K_EMAIL] = {"email", valid_email, 3, 254},
        [K_PHONE] = {"phone", valid_phone, 0, 0},
        [K_WHO] = {"who", valid_text, 1, 254},
        [K_METHOD] = {"method", valid_token, 3, 5},
        [K_TOKEN] = {"token", valid_token, TOKEN_CHARS, TOKEN_CHARS},
        [K_HANDLE] = {"h", valid_token, TOKEN_CHARS, TOKEN_CHARS},
        [K_CODE] = {"code", valid_text, 1, 16},
        [K_NEW] = {"new_password", valid_secret, 1, PASSWORD_MAX},
        [K_CONFIRM] = {"confirm_password", valid_secret, 1, PASSWORD_MAX},
        /* "out", "out-all": how the last session ended; "joined": a login made (/access/join) */
        [K_DONE] = {"done", valid_token, 1, 16},
        [K_REMEMBER] = {"remember", valid_int, 1, 1}, /* no code in this browser for 30 days */
        [K_RESEND] = {"resend", valid_int, 1, 1},     /* another SMS code, please */
};

/*
 * A GET, which any site can make a browser send, changes only the cookie;
 * what is stored with the subscriber (and so the language of their
 * messages) changes by the header's POST form, which carries the CSRF token.
 */
static int lang_page(struct req *r)
{
	const struct fval *to = req_val(r, K_TO);
	enum perr e;

	if (to == NULL)
		return page_error(r, 400, "bad-request");
	if (r->method == M_POST)
		e = lang_remember(r, (enum lang)to->i);
	else
		e = lang_cookie(r, (enum lang)to->i);
	if (e != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, req_val(r, K_NEXT) ? req_val(r, K_NEXT)->s : "/");
}

/* A page that only says something (sent, done, confirmed). */
static int notice(struct req *r)
{
	(void)r;
	return 200;
}

static int too_large(struct req *r)
{
	return page_error(r, 413, "too-large");
}

static const struct page pages[] = {
	{"/login", M_GET | M_POST, PAGE_PUBLIC, "login", login_page},
	{"/login/code", M_GET | M_POST, PAGE_PUBLIC, "login-code", code_page},
	{"/logout", M_POST, PAGE_SESSION | PAGE_SIGN_OUT, "logout", logout_post},
	{"/lang", M_GET | M_POST, PAGE_PUBLIC, "lang", lang_page},
	{"/_error/413", M_GET, PAGE_PUBLIC, "error", too_large},
	{"/register", M_GET | M_POST, PAGE_PUBLIC, "register", register_page},
	{"/register/sent", M_GET, PAGE_PUBLIC, "register-sent", notice},
	{"/recover", M_GET | M_POST, PAGE_PUBLIC, "recover", recover_page},
	{"/recover/sent", M_GET, PAGE_PUBLIC, "recover-sent", notice},
	{"/recover/link", M_GET | M_POST, PAGE_PUBLIC, "recover-link", recover_link},
	{"/recover/code", M_GET | M_POST, PAGE_PUBLIC, "recover-code", recover_code},
	{"/recover/done", M_GET, PAGE_PUBLIC, "recover-done", notice},
	{"/email/confirm", M_GET | M_POST, PAGE_PUBLIC, "email-confirm", email_confirm},
};

static const struct section section = {
	.name = "login", .pages = pages, .npages = sizeof(pages) / sizeof(pages[0]), .fields = fields,
	.nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
