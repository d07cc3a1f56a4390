/* core/csvout.h: writing CSV rows to a sink, buffered. */
#ifndef CORE_CSVOUT_H
#define CORE_CSVOUT_H

#include <stddef.h>

#include "core/attrs.h"

/* RFC 4180: comma-separated, CRLF-ended, a field quoted when it must be. */
struct csvout {
	int (*put)(void *ctx, const char *, size_t); /* 0, or -1 when the sink failed */
	void *ctx;
	size_t len;
	char buf[65536];
};

void csvout_init(struct csvout *, int (*put)(void *, const char *, size_t), void *ctx);
int csvout_row(struct csvout *, const char *const *cells, unsigned n) PORTAL_WUR;
int csvout_flush(struct csvout *) PORTAL_WUR;

#endif
