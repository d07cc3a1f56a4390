/* db/api.h: the billing systems' API: keys, rate, replays, change feeds. */
#ifndef DB_API_H
#define DB_API_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

struct api_key {
	uint64_t id;
	unsigned org;
	const char *name, *prefix, *scopes; /* scopes: space-separated */
	unsigned rate;                      /* requests a minute */
	const char *created_at, *last_used_at, *revoked_at;
};

/* The live key whose BLAKE2b-256 is hash; PERR_NOT_FOUND if none (or revoked). */
enum perr db_api_key_by_hash(struct arena *, const unsigned char hash[32],
                             struct api_key *) PORTAL_WUR;
enum perr db_api_key_new(unsigned org, const char *name, const char *prefix,
                         const unsigned char hash[32], const char *scopes, unsigned rate,
                         uint64_t staff, uint64_t *id) PORTAL_WUR;
/* PERR_NOT_FOUND unless a live key of org. */
enum perr db_api_key_revoke(uint64_t id, unsigned org) PORTAL_WUR;
enum perr db_api_keys(struct arena *, unsigned org,
                      enum perr (*each)(void *, const struct api_key *), void *) PORTAL_WUR;
/* Count a request in the key's current minute: how many it has made in it. */
enum perr db_api_count(uint64_t key, unsigned *n) PORTAL_WUR;

/* A POST's stored answer under its Idempotency-Key. */
struct api_replay {
	unsigned status; /* 0: the first request is still running */
	const unsigned char *hash;
	const char *body, *location;
};
/* Claim idem for this request: PERR_OK (claimed: go on), PERR_CONFLICT (it
 * exists: *out is what was stored). */
enum perr db_api_idem_claim(struct arena *, uint64_t key, const char *idem,
                            const unsigned char hash[32], struct api_replay *out) PORTAL_WUR;
enum perr db_api_idem_done(uint64_t key, const char *idem, unsigned status, const char *body,
                           const char *location) PORTAL_WUR;
/* A claim whose request failed before answering is given up. */
enum perr db_api_idem_drop(uint64_t key, const char *idem) PORTAL_WUR;

/* The feeds, after a feed number, in its order. */
struct feed_reading {
	uint64_t seq, id;
	const char *account, *meter, *taken_on, *source, *status, *created_at;
	unsigned zone, decimals;
	long long value;
};
enum perr db_feed_readings(struct arena *, unsigned org, uint64_t after, unsigned limit,
                           enum perr (*each)(void *, const struct feed_reading *),
                           void *) PORTAL_WUR;
struct feed_payment {
	uint64_t seq, id;
	const char *account, *paid_at, *channel, *bank, *status, *source_id;
	long long amount;
};
enum perr db_feed_payments(struct arena *, unsigned org, uint64_t after, unsigned limit,
                           enum perr (*each)(void *, const struct feed_payment *),
                           void *) PORTAL_WUR;
/* The promised payments given (sql/058): the line, when, until when, the debt then. */
struct feed_promise {
	uint64_t seq, id;
	const char *account, *service, *login, *requested_at, *until;
	long long debt;
};
enum perr db_feed_promises(struct arena *, unsigned org, uint64_t after, unsigned limit,
                           enum perr (*each)(void *, const struct feed_promise *),
                           void *) PORTAL_WUR;

#endif
