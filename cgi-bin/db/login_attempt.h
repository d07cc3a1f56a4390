/* db/login_attempt.h: the sign-in record. */
#ifndef DB_LOGIN_ATTEMPT_H
#define DB_LOGIN_ATTEMPT_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

enum login_result { LOGIN_OK, LOGIN_FAIL, LOGIN_LOCKED };
/* Failures within window seconds for this login and for this address. */
enum perr db_login_failures(struct arena *, const char *login, const char *ip, unsigned window,
			    long long *by_login, long long *by_ip) PORTAL_WUR;
enum perr db_login_record(const char *login, const char *ip, enum login_result,
			  uint64_t subscriber_id) PORTAL_WUR;

#endif
