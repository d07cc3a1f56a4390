/* db/chunks.c: one buffer of the largest chunk, filled and handed on row by row. */
#include <stdint.h>

#include "core/arena.h"
#include "db/chunks.h"
#include "db/db.h"

struct chunk_it {
	unsigned char *buf;
	unsigned long len;
	enum perr (*each)(void *, const unsigned char *, size_t);
	void *ctx;
};

static enum perr chunk_each(void *p)
{
	struct chunk_it *it = p;

	return it->each(it->ctx, it->buf, it->len);
}

enum perr db_chunk_to_sink(void *p, const unsigned char *b, size_t n)
{
	struct chunk_sink *s = p;

	return s->put(s->ctx, (const char *)b, n) == 0 ? PERR_OK : PERR_SYS;
}

enum perr db_chunks(struct arena *ar, struct db_stmt *st, uint64_t id,
		    enum perr (*each)(void *, const unsigned char *, size_t), void *ctx)
{
	struct chunk_it it = {arena_alloc(ar, DB_CHUNK_MAX), 0, each, ctx};
	struct db_arg a[] = {DBA_U64(id)};
	struct db_col c[] = {DBC_BLOB(it.buf, DB_CHUNK_MAX, &it.len)};

	if (it.buf == NULL)
		return PERR_NOMEM;
	return db_rows(ar, st, a, 1, c, 1, chunk_each, &it);
}
