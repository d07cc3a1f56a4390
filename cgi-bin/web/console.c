/*
 * console.c: what the operator console's programs (admin, exchange) share:
 * the roles and what each may do, the menu, the staff member's line on
 * every page, audit rows, and asking for the password again.
 */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/date.h"
#include "core/password.h"
#include "core/perr.h"
#include "core/totp.h"
#include "core/valid.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/staff.h"
#include "doc/xml.h"
#include "web/console.h"
#include "web/req.h"

static const char *const role_names[] = {"admin", "operator", "accountant", "viewer"};
#define NROLES (sizeof(role_names) / sizeof(role_names[0]))

static const unsigned char role_may[NROLES][A__MAX] = {
        /*        read sub req news org staff audit pay readings exchange keys appeals help */
        /* admin */ {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
        /* operator */ {1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1},
        /* accountant */ {1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0},
        /* viewer */ {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
};

static int role_index(const char *role)
{
	size_t i;

	for (i = 0; i < NROLES; i++)
		if (role != NULL && strcmp(role, role_names[i]) == 0)
			return (int)i;
	return -1;
}

int console_role_valid(const char *role)
{
	return role_index(role) >= 0;
}

int console_may(const struct req *r, enum console_action a)
{
	int i = r->staff ? role_index(r->staff->role) : -1;

	return i >= 0 && role_may[i][a];
}

/* ---------------------------------------------------------------- shared */

enum perr console_audit(struct req *r, unsigned org, const char *action, const char *otype,
                        const char *oid, const char *before, const char *after)
{
	struct audit_entry x = {r->staff ? r->staff->staff_id : 0,
	                        r->staff ? r->staff->login : "-",
	                        r->remote_addr,
	                        org,
	                        action,
	                        otype,
	                        oid,
	                        before,
	                        after};

	return db_audit_add(&x);
}

const char *console_u64(struct arena *a, uint64_t v)
{
	return arena_printf(a, "%llu", (unsigned long long)v);
}

int console_time(xmlNodePtr parent, const char *name, const char *utc)
{
	char local[26];

	if (utc == NULL)
		return 0;
	if (instant_local(utc, local) != 0)
		return xml_text(parent, name, utc) == NULL ? -1 : 0;
	return xml_text(parent, name, local) == NULL ? -1 : 0;
}

int console_opt(xmlNodePtr n, const char *name, const char *v)
{
	return v != NULL && xml_text(n, name, v) == NULL ? -1 : 0;
}

void console_nav(struct req *r)
{
	/* under: the paths whose pages are in the entry's section (the list's own pages,
	 * a subscriber's profile under Subscribers, a payment under Payments). */
	static const struct {
		const char *id, *href, *under;
		enum console_action need;
	} items[] = {
	        {"admin-overview", "/admin", NULL, A_READ},
	        {"admin-subscribers", "/admin/subscribers", "/admin/subscriber", A_READ},
	        {"admin-requests", "/admin/requests", "/admin/requests", A_READ},
	        {"admin-appeals", "/admin/appeals", "/admin/appeal", A_READ},
	        {"admin-payments", "/admin/payments", "/admin/payment", A_READ},
	        {"admin-readings", "/admin/readings", "/admin/readings", A_READ},
	        {"admin-news", "/admin/news", "/admin/news", A_READ},
	        {"admin-organization", "/admin/organization", "/admin/organization", A_READ},
	        {"admin-help", "/admin/help", "/admin/help", A_READ},
	        {"admin-staff", "/admin/staff", "/admin/staff", A_STAFF},
	        {"admin-exchange", "/admin/exchange", "/admin/exchange", A_READ},
	        {"admin-audit", "/admin/audit", "/admin/audit", A_AUDIT},
	};
	xmlNodePtr nav;
	size_t i;

	if (!r->signed_in)
		return;
	/* The role rides along: the pages show only the buttons it may press. */
	if ((nav = xml_elem(r->root, "nav")) == NULL || xml_attr(nav, "role", r->staff->role))
		return;
	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		const char *under = items[i].under;
		xmlNodePtr it;

		if (!console_may(r, items[i].need))
			continue;
		if ((it = xml_elem(nav, "item")) == NULL || xml_attr(it, "id", items[i].id) ||
		    xml_attr(it, "href", items[i].href))
			return;
		if ((strcmp(r->path, items[i].href) == 0 ||
		     (under != NULL && strncmp(r->path, under, strlen(under)) == 0)) &&
		    xml_attr(it, "current", "1"))
			return;
	}
}

int console_commit(struct req *r, enum perr e, const char *to)
{
	if (e == PERR_OK)
		e = db_commit();
	if (e != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, to);
}

static enum perr first_org(void *p, const struct staff_org *o)
{
	unsigned *id = p;

	if (*id == 0)
		*id = o->id;
	return PERR_OK;
}

unsigned console_org(struct req *r, const struct fval *org, int *st)
{
	unsigned id = org ? (unsigned)org->i : 0;
	enum perr e = PERR_OK;

	*st = 0;
	if (id == 0 && (e = db_staff_orgs(r->arena, r->staff->staff_id, first_org, &id)) != PERR_OK)
		return *st = page_fail(r, e), 0;
	if (id == 0 || (e = db_staff_in_org(r->arena, r->staff->staff_id, id)) == PERR_NOT_FOUND)
		return *st = page_error(r, 404, "not-found"), 0;
	if (e != PERR_OK)
		return *st = page_fail(r, e), 0;
	return id;
}

unsigned console_change_org(struct req *r, const struct fval *org, int *st)
{
	if (org == NULL)
		return *st = page_error(r, 404, "not-found"), 0;
	return console_org(r, org, st);
}

static enum perr org_row(void *p, const struct staff_org *o)
{
	xmlNodePtr n = xml_text(p, "org", o->name);

	return n == NULL || xml_attr_int(n, "id", o->id) ? PERR_NOMEM : PERR_OK;
}

enum perr console_staff_xml(struct req *r)
{
	xmlNodePtr s = xml_elem(r->root, "staff");

	if (s == NULL || xml_attr(s, "role", r->staff->role) ||
	    xml_attr(s, "login", r->staff->login))
		return PERR_NOMEM;
	return db_staff_orgs(r->arena, r->staff->staff_id, org_row, s);
}

/* Whether typed is six digits: a code from the app rather than a password
 * (passwords are ten characters at least). */
static int is_code(const struct fval *typed)
{
	size_t i;

	if (typed->len != TOTP_DIGITS)
		return 0;
	for (i = 0; i < typed->len; i++)
		if (typed->s[i] < '0' || typed->s[i] > '9')
			return 0;
	return 1;
}

/* A fresh code of the staff member's, good once like at sign-in. */
static enum perr code_again(struct req *r, const char *code, int *ok)
{
	unsigned char secret[TOTP_SECRET_BYTES];
	struct staff_totp t;
	uint64_t step = 0;
	enum perr e = db_staff_totp(r->arena, r->staff->staff_id, &t);

	*ok = 0;
	if (e != PERR_OK)
		return e;
	if (totp_open(cfg.totp_key, t.secret, t.secret_len, secret) != 0)
		return PERR_OK;
	if (totp_check(secret, time(NULL), code, &step) == 0) {
		e = db_staff_totp_use(r->staff->staff_id, step);
		*ok = e == PERR_OK;
		if (e == PERR_CONFLICT)
			e = PERR_OK; /* used already: refused as a wrong one */
	}
	sodium_memzero(secret, sizeof(secret));
	return e;
}

int console_password_again(struct req *r, const struct fval *pw, int *ok)
{
	struct staff me;
	int rehash = 0;
	enum perr e;

	*ok = 0;
	if (pw == NULL)
		return 0;
	if (is_code(pw)) {
		if ((e = code_again(r, pw->s, ok)) != PERR_OK)
			return page_fail(r, e);
	} else {
		e = db_staff_by_login(r->arena, r->staff->login, &me);
		if (e != PERR_OK && e != PERR_NOT_FOUND)
			return page_fail(r, e);
		*ok = password_verify(e == PERR_OK ? me.password_hash : NULL, pw->s, pw->len,
		                      &rehash) == 0;
	}
	if (!*ok) {
		if ((e = db_staff_login_record(r->staff->login, r->remote_addr,
		                               is_code(pw) ? STAFF_CODE_FAIL : STAFF_LOGIN_FAIL,
		                               r->staff->staff_id)) != PERR_OK)
			return page_fail(r, e);
		return 0;
	}
	if ((e = db_staff_session_reauth(r->staff->id)) != PERR_OK)
		return page_fail(r, e);
	return 0;
}
