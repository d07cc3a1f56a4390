/*
 * admin/audit.c: the audit log, filtered and paged, or as CSV or XLSX.
 */
#include <stdint.h>
#include <string.h>

#include "core/perr.h"
#include "core/valid.h"
#include "db/audit.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/console.h"
#include "admin/admin.h"

#define AUDIT_PAGE       50
#define AUDIT_EXPORT_MAX 10000

struct audit_ctx {
	struct req *r;
	xmlNodePtr list;
	unsigned cap; /* rows shown; one more was asked for, to know of an older page */
	unsigned n;
	uint64_t last; /* the oldest row shown */
	int more;
};

static enum perr audit_row(void *p, const struct audit_row *a)
{
	struct audit_ctx *x = p;
	xmlNodePtr n;

	if (++x->n > x->cap) {
		x->more = 1;
		return PERR_OK;
	}
	x->last = a->id;
	if ((n = xml_elem(x->list, "entry")) == NULL ||
	    xml_attr(n, "id", console_u64(x->r->arena, a->id)) ||
	    (a->org && xml_attr_int(n, "org", a->org)) || console_time(n, "at", a->at) ||
	    xml_text(n, "staff", a->staff_login) == NULL || xml_text(n, "ip", a->ip) == NULL ||
	    xml_text(n, "action", a->action) == NULL ||
	    xml_text(n, "object", a->object_type) == NULL ||
	    xml_text(n, "object-id", a->object_id) == NULL || console_opt(n, "before", a->before) ||
	    console_opt(n, "after", a->after))
		return PERR_NOMEM;
	return PERR_OK;
}

int audit_get(struct req *r)
{
	static const size_t typed[] = {K_STAFF, K_ACTION, K_OBJECT, K_OBJECT_ID, K_FROM, K_TO};
	const struct fval *fmt = req_val(r, K_FORMAT), *before = req_val(r, K_BEFORE);
	const char *format = fmt ? fmt->s : "";
	int download = strcmp(format, "csv") == 0 || strcmp(format, "xlsx") == 0;
	struct audit_ctx x = {r, NULL, download ? AUDIT_EXPORT_MAX : AUDIT_PAGE, 0, 0, 0};
	struct audit_filter f;
	size_t i;
	enum perr e;

	REQUIRE(r, A_AUDIT);
	for (i = 0; i < sizeof(typed) / sizeof(typed[0]); i++)
		if (r->bad[typed[i]]) {
			if (xml_typed(r, typed, 6) != 0 || xml_elem(r->root, "audit") == NULL)
				return page_error(r, 500, "internal");
			return page_refuse(r, 400, r->sec->fields[typed[i]].name, "invalid");
		}
	f = (struct audit_filter){
	        req_val(r, K_STAFF) ? req_val(r, K_STAFF)->s : "",
	        req_val(r, K_ACTION) ? req_val(r, K_ACTION)->s : "",
	        req_val(r, K_OBJECT) ? req_val(r, K_OBJECT)->s : "",
	        req_val(r, K_OBJECT_ID) ? req_val(r, K_OBJECT_ID)->s : "",
	        req_val(r, K_FROM) ? req_val(r, K_FROM)->s : "",
	        req_val(r, K_TO) ? req_val(r, K_TO)->s : "",
	        before ? (uint64_t)before->i : 0,
	        x.cap + 1,
	};
	if (xml_typed(r, typed, 6) != 0 || (x.list = xml_elem(r->root, "audit")) == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_audit_list(r->arena, r->staff->staff_id, &f, audit_row, &x)) != PERR_OK)
		return page_fail(r, e);
	if (x.more && xml_attr(x.list, "older", console_u64(r->arena, x.last)))
		return page_error(r, 500, "internal");
	return page_table(r, format, "audit");
}
