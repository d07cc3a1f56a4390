/*
 * db/reminder.c: the reminders' questions.  Each names the period it is for,
 * and leaves out who already has a row in reminders_sent for it, so a run
 * that stopped half-way (or two at once) sends nobody a second one.
 */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/reminder.h"

static struct db_stmt orgs = {
	"reminder.orgs",
	"SELECT id, time_zone, readings_from, readings_to FROM organizations ORDER BY id",
	NULL, 0, NULL};

/* A meter in use with nothing taken since the window opened, zone by zone. */
static struct db_stmt readings = {
	"reminder.readings",
	"SELECT sa.subscriber_id, a.id, a.number, NULL, NULL FROM accounts a "
	"JOIN subscriber_accounts sa ON sa.account_id = a.id "
	"JOIN subscribers s ON s.id = sa.subscriber_id AND s.active = 1 "
	"WHERE a.organization_id = ? AND EXISTS (SELECT 1 FROM meters m WHERE m.account_id = a.id "
	"AND m.removed_on IS NULL AND NOT EXISTS (SELECT 1 FROM readings r "
	"WHERE r.meter_id = m.id AND r.zone = 1 AND r.taken_on >= ? AND r.status <> 'rejected')) "
	"AND NOT EXISTS (SELECT 1 FROM reminders_sent rs WHERE rs.subscriber_id = sa.subscriber_id "
	"AND rs.kind = 'readings' AND rs.object_id = a.id AND rs.period = DATE_FORMAT(?, '%Y-%m-01')) "
	"ORDER BY sa.subscriber_id, a.id LIMIT ?",
	NULL, 0, NULL};

/* The latest receipt's due date in the coming days, and something of it unpaid. */
static struct db_stmt due = {
	"reminder.due",
	"SELECT sa.subscriber_id, a.id, a.number, NULL, DATE_FORMAT(ri.due_on, '%Y-%m-%d') "
	"FROM receipt_issues ri JOIN accounts a ON a.organization_id = ri.organization_id "
	"JOIN subscriber_accounts sa ON sa.account_id = a.id "
	"JOIN subscribers s ON s.id = sa.subscriber_id AND s.active = 1 "
	"WHERE ri.organization_id = ? AND ri.due_on BETWEEN ? AND ? "
	"AND ri.stored_through IS NULL "
	"AND ri.period = (SELECT MAX(r2.period) FROM receipt_issues r2 "
	"WHERE r2.organization_id = ri.organization_id AND r2.stored_through IS NULL) "
	"AND EXISTS (SELECT 1 FROM ledger l WHERE l.account_id = a.id AND l.period = ri.period "
	"AND l.closing > 0) "
	"AND NOT EXISTS (SELECT 1 FROM reminders_sent rs WHERE rs.subscriber_id = sa.subscriber_id "
	"AND rs.kind = 'due' AND rs.object_id = a.id AND rs.period = ri.due_on) "
	"ORDER BY sa.subscriber_id, a.id LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt verification = {
	"reminder.verification",
	"SELECT sa.subscriber_id, m.id, a.number, m.number, "
	"DATE_FORMAT(m.verification_due, '%Y-%m-%d') FROM meters m "
	"JOIN accounts a ON a.id = m.account_id "
	"JOIN subscriber_accounts sa ON sa.account_id = a.id "
	"JOIN subscribers s ON s.id = sa.subscriber_id AND s.active = 1 "
	"WHERE a.organization_id = ? AND m.removed_on IS NULL "
	"AND m.verification_due BETWEEN ? AND ? "
	"AND NOT EXISTS (SELECT 1 FROM reminders_sent rs WHERE rs.subscriber_id = sa.subscriber_id "
	"AND rs.kind = 'verification' AND rs.object_id = m.id AND rs.period = m.verification_due) "
	"ORDER BY sa.subscriber_id, m.id LIMIT ?",
	NULL, 0, NULL};

/* What an account holds, minus what it owes, in its latest month billed. */
#define BALANCE_OF(account)                                                                        \
	"(SELECT -COALESCE(SUM(l.closing), 0) FROM account_summaries su "                          \
	"JOIN ledger l ON l.account_id = su.account_id AND l.period = su.latest_period "           \
	"WHERE su.account_id = " account ")"

static struct db_stmt balances = {
        "reminder.balances",
        "SELECT al.subscriber_id, a.id, a.number, o.currency, al.threshold, " BALANCE_OF(
                "a.id") " "
                        "FROM balance_alerts al JOIN accounts a ON a.id = al.account_id "
                        "JOIN organizations o ON o.id = a.organization_id "
                        "JOIN account_access sa ON sa.subscriber_id = al.subscriber_id "
                        "AND sa.account_id = al.account_id AND (sa.rights & 1) = 1 "
                        "JOIN subscribers s ON s.id = al.subscriber_id AND s.active = 1 "
                        "WHERE a.organization_id = ? AND al.below = 0 "
                        "AND " BALANCE_OF(
                                "a.id") " < al.threshold ORDER BY al.subscriber_id, a.id LIMIT ?",
        NULL, 0, NULL};

static struct db_stmt balance_told = {"reminder.balance_told",
                                      "UPDATE balance_alerts SET below = 1 WHERE subscriber_id = ? "
                                      "AND account_id = ? AND below = 0",
                                      NULL, 0, NULL};

static struct db_stmt balances_rearm = {
        "reminder.balances_rearm",
        "UPDATE balance_alerts al JOIN accounts a ON a.id = al.account_id SET al.below = 0 "
        "WHERE a.organization_id = ? AND al.below = 1 AND " BALANCE_OF(
                "al.account_id") " >= al.threshold",
        NULL, 0, NULL};

static struct db_stmt record = {
	"reminder.record",
	"INSERT IGNORE INTO reminders_sent (subscriber_id, kind, object_id, period, sent_at) "
	"VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

struct org_ctx {
	struct reminder_org row;
	enum perr (*each)(void *, const struct reminder_org *);
	void *ctx;
};

static enum perr org_each(void *p)
{
	struct org_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

enum perr db_reminder_orgs(struct arena *ar, enum perr (*each)(void *, const struct reminder_org *),
			   void *ctx)
{
	struct org_ctx x = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_UINT(&x.row.id), DBC_STR(&x.row.time_zone),
			     DBC_UINT(&x.row.readings_from), DBC_UINT(&x.row.readings_to)};

	return db_rows(ar, &orgs, NULL, 0, c, 4, org_each, &x);
}

struct due_ctx {
	struct reminder_due row;
	enum perr (*each)(void *, const struct reminder_due *);
	void *ctx;
};

static enum perr due_each(void *p)
{
	struct due_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

static enum perr due_rows(struct arena *ar, struct db_stmt *st, struct db_arg *a, unsigned na,
			  enum perr (*each)(void *, const struct reminder_due *), void *ctx)
{
	struct due_ctx x = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&x.row.subscriber_id), DBC_UINT(&x.row.object_id),
			     DBC_STR(&x.row.account), DBC_STR(&x.row.meter), DBC_STR(&x.row.date)};

	return db_rows(ar, st, a, na, c, 5, due_each, &x);
}

enum perr db_reminder_readings(struct arena *ar, unsigned org, const char *from, unsigned limit,
			       enum perr (*each)(void *, const struct reminder_due *), void *ctx)
{
	struct db_arg a[] = {DBA_INT(org), DBA_STR(from), DBA_STR(from), DBA_INT(limit)};

	return due_rows(ar, &readings, a, 4, each, ctx);
}

enum perr db_reminder_due(struct arena *ar, unsigned org, const char *today, const char *until,
			  unsigned limit, enum perr (*each)(void *, const struct reminder_due *),
			  void *ctx)
{
	struct db_arg a[] = {DBA_INT(org), DBA_STR(today), DBA_STR(until), DBA_INT(limit)};

	return due_rows(ar, &due, a, 4, each, ctx);
}

enum perr db_reminder_verification(struct arena *ar, unsigned org, const char *today,
				   const char *until, unsigned limit,
				   enum perr (*each)(void *, const struct reminder_due *), void *ctx)
{
	struct db_arg a[] = {DBA_INT(org), DBA_STR(today), DBA_STR(until), DBA_INT(limit)};

	return due_rows(ar, &verification, a, 4, each, ctx);
}

enum perr db_reminder_record(uint64_t subscriber, const char *kind, unsigned object,
			     const char *period)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_STR(kind), DBA_INT(object), DBA_STR(period)};
	unsigned long long n = 0;
	enum perr e = db_exec(&record, a, 4, &n, NULL);

	return e == PERR_OK && n == 0 ? PERR_CONFLICT : e;
}

struct balance_ctx {
	struct reminder_balance row;
	enum perr (*each)(void *, const struct reminder_balance *);
	void *ctx;
};

static enum perr balance_each(void *p)
{
	struct balance_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

enum perr db_reminder_balances(struct arena *ar, unsigned org, unsigned limit,
                               enum perr (*each)(void *, const struct reminder_balance *),
                               void *ctx)
{
	struct balance_ctx x = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&x.row.subscriber_id), DBC_U64(&x.row.account_id),
	                     DBC_STR(&x.row.account),       DBC_STR(&x.row.currency),
	                     DBC_INT(&x.row.threshold),     DBC_INT(&x.row.balance)};

	return db_rows(ar, &balances, (struct db_arg[]){DBA_INT(org), DBA_INT(limit)}, 2, c, 6,
	               balance_each, &x);
}

enum perr db_reminder_balance_told(uint64_t subscriber, uint64_t account)
{
	unsigned long long changed = 0;
	enum perr e =
	        db_exec(&balance_told, (struct db_arg[]){DBA_U64(subscriber), DBA_U64(account)}, 2,
	                &changed, NULL);

	return e == PERR_OK && changed == 0 ? PERR_CONFLICT : e;
}

enum perr db_reminder_balances_rearm(unsigned org)
{
	return db_exec(&balances_rearm, (struct db_arg[]){DBA_INT(org)}, 1, NULL, NULL);
}
