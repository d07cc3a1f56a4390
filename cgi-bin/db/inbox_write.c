/* db/inbox_write.c: the delivery program's side of the inbox. */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/lang.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/inbox_write.h"

static struct db_stmt unwritten = {
	"inbox.unwritten",
	"SELECT id FROM inbox WHERE written = 0 AND id > ? ORDER BY written, id LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt raw = {
	"inbox.raw",
	"SELECT i.subscriber_id, i.kind, i.params, s.lang FROM inbox i "
	"JOIN subscribers s ON s.id = i.subscriber_id WHERE i.id = ? AND i.written = 0",
	NULL, 0, NULL};

static struct db_stmt write_one = {
	"inbox.write",
	"UPDATE inbox SET written = 1, subject = ?, body = ? WHERE id = ? AND written = 0",
	NULL, 0, NULL};

static struct db_stmt drop = {
	"inbox.drop",
	"DELETE FROM inbox WHERE id = ? AND written = 0",
	NULL, 0, NULL};

struct ids_ctx {
	uint64_t id, *ids;
	size_t max, n;
};

static enum perr ids_each(void *p)
{
	struct ids_ctx *x = p;

	if (x->n < x->max)
		x->ids[x->n++] = x->id;
	return PERR_OK;
}

enum perr db_inbox_unwritten(struct arena *ar, uint64_t after, uint64_t *ids, size_t max,
			     size_t *n)
{
	struct ids_ctx x = {.ids = ids, .max = max};
	struct db_col c[] = {DBC_U64(&x.id)};
	struct db_arg a[] = {DBA_U64(after), DBA_INT(max)};
	enum perr e = db_rows(ar, &unwritten, a, 2, c, 1, ids_each, &x);

	*n = x.n;
	return e;
}

enum perr db_inbox_raw(struct arena *ar, uint64_t id, struct inbox_raw *m)
{
	const char *lang = NULL;
	struct db_col c[] = {DBC_U64(&m->subscriber_id), DBC_STR(&m->kind), DBC_STR(&m->params),
			     DBC_STR(&lang)};
	enum perr e = db_row(ar, &raw, (struct db_arg[]){DBA_U64(id)}, 1, c, 4);
	int l;

	if (e != PERR_OK)
		return e;
	m->id = id;
	l = lang ? lang_parse(lang, strlen(lang)) : -1;
	m->lang = l >= 0 ? (enum lang)l : LANG_RU;
	return PERR_OK;
}

enum perr db_inbox_write(uint64_t id, const char *subject, const char *body)
{
	struct db_arg a[] = {DBA_STRN(subject, strnlen(subject, 300)), DBA_STR(body), DBA_U64(id)};

	return db_exec(&write_one, a, 3, NULL, NULL);
}

enum perr db_inbox_drop(uint64_t id)
{
	return db_exec(&drop, (struct db_arg[]){DBA_U64(id)}, 1, NULL, NULL);
}
