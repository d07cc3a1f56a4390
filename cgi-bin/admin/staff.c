/*
 * admin/staff.c: staff members: the list, a new one, a member's role,
 * disabling, enabling, resetting the second factor.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/login.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/db.h"
#include "db/staff.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/console.h"
#include "admin/admin.h"

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

int staff_get(struct req *r)
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
	    xml_text(n, "login", m->login) == NULL ||
	    xml_text(n, "full-name", m->full_name) == NULL || xml_done(r, K_DONE) != 0 ||
	    xml_typed(r, typed, 1) != 0)
		return page_error(r, 500, "internal");
	return code == NULL ? status : page_refuse(r, status, field, code);
}

int member_get(struct req *r)
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

int staff_new(struct req *r)
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
		return st < 0 ? page_error(r, 500, "internal")
		              : page_refuse(r, 400, NULL, "form-invalid");
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
		e = console_audit(r, orgs[i], "create-staff", "staff", console_u64(r->arena, id),
		                  NULL, arena_printf(r->arena, "%s (%s)", key, role->s));
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
		e = console_audit(r, 0,
		                  strcmp(what, "role") == 0
		                          ? "staff-role"
		                          : arena_printf(r->arena, "staff-%s", what),
		                  "staff", console_u64(r->arena, other.id),
		                  strcmp(what, "role") == 0 ? other.role
		                  : strcmp(what, "reset-factor") == 0
		                          ? (other.enrolled ? "enrolled" : "none")
		                          : (other.active ? "active" : "disabled"),
		                  strcmp(what, "role") == 0           ? role->s
		                  : strcmp(what, "reset-factor") == 0 ? "none"
		                  : strcmp(what, "enable") == 0       ? "active"
		                                                      : "disabled");
	return console_commit(r, e,
	                      arena_printf(r->arena, "/admin/staff/member?id=%llu&done=%s",
	                                   (unsigned long long)other.id, what));
}

int staff_role_post(struct req *r)
{
	return staff_act(r, "role");
}
int staff_disable_post(struct req *r)
{
	return staff_act(r, "disable");
}
int staff_enable_post(struct req *r)
{
	return staff_act(r, "enable");
}
int staff_reset_post(struct req *r)
{
	return staff_act(r, "reset-factor");
}
