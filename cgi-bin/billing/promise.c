/* billing/promise.c: see promise.h. */
#include "billing/promise.h"

enum promise_answer promise_decide(const struct promise_rule *rule, const struct promise_case *c)
{
	if (rule->days == 0)
		return PROMISE_OFF;
	if (c->running)
		return PROMISE_RUNNING;
	if (!c->suspended)
		return PROMISE_ACTIVE;
	if (c->used_this_month)
		return PROMISE_USED;
	if (c->debt > rule->limit)
		return PROMISE_OVER_LIMIT;
	return PROMISE_GIVEN;
}

const char *promise_word(enum promise_answer a)
{
	switch (a) {
	case PROMISE_GIVEN: return "given";
	case PROMISE_OFF: return "off";
	case PROMISE_ACTIVE: return "active";
	case PROMISE_RUNNING: return "running";
	case PROMISE_USED: return "used";
	case PROMISE_OVER_LIMIT: return "over-limit";
	}
	return "off";
}
