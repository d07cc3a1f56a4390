/* db/payment.h: payments received. */
#ifndef DB_PAYMENT_H
#define DB_PAYMENT_H

#include "core/arena.h"
#include "core/attrs.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"

struct payment {
	uint64_t id, account_id;
	const char *account_number;
	const struct currency *cur;
	/* UTC: YYYY-MM-DD HH:MM:SS.ffffff as stored (recent), YYYY-MM-DDTHH:MM:SSZ (history) */
	const char *paid_at;
	money_t amount;
	const char *channel; /* card, bank, cash, autopay: a catalog key */
	const char *bank;    /* who took the money; may be NULL */
	const char *status;  /* pending, succeeded, canceled */
	/* history only: one line of the split (service_id 0: none) */
	uint64_t service_id;
	const char *service, *supplier;
	money_t line;
	const char *time_zone; /* history only: the organization's, for paid_at */
	/* history only: the online payment's fiscal receipt (ФН, ФД, ФП), NULL if none yet */
	const char *fiscal_fn, *fiscal_fd, *fiscal_fp;
};

/*
 * Payments of months from..to with their split, newest first, one call per
 * line of a split (a payment without lines once).  account 0: every linked
 * account.  At most limit calls.
 */
enum perr db_payment_history(struct arena *, uint64_t subscriber, uint64_t account, month_t from,
                             month_t to, enum lang, unsigned limit,
                             enum perr (*each)(void *, const struct payment *), void *) PORTAL_WUR;
/* Accrued and paid per currency and month over all linked accounts. */

#endif
