/* web/upload.h: reading a form with a file. */
#ifndef WEB_UPLOAD_H
#define WEB_UPLOAD_H

#include "web/req.h"

struct io;

/*
 * The section's upload hook: read the fields before the file part into
 * r->form and stop at the file.  0, or the status that refuses the body
 * (411 without a length, 413 over [limits] upload_bytes, 400 malformed).
 */
int upload_open(struct req *, const struct io *, const char *content_type);

#endif
