/*
 * db/audit.c: the audit log.  Only INSERT and SELECT exist here, so the
 * admin program's grants hold no UPDATE or DELETE on it; the table's
 * triggers refuse those to everyone else.
 */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/audit.h"
#include "db/db.h"

static struct db_stmt add = {
	"audit.add",
	"INSERT INTO audit_log (at, staff_id, staff_login, ip, organization_id, action, "
	"object_type, object_id, before_value, after_value) "
	"VALUES (UTC_TIMESTAMP(6), NULLIF(?, 0), ?, ?, NULLIF(?, 0), ?, ?, ?, LEFT(?, 2000), "
	"LEFT(?, 2000))",
	NULL, 0, NULL};

/*
 * Keyset pagination on the id (newest first): a page costs the same on the
 * millionth row as on the first.  An empty filter field matches anything.
 */
static struct db_stmt list = {
	"audit.list",
	"SELECT l.id, DATE_FORMAT(l.at, '%Y-%m-%dT%H:%i:%sZ'), l.staff_login, l.ip, "
	"l.organization_id, l.action, l.object_type, l.object_id, l.before_value, l.after_value "
	"FROM audit_log l WHERE (l.organization_id IS NULL OR l.organization_id IN "
	"(SELECT so.organization_id FROM staff_organizations so WHERE so.staff_id = ?)) "
	"AND (? = '' OR l.staff_login = ?) AND (? = '' OR l.action = ?) "
	"AND (? = '' OR l.object_type = ?) AND (? = '' OR l.object_id = ?) "
	"AND (? = '' OR l.at >= ?) AND (? = '' OR l.at < DATE_ADD(?, INTERVAL 1 DAY)) "
	"AND (? = 0 OR l.id < ?) ORDER BY l.id DESC LIMIT ?",
	NULL, 0, NULL};

enum perr db_audit_add(const struct audit_entry *x)
{
	struct db_arg a[] = {DBA_U64(x->staff_id),
			     DBA_STR(x->staff_login),
			     DBA_STR(x->ip),
			     DBA_INT(x->org),
			     DBA_STR(x->action),
			     DBA_STR(x->object_type),
			     DBA_STR(x->object_id),
			     x->before ? DBA_STR(x->before) : DBA_NULL,
			     x->after ? DBA_STR(x->after) : DBA_NULL};

	return db_exec(&add, a, 9, NULL, NULL);
}

struct list_ctx {
	struct audit_row row;
	enum perr (*each)(void *, const struct audit_row *);
	void *ctx;
};

static enum perr list_each(void *p)
{
	struct list_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

enum perr db_audit_list(struct arena *ar, uint64_t viewer, const struct audit_filter *f,
			enum perr (*each)(void *, const struct audit_row *), void *ctx)
{
	struct list_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(viewer),	     DBA_STR(f->staff_login), DBA_STR(f->staff_login),
			     DBA_STR(f->action),     DBA_STR(f->action),      DBA_STR(f->object_type),
			     DBA_STR(f->object_type), DBA_STR(f->object_id),  DBA_STR(f->object_id),
			     DBA_STR(f->from),	     DBA_STR(f->from),	      DBA_STR(f->to),
			     DBA_STR(f->to),	     DBA_U64(f->before_id),   DBA_U64(f->before_id),
			     DBA_INT(f->limit)};
	struct db_col c[] = {DBC_U64(&x.row.id),	   DBC_STR(&x.row.at),
			     DBC_STR(&x.row.staff_login),  DBC_STR(&x.row.ip),
			     DBC_UINT(&x.row.org),	   DBC_STR(&x.row.action),
			     DBC_STR(&x.row.object_type), DBC_STR(&x.row.object_id),
			     DBC_STR(&x.row.before),	   DBC_STR(&x.row.after)};

	return db_rows(ar, &list, a, 16, c, 10, list_each, &x);
}
