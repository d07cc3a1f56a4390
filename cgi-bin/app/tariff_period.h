/* app/tariff_period.h: the tariffs of a plan over a period, VAT resolved. */
#ifndef APP_TARIFF_PERIOD_H
#define APP_TARIFF_PERIOD_H

#include <stddef.h>
#include <stdint.h>

#include "billing/tariff.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/date.h"
#include "core/perr.h"

/*
 * The parts of plan's versions covering [from, to], each with the VAT rate
 * in force on its days: what tariff_charge() takes.  out has room for
 * TARIFF_PARTS.  PERR_TOO_LARGE when the period crosses more changes than
 * that; PERR_NOT_FOUND when a by-date version has no rate on a day of it.
 */
enum perr tariff_period(struct arena *, uint64_t plan, day_t from, day_t to, struct tariff *out,
			size_t *n) PORTAL_WUR;

#endif
