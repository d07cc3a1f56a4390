/* db/guarded.c: see guarded.h. */
#include <string.h>

#include "core/arena.h"
#include "db/db.h"
#include "db/guarded.h"

static struct db_stmt objects = {
        "guarded.objects",
        "SELECT g.service_id, IF(? = 'en', sv.name_en, sv.name_ru), g.address, g.object_type, "
        "g.state, o.time_zone FROM guarded_objects g JOIN services sv ON sv.id = g.service_id "
        "JOIN accounts a ON a.id = g.account_id JOIN organizations o ON o.id = a.organization_id "
        "WHERE g.account_id = ? ORDER BY g.service_id",
        NULL, 0, NULL};

/*
 * Backwards along ix_object_events_time: newest first with no sort.  Named,
 * since with the few events of a new site the planner would read them all.
 */
static struct db_stmt events = {
        "guarded.events",
        "SELECT service_id, DATE_FORMAT(happened_at, '%Y-%m-%dT%H:%i:%sZ'), event, zone, who "
        "FROM object_events FORCE INDEX (ix_object_events_time) "
        "WHERE account_id = ? AND happened_at >= ? AND happened_at < ? "
        "ORDER BY happened_at DESC, id DESC LIMIT ?",
        NULL, 0, NULL};

struct obj_iter {
	struct guarded_object o;
	enum perr (*each)(void *, const struct guarded_object *);
	void *ctx;
};

static enum perr obj_row(void *p)
{
	struct obj_iter *it = p;

	return it->each(it->ctx, &it->o);
}

enum perr db_objects_of(struct arena *ar, uint64_t account, enum lang lang,
                        enum perr (*each)(void *, const struct guarded_object *), void *ctx)
{
	struct obj_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&it.o.service_id), DBC_STR(&it.o.service),
	                     DBC_STR(&it.o.address),    DBC_STR(&it.o.type),
	                     DBC_STR(&it.o.state),      DBC_STR(&it.o.time_zone)};

	return db_rows(ar, &objects, (struct db_arg[]){DBA_STR(lang_code(lang)), DBA_U64(account)},
	               2, c, 6, obj_row, &it);
}

struct evt_iter {
	struct object_event e;
	enum perr (*each)(void *, const struct object_event *);
	void *ctx;
};

static enum perr evt_row(void *p)
{
	struct evt_iter *it = p;

	return it->each(it->ctx, &it->e);
}

enum perr db_object_events(struct arena *ar, uint64_t account, const char *from, const char *to,
                           unsigned limit, enum perr (*each)(void *, const struct object_event *),
                           void *ctx)
{
	struct evt_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&it.e.service_id), DBC_STR(&it.e.at), DBC_STR(&it.e.event),
	                     DBC_STR(&it.e.zone), DBC_STR(&it.e.who)};
	struct db_arg a[] = {DBA_U64(account), DBA_STR(from), DBA_STR(to), DBA_INT(limit)};

	return db_rows(ar, &events, a, 4, c, 5, evt_row, &it);
}
