/* db/news.c: announcements, whom they are for, and sending them once. */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/news.h"
#include "db/unread.h"

static struct db_stmt insert = {
	"news.insert",
	"INSERT INTO news (organization_id, title_ru, body_ru, title_en, body_en, audience, "
	"publish_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

static struct db_stmt add_account = {
	"news.add_account",
	"INSERT IGNORE INTO news_accounts (news_id, account_id) SELECT ?, id FROM accounts "
	"WHERE organization_id = ? AND number = ?",
	NULL, 0, NULL};

static struct db_stmt add_address = {
	"news.add_address",
	"INSERT IGNORE INTO news_accounts (news_id, account_id) SELECT ?, id FROM accounts "
	"WHERE organization_id = ? AND address LIKE CONCAT(?, '%')",
	NULL, 0, NULL};

/* unread: an expression of the subscriber's (the one parameter before the rest). */
#define NEWS_COLS_UNREAD(unread)                                                            \
	"SELECT nw.id, nw.organization_id, nw.title_ru, nw.body_ru, nw.title_en, nw.body_en, "       \
	"nw.audience, DATE_FORMAT(nw.publish_at, '%Y-%m-%dT%H:%i:%sZ'), "                         \
	"DATE_FORMAT(nw.sent_at, '%Y-%m-%dT%H:%i:%sZ'), st.login, "                              \
	"(SELECT COUNT(*) FROM news_accounts x WHERE x.news_id = nw.id), " unread " FROM news nw " \
	"JOIN staff st ON st.id = nw.created_by "
#define NEWS_COLS NEWS_COLS_UNREAD("0")
/* Unread as the menu counts it (db/unread.c): recent, and not opened. */
#define NEWS_UNREAD                                                                          \
	"(nw.publish_at > UTC_TIMESTAMP(6) - INTERVAL " SQL_NUM(NEWS_FRESH_DAYS) " DAY "     \
	"AND NOT EXISTS (SELECT 1 FROM news_reads r WHERE r.subscriber_id = ? "              \
	"AND r.news_id = nw.id))"
/* Published, for an account of the subscriber's (the parameter after the unread one). */
#define NEWS_OF_SUBSCRIBER                                                                   \
	"nw.publish_at <= UTC_TIMESTAMP(6) AND EXISTS (SELECT 1 FROM "                            \
	"subscriber_accounts sa JOIN accounts a ON a.id = sa.account_id "                         \
	"WHERE sa.subscriber_id = ? AND a.organization_id = nw.organization_id "                 \
	"AND (nw.audience = 'all' OR EXISTS (SELECT 1 FROM news_accounts na "                     \
	"WHERE na.news_id = nw.id AND na.account_id = a.id))) "

static struct db_stmt of_staff = {
	"news.of_staff",
	NEWS_COLS "WHERE nw.organization_id IN (SELECT so.organization_id FROM staff_organizations "
		  "so WHERE so.staff_id = ?) ORDER BY nw.publish_at DESC, nw.id DESC LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt get = {
	"news.get",
	NEWS_COLS "WHERE nw.id = ?",
	NULL, 0, NULL};

/* For the organization's every subscriber, or for those of the accounts listed. */
static struct db_stmt of_subscriber = {
	"news.of_subscriber",
	NEWS_COLS_UNREAD(NEWS_UNREAD) "WHERE " NEWS_OF_SUBSCRIBER
				      "ORDER BY nw.publish_at DESC, nw.id DESC LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt one_of_subscriber = {
	"news.one_of_subscriber",
	NEWS_COLS_UNREAD(NEWS_UNREAD) "WHERE " NEWS_OF_SUBSCRIBER "AND nw.id = ?",
	NULL, 0, NULL};

static struct db_stmt mark = {
	"news.mark",
	"INSERT IGNORE INTO news_reads (subscriber_id, news_id, read_at) "
	"VALUES (?, ?, UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

/* Those the menu counts: opening the list's newest does not reach older ones. */
static struct db_stmt mark_all = {
	"news.mark_all",
	"INSERT IGNORE INTO news_reads (subscriber_id, news_id, read_at) "
	"SELECT ?, nw.id, UTC_TIMESTAMP(6) FROM news nw WHERE nw.publish_at > UTC_TIMESTAMP(6) - "
	"INTERVAL " SQL_NUM(NEWS_FRESH_DAYS) " DAY AND " NEWS_OF_SUBSCRIBER,
	NULL, 0, NULL};

static struct db_stmt due = {
	"news.due",
	"SELECT id FROM news WHERE sent_at IS NULL AND publish_at <= UTC_TIMESTAMP(6) "
	"ORDER BY publish_at, id LIMIT ?",
	NULL, 0, NULL};

/* The claim that makes an announcement go out once, however many runs race. */
static struct db_stmt claim = {
	"news.claim",
	"UPDATE news SET sent_at = UTC_TIMESTAMP(6) WHERE id = ? AND sent_at IS NULL "
	"AND publish_at <= UTC_TIMESTAMP(6)",
	NULL, 0, NULL};

static struct db_stmt queue = {
	"news.queue",
	"INSERT INTO outbox (subscriber_id, channel, address, lang, kind, params, next_attempt_at, "
	"created_at) SELECT s.id, c.channel, IF(c.channel = 'email', s.email, s.phone), s.lang, "
	"'news', ?, NOW(6), NOW(6) FROM subscribers s "
	"JOIN (SELECT 1 AS n, 'email' AS channel UNION ALL SELECT 2, 'sms') c "
	"WHERE s.active = 1 AND IF(c.channel = 'email', s.email, s.phone) <> '' "
	"AND FIND_IN_SET('news', IF(c.channel = 'email', s.notify_email, s.notify_sms)) "
	"AND s.id IN (SELECT sa.subscriber_id FROM subscriber_accounts sa "
	"JOIN accounts a ON a.id = sa.account_id JOIN news n ON n.id = ? "
	"WHERE a.organization_id = n.organization_id AND (n.audience = 'all' OR EXISTS "
	"(SELECT 1 FROM news_accounts na WHERE na.news_id = n.id AND na.account_id = a.id))) "
	"ORDER BY s.id, c.n",
	NULL, 0, NULL};

enum perr db_news_insert(unsigned org, const char *title_ru, const char *body_ru,
			 const char *title_en, const char *body_en, const char *audience,
			 const char *publish_at, uint64_t staff, uint64_t *id)
{
	struct db_arg a[] = {DBA_INT(org),	 DBA_STR(title_ru), DBA_STR(body_ru),
			     DBA_STR(title_en),	 DBA_STR(body_en),  DBA_STR(audience),
			     DBA_STR(publish_at), DBA_U64(staff)};
	unsigned long long newid = 0;
	enum perr e = db_exec(&insert, a, 8, NULL, &newid);

	*id = newid;
	return e;
}

enum perr db_news_add_account(uint64_t news, unsigned org, const char *number)
{
	struct db_arg a[] = {DBA_U64(news), DBA_INT(org), DBA_STR(number)};
	unsigned long long n = 0;
	enum perr e = db_exec(&add_account, a, 3, &n, NULL);

	return e != PERR_OK ? e : n == 0 ? PERR_NOT_FOUND : PERR_OK;
}

enum perr db_news_add_address(uint64_t news, unsigned org, const char *prefix,
			      unsigned long long *n)
{
	struct db_arg a[] = {DBA_U64(news), DBA_INT(org), DBA_STR(prefix)};

	return db_exec(&add_address, a, 3, n, NULL);
}

struct news_ctx {
	struct news_item row;
	enum perr (*each)(void *, const struct news_item *);
	void *ctx;
};

static enum perr news_each(void *p)
{
	struct news_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

#define NEWS_OUT(r)                                                                         \
	{DBC_U64(&(r).id),	   DBC_UINT(&(r).org),	    DBC_STR(&(r).title_ru),               \
	 DBC_STR(&(r).body_ru),	   DBC_STR(&(r).title_en),  DBC_STR(&(r).body_en),                \
	 DBC_STR(&(r).audience),   DBC_STR(&(r).publish_at), DBC_STR(&(r).sent_at),               \
	 DBC_STR(&(r).author),	   DBC_UINT(&(r).targets),  DBC_INT(&(r).unread)}

static enum perr news_rows(struct arena *ar, struct db_stmt *st, uint64_t who, unsigned limit,
			   enum perr (*each)(void *, const struct news_item *), void *ctx)
{
	struct news_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(who), DBA_INT(limit)};
	struct db_col c[] = NEWS_OUT(x.row);

	return db_rows(ar, st, a, 2, c, 12, news_each, &x);
}

enum perr db_news_of_staff(struct arena *ar, uint64_t staff, unsigned limit,
			   enum perr (*each)(void *, const struct news_item *), void *ctx)
{
	return news_rows(ar, &of_staff, staff, limit, each, ctx);
}

enum perr db_news_of_subscriber(struct arena *ar, uint64_t sub, unsigned limit,
				enum perr (*each)(void *, const struct news_item *), void *ctx)
{
	struct news_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(sub), DBA_U64(sub), DBA_INT(limit)};
	struct db_col c[] = NEWS_OUT(x.row);

	return db_rows(ar, &of_subscriber, a, 3, c, 12, news_each, &x);
}

enum perr db_news_open(struct arena *ar, uint64_t sub, uint64_t id, struct news_item *out)
{
	struct db_arg a[] = {DBA_U64(sub), DBA_U64(sub), DBA_U64(id)};
	struct db_col c[] = NEWS_OUT(*out);
	enum perr e = db_row(ar, &one_of_subscriber, a, 3, c, 12);

	if (e != PERR_OK || !out->unread)
		return e;
	return db_exec(&mark, (struct db_arg[]){DBA_U64(sub), DBA_U64(id)}, 2, NULL, NULL);
}

enum perr db_news_read_all(uint64_t sub)
{
	return db_exec(&mark_all, (struct db_arg[]){DBA_U64(sub), DBA_U64(sub)}, 2, NULL, NULL);
}

enum perr db_news_get(struct arena *ar, uint64_t id, struct news_item *out)
{
	struct db_arg a[] = {DBA_U64(id)};
	struct db_col c[] = NEWS_OUT(*out);

	return db_row(ar, &get, a, 1, c, 12);
}

struct due_ctx {
	uint64_t id, *ids;
	size_t max, n;
};

static enum perr due_each(void *p)
{
	struct due_ctx *x = p;

	if (x->n < x->max)
		x->ids[x->n++] = x->id;
	return PERR_OK;
}

enum perr db_news_due(struct arena *ar, uint64_t *ids, size_t max, size_t *n)
{
	struct due_ctx x = {.ids = ids, .max = max};
	struct db_arg a[] = {DBA_INT(max)};
	struct db_col c[] = {DBC_U64(&x.id)};
	enum perr e = db_rows(ar, &due, a, 1, c, 1, due_each, &x);

	*n = x.n;
	return e;
}

enum perr db_news_send(uint64_t id, const char *params, unsigned long long *queued)
{
	struct db_arg a[] = {DBA_STR(params), DBA_U64(id)};
	unsigned long long n = 0;
	enum perr e = db_exec(&claim, a + 1, 1, &n, NULL);

	if (e != PERR_OK)
		return e;
	if (n != 1)
		return PERR_CONFLICT;
	return db_exec(&queue, a, 2, queued, NULL);
}
