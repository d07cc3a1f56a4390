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
 *
 * This file holds the form's fields and the routes; each group of pages is a
 * file of its own in admin/ (admin/admin.h lists their handlers).
 */
#include "core/crypto.h"
#include "core/money.h"
#include "core/password.h"
#include "core/valid.h"
#include "doc/xml.h"
#include "web/req.h"
#include "web/serve.h"
#include "web/upload.h"
#include "web/console.h"
#include "web/staff_session.h"
#include "admin/admin.h"

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

/* ---------------------------------------------------------------- shared by the pages */

int money_xml(struct req *r, xmlNodePtr parent, const char *name, money_t v, const char *currency)
{
	const struct currency *cur = currency ? currency_find(currency) : NULL;

	return cur == NULL ? -1 : (xml_money(parent, name, v, cur, r->lang) == NULL ? -1 : 0);
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
