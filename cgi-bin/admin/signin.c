/*
 * admin/signin.c: the console's sign-in: a password, then a code from the staff
 * member's app (or a recovery code); the first time, enrolling the app.
 * Sign-in attempts are limited as the subscribers' are (web/signin_limit.h).
 */
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/login.h"
#include "core/perr.h"
#include "core/totp.h"
#include "core/valid.h"
#include "db/db.h"
#include "db/staff.h"
#include "doc/enrol.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/console.h"
#include "web/signin_limit.h"
#include "web/staff_session.h"
#include "admin/admin.h"

static const char *next_of(struct req *r)
{
	const struct fval *n = req_val(r, K_NEXT);

	/* Only back into the console, never to its sign-in pages. */
	if (n == NULL || strncmp(n->s, "/admin", 6) != 0 || (n->s[6] != '\0' && n->s[6] != '/') ||
	    strncmp(n->s, "/admin/login", 12) == 0 || strncmp(n->s, "/admin/logout", 13) == 0)
		return "/admin";
	return n->s;
}

static int signin_form(struct req *r, const char *what, int status, const char *err)
{
	xmlNodePtr f = xml_elem(r->root, "signin");

	if (f == NULL || xml_attr(f, "step", what) || xml_text(f, "next", next_of(r)) == NULL ||
	    xml_done(r, K_DONE) != 0 || (err != NULL && xml_form_error(r, NULL, err) != 0))
		return page_error(r, 500, "internal");
	if (req_val(r, K_LOGIN) && xml_text(f, "login", req_val(r, K_LOGIN)->s) == NULL)
		return page_error(r, 500, "internal");
	return status == 200 ? 200 : page_status(r, status);
}

int login_page(struct req *r)
{
	const struct fval *login = req_val(r, K_LOGIN), *pw = req_val(r, K_PASSWORD);
	struct signin_subject subj;
	char key[LOGIN_BYTES];
	struct staff st;
	int rehash = 0, ok;
	long long wait;
	enum perr e;

	if (r->signed_in)
		return page_redirect(r, next_of(r));
	if (r->method != M_POST)
		return signin_form(r, "password", 200, NULL);
	if (login == NULL || pw == NULL)
		return signin_form(r, "password", 400, "login-required");
	/* Looked up in its normal form (core/login.h); the form shows it as typed. */
	if (login_normalize(login->s, key, sizeof(key)) != 0)
		return signin_form(r, "password", 422, "bad-credentials");
	signin_subject_staff(r, key, &subj);
	if ((e = signin_try(r, &subj, &wait)) != PERR_OK)
		return page_fail(r, e);
	if (wait > 0) {
		if ((e = db_staff_login_record(key, r->remote_addr, STAFF_LOGIN_LOCKED, 0)) !=
		    PERR_OK)
			return page_fail(r, e);
		return signin_form(r, "password", 429, "locked");
	}
	e = db_staff_by_login(r->arena, key, &st);
	if (e != PERR_OK && e != PERR_NOT_FOUND)
		return page_fail(r, e);
	/* An unknown login costs a verify too: same time, same answer. */
	ok = password_verify(e == PERR_OK ? st.password_hash : NULL, pw->s, pw->len, &rehash) == 0;
	if (!ok) {
		if ((e = db_staff_login_record(key, r->remote_addr, STAFF_LOGIN_FAIL,
		                               e == PERR_OK ? st.id : 0)) != PERR_OK)
			return page_fail(r, e);
		return signin_form(r, "password", 422, "bad-credentials");
	}
	if ((e = staff_session_start(r, st.id, st.enrolled ? "password" : "enrol")) != PERR_OK)
		return page_fail(r, e);
	if (req_val(r, K_NEXT) == NULL)
		return page_redirect(r, st.enrolled ? "/admin/login/code" : "/admin/login/enrol");
	return page_redirect(r,
	                     arena_printf(r->arena, "%s?next=%s",
	                                  st.enrolled ? "/admin/login/code" : "/admin/login/enrol",
	                                  next_of(r)));
}

/* Signed in for good: a new session id, the record and the audit row. */
static int signed_in(struct req *r, const char *how)
{
	uint64_t id = r->staff->staff_id;
	const char *login = r->staff->login;
	struct signin_subject subj;
	enum perr e;

	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	signin_subject_staff(r, login, &subj);
	if ((e = console_audit(r, 0, "sign-in", "staff", console_u64(r->arena, id), NULL, how)) !=
	            PERR_OK ||
	    (e = staff_session_start(r, id, "ok")) != PERR_OK ||
	    (e = signin_passed(&subj)) != PERR_OK ||
	    (e = db_staff_login_record(login, r->remote_addr, STAFF_LOGIN_OK, id)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		r->nheaders = 0;
		return page_fail(r, e);
	}
	return 0;
}

int code_page(struct req *r)
{
	const struct fval *code = req_val(r, K_CODE);
	struct staff_totp t;
	unsigned char secret[TOTP_SECRET_BYTES], hash[32];
	struct signin_subject subj;
	uint64_t step = 0;
	long long wait;
	int st;
	const char *how = "totp";
	enum perr e;

	if (r->signed_in)
		return page_redirect(r, next_of(r));
	if (r->staff == NULL || strcmp(r->staff->step, "password") != 0)
		return page_redirect(r, "/admin/login");
	if (r->method != M_POST)
		return signin_form(r, "code", 200, NULL);
	/* Codes count against the same login as passwords; only a whole sign-in clears it. */
	signin_subject_staff(r, r->staff->login, &subj);
	if ((e = signin_try(r, &subj, &wait)) != PERR_OK)
		return page_fail(r, e);
	if (wait > 0)
		return signin_form(r, "code", 429, "locked");
	if (code == NULL)
		return signin_form(r, "code", 400, "code-required");
	if ((e = db_staff_totp(r->arena, r->staff->staff_id, &t)) != PERR_OK)
		return page_fail(r, e);
	if (totp_open(cfg.totp_key, t.secret, t.secret_len, secret) != 0) {
		log_msg(LOG_ERR, "staff %llu: the TOTP secret does not open with [admin] totp_key",
		        (unsigned long long)r->staff->staff_id);
		return page_error(r, 500, "internal");
	}
	if (totp_check(secret, time(NULL), code->s, &step) == 0) {
		e = db_staff_totp_use(r->staff->staff_id, step);
		sodium_memzero(secret, sizeof(secret));
		if (e == PERR_CONFLICT)
			return signin_form(r, "code", 422, "code-used");
		if (e != PERR_OK)
			return page_fail(r, e);
	} else {
		sodium_memzero(secret, sizeof(secret));
		how = "recovery-code";
		e = recovery_code_hash(code->s, hash) == 0
		            ? db_staff_recovery_use(r->staff->staff_id, hash)
		            : PERR_NOT_FOUND;
		if (e == PERR_NOT_FOUND) {
			if ((e = db_staff_login_record(r->staff->login, r->remote_addr,
			                               STAFF_CODE_FAIL, r->staff->staff_id)) !=
			    PERR_OK)
				return page_fail(r, e);
			return signin_form(r, "code", 422, "bad-code");
		}
		if (e != PERR_OK)
			return page_fail(r, e);
	}
	if ((st = signed_in(r, how)) != 0)
		return st;
	return page_redirect(r, next_of(r));
}

static int enrol_show(struct req *r, const unsigned char secret[TOTP_SECRET_BYTES], int status,
                      const char *err)
{
	int st;

	if ((st = signin_form(r, "enrol", 200, err)) != 200)
		return st;
	if (enrol_xml(r->arena, r->root, r->staff->login, secret) != 0)
		return page_error(r, 500, "internal");
	return status == 200 ? 200 : page_status(r, status);
}

static int recovery_codes_issue(struct req *r, xmlNodePtr parent)
{
	unsigned char hashes[RECOVERY_CODES][32];
	char codes[RECOVERY_CODES][RECOVERY_CODE_CHARS + 1];
	xmlNodePtr list = xml_elem(parent, "recovery-codes");
	unsigned i;

	if (list == NULL || recovery_codes_make(codes, hashes) != 0)
		return -1;
	for (i = 0; i < RECOVERY_CODES; i++)
		if (xml_text(list, "code", codes[i]) == NULL)
			return -1;
	return db_staff_recovery_set(r->staff->staff_id, (const unsigned char(*)[32])hashes,
	                             RECOVERY_CODES) == PERR_OK
	               ? 0
	               : -1;
}

int enrol_page(struct req *r)
{
	const struct fval *code = req_val(r, K_CODE);
	unsigned char secret[TOTP_SECRET_BYTES], sealed[TOTP_SEALED_BYTES];
	char b32[TOTP_BASE32_CHARS + 1];
	struct staff_totp t;
	uint64_t step = 0;
	xmlNodePtr done;
	int st;
	enum perr e;

	if (r->signed_in)
		return page_redirect(r, "/admin");
	if (r->staff == NULL || strcmp(r->staff->step, "enrol") != 0)
		return page_redirect(r, "/admin/login");
	if (!cfg.have_totp_key) {
		log_msg(LOG_ERR, "[admin] totp_key is not set: staff cannot enrol");
		return page_error(r, 500, "internal");
	}
	if ((e = db_staff_totp(r->arena, r->staff->staff_id, &t)) != PERR_OK)
		return page_fail(r, e);
	/* One secret per enrolment: showing the page again shows the same one. */
	if (totp_open(cfg.totp_key, t.pending, t.pending_len, secret) != 0) {
		totp_secret_new(secret, b32);
		sodium_memzero(b32, sizeof(b32));
		totp_seal(cfg.totp_key, secret, sealed);
		if ((e = db_staff_totp_pending(r->staff->staff_id, sealed, sizeof(sealed))) !=
		    PERR_OK)
			return page_fail(r, e);
	}
	if (r->method != M_POST || code == NULL)
		return enrol_show(r, secret, r->method == M_POST ? 400 : 200,
		                  r->method == M_POST ? "code-required" : NULL);
	if (totp_check(secret, time(NULL), code->s, &step) != 0)
		return enrol_show(r, secret, 422, "bad-code");
	sodium_memzero(secret, sizeof(secret));

	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_staff_totp_enrol(r->staff->staff_id, step)) != PERR_OK) {
		db_rollback();
		return e == PERR_CONFLICT ? page_redirect(r, "/admin/login") : page_fail(r, e);
	}
	if ((done = xml_elem(r->root, "enrolled")) == NULL || recovery_codes_issue(r, done) != 0 ||
	    console_audit(r, 0, "enrol-factor", "staff", console_u64(r->arena, r->staff->staff_id),
	                  NULL, NULL) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_error(r, 500, "internal");
	}
	if ((st = signed_in(r, "enrol")) != 0)
		return st;
	/*
	 * The one answer to a POST that is a page, not a 303: the recovery codes
	 * exist in clear only here, and must not be kept anywhere to redirect to
	 * (every page is sent Cache-Control: no-store, so no cache keeps them).
	 */
	if (xml_text(done, "next", next_of(r)) == NULL)
		return page_error(r, 500, "internal");
	return 200;
}

int logout_post(struct req *r)
{
	enum perr e;

	if (r->staff != NULL && r->signed_in &&
	    (e = console_audit(r, 0, "sign-out", "staff", console_u64(r->arena, r->staff->staff_id),
	                       NULL, NULL)) != PERR_OK)
		return page_fail(r, e);
	if ((e = staff_session_end(r)) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, "/admin/login?done=out");
}
