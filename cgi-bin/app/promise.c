/*
 * app/promise.c: the promised payment (обещанный платёж).
 *
 *   lock the line (connections row)    a second request of it waits here
 *   read the line, its latest promise, the organization's rule, the debt
 *   decide; if given: the promise, the line shown enabled
 *   commit
 *
 * Once a calendar month is the organization's month (its time zone), so a
 * promise asked at 00:30 Moscow time on the 1st belongs to that month, not to
 * the last day of the one before as it would in UTC.
 */
#include <string.h>

#include "app/promise.h"
#include "core/date.h"
#include "core/log.h"
#include "db/connection.h"
#include "db/db.h"

int promise_this_month(const char *utc, const char *tz)
{
	char local[26], today[11];

	if (utc == NULL || instant_local_in(utc, tz, local) != 0)
		return 0;
	day_format(day_today_in(tz), today);
	return strncmp(local, today, 7) == 0;
}

enum perr promise_request(struct arena *ar, uint64_t subscriber, uint64_t account, uint64_t service,
                          enum promise_answer *answer)
{
	struct connection c;
	struct promise_rule rule;
	struct promise_case pc;
	money_t debt = 0;
	enum perr e;

	if ((e = db_begin()) != PERR_OK)
		return e;
	if ((e = db_connection_lock(ar, account, service, LANG_RU, &c)) != PERR_OK ||
	    (e = db_account_debt(account, &debt)) != PERR_OK)
		goto fail;
	rule.days = c.promise_days > 0 && c.promise_days < 100 ? (unsigned)c.promise_days : 0;
	rule.limit = c.promise_limit;
	pc.suspended = strcmp(c.state, "suspended") == 0;
	pc.running = c.promise_running;
	pc.used_this_month = promise_this_month(c.promised_at, c.time_zone);
	pc.debt = debt;
	*answer = promise_decide(&rule, &pc);
	if (*answer == PROMISE_GIVEN &&
	    (e = db_promise_add(account, service, subscriber, rule.days, debt)) != PERR_OK)
		goto fail;
	if ((e = db_commit()) != PERR_OK)
		goto fail;
	log_msg(LOG_INFO, "promised payment on account %llu service %llu by %llu: %s",
	        (unsigned long long)account, (unsigned long long)service,
	        (unsigned long long)subscriber, promise_word(*answer));
	return PERR_OK;
fail:
	db_rollback();
	return e;
}
