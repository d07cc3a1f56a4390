/* app/credit.h: crediting a payment to a ledger. */
#ifndef APP_CREDIT_H
#define APP_CREDIT_H

#include <stdint.h>

#include "billing/split.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"

/*
 * How an amount would be, or is, spread over one account's services: its
 * services in the latest billed month with their balances, the split by
 * payment_split()'s rule (or the payer's own), and what is due.
 */
struct credit {
	uint64_t account;
	month_t latest; /* the latest billed month; 0: the account has no bills */
	month_t now;    /* this month in the organization's time zone */
	size_t n;
	uint64_t service[SPLIT_MAX_SERVICES];
	money_t tariff[SPLIT_MAX_SERVICES];
	money_t closing[SPLIT_MAX_SERVICES];
	money_t ask[SPLIT_MAX_SERVICES];    /* the closing if a debt, else 0 */
	money_t weight[SPLIT_MAX_SERVICES]; /* the last positive charge, for an advance */
	money_t share[SPLIT_MAX_SERVICES];
	money_t due;     /* the debts summed: "к оплате"; an advance never lowers it */
	money_t advance; /* the advances summed */
};

/* Read the ledger and split amount (0: only read what is due). */
enum perr credit_plan(struct arena *, uint64_t account, money_t amount, struct credit *) PORTAL_WUR;
/*
 * Replace the planned split with the payer's: amount[i] to service[i], n of
 * them, the rest of the account's services nothing.  -1 (the plan kept) if a
 * service is not the account's, is named twice, or the parts do not sum to
 * total.
 */
int credit_choose(struct credit *, const uint64_t *service, const money_t *amount, size_t n,
		  money_t total) PORTAL_WUR;
/* Write a planned split: the ledger of the month it arrives in (c->now, the
 * organization's), and the payment's lines.  Call inside a transaction, with
 * the account locked before credit_plan(). */
enum perr credit_apply(const struct credit *, uint64_t payment_id) PORTAL_WUR;

#endif
