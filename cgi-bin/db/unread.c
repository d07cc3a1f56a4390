/*
 * db/unread.c: the counts behind the menu's marks, read on every signed-in
 * page, each from its own index.  A module of its own so that every program
 * may read them without linking (and so being granted) the rest of the
 * appeals', news' and inbox's statements.
 *
 * The news count is kept for each subscriber (sql/059): counting it is
 * five tables and a DISTINCT, which cost MariaDB more than any other
 * statement of a dashboard but the page's own (issue 22).  The kept count
 * is taken while nothing it depends on has changed; else it is counted
 * afresh and kept again.
 */
#include <stdint.h>

#include "core/log.h"
#include "db/db.h"
#include "db/unread.h"

/* The kept news count is NULL when no longer good: see sql/059 for what each check stands for. */
static struct db_stmt unread = {
        "unread.counts",
        "SELECT (SELECT COUNT(*) FROM appeals WHERE subscriber_id = ? "
        "AND updated_at > COALESCE(subscriber_seen_at, '1970-01-01')), "
        "(SELECT COUNT(*) FROM inbox WHERE subscriber_id = ? AND read_at IS NULL AND written = 1), "
        "IF(u.counted_gen = u.gen AND u.version = v.n AND u.until > UTC_TIMESTAMP(6), u.n, NULL), "
        "u.gen, v.n FROM news_version v LEFT JOIN news_unread u ON u.subscriber_id = ? "
        "WHERE v.id = 1",
        NULL, 0, NULL};

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

enum perr db_unread(struct arena *ar, uint64_t subscriber, struct unread *u)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_U64(subscriber), DBA_U64(subscriber)};
	uint64_t gen = 0, version = 0;
	const char *until = NULL;
	struct db_col c[] = {DBC_INT(&u->appeals), DBC_INT(&u->inbox), DBC_INT(&u->news),
	                     DBC_U64(&gen), DBC_U64(&version)};
	struct db_col n[] = {DBC_INT(&u->news), DBC_STR(&until)};
	enum perr e = db_row(ar, &unread, a, 3, c, 5);

	if (e != PERR_OK || !c[2].is_null)
		return e;
	e = db_row(ar, &news, a, 1, n, 2);
	if (e != PERR_OK)
		return e;
	/*
	 * The count is the page's either way: not keeping it (a change in
	 * between, or a node of a cluster that lost the row to another's
	 * write) only has the next page count again.
	 */
	if (db_exec(&keep,
	            (struct db_arg[]){DBA_INT(u->news), DBA_U64(version),
	                              DBA_STR(until ? until : NO_TIME_LIMIT), DBA_U64(subscriber),
	                              DBA_U64(gen)},
	            5, NULL, NULL) != PERR_OK)
		log_msg(LOG_WARN, "the news count was not kept; the next page counts again");
	return PERR_OK;
}
