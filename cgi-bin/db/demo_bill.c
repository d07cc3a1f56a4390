/*
 * db/demo_bill.c: what the demo's billing system reads (meters, their
 * readings, the month's ledger rows) and writes (the rows' volumes and
 * charges, and their lines by zone and tier).
 */
#include <stdint.h>

#include "core/arena.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/demo_bill.h"
#include "db/month_readings.h"

/* A register's readings the month bills (in it, and before it), as a receipt's back shows them. */
#define REG(z)                                                                              \
	READING_IN_MONTH("value", #z, "l.period") ", " READING_BEFORE("value", #z, "l.period")

static struct db_stmt meters = {
	"demo_bill.meters",
	"SELECT m.id, m.account_id, m.service_id, COALESCE(m.plan_id, 0), m.zones, m.digits, "
	"m.decimals, a.residents, a.household, l.tariff, " REG(0) ", " REG(1) ", " REG(2) " "
	"FROM meters m JOIN accounts a ON a.id = m.account_id "
	"JOIN ledger l ON l.account_id = m.account_id AND l.period = ? AND l.service_id = m.service_id "
	"WHERE m.account_id BETWEEN ? AND ? AND m.removed_on IS NULL "
	"AND NOT EXISTS (SELECT 1 FROM ledger n WHERE n.account_id = m.account_id "
	"AND n.period > l.period) ORDER BY m.account_id, m.service_id, m.id",
	NULL, 0, NULL};

static struct db_stmt bill = {
	"demo_bill.bill",
	"UPDATE ledger SET tariff = ?, quantity = ?, accrued = ?, "
	"closing = opening + ? + corrections - paid "
	"WHERE account_id = ? AND period = ? AND service_id = ?",
	NULL, 0, NULL};

static struct db_stmt lines_clear = {
	"demo_bill.lines_clear",
	"DELETE FROM ledger_lines WHERE account_id = ? AND period = ? AND service_id = ?", NULL, 0,
	NULL};

static struct db_stmt line_add = {
	"demo_bill.line_add",
	"INSERT INTO ledger_lines (account_id, period, service_id, zone, tier, tariff, quantity, "
	"amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	NULL, 0, NULL};

#define READ_COLS 10 /* the first of the six readings' columns */

struct meter_iter {
	struct demo_meter m;
	const struct db_col *c;
	enum perr (*each)(void *, const struct demo_meter *);
	void *ctx;
};

static enum perr meter_row(void *p)
{
	struct meter_iter *it = p;
	unsigned z;

	/* A reading that is not there is NULL: -1 says so. */
	for (z = 0; z < 3; z++) {
		if (it->c[READ_COLS + 2 * z].is_null)
			it->m.curr[z] = -1;
		if (it->c[READ_COLS + 2 * z + 1].is_null)
			it->m.prev[z] = -1;
	}
	return it->each(it->ctx, &it->m);
}

enum perr db_demo_meters(struct arena *ar, uint64_t first, uint64_t last, month_t mon,
			 enum perr (*each)(void *, const struct demo_meter *), void *ctx)
{
	struct meter_iter it = {.each = each, .ctx = ctx};
	struct demo_meter *m = &it.m;
	char d[11];
	struct db_col c[] = {
		DBC_U64(&m->id),       DBC_U64(&m->account),   DBC_U64(&m->service),
		DBC_U64(&m->plan),     DBC_UINT(&m->zones),    DBC_UINT(&m->digits),
		DBC_UINT(&m->decimals), DBC_UINT(&m->residents), DBC_STR(&m->household),
		DBC_INT(&m->rate),     DBC_INT(&m->curr[0]),   DBC_INT(&m->prev[0]),
		DBC_INT(&m->curr[1]),  DBC_INT(&m->prev[1]),   DBC_INT(&m->curr[2]),
		DBC_INT(&m->prev[2]),
	};

	it.c = c;
	month_date(mon, d);
	return db_rows(ar, &meters,
		       (struct db_arg[]){DBA_STR(d), DBA_U64(first), DBA_U64(last)}, 3, c,
		       sizeof(c) / sizeof(c[0]), meter_row, &it);
}

enum perr db_demo_bill(uint64_t account, month_t mon, uint64_t service, money_t rate,
		       long long quantity, money_t accrued)
{
	char d[11];
	enum perr e;

	month_date(mon, d);
	e = db_exec(&bill,
		    (struct db_arg[]){DBA_INT(rate), DBA_INT(quantity), DBA_INT(accrued),
				      DBA_INT(accrued), DBA_U64(account), DBA_STR(d),
				      DBA_U64(service)},
		    7, NULL, NULL);
	return e != PERR_OK ? e
			    : db_exec(&lines_clear,
				      (struct db_arg[]){DBA_U64(account), DBA_STR(d), DBA_U64(service)},
				      3, NULL, NULL);
}

enum perr db_demo_line(uint64_t account, month_t mon, uint64_t service, unsigned zone,
		       unsigned tier, money_t price, long long quantity, money_t amount)
{
	char d[11];

	month_date(mon, d);
	return db_exec(&line_add,
		       (struct db_arg[]){DBA_U64(account), DBA_STR(d), DBA_U64(service),
					 DBA_INT(zone), DBA_INT(tier), DBA_INT(price),
					 DBA_INT(quantity), DBA_INT(amount)},
		       8, NULL, NULL);
}
