/* db/form_attempt.h: signed-out forms' limits. */
#ifndef DB_FORM_ATTEMPT_H
#define DB_FORM_ATTEMPT_H

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/* Uses of a signed-out form within window seconds, from ip and for subject. */
enum perr db_form_attempts(struct arena *, const char *form, const char *ip, const char *subject,
			   unsigned window, long long *by_ip, long long *by_subject) PORTAL_WUR;
enum perr db_form_attempt_record(const char *form, const char *ip, const char *subject) PORTAL_WUR;

#endif
