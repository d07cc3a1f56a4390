/* db/company.h: the company an account belongs to (sql/052). */
#ifndef DB_COMPANY_H
#define DB_COMPANY_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

struct company {
	const char *name, *tax_id, *legal_address;
	const char *kpp; /* NULL if none */
};

/* The account's company; *found 0 if it is a person's. */
enum perr db_company_get(struct arena *, uint64_t account, struct company *, int *found) PORTAL_WUR;
/* Name it (replacing what was), in a transaction of its own; set_by is the holder. */
enum perr db_company_set(uint64_t account, const struct company *, uint64_t set_by) PORTAL_WUR;
enum perr db_company_clear(uint64_t account) PORTAL_WUR;

#endif
