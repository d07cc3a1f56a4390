/* db/reading.h: meters and readings. */
#ifndef DB_READING_H
#define DB_READING_H

#include <stdint.h>

#include "billing/tariff.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/date.h"
#include "core/money.h"
#include "core/perr.h"

struct meter {
	uint64_t id, account_id, plan_id; /* plan_id 0: no tariff to estimate with */
	uint64_t org_id;
	const char *account_number, *address, *kind, *number;
	const char *verification_due; /* YYYY-MM-DD or NULL */
	unsigned zones, digits, decimals;
	long long last[TARIFF_ZONES];   /* last accepted reading, 10^-decimals units; -1: none */
	day_t last_on[TARIFF_ZONES];
	long long avg_delta[TARIFF_ZONES]; /* consumption over the last six months' readings */
	long long avg_days[TARIFF_ZONES];  /* ... and the days it took; 0: too few readings */
	unsigned window_from, window_to;   /* the organization's days for submitting */
	long long residents;
	const char *household;
	const struct currency *cur;
	const char *time_zone; /* the organization's: its day is the reading's day */
	/* The register's latest reading if it is a subscriber's, not yet taken by the
	 * organization: it may be corrected (and last is the accepted one before it). */
	uint64_t own_id[TARIFF_ZONES]; /* 0: none */
	long long own[TARIFF_ZONES];
	day_t own_on[TARIFF_ZONES];
};

struct reading_row {
	unsigned zone;
	const char *taken_on; /* YYYY-MM-DD */
	long long value;
	const char *source, *status, *reason;
};

/*
 * The meters in use on the subscriber's linked accounts (meter 0), or one
 * of them.  with_steps: also each register's recent consumption (avg_delta,
 * avg_days), which only a reading being checked needs: a statement more.
 * Without, those are 0.
 */
enum perr db_meters(struct arena *, uint64_t subscriber, uint64_t meter, int with_steps,
                    enum perr (*each)(void *, const struct meter *), void *ctx) PORTAL_WUR;
/* A meter's readings, oldest first, if the meter is on a linked account. */
enum perr db_reading_history(struct arena *, uint64_t subscriber, uint64_t meter,
                             enum perr (*each)(void *, const struct reading_row *),
                             void *) PORTAL_WUR;
/* Record today's reading of one register, from the subscriber, accepted. */
/* A subscriber's reading: accepted, or (to_review) waiting for staff, as an
 * implausible one does. */
/* Correct the subscriber's reading old with a new one; PERR_CONFLICT if the
 * organization has taken old meanwhile.  Call inside a transaction. */
enum perr db_reading_replace(uint64_t old, uint64_t meter, unsigned zone, day_t taken_on,
			     long long value, uint64_t subscriber, int to_review) PORTAL_WUR;
/* Taken on taken_on: the organization's today. */
enum perr db_reading_insert(uint64_t meter, unsigned zone, day_t taken_on, long long value,
			    uint64_t subscriber, int to_review) PORTAL_WUR;


/* A reading waiting for staff's review, with the accepted one before it. */
struct reading_review {
	uint64_t id, meter_id, subscriber_id;
	unsigned org, zone, decimals;
	const char *account, *meter, *kind, *taken_on;
	long long value, previous; /* previous -1: none */
	const char *login, *email, *phone; /* of who sent it; NULL if none */
};
/* The readings waiting in staff's organizations, oldest first, keyset by id. */
enum perr db_reading_review_list(struct arena *, uint64_t staff, uint64_t after, unsigned limit,
				 enum perr (*each)(void *, const struct reading_review *),
				 void *) PORTAL_WUR;
/* One of them, locked for deciding: PERR_NOT_FOUND if decided already or not theirs. */
enum perr db_reading_review_take(struct arena *, uint64_t staff, uint64_t id,
				 struct reading_review *) PORTAL_WUR;
enum perr db_reading_review_decide(uint64_t id, int accept, const char *reason) PORTAL_WUR;

/* A meter of staff's organizations, by the account's number and its own. */
struct staff_meter {
	uint64_t id;
	unsigned org, zones, decimals, digits;
};
enum perr db_reading_staff_meter(struct arena *, uint64_t staff, unsigned org,
				 const char *account, const char *meter,
				 struct staff_meter *) PORTAL_WUR;
/* A reading an inspector took (source staff), accepted. */
enum perr db_reading_insert_staff(uint64_t meter, unsigned zone, const char *taken_on,
				  long long value) PORTAL_WUR;

#endif
