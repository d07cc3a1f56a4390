/* db/inbox.h: a subscriber's inbox, the cabinet's copy of what they were sent. */
#ifndef DB_INBOX_H
#define DB_INBOX_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

struct inbox_item {
	uint64_t id;
	const char *kind;
	const char *subject;
	const char *body;	/* NULL in a list */
	const char *at;		/* ISO 8601 UTC */
	const char *read_at;	/* NULL: unread */
};

/* Written messages of subscriber older than before (0: the newest), newest first. */
enum perr db_inbox_list(struct arena *, uint64_t subscriber, uint64_t before, unsigned limit,
			enum perr (*each)(void *, const struct inbox_item *), void *) PORTAL_WUR;
/* One of the subscriber's messages, marked read: PERR_NOT_FOUND if not theirs. */
enum perr db_inbox_open(struct arena *, uint64_t subscriber, uint64_t id,
			struct inbox_item *) PORTAL_WUR;
/* Every message of the subscriber marked read. */
enum perr db_inbox_read_all(uint64_t subscriber) PORTAL_WUR;

#endif
