/*
 * db/outbox.c: queue a message.  The address is the subscriber's own, read
 * in the same statement, so nothing is queued for someone without one.
 */
#include "../portal.h"

static struct db_stmt queue_email = {
	"outbox.queue_email",
	"INSERT INTO outbox (subscriber_id, channel, address, lang, kind, params, next_attempt_at, "
	"created_at) SELECT id, 'email', email, ?, ?, ?, NOW(6), NOW(6) FROM subscribers "
	"WHERE id = ? AND email IS NOT NULL AND email <> ''",
	NULL, 0, NULL};

enum perr db_outbox_email(uint64_t subscriber, enum lang lang, const char *kind,
			  const char *params)
{
	return db_exec(&queue_email,
		       (struct db_arg[]){DBA_STR(lang_code(lang)), DBA_STR(kind), DBA_STR(params),
					 DBA_INT(subscriber)},
		       4, NULL, NULL);
}
