/*
 * tidy.c: the daily clean-up, run from cron.  Deletes what has outlived its
 * use, so that the database keeps no personal data longer than it needs:
 *
 *   sessions       idle longer than [session] idle_minutes
 *   tokens         e-mail links and SMS codes a day after they expired
 *   rate limits    sign-up, recovery and account-linking records after a
 *                  day (they are counted over the last hour)
 *   sign-ins       the record of sign-ins after [retention] sign_in_days
 *   sign-in limits counters two days after their window (a day after a lock)
 *   browsers       those not seen for a year (their cookie has expired)
 *   second steps   the step between a password and its code, once expired
 *   messages       sent or failed messages after [retention] message_days
 *   QR codes       payment codes kept (sql/060) QR_KEEP_DAYS after they were made
 *
 * Exit status 0, or 1 if the database failed; what it deleted goes to the log.
 */
#include <stdio.h>

#include "app/job.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "core/perr.h"
#include "db/tidy.h"

#define BATCH 1000
#define DAY (24u * 3600u)
/* An imported file is kept a month after its import ended: long enough to
 * look into a question about it, not as a second copy of the billing data. */
#define IMPORT_FILE_DAYS 30u
/* A payment code is kept for the month its receipt is looked at most, and
 * the days past its due date; older receipts make theirs again. */
#define QR_KEEP_DAYS 40u

/* One kind, a batch at a time until a batch comes back short. */
static int tidy(const char *what, enum perr (*sweep)(unsigned, unsigned, unsigned long long *),
                unsigned age)
{
	unsigned long long n, total = 0;
	enum perr e;

	do {
		if ((e = sweep(age, BATCH, &n)) != PERR_OK) {
			log_msg(LOG_ERR, "%s: %s after %llu deleted", what, perr_str(e), total);
			return 1;
		}
		total += n;
	} while (n == BATCH);
	log_msg(LOG_INFO, "%s: %llu deleted", what, total);
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: tidy\n"
			"  The configuration file is named by $PORTAL_CONFIG.\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct arena *arena;
	int rc = 0;

	(void)argv;
	if (argc != 1)
		return usage();
	if ((arena = job_start("tidy")) == NULL)
		return 1;
	if (job_unroot() != 0) {
		job_end(arena);
		return 1;
	}
	rc |= tidy("sessions", db_tidy_sessions, cfg.session_idle);
	rc |= tidy("tokens", db_tidy_tokens, DAY);
	rc |= tidy("form attempts", db_tidy_form_attempts, DAY);
	rc |= tidy("link attempts", db_tidy_link_attempts, DAY);
	rc |= tidy("sign-ins", db_tidy_sign_ins, cfg.keep_sign_ins * DAY);
	rc |= tidy("sign-in limits", db_tidy_throttles, 2 * DAY);
	rc |= tidy("browsers", db_tidy_devices, 366 * DAY);
	rc |= tidy("second steps", db_tidy_second_steps, 0);
	rc |= tidy("messages", db_tidy_messages, cfg.keep_messages * DAY);
	rc |= tidy("imported files", db_tidy_import_files, IMPORT_FILE_DAYS * DAY);
	rc |= tidy("import problems", db_tidy_import_problems, IMPORT_FILE_DAYS * DAY);
	rc |= tidy("API counts", db_tidy_api_rate, 3600);
	rc |= tidy("API replays", db_tidy_api_replays, DAY);
	rc |= tidy("QR codes", db_tidy_qr_codes, QR_KEEP_DAYS * DAY);
	job_end(arena);
	return rc;
}
