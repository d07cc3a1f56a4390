/* core/month.h: calendar months. */
#ifndef CORE_MONTH_H
#define CORE_MONTH_H

#include <stddef.h>

#include "core/attrs.h"

/* A calendar month as one integer, year * 12 + (month - 1): ranges are arithmetic. */
typedef int month_t;

#define MONTH_MIN (2000 * 12)
#define MONTH_MAX (2099 * 12 + 11)

/* "2026-10" or "10.2026" (what a Russian subscriber types), years 2000..2099. */
int month_parse(const char *, size_t, month_t *) PORTAL_WUR;
/*
 * This month where tz is (an organization's zone, so that a payment at 00:30
 * on the 1st in Moscow is the new month's); tz NULL or invalid: the
 * process's zone, which is the site's.
 */
month_t month_today_in(const char *tz);
/* "2026-10" into buf (8 bytes). */
void month_format(month_t, char buf[8]);
/* "2026-10-01", the DATE the ledger keys a month by, into buf (11 bytes). */
void month_date(month_t, char buf[11]);

#endif
