/*
 * core/throttle.c: the rule behind the sign-in limits (db/throttle.c keeps
 * the counters, web/signin.c applies the rule to an address and a login).
 */
#include "core/throttle.h"

long long throttle_try(const struct throttle_policy *p, struct throttle_state *s, int *changed)
{
	long long lock;
	unsigned level;

	*changed = 0;
	if (s->lock_left > 0)
		return s->lock_left;
	*changed = 1;
	if (s->level > 0 && s->since_lock > THROTTLE_LEVEL_RESET)
		s->level = 0;
	if (s->window_age >= (long long)p->window) {
		s->tries = 0;
		s->window_age = 0;
	}
	if (s->tries + 1 > p->max_tries) {
		level = s->level < p->max_level ? s->level : p->max_level;
		lock = (long long)p->lock_base << level;
		s->lock_left = lock;
		s->since_lock = -1;
		s->level = s->level < p->max_level ? s->level + 1 : p->max_level;
		s->tries = 0;
		s->window_age = 0;
		return lock;
	}
	s->tries++;
	return 0;
}
