/* db/alert.h: the balance a subscriber wants to hear of an account falling under (sql/051). */
#ifndef DB_ALERT_H
#define DB_ALERT_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/money.h"
#include "core/perr.h"

/* The threshold set on account; *set 0 if none. */
enum perr db_alert_get(struct arena *, uint64_t subscriber, uint64_t account, money_t *threshold,
                       int *set) PORTAL_WUR;
/* Set it (armed: told again when the balance is under it), in a transaction of its own. */
enum perr db_alert_set(uint64_t subscriber, uint64_t account, money_t threshold) PORTAL_WUR;
enum perr db_alert_clear(uint64_t subscriber, uint64_t account) PORTAL_WUR;

#endif
