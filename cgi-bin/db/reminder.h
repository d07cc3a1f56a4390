/* db/reminder.h: who is due a reminder, and the record that makes it once per period. */
#ifndef DB_REMINDER_H
#define DB_REMINDER_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

struct reminder_org {
	unsigned id;
	const char *time_zone;
	unsigned readings_from, readings_to; /* days of the month readings are taken */
};

enum perr db_reminder_orgs(struct arena *, enum perr (*each)(void *, const struct reminder_org *),
			   void *) PORTAL_WUR;

/* Someone due a reminder: object is the account, or the meter for a verification. */
struct reminder_due {
	uint64_t subscriber_id;
	unsigned object_id;
	const char *account;  /* the account's number */
	const char *meter;    /* verification: the meter's number */
	const char *date;     /* due: the due date; verification: its date (YYYY-MM-DD) */
};

/*
 * Each kind: those of organization org not yet reminded for the period, at
 * most limit.  Dates are YYYY-MM-DD in the organization's calendar.
 *   readings:     accounts with a meter in use and no reading since from (the
 *                 window's first day), period = the month's first day
 *   due:          accounts owing on a receipt due between today and until
 *   verification: meters in use whose verification date is between today and until
 */
enum perr db_reminder_readings(struct arena *, unsigned org, const char *from, unsigned limit,
			       enum perr (*each)(void *, const struct reminder_due *),
			       void *) PORTAL_WUR;
enum perr db_reminder_due(struct arena *, unsigned org, const char *today, const char *until,
			  unsigned limit, enum perr (*each)(void *, const struct reminder_due *),
			  void *) PORTAL_WUR;
enum perr db_reminder_verification(struct arena *, unsigned org, const char *today,
				   const char *until, unsigned limit,
				   enum perr (*each)(void *, const struct reminder_due *),
				   void *) PORTAL_WUR;
/* An account whose balance is under the threshold someone set (sql/051), not told yet. */
struct reminder_balance {
	uint64_t subscriber_id, account_id;
	const char *account;          /* its number */
	const char *currency;         /* its organization's */
	long long threshold, balance; /* minor units; balance = what it holds, minus what it owes */
};

/*
 * Of organization org, at most limit: alerts of subscribers who may still
 * view the account, whose latest month's balance is under their threshold.
 */
enum perr db_reminder_balances(struct arena *, unsigned org, unsigned limit,
                               enum perr (*each)(void *, const struct reminder_balance *),
                               void *) PORTAL_WUR;
/* Mark one told, in the caller's transaction: PERR_CONFLICT if another run did. */
enum perr db_reminder_balance_told(uint64_t subscriber, uint64_t account) PORTAL_WUR;
/* Alerts of org told before whose balance is back at their threshold: armed again. */
enum perr db_reminder_balances_rearm(unsigned org) PORTAL_WUR;

/*
 * The record of one (kind readings, due or verification; period YYYY-MM-DD):
 * PERR_CONFLICT if it was already sent.  Inside the caller's transaction, with
 * the message it records.
 */
enum perr db_reminder_record(uint64_t subscriber, const char *kind, unsigned object,
			     const char *period) PORTAL_WUR;

#endif
