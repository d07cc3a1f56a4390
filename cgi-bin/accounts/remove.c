/*
 * accounts/remove.c: unlinking an account (GET and POST /accounts/remove), after
 * asking.
 */
#include <stdint.h>
#include <string.h>

#include "billing/account.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "doc/xml.h"
#include "web/req.h"
#include "accounts/accounts.h"

static int remove_get(struct req *r)
{
	struct account a;
	xmlNodePtr n;
	enum perr e;

	if ((e = linked_account(r, &a)) != PERR_OK)
		return page_fail(r, e);
	n = xml_elem(r->root, "remove-account");
	if (n == NULL || xml_attr_int(n, "id", (long long)a.id) ||
	    xml_text(n, "number", a.number) == NULL || xml_text(n, "payer", a.payer) == NULL ||
	    xml_text(n, "address", a.address) == NULL ||
	    xml_text(n, "organization", a.org.name) == NULL)
		return page_error(r, 500, "internal");
	return 200;
}

static int remove_post(struct req *r)
{
	const struct fval *answer = req_val(r, K_ANSWER);
	const struct fval *id = req_val(r, K_ID);
	enum perr e;

	if (answer == NULL || (strcmp(answer->s, "yes") != 0 && strcmp(answer->s, "no") != 0))
		return page_error(r, 400, "bad-request");
	if (id == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	if (strcmp(answer->s, "no") == 0)
		return page_redirect(r, "/accounts");
	if ((e = db_account_unlink(r->sess->subscriber_id, (uint64_t)id->i)) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, "/accounts?done=removed");
}

int remove_page(struct req *r)
{
	return r->method == M_POST ? remove_post(r) : remove_get(r);
}
