/* db/demo_bill.h: the demo's billing system's reads and writes (tools/kabinet-demo-bill.c). */
#ifndef DB_DEMO_BILL_H
#define DB_DEMO_BILL_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"

/* A meter of a billed service, with the ledger row it bills and its registers' readings. */
struct demo_meter {
	uint64_t id, account, service, plan; /* plan 0: the ledger's own rate */
	unsigned zones, digits, decimals, residents;
	const char *household;
	money_t rate; /* the ledger row's rate: a price */
	long long prev[3], curr[3]; /* the last accepted before the month and in it; -1: none */
};

/*
 * The meters of accounts first..last billed in month, where month is the
 * account's last in the ledger (a later month's opening would not follow).
 */
enum perr db_demo_meters(struct arena *, uint64_t first, uint64_t last, month_t,
			 enum perr (*each)(void *, const struct demo_meter *), void *) PORTAL_WUR;
/* The ledger row's volume, rate and charge, its closing rolled forward; its lines cleared. */
enum perr db_demo_bill(uint64_t account, month_t, uint64_t service, money_t rate,
		       long long quantity, money_t accrued) PORTAL_WUR;
/* A line of the row (sql/045): one per zone, tier and price. */
enum perr db_demo_line(uint64_t account, month_t, uint64_t service, unsigned zone, unsigned tier,
		       money_t price, long long quantity, money_t amount) PORTAL_WUR;

#endif
