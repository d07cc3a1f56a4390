/* app/two_factor.h: a subscriber's second factor checked, its recovery codes made. */
#ifndef APP_TWO_FACTOR_H
#define APP_TWO_FACTOR_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"
#include "core/totp.h"

/* The key that seals subscribers' TOTP secrets, derived from [site] secret
 * (login and settings both hold it).  0, or -1 without a site secret. */
int two_factor_key(unsigned char key[32]) PORTAL_WUR;
/*
 * Whether code is right for subscriber: the authenticator's code for now
 * (good once) or an unused recovery code (then used up).  *ok 1 or 0;
 * a failure of the database is the return value.
 */
enum perr two_factor_check(struct arena *, uint64_t subscriber, const char *code,
			   int *ok) PORTAL_WUR;
/* Inside a transaction: ten new recovery codes replace the old; their text into codes. */
enum perr two_factor_codes_new(uint64_t subscriber,
			       char codes[RECOVERY_CODES][RECOVERY_CODE_CHARS + 1]) PORTAL_WUR;

#endif
