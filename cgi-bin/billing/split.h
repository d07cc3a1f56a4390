/* billing/split.h: spreading a payment over services. */
#ifndef BILLING_SPLIT_H
#define BILLING_SPLIT_H

#include <stddef.h>

#include "core/attrs.h"
#include "core/money.h"
#include "core/month.h"

#define SPLIT_MAX_SERVICES 16 /* services one account can have */

/* One service's debt from one month. */
struct split_debt {
	size_t service; /* index into the caller's services */
	month_t month;  /* when it was charged: older debt is paid first */
	money_t amount; /* > 0 */
};

/*
 * Age a service's closing debt first in, first out: charges[k] is what was
 * charged k months before the latest month (newest first); ages[k] gets the
 * part of the debt from that month and ages[months] what is older than all of
 * them.  A closing of zero or less (paid up, an advance) has no age.
 */
void debt_ages(money_t closing, const money_t *charges, size_t months, money_t *ages);
/*
 * Spread amount over nservices services: debts (sorted by month, oldest
 * first) are paid oldest first, a month's debts in proportion to their size;
 * the rest is an advance in proportion to weight (the last charges), or all
 * on service 0 if no weight is positive.  out[i] is service i's share; the
 * shares sum to amount exactly.  -1 on bad input.
 */
int payment_split(const struct split_debt *, size_t ndebts, const money_t *weight,
		  size_t nservices, money_t amount, money_t *out) PORTAL_WUR;

/*
 * Take amount back from n parts of sizes weight (a refund from the accounts
 * and services a payment was spread over): in proportion, largest remainder,
 * so that out[] sums to amount exactly and no part gives more than it has.
 * -1 if amount is negative or more than the parts hold, or n is 0 or over
 * SPLIT_MAX_SERVICES.
 */
int split_in_proportion(const money_t *weight, size_t n, money_t amount, money_t *out) PORTAL_WUR;

#endif
