/*
 * db/unread.c: the menu's news count, when the one kept for the subscriber
 * no longer holds.  A module of its own so that every program may count it
 * without linking (and so being granted) the rest of the news' statements.
 *
 * The counts are read with the session (session.lookup, db/session.c), a
 * statement fewer on every signed-in page (issue 22).  The news count is
 * kept for each subscriber (sql/059): counting it is five tables and a
 * DISTINCT, which cost MariaDB more than any other statement of a
 * dashboard but the page's own.  The kept count is taken while nothing it
 * depends on has changed; else it is counted here and kept again.
 */
#include <stdint.h>

#include "core/log.h"
#include "db/db.h"
#include "db/unread.h"

/*
 * The news addressed to the subscriber's accounts in the last NEWS_FRESH_DAYS
 * and not opened, outer joins on primary keys rather than EXISTS and NOT
 * EXISTS (MariaDB made those semi-joins with materialised tables: 296 us
 * against 211).  With it, when the count next changes by time alone: the
 * next publication, or the next item to go stale, over every organization's
 * news (an early moment only counts again sooner).
 */
#define FRESH          "INTERVAL " SQL_NUM(NEWS_FRESH_DAYS) " DAY"
#define NEXT_PUBLISHED "(SELECT MIN(publish_at) FROM news WHERE publish_at > UTC_TIMESTAMP(6))"
#define NEXT_STALE                                                                                 \
	"(SELECT MIN(publish_at) + " FRESH " FROM news "                                           \
	"WHERE publish_at > UTC_TIMESTAMP(6) - " FRESH ")"
/* No news to be published or to go stale: the count holds until something changes. */
#define NO_TIME_LIMIT "9999-12-31 00:00:00"

static struct db_stmt news = {
        "unread.news",
        "SELECT (SELECT COUNT(DISTINCT nw.id) FROM subscriber_accounts sa "
        "JOIN accounts a ON a.id = sa.account_id "
        "JOIN news nw ON nw.organization_id = a.organization_id "
        "AND nw.publish_at <= UTC_TIMESTAMP(6) AND nw.publish_at > UTC_TIMESTAMP(6) - " FRESH " "
        "LEFT JOIN news_accounts na ON na.news_id = nw.id AND na.account_id = a.id "
        "LEFT JOIN news_reads r ON r.subscriber_id = sa.subscriber_id AND r.news_id = nw.id "
        "WHERE sa.subscriber_id = ? AND (nw.audience = 'all' OR na.news_id IS NOT NULL) "
        "AND r.news_id IS NULL), "
        "LEAST(IFNULL(" NEXT_PUBLISHED ", " NEXT_STALE "), "
        "IFNULL(" NEXT_STALE ", " NEXT_PUBLISHED "))",
        NULL, 0, NULL};

/* Kept only if no news was read and no account linked or unlinked since gen was read. */
static struct db_stmt keep = {
        "unread.keep",
        "UPDATE news_unread SET n = ?, counted_gen = gen, version = ?, until = ? "
        "WHERE subscriber_id = ? AND gen = ?",
        NULL, 0, NULL};

enum perr db_unread_news(struct arena *ar, uint64_t subscriber, struct unread_read *u)
{
	struct db_arg a[] = {DBA_U64(subscriber)};
	const char *until = NULL;
	struct db_col n[] = {DBC_INT(&u->n.news), DBC_STR(&until)};
	enum perr e = db_row(ar, &news, a, 1, n, 2);

	if (e != PERR_OK)
		return e;
	/*
	 * The count is the page's either way: not keeping it (a change in
	 * between, or a node of a cluster that lost the row to another's
	 * write) only has the next page count again.
	 */
	if (db_exec(&keep,
	            (struct db_arg[]){DBA_INT(u->n.news), DBA_U64(u->version),
	                              DBA_STR(until ? until : NO_TIME_LIMIT), DBA_U64(subscriber),
	                              DBA_U64(u->gen)},
	            5, NULL, NULL) != PERR_OK)
		log_msg(LOG_WARN, "the news count was not kept; the next page counts again");
	u->news_kept = 1;
	return PERR_OK;
}
