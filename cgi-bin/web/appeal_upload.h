/* web/appeal_upload.h: the files sent with an appeal's message. */
#ifndef WEB_APPEAL_UPLOAD_H
#define WEB_APPEAL_UPLOAD_H

#include <stdint.h>

#include "web/req.h"

#define FILES_MAX 5		    /* files with one message */
#define FILE_BYTES_MAX (10u << 20) /* each */

/*
 * Every file the form sent, checked and stored with message (inside the
 * caller's transaction).  0, or the status of a refusal (the page made):
 * the caller rolls back.
 */
int appeal_files_store(struct req *, uint64_t appeal, uint64_t message);
/* The files stored, then the caller's transaction committed: 0, or the
 * status of the page made (a refused file, a failed commit), rolled back. */
int appeal_files_commit(struct req *, uint64_t appeal, uint64_t message);

#endif
