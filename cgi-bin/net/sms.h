/* net/sms.h: text messages. */
#ifndef NET_SMS_H
#define NET_SMS_H

#include <stddef.h>
#include <stdint.h>

#include "core/attrs.h"
#include "core/perr.h"

/*
 * Send a text message through the [sms] gateway: POST of JSON
 * {"to","text","client_id"} with the key as a bearer token.  The gateway
 * keeps client_id ("kabinet-<msgid>"), so a repeat is not sent twice.
 * PERR_BAD_INPUT when it refuses the message for good, PERR_UPSTREAM when
 * it cannot take it now; its words in err.
 */
enum perr sms_send(const char *to, const char *text, uint64_t msgid, char *err,
		   size_t errlen) PORTAL_WUR;

#endif
