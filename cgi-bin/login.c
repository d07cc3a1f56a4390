/*
 * login.c: signing in and out, and the language switch.
 *
 *   GET  /login          the form (?next=/local/path is carried through)
 *   POST /login          check the password, start a session, 303 to next
 *   POST /logout         end the session, 303 to /login
 *   GET  /lang           ?to=ru|en&next=/path: remember the language, 303 back
 *   GET  /_error/413     nginx's own refusals, rendered like every other page
 */
#include "portal.h"

enum key { K_LOGIN, K_PASSWORD, K_NEXT, K_TO, K__MAX };

static const struct field fields[K__MAX] = {
	[K_LOGIN] = {"login", valid_text, 1, 64},
	/* ASVS 2.1.2: at least 64 characters allowed, more than 128 refused. */
	[K_PASSWORD] = {"password", valid_secret, 1, 128},
	[K_NEXT] = {"next", valid_local_path, 1, 512},
	[K_TO] = {"to", valid_lang, 2, 2},
};

static const char *next_of(struct req *r)
{
	const struct fval *n = req_val(r, K_NEXT);

	/* Never back to the sign-in pages themselves. */
	if (n == NULL || strncmp(n->s, "/login", 6) == 0 || strncmp(n->s, "/logout", 7) == 0)
		return "/";
	return n->s;
}

static int form(struct req *r, const char *login)
{
	xmlNodePtr f = xml_elem(r->root, "login-form");

	if (f == NULL || xml_text(f, "next", next_of(r)) == NULL ||
	    (login != NULL && xml_text(f, "login", login) == NULL))
		return page_error(r, 500, "internal");
	return 200;
}

static int login_get(struct req *r)
{
	if (r->sess != NULL)
		return page_redirect(r, next_of(r));
	return form(r, NULL);
}

/* A refused attempt: the form again, with one message for every cause. */
static int refuse(struct req *r, const char *login, int status, const char *code)
{
	int st = form(r, login);

	if (st != 200 || xml_form_error(r, NULL, code) != 0)
		return page_error(r, 500, "internal");
	return page_status(r, status);
}

static int login_post(struct req *r)
{
	const struct fval *login = req_val(r, K_LOGIN), *pw = req_val(r, K_PASSWORD);
	struct subscriber sub;
	long long by_login = 0, by_ip = 0;
	int rehash = 0, ok;
	char hash[128];
	enum perr e;

	if (login == NULL || pw == NULL)
		return refuse(r, login ? login->s : NULL, 400, "login-required");

	e = db_login_failures(r->arena, login->s, r->remote_addr, cfg.login_window, &by_login,
			      &by_ip);
	if (e != PERR_OK)
		return page_error(r, e == PERR_DB_DOWN ? 503 : 500, "db-down");
	if (by_login >= cfg.login_max_fail_login || by_ip >= cfg.login_max_fail_ip) {
		if (db_login_record(login->s, r->remote_addr, LOGIN_LOCKED, 0) != PERR_OK)
			return page_error(r, 503, "db-down");
		log_msg(LOG_WARN, "sign-in refused: too many failures (login %lld, address %lld)",
			by_login, by_ip);
		if (req_header(r, "Retry-After", "900") != 0)
			return page_error(r, 500, "internal");
		return refuse(r, login->s, 429, "locked");
	}

	e = db_subscriber_by_login(r->arena, login->s, &sub);
	if (e != PERR_OK && e != PERR_NOT_FOUND)
		return page_error(r, 503, "db-down");
	/* Unknown logins are verified against a dummy hash: same time, same answer. */
	ok = password_verify(e == PERR_OK ? sub.password_hash : NULL, pw->s, pw->len, &rehash) == 0;
	if (!ok) {
		if (db_login_record(login->s, r->remote_addr, LOGIN_FAIL,
				    e == PERR_OK ? sub.id : 0) != PERR_OK)
			return page_error(r, 503, "db-down");
		return refuse(r, login->s, 422, "bad-credentials");
	}

	if (db_begin() != PERR_OK)
		return page_error(r, 503, "db-down");
	if (rehash && password_hash(pw->s, pw->len, hash, sizeof(hash)) == 0 &&
	    db_subscriber_set_password(sub.id, hash) != PERR_OK)
		goto fail;
	if (session_start(r, sub.id) != PERR_OK ||
	    db_login_record(login->s, r->remote_addr, LOGIN_OK, sub.id) != PERR_OK)
		goto fail;
	if (db_commit() != PERR_OK)
		goto fail;
	/* Expired rows of everyone are cleared a few at a time, on sign-in only. */
	if (db_session_purge(cfg.session_idle, cfg.session_absolute) != PERR_OK)
		log_msg(LOG_WARN, "could not purge expired sessions");
	return page_redirect(r, next_of(r));
fail:
	db_rollback();
	r->nheaders = 0; /* no cookie for a session that was never stored */
	return page_error(r, 503, "db-down");
}

static int logout_post(struct req *r)
{
	if (session_end(r) != PERR_OK)
		return page_error(r, 503, "db-down");
	return page_redirect(r, "/login");
}

static int lang_get(struct req *r)
{
	const struct fval *to = req_val(r, K_TO);

	if (to == NULL)
		return page_error(r, 400, "bad-request");
	if (req_cookie(r, "lang", to->s, 365L * 24 * 3600, 1) != 0)
		return page_error(r, 500, "internal");
	return page_redirect(r, req_val(r, K_NEXT) ? req_val(r, K_NEXT)->s : "/");
}

static int too_large(struct req *r)
{
	return page_error(r, 413, "too-large");
}

/* GET and POST of /login share a path: pick by method. */
static int login_page(struct req *r)
{
	return r->method == M_POST ? login_post(r) : login_get(r);
}

static const struct page pages[] = {
	{"/login", M_GET | M_POST, PAGE_PUBLIC, "login", login_page},
	{"/logout", M_POST, PAGE_SESSION, "logout", logout_post},
	{"/lang", M_GET, PAGE_PUBLIC, "lang", lang_get},
	{"/_error/413", M_GET, PAGE_PUBLIC, "error", too_large},
};

static const struct section section = {
	"login", pages, sizeof(pages) / sizeof(pages[0]), fields, K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
