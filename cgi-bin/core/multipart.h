/* core/multipart.h: a multipart/form-data body, read part by part as it arrives. */
#ifndef CORE_MULTIPART_H
#define CORE_MULTIPART_H

#include <stddef.h>

#include "core/attrs.h"
#include "core/perr.h"

struct mpart_head {
	char name[64];      /* the form field's name */
	char filename[256]; /* the file's own name, without a directory; "" if not a file */
	int is_file;
	char type[128]; /* Content-Type of the part, "" if none */
};

struct mpart;

/*
 * A reader over read(ctx, buf, n) (bytes read, 0 at the end, -1 on error)
 * for the body of content_type ("multipart/form-data; boundary=...").
 * NULL if the type has no usable boundary or memory is short.  A body is
 * never held whole: the reader keeps 64 KiB.
 */
struct mpart *mpart_new(const char *content_type, long (*read)(void *, char *, size_t), void *ctx);
void mpart_free(struct mpart *);
/*
 * The next part's headers (what is left of the current part is skipped).
 * PERR_NOT_FOUND after the last part; PERR_BAD_INPUT for a body that is not
 * multipart as announced; PERR_TOO_LARGE for headers over 8 KiB.
 */
enum perr mpart_next(struct mpart *, struct mpart_head *) PORTAL_WUR;
/* The current part's bytes: how many were read, 0 at its end, -1 for a broken body. */
long mpart_read(struct mpart *, char *, size_t) PORTAL_WUR;

#endif
