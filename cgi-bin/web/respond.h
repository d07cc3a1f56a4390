/* web/respond.h: a request's answer, built and written (web/respond.c). */
#ifndef WEB_RESPOND_H
#define WEB_RESPOND_H

#include "web/io.h"
#include "web/req.h"

/* A new <page section= name=> document in r->doc, freed with the request's arena. */
int page_doc(struct req *, const char *section, const char *name);

/*
 * Write the answer: a redirect, a download or stream, or the page (the error
 * page in its place when the handler failed).  nginx_renders: the page as
 * XML for nginx's XSLT filter, not HTML.  Exactly one response is written;
 * -1 when the client could not be written to.
 */
int respond(struct req *, const struct io *, int nginx_renders);

#endif
