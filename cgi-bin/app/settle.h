/* app/settle.h: settling an online payment. */
#ifndef APP_SETTLE_H
#define APP_SETTLE_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"
#include "net/provider.h"

enum settle_result {
	SETTLE_PENDING,   /* the provider has not decided */
	SETTLE_SUCCEEDED, /* credited now */
	SETTLE_CANCELED,  /* marked failed now */
	SETTLE_ALREADY,   /* it was final before: nothing changed */
};

/*
 * Apply what the provider says of payment online_id: on success credit every
 * account it pays for and mark it succeeded, in one transaction; on failure
 * mark it canceled; either way queue the subscriber's notification.  Safe to
 * call any number of times, concurrently: it changes things once.
 * PERR_CONFLICT if the provider's payment does not match ours (amount,
 * currency, id): nothing is credited and the mismatch is logged.
 */
enum perr payment_settle(struct arena *, uint64_t online_id, const struct pay_state *,
			 enum settle_result *) PORTAL_WUR;

#endif
