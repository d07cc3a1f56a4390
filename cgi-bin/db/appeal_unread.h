/* db/appeal_unread.h: how many of a subscriber's appeals have news for them (every page's menu). */
#ifndef DB_APPEAL_UNREAD_H
#define DB_APPEAL_UNREAD_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/* Appeals changed since the subscriber last looked at them. */
enum perr db_appeals_unread(struct arena *, uint64_t subscriber, long long *n) PORTAL_WUR;

#endif
