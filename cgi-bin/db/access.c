/*
 * db/access.c: shared access to accounts (sql/049).  A holder's statements
 * here take the account the page checked they hold (PAGE_NEEDS(RIGHT_HOLDER));
 * a delegate row is told apart from a holder's by granted_by, so nothing
 * here can change or end a holder's own access.
 */
#include <stdint.h>
#include <string.h>

#include "billing/access.h"
#include "core/arena.h"
#include "core/perr.h"
#include "db/access.h"
#include "db/db.h"

#define ISO(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

static struct db_stmt shared = {
        "access.shared",
        "SELECT a.id, a.number, a.address, o.name, sa.rights, h.full_name "
        "FROM account_access sa JOIN accounts a ON a.id = sa.account_id "
        "JOIN organizations o ON o.id = a.organization_id "
        "JOIN subscribers h ON h.id = sa.granted_by "
        "WHERE sa.subscriber_id = ? AND sa.granted_by IS NOT NULL ORDER BY sa.account_id",
        NULL, 0, NULL};

static struct db_stmt delegates = {
        "access.delegates",
        "SELECT d.subscriber_id, s.full_name, s.login, s.email, s.phone, d.rights, " ISO(
                "d.granted_at") " FROM account_access d JOIN subscribers s ON s.id = "
                                "d.subscriber_id "
                                "WHERE d.account_id = ? AND d.granted_by IS NOT NULL ORDER BY "
                                "d.granted_at, d.subscriber_id",
        NULL, 0, NULL};

static struct db_stmt set_rights = {
        "access.set_rights",
        "UPDATE account_access SET rights = ? "
        "WHERE subscriber_id = ? AND account_id = ? AND granted_by IS NOT NULL",
        NULL, 0, NULL};

static struct db_stmt end = {
        "access.end",
        "DELETE FROM account_access "
        "WHERE subscriber_id = ? AND account_id = ? AND granted_by IS NOT NULL",
        NULL, 0, NULL};

/* A delegate's autopay goes with the rights it needs (db/autopay.c): never left to
 * wake again if those rights came back. */
static struct db_stmt autopay_end = {
        "access.autopay_end", "DELETE FROM autopays WHERE subscriber_id = ? AND account_id = ?",
        NULL, 0, NULL};

/* Taking an invitation that gives less than everything but inviting ends the
 * autopay earlier rights allowed. */
static struct db_stmt autopay_replaced = {
        "access.autopay_replaced",
        "DELETE FROM autopays WHERE subscriber_id = ? AND account_id = (SELECT i.account_id "
        "FROM access_invitations i WHERE i.id = ? AND (i.rights & ?) <> ?)",
        NULL, 0, NULL};

static struct db_stmt invitations = {
        "access.invitations",
        "SELECT i.id, i.contact, i.rights, " ISO(
                "i.expires_at") " FROM access_invitations i "
                                "WHERE i.account_id = ? AND i.used_at IS NULL AND i.cancelled_at "
                                "IS NULL "
                                "AND i.expires_at > UTC_TIMESTAMP(6) ORDER BY i.id DESC",
        NULL, 0, NULL};

static struct db_stmt invited_today = {
        "access.invited_today",
        "SELECT COUNT(*) FROM access_invitations "
        "WHERE holder_id = ? AND created_at > UTC_TIMESTAMP(6) - INTERVAL 1 DAY",
        NULL, 0, NULL};

static struct db_stmt invite = {
        "access.invite",
        "INSERT INTO access_invitations (token_hash, account_id, holder_id, contact, rights, "
        "created_at, expires_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(6), "
        "UTC_TIMESTAMP(6) + INTERVAL ? SECOND)",
        NULL, 0, NULL};

static struct db_stmt invitation = {
        "access.invitation",
        "SELECT i.id, i.account_id, i.holder_id, i.contact, i.rights, " ISO(
                "i.expires_at") ", "
                                "i.used_at IS NOT NULL, i.cancelled_at IS NOT NULL, i.expires_at "
                                "<= UTC_TIMESTAMP(6), "
                                "a.number, a.address, o.name, h.full_name "
                                "FROM access_invitations i JOIN accounts a ON a.id = i.account_id "
                                "JOIN organizations o ON o.id = a.organization_id "
                                "JOIN subscribers h ON h.id = i.holder_id WHERE i.token_hash = ?",
        NULL, 0, NULL};

/* Only a live invitation is taken, by one request: the second finds it used. */
static struct db_stmt take = {
        "access.take",
        "UPDATE access_invitations SET used_at = UTC_TIMESTAMP(6), used_by = ? "
        "WHERE id = ? AND used_at IS NULL AND cancelled_at IS NULL "
        "AND expires_at > UTC_TIMESTAMP(6)",
        NULL, 0, NULL};

/*
 * A delegate's earlier access is replaced by the invitation's.  A holder's
 * own row is never deleted here; inserting beside it fails on the key (the
 * page refuses a holder's taking before it gets here).
 */
static struct db_stmt grant = {
        "access.grant",
        "INSERT INTO account_access (subscriber_id, account_id, rights, granted_by, granted_at) "
        "SELECT ?, i.account_id, i.rights, i.holder_id, UTC_TIMESTAMP(6) "
        "FROM access_invitations i WHERE i.id = ?",
        NULL, 0, NULL};

static struct db_stmt grant_replaced = {
        "access.grant_replaced",
        "DELETE FROM account_access WHERE subscriber_id = ? AND granted_by IS NOT NULL "
        "AND account_id = (SELECT i.account_id FROM access_invitations i WHERE i.id = ?)",
        NULL, 0, NULL};

static struct db_stmt cancel = {
        "access.cancel",
        "UPDATE access_invitations SET cancelled_at = UTC_TIMESTAMP(6) "
        "WHERE id = ? AND account_id = ? AND used_at IS NULL AND cancelled_at IS NULL "
        "AND expires_at > UTC_TIMESTAMP(6)",
        NULL, 0, NULL};

static struct db_stmt record = {
        "access.record",
        "INSERT INTO access_events (account_id, at, actor_id, subject_id, contact, event, rights) "
        "VALUES (?, UTC_TIMESTAMP(6), ?, ?, ?, ?, ?)",
        NULL, 0, NULL};

static struct db_stmt events = {
        "access.events",
        "SELECT " ISO("e.at") ", e.event, ac.full_name, sj.full_name, e.contact, "
                              "COALESCE(e.rights, 0) FROM access_events e "
                              "LEFT JOIN subscribers ac ON ac.id = e.actor_id "
                              "LEFT JOIN subscribers sj ON sj.id = e.subject_id "
                              "WHERE e.account_id = ? ORDER BY e.at DESC, e.id DESC LIMIT ?",
        NULL, 0, NULL};

/* Who submitted it is kept with every reading (readings.subscriber_id). */
static struct db_stmt others_readings = {
        "access.others_readings",
        "SELECT " ISO("r.created_at") ", s.full_name, m.number, r.value, m.decimals "
                                      "FROM meters m JOIN readings r ON r.meter_id = m.id AND "
                                      "r.source = 'subscriber' "
                                      "JOIN subscribers s ON s.id = r.subscriber_id "
                                      "WHERE m.account_id = ? AND NOT EXISTS (SELECT 1 FROM "
                                      "subscriber_accounts h "
                                      "WHERE h.subscriber_id = r.subscriber_id AND h.account_id = "
                                      "m.account_id) "
                                      "ORDER BY r.created_at DESC, r.id DESC LIMIT ?",
        NULL, 0, NULL};

/* And who paid, with every online payment (online_payments.subscriber_id).  The
 * account's payments first, newest along ix_payments_account: with few online
 * payments the planner would start from them and sort. */
static struct db_stmt others_payments = {
        "access.others_payments",
        "SELECT " ISO(
                "pm.paid_at") ", s.full_name, pm.amount, o.currency "
                              "FROM payments pm STRAIGHT_JOIN online_payments op ON op.id = "
                              "pm.online_id "
                              "JOIN subscribers s ON s.id = op.subscriber_id "
                              "JOIN accounts a ON a.id = pm.account_id JOIN organizations o ON "
                              "o.id = a.organization_id "
                              "WHERE pm.account_id = ? AND NOT EXISTS (SELECT 1 FROM "
                              "subscriber_accounts h "
                              "WHERE h.subscriber_id = op.subscriber_id AND h.account_id = "
                              "pm.account_id) "
                              "ORDER BY pm.paid_at DESC, pm.id DESC LIMIT ?",
        NULL, 0, NULL};

/* ------------------------------------------------------------------ rows */

struct shared_iter {
	struct shared_account r;
	long long rights;
	enum perr (*each)(void *, const struct shared_account *);
	void *ctx;
};

static enum perr shared_row(void *p)
{
	struct shared_iter *it = p;

	it->r.rights = (unsigned)it->rights;
	return it->each(it->ctx, &it->r);
}

enum perr db_access_shared(struct arena *ar, uint64_t subscriber,
                           enum perr (*each)(void *, const struct shared_account *), void *ctx)
{
	struct shared_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&it.r.id),  DBC_STR(&it.r.number), DBC_STR(&it.r.address),
	                     DBC_STR(&it.r.org), DBC_INT(&it.rights),   DBC_STR(&it.r.holder)};

	return db_rows(ar, &shared, (struct db_arg[]){DBA_U64(subscriber)}, 1, c, 6, shared_row,
	               &it);
}

struct delegate_iter {
	struct delegate r;
	long long rights;
	enum perr (*each)(void *, const struct delegate *);
	void *ctx;
};

static enum perr delegate_row(void *p)
{
	struct delegate_iter *it = p;

	it->r.rights = (unsigned)it->rights;
	return it->each(it->ctx, &it->r);
}

enum perr db_access_delegates(struct arena *ar, uint64_t account,
                              enum perr (*each)(void *, const struct delegate *), void *ctx)
{
	struct delegate_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&it.r.id),    DBC_STR(&it.r.name),  DBC_STR(&it.r.login),
	                     DBC_STR(&it.r.email), DBC_STR(&it.r.phone), DBC_INT(&it.rights),
	                     DBC_STR(&it.r.since)};

	return db_rows(ar, &delegates, (struct db_arg[]){DBA_U64(account)}, 1, c, 7, delegate_row,
	               &it);
}

/* One statement that must change exactly a row: none is PERR_NOT_FOUND. */
static enum perr exec_one(struct db_stmt *st, const struct db_arg *a, size_t n)
{
	unsigned long long changed = 0;
	enum perr e = db_exec(st, a, n, &changed, NULL);

	return e == PERR_OK && changed == 0 ? PERR_NOT_FOUND : e;
}

enum perr db_access_set_rights(uint64_t account, uint64_t delegate, unsigned rights)
{
	struct db_arg a[] = {DBA_INT(rights), DBA_U64(delegate), DBA_U64(account)};
	enum perr e = exec_one(&set_rights, a, 3);

	if (e == PERR_OK && (rights & RIGHTS_FULL) != RIGHTS_FULL)
		e = db_exec(&autopay_end, a + 1, 2, NULL, NULL);
	return e;
}

enum perr db_access_end(uint64_t account, uint64_t delegate)
{
	struct db_arg a[] = {DBA_U64(delegate), DBA_U64(account)};
	enum perr e = exec_one(&end, a, 2);

	return e == PERR_OK ? db_exec(&autopay_end, a, 2, NULL, NULL) : e;
}

struct invitation_iter {
	struct invitation r;
	long long rights;
	enum perr (*each)(void *, const struct invitation *);
	void *ctx;
};

static enum perr invitation_row(void *p)
{
	struct invitation_iter *it = p;

	it->r.rights = (unsigned)it->rights;
	return it->each(it->ctx, &it->r);
}

enum perr db_access_invitations(struct arena *ar, uint64_t account,
                                enum perr (*each)(void *, const struct invitation *), void *ctx)
{
	struct invitation_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&it.r.id), DBC_STR(&it.r.contact), DBC_INT(&it.rights),
	                     DBC_STR(&it.r.expires)};

	it.r.account_id = account;
	return db_rows(ar, &invitations, (struct db_arg[]){DBA_U64(account)}, 1, c, 4,
	               invitation_row, &it);
}

enum perr db_access_invited_today(struct arena *ar, uint64_t holder, long long *n)
{
	struct db_col c[] = {DBC_INT(n)};

	return db_row(ar, &invited_today, (struct db_arg[]){DBA_U64(holder)}, 1, c, 1);
}

enum perr db_access_invite(const unsigned char hash[32], uint64_t account, uint64_t holder,
                           const char *contact, unsigned rights, unsigned ttl, uint64_t *id)
{
	struct db_arg a[] = {DBA_BLOB(hash, 32), DBA_U64(account), DBA_U64(holder),
	                     DBA_STR(contact),   DBA_INT(rights),  DBA_INT(ttl)};
	unsigned long long inserted = 0;
	enum perr e = db_exec(&invite, a, 6, NULL, &inserted);

	*id = inserted;
	return e;
}

enum perr db_access_invitation(struct arena *ar, const unsigned char hash[32],
                               struct invitation *out)
{
	long long rights = 0, used = 0, cancelled = 0, expired = 0;
	struct db_col c[] = {
	        DBC_U64(&out->id),      DBC_U64(&out->account_id), DBC_U64(&out->holder_id),
	        DBC_STR(&out->contact), DBC_INT(&rights),          DBC_STR(&out->expires),
	        DBC_INT(&used),         DBC_INT(&cancelled),       DBC_INT(&expired),
	        DBC_STR(&out->number),  DBC_STR(&out->address),    DBC_STR(&out->org),
	        DBC_STR(&out->holder)};
	enum perr e = db_row(ar, &invitation, (struct db_arg[]){DBA_BLOB(hash, 32)}, 1, c, 13);

	out->rights = (unsigned)rights;
	out->used = used != 0;
	out->cancelled = cancelled != 0;
	out->expired = expired != 0;
	return e;
}

enum perr db_access_take(uint64_t id, uint64_t subscriber)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_U64(id)};
	enum perr e = exec_one(&take, a, 2);

	if (e == PERR_NOT_FOUND)
		return PERR_CONFLICT;
	if (e != PERR_OK)
		return e;
	if ((e = db_exec(&autopay_replaced,
	                 (struct db_arg[]){DBA_U64(subscriber), DBA_U64(id), DBA_INT(RIGHTS_FULL),
	                                   DBA_INT(RIGHTS_FULL)},
	                 4, NULL, NULL)) != PERR_OK)
		return e;
	if ((e = db_exec(&grant_replaced, (struct db_arg[]){DBA_U64(subscriber), DBA_U64(id)}, 2,
	                 NULL, NULL)) != PERR_OK)
		return e;
	return db_exec(&grant, (struct db_arg[]){DBA_U64(subscriber), DBA_U64(id)}, 2, NULL, NULL);
}

enum perr db_access_cancel(uint64_t account, uint64_t invitation_id)
{
	struct db_arg a[] = {DBA_U64(invitation_id), DBA_U64(account)};

	return exec_one(&cancel, a, 2);
}

enum perr db_access_record(uint64_t account, uint64_t actor, uint64_t subject, const char *contact,
                           const char *event, unsigned rights)
{
	struct db_arg a[] = {DBA_U64(account),
	                     DBA_U64(actor),
	                     subject ? DBA_U64(subject) : DBA_NULL,
	                     contact ? DBA_STR(contact) : DBA_NULL,
	                     DBA_STR(event),
	                     rights ? DBA_INT(rights) : DBA_NULL};

	return db_exec(&record, a, 6, NULL, NULL);
}

struct event_iter {
	struct access_event r;
	long long rights;
	enum perr (*each)(void *, const struct access_event *);
	void *ctx;
};

static enum perr event_row(void *p)
{
	struct event_iter *it = p;

	it->r.rights = (unsigned)it->rights;
	return it->each(it->ctx, &it->r);
}

enum perr db_access_events(struct arena *ar, uint64_t account, unsigned max,
                           enum perr (*each)(void *, const struct access_event *), void *ctx)
{
	struct event_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_STR(&it.r.at),      DBC_STR(&it.r.event),   DBC_STR(&it.r.actor),
	                     DBC_STR(&it.r.subject), DBC_STR(&it.r.contact), DBC_INT(&it.rights)};

	return db_rows(ar, &events, (struct db_arg[]){DBA_U64(account), DBA_INT(max)}, 2, c, 6,
	               event_row, &it);
}

struct action_iter {
	struct others_action r;
	long long decimals;
	enum perr (*each)(void *, const struct others_action *);
	void *ctx;
};

static enum perr action_row(void *p)
{
	struct action_iter *it = p;

	it->r.decimals = (unsigned)it->decimals;
	return it->each(it->ctx, &it->r);
}

enum perr db_access_others_actions(struct arena *ar, uint64_t account, unsigned max,
                                   enum perr (*each)(void *, const struct others_action *),
                                   void *ctx)
{
	struct action_iter it = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(account), DBA_INT(max)};
	struct db_col reading[] = {DBC_STR(&it.r.at), DBC_STR(&it.r.who), DBC_STR(&it.r.meter),
	                           DBC_INT(&it.r.value), DBC_INT(&it.decimals)};
	struct db_col payment[] = {DBC_STR(&it.r.at), DBC_STR(&it.r.who), DBC_INT(&it.r.amount),
	                           DBC_STR(&it.r.currency)};
	enum perr e;

	it.r.kind = "reading";
	if ((e = db_rows(ar, &others_readings, a, 2, reading, 5, action_row, &it)) != PERR_OK)
		return e;
	memset(&it.r, 0, sizeof(it.r));
	it.decimals = 0;
	it.r.kind = "payment";
	return db_rows(ar, &others_payments, a, 2, payment, 4, action_row, &it);
}
