/* billing/promise.h: the promised payment's rule (обещанный платёж). */
#ifndef BILLING_PROMISE_H
#define BILLING_PROMISE_H

#include "core/money.h"

/* The organization's rule (sql/054): days 0 is no promised payment at all. */
struct promise_rule {
	unsigned days;
	money_t limit; /* the largest debt a promise is given at, minor units */
};

/* The line as it is when a promise is asked for. */
struct promise_case {
	int suspended;       /* the billing system has suspended the line */
	int running;         /* a promise given earlier has not ended */
	int used_this_month; /* one was given in this calendar month (the organization's) */
	money_t debt;        /* what the account owes; negative is paid ahead */
};

enum promise_answer {
	PROMISE_GIVEN,
	PROMISE_OFF,        /* the organization gives none */
	PROMISE_ACTIVE,     /* the line is not suspended */
	PROMISE_RUNNING,    /* one is running already */
	PROMISE_USED,       /* once a month, and this month's is used */
	PROMISE_OVER_LIMIT, /* the debt is above the limit */
};

/* The answer to a request, the first reason that refuses it. */
enum promise_answer promise_decide(const struct promise_rule *, const struct promise_case *);
/* "given", "off", "active", "running", "used", "over-limit": the page's and the log's word. */
const char *promise_word(enum promise_answer);

#endif
