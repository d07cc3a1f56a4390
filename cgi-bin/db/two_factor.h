/* db/two_factor.h: subscribers' two-step sign-in (sql/031). */
#ifndef DB_TWO_FACTOR_H
#define DB_TWO_FACTOR_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

struct sub_totp {
	unsigned char secret[64]; /* sealed */
	unsigned long secret_len;
	long long enabled;        /* 1 once a first code confirmed it */
	uint64_t last_step;
	long long sms;            /* 1: codes by SMS, no secret */
};

/* PERR_NOT_FOUND when the subscriber has none, enabled or not. */
enum perr db_totp_get(struct arena *, uint64_t subscriber, struct sub_totp *) PORTAL_WUR;
/* A new secret (or, sms 1, codes by SMS) being enrolled; one already enabled is kept as it is. */
enum perr db_totp_pending(uint64_t subscriber, int sms, const unsigned char *sealed,
			  size_t) PORTAL_WUR;
/* The first code confirmed it; PERR_CONFLICT if it was enabled already. */
enum perr db_totp_enable(uint64_t subscriber, uint64_t step) PORTAL_WUR;
/* A code of this step used; PERR_CONFLICT if that step (or a later one) was. */
enum perr db_totp_use(uint64_t subscriber, uint64_t step) PORTAL_WUR;
/* A new SMS code's MAC, for ten minutes; PERR_CONFLICT within a minute of the last. */
enum perr db_sms_code_set(uint64_t subscriber, const unsigned char mac[32]) PORTAL_WUR;
/* The SMS code with this MAC used up; PERR_CONFLICT if no live code has it. */
enum perr db_sms_code_use(uint64_t subscriber, const unsigned char mac[32]) PORTAL_WUR;
/* Off: the secret and the recovery codes go, and no browser stays remembered. */
enum perr db_totp_off(uint64_t subscriber) PORTAL_WUR;

/* Inside a transaction: the new recovery codes' hashes replace the old. */
enum perr db_recovery_codes_set(uint64_t subscriber, const unsigned char (*hashes)[32],
				size_t n) PORTAL_WUR;
/* PERR_CONFLICT if no unused code has this hash. */
enum perr db_recovery_code_use(uint64_t subscriber, const unsigned char hash[32]) PORTAL_WUR;
enum perr db_recovery_codes_left(struct arena *, uint64_t subscriber, long long *n) PORTAL_WUR;

/* The step between password and code, named by the hash of its cookie, for 5 minutes. */
enum perr db_second_step_add(const unsigned char hash[32], uint64_t subscriber,
			     const char *next) PORTAL_WUR;
enum perr db_second_step_get(struct arena *, const unsigned char hash[32], uint64_t *subscriber,
			     const char **next) PORTAL_WUR;
enum perr db_second_step_drop(const unsigned char hash[32]) PORTAL_WUR;

/* A browser remembered for 30 days; whether it is (1 or 0). */
enum perr db_device_remember_factor(const unsigned char hash[32]) PORTAL_WUR;
enum perr db_device_factor_remembered(struct arena *, const unsigned char hash[32],
				      uint64_t subscriber, long long *yes) PORTAL_WUR;

#endif
