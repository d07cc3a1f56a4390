/* db/appeal.c: subscribers' appeals, their messages and files (sql/033). */
#include <stdint.h>
#include <string.h>

#include "billing/access.h"
#include "core/arena.h"
#include "core/perr.h"
#include "db/appeal.h"
#include "db/chunks.h"
#include "db/db.h"

#define ISO(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

static struct db_stmt topics = {
        "appeal.topics",
        "SELECT tp.id, tp.organization_id, tp.code, tp.name_ru, tp.name_en, tp.form "
        "FROM appeal_topics tp "
        "WHERE tp.active = 1 AND tp.organization_id IN (SELECT a.organization_id FROM "
        "account_access sa JOIN accounts a ON a.id = sa.account_id "
        "WHERE sa.subscriber_id = ? AND (sa.rights & ?) = ?) "
        "ORDER BY tp.organization_id, tp.sort, tp.id",
        NULL, 0, NULL};

static struct db_stmt target = {
        "appeal.target",
        "SELECT a.organization_id, tp.form FROM account_access sa "
        "JOIN accounts a ON a.id = sa.account_id "
        "JOIN appeal_topics tp ON tp.organization_id = a.organization_id AND tp.active = 1 "
        "WHERE sa.subscriber_id = ? AND sa.account_id = ? AND (sa.rights & ?) = ? AND tp.id = ?",
        NULL, 0, NULL};

static struct db_stmt today = {
	"appeal.today",
	"SELECT COUNT(*) FROM appeals WHERE subscriber_id = ? "
	"AND created_at > UTC_TIMESTAMP(6) - INTERVAL 1 DAY",
	NULL, 0, NULL};

static struct db_stmt insert = {
	"appeal.insert",
	"INSERT INTO appeals (organization_id, subscriber_id, account_id, topic_id, status, "
	"created_at, updated_at, subscriber_seen_at) "
	"VALUES (?, ?, ?, ?, 'new', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

static struct db_stmt message_add = {
	"appeal.message_add",
	"INSERT INTO appeal_messages (appeal_id, author, staff_id, body, created_at) "
	"VALUES (?, ?, NULLIF(?, 0), ?, UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

static struct db_stmt file_add = {
	"appeal.file_add",
	"INSERT INTO appeal_files (appeal_id, message_id, name, type, size, sha256, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

static struct db_stmt chunk_add = {
	"appeal.chunk_add", "INSERT INTO appeal_file_chunks (file_id, seq, bytes) VALUES (?, ?, ?)",
	NULL, 0, NULL};

/* What a list or a page shows of an appeal; the WHERE is each statement's own. */
#define APPEAL_COLS                                                                           \
	"SELECT ap.id, ap.subscriber_id, ap.organization_id, ac.number, tp.name_ru, tp.name_en, "  \
	"ap.status, " ISO("ap.created_at") ", " ISO("ap.updated_at") ", "                        \
	"ap.updated_at > COALESCE(ap.subscriber_seen_at, '1970-01-01'), "                        \
	"ap.status = 'closed' AND ap.closed_at > UTC_TIMESTAMP(6) - INTERVAL 14 DAY, "           \
	"st.login, s.login, s.full_name FROM appeals ap "                                        \
	"JOIN accounts ac ON ac.id = ap.account_id JOIN appeal_topics tp ON tp.id = ap.topic_id "  \
	"JOIN subscribers s ON s.id = ap.subscriber_id LEFT JOIN staff st ON st.id = ap.assigned_to "

static struct db_stmt of_subscriber = {
	"appeal.of_subscriber",
	APPEAL_COLS "WHERE ap.subscriber_id = ? ORDER BY ap.updated_at DESC, ap.id DESC LIMIT 100",
	NULL, 0, NULL};

static struct db_stmt one_of_subscriber = {
	"appeal.one_of_subscriber", APPEAL_COLS "WHERE ap.id = ? AND ap.subscriber_id = ?", NULL, 0,
	NULL};

static struct db_stmt one_of_staff = {
	"appeal.one_of_staff",
	APPEAL_COLS "WHERE ap.id = ? AND ap.organization_id IN "
		    "(SELECT so.organization_id FROM staff_organizations so WHERE so.staff_id = ?)",
	NULL, 0, NULL};

static struct db_stmt of_staff = {
	"appeal.of_staff",
	APPEAL_COLS "WHERE ap.organization_id IN "
		    "(SELECT so.organization_id FROM staff_organizations so WHERE so.staff_id = ?) "
		    "AND (? = '' OR ap.status = ?) ORDER BY ap.updated_at DESC, ap.id DESC LIMIT 100",
	NULL, 0, NULL};

static struct db_stmt messages = {
	"appeal.messages",
	"SELECT m.id, m.author, st.full_name, m.body, " ISO("m.created_at") " FROM appeal_messages m "
	"LEFT JOIN staff st ON st.id = m.staff_id WHERE m.appeal_id = ? "
	"AND (? OR m.author <> 'note') ORDER BY m.id",
	NULL, 0, NULL};

static struct db_stmt files = {
	"appeal.files",
	"SELECT f.id, f.message_id, f.appeal_id, f.name, f.type, f.size FROM appeal_files f "
	"WHERE f.appeal_id = ? ORDER BY f.id",
	NULL, 0, NULL};

/* A subscriber's own, or one of the staff member's organizations' (subscriber 0). */
static struct db_stmt file_of = {
	"appeal.file_of",
	"SELECT f.id, f.message_id, f.appeal_id, f.name, f.type, f.size FROM appeal_files f "
	"JOIN appeals ap ON ap.id = f.appeal_id JOIN appeal_messages m ON m.id = f.message_id "
	"WHERE f.id = ? AND ((? <> 0 AND ap.subscriber_id = ? AND m.author <> 'note') OR "
	"(? <> 0 AND ap.organization_id IN "
	"(SELECT so.organization_id FROM staff_organizations so WHERE so.staff_id = ?)))",
	NULL, 0, NULL};

static struct db_stmt chunks = {
	"appeal.chunks", "SELECT bytes FROM appeal_file_chunks WHERE file_id = ? ORDER BY seq", NULL,
	0, NULL};

static struct db_stmt seen = {
	"appeal.seen", "UPDATE appeals SET subscriber_seen_at = UTC_TIMESTAMP(6) WHERE id = ?", NULL,
	0, NULL};

static struct db_stmt subscriber_wrote = {
	"appeal.subscriber_wrote",
	"UPDATE appeals SET updated_at = UTC_TIMESTAMP(6), subscriber_seen_at = UTC_TIMESTAMP(6), "
	"status = IF(status IN ('waiting', 'resolved'), 'new', status) WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt close_ = {
	"appeal.close",
	"UPDATE appeals SET status = 'closed', closed_at = UTC_TIMESTAMP(6), "
	"updated_at = UTC_TIMESTAMP(6), subscriber_seen_at = UTC_TIMESTAMP(6) "
	"WHERE id = ? AND status <> 'closed'",
	NULL, 0, NULL};

static struct db_stmt reopen = {
	"appeal.reopen",
	"UPDATE appeals SET status = 'new', closed_at = NULL, updated_at = UTC_TIMESTAMP(6), "
	"subscriber_seen_at = UTC_TIMESTAMP(6) WHERE id = ? AND status = 'closed' "
	"AND closed_at > UTC_TIMESTAMP(6) - INTERVAL 14 DAY",
	NULL, 0, NULL};

static struct db_stmt answered = {
	"appeal.answered",
	"UPDATE appeals SET status = ?, updated_at = UTC_TIMESTAMP(6), "
	"closed_at = IF(? = 'closed', UTC_TIMESTAMP(6), NULL), "
	"assigned_to = COALESCE(assigned_to, ?) WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt assign = {
	"appeal.assign", "UPDATE appeals SET assigned_to = NULLIF(?, 0) WHERE id = ?", NULL, 0, NULL};

struct topic_it {
	struct appeal_topic t;
	enum perr (*each)(void *, const struct appeal_topic *);
	void *ctx;
};

static enum perr topic_each(void *p)
{
	struct topic_it *it = p;

	return it->each(it->ctx, &it->t);
}

enum perr db_appeal_topics(struct arena *ar, uint64_t subscriber,
			   enum perr (*each)(void *, const struct appeal_topic *), void *ctx)
{
	struct topic_it it = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(subscriber), DBA_INT(RIGHTS_FULL), DBA_INT(RIGHTS_FULL)};
	struct db_col c[] = {DBC_U64(&it.t.id), DBC_UINT(&it.t.org), DBC_STR(&it.t.code),
			     DBC_STR(&it.t.name_ru), DBC_STR(&it.t.name_en), DBC_STR(&it.t.form)};

	return db_rows(ar, &topics, a, 3, c, 6, topic_each, &it);
}

enum perr db_appeal_target(struct arena *ar, uint64_t subscriber, uint64_t account,
			   uint64_t topic, unsigned *org, const char **form)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_U64(account), DBA_INT(RIGHTS_FULL),
	                     DBA_INT(RIGHTS_FULL), DBA_U64(topic)};
	struct db_col c[] = {DBC_UINT(org), DBC_STR(form)};

	return db_row(ar, &target, a, 5, c, 2);
}

enum perr db_appeals_today(struct arena *ar, uint64_t subscriber, long long *n)
{
	struct db_arg a[] = {DBA_U64(subscriber)};
	struct db_col c[] = {DBC_INT(n)};

	return db_row(ar, &today, a, 1, c, 1);
}

enum perr db_appeal_new(unsigned org, uint64_t subscriber, uint64_t account, uint64_t topic,
			uint64_t *id)
{
	struct db_arg a[] = {DBA_U64(org), DBA_U64(subscriber), DBA_U64(account), DBA_U64(topic)};
	unsigned long long n = 0;
	enum perr e = db_exec(&insert, a, 4, NULL, &n);

	*id = n;
	return e;
}

enum perr db_appeal_message_add(uint64_t appeal, const char *author, uint64_t staff,
				const char *body, uint64_t *id)
{
	struct db_arg a[] = {DBA_U64(appeal), DBA_STR(author), DBA_U64(staff), DBA_STR(body)};
	unsigned long long n = 0;
	enum perr e = db_exec(&message_add, a, 4, NULL, &n);

	*id = n;
	return e;
}

enum perr db_appeal_file_add(uint64_t appeal, uint64_t message, const char *name,
			     const char *type, size_t size, const unsigned char sha256[32],
			     uint64_t *id)
{
	struct db_arg a[] = {DBA_U64(appeal), DBA_U64(message), DBA_STR(name), DBA_STR(type),
			     DBA_U64(size), DBA_BLOB(sha256, 32)};
	unsigned long long n = 0;
	enum perr e = db_exec(&file_add, a, 6, NULL, &n);

	*id = n;
	return e;
}

enum perr db_appeal_chunk_add(uint64_t file, unsigned seq, const void *bytes, size_t n)
{
	struct db_arg a[] = {DBA_U64(file), DBA_U64(seq), DBA_BLOB(bytes, n)};

	return db_exec(&chunk_add, a, 3, NULL, NULL);
}

struct appeal_it {
	struct appeal ap;
	enum perr (*each)(void *, const struct appeal *);
	void *ctx;
};

static enum perr appeal_each(void *p)
{
	struct appeal_it *it = p;

	return it->each(it->ctx, &it->ap);
}

/* The columns of APPEAL_COLS into ap. */
#define APPEAL_COLUMNS(ap)                                                                     \
	{DBC_U64(&(ap)->id),         DBC_U64(&(ap)->subscriber_id), DBC_UINT(&(ap)->org),       \
	 DBC_STR(&(ap)->number),     DBC_STR(&(ap)->topic_ru),      DBC_STR(&(ap)->topic_en),   \
	 DBC_STR(&(ap)->status),     DBC_STR(&(ap)->created_at),    DBC_STR(&(ap)->updated_at), \
	 DBC_INT(&(ap)->unread),     DBC_INT(&(ap)->reopenable),    DBC_STR(&(ap)->assigned),   \
	 DBC_STR(&(ap)->login),      DBC_STR(&(ap)->full_name)}
#define NCOLUMNS 14

enum perr db_appeals_of(struct arena *ar, uint64_t subscriber,
			enum perr (*each)(void *, const struct appeal *), void *ctx)
{
	struct appeal_it it = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(subscriber)};
	struct db_col c[] = APPEAL_COLUMNS(&it.ap);

	return db_rows(ar, &of_subscriber, a, 1, c, NCOLUMNS, appeal_each, &it);
}

enum perr db_appeal_of_subscriber(struct arena *ar, uint64_t subscriber, uint64_t id,
				  struct appeal *ap)
{
	struct db_arg a[] = {DBA_U64(id), DBA_U64(subscriber)};
	struct db_col c[] = APPEAL_COLUMNS(ap);

	return db_row(ar, &one_of_subscriber, a, 2, c, NCOLUMNS);
}

enum perr db_appeal_of_staff(struct arena *ar, uint64_t staff, uint64_t id, struct appeal *ap)
{
	struct db_arg a[] = {DBA_U64(id), DBA_U64(staff)};
	struct db_col c[] = APPEAL_COLUMNS(ap);

	return db_row(ar, &one_of_staff, a, 2, c, NCOLUMNS);
}

enum perr db_appeals_of_staff(struct arena *ar, uint64_t staff, const char *status,
			      enum perr (*each)(void *, const struct appeal *), void *ctx)
{
	struct appeal_it it = {.each = each, .ctx = ctx};
	const char *s = status ? status : "";
	struct db_arg a[] = {DBA_U64(staff), DBA_STR(s), DBA_STR(s)};
	struct db_col c[] = APPEAL_COLUMNS(&it.ap);

	return db_rows(ar, &of_staff, a, 3, c, NCOLUMNS, appeal_each, &it);
}

struct message_it {
	struct appeal_message m;
	enum perr (*each)(void *, const struct appeal_message *);
	void *ctx;
};

static enum perr message_each(void *p)
{
	struct message_it *it = p;

	return it->each(it->ctx, &it->m);
}

enum perr db_appeal_messages(struct arena *ar, uint64_t appeal, int notes,
			     enum perr (*each)(void *, const struct appeal_message *), void *ctx)
{
	struct message_it it = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(appeal), DBA_INT(notes != 0)};
	struct db_col c[] = {DBC_U64(&it.m.id), DBC_STR(&it.m.author), DBC_STR(&it.m.staff),
			     DBC_STR(&it.m.body), DBC_STR(&it.m.created_at)};

	return db_rows(ar, &messages, a, 2, c, 5, message_each, &it);
}

struct file_it {
	struct appeal_file f;
	enum perr (*each)(void *, const struct appeal_file *);
	void *ctx;
};

static enum perr file_each(void *p)
{
	struct file_it *it = p;

	return it->each(it->ctx, &it->f);
}

#define FILE_COLUMNS(f)                                                                  \
	{DBC_U64(&(f)->id),   DBC_U64(&(f)->message_id), DBC_U64(&(f)->appeal_id),        \
	 DBC_STR(&(f)->name), DBC_STR(&(f)->type),       DBC_INT(&(f)->size)}

enum perr db_appeal_files(struct arena *ar, uint64_t appeal,
			  enum perr (*each)(void *, const struct appeal_file *), void *ctx)
{
	struct file_it it = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(appeal)};
	struct db_col c[] = FILE_COLUMNS(&it.f);

	return db_rows(ar, &files, a, 1, c, 6, file_each, &it);
}

enum perr db_appeal_file_of(struct arena *ar, uint64_t subscriber, uint64_t staff, uint64_t file,
			    struct appeal_file *f)
{
	struct db_arg a[] = {DBA_U64(file),  DBA_U64(subscriber), DBA_U64(subscriber),
			     DBA_U64(staff), DBA_U64(staff)};
	struct db_col c[] = FILE_COLUMNS(f);

	return db_row(ar, &file_of, a, 5, c, 6);
}

enum perr db_appeal_chunks(struct arena *ar, uint64_t file,
			   enum perr (*each)(void *, const unsigned char *, size_t), void *ctx)
{
	return db_chunks(ar, &chunks, file, each, ctx);
}

static enum perr by_id(struct db_stmt *s, uint64_t appeal)
{
	struct db_arg a[] = {DBA_U64(appeal)};

	return db_exec(s, a, 1, NULL, NULL);
}

static enum perr one_row(struct db_stmt *s, const struct db_arg *a, size_t n)
{
	unsigned long long rows = 0;
	enum perr e = db_exec(s, a, n, &rows, NULL);

	return e == PERR_OK && rows == 0 ? PERR_CONFLICT : e;
}

enum perr db_appeal_seen(uint64_t appeal) { return by_id(&seen, appeal); }

enum perr db_appeal_subscriber_wrote(uint64_t appeal) { return by_id(&subscriber_wrote, appeal); }

enum perr db_appeal_close(uint64_t appeal)
{
	struct db_arg a[] = {DBA_U64(appeal)};

	return one_row(&close_, a, 1);
}

enum perr db_appeal_reopen(uint64_t appeal)
{
	struct db_arg a[] = {DBA_U64(appeal)};

	return one_row(&reopen, a, 1);
}

enum perr db_appeal_answered(uint64_t appeal, const char *status, uint64_t staff)
{
	struct db_arg a[] = {DBA_STR(status), DBA_STR(status), DBA_U64(staff), DBA_U64(appeal)};

	return db_exec(&answered, a, 4, NULL, NULL);
}

enum perr db_appeal_assign(uint64_t appeal, uint64_t staff)
{
	struct db_arg a[] = {DBA_U64(staff), DBA_U64(appeal)};

	return db_exec(&assign, a, 2, NULL, NULL);
}
