/* core/throttle.h: how many tries, how long a lock: the rule, without storage. */
#ifndef CORE_THROTTLE_H
#define CORE_THROTTLE_H

struct throttle_policy {
	unsigned max_tries; /* tries allowed in a window */
	unsigned window;    /* seconds in which tries count */
	unsigned lock_base; /* seconds of the first lock; each next one doubles */
	unsigned max_level; /* doubling stops after this many */
};

/* One counter as read from storage; times in seconds relative to now. */
struct throttle_state {
	unsigned tries;
	long long window_age; /* seconds since the window began */
	long long lock_left;  /* seconds of a running lock, 0 if none */
	long long since_lock; /* seconds since the last lock ended, -1 if never locked */
	unsigned level;       /* locks so far, for the back-off */
};

/* A day after the last lock ended, the back-off starts again from the first. */
#define THROTTLE_LEVEL_RESET 86400

/*
 * One more try.  Returns 0 when it may go on (and *s counts it), else the
 * seconds to wait.  A try refused by a running lock leaves *s as it was
 * (*changed = 0): refusals never make a lock longer.  The try that would
 * pass max_tries starts a lock of lock_base << level seconds and is refused.
 */
long long throttle_try(const struct throttle_policy *, struct throttle_state *s, int *changed);

#endif
