/* db/autopay.h: autopay. */
#ifndef DB_AUTOPAY_H
#define DB_AUTOPAY_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"

/* Monthly autopay of one account. */
struct autopay {
	uint64_t id, subscriber_id, account_id;
	const char *account_number, *address;
	const struct currency *cur;
	const char *method_title;
	unsigned day;
	money_t max_amount;
	const char *provider, *method_id; /* the scheduled program's query only */
};

/* Set (or replace) the autopay of an account; call inside a transaction. */
enum perr db_autopay_set(uint64_t subscriber, uint64_t account, const char *provider,
			 const char *method_id, const char *title, unsigned day,
			 money_t max) PORTAL_WUR;
/* The subscriber's autopays on linked accounts. */
enum perr db_autopays(struct arena *, uint64_t subscriber,
                      enum perr (*each)(void *, const struct autopay *), void *) PORTAL_WUR;
/* End one (the method id goes with the row); NOT_FOUND if it is not theirs. */
enum perr db_autopay_delete(uint64_t subscriber, uint64_t id) PORTAL_WUR;
/* Autopays of that day of the month with no run in month. */
enum perr db_autopays_due(struct arena *, unsigned day, month_t, unsigned limit,
                          enum perr (*each)(void *, const struct autopay *), void *) PORTAL_WUR;
/* The month's run, recorded before charging; PERR_CONFLICT if it ran already. */
enum perr db_autopay_run_begin(uint64_t autopay, month_t, uint64_t account, money_t amount,
			       const char *result) PORTAL_WUR;
enum perr db_autopay_run_end(uint64_t autopay, month_t, const char *result,
			     uint64_t online) PORTAL_WUR;
/* The run whose charge is online payment online ended so (no run yet: nothing). */
enum perr db_autopay_run_settled(uint64_t online, int succeeded) PORTAL_WUR;

#endif
