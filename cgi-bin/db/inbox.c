/*
 * db/inbox.c: the subscriber's side of the inbox.  Every statement names the
 * subscriber, so a message of someone else's is never found.
 */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/inbox.h"

static struct db_stmt list = {
	"inbox.list",
	"SELECT id, kind, subject, DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ'), "
	"DATE_FORMAT(read_at, '%Y-%m-%dT%H:%i:%sZ') FROM inbox "
	"WHERE subscriber_id = ? AND id < ? AND written = 1 ORDER BY id DESC LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt one = {
	"inbox.one",
	"SELECT kind, subject, body, DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ'), "
	"DATE_FORMAT(read_at, '%Y-%m-%dT%H:%i:%sZ') FROM inbox "
	"WHERE id = ? AND subscriber_id = ? AND written = 1",
	NULL, 0, NULL};

static struct db_stmt mark = {
	"inbox.mark",
	"UPDATE inbox SET read_at = UTC_TIMESTAMP(6) "
	"WHERE id = ? AND subscriber_id = ? AND read_at IS NULL",
	NULL, 0, NULL};

static struct db_stmt mark_all = {
	"inbox.mark_all",
	"UPDATE inbox SET read_at = UTC_TIMESTAMP(6) "
	"WHERE subscriber_id = ? AND read_at IS NULL AND written = 1",
	NULL, 0, NULL};

struct list_ctx {
	struct inbox_item row;
	enum perr (*each)(void *, const struct inbox_item *);
	void *ctx;
};

static enum perr list_each(void *p)
{
	struct list_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

enum perr db_inbox_list(struct arena *ar, uint64_t subscriber, uint64_t before, unsigned limit,
			enum perr (*each)(void *, const struct inbox_item *), void *ctx)
{
	struct list_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(subscriber), DBA_U64(before ? before : UINT64_MAX >> 1),
			     DBA_INT(limit)};
	struct db_col c[] = {DBC_U64(&x.row.id), DBC_STR(&x.row.kind), DBC_STR(&x.row.subject),
			     DBC_STR(&x.row.at), DBC_STR(&x.row.read_at)};

	return db_rows(ar, &list, a, 3, c, 5, list_each, &x);
}

enum perr db_inbox_open(struct arena *ar, uint64_t subscriber, uint64_t id,
			struct inbox_item *it)
{
	struct db_arg a[] = {DBA_U64(id), DBA_U64(subscriber)};
	struct db_col c[] = {DBC_STR(&it->kind), DBC_STR(&it->subject), DBC_STR(&it->body),
			     DBC_STR(&it->at), DBC_STR(&it->read_at)};
	enum perr e;

	it->id = id;
	if ((e = db_row(ar, &one, a, 2, c, 5)) != PERR_OK)
		return e;
	return it->read_at != NULL ? PERR_OK : db_exec(&mark, a, 2, NULL, NULL);
}

enum perr db_inbox_read_all(uint64_t subscriber)
{
	return db_exec(&mark_all, (struct db_arg[]){DBA_U64(subscriber)}, 1, NULL, NULL);
}
