/* db/alert.c: balance alerts (sql/051).  The page checks the right to view first. */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/alert.h"
#include "db/db.h"

static struct db_stmt get = {
        "alert.get",
        "SELECT threshold FROM balance_alerts WHERE subscriber_id = ? AND account_id = ?", NULL, 0,
        NULL};

static struct db_stmt clear = {
        "alert.clear", "DELETE FROM balance_alerts WHERE subscriber_id = ? AND account_id = ?",
        NULL, 0, NULL};

static struct db_stmt insert = {
        "alert.insert",
        "INSERT INTO balance_alerts (subscriber_id, account_id, threshold, below, set_at) "
        "VALUES (?, ?, ?, 0, UTC_TIMESTAMP(6))",
        NULL, 0, NULL};

enum perr db_alert_get(struct arena *ar, uint64_t subscriber, uint64_t account, money_t *threshold,
                       int *set)
{
	struct db_col c[] = {DBC_INT(threshold)};
	enum perr e =
	        db_row(ar, &get, (struct db_arg[]){DBA_U64(subscriber), DBA_U64(account)}, 2, c, 1);

	*set = e == PERR_OK;
	return e == PERR_NOT_FOUND ? PERR_OK : e;
}

enum perr db_alert_set(uint64_t subscriber, uint64_t account, money_t threshold)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_U64(account), DBA_INT(threshold)};
	enum perr e;

	if ((e = db_begin()) != PERR_OK)
		return e;
	if ((e = db_exec(&clear, a, 2, NULL, NULL)) != PERR_OK ||
	    (e = db_exec(&insert, a, 3, NULL, NULL)) != PERR_OK || (e = db_commit()) != PERR_OK) {
		db_rollback();
		return e;
	}
	return PERR_OK;
}

enum perr db_alert_clear(uint64_t subscriber, uint64_t account)
{
	return db_exec(&clear, (struct db_arg[]){DBA_U64(subscriber), DBA_U64(account)}, 2, NULL,
	               NULL);
}
