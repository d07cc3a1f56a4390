/* db/ledger.h: the ledger's months. */
#ifndef DB_LEDGER_H
#define DB_LEDGER_H

#include "billing/ledger.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"

struct correction {
	month_t month;
	money_t amount;
	const char *reason;
};

enum perr db_ledger_months(struct arena *, uint64_t account, uint64_t service, month_t from,
                           month_t to, enum perr (*each)(void *, const struct ledger_row *),
                           void *) PORTAL_WUR;
enum perr db_corrections(struct arena *, uint64_t account, uint64_t service, month_t from,
                         month_t to, enum perr (*each)(void *, const struct correction *),
                         void *) PORTAL_WUR;

/* A tariff as a subscriber picks it; its dated versions are struct tariff. */

#endif
