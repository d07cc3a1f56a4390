/*
 * db/outbox.c: queue a message.  The address is the subscriber's own, read
 * in the same statement, so nothing is queued for someone without one.
 */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/lang.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/outbox.h"

/*
 * A message that carries a secret (a password, a code, a link) keeps it
 * only until it is done with: sent or failed, its params are blanked.
 */
#define SECRET_KINDS                                                                               \
	"('registered', 'confirm-email', 'recover-link', 'recover-code', 'signin-code', "          \
	"'access-invite')"

/*
 * One row per channel the subscriber chose for the topic, in their language,
 * e-mail first: one statement for both channels, as it is one more round
 * trip inside every payment's transaction.  A subscriber with no address (or
 * no phone) on file gets nothing by that channel.
 */
static struct db_stmt notify = {
	"outbox.notify",
	"INSERT INTO outbox (subscriber_id, channel, address, lang, kind, params, next_attempt_at, "
	"created_at) SELECT s.id, c.channel, IF(c.channel = 'email', s.email, s.phone), s.lang, "
	"?, ?, NOW(6), NOW(6) FROM subscribers s "
	"JOIN (SELECT 1 AS n, 'email' AS channel UNION ALL SELECT 2, 'sms') c "
	"WHERE s.id = ? AND IF(c.channel = 'email', s.email, s.phone) <> '' "
	"AND FIND_IN_SET(?, IF(c.channel = 'email', s.notify_email, s.notify_sms)) ORDER BY c.n",
	NULL, 0, NULL};

/*
 * The cabinet's copy (the inbox), whatever channels were chosen: what the
 * portal tells a subscriber it also keeps for them to read there.  A message
 * carrying a secret is not kept: it is good once, and only where it was sent.
 */
static struct db_stmt inbox_copy = {
	"outbox.inbox_copy",
	"INSERT INTO inbox (subscriber_id, kind, params, created_at) "
	"SELECT id, ?, ?, UTC_TIMESTAMP(6) FROM subscribers WHERE id = ? AND ? NOT IN " SECRET_KINDS,
	NULL, 0, NULL};

static struct db_stmt to_address = {
	"outbox.to",
	"INSERT INTO outbox (subscriber_id, channel, address, lang, kind, params, next_attempt_at, "
	"created_at) SELECT id, ?, ?, lang, ?, ?, NOW(6), NOW(6) FROM subscribers WHERE id = ?",
	NULL, 0, NULL};

static enum perr inbox_keep(uint64_t subscriber, const char *kind, const char *params)
{
	struct db_arg a[] = {DBA_STR(kind), DBA_STR(params), DBA_U64(subscriber), DBA_STR(kind)};

	return db_exec(&inbox_copy, a, 4, NULL, NULL);
}

enum perr db_outbox_notify(uint64_t subscriber, const char *topic, const char *kind,
			   const char *params)
{
	struct db_arg a[] = {DBA_STR(kind), DBA_STR(params), DBA_U64(subscriber), DBA_STR(topic)};
	enum perr e = db_exec(&notify, a, 4, NULL, NULL);

	return e == PERR_OK ? inbox_keep(subscriber, kind, params) : e;
}

enum perr db_outbox_to(uint64_t subscriber, const char *channel, const char *address,
		       const char *kind, const char *params)
{
	struct db_arg a[] = {DBA_STR(channel), DBA_STR(address), DBA_STR(kind), DBA_STR(params),
			     DBA_U64(subscriber)};
	unsigned long long n = 0;
	enum perr e = db_exec(&to_address, a, 5, &n, NULL);

	if (e == PERR_OK && n == 0)
		return PERR_NOT_FOUND;
	return e == PERR_OK ? inbox_keep(subscriber, kind, params) : e;
}

/* Due: queued and its time has come, or a claim that ran out (its run died). */
static struct db_stmt due = {
	"outbox.due",
	"SELECT id FROM outbox WHERE status IN ('queued', 'sending') AND next_attempt_at <= NOW(6) "
	"ORDER BY status, next_attempt_at LIMIT ?",
	NULL, 0, NULL};

/* The claim: only one run's UPDATE matches. */
static struct db_stmt claim = {
	"outbox.claim",
	"UPDATE outbox SET status = 'sending', attempts = attempts + 1, "
	"next_attempt_at = NOW(6) + INTERVAL ? SECOND "
	"WHERE id = ? AND status IN ('queued', 'sending') AND next_attempt_at <= NOW(6)",
	NULL, 0, NULL};

static struct db_stmt get = {
	"outbox.get",
	"SELECT subscriber_id, channel, address, lang, kind, params, attempts FROM outbox WHERE id = ?",
	NULL, 0, NULL};


static struct db_stmt sent = {
	"outbox.sent",
	"UPDATE outbox SET status = 'sent', sent_at = NOW(6), last_error = NULL, "
	"params = IF(kind IN " SECRET_KINDS ", '<gone/>', params) "
	"WHERE id = ? AND status = 'sending'",
	NULL, 0, NULL};

/* Again later, or failed for good after the last attempt (or when it cannot ever be sent). */
static struct db_stmt retry = {
	"outbox.retry",
	"UPDATE outbox SET status = IF(? OR attempts >= ?, 'failed', 'queued'), "
	"next_attempt_at = NOW(6) + INTERVAL ? SECOND, last_error = ?, "
	"params = IF(status = 'failed' AND kind IN " SECRET_KINDS ", '<gone/>', params) "
	"WHERE id = ? AND status = 'sending'",
	NULL, 0, NULL};

struct due_iter {
	uint64_t id, *ids;
	size_t n;
};

static enum perr due_row(void *p)
{
	struct due_iter *it = p;

	it->ids[it->n++] = it->id;
	return PERR_OK;
}

enum perr db_outbox_due(struct arena *ar, uint64_t *ids, size_t max, size_t *n)
{
	struct due_iter it = {.ids = ids};
	struct db_col c[] = {DBC_U64(&it.id)};
	enum perr e = db_rows(ar, &due, (struct db_arg[]){DBA_INT(max)}, 1, c, 1, due_row, &it);

	*n = it.n;
	return e;
}

enum perr db_outbox_claim(struct arena *ar, uint64_t id, unsigned lease, struct outbox_msg *m)
{
	unsigned long long n = 0;
	const char *lang = NULL;
	struct db_col c[] = {DBC_U64(&m->subscriber_id), DBC_STR(&m->channel), DBC_STR(&m->address),
			     DBC_STR(&lang),	   DBC_STR(&m->kind),	 DBC_STR(&m->params),
			     DBC_UINT(&m->attempts)};
	enum perr e = db_exec(&claim, (struct db_arg[]){DBA_INT(lease), DBA_U64(id)}, 2, &n, NULL);

	if (e != PERR_OK)
		return e;
	if (n != 1)
		return PERR_CONFLICT; /* another run has it, or it was sent meanwhile */
	e = db_row(ar, &get, (struct db_arg[]){DBA_U64(id)}, 1, c, sizeof(c) / sizeof(c[0]));
	if (e != PERR_OK)
		return e;
	m->id = id;
	m->lang = lang && lang_parse(lang, strlen(lang)) >= 0 ? (enum lang)lang_parse(lang, strlen(lang))
							      : LANG_RU;
	return PERR_OK;
}

enum perr db_outbox_sent(uint64_t id)
{
	return db_exec(&sent, (struct db_arg[]){DBA_U64(id)}, 1, NULL, NULL);
}

enum perr db_outbox_retry(uint64_t id, int give_up, unsigned max_attempts, unsigned delay,
			  const char *error)
{
	return db_exec(&retry,
		       (struct db_arg[]){DBA_INT(give_up ? 1 : 0), DBA_INT(max_attempts),
					 DBA_INT(delay), DBA_STRN(error, strnlen(error, 300)),
					 DBA_U64(id)},
		       5, NULL, NULL);
}

static struct db_stmt count_today = {
	"outbox.count_today",
	"SELECT COUNT(*) FROM outbox WHERE subscriber_id = ? AND kind = ? "
	"AND created_at > UTC_TIMESTAMP(6) - INTERVAL 1 DAY",
	NULL, 0, NULL};

enum perr db_outbox_count_today(struct arena *a, uint64_t subscriber, const char *kind,
				long long *n)
{
	struct db_arg arg[] = {DBA_U64(subscriber), DBA_STR(kind)};
	struct db_col c[] = {DBC_INT(n)};

	return db_row(a, &count_today, arg, 2, c, 1);
}
