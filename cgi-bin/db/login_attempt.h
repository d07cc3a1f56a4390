/* db/login_attempt.h: the sign-in record. */
#ifndef DB_LOGIN_ATTEMPT_H
#define DB_LOGIN_ATTEMPT_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

enum login_result { LOGIN_OK, LOGIN_FAIL, LOGIN_LOCKED };
enum perr db_login_record(const char *login, const char *ip, enum login_result,
			  uint64_t subscriber_id) PORTAL_WUR;

#endif
