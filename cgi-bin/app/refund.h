/* app/refund.h: settling a refund the provider has answered about. */
#ifndef APP_REFUND_H
#define APP_REFUND_H

#include <stdint.h>

#include "app/settle.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"
#include "net/provider.h"

/*
 * Apply what the provider says of refund id: succeeded, take the amount back
 * from the accounts and services the payment was credited to (in
 * proportion, to the kopeck: a negative payments row per account with its
 * lines, the ledger of this month) and mark it, in one transaction; canceled,
 * mark it; pending, keep the provider's id.  Safe to call any number of
 * times, concurrently: the ledger is written once.  PERR_CONFLICT if the
 * provider's refund is not ours (amount, currency, payment): nothing written.
 */
enum perr refund_settle(struct arena *, uint64_t id, const struct refund_state *,
			enum settle_result *) PORTAL_WUR;

#endif
