/* db/tidy.h: retention. */
#ifndef DB_TIDY_H
#define DB_TIDY_H

#include "core/attrs.h"
#include "core/perr.h"

/* ------------------------------------------------------------------ retention */

enum tidy_kind {
	/* Sessions idle longer than age.  One past its absolute limit is refused
	 * at once and, never touched again, goes once it has been idle as long. */
	TIDY_SESSIONS,
	TIDY_TOKENS,        /* e-mail links and SMS codes, by when they expired */
	TIDY_FORM_ATTEMPTS, /* sign-up and recovery rate-limit records */
	TIDY_LINK_ATTEMPTS, /* account-linking rate-limit records */
	TIDY_SIGN_INS,      /* the sign-in record (login_attempts) */
	TIDY_MESSAGES,      /* sent or failed outbox messages, by when queued */
};
/* Deletes up to batch rows of kind older than age seconds; deleted (may be NULL) says how many. */
enum perr db_tidy(enum tidy_kind, unsigned age, unsigned batch,
		  unsigned long long *deleted) PORTAL_WUR;

#endif
