/* db/unread.h: the counts on the menu: what a subscriber has not yet read. */
#ifndef DB_UNREAD_H
#define DB_UNREAD_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

struct unread {
	long long appeals; /* appeals with something new */
	long long news;	   /* announcements of the last NEWS_FRESH_DAYS not opened */
	long long inbox;   /* messages in the inbox not opened */
};

/* Announcements older than this are not counted, nor marked, as unread. */
#define NEWS_FRESH_DAYS 90

enum perr db_unread(struct arena *, uint64_t subscriber, struct unread *) PORTAL_WUR;

#endif
