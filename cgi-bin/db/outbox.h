/* db/outbox.h: the outbox. */
#ifndef DB_OUTBOX_H
#define DB_OUTBOX_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/lang.h"
#include "core/perr.h"

/*
 * Queue a notification on topic (receipt, payment, autopay, news) by every
 * channel the subscriber chose for it, to the address and phone on file, in
 * the language they last chose.
 */
enum perr db_outbox_notify(uint64_t subscriber, const char *topic, const char *kind,
			   const char *params) PORTAL_WUR;
/* Messages of kind queued for subscriber in the last 24 hours. */
enum perr db_outbox_count_today(struct arena *, uint64_t subscriber, const char *kind,
				long long *n) PORTAL_WUR;
/* Queue a message to one address (channel "email" or "sms"), in the subscriber's
 * language, whatever their choices: what they must be told. */
enum perr db_outbox_to(uint64_t subscriber, const char *channel, const char *address,
		       const char *kind, const char *params) PORTAL_WUR;
/* A message's parameters, <name a="v" .../>, escaped; pairs is n name, value pairs. */

/* An outbox message claimed for sending. */
struct outbox_msg {
	uint64_t id, subscriber_id;
	const char *channel, *address, *kind, *params;
	enum lang lang;
	unsigned attempts; /* this one included */
};

/* Up to max messages due now, by id into ids; *n of them. */
enum perr db_outbox_due(struct arena *, uint64_t *ids, size_t max, size_t *n) PORTAL_WUR;
/* Claim one for lease seconds; PERR_CONFLICT if another run has it or it is done. */
enum perr db_outbox_claim(struct arena *, uint64_t id, unsigned lease,
			  struct outbox_msg *) PORTAL_WUR;
enum perr db_outbox_sent(uint64_t id) PORTAL_WUR;
/* Not sent: again in delay seconds, or failed for good (give_up, or the last attempt). */
enum perr db_outbox_retry(uint64_t id, int give_up, unsigned max_attempts, unsigned delay,
			  const char *error) PORTAL_WUR;

#endif
