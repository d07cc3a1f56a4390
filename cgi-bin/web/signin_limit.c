/* web/signin_limit.c: the sign-in limits (see the header), applied with core/throttle's rule. */
#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/throttle.h"
#include "db/db.h"
#include "db/throttle.h"
#include "web/req.h"
#include "web/signin_limit.h"

/* Locks double from the configured window up to 16 times it. */
#define MAX_LEVEL 4

void throttle_key_of(struct throttle_key *k, const char *scope, const char *value)
{
	char buf[320];
	int n = snprintf(buf, sizeof(buf), "%s:%s", scope, value);

	k->scope = scope;
	/* A longer value than fits is cut: logins and addresses are far shorter. */
	token_hash((const unsigned char *)buf, n < 0 ? 0 : (size_t)n >= sizeof(buf) ? sizeof(buf) - 1
									     : (size_t)n,
		   k->k);
}

void signin_subject_subscriber(const struct req *r, const char *login,
			       const unsigned char *device_hash, struct signin_subject *s)
{
	throttle_key_of(&s->addr, "address", r->remote_addr);
	if (device_hash != NULL) {
		s->who.scope = "device";
		memcpy(s->who.k, device_hash, 32);
	} else {
		throttle_key_of(&s->who, "login", login);
	}
}

void signin_subject_staff(const struct req *r, const char *login, struct signin_subject *s)
{
	throttle_key_of(&s->addr, "staff-ip", r->remote_addr);
	throttle_key_of(&s->who, "staff", login);
}

static void policy_of(const struct throttle_key *k, struct throttle_policy *p)
{
	int by_address = strcmp(k->scope, "address") == 0 || strcmp(k->scope, "staff-ip") == 0;

	p->max_tries = by_address ? cfg.login_max_fail_ip : cfg.login_max_fail_login;
	p->window = cfg.login_window;
	p->lock_base = cfg.login_window;
	p->max_level = MAX_LEVEL;
}

/*
 * One try against n counters (n <= 2), in the order given (address first,
 * then login: two tries never wait for each other in a circle).  *wait is
 * the longest lock met or started, *refused_by the key of it.  A refused
 * try counts nowhere; only a lock it starts is kept.
 */
static enum perr take_once(struct req *r, const struct throttle_key *const *keys,
			   const struct throttle_policy *policies, int n, long long *wait,
			   int *refused_by)
{
	struct throttle_state st[2];
	long long w[2];
	int changed[2], i, any = 0;
	char after[24];
	enum perr e;

	*wait = 0;
	for (i = 0; i < n; i++)
		if ((e = db_throttle_ensure(keys[i])) != PERR_OK)
			return e;
	if ((e = db_begin()) != PERR_OK)
		return e;
	for (i = 0; i < n; i++) {
		if ((e = db_throttle_lock(r->arena, keys[i], &st[i])) != PERR_OK)
			goto fail;
		w[i] = throttle_try(&policies[i], &st[i], &changed[i]);
		any |= w[i] > 0;
	}
	for (i = 0; i < n; i++) {
		if (changed[i] && (!any || w[i] > 0) &&
		    (e = db_throttle_save(keys[i], &st[i])) != PERR_OK)
			goto fail;
		if (w[i] > *wait) {
			*wait = w[i];
			*refused_by = i;
		}
	}
	if ((e = db_commit()) != PERR_OK)
		goto fail;
	if (*wait > 0) {
		snprintf(after, sizeof(after), "%lld", *wait);
		if (req_header(r, "Retry-After", after) != 0)
			return PERR_NOMEM;
	}
	return PERR_OK;
fail:
	db_rollback();
	return e;
}

/*
 * take_once, again when its transaction was refused for a conflict: a
 * deadlock, or on a Galera cluster two tries of one login on two nodes at
 * once, where the second to commit fails certification instead of waiting
 * for the first's row lock.  Nothing but the rolled-back rows was done.
 */
#define TAKE_TRIES 4
static enum perr take(struct req *r, const struct throttle_key *const *keys,
		      const struct throttle_policy *policies, int n, long long *wait,
		      int *refused_by)
{
	enum perr e = PERR_BUSY;
	int i;

	for (i = 0; i < TAKE_TRIES && e == PERR_BUSY; i++)
		if ((e = take_once(r, keys, policies, n, wait, refused_by)) == PERR_BUSY &&
		    i + 1 < TAKE_TRIES)
			db_retry_pause((unsigned)i + 1);
	return e;
}

enum perr signin_try(struct req *r, const struct signin_subject *s, long long *wait)
{
	const struct throttle_key *keys[2] = {&s->addr, &s->who};
	struct throttle_policy p[2];
	int by = 0;
	enum perr e;

	policy_of(keys[0], &p[0]);
	policy_of(keys[1], &p[1]);
	if ((e = take(r, keys, p, 2, wait, &by)) == PERR_OK && *wait > 0)
		log_msg(LOG_WARN, "sign-in refused: %s locked for %llds", keys[by]->scope, *wait);
	return e;
}

enum perr signin_passed(const struct signin_subject *s)
{
	enum perr e;

	if ((e = db_throttle_clear(&s->who)) != PERR_OK)
		return e;
	return db_throttle_give_back(&s->addr);
}

enum perr limit_try(struct req *r, const struct throttle_key *key,
		    const struct throttle_policy *p, long long *wait)
{
	int by = 0;

	return take(r, &key, p, 1, wait, &by);
}
