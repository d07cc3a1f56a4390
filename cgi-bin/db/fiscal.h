/* db/fiscal.h: the fiscal receipts of online payments (sql/053). */
#ifndef DB_FISCAL_H
#define DB_FISCAL_H

#include <stdint.h>

#include "billing/fiscal.h"
#include "core/attrs.h"
#include "core/perr.h"

struct arena;

/* Kept once: a second save of the same payment's receipt changes nothing (added 0). */
enum perr db_fiscal_save(uint64_t online, const struct fiscal_receipt *,
                         unsigned long long *added) PORTAL_WUR;
/* PERR_NOT_FOUND while the payment has none. */
enum perr db_fiscal_get(struct arena *, uint64_t online, struct fiscal_receipt *) PORTAL_WUR;

/* A succeeded payment of the last three days still without its receipt. */
struct fiscal_missing {
	uint64_t online, subscriber;
	const char *provider, *provider_id;
};
/* Those not asked about within the last minutes, by id after `after`. */
enum perr db_fiscal_missing(struct arena *, unsigned minutes, uint64_t after, unsigned limit,
                            enum perr (*each)(void *, const struct fiscal_missing *),
                            void *) PORTAL_WUR;
enum perr db_fiscal_asked(uint64_t online) PORTAL_WUR;

#endif
