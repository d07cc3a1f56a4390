/* web/io.h: the web layer's own interfaces, below the sections' view of it. */
#ifndef WEB_IO_H
#define WEB_IO_H

#include <stddef.h>

#include "core/arena.h"
#include "web/req.h"

#define PRE_COOKIE "pre"
#define LANG_COOKIE "lang"

/* Where a request's bytes come from and go to: FastCGI or plain CGI. */
struct io {
	void *ctx;
	const char *(*param)(void *ctx, const char *name);
	/* Read up to n bytes; returns bytes read, 0 at end, -1 on error. */
	long (*read)(void *ctx, char *buf, size_t n);
	int (*write)(void *ctx, const char *buf, size_t n);
	/* Send what was written and end the request (NULL: it ends when the
	 * program does).  After it, param must not be called. */
	void (*finish)(void *ctx);
};

/* Serve one request end to end; the arena is reset by the caller. */
void request_serve(const struct section *, struct arena *, const struct io *);

/* Make a cookie set during this request visible to later code in it. */
int cookie_remember(struct req *, const char *name, const char *value);

#endif
