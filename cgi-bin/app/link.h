/* app/link.h: links sent by e-mail. */
#ifndef APP_LINK_H
#define APP_LINK_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/* Links sent by e-mail: confirming an address, recovering a password. */
#define EMAIL_LINK_TTL (24 * 3600)
#define RECOVERY_TTL 3600

/*
 * Inside the caller's transaction: a new single-use link of purpose (valid
 * ttl seconds, value kept with it) for subscriber, the older ones ended, and
 * an e-mail of kind carrying it (and the login) queued to address.
 */
enum perr link_send(struct arena *, uint64_t subscriber, const char *login, const char *purpose,
		    const char *value, unsigned ttl, const char *address,
		    const char *kind) PORTAL_WUR;

#endif
