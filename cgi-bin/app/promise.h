/* app/promise.h: asking for a promised payment (sql/054). */
#ifndef APP_PROMISE_H
#define APP_PROMISE_H

#include <stdint.h>

#include "billing/promise.h"
#include "core/attrs.h"
#include "core/lang.h"
#include "core/perr.h"

struct arena;

/*
 * The subscriber asks to enable the account's suspended line of service on
 * a promised payment.  In one transaction, the line locked: the rule decides
 * (billing/promise.h), and a promise given is recorded with who asked and the
 * line shown enabled.  PERR_NOT_FOUND if the account has no such line.
 */
enum perr promise_request(struct arena *, uint64_t subscriber, uint64_t account, uint64_t service,
                          enum promise_answer *) PORTAL_WUR;

/* 1 if a promise asked at `utc` ("YYYY-MM-DDTHH:MM:SSZ", NULL: none) was in this month in tz. */
int promise_this_month(const char *utc, const char *tz);

#endif
