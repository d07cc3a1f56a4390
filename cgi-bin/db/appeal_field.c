/* db/appeal_field.c: a service request's fields. */
#include <stdint.h>

#include "billing/access.h"
#include "core/arena.h"
#include "core/perr.h"
#include "db/appeal_field.h"
#include "db/db.h"

static struct db_stmt add = {
	"appeal.field_add",
	"INSERT INTO appeal_fields (appeal_id, name, value) VALUES (?, ?, ?)",
	NULL, 0, NULL};

static struct db_stmt fields = {
	"appeal.fields",
	"SELECT name, value FROM appeal_fields WHERE appeal_id = ? ORDER BY appeal_id, name",
	NULL, 0, NULL};

static struct db_stmt meter = {
	"appeal.meter",
	"SELECT number FROM meters WHERE account_id = ? AND id = ? AND removed_on IS NULL",
	NULL, 0, NULL};

enum perr db_appeal_field_add(uint64_t appeal, const char *name, const char *value)
{
	struct db_arg a[] = {DBA_U64(appeal), DBA_STR(name), DBA_STR(value)};

	return db_exec(&add, a, 3, NULL, NULL);
}

struct field_it {
	const char *name, *value;
	enum perr (*each)(void *, const char *, const char *);
	void *ctx;
};

static enum perr field_each(void *p)
{
	struct field_it *it = p;

	return it->each(it->ctx, it->name, it->value);
}

enum perr db_appeal_fields(struct arena *ar, uint64_t appeal,
			   enum perr (*each)(void *, const char *, const char *), void *ctx)
{
	struct field_it it = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(appeal)};
	struct db_col c[] = {DBC_STR(&it.name), DBC_STR(&it.value)};

	return db_rows(ar, &fields, a, 1, c, 2, field_each, &it);
}

static struct db_stmt meters = {
        "appeal.meters",
        "SELECT m.id, m.account_id, m.number, m.kind, a.number FROM account_access sa "
        "JOIN accounts a ON a.id = sa.account_id JOIN meters m ON m.account_id = a.id "
        "WHERE sa.subscriber_id = ? AND (sa.rights & ?) = ? AND m.removed_on IS NULL "
        "ORDER BY a.number, m.id",
        NULL, 0, NULL};

struct meter_it {
	struct appeal_meter m;
	enum perr (*each)(void *, const struct appeal_meter *);
	void *ctx;
};

static enum perr meter_each(void *p)
{
	struct meter_it *it = p;

	return it->each(it->ctx, &it->m);
}

enum perr db_appeal_meters(struct arena *ar, uint64_t subscriber,
			   enum perr (*each)(void *, const struct appeal_meter *), void *ctx)
{
	struct meter_it it = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(subscriber), DBA_INT(RIGHTS_FULL), DBA_INT(RIGHTS_FULL)};
	struct db_col c[] = {DBC_U64(&it.m.id), DBC_U64(&it.m.account_id), DBC_STR(&it.m.number),
			     DBC_STR(&it.m.kind), DBC_STR(&it.m.account)};

	return db_rows(ar, &meters, a, 3, c, 5, meter_each, &it);
}

enum perr db_appeal_meter(struct arena *ar, uint64_t account, uint64_t id, const char **number)
{
	struct db_arg a[] = {DBA_U64(account), DBA_U64(id)};
	struct db_col c[] = {DBC_STR(number)};

	return db_row(ar, &meter, a, 2, c, 1);
}
