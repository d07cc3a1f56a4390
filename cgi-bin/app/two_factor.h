/* app/two_factor.h: a subscriber's second factor checked, its recovery codes made. */
#ifndef APP_TWO_FACTOR_H
#define APP_TWO_FACTOR_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"
#include "core/totp.h"
#include "db/subscriber.h"

/* The key that seals subscribers' TOTP secrets, derived from [site] secret
 * (login and settings both hold it).  0, or -1 without a site secret. */
int two_factor_key(unsigned char key[32]) PORTAL_WUR;
/*
 * Whether code is right for subscriber: the authenticator's code for now
 * (good once), the SMS code sent last (good once) or an unused recovery
 * code (then used up).  *ok 1 or 0;
 * a failure of the database is the return value.
 */
enum perr two_factor_check(struct arena *, uint64_t subscriber, const char *code,
			   int *ok) PORTAL_WUR;
/*
 * For a subscriber who chose codes by SMS: a new code to their mobile number
 * (outbox), good for ten minutes.  What happened is *out; SMS_TOO_SOON means
 * the code sent under a minute ago stands.
 */
enum sms_sent { SMS_SENT, SMS_TOO_SOON, SMS_TOO_MANY, SMS_NO_PHONE };
enum perr two_factor_send(struct arena *, const struct subscriber *, enum sms_sent *out) PORTAL_WUR;
/* What became of it in a word, for the page's ?done=: sent, too-soon, too-many, no-phone. */
const char *two_factor_sent_word(enum sms_sent);
/* Whether code is the live SMS code (then used up), enabled or not: enrolment checks it. */
enum perr two_factor_sms_check(uint64_t subscriber, const char *code, int *ok) PORTAL_WUR;
/* Inside a transaction: ten new recovery codes replace the old; their text into codes. */
enum perr two_factor_codes_new(uint64_t subscriber,
			       char codes[RECOVERY_CODES][RECOVERY_CODE_CHARS + 1]) PORTAL_WUR;

#endif
