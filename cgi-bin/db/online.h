/* db/online.h: online payments. */
#ifndef DB_ONLINE_H
#define DB_ONLINE_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/perr.h"

/* An online payment as stored. */
struct online_payment {
	uint64_t id, subscriber_id;
	const char *kind;     /* card, autopay */
	const char *provider;
	const char *provider_id; /* "" until the provider has it */
	const char *status;   /* created, pending, succeeded, canceled */
	money_t amount;
	const struct currency *cur;
	int save_method;
	int has_method; /* a saved method id is held, waiting for autopay */
	const char *confirmation_url, *method_title, *cancel_reason; /* may be NULL */
	enum lang lang;
};

/* One account an online payment pays for: its payments row. */
struct online_item {
	uint64_t payment_id, account_id;
	money_t amount;
	const char *account_number;
};

enum perr db_online_insert(uint64_t subscriber, const char *key, const char *kind,
			   const char *provider, money_t amount, const char *currency,
			   int save_method, enum lang, uint64_t *id) PORTAL_WUR;
/* One account's part of an online payment; *payment is its payments row. */
enum perr db_online_insert_item(uint64_t online, uint64_t account, money_t amount,
				const char *channel, const char *bank, uint64_t *payment) PORTAL_WUR;
/* The payer's own split of one account's part: n services and amounts. */
enum perr db_payment_choose(uint64_t payment, const uint64_t *service, const money_t *amount,
			    size_t n) PORTAL_WUR;
/* That split, if the payer made one: *n is 0 otherwise.  At most max. */
enum perr db_payment_choices(struct arena *, uint64_t payment, uint64_t *service, money_t *amount,
			     size_t max, size_t *n) PORTAL_WUR;
enum perr db_online_by_key(struct arena *, uint64_t subscriber, const char *key,
			   struct online_payment *) PORTAL_WUR;
/* One of the subscriber's own online payments. */
enum perr db_online_get(struct arena *, uint64_t subscriber, uint64_t id,
			struct online_payment *) PORTAL_WUR;
/* Any online payment with the accounts it pays for (by account id), all locked
 * for the rest of the transaction.  NOT_FOUND if there is no such payment. */
enum perr db_online_lock_items(struct arena *, uint64_t id, struct online_payment *,
                               enum perr (*each)(void *, const struct online_item *),
                               void *) PORTAL_WUR;
enum perr db_online_by_provider(const char *provider, const char *provider_id,
				uint64_t *id) PORTAL_WUR;
/* created or pending for longer than older_minutes, with ids above after, by id. */
enum perr db_online_unfinished(struct arena *, unsigned older_minutes, uint64_t after,
                               unsigned limit,
                               enum perr (*each)(void *, const struct online_payment *),
                               void *) PORTAL_WUR;
enum perr db_online_set_pending(uint64_t id, const char *provider_id, const char *url) PORTAL_WUR;
/* created or pending -> succeeded or canceled, with its payments rows;
 * PERR_CONFLICT if it had already left those states. */
enum perr db_online_finish(uint64_t id, int succeeded, const char *method_id,
			   const char *method_title, const char *reason) PORTAL_WUR;
enum perr db_online_items(struct arena *, uint64_t online,
                          enum perr (*each)(void *, const struct online_item *), void *) PORTAL_WUR;
/* The method a succeeded payment of the subscriber's saved; NOT_FOUND if none is held. */
enum perr db_online_method(struct arena *, uint64_t online, uint64_t subscriber,
			   const char **provider, const char **method_id,
			   const char **title) PORTAL_WUR;
enum perr db_online_forget_method(uint64_t online) PORTAL_WUR;
/* Drop saved methods that were not made into autopay within a day. */
enum perr db_online_forget_unused(unsigned long long *n) PORTAL_WUR;

#endif
