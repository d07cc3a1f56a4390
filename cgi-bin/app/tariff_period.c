/*
 * tariff_period.c: a plan's versions over a period with the law's VAT on
 * each day.  The versions and the rates come from db/tariff.c; the split is
 * billing/tariff.c's, so the calculator and the readings' estimate charge a
 * period the same way.
 */
#include <stdint.h>

#include "app/tariff_period.h"
#include "billing/tariff.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/perr.h"
#include "db/tariff.h"

#define VAT_RATES 8 /* the rates a period of a year can meet, and the one before it */
#define PARTS_ROOM (TARIFF_PARTS * VAT_RATES) /* every version split by every rate */

enum perr tariff_period(struct arena *ar, uint64_t plan, day_t from, day_t to, struct tariff *out,
			size_t *n)
{
	struct tariff *v = arena_alloc(ar, sizeof(*v) * TARIFF_PARTS);
	struct tariff *parts = arena_alloc(ar, sizeof(*parts) * PARTS_ROOM);
	struct vat_rate rates[VAT_RATES];
	size_t nv = 0, nr = 0, np = 0, i;
	enum perr e;

	*n = 0;
	if (v == NULL || parts == NULL)
		return PERR_NOMEM;
	e = db_tariffs(ar, plan, from, to, v, TARIFF_PARTS, &nv, rates, VAT_RATES, &nr);
	if (e != PERR_OK)
		return e;
	if (tariff_vat_by_date(v, nv, rates, nr, parts, PARTS_ROOM, &np) != 0)
		return np == PARTS_ROOM ? PERR_TOO_LARGE : PERR_NOT_FOUND;
	/* Only the parts that meet the period: a VAT period of a version before or after it
	 * is no change within it. */
	for (i = 0; i < np; i++) {
		if (parts[i].valid_to < from || parts[i].valid_from > to)
			continue;
		if (*n == TARIFF_PARTS)
			return PERR_TOO_LARGE;
		out[(*n)++] = parts[i];
	}
	return PERR_OK;
}
