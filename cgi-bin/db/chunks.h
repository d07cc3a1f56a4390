/* db/chunks.h: a file kept in the database in chunks, read back a chunk at a time. */
#ifndef DB_CHUNKS_H
#define DB_CHUNKS_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"
#include "db/db.h"

/* The largest chunk a file is stored in. */
#define DB_CHUNK_MAX (256u << 10)

/* Where a download's bytes go (web/serve.h's page_stream() writer and its context). */
struct chunk_sink {
	int (*put)(void *, const char *, size_t);
	void *ctx;
};

/* A db_chunks() callback handing each chunk to a struct chunk_sink. */
enum perr db_chunk_to_sink(void *sink, const unsigned char *, size_t);

/* st selects one file's chunks (its one parameter the file's id), in order. */
enum perr db_chunks(struct arena *, struct db_stmt *st, uint64_t id,
		    enum perr (*each)(void *, const unsigned char *, size_t), void *) PORTAL_WUR;

#endif
