/* db/audit.h: the audit log of staff actions (append-only). */
#ifndef DB_AUDIT_H
#define DB_AUDIT_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/* One staff action.  org 0: none (a staff member's own sign-in); before and
 * after may be NULL. */
struct audit_entry {
	uint64_t staff_id;
	const char *staff_login, *ip;
	unsigned org;
	const char *action, *object_type, *object_id;
	const char *before, *after;
};
enum perr db_audit_add(const struct audit_entry *) PORTAL_WUR;

struct audit_row {
	uint64_t id;
	const char *at; /* ISO 8601 UTC */
	const char *staff_login, *ip;
	unsigned org;
	const char *action, *object_type, *object_id, *before, *after;
};
/* What the filter asks; "" for a field is any. */
struct audit_filter {
	const char *staff_login, *action, *object_type, *object_id;
	const char *from, *to; /* days, YYYY-MM-DD, inclusive; "" for open */
	uint64_t before_id;    /* keyset: rows older than this id; 0 from the newest */
	unsigned limit;
};
/* The rows viewer may see (their organizations', and none's), newest first. */
enum perr db_audit_list(struct arena *, uint64_t viewer, const struct audit_filter *,
			enum perr (*each)(void *, const struct audit_row *), void *) PORTAL_WUR;

#endif
