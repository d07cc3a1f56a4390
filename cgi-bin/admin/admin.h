/* admin/admin.h: what the console's pages share: the form fields' keys and
 * each page's handler, for the route table in admin.c. */
#ifndef ADMIN_ADMIN_H
#define ADMIN_ADMIN_H

#include "core/money.h"
#include "doc/xml.h"
#include "web/req.h"

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

/* A list being filled from a database callback. */
struct row_ctx {
	struct req *r;
	xmlNodePtr list;
};

/* parent/name: an amount in its currency, formatted for r's language. */
int money_xml(struct req *r, xmlNodePtr parent, const char *name, money_t v, const char *currency);

/* signing in (admin/signin.c) */
int code_page(struct req *r);
int enrol_page(struct req *r);
int login_page(struct req *r);
int logout_post(struct req *r);

/* overview (admin/overview.c) */
int overview_get(struct req *r);

/* the search (admin/search.c), and its form, which the payments' search uses */
int search_get(struct req *r);
int search_form(struct req *r, const char *name, const char *const *kinds, size_t n,
                xmlNodePtr *form, size_t *kind);

/* a subscriber (admin/subscriber.c) */
int block_post(struct req *r);
int end_sessions_post(struct req *r);
int holder_login(struct req *r);
int link_post(struct req *r);
int reset_link_post(struct req *r);
int subscriber_get(struct req *r);
int two_factor_off_post(struct req *r);
int unblock_post(struct req *r);
int unlink_post(struct req *r);
int view_as_post(struct req *r);

/* appeals (admin/appeals.c) */
int appeal_answer_post(struct req *r);
int appeal_assign_post(struct req *r);
int appeal_file_get(struct req *r);
int appeal_get(struct req *r);
int appeal_note_post(struct req *r);
int appeals_get(struct req *r);

/* requests (admin/requests.c) */
int approve_post(struct req *r);
int reject_post(struct req *r);
int requests_get(struct req *r);

/* news (admin/news.c) */
int news_get(struct req *r);
int news_new(struct req *r);

/* appeal topics (admin/topics.c) */
int topic_active_post(struct req *r);
int topic_add_post(struct req *r);
int topic_rename_post(struct req *r);
int topics_get(struct req *r);

/* help (admin/help.c) */
int help_form_delete_post(struct req *r);
int help_form_post(struct req *r);
int help_get(struct req *r);
int help_question_delete_post(struct req *r);
int help_question_post(struct req *r);
int help_rules_post(struct req *r);

/* organization (admin/organization.c) */
int office_delete_post(struct req *r);
int office_post(struct req *r);
int organization_page(struct req *r);

/* staff (admin/staff.c) */
int member_get(struct req *r);
int staff_disable_post(struct req *r);
int staff_enable_post(struct req *r);
int staff_get(struct req *r);
int staff_new(struct req *r);
int staff_reset_post(struct req *r);
int staff_role_post(struct req *r);

/* audit (admin/audit.c) */
int audit_get(struct req *r);

/* readings (admin/readings.c) */
int reading_accept_post(struct req *r);
int reading_enter_post(struct req *r);
int reading_reject_post(struct req *r);
int readings_get(struct req *r);

/* payments (admin/payments.c) */
int payment_get(struct req *r);
int payments_get(struct req *r);
int recheck_post(struct req *r);
int refund_post(struct req *r);

#endif
