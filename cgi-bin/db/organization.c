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
