/* db/access.h: shared access to accounts: delegates, invitations, their record (sql/049). */
#ifndef DB_ACCESS_H
#define DB_ACCESS_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/* An account shared with the subscriber, as their accounts page lists it. */
struct shared_account {
	uint64_t id;
	const char *number, *address, *org;
	unsigned rights;    /* billing/access.h */
	const char *holder; /* the name of who shared it */
};

/* Accounts shared with subscriber (not their own), by id. */
enum perr db_access_shared(struct arena *, uint64_t subscriber,
                           enum perr (*each)(void *, const struct shared_account *),
                           void *) PORTAL_WUR;

/* Someone an account is shared with, as its holder sees them. */
struct delegate {
	uint64_t id; /* the subscriber */
	const char *name, *login, *email, *phone;
	unsigned rights;
	const char *since; /* UTC, YYYY-MM-DDTHH:MM:SSZ */
};

/* The account's delegates, in the order they were given access. */
enum perr db_access_delegates(struct arena *, uint64_t account,
                              enum perr (*each)(void *, const struct delegate *),
                              void *) PORTAL_WUR;
/* Change a delegate's rights (their autopay ends with the full rights); in the caller's
 * transaction; PERR_NOT_FOUND if they are not one of the account's. */
enum perr db_access_set_rights(uint64_t account, uint64_t delegate, unsigned rights) PORTAL_WUR;
/* End a delegate's access (revoked, or they left), and their autopay of the account;
 * in the caller's transaction; PERR_NOT_FOUND if they had none. */
enum perr db_access_end(uint64_t account, uint64_t delegate) PORTAL_WUR;

/* An invitation, as its link and the holder's list show it. */
struct invitation {
	uint64_t id, account_id, holder_id;
	const char *contact;
	unsigned rights;
	const char *expires; /* UTC, YYYY-MM-DDTHH:MM:SSZ */
	int used, cancelled, expired;
	const char *number, *address, *org, *holder; /* the account, and who invites */
};

/* The invitations of account not yet taken, cancelled or expired, newest first. */
enum perr db_access_invitations(struct arena *, uint64_t account,
                                enum perr (*each)(void *, const struct invitation *),
                                void *) PORTAL_WUR;
/* Invitations holder made in the last 24 hours, of any account. */
enum perr db_access_invited_today(struct arena *, uint64_t holder, long long *n) PORTAL_WUR;
/* Store an invitation (its token's hash), valid ttl seconds; *id is its id. */
enum perr db_access_invite(const unsigned char hash[32], uint64_t account, uint64_t holder,
                           const char *contact, unsigned rights, unsigned ttl,
                           uint64_t *id) PORTAL_WUR;
/* The invitation a token's hash names, whatever its state; PERR_NOT_FOUND if none. */
enum perr db_access_invitation(struct arena *, const unsigned char hash[32],
                               struct invitation *) PORTAL_WUR;
/*
 * Take a live invitation for subscriber, in the caller's transaction: it is
 * marked used (only one of two parallel takers gets it: PERR_CONFLICT for
 * the other, and for one used, cancelled or expired meanwhile) and the
 * access granted, replacing what a delegate had.
 */
enum perr db_access_take(uint64_t invitation, uint64_t subscriber) PORTAL_WUR;
/* Cancel one of the account's live invitations; PERR_NOT_FOUND if it is not live. */
enum perr db_access_cancel(uint64_t account, uint64_t invitation) PORTAL_WUR;

/* What happened to an account's access (event: invited, accepted, changed,
 * revoked, left, cancelled); subject 0 and contact NULL when none. */
enum perr db_access_record(uint64_t account, uint64_t actor, uint64_t subject, const char *contact,
                           const char *event, unsigned rights) PORTAL_WUR;

struct access_event {
	const char *at; /* UTC, YYYY-MM-DDTHH:MM:SSZ */
	const char *event, *actor, *subject, *contact;
	unsigned rights;
};

/* The account's access record, newest first (the latest max). */
enum perr db_access_events(struct arena *, uint64_t account, unsigned max,
                           enum perr (*each)(void *, const struct access_event *),
                           void *) PORTAL_WUR;

/* Something done on the account by someone who does not hold it. */
struct others_action {
	const char *at;   /* UTC, YYYY-MM-DDTHH:MM:SSZ */
	const char *kind; /* "reading" or "payment" */
	const char *who;
	const char *meter;    /* a reading's meter number */
	long long value;      /* a reading's value in the meter's smallest unit, */
	unsigned decimals;    /* with this many decimals */
	long long amount;     /* a payment's, in minor units */
	const char *currency; /* the account's */
};

/* Readings submitted and payments made on account by those who do not hold
 * it, newest first (the latest max of each). */
enum perr db_access_others_actions(struct arena *, uint64_t account, unsigned max,
                                   enum perr (*each)(void *, const struct others_action *),
                                   void *) PORTAL_WUR;

#endif
