/*
 * web/signin_limit.h: the limits on password tries, for subscribers and
 * staff alike.  Each try is counted, before the password is checked, against
 * the address it comes from and against the login, or, from a browser that
 * signed in to that login before, against that browser alone: failures from
 * elsewhere never lock its owner out.
 */
#ifndef WEB_SIGNIN_LIMIT_H
#define WEB_SIGNIN_LIMIT_H

#include <stdint.h>

#include "core/attrs.h"
#include "core/perr.h"
#include "db/throttle.h"
#include "web/req.h"

struct signin_subject {
	struct throttle_key addr; /* the address the try comes from */
	struct throttle_key who;  /* the login, or the browser known to it */
};

/* The cookie naming a browser that has signed in (a token; its hash is stored). */
#define DEVICE_COOKIE "dev"

/* A counter's key: BLAKE2b-256 of "scope:value". */
void throttle_key_of(struct throttle_key *, const char *scope, const char *value);

/* A subscriber's try; device_hash (or NULL) is the browser's, when it is known to the login. */
void signin_subject_subscriber(const struct req *, const char *login,
			       const unsigned char *device_hash, struct signin_subject *);
void signin_subject_staff(const struct req *, const char *login, struct signin_subject *);

/*
 * Counts one try against both, atomically.  *wait is 0 to go on, else the
 * seconds until a try is taken again (Retry-After is set).  A try refused
 * by a running lock changes no counter.
 */
enum perr signin_try(struct req *, const struct signin_subject *, long long *wait) PORTAL_WUR;
/* The password was right: the login's (or browser's) count starts again, and
 * this try is not held against the address. */
enum perr signin_passed(const struct signin_subject *) PORTAL_WUR;

/* One counter alone (a subscriber linking accounts), by the same rule, atomically. */
enum perr limit_try(struct req *, const struct throttle_key *, const struct throttle_policy *,
		    long long *wait) PORTAL_WUR;

#endif
