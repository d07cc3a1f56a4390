/*
 * db/unread.c: the counts behind the menu's marks, read on every signed-in
 * page: one statement, each count from its own index.  The news addressed
 * to an account and the news read are outer joins on their primary keys,
 * not EXISTS and NOT EXISTS: MariaDB turned those into semi-joins with
 * materialised tables and took 296 us for the statement, 211 us this way
 * (mariadb-slap, the bench's database).  A module of its own
 * so that every program may read them without linking (and so being
 * granted) the rest of the appeals', news' and inbox's statements.
 */
#include <stdint.h>

#include "db/db.h"
#include "db/unread.h"

static struct db_stmt unread = {
	"unread.counts",
	"SELECT (SELECT COUNT(*) FROM appeals WHERE subscriber_id = ? "
	"AND updated_at > COALESCE(subscriber_seen_at, '1970-01-01')), "
	"(SELECT COUNT(*) FROM inbox WHERE subscriber_id = ? AND read_at IS NULL AND written = 1), "
	"(SELECT COUNT(DISTINCT nw.id) FROM subscriber_accounts sa "
	"JOIN accounts a ON a.id = sa.account_id "
	"JOIN news nw ON nw.organization_id = a.organization_id "
	"AND nw.publish_at <= UTC_TIMESTAMP(6) "
	"AND nw.publish_at > UTC_TIMESTAMP(6) - INTERVAL " SQL_NUM(NEWS_FRESH_DAYS) " DAY "
	"LEFT JOIN news_accounts na ON na.news_id = nw.id AND na.account_id = a.id "
	"LEFT JOIN news_reads r ON r.subscriber_id = sa.subscriber_id AND r.news_id = nw.id "
	"WHERE sa.subscriber_id = ? AND (nw.audience = 'all' OR na.news_id IS NOT NULL) "
	"AND r.news_id IS NULL)",
	NULL, 0, NULL};

enum perr db_unread(struct arena *ar, uint64_t subscriber, struct unread *u)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_U64(subscriber), DBA_U64(subscriber)};
	struct db_col c[] = {DBC_INT(&u->appeals), DBC_INT(&u->inbox), DBC_INT(&u->news)};

	return db_row(ar, &unread, a, 3, c, 3);
}
