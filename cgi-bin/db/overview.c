/*
 * db/overview.c: the console's first page.  Counted per organization: a
 * subscriber belongs to one through an account linked there.
 */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/overview.h"

#define SUBS_OF_ORG                                                                         \
	"(SELECT sa.subscriber_id FROM subscriber_accounts sa JOIN accounts a ON "              \
	"a.id = sa.account_id WHERE a.organization_id = o.id)"

static struct db_stmt overview = {
	"overview.get",
	"SELECT o.id, o.name, o.currency, "
	"(SELECT COUNT(*) FROM subscribers s WHERE s.created_at >= ? AND s.id IN " SUBS_OF_ORG "), "
	"(SELECT COUNT(*) FROM subscribers s WHERE s.created_at >= ? AND s.id IN " SUBS_OF_ORG "), "
	"(SELECT COUNT(*) FROM login_attempts l WHERE l.result = 'ok' AND l.at >= ? "
	"AND l.subscriber_id IN " SUBS_OF_ORG "), "
	"(SELECT COUNT(*) FROM login_attempts l WHERE l.result = 'ok' AND l.at >= ? "
	"AND l.subscriber_id IN " SUBS_OF_ORG "), "
	"(SELECT COUNT(*) FROM online_payments p WHERE p.status = 'succeeded' AND p.created_at >= ? "
	"AND p.subscriber_id IN " SUBS_OF_ORG "), "
	"(SELECT COALESCE(SUM(p.amount), 0) FROM online_payments p WHERE p.status = 'succeeded' "
	"AND p.created_at >= ? AND p.subscriber_id IN " SUBS_OF_ORG "), "
	"(SELECT COUNT(*) FROM online_payments p WHERE p.status = 'canceled' AND p.created_at >= ? "
	"AND p.subscriber_id IN " SUBS_OF_ORG "), "
	"(SELECT COUNT(DISTINCT r.meter_id) FROM readings r JOIN meters m ON m.id = r.meter_id "
	"JOIN accounts a ON a.id = m.account_id WHERE a.organization_id = o.id "
	"AND r.created_at >= ?), "
	"(SELECT COUNT(*) FROM meters m JOIN accounts a ON a.id = m.account_id "
	"WHERE a.organization_id = o.id AND m.removed_on IS NULL), "
	"(SELECT COUNT(*) FROM contact_requests c WHERE c.status = 'pending' "
	"AND c.subscriber_id IN " SUBS_OF_ORG "), "
	"(SELECT COUNT(*) FROM outbox x WHERE x.status IN ('queued', 'failed') "
	"AND x.subscriber_id IN " SUBS_OF_ORG ") "
	"FROM organizations o JOIN staff_organizations so ON so.organization_id = o.id "
	"WHERE so.staff_id = ? ORDER BY o.id",
	NULL, 0, NULL};

struct ov_ctx {
	struct overview row;
	enum perr (*each)(void *, const struct overview *);
	void *ctx;
};

static enum perr ov_each(void *p)
{
	struct ov_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

enum perr db_overview(struct arena *ar, uint64_t staff, const char *day, const char *month,
		      enum perr (*each)(void *, const struct overview *), void *ctx)
{
	struct ov_ctx x = {.each = each, .ctx = ctx};
	struct overview *o = &x.row;
	struct db_arg a[] = {DBA_STR(day),   DBA_STR(month), DBA_STR(day),   DBA_STR(month),
			     DBA_STR(month), DBA_STR(month), DBA_STR(month), DBA_STR(month),
			     DBA_U64(staff)};
	struct db_col c[] = {DBC_UINT(&o->org),		 DBC_STR(&o->name), DBC_STR(&o->currency),
			     DBC_INT(&o->signups_today), DBC_INT(&o->signups_month),
			     DBC_INT(&o->signins_today), DBC_INT(&o->signins_month),
			     DBC_INT(&o->paid_count),	 DBC_INT(&o->paid_sum),
			     DBC_INT(&o->failed_count),	 DBC_INT(&o->readings),
			     DBC_INT(&o->meters),	 DBC_INT(&o->open_requests),
			     DBC_INT(&o->undelivered)};

	return db_rows(ar, &overview, a, 9, c, 14, ov_each, &x);
}
