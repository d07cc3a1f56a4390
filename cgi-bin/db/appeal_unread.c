/*
 * db/appeal_unread.c: the count behind the menu's mark on "Appeals".  A
 * module of its own so that every program may read this count without
 * linking (and so being granted) the rest of the appeals' statements.
 */
#include <stdint.h>

#include "db/appeal_unread.h"
#include "db/db.h"

static struct db_stmt unread = {
	"appeal.unread",
	"SELECT COUNT(*) FROM appeals WHERE subscriber_id = ? "
	"AND updated_at > COALESCE(subscriber_seen_at, '1970-01-01')",
	NULL, 0, NULL};

enum perr db_appeals_unread(struct arena *ar, uint64_t subscriber, long long *n)
{
	struct db_arg a[] = {DBA_U64(subscriber)};
	struct db_col c[] = {DBC_INT(n)};

	return db_row(ar, &unread, a, 1, c, 1);
}

