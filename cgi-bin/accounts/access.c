/*
 * accounts/access.c: who else may use the current account (GET /access): its
 * delegates and their rights, invitations sent, the record of what others
 * did, its company; and giving up access shared with you
 * (POST /accounts/leave).
 */
#include <stdint.h>
#include <string.h>

#include "billing/access.h"
#include "billing/account.h"
#include "billing/bankcheck.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/log.h"
#include "core/money.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/access.h"
#include "db/company.h"
#include "db/account.h"
#include "db/db.h"
#include "db/outbox.h"
#include "db/session.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "accounts/accounts.h"

/* Invitations one holder may send in a day, of all their accounts: each is a
 * message to an address that is not theirs. */
#define INVITES_PER_DAY 20
/* Delegates and live invitations of one account, together. */
#define DELEGATES_MAX 20
/* How long an invitation's link works (seconds). */
#define INVITATION_TTL (24 * 3600)
/* Entries of the access record, and of others' actions of each kind, shown. */
#define EVENTS_SHOWN  50
#define ACTIONS_SHOWN 20

/* A choice's name for rights; a holder's are no choice. */
const char *rights_name(unsigned rights)
{
	const char *choice = access_choice_of(rights);

	return choice != NULL ? choice : "holder";
}

/* Attribute name: the UTC instant utc in the site's time zone (the pages' datetime). */
int local_attr(xmlNodePtr n, const char *name, const char *utc)
{
	char local[26];

	return utc == NULL || instant_local(utc, local) != 0 || xml_attr(n, name, local);
}

/* What /access shows, and what its forms need of it. */
struct access_page {
	struct req *r;
	xmlNodePtr n;
	const char *number;            /* the account's */
	size_t delegates, invitations; /* live, together limited to DELEGATES_MAX */
	uint64_t find;                 /* a delegate or invitation looked for, */
	int invitation;                /* (an invitation: its ids are not subscribers') */
	unsigned found_rights;         /* its rights, */
	const char *found_contact;     /* an invitation's address or phone, */
	int found;                     /* whether it was there */
};

static enum perr delegate_row(void *p, const struct delegate *d)
{
	struct access_page *ap = p;
	xmlNodePtr n = xml_elem(ap->n, "delegate");

	ap->delegates++;
	if (!ap->invitation && d->id == ap->find) {
		ap->found = 1;
		ap->found_rights = d->rights;
	}
	if (n == NULL || xml_attr_int(n, "id", (long long)d->id) ||
	    xml_attr(n, "rights", rights_name(d->rights)) || local_attr(n, "since", d->since) ||
	    xml_text(n, "name", d->name) == NULL || xml_text(n, "login", d->login) == NULL ||
	    (d->email != NULL && xml_text(n, "email", d->email) == NULL) ||
	    (d->phone != NULL && xml_text(n, "phone", d->phone) == NULL))
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr invitation_row(void *p, const struct invitation *i)
{
	struct access_page *ap = p;
	xmlNodePtr n = xml_elem(ap->n, "invitation");

	ap->invitations++;
	if (ap->invitation && i->id == ap->find) {
		ap->found = 1;
		ap->found_rights = i->rights;
		ap->found_contact = i->contact;
	}
	if (n == NULL || xml_attr_int(n, "id", (long long)i->id) ||
	    xml_attr(n, "rights", rights_name(i->rights)) || local_attr(n, "expires", i->expires) ||
	    xml_text(n, "contact", i->contact) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr event_row(void *p, const struct access_event *ev)
{
	struct access_page *ap = p;
	xmlNodePtr n = xml_elem(ap->n, "event");

	if (n == NULL || local_attr(n, "at", ev->at) || xml_attr(n, "event", ev->event) ||
	    (ev->rights != 0 && xml_attr(n, "rights", rights_name(ev->rights))) ||
	    (ev->actor != NULL && xml_text(n, "actor", ev->actor) == NULL) ||
	    (ev->subject != NULL && xml_text(n, "subject", ev->subject) == NULL) ||
	    (ev->contact != NULL && xml_text(n, "contact", ev->contact) == NULL))
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr action_row(void *p, const struct others_action *a)
{
	struct access_page *ap = p;
	xmlNodePtr n = xml_elem(ap->n, "action");

	if (n == NULL || xml_attr(n, "kind", a->kind) || local_attr(n, "at", a->at) ||
	    xml_text(n, "who", a->who) == NULL)
		return PERR_NOMEM;
	if (strcmp(a->kind, "reading") == 0) {
		const char *v = decimal_text(ap->r->arena, a->value, a->decimals);

		if (v == NULL || xml_text(n, "meter", a->meter) == NULL ||
		    xml_text(n, "value", v) == NULL)
			return PERR_NOMEM;
	} else if (xml_money(n, "amount", a->amount, currency_find(a->currency ? a->currency : ""),
	                     ap->r->lang) == NULL) {
		return PERR_NOMEM;
	}
	return PERR_OK;
}

/*
 * The current account's access, for its holder (the page needs
 * RIGHT_HOLDER): who has it, the invitations out, what happened, what the
 * others did; and the invitation form with what was typed.
 */
static int access_fill(struct req *r, struct access_page *ap)
{
	static const size_t echo[] = {K_CONTACT, K_RIGHTS, K_NAME, K_TAX_ID, K_KPP, K_ADDRESS};
	uint64_t account = r->sess->account_id;
	struct company co;
	struct account a;
	xmlNodePtr cn;
	int is_company = 0;
	enum perr e;

	ap->r = r;
	if ((e = db_account_get(r->arena, r->sess->subscriber_id, account, RIGHT_HOLDER, &a)) !=
	    PERR_OK)
		return page_fail(r, e);
	ap->number = a.number;
	ap->n = xml_elem(r->root, "access");
	if (ap->n == NULL || xml_attr_int(ap->n, "account", (long long)a.id) ||
	    xml_text(ap->n, "number", a.number) == NULL ||
	    xml_text(ap->n, "address", a.address) == NULL ||
	    xml_text(ap->n, "organization", a.org.name) == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_access_delegates(r->arena, account, delegate_row, ap)) != PERR_OK ||
	    (e = db_access_invitations(r->arena, account, invitation_row, ap)) != PERR_OK ||
	    (e = db_access_events(r->arena, account, EVENTS_SHOWN, event_row, ap)) != PERR_OK ||
	    (e = db_access_others_actions(r->arena, account, ACTIONS_SHOWN, action_row, ap)) !=
	            PERR_OK ||
	    (e = db_company_get(r->arena, account, &co, &is_company)) != PERR_OK)
		return page_fail(r, e);
	if (is_company &&
	    ((cn = xml_elem(ap->n, "company")) == NULL || xml_text(cn, "name", co.name) == NULL ||
	     xml_text(cn, "tax-id", co.tax_id) == NULL ||
	     (co.kpp != NULL && xml_text(cn, "kpp", co.kpp) == NULL) ||
	     xml_text(cn, "address", co.legal_address) == NULL))
		return page_error(r, 500, "internal");
	if (xml_typed(r, echo, sizeof(echo) / sizeof(echo[0])) != 0 || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	return 200;
}

int access_get(struct req *r)
{
	struct access_page ap = {0};

	if (r->sess->account_id == 0)
		return page_redirect(r, "/accounts");
	return access_fill(r, &ap);
}

/*
 * Whether contact (as valid_email or valid_phone keep it) is the subscriber's
 * own: an address whatever its case, a phone however it was written on file.
 */
int contact_is(const struct session *s, const char *contact)
{
	char phone[PHONE_MAX + 1];

	if (strchr(contact, '@') != NULL)
		return s->email != NULL && strcasecmp(s->email, contact) == 0;
	return s->phone != NULL && phone_normalize(s->phone, strlen(s->phone), phone) == 0 &&
	       strcmp(phone, contact) == 0;
}

/* The invitation form's address or phone, as its kind of field keeps it; NULL if neither. */
static const char *contact_of(struct req *r)
{
	static const struct field email = {"contact", valid_email, 3, 254};
	static const struct field phone = {"contact", valid_phone, 1, 32};
	const struct fval *typed = req_val(r, K_CONTACT);
	const struct field *f;
	struct fval v;

	if (typed == NULL)
		return NULL;
	f = memchr(typed->s, '@', typed->len) != NULL ? &email : &phone;
	return f->valid(f, typed->s, typed->len, r->arena, &v) == 0 ? v.s : NULL;
}

int invite_post(struct req *r)
{
	const struct fval *rights_f = req_val(r, K_RIGHTS);
	unsigned rights = rights_f ? access_rights_of(rights_f->s) : 0;
	uint64_t me = r->sess->subscriber_id, account = r->sess->account_id, id;
	struct access_page ap = {0};
	char token[TOKEN_CHARS + 1];
	unsigned char hash[32];
	const char *contact, *params;
	long long today = 0;
	int st, bad = 0;
	enum perr e;

	if (account == 0)
		return page_redirect(r, "/accounts");
	if ((st = access_fill(r, &ap)) != 200)
		return st;
	if ((contact = contact_of(r)) == NULL) {
		bad = 1;
		if (xml_form_error(r, "contact", "invalid") != 0)
			return page_error(r, 500, "internal");
	}
	if (rights == 0) {
		bad = 1;
		if (xml_form_error(r, "rights", "invalid") != 0)
			return page_error(r, 500, "internal");
	}
	if (bad)
		return page_status(r, 400);
	if (contact_is(r->sess, contact))
		return page_refuse(r, 422, "contact", "access-self");
	if (ap.delegates + ap.invitations >= DELEGATES_MAX)
		return page_refuse(r, 422, NULL, "access-too-many");
	if ((e = db_access_invited_today(r->arena, me, &today)) != PERR_OK)
		return page_fail(r, e);
	if (today >= INVITES_PER_DAY)
		return page_refuse(r, 429, NULL, "access-invite-limit");

	if (token_new_hashed(token, hash) != 0)
		return page_error(r, 500, "internal");
	params = outbox_params(r->arena, "note",
	                       (const char *[]){"token", token, "number", ap.number, "holder",
	                                        r->sess->full_name, "rights", rights_name(rights)},
	                       4);
	if (params == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_access_invite(hash, account, me, contact, rights, INVITATION_TTL, &id)) !=
	            PERR_OK ||
	    (e = db_outbox_to(me, strchr(contact, '@') ? "email" : "sms", contact, "access-invite",
	                      params)) != PERR_OK ||
	    (e = db_access_record(account, me, 0, contact, "invited", rights)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	log_msg(LOG_INFO, "account %llu shared: invitation %llu sent", (unsigned long long)account,
	        (unsigned long long)id);
	return page_redirect(r, "/access?done=invited");
}

/* The delegate (or, ap->invitation set, the invitation) the form's id names, found
 * among the current account's; 404 when it is not one of them.  The two kinds of
 * id are looked for apart: a subscriber's id may be an invitation's too. */
static int access_find(struct req *r, struct access_page *ap)
{
	const struct fval *id = req_val(r, K_ID);
	int st;

	if (id == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	ap->find = (uint64_t)id->i;
	if ((st = access_fill(r, ap)) != 200)
		return st;
	return ap->found ? 200 : page_fail(r, PERR_NOT_FOUND);
}

int rights_post(struct req *r)
{
	const struct fval *rights_f = req_val(r, K_RIGHTS);
	unsigned rights = rights_f ? access_rights_of(rights_f->s) : 0;
	uint64_t account = r->sess->account_id;
	struct access_page ap = {0};
	enum perr e;
	int st;

	if ((st = access_find(r, &ap)) != 200)
		return st;
	if (rights == 0)
		return page_refuse(r, 400, "rights", "invalid");
	if (rights == ap.found_rights)
		return page_redirect(r, "/access?done=changed");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_access_set_rights(account, ap.find, rights)) != PERR_OK ||
	    (e = db_access_record(account, r->sess->subscriber_id, ap.find, NULL, "changed",
	                          rights)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/access?done=changed");
}

int revoke_post(struct req *r)
{
	uint64_t account = r->sess->account_id;
	struct access_page ap = {0};
	enum perr e;
	int st;

	if ((st = access_find(r, &ap)) != 200)
		return st;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_access_end(account, ap.find)) != PERR_OK ||
	    (e = db_access_record(account, r->sess->subscriber_id, ap.find, NULL, "revoked",
	                          ap.found_rights)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/access?done=revoked");
}

int cancel_post(struct req *r)
{
	uint64_t account = r->sess->account_id;
	struct access_page ap = {.invitation = 1};
	enum perr e;
	int st;

	if ((st = access_find(r, &ap)) != 200)
		return st;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_access_cancel(account, ap.find)) != PERR_OK ||
	    (e = db_access_record(account, r->sess->subscriber_id, 0, ap.found_contact, "cancelled",
	                          ap.found_rights)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/access?done=cancelled");
}

/* Whether s is n ASCII digits. */
static int digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return i == n;
}

/*
 * The holder names the account's company (or, answer=off, says it is a
 * person's): a name, an INN or a Kazakh BIN by its check digits, a KPP of 9
 * digits if any, a legal address.  Each field refused beside itself, kept.
 */
int company_post(struct req *r)
{
	static const size_t required[] = {K_NAME, K_TAX_ID, K_ADDRESS};
	const struct fval *off = req_val(r, K_ANSWER), *tax = req_val(r, K_TAX_ID);
	const struct fval *kpp = req_val(r, K_KPP);
	uint64_t account = r->sess->account_id;
	struct access_page ap = {0};
	struct company c;
	int st, bad;
	enum perr e;

	if (account == 0)
		return page_redirect(r, "/accounts");
	if (off != NULL && strcmp(off->s, "off") == 0) {
		if ((e = db_company_clear(account)) != PERR_OK)
			return page_fail(r, e);
		return page_redirect(r, "/access?done=company-off");
	}
	if ((st = access_fill(r, &ap)) != 200)
		return st;
	if ((bad = xml_required(r, required, sizeof(required) / sizeof(required[0]))) < 0)
		return page_error(r, 500, "internal");
	if (tax != NULL && !r->bad[K_TAX_ID] && !inn_valid(tax->s) &&
	    !(digits(tax->s, 12) && bin_kz_valid(tax->s))) {
		bad = 1;
		if (xml_form_error(r, "tax_id", "invalid") != 0)
			return page_error(r, 500, "internal");
	}
	if (r->bad[K_KPP] || (kpp != NULL && !digits(kpp->s, 9))) {
		bad = 1;
		if (xml_form_error(r, "kpp", "invalid") != 0)
			return page_error(r, 500, "internal");
	}
	if (bad)
		return page_status(r, 400);
	c.name = req_val(r, K_NAME)->s;
	c.tax_id = tax->s;
	c.kpp = kpp ? kpp->s : NULL;
	c.legal_address = req_val(r, K_ADDRESS)->s;
	if ((e = db_company_set(account, &c, r->sess->subscriber_id)) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, "/access?done=company");
}

/* A delegate gives their access up. */
int leave_post(struct req *r)
{
	const struct fval *id = req_val(r, K_ID);
	uint64_t me = r->sess->subscriber_id;
	enum perr e;

	if (id == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_access_end((uint64_t)id->i, me)) != PERR_OK ||
	    (e = db_access_record((uint64_t)id->i, me, me, NULL, "left", 0)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/accounts?done=left");
}

/*
 * The live invitation a link's token names, for someone not signed in: 200,
 * or the refusal shown (unknown 404; used, cancelled or expired 410).
 */
