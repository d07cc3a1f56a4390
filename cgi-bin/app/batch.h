/* app/batch.h: a JSON batch of rows as the CSV file an import reads. */
#ifndef APP_BATCH_H
#define APP_BATCH_H

#include <stddef.h>

#include <jansson.h>

#include "core/attrs.h"

/* A growing buffer of CSV text, and where reading it has got to. */
struct batch_text {
	char *p; /* malloc'd */
	size_t len, cap, off;
};

enum batch_err { BATCH_OK, BATCH_NOT_OBJECT, BATCH_KEYS, BATCH_VALUE, BATCH_NOMEM };

/*
 * rows, a JSON array of objects, as CSV: a header naming every key in the
 * order first met (32 at most, 40 bytes each), then one line per row, each
 * field quoted.  Strings are taken as they are, numbers written the way a
 * person would (a double with fifteen significant digits), null is empty.
 * On a refusal, *bad_row and *bad_key say where.
 */
enum batch_err batch_csv(json_t *rows, struct batch_text *, size_t *bad_row,
                         const char **bad_key) PORTAL_WUR;
/* exchange_store()'s reader over the text. */
long batch_read(void *ctx, char *buf, size_t n);
void batch_free(struct batch_text *);

#endif
