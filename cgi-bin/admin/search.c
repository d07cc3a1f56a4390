/*
 * admin/search.c: finding an account or a subscriber by number, street,
 * login, name, e-mail or phone, a page at a time (keyset, by the index's order).
 */
#include <stdint.h>
#include <string.h>

#include "core/login.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/directory.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/console.h"
#include "admin/admin.h"

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
	    xml_attr(n, "key",
	             console_u64(x->r->arena, d->account_id ? d->account_id : d->subscriber_id)))
		return PERR_NOMEM;
	return PERR_OK;
}

/*
 * A search form (?by=&q=): its element named name on the page with what was
 * asked, the kind chosen (by, default kinds[0]) as its index into kinds in
 * *kind.  0 to search; else the handler's answer: 200 for the blank form, or
 * the form refused.
 */
int search_form(struct req *r, const char *name, const char *const *kinds, size_t n,
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

int search_get(struct req *r)
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
