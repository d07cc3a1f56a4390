/* db/inbox_write.h: the delivery program writes the inbox's messages. */
#ifndef DB_INBOX_WRITE_H
#define DB_INBOX_WRITE_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/lang.h"
#include "core/perr.h"

/* A message queued for the inbox, not yet written. */
struct inbox_raw {
	uint64_t id, subscriber_id;
	const char *kind, *params;
	enum lang lang; /* the subscriber's, now */
};

/* Up to max of those not yet written after id after, oldest first, by id; *n of them. */
enum perr db_inbox_unwritten(struct arena *, uint64_t after, uint64_t *ids, size_t max,
			     size_t *n) PORTAL_WUR;
enum perr db_inbox_raw(struct arena *, uint64_t id, struct inbox_raw *) PORTAL_WUR;
/* Its subject and text; a second run's write of the same message changes nothing. */
enum perr db_inbox_write(uint64_t id, const char *subject, const char *body) PORTAL_WUR;
/* One that can never be written (what it told of is gone): dropped. */
enum perr db_inbox_drop(uint64_t id) PORTAL_WUR;

#endif
