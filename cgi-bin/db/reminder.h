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
/*
 * The record of one (kind readings, due or verification; period YYYY-MM-DD):
 * PERR_CONFLICT if it was already sent.  Inside the caller's transaction, with
 * the message it records.
 */
enum perr db_reminder_record(uint64_t subscriber, const char *kind, unsigned object,
			     const char *period) PORTAL_WUR;

#endif
