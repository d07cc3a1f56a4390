/*
 * admin/organization.c: an organization's details (name, codes, bank details
 * checked as a receipt's, time zone, reading days, the promised payment's
 * rule) and its offices; saving asks for the password again.
 */
#include <stdint.h>
#include <string.h>

#include "billing/account.h"
#include "billing/receipt.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/money.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/db.h"
#include "db/organization.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/console.h"
#include "admin/admin.h"

static int org_xml(struct req *r, const struct org_settings *o)
{
	xmlNodePtr n = xml_elem(r->root, "organization");

	if (n == NULL || xml_attr_int(n, "id", o->id) || xml_text(n, "name", o->name) == NULL ||
	    console_opt(n, "short_name", o->short_name) || xml_text(n, "inn", o->inn) == NULL ||
	    console_opt(n, "kpp", o->kpp) || xml_text(n, "address", o->address) == NULL ||
	    xml_text(n, "phones", o->phones) == NULL || xml_text(n, "email", o->email) == NULL ||
	    console_opt(n, "website", o->website) ||
	    xml_text(n, "bank_name", o->bank_name) == NULL || xml_text(n, "bic", o->bic) == NULL ||
	    xml_text(n, "bank_account", o->bank_account) == NULL ||
	    xml_text(n, "corr_account", o->corr_account) == NULL ||
	    console_opt(n, "receipt_note", o->receipt_note) ||
	    xml_text(n, "time_zone", o->time_zone) == NULL ||
	    xml_int(n, "readings_from", o->readings_from) == NULL ||
	    xml_int(n, "readings_to", o->readings_to) == NULL ||
	    xml_int(n, "pay_by_day", o->pay_by_day) == NULL ||
	    xml_int(n, "month_days_x10", o->month_days_x10) == NULL ||
	    xml_int(n, "promise_days", o->promise_days) == NULL ||
	    xml_text(n, "promise_limit", decimal_text(r->arena, o->promise_limit, 2)) == NULL)
		return -1;
	return 0;
}

/* "field=value; ..." of what changed, for the audit row's before and after. */
static void org_diff(struct req *r, const struct org_settings *a, const struct org_settings *b,
                     const char **before, const char **after)
{
	const char *names[] = {"name",         "short_name", "inn",          "kpp",
	                       "address",      "phones",     "email",        "website",
	                       "bank_name",    "bic",        "bank_account", "corr_account",
	                       "receipt_note", "time_zone"};
	const char *va[] = {a->name,         a->short_name, a->inn,          a->kpp,
	                    a->address,      a->phones,     a->email,        a->website,
	                    a->bank_name,    a->bic,        a->bank_account, a->corr_account,
	                    a->receipt_note, a->time_zone};
	const char *vb[] = {b->name,         b->short_name, b->inn,          b->kpp,
	                    b->address,      b->phones,     b->email,        b->website,
	                    b->bank_name,    b->bic,        b->bank_account, b->corr_account,
	                    b->receipt_note, b->time_zone};
	const char *x = "", *y = "";
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *p = va[i] ? va[i] : "", *q = vb[i] ? vb[i] : "";

		if (strcmp(p, q) == 0)
			continue;
		x = arena_printf(r->arena, "%s%s=%s; ", x ? x : "", names[i], p);
		y = arena_printf(r->arena, "%s%s=%s; ", y ? y : "", names[i], q);
	}
	if (a->month_days_x10 != b->month_days_x10) {
		x = arena_printf(r->arena, "%smonth_days_x10=%u; ", x ? x : "", a->month_days_x10);
		y = arena_printf(r->arena, "%smonth_days_x10=%u; ", y ? y : "", b->month_days_x10);
	}
	if (a->promise_days != b->promise_days || a->promise_limit != b->promise_limit) {
		x = arena_printf(r->arena, "%spromise=%u/%lld; ", x ? x : "", a->promise_days,
		                 a->promise_limit);
		y = arena_printf(r->arena, "%spromise=%u/%lld; ", y ? y : "", b->promise_days,
		                 b->promise_limit);
	}
	if (a->readings_from != b->readings_from || a->readings_to != b->readings_to ||
	    a->pay_by_day != b->pay_by_day) {
		x = arena_printf(r->arena, "%sdays=%u-%u/%u", x ? x : "", a->readings_from,
		                 a->readings_to, a->pay_by_day);
		y = arena_printf(r->arena, "%sdays=%u-%u/%u", y ? y : "", b->readings_from,
		                 b->readings_to, b->pay_by_day);
	}
	*before = x;
	*after = y;
}

static enum perr office_row(void *p, const struct office *o)
{
	xmlNodePtr n = xml_elem(p, "office");

	if (n == NULL || xml_attr_int(n, "id", o->id) ||
	    xml_text(n, "address", o->address) == NULL || xml_text(n, "hours", o->hours) == NULL ||
	    console_opt(n, "phone", o->phone) || console_opt(n, "email", o->email) ||
	    console_opt(n, "serves", o->serves))
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr offices_xml(struct req *r, unsigned org)
{
	xmlNodePtr list = xml_elem(r->root, "offices");

	return list == NULL ? PERR_NOMEM : db_offices(r->arena, org, office_row, list);
}

/* The form's field and message of payee_check()'s code; 1 if there is one. */
static int payee_field(const char *bad, const char **field, const char **code)
{
	static const struct {
		const char *bad, *field, *code;
	} map[] = {
	        {"name", "name", "invalid"},
	        {"bank-name", "bank_name", "bank-name-long"},
	        {"bic", "bic", "bic-invalid"},
	        {"bank-account", "bank_account", "account-invalid"},
	        {"corr-account", "corr_account", "corr-invalid"},
	        {"inn", "inn", "inn-invalid"},
	        {"kpp", "kpp", "invalid"},
	        {"qr-name", "short_name", "qr-name"},
	};
	size_t i;

	if (bad == NULL)
		return 0;
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i].bad, bad) == 0) {
			*field = map[i].field;
			*code = map[i].code;
			return 1;
		}
	*field = NULL;
	*code = "invalid";
	return 1;
}

int organization_page(struct req *r)
{
	static const size_t required[] = {
	        K_NAME,        K_INN,        K_ADDRESS,      K_PHONES,    K_EMAIL,
	        K_BANK_NAME,   K_BIC,        K_BANK_ACCOUNT, K_TIME_ZONE, K_READINGS_FROM,
	        K_READINGS_TO, K_PAY_BY_DAY, K_MONTH_DAYS};
	/* A correspondent account is a Russian bank's; Kazakh details have none.  The
	 * promise's rule left out is kept as it is. */
	static const size_t optional[] = {K_SHORT_NAME,   K_KPP,          K_WEBSITE,
	                                  K_RECEIPT_NOTE, K_CORR_ACCOUNT, K_PROMISE_DAYS,
	                                  K_PROMISE_LIMIT};
	struct organization payee;
	const struct fval *org = req_val(r, K_ORG);
	struct org_settings old, nw;
	const char *before = NULL, *after = NULL, *field = NULL, *code = NULL;
	int st, ok = 0;
	unsigned id;
	size_t i;
	enum perr e;

	REQUIRE(r, A_READ);
	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	/* Without ?org= the first of theirs. */
	if ((id = console_org(r, org, &st)) == 0)
		return st;
	if ((e = db_org_settings_get(r->arena, id, &old)) != PERR_OK)
		return page_fail(r, e);
	if (org_xml(r, &old) != 0 || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	if ((e = offices_xml(r, id)) != PERR_OK)
		return page_fail(r, e);
	if (r->method != M_POST)
		return 200;

	REQUIRE(r, A_ORGANIZATION);
	if (xml_typed(r, required, sizeof(required) / sizeof(required[0])) != 0 ||
	    xml_typed(r, optional, sizeof(optional) / sizeof(optional[0])) != 0)
		return page_error(r, 500, "internal");
	if ((st = xml_required(r, required, sizeof(required) / sizeof(required[0]))) != 0)
		return st < 0 ? page_error(r, 500, "internal")
		              : page_refuse(r, 400, NULL, "form-invalid");
	for (i = 0; i < sizeof(optional) / sizeof(optional[0]); i++)
		if (r->bad[optional[i]])
			return page_refuse(r, 400, r->sec->fields[optional[i]].name, "invalid");
	nw = (struct org_settings){
	        id,
	        req_val(r, K_NAME)->s,
	        req_val(r, K_SHORT_NAME) ? req_val(r, K_SHORT_NAME)->s : NULL,
	        req_val(r, K_INN)->s,
	        req_val(r, K_KPP) ? req_val(r, K_KPP)->s : NULL,
	        req_val(r, K_ADDRESS)->s,
	        req_val(r, K_PHONES)->s,
	        req_val(r, K_EMAIL)->s,
	        req_val(r, K_WEBSITE) ? req_val(r, K_WEBSITE)->s : NULL,
	        req_val(r, K_BANK_NAME)->s,
	        req_val(r, K_BIC)->s,
	        req_val(r, K_BANK_ACCOUNT)->s,
	        req_val(r, K_CORR_ACCOUNT) ? req_val(r, K_CORR_ACCOUNT)->s : "",
	        req_val(r, K_RECEIPT_NOTE) ? req_val(r, K_RECEIPT_NOTE)->s : NULL,
	        req_val(r, K_TIME_ZONE)->s,
	        (unsigned)req_val(r, K_READINGS_FROM)->i,
	        (unsigned)req_val(r, K_READINGS_TO)->i,
	        (unsigned)req_val(r, K_PAY_BY_DAY)->i,
	        old.currency,
	        (unsigned)req_val(r, K_MONTH_DAYS)->i,
	        req_val(r, K_PROMISE_DAYS) ? (unsigned)req_val(r, K_PROMISE_DAYS)->i
	                                   : old.promise_days,
	        old.promise_limit,
	};
	/* In the organization's currency, as its subscribers' debt is. */
	if (req_val(r, K_PROMISE_LIMIT) != NULL &&
	    money_parse(req_val(r, K_PROMISE_LIMIT)->s, req_val(r, K_PROMISE_LIMIT)->len,
	                currency_find(old.currency ? old.currency : ""), 0, &nw.promise_limit) != 0)
		return page_refuse(r, 422, "promise_limit", "invalid");
	/* The receipts' own checks: a payment to these details must reach the payee,
	 * and its QR code must carry them. */
	payee = (struct organization){.id = id,
	                              .name = nw.name,
	                              .short_name = nw.short_name,
	                              .inn = nw.inn,
	                              .kpp = nw.kpp,
	                              .bank_name = nw.bank_name,
	                              .bic = nw.bic,
	                              .bank_account = nw.bank_account,
	                              .corr_account = nw.corr_account,
	                              .cur = currency_find(nw.currency ? nw.currency : "")};
	if (payee_field(payee_check(&payee), &field, &code))
		;
	else if (!time_zone_valid(nw.time_zone))
		field = "time_zone", code = "invalid";
	else if (nw.readings_from > nw.readings_to)
		field = "readings_to", code = "window-reversed";
	else if (nw.month_days_x10 != 0 && nw.month_days_x10 != 305)
		field = "month_days_x10", code = "invalid";
	if (code != NULL)
		return page_refuse(r, 422, field, code);
	/* Bank details are where money goes: the password again. */
	if ((st = console_password_again(r, req_val(r, K_PASSWORD), &ok)) != 0)
		return st;
	if (!ok)
		return page_refuse(r, 422, "password", "password-wrong");
	org_diff(r, &old, &nw, &before, &after);
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_org_settings_set(&nw)) != PERR_OK ||
	    (e = console_audit(r, id, "organization-settings", "organization",
	                       arena_printf(r->arena, "%u", id), before, after)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r,
	                     arena_printf(r->arena, "/admin/organization?org=%u&done=saved", id));
}

/* An office where subscribers are received: added or removed, audited. */
int office_post(struct req *r)
{
	const struct fval *org = req_val(r, K_ORG), *address = req_val(r, K_OFFICE_ADDRESS),
	                  *hours = req_val(r, K_OFFICE_HOURS), *phone = req_val(r, K_OFFICE_PHONE),
	                  *email = req_val(r, K_OFFICE_EMAIL),
	                  *serves = req_val(r, K_OFFICE_SERVES);
	struct office of;
	struct org_settings o;
	uint64_t id = 0;
	unsigned oid;
	int st;
	enum perr e;

	REQUIRE(r, A_ORGANIZATION);
	if ((oid = console_change_org(r, org, &st)) == 0)
		return st;
	if ((e = db_org_settings_get(r->arena, oid, &o)) != PERR_OK)
		return page_fail(r, e);
	if (address == NULL || hours == NULL || r->bad[K_OFFICE_PHONE] || r->bad[K_OFFICE_EMAIL] ||
	    r->bad[K_OFFICE_SERVES]) {
		static const size_t typed[] = {K_OFFICE_ADDRESS, K_OFFICE_HOURS, K_OFFICE_PHONE,
		                               K_OFFICE_EMAIL, K_OFFICE_SERVES};

		if ((e = console_staff_xml(r)) != PERR_OK)
			return page_fail(r, e);
		if (org_xml(r, &o) != 0 || (e = offices_xml(r, o.id)) != PERR_OK ||
		    xml_typed(r, typed, 5) != 0 || xml_attr(r->root, "office-form", "1"))
			return page_error(r, 500, "internal");
		return page_refuse(r, 400,
		                   address == NULL          ? "office_address"
		                   : hours == NULL          ? "office_hours"
		                   : r->bad[K_OFFICE_PHONE] ? "office_phone"
		                   : r->bad[K_OFFICE_EMAIL] ? "office_email"
		                                            : "office_serves",
		                   "invalid");
	}
	of = (struct office){0,
	                     o.id,
	                     address->s,
	                     hours->s,
	                     phone ? phone->s : NULL,
	                     email ? email->s : NULL,
	                     serves ? serves->s : NULL};
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_office_add(o.id, &of, &id)) != PERR_OK ||
	    (e = console_audit(
	             r, o.id, "add-office", "organization", arena_printf(r->arena, "%u", o.id),
	             NULL, arena_printf(r->arena, "%s; %s", address->s, hours->s))) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(
	        r, arena_printf(r->arena, "/admin/organization?org=%u&done=office-added", o.id));
}

int office_delete_post(struct req *r)
{
	const struct fval *office = req_val(r, K_OFFICE);
	unsigned org;
	int st;
	enum perr e;

	REQUIRE(r, A_ORGANIZATION);
	if (office == NULL)
		return page_error(r, 404, "not-found");
	if ((org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_office_delete(org, (unsigned)office->i)) != PERR_OK ||
	    (e = console_audit(
	             r, org, "delete-office", "organization", arena_printf(r->arena, "%u", org),
	             arena_printf(r->arena, "office %lld", office->i), NULL)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(
	        r, arena_printf(r->arena, "/admin/organization?org=%u&done=office-deleted", org));
}
