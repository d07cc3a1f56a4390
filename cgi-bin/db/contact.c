/* db/contact.c: what a subscriber asked the organization to change. */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/contact.h"
#include "db/db.h"

/* A newer request replaces one staff have not processed yet. */
static struct db_stmt withdraw = {
	"contact.withdraw",
	"DELETE FROM contact_requests WHERE subscriber_id = ? AND field = ? AND status = 'pending'",
	NULL, 0, NULL};

static struct db_stmt request = {
	"contact.request",
	"INSERT INTO contact_requests (subscriber_id, field, value, created_at) "
	"VALUES (?, ?, ?, UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

enum perr db_contact_request(uint64_t subscriber, const char *field, const char *value)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_STR(field), DBA_STR(value)};
	enum perr e = db_exec(&withdraw, a, 2, NULL, NULL);

	return e != PERR_OK ? e : db_exec(&request, a, 3, NULL, NULL);
}

#define PENDING_COLS                                                                           \
	"SELECT cr.id, cr.subscriber_id, MIN(a.organization_id), s.login, s.full_name, s.phone, " \
	"cr.value, DATE_FORMAT(cr.created_at, '%Y-%m-%dT%H:%i:%sZ') FROM contact_requests cr "    \
	"JOIN subscribers s ON s.id = cr.subscriber_id "                                         \
	"JOIN subscriber_accounts sa ON sa.subscriber_id = s.id "                                \
	"JOIN accounts a ON a.id = sa.account_id JOIN staff_organizations so ON "                \
	"so.organization_id = a.organization_id AND so.staff_id = ? "

static struct db_stmt pending = {
	"contact.pending",
	PENDING_COLS "WHERE cr.status = 'pending' AND cr.id > ? GROUP BY cr.id ORDER BY cr.id "
		     "LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt take = {
	"contact.take",
	PENDING_COLS "WHERE cr.id = ? AND cr.status = 'pending' GROUP BY cr.id",
	NULL, 0, NULL};

/* The row lock that makes two staff deciding at once decide once. */
static struct db_stmt lock = {
	"contact.lock",
	"SELECT id FROM contact_requests WHERE id = ? AND status = 'pending' FOR UPDATE",
	NULL, 0, NULL};

static struct db_stmt set_phone = {
	"contact.set_phone",
	"UPDATE subscribers SET phone = ? WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt decide = {
	"contact.decide",
	"UPDATE contact_requests SET status = ?, reason = ?, staff_id = ?, "
	"processed_at = UTC_TIMESTAMP(6) WHERE id = ? AND status = 'pending'",
	NULL, 0, NULL};

struct pending_ctx {
	struct contact_pending row;
	enum perr (*each)(void *, const struct contact_pending *);
	void *ctx;
};

static enum perr pending_each(void *p)
{
	struct pending_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

#define PENDING_OUT(r)                                                                        \
	{DBC_U64(&(r).id),	  DBC_U64(&(r).subscriber_id), DBC_UINT(&(r).org),               \
	 DBC_STR(&(r).login),	  DBC_STR(&(r).full_name),     DBC_STR(&(r).current),            \
	 DBC_STR(&(r).value),	  DBC_STR(&(r).created_at)}

enum perr db_contact_pending(struct arena *ar, uint64_t staff, uint64_t after, unsigned limit,
			     enum perr (*each)(void *, const struct contact_pending *), void *ctx)
{
	struct pending_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(staff), DBA_U64(after), DBA_INT(limit)};
	struct db_col c[] = PENDING_OUT(x.row);

	return db_rows(ar, &pending, a, 3, c, 8, pending_each, &x);
}

enum perr db_contact_take(struct arena *ar, uint64_t staff, uint64_t id,
			  struct contact_pending *out)
{
	struct db_arg a[] = {DBA_U64(staff), DBA_U64(id)};
	struct db_col c[] = PENDING_OUT(*out);
	uint64_t locked = 0;
	struct db_col l[] = {DBC_U64(&locked)};
	enum perr e = db_row(ar, &lock, a + 1, 1, l, 1);

	return e != PERR_OK ? e : db_row(ar, &take, a, 2, c, 8);
}

static enum perr decided(uint64_t id, uint64_t staff, const char *status, const char *reason)
{
	struct db_arg a[] = {DBA_STR(status), reason ? DBA_STR(reason) : DBA_NULL, DBA_U64(staff),
			     DBA_U64(id)};
	unsigned long long n = 0;
	enum perr e = db_exec(&decide, a, 4, &n, NULL);

	return e != PERR_OK ? e : n == 1 ? PERR_OK : PERR_CONFLICT;
}

enum perr db_contact_approve(uint64_t id, uint64_t staff, uint64_t subscriber, const char *phone)
{
	struct db_arg a[] = {DBA_STR(phone), DBA_U64(subscriber)};
	enum perr e = db_exec(&set_phone, a, 2, NULL, NULL);

	return e != PERR_OK ? e : decided(id, staff, "done", NULL);
}

enum perr db_contact_reject(uint64_t id, uint64_t staff, const char *reason)
{
	return decided(id, staff, "rejected", reason);
}
