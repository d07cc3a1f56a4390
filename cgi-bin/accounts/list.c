/*
 * accounts/list.c: the accounts list (GET /accounts) with each balance, and the
 * current account chosen (POST /accounts/current).
 */
#include <stdint.h>

#include "app/account_list.h"
#include "billing/access.h"
#include "billing/account.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/access.h"
#include "db/account.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "accounts/accounts.h"

/* The account an id names, if it is linked to this subscriber. */
enum perr linked_account(struct req *r, struct account *a)
{
	const struct fval *id = req_val(r, K_ID);

	if (id == NULL)
		return PERR_NOT_FOUND;
	return db_account_get(r->arena, r->sess->subscriber_id, (uint64_t)id->i, 0, a);
}

struct shared_list {
	xmlNodePtr n;
	uint64_t current; /* the session's current account */
};

/* An account someone shared: what it is, who shared it, what it allows. */
static enum perr shared_row(void *p, const struct shared_account *s)
{
	struct shared_list *l = p;
	xmlNodePtr n = xml_elem(l->n, "account");
	const char *choice = access_choice_of(s->rights);

	if (n == NULL || xml_attr_int(n, "id", (long long)s->id) ||
	    (s->id == l->current && xml_attr(n, "current", "1")) ||
	    xml_attr(n, "rights", choice ? choice : "") ||
	    xml_text(n, "number", s->number) == NULL ||
	    xml_text(n, "address", s->address) == NULL ||
	    xml_text(n, "organization", s->org) == NULL || xml_text(n, "holder", s->holder) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

int list(struct req *r)
{
	enum perr e = xml_accounts(r->arena, r->root, r->sess, r->lang, NULL);
	struct shared_list shared = {xml_elem(r->root, "shared"), r->sess->account_id};

	if (e == PERR_OK && shared.n == NULL)
		e = PERR_NOMEM;
	if (e == PERR_OK)
		e = db_access_shared(r->arena, r->sess->subscriber_id, shared_row, &shared);
	if (e == PERR_OK && xml_done(r, K_DONE) != 0)
		e = PERR_NOMEM;
	return e == PERR_OK ? 200 : page_fail(r, e);
}

int choose(struct req *r)
{
	const struct fval *next = req_val(r, K_NEXT);
	struct account a;
	enum perr e;

	if ((e = linked_account(r, &a)) != PERR_OK ||
	    (e = db_subscriber_set_current(r->sess->subscriber_id, a.id)) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, next ? next->s : "/accounts?done=current");
}
