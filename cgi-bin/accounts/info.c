/*
 * accounts/info.c: an account and its organization (GET /accounts/info): details,
 * contacts and offices.
 */
#include "billing/account.h"
#include "core/decimal.h"
#include "core/perr.h"
#include "db/account.h"
#include "db/organization.h"
#include "db/session.h"
#include "doc/xml.h"
#include "web/req.h"
#include "accounts/accounts.h"

static enum perr office_row(void *p, const struct office *of);

int info(struct req *r)
{
	const struct session *me = r->sess;
	xmlNodePtr n, o;
	struct account a;
	const char *area;
	enum perr e;

	if (req_val(r, K_ID) == NULL && !r->bad[K_ID]) {
		if (me->account_id == 0)
			return page_redirect(r, "/accounts");
		e = db_account_get(r->arena, me->subscriber_id, me->account_id, 0, &a);
	} else {
		e = linked_account(r, &a);
	}
	if (e != PERR_OK)
		return page_fail(r, e);
	area = decimal_text(r->arena, a.area_centi_m2, 2);
	n = xml_elem(r->root, "account-info");
	o = xml_elem(n, "organization");
	if (o == NULL || area == NULL || xml_attr_int(n, "id", (long long)a.id) ||
	    (a.id == me->account_id && xml_attr(n, "current", "1")) ||
	    xml_text(n, "number", a.number) == NULL || xml_text(n, "payer", a.payer) == NULL ||
	    xml_text(n, "address", a.address) == NULL ||
	    xml_int(n, "residents", a.residents) == NULL || xml_text(n, "area", area) == NULL ||
	    (a.phone && xml_text(n, "phone", a.phone) == NULL) ||
	    (a.meters_replaced_on &&
	     xml_text(n, "meters-replaced-on", a.meters_replaced_on) == NULL) ||
	    xml_text(o, "name", a.org.name) == NULL ||
	    xml_text(o, "address", a.org.address) == NULL ||
	    xml_text(o, "phones", a.org.phones) == NULL ||
	    xml_text(o, "email", a.org.email) == NULL || xml_text(o, "inn", a.org.inn) == NULL ||
	    xml_text(o, "bank", a.org.bank_name) == NULL || xml_text(o, "bic", a.org.bic) == NULL ||
	    xml_text(o, "bank-account", a.org.bank_account) == NULL ||
	    xml_text(o, "corr-account", a.org.corr_account) == NULL)
		return page_error(r, 500, "internal");
	/* Where its subscribers are received (the console keeps the list). */
	e = db_offices(r->arena, (unsigned)a.org.id, office_row, o);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static enum perr office_row(void *p, const struct office *of)
{
	xmlNodePtr n = xml_elem(p, "office");

	if (n == NULL || xml_text(n, "address", of->address) == NULL ||
	    xml_text(n, "hours", of->hours) == NULL ||
	    (of->phone != NULL && xml_text(n, "phone", of->phone) == NULL))
		return PERR_NOMEM;
	return PERR_OK;
}
