/*
 * admin.c: the operator console, for the organization's staff.
 *
 * Signing in (a password, then a code; the first time, enrolling a code app):
 *   GET  /admin/login             the form                POST: check the password
 *   GET  /admin/login/code        the code form           POST: a TOTP or recovery code
 *   GET  /admin/login/enrol       the QR code to scan     POST: its first code; shows
 *                                 the ten recovery codes, once
 *   POST /admin/logout
 *
 * Signed in (each action checked against the role, each object against the
 * staff member's organizations: another organization's object is a 404):
 *   GET  /admin                   overview per organization
 *   GET  /admin/subscribers       search: ?by=account|address|login|name|email|phone&q=&after=
 *   GET  /admin/subscriber?id=    profile, accounts, sessions, sign-ins
 *   POST /admin/subscriber/block | unblock | end-sessions | reset-link     id
 *   POST /admin/subscriber/two-factor-off   id, password: for one who lost phone and codes
 *   GET  /admin/appeals?status=   subscribers' appeals, the latest change first
 *   GET  /admin/appeal?id=        the thread with the staff's notes
 *   POST /admin/appeal/answer     id, text, status, files (multipart): told to the subscriber
 *   POST /admin/appeal/note       id, text: for staff only
 *   POST /admin/appeal/assign     id, take (1: mine, 0: nobody's)
 *   GET  /admin/appeal/file?id=   an attachment, as a download
 *   GET  /admin/requests          mobile-phone changes waiting
 *   POST /admin/requests/approve  id             POST /admin/requests/reject  id, reason
 *   GET  /admin/news              announcements  GET|POST /admin/news/new
 *   GET|POST /admin/organization  ?id=: the organization's details (password to save)
 *   GET  /admin/staff             GET|POST /admin/staff/new
 *   POST /admin/staff/role (id, role, password) | disable | enable | reset-factor (id)
 *   GET  /admin/audit             the audit log, filtered, paged; ?format=csv
 *
 * Every action writes an audit row in the transaction that does it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "app/appeal.h"
#include "app/link.h"
#include "app/news.h"
#include "app/refund.h"
#include "app/settle.h"
#include "billing/access.h"
#include "billing/account.h"
#include "billing/receipt.h"
#include "core/arena.h"
#include "core/attachment.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/login.h"
#include "core/money.h"
#include "core/password.h"
#include "core/perr.h"
#include "core/totp.h"
#include "core/useragent.h"
#include "core/valid.h"
#include "db/audit.h"
#include "db/account.h"
#include "db/appeal.h"
#include "db/appeal_topic.h"
#include "db/contact.h"
#include "db/db.h"
#include "db/directory.h"
#include "db/help.h"
#include "db/help_edit.h"
#include "db/news.h"
#include "db/organization.h"
#include "db/outbox.h"
#include "db/online.h"
#include "db/overview.h"
#include "db/reading.h"
#include "db/refund.h"
#include "db/session.h"
#include "db/staff.h"
#include "db/subscriber.h"
#include "db/two_factor.h"
#include "doc/enrol.h"
#include "doc/qr.h"
#include "doc/xml.h"
#include "net/provider.h"
#include "web/form.h"
#include "web/req.h"
#include "web/appeal_upload.h"
#include "web/serve.h"
#include "web/upload.h"
#include "web/console.h"
#include "web/signin_limit.h"
#include "web/staff_session.h"

enum key {
	K_LOGIN,
	K_PASSWORD,
	K_NEXT,
	K_CODE,
	K_DONE,
	K_Q,
	K_BY,
	K_AFTER,
	K_ID,
	K_REASON,
	K_ORG,
	K_TITLE_RU,
	K_BODY_RU,
	K_TITLE_EN,
	K_BODY_EN,
	K_AUDIENCE,
	K_TARGETS,
	K_PUBLISH_AT,
	K_ROLE,
	K_FULL_NAME,
	K_NEW_PASSWORD,
	K_NAME,
	K_INN,
	K_KPP,
	K_ADDRESS,
	K_PHONES,
	K_EMAIL,
	K_WEBSITE,
	K_BANK_NAME,
	K_BIC,
	K_BANK_ACCOUNT,
	K_CORR_ACCOUNT,
	K_RECEIPT_NOTE,
	K_TIME_ZONE,
	K_READINGS_FROM,
	K_READINGS_TO,
	K_PAY_BY_DAY,
	K_MONTH_DAYS,
	K_PROMISE_DAYS,
	K_PROMISE_LIMIT,
	K_STAFF,
	K_ACTION,
	K_OBJECT,
	K_OBJECT_ID,
	K_FROM,
	K_TO,
	K_BEFORE,
	K_FORMAT,
	K_AMOUNT,
	K_KEY,
	K_NUMBER,
	K_ACCOUNT,
	K_CHANNEL,
	K_METER,
	K_ZONE,
	K_VALUE,
	K_TAKEN_ON,
	K_SHORT_NAME,
	K_OFFICE_ADDRESS,
	K_OFFICE_HOURS,
	K_OFFICE_PHONE,
	K_OFFICE_EMAIL,
	K_OFFICE_SERVES,
	K_OFFICE,
	K_TEXT,
	K_STATUS,
	K_TAKE,
	K_QUESTION_RU,
	K_ANSWER_RU,
	K_QUESTION_EN,
	K_ANSWER_EN,
	K_RULES_RU,
	K_RULES_EN,
	K_TOPIC_CODE,
	K_FORM,
	K_NAME_RU,
	K_NAME_EN,
	K_ACTIVE,
	K__MAX
};

static const struct field fields[K__MAX] = {
        [K_LOGIN] = {"login", valid_text, 1, 64},
        [K_PASSWORD] = {"password", valid_secret, 1, PASSWORD_MAX},
        [K_NEXT] = {"next", valid_local_path, 1, NEXT_MAX},
        [K_CODE] = {"code", valid_text, 1, 16},
        [K_DONE] = {"done", valid_token, 1, 20},
        [K_Q] = {"q", valid_text, 1, 200},
        [K_BY] = {"by", valid_token, 1, 10},
        [K_AFTER] = {"after", valid_int, 0, 9007199254740991LL},
        [K_ID] = {"id", valid_int, 1, 9007199254740991LL},
        [K_TEXT] = {"text", valid_lines, 1, 4000},
        [K_STATUS] = {"status", valid_token, 3, 12},
        [K_TAKE] = {"take", valid_int, 0, 1}, /* 1: the appeal is mine; 0: nobody's */
        [K_REASON] = {"reason", valid_text, 2, 300},
        [K_ORG] = {"org", valid_int, 1, 4294967295LL},
        [K_TITLE_RU] = {"title_ru", valid_text, 2, 200},
        [K_BODY_RU] = {"body_ru", valid_lines, 2, 4000}, /* paragraphs: .news-body keeps them */
        [K_TITLE_EN] = {"title_en", valid_text, 2, 200},
        [K_BODY_EN] = {"body_en", valid_lines, 2, 4000},
        [K_AUDIENCE] = {"audience", valid_token, 3, 9},
        [K_TARGETS] = {"targets", valid_lines, 1, 4000}, /* one a line */
        [K_PUBLISH_AT] = {"publish_at", valid_text, 16, 19},
        [K_ROLE] = {"role", valid_token, 5, 10},
        [K_FULL_NAME] = {"full_name", valid_text, 2, 200},
        [K_NEW_PASSWORD] = {"new_password", valid_secret, 1, PASSWORD_MAX},
        [K_NAME] = {"name", valid_text, 2, 200},
        [K_INN] = {"inn", valid_code, 10, 12},
        [K_KPP] = {"kpp", valid_code, 9, 9},
        [K_ADDRESS] = {"address", valid_text, 5, 300},
        [K_PHONES] = {"phones", valid_text, 5, 100},
        [K_EMAIL] = {"email", valid_email, 3, 254},
        [K_WEBSITE] = {"website", valid_text, 4, 200},
        [K_BANK_NAME] = {"bank_name", valid_text, 2, 200},
        [K_BIC] = {"bic", valid_code, 8, 9}, /* 9 digits in Russia, a SWIFT code in Kazakhstan */
        [K_BANK_ACCOUNT] = {"bank_account", valid_code, 20, 20},
        [K_CORR_ACCOUNT] = {"corr_account", valid_code, 20, 20},
        [K_RECEIPT_NOTE] = {"receipt_note", valid_text, 1, 1000},
        [K_TIME_ZONE] = {"time_zone", valid_text, 3, 64},
        [K_READINGS_FROM] = {"readings_from", valid_int, 1, 31},
        [K_READINGS_TO] = {"readings_to", valid_int, 1, 31},
        [K_PAY_BY_DAY] = {"pay_by_day", valid_int, 1, 28},
        [K_MONTH_DAYS] = {"month_days_x10", valid_int, 0, 305},
        /* The promised payment's rule (sql/054): days (0: none) and the debt limit. */
        [K_PROMISE_DAYS] = {"promise_days", valid_int, 0, 30},
        [K_PROMISE_LIMIT] = {"promise_limit", valid_text, 1, 24},
        [K_STAFF] = {"staff", valid_text, 1, 64},
        [K_ACTION] = {"action", valid_token, 1, 32},
        [K_OBJECT] = {"object", valid_token, 1, 16},
        [K_OBJECT_ID] = {"object_id", valid_text, 1, 64},
        [K_FROM] = {"from", valid_date, 0, 0},
        [K_TO] = {"to", valid_date, 0, 0},
        [K_BEFORE] = {"before", valid_int, 1, 9007199254740991LL},
        [K_FORMAT] = {"format", valid_token, 3, 4},
        [K_AMOUNT] = {"amount", valid_text, 1, 20},
        [K_KEY] = {"key", valid_token, TOKEN_CHARS, TOKEN_CHARS},
        [K_NUMBER] = {"number", valid_code, 1, 20},
        [K_ACCOUNT] = {"account", valid_int, 1, 4294967295LL},
        [K_CHANNEL] = {"channel", valid_token, 3, 5},
        [K_METER] = {"meter", valid_text, 1, 32},
        [K_ZONE] = {"zone", valid_int, 1, 3},
        [K_VALUE] = {"value", valid_decimal, 0, 999999999999LL},
        [K_TAKEN_ON] = {"taken_on", valid_date, 0, 0},
        [K_SHORT_NAME] = {"short_name", valid_text, 2, 60},
        [K_OFFICE_ADDRESS] = {"office_address", valid_text, 5, 300},
        [K_OFFICE_HOURS] = {"office_hours", valid_text, 3, 200},
        [K_OFFICE_PHONE] = {"office_phone", valid_text, 5, 100},
        [K_OFFICE_EMAIL] = {"office_email", valid_email, 3, 254},
        [K_QUESTION_RU] = {"question_ru", valid_text, 3, 300},
        [K_ANSWER_RU] = {"answer_ru", valid_lines, 2, 4000},
        [K_QUESTION_EN] = {"question_en", valid_text, 3, 300},
        [K_ANSWER_EN] = {"answer_en", valid_lines, 2, 4000},
        [K_RULES_RU] = {"rules_ru", valid_lines, 1, 20000},
        [K_RULES_EN] = {"rules_en", valid_lines, 1, 20000},
        [K_TOPIC_CODE] = {"topic_code", valid_token, 2, 20},
        [K_FORM] = {"form", valid_token, 1, 20},
        [K_NAME_RU] = {"name_ru", valid_text, 2, 100},
        [K_NAME_EN] = {"name_en", valid_text, 2, 100},
        [K_ACTIVE] = {"active", valid_int, 0, 1},
        [K_OFFICE_SERVES] = {"office_serves", valid_text, 3, 200},
        [K_OFFICE] = {"office", valid_int, 1, 4294967295LL},
};

/* ---------------------------------------------------------------- signing in */

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

static int login_page(struct req *r)
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
	return page_redirect(r, arena_printf(r->arena, "%s?next=%s",
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
	if ((e = console_audit(r, 0, "sign-in", "staff", console_u64(r->arena, id), NULL, how)) != PERR_OK ||
	    (e = staff_session_start(r, id, "ok")) != PERR_OK || (e = signin_passed(&subj)) != PERR_OK ||
	    (e = db_staff_login_record(login, r->remote_addr, STAFF_LOGIN_OK, id)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		r->nheaders = 0;
		return page_fail(r, e);
	}
	return 0;
}

static int code_page(struct req *r)
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
						       STAFF_CODE_FAIL, r->staff->staff_id)) != PERR_OK)
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

static int enrol_page(struct req *r)
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
		if ((e = db_staff_totp_pending(r->staff->staff_id, sealed, sizeof(sealed))) != PERR_OK)
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
	    console_audit(r, 0, "enrol-factor", "staff", console_u64(r->arena, r->staff->staff_id), NULL,
		  NULL) != PERR_OK ||
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

static int logout_post(struct req *r)
{
	enum perr e;

	if (r->staff != NULL && r->signed_in &&
	    (e = console_audit(r, 0, "sign-out", "staff", console_u64(r->arena, r->staff->staff_id), NULL,
		       NULL)) != PERR_OK)
		return page_fail(r, e);
	if ((e = staff_session_end(r)) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, "/admin/login?done=out");
}

/* ---------------------------------------------------------------- overview */

struct row_ctx {
	struct req *r;
	xmlNodePtr list;
};

static int money_xml(struct req *r, xmlNodePtr parent, const char *name, money_t v,
		     const char *currency);

static enum perr overview_row(void *p, const struct overview *o)
{
	struct row_ctx *x = p;
	struct req *r = x->r;
	xmlNodePtr n = xml_elem(x->list, "org");

	if (n == NULL || xml_attr_int(n, "id", o->org) || xml_text(n, "name", o->name) == NULL ||
	    xml_int(n, "signups-today", o->signups_today) == NULL ||
	    xml_int(n, "signups-month", o->signups_month) == NULL ||
	    xml_int(n, "signins-today", o->signins_today) == NULL ||
	    xml_int(n, "signins-month", o->signins_month) == NULL ||
	    xml_int(n, "paid-count", o->paid_count) == NULL ||
	    money_xml(r, n, "paid-sum", o->paid_sum, o->currency) ||
	    xml_int(n, "failed-count", o->failed_count) == NULL ||
	    xml_int(n, "readings", o->readings) == NULL || xml_int(n, "meters", o->meters) == NULL ||
	    xml_int(n, "open-requests", o->open_requests) == NULL ||
	    xml_int(n, "undelivered", o->undelivered) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static int overview_get(struct req *r)
{
	char day[24], month[24];
	time_t now = time(NULL);
	struct row_ctx x = {r, NULL};
	struct tm tm;
	enum perr e;

	REQUIRE(r, A_READ);
	gmtime_r(&now, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d 00:00:00", &tm);
	strftime(month, sizeof(month), "%Y-%m-01 00:00:00", &tm);
	if ((e = console_staff_xml(r)) != PERR_OK || xml_done(r, K_DONE) != 0)
		return page_fail(r, e != PERR_OK ? e : PERR_NOMEM);
	if ((x.list = xml_elem(r->root, "overview")) == NULL)
		return page_error(r, 500, "internal");
	e = db_overview(r->arena, r->staff->staff_id, day, month, overview_row, &x);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

/* ---------------------------------------------------------------- subscribers */

static const char *const search_kinds[] = {"account", "address", "login", "name", "email", "phone"};
#define SEARCH_PAGE 20

static enum perr found_row(void *p, const struct directory_row *d)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "row");

	if (n == NULL || xml_attr_int(n, "org", d->org) ||
	    (d->account_id && xml_attr(n, "account", console_u64(x->r->arena, d->account_id))) ||
	    (d->subscriber_id &&
	     xml_attr(n, "subscriber", console_u64(x->r->arena, d->subscriber_id))) ||
	    xml_attr(n, "active", d->active ? "1" : "0") || console_opt(n, "number", d->number) ||
	    console_opt(n, "payer", d->payer) || console_opt(n, "address", d->address) ||
	    console_opt(n, "login", d->login) || console_opt(n, "full-name", d->full_name) ||
	    console_opt(n, "email", d->email) || console_opt(n, "phone", d->phone) ||
	    xml_attr(n, "key", console_u64(x->r->arena, d->account_id ? d->account_id
								  : d->subscriber_id)))
		return PERR_NOMEM;
	return PERR_OK;
}

/*
 * A search form (?by=&q=): its element named name on the page with what was
 * asked, the kind chosen (by, default kinds[0]) as its index into kinds in
 * *kind.  0 to search; else the handler's answer: 200 for the blank form, or
 * the form refused.
 */
static int search_form(struct req *r, const char *name, const char *const *kinds, size_t n,
		       xmlNodePtr *form, size_t *kind)
{
	const struct fval *q = req_val(r, K_Q), *by = req_val(r, K_BY);
	const char *chosen = by ? by->s : kinds[0];

	if ((*form = xml_elem(r->root, name)) == NULL || xml_attr(*form, "by", chosen) ||
	    (q && xml_text(*form, "q", q->s) == NULL))
		return page_error(r, 500, "internal");
	if (q == NULL)
		return r->bad[K_Q] || r->bad[K_BY] ? page_refuse(r, 400, "q", "invalid") : 200;
	for (*kind = 0; *kind < n; (*kind)++)
		if (strcmp(chosen, kinds[*kind]) == 0)
			return 0;
	return page_refuse(r, 400, "by", "invalid");
}

static int search_get(struct req *r)
{
	const struct fval *q = req_val(r, K_Q), *after = req_val(r, K_AFTER);
	struct row_ctx x = {r, NULL};
	char phone[PHONE_MAX + 1];
	const char *text;
	xmlNodePtr s;
	char key[LOGIN_BYTES];
	size_t k;
	int st;
	enum perr e;

	REQUIRE(r, A_READ);
	if ((st = search_form(r, "search", search_kinds,
			      sizeof(search_kinds) / sizeof(search_kinds[0]), &s, &k)) != 0)
		return st;
	text = q->s;
	/* A phone is found however it was typed: stored numbers are E.164. */
	if (k == BY_PHONE) {
		if (phone_normalize(q->s, q->len, phone) != 0)
			return page_refuse(r, 422, "q", "phone-invalid");
		text = phone;
	}
	/* A login is found in the form it is stored in (core/login.h). */
	if (k == BY_LOGIN) {
		if (login_normalize(q->s, key, sizeof(key)) != 0)
			return page_refuse(r, 422, "q", "invalid");
		text = key;
	}
	if ((x.list = xml_elem(s, "rows")) == NULL)
		return page_error(r, 500, "internal");
	e = db_directory_search(r->arena, r->staff->staff_id, (enum directory_by)k, text,
				after ? (uint64_t)after->i : 0, SEARCH_PAGE + 1, found_row, &x);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static enum perr account_row(void *p, const struct directory_account *a)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "account");

	if (n == NULL || xml_attr(n, "id", console_u64(x->r->arena, a->id)) ||
	    xml_attr_int(n, "org", a->org) || xml_text(n, "number", a->number) == NULL ||
	    xml_text(n, "payer", a->payer) == NULL || xml_text(n, "address", a->address) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

/* A delegate's rights as the choice that gives them ("view", ...), or "other". */
static const char *rights_name(unsigned rights)
{
	const char *c = access_choice_of(rights);

	return c != NULL ? c : "other";
}

static enum perr delegate_row(void *p, const struct directory_delegate *d)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "delegate");

	if (n == NULL || xml_attr(n, "account", console_u64(x->r->arena, d->account)) ||
	    xml_attr(n, "id", console_u64(x->r->arena, d->subscriber)) ||
	    xml_attr(n, "rights", rights_name(d->rights)) ||
	    xml_text(n, "login", d->login) == NULL ||
	    xml_text(n, "full-name", d->full_name) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr shared_row(void *p, const struct directory_shared *a)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "account"), by;

	if (n == NULL || xml_attr(n, "id", console_u64(x->r->arena, a->account)) ||
	    xml_attr_int(n, "org", a->org) || xml_attr(n, "rights", rights_name(a->rights)) ||
	    xml_text(n, "number", a->number) == NULL ||
	    xml_text(n, "address", a->address) == NULL ||
	    (by = xml_text(n, "by", a->by_login)) == NULL ||
	    xml_attr(by, "id", console_u64(x->r->arena, a->by)))
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr session_row(void *p, const struct session_row *s)
{
	struct row_ctx *x = p;
	struct ua_desc ua = ua_describe(s->user_agent);
	xmlNodePtr n = xml_elem(x->list, "session");

	if (n == NULL || console_time(n, "created", s->created_at) || console_time(n, "seen", s->last_seen) ||
	    xml_text(n, "ip", s->ip) == NULL || console_opt(n, "browser", ua.browser) ||
	    console_opt(n, "os", ua.system))
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr sign_in_row(void *p, const struct sign_in_row *s)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "sign-in");

	if (n == NULL || xml_attr(n, "result", s->result) || console_time(n, "at", s->at) ||
	    xml_text(n, "ip", s->ip) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

/* The subscriber the request names, if theirs; else the answer (404). */
static int subscriber_of(struct req *r, struct directory_subscriber *s)
{
	const struct fval *id = req_val(r, K_ID);
	enum perr e;

	if (id == NULL)
		return page_error(r, 404, "not-found");
	e = db_directory_subscriber(r->arena, r->staff->staff_id, (uint64_t)id->i, s);
	return e == PERR_OK ? 0 : page_fail(r, e);
}

static int subscriber_page(struct req *r, int status, const char *field, const char *code);

static int subscriber_get(struct req *r)
{
	REQUIRE(r, A_READ);
	return subscriber_page(r, 200, NULL, NULL);
}

/* The profile, or the profile with a refused form (the link form's fields kept). */
static int subscriber_page(struct req *r, int status, const char *field, const char *code)
{
	static const size_t typed[] = {K_ORG, K_NUMBER};
	struct directory_subscriber s;
	struct row_ctx x = {r, NULL};
	struct sub_totp t;
	xmlNodePtr n;
	int st;
	enum perr e;

	if ((st = subscriber_of(r, &s)) != 0)
		return st;
	if ((e = console_staff_xml(r)) != PERR_OK || xml_typed(r, typed, 2) != 0)
		return page_fail(r, e != PERR_OK ? e : PERR_NOMEM);
	e = db_totp_get(r->arena, s.id, &t);
	if (e == PERR_NOT_FOUND)
		t.enabled = 0;
	else if (e != PERR_OK)
		return page_fail(r, e);
	n = xml_elem(r->root, "subscriber");
	if (n == NULL || xml_attr(n, "id", console_u64(r->arena, s.id)) ||
	    xml_attr(n, "active", s.active ? "1" : "0") || xml_attr_int(n, "org", s.org) ||
	    xml_text(n, "login", s.login) == NULL || xml_text(n, "full-name", s.full_name) == NULL ||
	    console_opt(n, "email", s.email) || console_opt(n, "phone", s.phone) ||
	    console_time(n, "created", s.created_at) || xml_text(n, "lang", s.lang) == NULL ||
	    (t.enabled && xml_attr(n, "two-factor", t.sms ? "sms" : "app")) ||
	    xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	if ((x.list = xml_elem(n, "accounts")) == NULL ||
	    (e = db_directory_accounts(r->arena, r->staff->staff_id, s.id, account_row, &x)) !=
		    PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	/* Who shares their accounts, and whose they share: what a call about access needs. */
	if ((x.list = xml_elem(n, "delegates")) == NULL ||
	    (e = db_directory_delegates(r->arena, r->staff->staff_id, s.id, delegate_row, &x)) !=
	            PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	if ((x.list = xml_elem(n, "shared")) == NULL ||
	    (e = db_directory_shared_with(r->arena, r->staff->staff_id, s.id, shared_row, &x)) !=
	            PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	if ((x.list = xml_elem(n, "sessions")) == NULL ||
	    (e = db_sessions_of(r->arena, s.id, session_row, &x)) != PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	if ((x.list = xml_elem(n, "sign-ins")) == NULL ||
	    (e = db_directory_sign_ins(r->arena, s.id, 20, sign_in_row, &x)) != PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	return code == NULL ? status : page_refuse(r, status, field, code);
}

/* Link one of their organization's accounts to the subscriber, by its number. */
static int link_post(struct req *r)
{
	const struct fval *org = req_val(r, K_ORG), *number = req_val(r, K_NUMBER);
	struct directory_subscriber s;
	struct account acc;
	const char *id;
	int st;
	enum perr e;

	REQUIRE(r, A_SUBSCRIBERS);
	if ((st = subscriber_of(r, &s)) != 0)
		return st;
	if (number == NULL)
		return subscriber_page(r, 400, "number", "invalid");
	if (org == NULL ||
	    (e = db_staff_in_org(r->arena, r->staff->staff_id, (unsigned)org->i)) == PERR_NOT_FOUND)
		return subscriber_page(r, 400, "org", "invalid");
	if (e != PERR_OK)
		return page_fail(r, e);
	e = db_account_by_number(r->arena, (uint64_t)org->i, number->s, &acc);
	if (e == PERR_NOT_FOUND)
		return subscriber_page(r, 422, "number", "unknown-account");
	if (e != PERR_OK)
		return page_fail(r, e);
	id = console_u64(r->arena, s.id);
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_account_link(s.id, acc.id);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return page_redirect(r, arena_printf(r->arena, "/admin/subscriber?id=%s&done=already-linked", id));
	}
	if (e != PERR_OK ||
	    (e = console_audit(r, (unsigned)org->i, "link-account", "subscriber", id, NULL, acc.number)) !=
		    PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, arena_printf(r->arena, "/admin/subscriber?id=%s&done=linked", id));
}

static int unlink_post(struct req *r)
{
	const struct fval *account = req_val(r, K_ACCOUNT);
	struct directory_subscriber s;
	struct directory_holder h;
	const char *id;
	int st;
	enum perr e;

	REQUIRE(r, A_SUBSCRIBERS);
	if ((st = subscriber_of(r, &s)) != 0)
		return st;
	if (account == NULL)
		return page_error(r, 404, "not-found");
	/* Theirs to unlink: an account of their organizations. */
	if ((e = db_directory_account(r->arena, r->staff->staff_id, (uint64_t)account->i, &h)) !=
	    PERR_OK)
		return page_fail(r, e);
	id = console_u64(r->arena, s.id);
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_account_unlink(s.id, h.id);
	if (e == PERR_OK)
		e = console_audit(r, h.org, "unlink-account", "subscriber", id, h.number, NULL);
	return console_commit(r, e,
			      arena_printf(r->arena, "/admin/subscriber?id=%s&done=unlinked", id));
}

/*
 * A login for an account's holder, made by the organization (as business
 * and alarm-company customers expect): the password is generated and goes
 * by SMS to the phone on file or by e-mail, through the outbox; staff never
 * see it.
 */
static int holder_form(struct req *r, const struct directory_holder *h, int status,
		       const char *field, const char *code)
{
	static const size_t typed[] = {K_LOGIN, K_EMAIL, K_CHANNEL};
	xmlNodePtr n = xml_elem(r->root, "holder");

	if (n == NULL || xml_attr(n, "id", console_u64(r->arena, h->id)) ||
	    xml_attr_int(n, "logins", h->logins) || xml_text(n, "number", h->number) == NULL ||
	    xml_text(n, "payer", h->payer) == NULL || xml_text(n, "address", h->address) == NULL ||
	    console_opt(n, "phone", h->phone) || xml_typed(r, typed, 3) != 0)
		return page_error(r, 500, "internal");
	return code == NULL ? status : page_refuse(r, status, field, code);
}

static int holder_login(struct req *r)
{
	char key[LOGIN_BYTES];
	const struct fval *account = req_val(r, K_ACCOUNT), *login = req_val(r, K_LOGIN),
			  *channel = req_val(r, K_CHANNEL), *email = req_val(r, K_EMAIL);
	struct directory_holder h;
	char password[GENERATED_PASSWORD_LEN + 1], hash[crypto_pwhash_STRBYTES];
	const char *params, *to, *via;
	uint64_t id = 0;
	enum perr e;

	REQUIRE(r, r->method == M_POST ? A_SUBSCRIBERS : A_READ);
	if (account == NULL)
		return page_error(r, 404, "not-found");
	e = db_directory_account(r->arena, r->staff->staff_id, (uint64_t)account->i, &h);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (r->method != M_POST)
		return holder_form(r, &h, 200, NULL, NULL);
	if (login == NULL || login->len < 3)
		return holder_form(r, &h, 400, "login", "invalid");
	/* Stored in its normal form (core/login.h): the one the subscriber signs in with. */
	if (login_normalize(login->s, key, sizeof(key)) != 0)
		return holder_form(r, &h, 400, "login", "invalid");
	via = channel ? channel->s : "";
	if (strcmp(via, "sms") == 0 && h.phone == NULL)
		return holder_form(r, &h, 422, "channel", "no-phone");
	if (strcmp(via, "email") == 0 && email == NULL)
		return holder_form(r, &h, 400, "email", "invalid");
	if (strcmp(via, "sms") != 0 && strcmp(via, "email") != 0)
		return holder_form(r, &h, 400, "channel", "invalid");
	to = strcmp(via, "sms") == 0 ? h.phone : email->s;
	password_generate(password);
	params = outbox_params(r->arena, "note",
			       (const char *[]){"login", key, "password", password}, 2);
	if (params == NULL || password_hash(password, strlen(password), hash, sizeof(hash)) != 0)
		return page_error(r, 500, "internal");
	sodium_memzero(password, sizeof(password));
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_subscriber_create(key, hash, h.payer, h.phone, r->lang, &id);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return holder_form(r, &h, 409, "login", "login-taken");
	}
	if (e == PERR_OK)
		e = db_account_link(id, h.id);
	if (e == PERR_OK)
		e = db_subscriber_set_current(id, h.id);
	if (e == PERR_OK)
		e = db_outbox_to(id, via, to, "registered", params);
	if (e == PERR_OK)
		e = console_audit(r, h.org, "create-login", "subscriber", console_u64(r->arena, id), NULL,
			  arena_printf(r->arena, "%s for %s, password by %s", key, h.number, via));
	return console_commit(r, e,
			      arena_printf(r->arena, "/admin/subscriber?id=%s&done=login-created",
					   console_u64(r->arena, id)));
}

/* block, unblock, end-sessions, reset-link: one audited change, then back to the profile. */
static int subscriber_act(struct req *r, const char *what)
{
	struct directory_subscriber s;
	const char *id;
	int st;
	enum perr e;

	REQUIRE(r, A_SUBSCRIBERS);
	if ((st = subscriber_of(r, &s)) != 0)
		return st;
	id = console_u64(r->arena, s.id);
	if (strcmp(what, "reset-link") == 0 && s.email == NULL)
		return page_redirect(r, arena_printf(r->arena, "/admin/subscriber?id=%s&done=no-email", id));
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if (strcmp(what, "block") == 0)
		e = db_directory_set_active(s.id, 0);
	else if (strcmp(what, "unblock") == 0)
		e = db_directory_set_active(s.id, 1);
	else if (strcmp(what, "reset-link") == 0)
		e = link_send(r->arena, s.id, s.login, "recovery", NULL, RECOVERY_TTL, s.email,
			      "recover-link");
	/* Blocking ends every session too: the lookup would refuse them anyway. */
	if (e == PERR_OK && strcmp(what, "unblock") != 0 && strcmp(what, "reset-link") != 0)
		e = db_sessions_end_all(s.id, 0);
	if (e == PERR_OK)
		e = console_audit(r, s.org, what, "subscriber", id,
			  strcmp(what, "block") == 0 || strcmp(what, "unblock") == 0
				  ? (s.active ? "active" : "blocked")
				  : NULL,
			  strcmp(what, "block") == 0	  ? "blocked"
			  : strcmp(what, "unblock") == 0 ? "active"
							 : NULL);
	return console_commit(r, e,
			      arena_printf(r->arena, "/admin/subscriber?id=%s&done=%s", id, what));
}

/* The subscriber's own pages in this browser, read-only: logged before it starts. */
static int view_as_post(struct req *r)
{
	struct directory_subscriber s;
	const char *id;
	int st;
	enum perr e;

	REQUIRE(r, A_SUBSCRIBERS);
	if ((st = subscriber_of(r, &s)) != 0)
		return st;
	if (!s.active)
		return page_redirect(r, arena_printf(r->arena, "/admin/subscriber?id=%llu&done=blocked",
						     (unsigned long long)s.id));
	id = console_u64(r->arena, s.id);
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = console_audit(r, s.org, "view-as", "subscriber", id, NULL, s.login)) != PERR_OK ||
	    (e = staff_view_as(r, s.id)) != PERR_OK || (e = db_commit()) != PERR_OK) {
		db_rollback();
		r->nheaders = 0;
		return page_fail(r, e);
	}
	return page_redirect(r, "/");
}

/*
 * Two-step sign-in off for a subscriber who lost both the phone and the
 * recovery codes, once staff have made sure who is asking: the staff
 * member's password again, the subscriber told by e-mail, the audit log.
 */
static int two_factor_off_post(struct req *r)
{
	struct directory_subscriber s;
	const char *id, *params;
	struct sub_totp t;
	int st, ok = 0;
	enum perr e;

	REQUIRE(r, A_SUBSCRIBERS);
	if ((st = subscriber_of(r, &s)) != 0)
		return st;
	id = console_u64(r->arena, s.id);
	e = db_totp_get(r->arena, s.id, &t);
	if (e == PERR_NOT_FOUND || (e == PERR_OK && !t.enabled))
		return page_redirect(r, arena_printf(r->arena, "/admin/subscriber?id=%s", id));
	if (e != PERR_OK)
		return page_fail(r, e);
	if ((st = console_password_again(r, req_val(r, K_PASSWORD), &ok)) != 0)
		return st;
	if (!ok)
		return subscriber_page(r, 422, "password", "password-wrong");
	params = outbox_params(r->arena, "note", (const char *[]){"login", s.login}, 1);
	if (params == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_totp_off(s.id)) == PERR_OK && s.email != NULL)
		e = db_outbox_to(s.id, "email", s.email, "two-factor-off", params);
	if (e == PERR_OK)
		e = console_audit(r, s.org, "two-factor-off", "subscriber", id,
				  t.sms ? "sms" : "app", "off");
	return console_commit(r, e,
			      arena_printf(r->arena, "/admin/subscriber?id=%s&done=two-factor-off", id));
}

static int block_post(struct req *r) { return subscriber_act(r, "block"); }
static int unblock_post(struct req *r) { return subscriber_act(r, "unblock"); }
static int end_sessions_post(struct req *r) { return subscriber_act(r, "end-sessions"); }
static int reset_link_post(struct req *r) { return subscriber_act(r, "reset-link"); }

/* ---------------------------------------------------------------- appeals */

/* What staff may set with an answer: not "new", which only the subscriber's writing makes. */
static int answer_status_valid(const char *s)
{
	static const char *const ok[] = {"in-progress", "waiting", "resolved", "closed"};
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (strcmp(s, ok[i]) == 0)
			return 1;
	return 0;
}

static int appeals_get(struct req *r)
{
	const struct fval *status = req_val(r, K_STATUS);
	struct appeal_list c = {NULL, r->lang, 1};
	enum perr e;

	REQUIRE(r, A_READ);
	if (status != NULL && !answer_status_valid(status->s) && strcmp(status->s, "new") != 0)
		return page_error(r, 400, "bad-request");
	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if ((c.list = xml_elem(r->root, "appeals")) == NULL ||
	    (status != NULL && xml_attr(c.list, "status", status->s)))
		return page_error(r, 500, "internal");
	e = db_appeals_of_staff(r->arena, r->staff->staff_id, status ? status->s : NULL,
				appeal_list_row, &c);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

/* The appeal named by id with its whole thread, or the page refused with one
 * message; an appeal of another organization is 404. */
static int appeal_page(struct req *r, struct appeal *ap, int status, const char *field,
		       const char *code)
{
	static const size_t typed[] = {K_TEXT, K_STATUS};
	const struct fval *id = req_val(r, K_ID);
	xmlNodePtr n;
	enum perr e;

	if (id == NULL)
		return page_error(r, 404, "not-found");
	if ((e = db_appeal_of_staff(r->arena, r->staff->staff_id, (uint64_t)id->i, ap)) != PERR_OK)
		return page_fail(r, e);
	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if ((n = appeal_xml(r->root, ap, r->lang, 1)) == NULL || xml_typed(r, typed, 2) != 0 ||
	    xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	if ((e = appeal_thread_xml(r->arena, n, ap->id, 1)) != PERR_OK)
		return page_fail(r, e);
	return code == NULL ? status : page_refuse(r, status, field, code);
}

static int appeal_get(struct req *r)
{
	struct appeal ap;

	REQUIRE(r, A_READ);
	return appeal_page(r, &ap, 200, NULL, NULL);
}

static int appeal_done(struct req *r, const struct appeal *ap, const char *done)
{
	return page_redirect(r, arena_printf(r->arena, "/admin/appeal?id=%llu&done=%s",
					     (unsigned long long)ap->id, done));
}

/* An answer: in the thread, the status staff chose, and the subscriber told. */
static int appeal_answer_post(struct req *r)
{
	const struct fval *text = req_val(r, K_TEXT), *status = req_val(r, K_STATUS);
	const char *params;
	struct appeal ap;
	uint64_t msg = 0;
	int st;
	enum perr e;

	REQUIRE(r, A_APPEALS);
	if ((st = appeal_page(r, &ap, 200, NULL, NULL)) != 200)
		return st;
	if (text == NULL)
		return page_refuse(r, r->bad[K_TEXT] ? 422 : 400, "text", "invalid");
	if (status == NULL || !answer_status_valid(status->s))
		return page_refuse(r, 400, "status", "invalid");
	params = outbox_params(r->arena, "note",
			       (const char *[]){"id", console_u64(r->arena, ap.id), "topic_ru",
						ap.topic_ru, "topic_en", ap.topic_en},
			       3);
	if (params == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_appeal_message_add(ap.id, "staff", r->staff->staff_id, text->s, &msg)) !=
		    PERR_OK ||
	    (e = db_appeal_answered(ap.id, status->s, r->staff->staff_id)) != PERR_OK ||
	    (e = db_outbox_notify(ap.subscriber_id, "appeal", "appeal-answer", params)) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	/* A form, a photo of the work done: checked as the subscribers' are. */
	if ((st = appeal_files_commit(r, ap.id, msg)) != 0)
		return st;
	return appeal_done(r, &ap, "answered");
}

/* A note for staff: in the thread, never on the subscriber's pages or in their mail. */
static int appeal_note_post(struct req *r)
{
	const struct fval *text = req_val(r, K_TEXT);
	struct appeal ap;
	uint64_t msg = 0;
	int st;
	enum perr e;

	REQUIRE(r, A_APPEALS);
	if ((st = appeal_page(r, &ap, 200, NULL, NULL)) != 200)
		return st;
	if (text == NULL)
		return page_refuse(r, r->bad[K_TEXT] ? 422 : 400, "text", "invalid");
	if ((e = db_appeal_message_add(ap.id, "note", r->staff->staff_id, text->s, &msg)) != PERR_OK)
		return page_fail(r, e);
	return appeal_done(r, &ap, "noted");
}

static int appeal_assign_post(struct req *r)
{
	const struct fval *take = req_val(r, K_TAKE);
	struct appeal ap;
	int st;
	enum perr e;

	REQUIRE(r, A_APPEALS);
	if ((st = appeal_page(r, &ap, 200, NULL, NULL)) != 200)
		return st;
	if (take == NULL)
		return page_error(r, 400, "bad-request");
	if ((e = db_appeal_assign(ap.id, take->i ? r->staff->staff_id : 0)) != PERR_OK)
		return page_fail(r, e);
	return appeal_done(r, &ap, take->i ? "taken" : "released");
}

static enum perr appeal_file_stream(struct req *r, void *arg,
				    int (*put)(void *, const char *, size_t), void *ctx)
{
	return appeal_file_write(r->arena, arg, put, ctx);
}

static int appeal_file_get(struct req *r)
{
	const struct fval *id = req_val(r, K_ID);
	struct appeal_file *f = arena_alloc(r->arena, sizeof(*f));
	enum perr e;

	REQUIRE(r, A_READ);
	if (id == NULL)
		return page_error(r, 404, "not-found");
	if (f == NULL)
		return page_error(r, 500, "internal");
	e = db_appeal_file_of(r->arena, 0, r->staff->staff_id, (uint64_t)id->i, f);
	if (e != PERR_OK)
		return page_fail(r, e);
	return page_stream(r, appeal_file_name(r->arena, f), f->type, appeal_file_stream, f);
}

/* ---------------------------------------------------------------- requests */

static enum perr request_row(void *p, const struct contact_pending *c)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "request");

	if (n == NULL || xml_attr(n, "id", console_u64(x->r->arena, c->id)) ||
	    xml_attr(n, "subscriber", console_u64(x->r->arena, c->subscriber_id)) ||
	    xml_attr_int(n, "org", c->org) || xml_text(n, "login", c->login) == NULL ||
	    xml_text(n, "full-name", c->full_name) == NULL || console_opt(n, "current", c->current) ||
	    xml_text(n, "value", c->value) == NULL || console_time(n, "created", c->created_at))
		return PERR_NOMEM;
	return PERR_OK;
}

#define REQUESTS_PAGE 50

static int requests_list(struct req *r)
{
	const struct fval *after = req_val(r, K_AFTER);
	struct row_ctx x = {r, xml_elem(r->root, "requests")};
	enum perr e;

	if (x.list == NULL || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	/* Oldest first, a page at a time; one more row says there is a next page. */
	e = db_contact_pending(r->arena, r->staff->staff_id, after ? (uint64_t)after->i : 0,
			       REQUESTS_PAGE + 1, request_row, &x);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static int requests_get(struct req *r)
{
	REQUIRE(r, A_READ);
	return requests_list(r);
}

/* Approve or reject: decided once (the row is locked), the subscriber told. */
static int request_decide(struct req *r, int approve)
{
	const struct fval *id = req_val(r, K_ID), *reason = req_val(r, K_REASON);
	struct contact_pending c;
	const char *params;
	int st;
	enum perr e;

	REQUIRE(r, A_REQUESTS);
	if (id == NULL)
		return page_error(r, 404, "not-found");
	if (!approve && reason == NULL) {
		static const size_t typed[] = {K_REASON};

		if ((st = requests_list(r)) != 200)
			return st;
		if (xml_typed(r, typed, 1) != 0 || xml_attr_int(r->root, "refused", id->i))
			return page_error(r, 500, "internal");
		return page_refuse(r, 400, "reason", "invalid");
	}
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_contact_take(r->arena, r->staff->staff_id, (uint64_t)id->i, &c);
	if (e == PERR_NOT_FOUND) {
		db_rollback();
		/* Decided already by someone else, or never theirs. */
		return page_redirect(r, "/admin/requests?done=gone");
	}
	params = outbox_params(r->arena, "note",
			       (const char *[]){"phone", c.value, "reason", reason ? reason->s : ""},
			       2);
	if (e == PERR_OK && params == NULL)
		e = PERR_NOMEM;
	if (e == PERR_OK)
		e = approve ? db_contact_approve(c.id, r->staff->staff_id, c.subscriber_id, c.value)
			    : db_contact_reject(c.id, r->staff->staff_id, reason->s);
	/* Told by SMS to the new number, or to the number on file that stays. */
	if (e == PERR_OK && (approve || c.current != NULL))
		e = db_outbox_to(c.subscriber_id, "sms", approve ? c.value : c.current,
				 approve ? "phone-changed" : "phone-rejected", params);
	if (e == PERR_OK)
		e = console_audit(r, c.org, approve ? "approve-phone" : "reject-phone", "subscriber",
			  console_u64(r->arena, c.subscriber_id), c.current,
			  approve ? c.value : arena_printf(r->arena, "%s (%s)", c.value, reason->s));
	return console_commit(r, e,
			      approve ? "/admin/requests?done=approved" : "/admin/requests?done=rejected");
}

static int approve_post(struct req *r) { return request_decide(r, 1); }
static int reject_post(struct req *r) { return request_decide(r, 0); }

/* ---------------------------------------------------------------- news */

static enum perr news_row(void *p, const struct news_item *it)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "item");

	if (n == NULL || xml_attr(n, "id", console_u64(x->r->arena, it->id)) ||
	    xml_attr_int(n, "org", it->org) || xml_attr(n, "audience", it->audience) ||
	    xml_attr_int(n, "targets", it->targets) || xml_text(n, "title-ru", it->title_ru) == NULL ||
	    xml_text(n, "title-en", it->title_en) == NULL ||
	    xml_text(n, "body-ru", it->body_ru) == NULL ||
	    xml_text(n, "body-en", it->body_en) == NULL || console_time(n, "publish-at", it->publish_at) ||
	    console_time(n, "sent-at", it->sent_at) || xml_text(n, "author", it->author) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static int news_get(struct req *r)
{
	struct row_ctx x = {r, xml_elem(r->root, "news")};
	enum perr e;

	REQUIRE(r, A_READ);
	if (x.list == NULL || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	e = db_news_of_staff(r->arena, r->staff->staff_id, 100, news_row, &x);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static int news_form(struct req *r, int status, const char *field, const char *code)
{
	static const size_t typed[] = {K_ORG,	   K_TITLE_RU, K_BODY_RU,  K_TITLE_EN,
				       K_BODY_EN, K_AUDIENCE, K_TARGETS, K_PUBLISH_AT};
	enum perr e = console_staff_xml(r);

	if (e != PERR_OK)
		return page_fail(r, e);
	if (xml_elem(r->root, "news-form") == NULL || xml_typed(r, typed, 8) != 0)
		return page_error(r, 500, "internal");
	if (code == NULL)
		return 200;
	return page_refuse(r, status, field, code);
}

/* "2026-12-01T09:00" (a datetime-local field, the site's zone) to UTC for the table. */
static int publish_time(const char *local, char out[20])
{
	int y, mo, d, h, mi, used = 0;
	struct tm tm;
	time_t t;

	if (sscanf(local, "%4d-%2d-%2d%*1[T ]%2d:%2d%n", &y, &mo, &d, &h, &mi, &used) != 5 ||
	    (local[used] != '\0' && strcmp(local + used, ":00") != 0) || !day_exists(local, 10) ||
	    h > 23 || mi > 59)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1)
		return -1;
	return strftime(out, 20, "%Y-%m-%d %H:%M:%S", gmtime_r(&t, &tm)) == 19 ? 0 : -1;
}

static int news_new(struct req *r)
{
	const struct fval *org = req_val(r, K_ORG), *tr = req_val(r, K_TITLE_RU),
			  *br = req_val(r, K_BODY_RU), *te = req_val(r, K_TITLE_EN),
			  *be = req_val(r, K_BODY_EN), *aud = req_val(r, K_AUDIENCE),
			  *targets = req_val(r, K_TARGETS), *at = req_val(r, K_PUBLISH_AT);
	static const size_t required[] = {K_ORG, K_TITLE_RU, K_BODY_RU, K_TITLE_EN, K_BODY_EN};
	char when[20], now_utc[20];
	unsigned long long n = 0, queued = 0;
	time_t now = time(NULL);
	struct tm tm;
	uint64_t id = 0;
	enum perr e;
	int st, bad_at;

	REQUIRE(r, A_NEWS);
	if (r->method != M_POST)
		return news_form(r, 200, NULL, NULL);
	strftime(now_utc, sizeof(now_utc), "%Y-%m-%d %H:%M:%S", gmtime_r(&now, &tm));
	/* Every field at fault is marked at once, the time among them. */
	bad_at = r->bad[K_PUBLISH_AT] || (at != NULL && publish_time(at->s, when) != 0);
	if ((st = xml_required(r, required, 5)) < 0 ||
	    (bad_at && xml_form_error(r, "publish_at", "invalid") != 0))
		return page_error(r, 500, "internal");
	if (st != 0 || bad_at)
		return news_form(r, 400, NULL, "form-invalid");
	if (aud == NULL || (strcmp(aud->s, "all") != 0 && strcmp(aud->s, "addresses") != 0 &&
			    strcmp(aud->s, "accounts") != 0))
		return news_form(r, 400, "audience", "invalid");
	if (strcmp(aud->s, "all") != 0 && targets == NULL)
		return news_form(r, 422, "targets", "targets-required");
	if (at == NULL || strcmp(when, now_utc) < 0)
		memcpy(when, now_utc, sizeof(when));
	if ((e = db_staff_in_org(r->arena, r->staff->staff_id, (unsigned)org->i)) == PERR_NOT_FOUND)
		return news_form(r, 422, "org", "invalid");
	if (e != PERR_OK)
		return page_fail(r, e);

	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_news_insert((unsigned)org->i, tr->s, br->s, te->s, be->s, aud->s, when,
			   r->staff->staff_id, &id);
	/* One target per line: an account number, or the start of an address. */
	if (e == PERR_OK && strcmp(aud->s, "all") != 0) {
		char *list = arena_strdup(r->arena, targets->s), *line, *save = NULL;

		for (line = list ? strtok_r(list, "\r\n", &save) : NULL; e == PERR_OK && line;
		     line = strtok_r(NULL, "\r\n", &save)) {
			while (*line == ' ')
				line++;
			if (*line == '\0')
				continue;
			if (strcmp(aud->s, "accounts") == 0) {
				e = db_news_add_account(id, (unsigned)org->i, line);
				if (e == PERR_NOT_FOUND) {
					db_rollback();
					return news_form(r, 422, "targets", "unknown-account");
				}
				n++;
			} else {
				unsigned long long k = 0;

				e = db_news_add_address(id, (unsigned)org->i, line, &k);
				n += k;
			}
		}
		if (e == PERR_OK && n == 0) {
			db_rollback();
			return news_form(r, 422, "targets", "no-accounts");
		}
	}
	if (e == PERR_OK)
		e = console_audit(r, (unsigned)org->i, "publish-news", "news", console_u64(r->arena, id), NULL,
			  arena_printf(r->arena, "%s; %s; %s", aud->s, when, tr->s));
	/* Due now: queued in the same transaction; later ones go with the delivery run. */
	if (e == PERR_OK && strcmp(when, now_utc) <= 0) {
		e = news_send(r->arena, id, &queued);
		if (e == PERR_CONFLICT)
			e = PERR_OK;
	}
	return console_commit(r, e, "/admin/news?done=published");
}

/* ---------------------------------------------------------------- appeal topics */

/* The forms a topic may be (appeals.c checks each one's fields); "" is a plain appeal. */
static const char *const topic_forms[] = {"", "meter", "sms-info", "due-date", "absence", "owner"};

struct topics_ctx {
	xmlNodePtr list;
	uint64_t want; /* a topic looked for, found: */
	int found;
};

static enum perr topic_row_xml(void *p, const struct appeal_topic *t, int active)
{
	struct topics_ctx *c = p;
	xmlNodePtr n;

	if (t->id == c->want)
		c->found = 1;
	if (c->list == NULL) /* only looked for */
		return PERR_OK;
	if ((n = xml_elem(c->list, "topic")) == NULL || xml_attr_int(n, "id", (long long)t->id) || xml_attr(n, "code", t->code) ||
	    (t->form && xml_attr(n, "form", t->form)) || (active && xml_attr(n, "active", "1")) ||
	    xml_text(n, "name-ru", t->name_ru) == NULL || xml_text(n, "name-en", t->name_en) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

/* The organization's topics; 0 or the failure's status. */
static int topics_xml(struct req *r, unsigned org)
{
	struct topics_ctx c = {xml_elem(r->root, "topics"), 0, 0};
	enum perr e;
	size_t i;

	if (c.list == NULL || xml_attr_int(c.list, "org", org))
		return page_error(r, 500, "internal");
	for (i = 1; i < sizeof(topic_forms) / sizeof(topic_forms[0]); i++)
		if (xml_text(c.list, "form", topic_forms[i]) == NULL)
			return page_error(r, 500, "internal");
	if ((e = db_topics_of_org(r->arena, org, topic_row_xml, &c)) != PERR_OK)
		return page_fail(r, e);
	return 0;
}

/* The list with its forms; status and refusal as given (what was typed kept). */
static int topics_page(struct req *r, unsigned org, int status, const char *field,
		       const char *code)
{
	static const size_t typed[] = {K_TOPIC_CODE, K_FORM, K_NAME_RU, K_NAME_EN};
	int st;
	enum perr e;

	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if ((st = topics_xml(r, org)) != 0)
		return st;
	if (xml_done(r, K_DONE) != 0 || xml_typed(r, typed, 4) != 0)
		return page_error(r, 500, "internal");
	return code != NULL ? page_refuse(r, status, field, code) : status;
}

static int topics_get(struct req *r)
{
	int st = 0;
	unsigned org;
	enum perr e;

	REQUIRE(r, A_READ);
	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if ((org = console_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if ((st = topics_xml(r, org)) != 0)
		return st;
	return xml_done(r, K_DONE) != 0 ? page_error(r, 500, "internal") : 200;
}

static int topic_add_post(struct req *r)
{
	static const size_t required[] = {K_TOPIC_CODE, K_NAME_RU, K_NAME_EN};
	const struct fval *code = req_val(r, K_TOPIC_CODE), *form = req_val(r, K_FORM),
			  *ru = req_val(r, K_NAME_RU), *en = req_val(r, K_NAME_EN);
	uint64_t id = 0;
	unsigned org;
	size_t i;
	int st, known = form == NULL;
	enum perr e;

	REQUIRE(r, A_APPEALS);
	if ((org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	for (i = 1; form != NULL && i < sizeof(topic_forms) / sizeof(topic_forms[0]); i++)
		known |= strcmp(form->s, topic_forms[i]) == 0;
	if ((st = xml_required(r, required, 3)) < 0 ||
	    ((!known || r->bad[K_FORM]) && xml_form_error(r, "form", "invalid") != 0))
		return page_error(r, 500, "internal");
	if (st != 0 || !known || r->bad[K_FORM])
		return topics_page(r, org, 400, NULL, "form-invalid");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_topic_add(org, code->s, form ? form->s : NULL, ru->s, en->s, &id);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return topics_page(r, org, 422, "topic_code", "topic-code-taken");
	}
	if (e == PERR_OK)
		e = console_audit(r, org, "add-topic", "topic", console_u64(r->arena, id), NULL,
				  arena_printf(r->arena, "%s: %s", code->s, ru->s));
	return console_commit(r, e, arena_printf(r->arena, "/admin/topics?org=%u&done=topic-added",
						 org));
}

/* One of the organization's topics, named by id: 0 and *org, or the answer's status. */
static int topic_of_org(struct req *r, unsigned *org, uint64_t *id)
{
	const struct fval *t = req_val(r, K_ID);
	struct topics_ctx c = {NULL, 0, 0};
	int st;
	enum perr e;

	if ((*org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if (t == NULL)
		return page_error(r, 404, "not-found");
	*id = c.want = (uint64_t)t->i;
	if ((e = db_topics_of_org(r->arena, *org, topic_row_xml, &c)) != PERR_OK)
		return page_fail(r, e);
	return c.found ? 0 : page_error(r, 404, "not-found");
}

static int topic_rename_post(struct req *r)
{
	const struct fval *ru = req_val(r, K_NAME_RU), *en = req_val(r, K_NAME_EN);
	uint64_t id = 0;
	unsigned org = 0;
	int st;
	enum perr e;

	REQUIRE(r, A_APPEALS);
	if ((st = topic_of_org(r, &org, &id)) != 0)
		return st;
	if (ru == NULL || en == NULL)
		return topics_page(r, org, 400, ru == NULL ? "name_ru" : "name_en", "invalid");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_topic_rename(org, id, ru->s, en->s);
	if (e == PERR_OK)
		e = console_audit(r, org, "rename-topic", "topic", console_u64(r->arena, id), NULL,
				  arena_printf(r->arena, "%s / %s", ru->s, en->s));
	return console_commit(r, e, arena_printf(r->arena, "/admin/topics?org=%u&done=topic-renamed",
						 org));
}

/* Off the list (appeals written keep it) or back on. */
static int topic_active_post(struct req *r)
{
	const struct fval *active = req_val(r, K_ACTIVE);
	uint64_t id = 0;
	unsigned org = 0;
	int st;
	enum perr e;

	REQUIRE(r, A_APPEALS);
	if ((st = topic_of_org(r, &org, &id)) != 0)
		return st;
	if (active == NULL)
		return page_error(r, 400, "bad-request");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_topic_set_active(org, id, (int)active->i);
	if (e == PERR_OK)
		e = console_audit(r, org, active->i ? "restore-topic" : "retire-topic", "topic",
				  console_u64(r->arena, id), NULL, NULL);
	return console_commit(r, e, arena_printf(r->arena, "/admin/topics?org=%u&done=%s", org,
						 active->i ? "topic-restored" : "topic-retired"));
}

/* ---------------------------------------------------------------- help */

/*
 * The contacts page's help, per organization: questions and answers, the
 * rules of service, blank forms to download.  Operators and administrators
 * write it (A_HELP); every change is in the audit log.
 */
#define HELP_FORM_BYTES (10u << 20)
#define HELP_CHUNK (256u << 10)

static enum perr help_question_row(void *p, const struct help_question *q)
{
	xmlNodePtr n = xml_elem(p, "question");

	if (n == NULL || xml_attr_int(n, "id", q->id) || xml_text(n, "q-ru", q->question_ru) == NULL ||
	    xml_text(n, "a-ru", q->answer_ru) == NULL || xml_text(n, "q-en", q->question_en) == NULL ||
	    xml_text(n, "a-en", q->answer_en) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr help_form_row(void *p, const struct help_form *f)
{
	xmlNodePtr n = xml_elem(p, "form");

	if (n == NULL || xml_attr_int(n, "id", f->id) || xml_attr_int(n, "size", f->size) ||
	    xml_attr(n, "type", f->type) || xml_text(n, "title-ru", f->title_ru) == NULL ||
	    xml_text(n, "title-en", f->title_en) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr help_rules_row(void *p, const struct help_org *o)
{
	return console_opt(p, "rules-ru", o->rules_ru) || console_opt(p, "rules-en", o->rules_en)
		       ? PERR_NOMEM
		       : PERR_OK;
}

/* The page, with what was typed into a refused form; status and refusal as given. */
static int help_page(struct req *r, int status, const char *field, const char *code)
{
	static const size_t typed[] = {K_QUESTION_RU, K_ANSWER_RU, K_QUESTION_EN, K_ANSWER_EN,
				       K_TITLE_RU,    K_TITLE_EN,  K_RULES_RU,    K_RULES_EN};
	int st = 0;
	unsigned org;
	xmlNodePtr h;
	enum perr e;

	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if ((org = console_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if ((h = xml_elem(r->root, "help")) == NULL || xml_attr_int(h, "org", org) ||
	    xml_done(r, K_DONE) != 0 || xml_typed(r, typed, 8) != 0)
		return page_error(r, 500, "internal");
	if ((e = db_help_orgs(r->arena, 0, org, help_rules_row, h)) != PERR_OK ||
	    (e = db_help_questions(r->arena, org, help_question_row, h)) != PERR_OK ||
	    (e = db_help_forms(r->arena, org, help_form_row, h)) != PERR_OK)
		return page_fail(r, e);
	if (code != NULL)
		return page_refuse(r, status, field, code);
	return status;
}

static int help_get(struct req *r)
{
	REQUIRE(r, A_READ);
	return help_page(r, 200, NULL, NULL);
}

static int help_question_post(struct req *r)
{
	static const size_t required[] = {K_QUESTION_RU, K_ANSWER_RU, K_QUESTION_EN, K_ANSWER_EN};
	const struct fval *qr = req_val(r, K_QUESTION_RU), *ar = req_val(r, K_ANSWER_RU),
			  *qe = req_val(r, K_QUESTION_EN), *ae = req_val(r, K_ANSWER_EN);
	uint64_t id = 0;
	unsigned org;
	int st;
	enum perr e;

	REQUIRE(r, A_HELP);
	if ((org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if ((st = xml_required(r, required, 4)) < 0)
		return page_error(r, 500, "internal");
	if (st != 0)
		return help_page(r, 400, NULL, "form-invalid");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_help_question_add(org, qr->s, ar->s, qe->s, ae->s, &id);
	if (e == PERR_OK)
		e = console_audit(r, org, "add-question", "organization", console_u64(r->arena, org),
				  NULL, qr->s);
	return console_commit(r, e, arena_printf(r->arena, "/admin/help?org=%u&done=question-added",
						 org));
}

static int help_rules_post(struct req *r)
{
	const struct fval *ru = req_val(r, K_RULES_RU), *en = req_val(r, K_RULES_EN);
	unsigned org;
	int st;
	enum perr e;

	REQUIRE(r, A_HELP);
	if ((org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if (r->bad[K_RULES_RU] || r->bad[K_RULES_EN])
		return help_page(r, 422, r->bad[K_RULES_RU] ? "rules_ru" : "rules_en", "invalid");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_help_rules_set(org, ru ? ru->s : "", en ? en->s : "");
	if (e == PERR_OK)
		e = console_audit(r, org, "set-rules", "organization", console_u64(r->arena, org), NULL,
				  arena_printf(r->arena, "%zu/%zu characters", ru ? strlen(ru->s) : 0,
					       en ? strlen(en->s) : 0));
	return console_commit(r, e, arena_printf(r->arena, "/admin/help?org=%u&done=rules-saved",
						 org));
}

/* A question or a form removed: PERR_NOT_FOUND (another organization's, or gone) is 404. */
static int help_delete(struct req *r, enum perr (*drop)(unsigned, unsigned), const char *action)
{
	const struct fval *id = req_val(r, K_ID);
	unsigned org;
	int st;
	enum perr e;

	REQUIRE(r, A_HELP);
	if ((org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if (id == NULL)
		return page_error(r, 404, "not-found");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = drop(org, (unsigned)id->i);
	if (e == PERR_NOT_FOUND) {
		db_rollback();
		return page_error(r, 404, "not-found");
	}
	if (e == PERR_OK)
		e = console_audit(r, org, action, "organization", console_u64(r->arena, org), NULL,
				  console_u64(r->arena, (uint64_t)id->i));
	return console_commit(r, e, arena_printf(r->arena, "/admin/help?org=%u&done=deleted", org));
}

static int help_question_delete_post(struct req *r)
{
	return help_delete(r, db_help_question_delete, "delete-question");
}

static int help_form_delete_post(struct req *r)
{
	return help_delete(r, db_help_form_delete, "delete-form");
}

/* A blank form: one PDF of up to 10 MB, its type what libmagic finds in it. */
static int help_form_post(struct req *r)
{
	static const size_t required[] = {K_TITLE_RU, K_TITLE_EN};
	const struct fval *tr = req_val(r, K_TITLE_RU), *te = req_val(r, K_TITLE_EN);
	unsigned char *buf = NULL, sha[32];
	uint64_t id = 0;
	size_t n = 0, off;
	unsigned org, seq;
	long k = 0;
	int st;
	enum perr e;

	REQUIRE(r, A_HELP);
	if ((org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if ((st = xml_required(r, required, 2)) < 0)
		return page_error(r, 500, "internal");
	if (st != 0)
		return help_page(r, 400, NULL, "form-invalid");
	if (req_upload_name(r)[0] == '\0')
		return help_page(r, 400, "file", "file-missing");
	if ((buf = malloc(HELP_FORM_BYTES + 1)) == NULL)
		return page_error(r, 500, "internal");
	while (n <= HELP_FORM_BYTES &&
	       (k = req_upload_read(r, (char *)buf + n, HELP_FORM_BYTES + 1 - n)) > 0)
		n += (size_t)k;
	if (k < 0)
		st = page_error(r, 400, "bad-request");
	else if (n > HELP_FORM_BYTES)
		st = help_page(r, 413, "file", "file-large");
	else if (n == 0)
		st = help_page(r, 422, "file", "file-empty");
	else if (attachment_type(buf, n) != ATT_PDF)
		st = help_page(r, 415, "file", "form-pdf");
	if (st != 0) {
		free(buf);
		return st;
	}
	crypto_hash_sha256(sha, buf, n);
	if ((e = db_begin()) != PERR_OK) {
		free(buf);
		return page_fail(r, e);
	}
	e = db_help_form_add(org, tr->s, te->s, attachment_mime(ATT_PDF), n, sha, &id);
	for (off = 0, seq = 0; e == PERR_OK && off < n; off += HELP_CHUNK, seq++)
		e = db_help_form_chunk_add(id, seq, buf + off, n - off < HELP_CHUNK ? n - off : HELP_CHUNK);
	free(buf);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return help_page(r, 422, "file", "file-twice");
	}
	if (e == PERR_OK)
		e = console_audit(r, org, "add-form", "organization", console_u64(r->arena, org), NULL,
				  arena_printf(r->arena, "%s (%zu bytes)", tr->s, n));
	return console_commit(r, e, arena_printf(r->arena, "/admin/help?org=%u&done=form-added",
						 org));
}

/* ---------------------------------------------------------------- organization */

static int org_xml(struct req *r, const struct org_settings *o)
{
	xmlNodePtr n = xml_elem(r->root, "organization");

	if (n == NULL || xml_attr_int(n, "id", o->id) || xml_text(n, "name", o->name) == NULL ||
	    console_opt(n, "short_name", o->short_name) || xml_text(n, "inn", o->inn) == NULL ||
	    console_opt(n, "kpp", o->kpp) || xml_text(n, "address", o->address) == NULL ||
	    xml_text(n, "phones", o->phones) == NULL || xml_text(n, "email", o->email) == NULL ||
	    console_opt(n, "website", o->website) ||
	    xml_text(n, "bank_name", o->bank_name) == NULL || xml_text(n, "bic", o->bic) == NULL ||
	    xml_text(n, "bank_account", o->bank_account) == NULL ||
	    xml_text(n, "corr_account", o->corr_account) == NULL ||
	    console_opt(n, "receipt_note", o->receipt_note) ||
	    xml_text(n, "time_zone", o->time_zone) == NULL ||
	    xml_int(n, "readings_from", o->readings_from) == NULL ||
	    xml_int(n, "readings_to", o->readings_to) == NULL ||
	    xml_int(n, "pay_by_day", o->pay_by_day) == NULL ||
	    xml_int(n, "month_days_x10", o->month_days_x10) == NULL ||
	    xml_int(n, "promise_days", o->promise_days) == NULL ||
	    xml_text(n, "promise_limit", decimal_text(r->arena, o->promise_limit, 2)) == NULL)
		return -1;
	return 0;
}

/* "field=value; ..." of what changed, for the audit row's before and after. */
static void org_diff(struct req *r, const struct org_settings *a, const struct org_settings *b,
		     const char **before, const char **after)
{
	const char *names[] = {"name", "short_name", "inn", "kpp", "address", "phones", "email",
			       "website", "bank_name", "bic", "bank_account", "corr_account",
			       "receipt_note", "time_zone"};
	const char *va[] = {a->name, a->short_name, a->inn, a->kpp, a->address, a->phones,
			    a->email, a->website, a->bank_name, a->bic, a->bank_account,
			    a->corr_account, a->receipt_note, a->time_zone};
	const char *vb[] = {b->name, b->short_name, b->inn, b->kpp, b->address, b->phones,
			    b->email, b->website, b->bank_name, b->bic, b->bank_account,
			    b->corr_account, b->receipt_note, b->time_zone};
	const char *x = "", *y = "";
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *p = va[i] ? va[i] : "", *q = vb[i] ? vb[i] : "";

		if (strcmp(p, q) == 0)
			continue;
		x = arena_printf(r->arena, "%s%s=%s; ", x ? x : "", names[i], p);
		y = arena_printf(r->arena, "%s%s=%s; ", y ? y : "", names[i], q);
	}
	if (a->month_days_x10 != b->month_days_x10) {
		x = arena_printf(r->arena, "%smonth_days_x10=%u; ", x ? x : "", a->month_days_x10);
		y = arena_printf(r->arena, "%smonth_days_x10=%u; ", y ? y : "", b->month_days_x10);
	}
	if (a->promise_days != b->promise_days || a->promise_limit != b->promise_limit) {
		x = arena_printf(r->arena, "%spromise=%u/%lld; ", x ? x : "", a->promise_days,
		                 a->promise_limit);
		y = arena_printf(r->arena, "%spromise=%u/%lld; ", y ? y : "", b->promise_days,
		                 b->promise_limit);
	}
	if (a->readings_from != b->readings_from || a->readings_to != b->readings_to ||
	    a->pay_by_day != b->pay_by_day) {
		x = arena_printf(r->arena, "%sdays=%u-%u/%u", x ? x : "", a->readings_from,
				 a->readings_to, a->pay_by_day);
		y = arena_printf(r->arena, "%sdays=%u-%u/%u", y ? y : "", b->readings_from,
				 b->readings_to, b->pay_by_day);
	}
	*before = x;
	*after = y;
}

static enum perr office_row(void *p, const struct office *o)
{
	xmlNodePtr n = xml_elem(p, "office");

	if (n == NULL || xml_attr_int(n, "id", o->id) || xml_text(n, "address", o->address) == NULL ||
	    xml_text(n, "hours", o->hours) == NULL || console_opt(n, "phone", o->phone) ||
	    console_opt(n, "email", o->email) || console_opt(n, "serves", o->serves))
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr offices_xml(struct req *r, unsigned org)
{
	xmlNodePtr list = xml_elem(r->root, "offices");

	return list == NULL ? PERR_NOMEM : db_offices(r->arena, org, office_row, list);
}

/* The form's field and message of payee_check()'s code; 1 if there is one. */
static int payee_field(const char *bad, const char **field, const char **code)
{
	static const struct {
		const char *bad, *field, *code;
	} map[] = {
		{"name", "name", "invalid"},
		{"bank-name", "bank_name", "bank-name-long"},
		{"bic", "bic", "bic-invalid"},
		{"bank-account", "bank_account", "account-invalid"},
		{"corr-account", "corr_account", "corr-invalid"},
		{"inn", "inn", "inn-invalid"},
		{"kpp", "kpp", "invalid"},
		{"qr-name", "short_name", "qr-name"},
	};
	size_t i;

	if (bad == NULL)
		return 0;
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i].bad, bad) == 0) {
			*field = map[i].field;
			*code = map[i].code;
			return 1;
		}
	*field = NULL;
	*code = "invalid";
	return 1;
}

static int organization_page(struct req *r)
{
	static const size_t required[] = {K_NAME,	  K_INN,	  K_ADDRESS,	  K_PHONES,
					  K_EMAIL,	  K_BANK_NAME,	  K_BIC,	  K_BANK_ACCOUNT,
					  K_TIME_ZONE,	  K_READINGS_FROM, K_READINGS_TO,
					  K_PAY_BY_DAY,	  K_MONTH_DAYS};
	/* A correspondent account is a Russian bank's; Kazakh details have none.  The
	 * promise's rule left out is kept as it is. */
	static const size_t optional[] = {K_SHORT_NAME,   K_KPP,          K_WEBSITE,
	                                  K_RECEIPT_NOTE, K_CORR_ACCOUNT, K_PROMISE_DAYS,
	                                  K_PROMISE_LIMIT};
	struct organization payee;
	const struct fval *org = req_val(r, K_ORG);
	struct org_settings old, nw;
	const char *before = NULL, *after = NULL, *field = NULL, *code = NULL;
	int st, ok = 0;
	unsigned id;
	size_t i;
	enum perr e;

	REQUIRE(r, A_READ);
	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	/* Without ?org= the first of theirs. */
	if ((id = console_org(r, org, &st)) == 0)
		return st;
	if ((e = db_org_settings_get(r->arena, id, &old)) != PERR_OK)
		return page_fail(r, e);
	if (org_xml(r, &old) != 0 || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	if ((e = offices_xml(r, id)) != PERR_OK)
		return page_fail(r, e);
	if (r->method != M_POST)
		return 200;

	REQUIRE(r, A_ORGANIZATION);
	if (xml_typed(r, required, sizeof(required) / sizeof(required[0])) != 0 ||
	    xml_typed(r, optional, sizeof(optional) / sizeof(optional[0])) != 0)
		return page_error(r, 500, "internal");
	if ((st = xml_required(r, required, sizeof(required) / sizeof(required[0]))) != 0)
		return st < 0 ? page_error(r, 500, "internal") : page_refuse(r, 400, NULL, "form-invalid");
	for (i = 0; i < sizeof(optional) / sizeof(optional[0]); i++)
		if (r->bad[optional[i]])
			return page_refuse(r, 400, fields[optional[i]].name, "invalid");
	nw = (struct org_settings){
	        id,
	        req_val(r, K_NAME)->s,
	        req_val(r, K_SHORT_NAME) ? req_val(r, K_SHORT_NAME)->s : NULL,
	        req_val(r, K_INN)->s,
	        req_val(r, K_KPP) ? req_val(r, K_KPP)->s : NULL,
	        req_val(r, K_ADDRESS)->s,
	        req_val(r, K_PHONES)->s,
	        req_val(r, K_EMAIL)->s,
	        req_val(r, K_WEBSITE) ? req_val(r, K_WEBSITE)->s : NULL,
	        req_val(r, K_BANK_NAME)->s,
	        req_val(r, K_BIC)->s,
	        req_val(r, K_BANK_ACCOUNT)->s,
	        req_val(r, K_CORR_ACCOUNT) ? req_val(r, K_CORR_ACCOUNT)->s : "",
	        req_val(r, K_RECEIPT_NOTE) ? req_val(r, K_RECEIPT_NOTE)->s : NULL,
	        req_val(r, K_TIME_ZONE)->s,
	        (unsigned)req_val(r, K_READINGS_FROM)->i,
	        (unsigned)req_val(r, K_READINGS_TO)->i,
	        (unsigned)req_val(r, K_PAY_BY_DAY)->i,
	        old.currency,
	        (unsigned)req_val(r, K_MONTH_DAYS)->i,
	        req_val(r, K_PROMISE_DAYS) ? (unsigned)req_val(r, K_PROMISE_DAYS)->i
	                                   : old.promise_days,
	        old.promise_limit,
	};
	/* In the organization's currency, as its subscribers' debt is. */
	if (req_val(r, K_PROMISE_LIMIT) != NULL &&
	    money_parse(req_val(r, K_PROMISE_LIMIT)->s, req_val(r, K_PROMISE_LIMIT)->len,
	                currency_find(old.currency ? old.currency : ""), 0, &nw.promise_limit) != 0)
		return page_refuse(r, 422, "promise_limit", "invalid");
	/* The receipts' own checks: a payment to these details must reach the payee,
	 * and its QR code must carry them. */
	payee = (struct organization){.id = id, .name = nw.name, .short_name = nw.short_name,
				      .inn = nw.inn, .kpp = nw.kpp, .bank_name = nw.bank_name,
				      .bic = nw.bic, .bank_account = nw.bank_account,
				      .corr_account = nw.corr_account,
				      .cur = currency_find(nw.currency ? nw.currency : "")};
	if (payee_field(payee_check(&payee), &field, &code))
		;
	else if (!time_zone_valid(nw.time_zone))
		field = "time_zone", code = "invalid";
	else if (nw.readings_from > nw.readings_to)
		field = "readings_to", code = "window-reversed";
	else if (nw.month_days_x10 != 0 && nw.month_days_x10 != 305)
		field = "month_days_x10", code = "invalid";
	if (code != NULL)
		return page_refuse(r, 422, field, code);
	/* Bank details are where money goes: the password again. */
	if ((st = console_password_again(r, req_val(r, K_PASSWORD), &ok)) != 0)
		return st;
	if (!ok)
		return page_refuse(r, 422, "password", "password-wrong");
	org_diff(r, &old, &nw, &before, &after);
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_org_settings_set(&nw)) != PERR_OK ||
	    (e = console_audit(r, id, "organization-settings", "organization",
		       arena_printf(r->arena, "%u", id), before, after)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, arena_printf(r->arena, "/admin/organization?org=%u&done=saved", id));
}

/* An office where subscribers are received: added or removed, audited. */
static int office_post(struct req *r)
{
	const struct fval *org = req_val(r, K_ORG), *address = req_val(r, K_OFFICE_ADDRESS),
			  *hours = req_val(r, K_OFFICE_HOURS), *phone = req_val(r, K_OFFICE_PHONE),
			  *email = req_val(r, K_OFFICE_EMAIL), *serves = req_val(r, K_OFFICE_SERVES);
	struct office of;
	struct org_settings o;
	uint64_t id = 0;
	unsigned oid;
	int st;
	enum perr e;

	REQUIRE(r, A_ORGANIZATION);
	if ((oid = console_change_org(r, org, &st)) == 0)
		return st;
	if ((e = db_org_settings_get(r->arena, oid, &o)) != PERR_OK)
		return page_fail(r, e);
	if (address == NULL || hours == NULL || r->bad[K_OFFICE_PHONE] || r->bad[K_OFFICE_EMAIL] ||
	    r->bad[K_OFFICE_SERVES]) {
		static const size_t typed[] = {K_OFFICE_ADDRESS, K_OFFICE_HOURS, K_OFFICE_PHONE,
					       K_OFFICE_EMAIL, K_OFFICE_SERVES};

		if ((e = console_staff_xml(r)) != PERR_OK)
			return page_fail(r, e);
		if (org_xml(r, &o) != 0 || (e = offices_xml(r, o.id)) != PERR_OK ||
		    xml_typed(r, typed, 5) != 0 || xml_attr(r->root, "office-form", "1"))
			return page_error(r, 500, "internal");
		return page_refuse(r, 400,
				   address == NULL		? "office_address"
				   : hours == NULL		? "office_hours"
				   : r->bad[K_OFFICE_PHONE] ? "office_phone"
				   : r->bad[K_OFFICE_EMAIL] ? "office_email"
							    : "office_serves",
				   "invalid");
	}
	of = (struct office){0, o.id, address->s, hours->s, phone ? phone->s : NULL,
			     email ? email->s : NULL, serves ? serves->s : NULL};
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_office_add(o.id, &of, &id)) != PERR_OK ||
	    (e = console_audit(r, o.id, "add-office", "organization", arena_printf(r->arena, "%u", o.id),
		       NULL, arena_printf(r->arena, "%s; %s", address->s, hours->s))) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, arena_printf(r->arena, "/admin/organization?org=%u&done=office-added",
					     o.id));
}

static int office_delete_post(struct req *r)
{
	const struct fval *office = req_val(r, K_OFFICE);
	unsigned org;
	int st;
	enum perr e;

	REQUIRE(r, A_ORGANIZATION);
	if (office == NULL)
		return page_error(r, 404, "not-found");
	if ((org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_office_delete(org, (unsigned)office->i)) != PERR_OK ||
	    (e = console_audit(r, org, "delete-office", "organization",
			       arena_printf(r->arena, "%u", org),
			       arena_printf(r->arena, "office %lld", office->i), NULL)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, arena_printf(r->arena, "/admin/organization?org=%u&done=office-deleted",
					     org));
}

/* ---------------------------------------------------------------- staff */

static enum perr staff_row(void *p, const struct staff_row *s)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "member");

	if (n == NULL || xml_attr(n, "id", console_u64(x->r->arena, s->id)) ||
	    xml_attr(n, "role", s->role) || xml_attr(n, "active", s->active ? "1" : "0") ||
	    xml_attr(n, "enrolled", s->enrolled ? "1" : "0") ||
	    xml_attr(n, "orgs", s->orgs ? s->orgs : "") || xml_text(n, "login", s->login) == NULL ||
	    xml_text(n, "full-name", s->full_name) == NULL ||
	    (s->id == x->r->staff->staff_id && xml_attr(n, "me", "1")))
		return PERR_NOMEM;
	return PERR_OK;
}

static int staff_list(struct req *r)
{
	struct row_ctx x = {r, NULL};
	enum perr e = console_staff_xml(r);

	if (e != PERR_OK)
		return page_fail(r, e);
	if ((x.list = xml_elem(r->root, "members")) == NULL || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	e = db_staff_list(r->arena, r->staff->staff_id, staff_row, &x);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static int staff_get(struct req *r)
{
	REQUIRE(r, A_STAFF);
	return staff_list(r);
}

/* One staff member with the forms that act on them; a refused form comes back here. */
static int member_page(struct req *r, const struct staff *m, int status, const char *field,
		       const char *code)
{
	static const size_t typed[] = {K_ROLE};
	xmlNodePtr n;
	enum perr e = console_staff_xml(r);

	if (e != PERR_OK)
		return page_fail(r, e);
	n = xml_elem(r->root, "member");
	if (n == NULL || xml_attr(n, "id", console_u64(r->arena, m->id)) ||
	    xml_attr(n, "role", m->role) || xml_attr(n, "active", m->active ? "1" : "0") ||
	    xml_attr(n, "enrolled", m->enrolled ? "1" : "0") ||
	    (m->id == r->staff->staff_id && xml_attr(n, "me", "1")) ||
	    xml_text(n, "login", m->login) == NULL || xml_text(n, "full-name", m->full_name) == NULL ||
	    xml_done(r, K_DONE) != 0 || xml_typed(r, typed, 1) != 0)
		return page_error(r, 500, "internal");
	return code == NULL ? status : page_refuse(r, status, field, code);
}

static int member_get(struct req *r)
{
	const struct fval *id = req_val(r, K_ID);
	struct staff m;
	enum perr e;

	REQUIRE(r, A_STAFF);
	if (id == NULL)
		return page_error(r, 404, "not-found");
	if ((e = db_staff_by_id(r->arena, r->staff->staff_id, (uint64_t)id->i, &m)) != PERR_OK)
		return page_fail(r, e);
	return member_page(r, &m, 200, NULL, NULL);
}

/* The organizations ticked on the form (org=1&org=2), each one of the admin's own. */
static int orgs_of_form(struct req *r, unsigned *orgs, size_t cap, size_t *n)
{
	size_t i;

	*n = 0;
	for (i = 0; i < r->form.n; i++) {
		const struct kv *kv = &r->form.v[i];
		char *end;
		unsigned long v;
		enum perr e;

		if (strcmp(kv->key, "org") != 0)
			continue;
		v = strtoul(kv->val, &end, 10);
		if (*end || v == 0 || v > 4294967295UL || *n == cap)
			return -1;
		if ((e = db_staff_in_org(r->arena, r->staff->staff_id, (unsigned)v)) != PERR_OK)
			return -1;
		orgs[(*n)++] = (unsigned)v;
	}
	return *n ? 0 : -1;
}

static int staff_new(struct req *r)
{
	char key[LOGIN_BYTES];
	static const size_t typed[] = {K_LOGIN, K_FULL_NAME, K_ROLE};
	static const size_t required[] = {K_LOGIN, K_FULL_NAME, K_ROLE};
	const struct fval *login = req_val(r, K_LOGIN), *name = req_val(r, K_FULL_NAME),
			  *role = req_val(r, K_ROLE);
	unsigned orgs[16];
	size_t norgs = 0, i;
	char hash[crypto_pwhash_STRBYTES];
	uint64_t id = 0;
	int st;
	enum perr e;

	REQUIRE(r, A_STAFF);
	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if (xml_elem(r->root, "staff-form") == NULL || xml_typed(r, typed, 3) != 0)
		return page_error(r, 500, "internal");
	if (r->method != M_POST)
		return 200;
	if ((st = xml_required(r, required, 3)) != 0)
		return st < 0 ? page_error(r, 500, "internal") : page_refuse(r, 400, NULL, "form-invalid");
	if (!console_role_valid(role->s))
		return page_refuse(r, 400, "role", "invalid");
	if (orgs_of_form(r, orgs, 16, &norgs) != 0)
		return page_refuse(r, 422, "org", "orgs-required");
	if (login_normalize(login->s, key, sizeof(key)) != 0)
		return page_refuse(r, 400, "login", "invalid");
	if ((st = page_new_password(r, K_NEW_PASSWORD, K_NEW_PASSWORD, key,
				    (const char *[]){name->s}, 1, hash, sizeof(hash))) != 0)
		return st;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_staff_insert(key, name->s, hash, role->s, &id);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return page_refuse(r, 409, "login", "login-taken");
	}
	for (i = 0; e == PERR_OK && i < norgs; i++)
		e = db_staff_add_org(id, orgs[i]);
	for (i = 0; e == PERR_OK && i < norgs; i++)
		e = console_audit(r, orgs[i], "create-staff", "staff", console_u64(r->arena, id), NULL,
			  arena_printf(r->arena, "%s (%s)", key, role->s));
	return console_commit(r, e, "/admin/staff?done=created");
}

/* role, disable, enable, reset-factor: on another staff member who shares an organization. */
static int staff_act(struct req *r, const char *what)
{
	const struct fval *id = req_val(r, K_ID), *role = req_val(r, K_ROLE);
	struct staff other;
	int st, ok = 0;
	enum perr e;

	REQUIRE(r, A_STAFF);
	if (id == NULL)
		return page_error(r, 404, "not-found");
	e = db_staff_by_id(r->arena, r->staff->staff_id, (uint64_t)id->i, &other);
	if (e != PERR_OK)
		return page_fail(r, e);
	/* Nobody locks themselves out or raises their own role. */
	if (other.id == r->staff->staff_id)
		return page_error(r, 403, "forbidden");
	if (strcmp(what, "role") == 0) {
		if (role == NULL || !console_role_valid(role->s))
			return member_page(r, &other, 400, "role", "invalid");
		/* A change of role is a change of power: the password again. */
		if ((st = console_password_again(r, req_val(r, K_PASSWORD), &ok)) != 0)
			return st;
		if (!ok)
			return member_page(r, &other, 422, "password", "password-wrong");
	}
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if (strcmp(what, "role") == 0)
		e = db_staff_set_role(other.id, role->s);
	else if (strcmp(what, "disable") == 0)
		e = db_staff_set_active(other.id, 0);
	else if (strcmp(what, "enable") == 0)
		e = db_staff_set_active(other.id, 1);
	else
		e = db_staff_totp_reset(other.id);
	if (e == PERR_OK && strcmp(what, "enable") != 0 && strcmp(what, "role") != 0)
		e = db_staff_sessions_end(other.id);
	if (e == PERR_OK)
		e = console_audit(r, 0, strcmp(what, "role") == 0 ? "staff-role" : arena_printf(r->arena, "staff-%s", what),
			  "staff", console_u64(r->arena, other.id),
			  strcmp(what, "role") == 0 ? other.role
			  : strcmp(what, "reset-factor") == 0 ? (other.enrolled ? "enrolled" : "none")
							      : (other.active ? "active" : "disabled"),
			  strcmp(what, "role") == 0	   ? role->s
			  : strcmp(what, "reset-factor") == 0 ? "none"
			  : strcmp(what, "enable") == 0	   ? "active"
							   : "disabled");
	return console_commit(r, e,
			      arena_printf(r->arena, "/admin/staff/member?id=%llu&done=%s",
					   (unsigned long long)other.id, what));
}

static int staff_role_post(struct req *r) { return staff_act(r, "role"); }
static int staff_disable_post(struct req *r) { return staff_act(r, "disable"); }
static int staff_enable_post(struct req *r) { return staff_act(r, "enable"); }
static int staff_reset_post(struct req *r) { return staff_act(r, "reset-factor"); }

/* ---------------------------------------------------------------- audit */

#define AUDIT_PAGE 50
#define AUDIT_EXPORT_MAX 10000

struct audit_ctx {
	struct req *r;
	xmlNodePtr list;
	unsigned cap;  /* rows shown; one more was asked for, to know of an older page */
	unsigned n;
	uint64_t last; /* the oldest row shown */
	int more;
};

static enum perr audit_row(void *p, const struct audit_row *a)
{
	struct audit_ctx *x = p;
	xmlNodePtr n;

	if (++x->n > x->cap) {
		x->more = 1;
		return PERR_OK;
	}
	x->last = a->id;
	if ((n = xml_elem(x->list, "entry")) == NULL || xml_attr(n, "id", console_u64(x->r->arena, a->id)) ||
	    (a->org && xml_attr_int(n, "org", a->org)) || console_time(n, "at", a->at) ||
	    xml_text(n, "staff", a->staff_login) == NULL || xml_text(n, "ip", a->ip) == NULL ||
	    xml_text(n, "action", a->action) == NULL ||
	    xml_text(n, "object", a->object_type) == NULL ||
	    xml_text(n, "object-id", a->object_id) == NULL || console_opt(n, "before", a->before) ||
	    console_opt(n, "after", a->after))
		return PERR_NOMEM;
	return PERR_OK;
}

static int audit_get(struct req *r)
{
	static const size_t typed[] = {K_STAFF, K_ACTION, K_OBJECT, K_OBJECT_ID, K_FROM, K_TO};
	const struct fval *fmt = req_val(r, K_FORMAT), *before = req_val(r, K_BEFORE);
	const char *format = fmt ? fmt->s : "";
	int download = strcmp(format, "csv") == 0 || strcmp(format, "xlsx") == 0;
	struct audit_ctx x = {r, NULL, download ? AUDIT_EXPORT_MAX : AUDIT_PAGE, 0, 0, 0};
	struct audit_filter f;
	size_t i;
	enum perr e;

	REQUIRE(r, A_AUDIT);
	for (i = 0; i < sizeof(typed) / sizeof(typed[0]); i++)
		if (r->bad[typed[i]]) {
			if (xml_typed(r, typed, 6) != 0 || xml_elem(r->root, "audit") == NULL)
				return page_error(r, 500, "internal");
			return page_refuse(r, 400, fields[typed[i]].name, "invalid");
		}
	f = (struct audit_filter){
		req_val(r, K_STAFF) ? req_val(r, K_STAFF)->s : "",
		req_val(r, K_ACTION) ? req_val(r, K_ACTION)->s : "",
		req_val(r, K_OBJECT) ? req_val(r, K_OBJECT)->s : "",
		req_val(r, K_OBJECT_ID) ? req_val(r, K_OBJECT_ID)->s : "",
		req_val(r, K_FROM) ? req_val(r, K_FROM)->s : "",
		req_val(r, K_TO) ? req_val(r, K_TO)->s : "",
		before ? (uint64_t)before->i : 0,
		x.cap + 1,
	};
	if (xml_typed(r, typed, 6) != 0 || (x.list = xml_elem(r->root, "audit")) == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_audit_list(r->arena, r->staff->staff_id, &f, audit_row, &x)) != PERR_OK)
		return page_fail(r, e);
	if (x.more && xml_attr(x.list, "older", console_u64(r->arena, x.last)))
		return page_error(r, 500, "internal");
	return page_table(r, format, "audit");
}

/* ---------------------------------------------------------------- readings */

#define READINGS_PAGE 50

static enum perr review_row(void *p, const struct reading_review *v)
{
	struct row_ctx *x = p;
	struct arena *a = x->r->arena;
	xmlNodePtr n = xml_elem(x->list, "reading");

	if (n == NULL || xml_attr(n, "id", console_u64(a, v->id)) || xml_attr_int(n, "org", v->org) ||
	    xml_attr_int(n, "zone", v->zone) || xml_attr(n, "kind", v->kind) ||
	    xml_text(n, "account", v->account) == NULL || xml_text(n, "meter", v->meter) == NULL ||
	    xml_text(n, "value", decimal_text(a, v->value, v->decimals)) == NULL ||
	    (v->previous >= 0 &&
	     (xml_text(n, "previous", decimal_text(a, v->previous, v->decimals)) == NULL ||
	      xml_text(n, "consumed", decimal_text(a, v->value - v->previous, v->decimals)) ==
		      NULL)) ||
	    xml_text(n, "taken-on", v->taken_on) == NULL || console_opt(n, "login", v->login))
		return PERR_NOMEM;
	return PERR_OK;
}

static int readings_list(struct req *r, int status, const char *field, const char *code)
{
	static const size_t typed[] = {K_ORG, K_NUMBER, K_METER, K_ZONE, K_VALUE, K_TAKEN_ON,
				       K_REASON};
	const struct fval *after = req_val(r, K_AFTER);
	struct row_ctx x = {r, NULL};
	enum perr e;

	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if ((x.list = xml_elem(r->root, "readings")) == NULL || xml_done(r, K_DONE) != 0 ||
	    xml_typed(r, typed, sizeof(typed) / sizeof(typed[0])) != 0)
		return page_error(r, 500, "internal");
	e = db_reading_review_list(r->arena, r->staff->staff_id, after ? (uint64_t)after->i : 0,
				   READINGS_PAGE + 1, review_row, &x);
	if (e != PERR_OK)
		return page_fail(r, e);
	return code == NULL ? status : page_refuse(r, status, field, code);
}

static int readings_get(struct req *r)
{
	REQUIRE(r, A_READ);
	return readings_list(r, 200, NULL, NULL);
}

/* Accept or reject a reading waiting for review: once; the subscriber told. */
static int reading_decide(struct req *r, int accept)
{
	const struct fval *id = req_val(r, K_ID), *reason = req_val(r, K_REASON);
	struct reading_review v;
	const char *params, *oid, *to, *channel;
	int st;
	enum perr e;

	REQUIRE(r, A_READINGS);
	if (id == NULL)
		return page_error(r, 404, "not-found");
	if (!accept && reason == NULL) {
		if ((st = readings_list(r, 400, "reason", "invalid")) != 400)
			return st;
		return xml_attr_int(r->root, "refused", id->i) ? page_error(r, 500, "internal") : 400;
	}
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_reading_review_take(r->arena, r->staff->staff_id, (uint64_t)id->i, &v);
	if (e == PERR_NOT_FOUND) {
		db_rollback();
		return page_redirect(r, "/admin/readings?done=gone");
	}
	oid = console_u64(r->arena, v.id);
	params = outbox_params(r->arena, "note",
			       (const char *[]){"meter", v.meter, "value",
						decimal_text(r->arena, v.value, v.decimals), "reason",
						reason ? reason->s : ""},
			       3);
	if (e == PERR_OK && params == NULL)
		e = PERR_NOMEM;
	if (e == PERR_OK)
		e = db_reading_review_decide(v.id, accept, accept ? NULL : reason->s);
	/* Told where they can be reached: by e-mail, else by SMS. */
	to = v.email ? v.email : v.phone;
	channel = v.email ? "email" : "sms";
	if (e == PERR_OK && v.subscriber_id != 0 && to != NULL)
		e = db_outbox_to(v.subscriber_id, channel, to,
				 accept ? "reading-accepted" : "reading-rejected", params);
	if (e == PERR_OK)
		e = console_audit(r, v.org, accept ? "accept-reading" : "reject-reading", "reading", oid,
			  "pending",
			  accept ? "accepted" : arena_printf(r->arena, "rejected: %s", reason->s));
	return console_commit(r, e,
			      accept ? "/admin/readings?done=accepted"
				     : "/admin/readings?done=reading-rejected");
}

static int reading_accept_post(struct req *r) { return reading_decide(r, 1); }
static int reading_reject_post(struct req *r) { return reading_decide(r, 0); }

/* A reading an inspector took: by the account's and the meter's numbers. */
static int reading_enter_post(struct req *r)
{
	static const size_t required[] = {K_ORG, K_NUMBER, K_METER, K_ZONE, K_VALUE, K_TAKEN_ON};
	const struct fval *org = req_val(r, K_ORG), *number = req_val(r, K_NUMBER),
			  *meter = req_val(r, K_METER), *zone = req_val(r, K_ZONE),
			  *value = req_val(r, K_VALUE), *on = req_val(r, K_TAKEN_ON);
	struct staff_meter m;
	long long step, v;
	int st;
	enum perr e;

	REQUIRE(r, A_READINGS);
	if ((st = xml_required(r, required, 6)) != 0) {
		if (st < 0)
			return page_error(r, 500, "internal");
		return readings_list(r, 400, NULL, "form-invalid");
	}
	e = db_reading_staff_meter(r->arena, r->staff->staff_id, (unsigned)org->i, number->s,
				   meter->s, &m);
	if (e == PERR_NOT_FOUND)
		return readings_list(r, 422, "meter", "unknown-meter");
	if (e != PERR_OK)
		return page_fail(r, e);
	if ((unsigned)zone->i > m.zones)
		return readings_list(r, 422, "zone", "invalid");
	/* The value in the meter's own units: as many decimals as its register shows. */
	step = m.decimals == 0 ? 1000 : m.decimals == 1 ? 100 : m.decimals == 2 ? 10 : 1;
	if (value->i % step != 0)
		return readings_list(r, 422, "value", m.decimals ? "bad-reading" : "whole-reading");
	v = value->i / step;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_reading_insert_staff(m.id, (unsigned)zone->i - 1, on->s, v)) != PERR_OK ||
	    (e = console_audit(r, m.org, "enter-reading", "meter", console_u64(r->arena, m.id), NULL,
		       arena_printf(r->arena, "%s/%s zone %lld: %s on %s", number->s, meter->s,
				    zone->i, decimal_text(r->arena, v, m.decimals), on->s))) !=
		    PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/admin/readings?done=entered");
}

/* ---------------------------------------------------------------- payments */

static const char *const payment_kinds[] = {"id", "provider", "account", "day"};
#define PAYMENTS_PAGE 50

static int money_xml(struct req *r, xmlNodePtr parent, const char *name, money_t v,
		     const char *currency)
{
	const struct currency *cur = currency ? currency_find(currency) : NULL;

	return cur == NULL ? -1 : (xml_money(parent, name, v, cur, r->lang) == NULL ? -1 : 0);
}

static enum perr payment_row(void *p, const struct payment_found *f)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "payment");

	if (n == NULL || xml_attr(n, "id", console_u64(x->r->arena, f->id)) ||
	    xml_attr(n, "status", f->status) || xml_attr(n, "kind", f->kind) ||
	    xml_attr_int(n, "org", f->org) || console_opt(n, "provider-id", f->provider_id) ||
	    console_time(n, "created", f->created_at) || xml_text(n, "login", f->login) == NULL ||
	    console_opt(n, "accounts", f->accounts) ||
	    money_xml(x->r, n, "amount", f->amount, f->currency) ||
	    money_xml(x->r, n, "refunded", f->refunded, f->currency))
		return PERR_NOMEM;
	return PERR_OK;
}

static int payments_get(struct req *r)
{
	const struct fval *q = req_val(r, K_Q);
	struct row_ctx x = {r, NULL};
	xmlNodePtr s;
	size_t k;
	int st;
	enum perr e;

	REQUIRE(r, A_READ);
	if ((st = search_form(r, "payment-search", payment_kinds,
			      sizeof(payment_kinds) / sizeof(payment_kinds[0]), &s, &k)) != 0)
		return st;
	if (k == PAY_BY_DAY && !day_exists(q->s, q->len))
		return page_refuse(r, 400, "q", "day-invalid");
	if ((x.list = xml_elem(s, "rows")) == NULL)
		return page_error(r, 500, "internal");
	e = db_payments_find(r->arena, r->staff->staff_id, (enum payment_by)k, q->s, PAYMENTS_PAGE,
			     payment_row, &x);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static enum perr item_xml(void *p, const struct online_item *it)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "item");

	if (n == NULL || xml_attr(n, "account", console_u64(x->r->arena, it->account_id)) ||
	    xml_text(n, "number", it->account_number ? it->account_number : "") == NULL ||
	    xml_int(n, "minor", it->amount) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr refund_xml(void *p, const struct refund *rf)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "refund");

	if (n == NULL || xml_attr(n, "id", console_u64(x->r->arena, rf->id)) ||
	    xml_attr(n, "status", rf->status) || console_time(n, "created", rf->created_at) ||
	    xml_text(n, "reason", rf->reason) == NULL ||
	    xml_text(n, "staff", rf->staff_login) == NULL ||
	    money_xml(x->r, n, "amount", rf->amount, rf->currency))
		return PERR_NOMEM;
	return PERR_OK;
}

/* The payment the request names, if it pays for an account of theirs: 0, or the answer. */
static int payment_of(struct req *r, struct payment_found *out)
{
	const struct fval *id = req_val(r, K_ID);
	struct row_ctx x = {r, NULL};
	enum perr e;

	if (id == NULL)
		return page_error(r, 404, "not-found");
	if ((x.list = xml_elem(r->root, "payments")) == NULL)
		return page_error(r, 500, "internal");
	e = db_payments_find(r->arena, r->staff->staff_id, PAY_BY_ID, id->s, 1, payment_row, &x);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (x.list->children == NULL)
		return page_error(r, 404, "not-found");
	/* The one row, read back: the lookup is what scopes it. */
	out->id = (uint64_t)id->i;
	return 0;
}

static int payment_page(struct req *r, int status, const char *field, const char *code)
{
	static const size_t typed[] = {K_AMOUNT, K_REASON};
	struct payment_found f;
	struct row_ctx x = {r, NULL};
	unsigned char raw[TOKEN_BYTES];
	char key[TOKEN_CHARS + 1];
	xmlNodePtr n;
	int st;
	enum perr e;

	if ((st = payment_of(r, &f)) != 0)
		return st;
	n = xml_elem(r->root, "payment-detail");
	/* A new key for each showing of the form: sent twice, it refunds once. */
	if (n == NULL || token_new(raw, key) != 0 || xml_text(n, "key", key) == NULL ||
	    xml_done(r, K_DONE) != 0 || xml_typed(r, typed, 2) != 0)
		return page_error(r, 500, "internal");
	if ((x.list = xml_elem(n, "items")) == NULL ||
	    (e = db_online_items(r->arena, f.id, item_xml, &x)) != PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	if ((x.list = xml_elem(n, "refunds")) == NULL ||
	    (e = db_refunds_of(r->arena, f.id, refund_xml, &x)) != PERR_OK)
		return page_fail(r, x.list ? e : PERR_NOMEM);
	if (code == NULL)
		return status;
	return page_refuse(r, status, field, code);
}

static int payment_get(struct req *r)
{
	REQUIRE(r, A_READ);
	return payment_page(r, 200, NULL, NULL);
}

/* The payment itself, read without its accounts (its lock ends with the statement). */
static enum perr ignore_item(void *p, const struct online_item *it)
{
	(void)p;
	(void)it;
	return PERR_OK;
}

/* Ask the provider about a refund not yet final, and settle what it says. */
static enum perr refund_ask(struct req *r, const struct provider *pv, const struct refund *rf,
			    const struct refund_order *order, enum settle_result *res)
{
	struct refund_state st;
	enum perr e;

	*res = SETTLE_PENDING;
	if (rf->provider_id != NULL)
		e = pv->refund_get(rf->provider_id, &st);
	else
		e = pv->refund(order, &st); /* the same key: asked again, refunded once */
	if (e == PERR_BAD_INPUT) {
		/* The provider refused it: it will never happen; it holds nothing back. */
		*res = SETTLE_CANCELED;
		return db_refund_set(rf->id, "canceled", NULL);
	}
	if (e != PERR_OK)
		return e;
	return refund_settle(r->arena, rf->id, &st, res);
}

static enum perr recheck_refund(void *p, const struct refund *rf)
{
	struct req *r = p;
	const struct provider *pv = provider_get();
	struct refund_order order = {rf->key, rf->payment_provider_id, rf->amount,
				     rf->currency ? currency_find(rf->currency) : NULL, NULL};
	enum settle_result res;

	if (strcmp(rf->status, "created") != 0 && strcmp(rf->status, "pending") != 0)
		return PERR_OK;
	return pv == NULL ? PERR_UPSTREAM : refund_ask(r, pv, rf, &order, &res);
}

struct refund_list {
	struct refund v[16];
	size_t n;
};

static enum perr refund_keep(void *p, const struct refund *rf)
{
	struct refund_list *l = p;

	if (l->n < sizeof(l->v) / sizeof(l->v[0]))
		l->v[l->n++] = *rf;
	return PERR_OK;
}

static int recheck_post(struct req *r)
{
	const struct provider *pv = provider_get();
	struct payment_found f;
	struct refund_list *rl = arena_alloc(r->arena, sizeof(*rl));
	struct online_payment op;
	struct pay_state ps;
	enum settle_result res = SETTLE_ALREADY;
	const char *id;
	size_t i;
	int st;
	enum perr e;

	REQUIRE(r, A_PAYMENTS);
	if ((st = payment_of(r, &f)) != 0)
		return st;
	if (pv == NULL || rl == NULL)
		return page_error(r, 503, "provider-down");
	rl->n = 0;
	id = console_u64(r->arena, f.id);
	/* The payment's state from the provider (never from a notification), then its refunds. */
	if ((e = db_online_lock_items(r->arena, f.id, &op, ignore_item, NULL)) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	db_rollback();
	if (op.provider_id[0] != '\0') {
		if ((e = pv->get(op.provider_id, &ps)) != PERR_OK)
			return page_fail(r, e == PERR_NOT_FOUND ? PERR_UPSTREAM : e);
		if ((e = payment_settle(r->arena, f.id, &ps, &res)) != PERR_OK)
			return page_fail(r, e);
	}
	if ((e = db_refunds_of(r->arena, f.id, refund_keep, rl)) != PERR_OK)
		return page_fail(r, e);
	for (i = 0; i < rl->n; i++)
		if ((e = recheck_refund(r, &rl->v[i])) != PERR_OK)
			return page_fail(r, e);
	if ((e = console_audit(r, f.org, "recheck-payment", "payment", id, op.status,
		       res == SETTLE_SUCCEEDED ? "succeeded"
		       : res == SETTLE_CANCELED ? "canceled"
		       : res == SETTLE_PENDING	? "pending"
						: op.status)) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, arena_printf(r->arena, "/admin/payment?id=%s&done=rechecked", id));
}

static int refund_post(struct req *r)
{
	const struct fval *amount = req_val(r, K_AMOUNT), *key = req_val(r, K_KEY),
			  *reason = req_val(r, K_REASON);
	const struct provider *pv = provider_get();
	struct payment_found f;
	struct online_payment op;
	const struct currency *cur;
	struct refund rf;
	money_t want = 0, paid = 0, held = 0;
	const char *status = NULL, *id;
	uint64_t rid = 0;
	enum settle_result res;
	int st, ok = 0;
	enum perr e;

	REQUIRE(r, A_PAYMENTS);
	if ((st = payment_of(r, &f)) != 0)
		return st;
	if (key == NULL)
		return page_error(r, 400, "bad-request");
	id = console_u64(r->arena, f.id);
	if ((e = db_online_lock_items(r->arena, f.id, &op, ignore_item, NULL)) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	db_rollback();
	cur = op.cur;
	if (amount == NULL || cur == NULL || money_parse(amount->s, amount->len, cur, 0, &want) != 0 ||
	    want <= 0)
		return payment_page(r, 400, "amount", "invalid");
	if (reason == NULL)
		return payment_page(r, 400, "reason", "invalid");
	/* Money goes back out: the password again. */
	if ((st = console_password_again(r, req_val(r, K_PASSWORD), &ok)) != 0)
		return st;
	if (!ok)
		return payment_page(r, 422, "password", "password-wrong");
	if (pv == NULL || op.provider_id[0] == '\0')
		return payment_page(r, 409, NULL, "not-refundable");

	/* Reserve it under the payment's lock: never more than is left, one refund per key. */
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_refund_lock_payment(r->arena, f.id, &paid, &status, &held)) != PERR_OK)
		goto fail;
	e = db_refund_by_key(r->arena, key->s, &rid);
	if (e == PERR_OK) {
		db_rollback();
		return page_redirect(r, arena_printf(r->arena, "/admin/payment?id=%s&done=already", id));
	}
	if (e != PERR_NOT_FOUND)
		goto fail;
	if (strcmp(status, "succeeded") != 0) {
		db_rollback();
		return payment_page(r, 409, NULL, "not-refundable");
	}
	if (want > paid - held) {
		db_rollback();
		return payment_page(r, 422, "amount", "refund-too-much");
	}
	if ((e = db_refund_insert(f.id, key->s, want, reason->s, r->staff->staff_id, &rid)) !=
		    PERR_OK ||
	    (e = console_audit(r, f.org, "refund", "payment", id,
		       arena_printf(r->arena, "%lld of %lld held", held, paid),
		       arena_printf(r->arena, "%lld: %s", want, reason->s))) != PERR_OK ||
	    (e = db_commit()) != PERR_OK)
		goto fail;

	/* Outside any transaction: the provider's call. */
	if ((e = db_refund_get(r->arena, rid, 0, &rf)) != PERR_OK)
		return page_fail(r, e);
	e = refund_ask(r, pv, &rf,
		       &(struct refund_order){rf.key, op.provider_id, want, cur, reason->s}, &res);
	if (e == PERR_UPSTREAM)
		/* Unknown: nothing is written; re-checking asks again under the same key. */
		return page_redirect(r, arena_printf(r->arena, "/admin/payment?id=%s&done=refund-unknown",
						     id));
	if (e != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, arena_printf(r->arena, "/admin/payment?id=%s&done=%s", id,
					     res == SETTLE_SUCCEEDED  ? "refunded"
					     : res == SETTLE_CANCELED ? "refund-refused"
								      : "refund-pending"));
fail:
	db_rollback();
	return page_fail(r, e);
}

/* ---------------------------------------------------------------- the program */

static const struct page pages[] = {
	{"/admin/login", M_GET | M_POST, PAGE_PUBLIC, "login", login_page},
	{"/admin/login/code", M_GET | M_POST, PAGE_PUBLIC, "code", code_page},
	{"/admin/login/enrol", M_GET | M_POST, PAGE_PUBLIC, "enrol", enrol_page},
	{"/admin/logout", M_POST, PAGE_PUBLIC, "logout", logout_post},
	{"/admin", M_GET, PAGE_SESSION, "overview", overview_get},
	{"/admin/subscribers", M_GET, PAGE_SESSION, "subscribers", search_get},
	{"/admin/subscriber", M_GET, PAGE_SESSION, "subscriber", subscriber_get},
	{"/admin/subscriber/block", M_POST, PAGE_SESSION, "subscriber", block_post},
	{"/admin/subscriber/unblock", M_POST, PAGE_SESSION, "subscriber", unblock_post},
	{"/admin/subscriber/end-sessions", M_POST, PAGE_SESSION, "subscriber", end_sessions_post},
	{"/admin/subscriber/reset-link", M_POST, PAGE_SESSION, "subscriber", reset_link_post},
	{"/admin/subscriber/two-factor-off", M_POST, PAGE_SESSION, "subscriber", two_factor_off_post},
	{"/admin/appeals", M_GET, PAGE_SESSION, "appeals", appeals_get},
	{"/admin/appeal", M_GET, PAGE_SESSION, "appeal", appeal_get},
	{"/admin/appeal/answer", M_POST, PAGE_SESSION | PAGE_UPLOAD, "appeal", appeal_answer_post},
	{"/admin/appeal/note", M_POST, PAGE_SESSION, "appeal", appeal_note_post},
	{"/admin/appeal/assign", M_POST, PAGE_SESSION, "appeal", appeal_assign_post},
	{"/admin/appeal/file", M_GET, PAGE_SESSION, "appeal", appeal_file_get},
	{"/admin/subscriber/view-as", M_POST, PAGE_SESSION, "subscriber", view_as_post},
	{"/admin/subscriber/link", M_POST, PAGE_SESSION, "subscriber", link_post},
	{"/admin/subscriber/unlink", M_POST, PAGE_SESSION, "subscriber", unlink_post},
	{"/admin/account/login", M_GET | M_POST, PAGE_SESSION, "holder", holder_login},
	{"/admin/requests", M_GET, PAGE_SESSION, "requests", requests_get},
	{"/admin/requests/approve", M_POST, PAGE_SESSION, "requests", approve_post},
	{"/admin/requests/reject", M_POST, PAGE_SESSION, "requests", reject_post},
	{"/admin/readings", M_GET, PAGE_SESSION, "readings", readings_get},
	{"/admin/readings/accept", M_POST, PAGE_SESSION, "readings", reading_accept_post},
	{"/admin/readings/reject", M_POST, PAGE_SESSION, "readings", reading_reject_post},
	{"/admin/readings/enter", M_POST, PAGE_SESSION, "readings", reading_enter_post},
	{"/admin/payments", M_GET, PAGE_SESSION, "payments", payments_get},
	{"/admin/payment", M_GET, PAGE_SESSION, "payment", payment_get},
	{"/admin/payment/recheck", M_POST, PAGE_SESSION, "payment", recheck_post},
	{"/admin/payment/refund", M_POST, PAGE_SESSION, "payment", refund_post},
	{"/admin/news", M_GET, PAGE_SESSION, "news", news_get},
	{"/admin/news/new", M_GET | M_POST, PAGE_SESSION, "news-new", news_new},
	{"/admin/organization", M_GET | M_POST, PAGE_SESSION, "organization", organization_page},
	{"/admin/organization/office", M_POST, PAGE_SESSION, "organization", office_post},
	{"/admin/help", M_GET, PAGE_SESSION, "help", help_get},
	{"/admin/topics", M_GET, PAGE_SESSION, "topics", topics_get},
	{"/admin/topics/add", M_POST, PAGE_SESSION, "topics", topic_add_post},
	{"/admin/topics/rename", M_POST, PAGE_SESSION, "topics", topic_rename_post},
	{"/admin/topics/active", M_POST, PAGE_SESSION, "topics", topic_active_post},
	{"/admin/help/question", M_POST, PAGE_SESSION, "help", help_question_post},
	{"/admin/help/question/delete", M_POST, PAGE_SESSION, "help", help_question_delete_post},
	{"/admin/help/rules", M_POST, PAGE_SESSION, "help", help_rules_post},
	{"/admin/help/form", M_POST, PAGE_SESSION | PAGE_UPLOAD, "help", help_form_post},
	{"/admin/help/form/delete", M_POST, PAGE_SESSION, "help", help_form_delete_post},
	{"/admin/organization/office/delete", M_POST, PAGE_SESSION, "organization",
	 office_delete_post},
	{"/admin/staff", M_GET, PAGE_SESSION, "staff", staff_get},
	{"/admin/staff/new", M_GET | M_POST, PAGE_SESSION, "staff-new", staff_new},
	{"/admin/staff/member", M_GET, PAGE_SESSION, "member", member_get},
	{"/admin/staff/role", M_POST, PAGE_SESSION, "member", staff_role_post},
	{"/admin/staff/disable", M_POST, PAGE_SESSION, "member", staff_disable_post},
	{"/admin/staff/enable", M_POST, PAGE_SESSION, "member", staff_enable_post},
	{"/admin/staff/reset-factor", M_POST, PAGE_SESSION, "member", staff_reset_post},
	{"/admin/audit", M_GET, PAGE_SESSION, "audit", audit_get},
};

static const struct section section = {
	.name = "admin",
	.pages = pages,
	.npages = sizeof(pages) / sizeof(pages[0]),
	.fields = fields,
	.nfields = K__MAX,
	.load_session = staff_session_load,
	.login_path = "/admin/login",
	.nav = console_nav,
	.upload = upload_open,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
