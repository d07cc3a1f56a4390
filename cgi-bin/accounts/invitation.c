/*
 * accounts/invitation.c: an invitation taken (GET and POST /access/accept), or a
 * login made from it by someone who had none (GET and POST /access/join).
 */
#include <stdint.h>
#include <string.h>

#include "billing/access.h"
#include "billing/account.h"
#include "core/crypto.h"
#include "core/login.h"
#include "core/log.h"
#include "core/perr.h"
#include "core/urlenc.h"
#include "core/valid.h"
#include "db/access.h"
#include "db/subscriber.h"
#include "db/account.h"
#include "db/db.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "accounts/accounts.h"

static int invitation_live(struct req *r, struct invitation *inv)
{
	const struct fval *t = req_val(r, K_TOKEN);
	unsigned char raw[TOKEN_BYTES], hash[32];
	enum perr e;

	if (t == NULL || token_decode(t->s, t->len, raw) != 0)
		return page_refuse(r, 404, NULL, "invitation-unknown");
	token_hash(raw, TOKEN_BYTES, hash);
	e = db_access_invitation(r->arena, hash, inv);
	if (e == PERR_NOT_FOUND)
		return page_refuse(r, 404, NULL, "invitation-unknown");
	if (e != PERR_OK)
		return page_fail(r, e);
	if (inv->used)
		return page_refuse(r, 410, NULL, "invitation-used");
	if (inv->cancelled)
		return page_refuse(r, 410, NULL, "invitation-cancelled");
	if (inv->expired)
		return page_refuse(r, 410, NULL, "invitation-expired");
	return 200;
}

/*
 * The invitation a link's token names, for the subscriber signed in: 200
 * with it in *inv, or the refusal shown (unknown 404; used, cancelled or
 * expired 410; sent to someone else 403; their own account 409).
 */
static int invitation_for_me(struct req *r, struct invitation *inv)
{
	struct account mine;
	enum perr e;
	int st;

	if ((st = invitation_live(r, inv)) != 200)
		return st;
	if (!contact_is(r->sess, inv->contact))
		return page_refuse(r, 403, NULL, "invitation-not-yours");
	e = db_account_get(r->arena, r->sess->subscriber_id, inv->account_id, RIGHT_HOLDER, &mine);
	if (e == PERR_OK)
		return page_refuse(r, 409, NULL, "invitation-own-account");
	return e == PERR_NOT_FOUND ? 200 : page_fail(r, e);
}

static int accept_get(struct req *r)
{
	struct invitation inv;
	xmlNodePtr n;
	int st;

	if ((st = invitation_for_me(r, &inv)) != 200)
		return st;
	n = xml_elem(r->root, "invitation");
	if (n == NULL || xml_attr(n, "rights", rights_name(inv.rights)) ||
	    local_attr(n, "expires", inv.expires) ||
	    xml_text(n, "token", req_val(r, K_TOKEN)->s) == NULL ||
	    xml_text(n, "number", inv.number) == NULL ||
	    xml_text(n, "address", inv.address) == NULL ||
	    xml_text(n, "organization", inv.org) == NULL ||
	    xml_text(n, "holder", inv.holder) == NULL)
		return page_error(r, 500, "internal");
	return 200;
}

static int accept_post(struct req *r)
{
	const struct fval *answer = req_val(r, K_ANSWER);
	uint64_t me = r->sess->subscriber_id;
	struct invitation inv;
	int st, yes;
	enum perr e;

	if (answer == NULL || (strcmp(answer->s, "yes") != 0 && strcmp(answer->s, "no") != 0))
		return page_error(r, 400, "bad-request");
	yes = strcmp(answer->s, "yes") == 0;
	if ((st = invitation_for_me(r, &inv)) != 200)
		return st;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = yes ? db_access_take(inv.id, me) : db_access_cancel(inv.account_id, inv.id);
	if (e == PERR_CONFLICT || e == PERR_NOT_FOUND) { /* taken or ended a moment ago */
		db_rollback();
		return page_refuse(r, 410, NULL, "invitation-used");
	}
	if (e != PERR_OK ||
	    (e = db_access_record(inv.account_id, me, yes ? me : 0, yes ? NULL : inv.contact,
	                          yes ? "accepted" : "cancelled", inv.rights)) != PERR_OK ||
	    (yes && (e = db_subscriber_set_current(me, inv.account_id)) != PERR_OK) ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, yes ? "/accounts?done=shared" : "/accounts?done=declined");
}

int accept_page(struct req *r)
{
	return r->method == M_POST ? accept_post(r) : accept_get(r);
}

/* The join form: the invitation, and the login it makes (its address or phone). */
static int join_form(struct req *r, const struct invitation *inv)
{
	static const size_t echo[] = {K_NAME};
	xmlNodePtr n = xml_elem(r->root, "join");

	if (n == NULL || xml_attr(n, "rights", rights_name(inv->rights)) ||
	    xml_text(n, "token", req_val(r, K_TOKEN)->s) == NULL ||
	    xml_text(n, "login", inv->contact) == NULL ||
	    xml_text(n, "number", inv->number) == NULL ||
	    xml_text(n, "address", inv->address) == NULL ||
	    xml_text(n, "holder", inv->holder) == NULL || xml_typed(r, echo, 1) != 0)
		return page_error(r, 500, "internal");
	return 200;
}

/*
 * Someone invited who has no login makes one from the link: the link
 * reached them at the address or phone it was sent to, so that becomes their
 * login and contact.  The login and the access are made in one transaction;
 * a login that exists already is told to sign in instead.  The new login
 * then signs in like any other, on the sign-in page with its login filled in:
 * sessions are the login program's, which alone reads the sign-in limits.
 */
static int join_post(struct req *r, const struct invitation *inv)
{
	char login[LOGIN_BYTES], pwhash[128], query[3 * LOGIN_BYTES];
	const char *personal[2];
	int by_phone = strchr(inv->contact, '@') == NULL, st, bad;
	uint64_t id = 0;
	enum perr e;

	/* The name's message is the join form's own: "name" is also the company's. */
	if ((bad = req_val(r, K_NAME) == NULL) && xml_form_error(r, "name", "name-join") != 0)
		return page_error(r, 500, "internal");
	if (login_normalize(inv->contact, login, sizeof(login)) != 0 ||
	    url_query_escape(query, sizeof(query), login, NULL) < 0)
		return page_error(r, 500, "internal");
	personal[0] = req_val(r, K_NAME) ? req_val(r, K_NAME)->s : "";
	personal[1] = inv->contact;
	if ((st = page_new_password(r, K_NEW, K_CONFIRM, login, personal, 2, pwhash,
	                            sizeof(pwhash))) != 0)
		return st;
	if (bad)
		return page_status(r, 400);
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_subscriber_create(login, pwhash, req_val(r, K_NAME)->s,
	                         by_phone ? inv->contact : NULL, r->lang, &id);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return page_refuse(r, 409, NULL, "join-login-taken");
	}
	if (e == PERR_OK && !by_phone)
		e = db_subscriber_set_email(id, inv->contact);
	if (e == PERR_OK)
		e = db_access_take(inv->id, id);
	if (e == PERR_CONFLICT) { /* taken a moment ago */
		db_rollback();
		return page_refuse(r, 410, NULL, "invitation-used");
	}
	if (e != PERR_OK ||
	    (e = db_access_record(inv->account_id, id, id, NULL, "accepted", inv->rights)) !=
	            PERR_OK ||
	    (e = db_subscriber_set_current(id, inv->account_id)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	log_msg(LOG_INFO, "subscriber %llu joined from invitation %llu", (unsigned long long)id,
	        (unsigned long long)inv->id);
	return page_redirect(
	        r, arena_printf(r->arena,
	                        "/login?done=joined&next=%%2Faccounts%%3Fdone%%3Dshared&login=%s",
	                        query));
}

int join_page(struct req *r)
{
	struct invitation inv;
	int st;

	/* Signed in already: the invitation is taken as theirs, if it is theirs. */
	if (r->signed_in && req_val(r, K_TOKEN) != NULL)
		return page_redirect(r, arena_printf(r->arena, "/access/accept?token=%s",
		                                     req_val(r, K_TOKEN)->s));
	if ((st = invitation_live(r, &inv)) != 200 || (st = join_form(r, &inv)) != 200)
		return st;
	return r->method == M_POST ? join_post(r, &inv) : 200;
}
