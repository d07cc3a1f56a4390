/* db/token.h: single-use tokens. */
#ifndef DB_TOKEN_H
#define DB_TOKEN_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/password.h"
#include "core/perr.h"

/* A single-use secret sent to a subscriber. */
struct sub_token {
	uint64_t id, subscriber_id;
	const char *value; /* 'email': the address to confirm */
	unsigned char code_mac[32];
	unsigned long mac_len;
	long long attempts;
};

/* Store a token (its hash) for purpose, valid ttl seconds.  value and mac may be NULL. */
enum perr db_token_insert(const unsigned char hash[32], uint64_t subscriber, const char *purpose,
			  const char *value, const unsigned char *mac, unsigned ttl) PORTAL_WUR;
/* A token of purpose that is unused, unexpired and tried fewer than max_attempts times. */
enum perr db_token_live(struct arena *, const unsigned char hash[32], const char *purpose,
			unsigned max_attempts, struct sub_token *) PORTAL_WUR;
/* Count a try (SMS codes): PERR_CONFLICT when max_attempts were used
 * already, by parallel tries too (the check and the count are one statement). */
enum perr db_token_attempt(uint64_t id, unsigned max_attempts) PORTAL_WUR;
/* Use it: PERR_CONFLICT if it was used meanwhile. */
enum perr db_token_use(uint64_t id) PORTAL_WUR;
/* End every live token of purpose the subscriber has (a newer one replaces them). */
enum perr db_token_drop(uint64_t subscriber, const char *purpose) PORTAL_WUR;

#endif
