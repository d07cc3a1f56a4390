/* db/tariff.h: tariff plans and versions. */
#ifndef DB_TARIFF_H
#define DB_TARIFF_H

#include "billing/tariff.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/date.h"
#include "core/lang.h"
#include "core/perr.h"

struct tariff_plan {
	uint64_t id;
	const char *name;
	unsigned zones;
};

/* Organizations with tariffs anyone may see. */

enum perr db_tariff_plans(struct arena *, uint64_t org, int with_private, enum lang,
                          enum perr (*each)(void *, const struct tariff_plan *), void *) PORTAL_WUR;
/* The versions of a plan valid on any day of [from, to], by date, with prices and
 * limits: at most max, *n of them (PERR_TOO_LARGE if there are more); and the VAT
 * rates of the plan's organization's country in force from some day up to to, by
 * date: the last rmax of them, *nr.  One statement. */
enum perr db_tariffs(struct arena *, uint64_t plan, day_t from, day_t to, struct tariff *,
                     size_t max, size_t *n, struct vat_rate *, size_t rmax, size_t *nr) PORTAL_WUR;

/* A meter on a linked account, with what the readings form needs. */

#endif
