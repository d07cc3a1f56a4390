/*
 * extern.h: the library's internal interfaces.  Never included by a section
 * program; those see only portal.h.
 */
#ifndef EXTERN_H
#define EXTERN_H

#include <libxml/tree.h>

#include "../portal.h"

#define PRE_COOKIE "pre"
#define LANG_COOKIE "lang"

/* Where a request's bytes come from and go to: FastCGI or plain CGI. */
struct io {
	void *ctx;
	const char *(*param)(void *ctx, const char *name);
	/* Read up to n bytes; returns bytes read, 0 at end, -1 on error. */
	long (*read)(void *ctx, char *buf, size_t n);
	int (*write)(void *ctx, const char *buf, size_t n);
};

/* Serve one request end to end; the arena is reset by the caller. */
void request_serve(const struct section *, struct arena *, const struct io *);

/* Transform a page document to HTML.  *out is freed by the caller with xmlFree. */
int render_html(xmlDocPtr, xmlChar **out, int *len);

/* Look up the session cookie; fills r->sess or leaves it NULL. */
enum perr session_load(struct req *);

/* Make a cookie set during this request visible to later code in it. */
int cookie_remember(struct req *, const char *name, const char *value);

/* End of a request: roll back a transaction a handler left open. */
void db_request_end(void);

/* Navigation entries of the sections this site has. */
void nav_add(struct req *);

#endif
