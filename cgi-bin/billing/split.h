/* billing/split.h: spreading a payment over services. */
#ifndef BILLING_SPLIT_H
#define BILLING_SPLIT_H

#include <stddef.h>

#include "core/attrs.h"
#include "core/money.h"

#define SPLIT_MAX_SERVICES 16 /* services one account can have */

/*
 * Spread amount over n services by Rules 354, p. 118: ask[i] (>= 0) is what
 * service i's receipt asks for.  An amount short of the asks is shared in
 * proportion to them; an amount that covers them pays each in full and the
 * rest is an advance in proportion to weight (the last charges), or all on
 * service 0 if no weight is positive.  out[i] is service i's share; the
 * shares sum to amount exactly.  -1 on bad input.
 */
int payment_split(const money_t *ask, const money_t *weight, size_t n, money_t amount,
		  money_t *out) PORTAL_WUR;

/*
 * The subscriber's own split (the pay page lets one choose an amount per
 * service): each part at least 0 and the parts summing to amount.  -1 if not.
 */
int split_chosen_valid(const money_t *chosen, size_t n, money_t amount) PORTAL_WUR;

/*
 * Take amount back from n parts of sizes weight (a refund from the accounts
 * and services a payment was spread over): in proportion, largest remainder,
 * so that out[] sums to amount exactly and no part gives more than it has.
 * -1 if amount is negative or more than the parts hold, or n is 0 or over
 * SPLIT_MAX_SERVICES.
 */
int split_in_proportion(const money_t *weight, size_t n, money_t amount, money_t *out) PORTAL_WUR;

#endif
