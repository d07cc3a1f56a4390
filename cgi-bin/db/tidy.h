/* db/tidy.h: retention. */
#ifndef DB_TIDY_H
#define DB_TIDY_H

#include "core/attrs.h"
#include "core/perr.h"

/*
 * Retention.  Each deletes up to batch rows older than age seconds, oldest
 * first; deleted (may be NULL) says how many.
 */
/* Sessions idle longer than age.  One past its absolute limit is refused at
 * once and, never touched again, goes once it has been idle as long. */
enum perr db_tidy_sessions(unsigned age, unsigned batch, unsigned long long *deleted) PORTAL_WUR;
/* E-mail links and SMS codes, by when they expired. */
enum perr db_tidy_tokens(unsigned age, unsigned batch, unsigned long long *deleted) PORTAL_WUR;
/* Sign-up and recovery rate-limit records. */
enum perr db_tidy_form_attempts(unsigned age, unsigned batch,
                                unsigned long long *deleted) PORTAL_WUR;
/* Account-linking rate-limit records. */
enum perr db_tidy_link_attempts(unsigned age, unsigned batch,
                                unsigned long long *deleted) PORTAL_WUR;
/* The sign-in record (login_attempts). */
enum perr db_tidy_sign_ins(unsigned age, unsigned batch, unsigned long long *deleted) PORTAL_WUR;
/* Sign-in counters whose window began age seconds ago and whose lock ended a day ago. */
enum perr db_tidy_throttles(unsigned age, unsigned batch, unsigned long long *deleted) PORTAL_WUR;
/* Steps between a password and its code, age seconds after they expired. */
enum perr db_tidy_second_steps(unsigned age, unsigned batch,
			       unsigned long long *deleted) PORTAL_WUR;
/* Browsers not seen for age seconds. */
enum perr db_tidy_devices(unsigned age, unsigned batch, unsigned long long *deleted) PORTAL_WUR;
/* Sent or failed outbox messages, by when they were queued. */
enum perr db_tidy_messages(unsigned age, unsigned batch, unsigned long long *deleted) PORTAL_WUR;

/* Imported files and their problems, age seconds after the import ended. */
enum perr db_tidy_import_files(unsigned age, unsigned batch,
			       unsigned long long *deleted) PORTAL_WUR;
enum perr db_tidy_import_problems(unsigned age, unsigned batch,
				  unsigned long long *deleted) PORTAL_WUR;
/* The API's request counts and stored answers older than age seconds. */
enum perr db_tidy_api_rate(unsigned age, unsigned batch, unsigned long long *deleted) PORTAL_WUR;
enum perr db_tidy_api_replays(unsigned age, unsigned batch, unsigned long long *deleted) PORTAL_WUR;
/* Payment QR codes kept (sql/060), by when they were made. */
enum perr db_tidy_qr_codes(unsigned age, unsigned batch, unsigned long long *deleted) PORTAL_WUR;

#endif
