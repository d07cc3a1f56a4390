/* db/overview.h: an organization's day and month at a glance, for staff. */
#ifndef DB_OVERVIEW_H
#define DB_OVERVIEW_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

struct overview {
	unsigned org;
	const char *name, *currency;
	long long signups_today, signups_month, signins_today, signins_month;
	long long paid_count, paid_sum, failed_count; /* online, this month */
	long long readings, meters;                   /* readings this month; meters in use */
	long long open_requests, undelivered;
};
/*
 * One row per organization of staff.  day_start and month_start are the
 * starts of today and of this month ("YYYY-MM-DD HH:MM:SS", UTC, the
 * site's day).
 */
enum perr db_overview(struct arena *, uint64_t staff, const char *day_start,
		      const char *month_start, enum perr (*each)(void *, const struct overview *),
		      void *) PORTAL_WUR;

#endif
