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

/*
 * The counts as every signed-in page reads them, with its session
 * (db/session.c): the news count is the one kept for the subscriber
 * (sql/059), news_kept 0 when it no longer holds; gen and version are what
 * it is kept against.
 */
struct unread_read {
	struct unread n;
	int news_kept;
	uint64_t gen, version;
};

/* The news count of a read whose kept count no longer holds: counted, and kept again. */
enum perr db_unread_news(struct arena *, uint64_t subscriber, struct unread_read *) PORTAL_WUR;

#endif
