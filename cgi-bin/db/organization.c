/* db/organization.c: the organizations subscribers can link accounts of. */
#include <stdint.h>

#include "billing/account.h"
#include "core/arena.h"
#include "core/money.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/organization.h"

static struct db_stmt list = {
	"organization.list",
	"SELECT id, name, currency, phones FROM organizations ORDER BY name, id",
	NULL, 0, NULL};

/* Those with a tariff anyone may see, for the calculator. */
static struct db_stmt public_orgs = {
	"tariff.public_organizations",
	"SELECT o.id, o.name, o.currency, o.phones FROM organizations o "
	"WHERE EXISTS (SELECT 1 FROM tariff_plans p WHERE p.organization_id = o.id AND p.public = 1) "
	"ORDER BY o.name, o.id",
	NULL, 0, NULL};

struct org_iter {
	const char *currency;
	struct organization o;
	enum perr (*each)(void *, const struct organization *);
	void *ctx;
};

static enum perr org_row(void *p)
{
	struct org_iter *it = p;

	it->o.cur = currency_find(it->currency ? it->currency : "");
	return it->each(it->ctx, &it->o);
}

static enum perr org_rows(struct arena *ar, struct db_stmt *st,
                          enum perr (*each)(void *, const struct organization *), void *ctx)
{
	struct org_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&it.o.id), DBC_STR(&it.o.name), DBC_STR(&it.currency),
	                     DBC_STR(&it.o.phones)};

	return db_rows(ar, st, NULL, 0, c, 4, org_row, &it);
}

enum perr db_organizations(struct arena *ar, enum perr (*each)(void *, const struct organization *),
                           void *ctx)
{
	return org_rows(ar, &list, each, ctx);
}

enum perr db_public_organizations(struct arena *ar,
                                  enum perr (*each)(void *, const struct organization *), void *ctx)
{
	return org_rows(ar, &public_orgs, each, ctx);
}

static struct db_stmt settings_get = {
        "organization.settings_get",
        "SELECT id, name, short_name, inn, kpp, address, phones, email, website, bank_name, bic, "
        "bank_account, "
        "corr_account, receipt_note, time_zone, readings_from, readings_to, pay_by_day, currency, "
        "month_days_x10, promise_days, promise_limit "
        "FROM organizations WHERE id = ?",
        NULL, 0, NULL};

static struct db_stmt settings_set = {
        "organization.settings_set",
        "UPDATE organizations SET name = ?, short_name = ?, inn = ?, kpp = ?, address = ?, "
        "phones = ?, email = ?, "
        "website = ?, bank_name = ?, bic = ?, bank_account = ?, corr_account = ?, receipt_note = "
        "?, "
        "time_zone = ?, readings_from = ?, readings_to = ?, pay_by_day = ?, month_days_x10 = ?, "
        "promise_days = ?, promise_limit = ? WHERE id = ?",
        NULL, 0, NULL};

enum perr db_org_settings_get(struct arena *ar, unsigned id, struct org_settings *o)
{
	struct db_arg a[] = {DBA_INT(id)};
	struct db_col c[] = {DBC_UINT(&o->id),           DBC_STR(&o->name),
	                     DBC_STR(&o->short_name),    DBC_STR(&o->inn),
	                     DBC_STR(&o->kpp),           DBC_STR(&o->address),
	                     DBC_STR(&o->phones),        DBC_STR(&o->email),
	                     DBC_STR(&o->website),       DBC_STR(&o->bank_name),
	                     DBC_STR(&o->bic),           DBC_STR(&o->bank_account),
	                     DBC_STR(&o->corr_account),  DBC_STR(&o->receipt_note),
	                     DBC_STR(&o->time_zone),     DBC_UINT(&o->readings_from),
	                     DBC_UINT(&o->readings_to),  DBC_UINT(&o->pay_by_day),
	                     DBC_STR(&o->currency),      DBC_UINT(&o->month_days_x10),
	                     DBC_UINT(&o->promise_days), DBC_INT(&o->promise_limit)};

	return db_row(ar, &settings_get, a, 1, c, 22);
}

static struct db_arg opt(const char *s)
{
	return s != NULL && *s ? DBA_STR(s) : DBA_NULL;
}

enum perr db_org_settings_set(const struct org_settings *o)
{
	struct db_arg a[] = {DBA_STR(o->name),
	                     opt(o->short_name),
	                     DBA_STR(o->inn),
	                     opt(o->kpp),
	                     DBA_STR(o->address),
	                     DBA_STR(o->phones),
	                     DBA_STR(o->email),
	                     opt(o->website),
	                     DBA_STR(o->bank_name),
	                     DBA_STR(o->bic),
	                     DBA_STR(o->bank_account),
	                     DBA_STR(o->corr_account),
	                     opt(o->receipt_note),
	                     DBA_STR(o->time_zone),
	                     DBA_INT(o->readings_from),
	                     DBA_INT(o->readings_to),
	                     DBA_INT(o->pay_by_day),
	                     DBA_INT(o->month_days_x10),
	                     DBA_INT(o->promise_days),
	                     DBA_INT(o->promise_limit),
	                     DBA_INT(o->id)};

	return db_exec(&settings_set, a, 21, NULL, NULL);
}

static struct db_stmt offices = {
	"organization.offices",
	"SELECT id, organization_id, address, hours, phone, email, serves FROM offices "
	"WHERE organization_id = ? ORDER BY id",
	NULL, 0, NULL};

static struct db_stmt office_add = {
	"organization.office_add",
	"INSERT INTO offices (organization_id, address, hours, phone, email, serves) "
	"VALUES (?, ?, ?, ?, ?, ?)",
	NULL, 0, NULL};

static struct db_stmt office_delete = {
	"organization.office_delete",
	"DELETE FROM offices WHERE organization_id = ? AND id = ?",
	NULL, 0, NULL};

struct office_ctx {
	struct office row;
	enum perr (*each)(void *, const struct office *);
	void *ctx;
};

static enum perr office_each(void *p)
{
	struct office_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

enum perr db_offices(struct arena *ar, unsigned org,
		     enum perr (*each)(void *, const struct office *), void *ctx)
{
	struct office_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_INT(org)};
	struct db_col c[] = {DBC_UINT(&x.row.id), DBC_UINT(&x.row.org), DBC_STR(&x.row.address),
			     DBC_STR(&x.row.hours), DBC_STR(&x.row.phone), DBC_STR(&x.row.email),
			     DBC_STR(&x.row.serves)};

	return db_rows(ar, &offices, a, 1, c, 7, office_each, &x);
}

enum perr db_office_add(unsigned org, const struct office *o, uint64_t *id)
{
	struct db_arg a[] = {DBA_INT(org),   DBA_STR(o->address), DBA_STR(o->hours),
			     opt(o->phone), opt(o->email),	  opt(o->serves)};
	unsigned long long newid = 0;
	enum perr e = db_exec(&office_add, a, 6, NULL, &newid);

	*id = newid;
	return e;
}

enum perr db_office_delete(unsigned org, unsigned id)
{
	struct db_arg a[] = {DBA_INT(org), DBA_INT(id)};
	unsigned long long n = 0;
	enum perr e = db_exec(&office_delete, a, 2, &n, NULL);

	return e != PERR_OK ? e : n == 1 ? PERR_OK : PERR_NOT_FOUND;
}
