/* db/throttle.h: the sign-in counters (signin_throttles) and known browsers. */
#ifndef DB_THROTTLE_H
#define DB_THROTTLE_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"
#include "core/throttle.h"

struct throttle_key {
	const char *scope; /* login, address, device, staff, staff-ip */
	unsigned char k[32];
};

/*
 * Outside a transaction (its own commit): the counter made if it is new.
 * Made inside, parallel first tries would each hold a shared lock from the
 * duplicate key and then all wait for the exclusive one: a deadlock.
 */
enum perr db_throttle_ensure(const struct throttle_key *) PORTAL_WUR;
/* Inside a transaction: the counter (made by db_throttle_ensure), locked until commit. */
enum perr db_throttle_lock(struct arena *, const struct throttle_key *,
			   struct throttle_state *) PORTAL_WUR;
/* Inside the same transaction: the counter as throttle_try left it. */
enum perr db_throttle_save(const struct throttle_key *, const struct throttle_state *) PORTAL_WUR;
/* The owner proved who they are: the counter starts again, no back-off. */
enum perr db_throttle_clear(const struct throttle_key *) PORTAL_WUR;
/* A try that succeeded is not held against the address it came from. */
enum perr db_throttle_give_back(const struct throttle_key *) PORTAL_WUR;

/* The subscriber a browser's device token hash belongs to; PERR_NOT_FOUND if none. */
enum perr db_device_owner(struct arena *, const unsigned char hash[32], uint64_t *subscriber) PORTAL_WUR;
enum perr db_device_add(const unsigned char hash[32], uint64_t subscriber,
			const char *user_agent) PORTAL_WUR;
enum perr db_device_seen(const unsigned char hash[32]) PORTAL_WUR;
/* How many browsers the subscriber has signed in from. */
enum perr db_device_count(struct arena *, uint64_t subscriber, long long *n) PORTAL_WUR;

#endif
