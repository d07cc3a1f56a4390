/*
 * login/register.c: self-registration (/register), for someone with an account
 * number and no login: if the phone is the one on file, a password by SMS and a
 * link to confirm the e-mail address.
 */
#include <stdint.h>
#include <string.h>

#include "app/link.h"
#include "app/org_list.h"
#include "billing/account.h"
#include "core/arena.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/login.h"
#include "core/password.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/db.h"
#include "db/outbox.h"
#include "db/subscriber.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "login/login.h"

/* Uses of /register per hour (form_limit): from one address, for one account. */
#define REGISTER_PER_IP      10
#define REGISTER_PER_ACCOUNT 3

/* The organization the form names, if it is one. */
struct chosen_org {
	struct organization o;
	int found;
};

static int register_form(struct req *r, struct chosen_org *os)
{
	static const size_t typed[] = {K_NUMBER, K_EMAIL, K_PHONE};
	xmlNodePtr f = xml_elem(r->root, "register-form");
	const struct fval *org = req_val(r, K_ORG);
	enum perr e;

	if (f == NULL || xml_typed(r, typed, sizeof(typed) / sizeof(typed[0])) != 0)
		return page_error(r, 500, "internal");
	e = xml_organizations(r->arena, f, org ? (uint64_t)org->i : 0, &os->o, &os->found);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static int register_get(struct req *r)
{
	struct chosen_org os = {0};

	if (r->sess != NULL)
		return page_redirect(r, "/");
	return register_form(r, &os);
}

static int register_post(struct req *r)
{
	static const size_t required[] = {K_ORG, K_NUMBER, K_EMAIL, K_PHONE};
	const struct fval *number = req_val(r, K_NUMBER), *email = req_val(r, K_EMAIL),
	                  *phone = req_val(r, K_PHONE);
	char password[GENERATED_PASSWORD_LEN + 1], pwhash[128], login[LOGIN_BYTES];
	const char *subject, *sms;
	struct chosen_org os = {0};
	struct account acc;
	uint64_t id = 0;
	int st, bad;
	enum perr e;

	if ((st = register_form(r, &os)) != 200)
		return st;
	if ((bad = xml_required(r, required, sizeof(required) / sizeof(required[0]))) < 0 ||
	    (!bad && !os.found && xml_form_error(r, "org", "invalid") != 0))
		return page_error(r, 500, "internal");
	if (bad || !os.found)
		return page_status(r, 400);
	subject = arena_printf(r->arena, "%llu:%s", (unsigned long long)os.o.id, number->s);
	if (subject == NULL)
		return page_error(r, 500, "internal");
	if ((st = form_limit(r, "register", subject, REGISTER_PER_IP, REGISTER_PER_ACCOUNT)) != 0)
		return st;

	/* No such account and another phone get the same answer. */
	e = db_account_by_number(r->arena, os.o.id, number->s, &acc);
	if (e != PERR_OK && e != PERR_NOT_FOUND)
		return page_fail(r, e);
	if (e == PERR_NOT_FOUND || !phone_same(acc.phone, phone->s)) {
		log_msg(LOG_INFO, "registration refused: the phone is not the one on file");
		return page_refuse(r, 422, NULL, "phone-mismatch");
	}

	/* The login is the account number, stored in the form logins are compared
	 * in; the messages name it as it is on paper (either signs in). */
	if (login_normalize(number->s, login, sizeof(login)) != 0)
		return page_error(r, 500, "internal");
	password_generate(password);
	if (password_hash(password, strlen(password), pwhash, sizeof(pwhash)) != 0)
		return page_error(r, 500, "internal");
	sms = outbox_params(r->arena, "note",
	                    (const char *[]){"login", number->s, "password", password}, 2);
	if (sms == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	/* The login is the account number: what the subscriber already has on paper. */
	e = db_subscriber_create(login, pwhash, acc.payer, phone->s, r->lang, &id);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return page_refuse(r, 409, NULL, "already-registered");
	}
	if (e != PERR_OK || (e = db_account_link(id, acc.id)) != PERR_OK ||
	    (e = db_subscriber_set_current(id, acc.id)) != PERR_OK ||
	    (e = db_outbox_to(id, "sms", phone->s, "registered", sms)) != PERR_OK ||
	    (e = link_send(r->arena, id, number->s, "email", email->s, EMAIL_LINK_TTL, email->s,
	                   "confirm-email")) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	log_msg(LOG_INFO, "subscriber %llu registered for account %llu", (unsigned long long)id,
	        (unsigned long long)acc.id);
	return page_redirect(r, "/register/sent");
}

int register_page(struct req *r)
{
	return r->method == M_POST ? register_post(r) : register_get(r);
}
