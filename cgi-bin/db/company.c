/* db/company.c: an account's company (sql/052).  The pages check the holder's right first. */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/company.h"
#include "db/db.h"

static struct db_stmt get = {
        "company.get",
        "SELECT name, tax_id, kpp, legal_address FROM account_companies WHERE account_id = ?", NULL,
        0, NULL};

static struct db_stmt clear = {"company.clear",
                               "DELETE FROM account_companies WHERE account_id = ?", NULL, 0, NULL};

static struct db_stmt insert = {
        "company.insert",
        "INSERT INTO account_companies (account_id, name, tax_id, kpp, legal_address, set_by, "
        "set_at) VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
        NULL, 0, NULL};

enum perr db_company_get(struct arena *ar, uint64_t account, struct company *c, int *found)
{
	struct db_col col[] = {DBC_STR(&c->name), DBC_STR(&c->tax_id), DBC_STR(&c->kpp),
	                       DBC_STR(&c->legal_address)};
	enum perr e = db_row(ar, &get, (struct db_arg[]){DBA_U64(account)}, 1, col, 4);

	*found = e == PERR_OK;
	return e == PERR_NOT_FOUND ? PERR_OK : e;
}

enum perr db_company_set(uint64_t account, const struct company *c, uint64_t set_by)
{
	struct db_arg a[] = {DBA_U64(account),          DBA_STR(c->name),
	                     DBA_STR(c->tax_id),        c->kpp ? DBA_STR(c->kpp) : DBA_NULL,
	                     DBA_STR(c->legal_address), DBA_U64(set_by)};
	enum perr e;

	if ((e = db_begin()) != PERR_OK)
		return e;
	if ((e = db_exec(&clear, a, 1, NULL, NULL)) != PERR_OK ||
	    (e = db_exec(&insert, a, 6, NULL, NULL)) != PERR_OK || (e = db_commit()) != PERR_OK) {
		db_rollback();
		return e;
	}
	return PERR_OK;
}

enum perr db_company_clear(uint64_t account)
{
	return db_exec(&clear, (struct db_arg[]){DBA_U64(account)}, 1, NULL, NULL);
}
