/* core/date.h: calendar days. */
#ifndef CORE_DATE_H
#define CORE_DATE_H

#include <stdint.h>
#include <stddef.h>

#include "core/attrs.h"

/* A calendar day as days since 1970-01-01 (proleptic Gregorian). */
typedef int32_t day_t;

day_t day_from_civil(int year, int month, int mday);
void day_to_civil(day_t, int *year, int *month, int *mday);
/* "2026-03-05"; years 2000..2099; -1 on anything else. */
int day_parse(const char *, size_t, day_t *) PORTAL_WUR;
/* The same, or DD.MM.YYYY: what billing systems write. */
int day_parse_file(const char *, size_t, day_t *) PORTAL_WUR;
/* 1 if the text is YYYY-MM-DD naming a day that exists, whatever its year. */
int day_exists(const char *, size_t);
/* "2026-03-05" into buf (11 bytes). */
void day_format(day_t, char buf[11]);
/* Today in UTC. */
day_t day_today(void);
/* Today where tz is (an organization's zone); tz NULL or invalid: the process's zone. */
day_t day_today_in(const char *tz);
/* The hour of the day (0..23) there now, as day_today_in() picks the zone; -1 if unknown. */
int hour_now_in(const char *tz);
/*
 * An instant the database wrote in UTC ("2026-11-22T18:05:09Z") in the local
 * time zone, with its offset: "2026-11-22T21:05:09+03:00" into out (26
 * bytes).  -1 if it is not such an instant.  The zone is the process's
 * (time_zone_use()).
 */
int instant_local(const char *utc, char out[26]) PORTAL_WUR;
/* Show times in tz (a tz database name: time_zone_valid()). */
void time_zone_use(const char *tz);
/* 1 if tz names a zone this system has ("Europe/Moscow"), never a path of its own. */
int time_zone_valid(const char *tz);
/*
 * instant_local() in another zone (an organization's): tz NULL, invalid or
 * the process's own is the process's zone.  The process's zone is put back.
 */
int instant_local_in(const char *utc, const char *tz, char out[26]) PORTAL_WUR;
/*
 * The first instant of day d in zone tz (NULL or invalid: the process's), in
 * UTC as "YYYY-MM-DD HH:MM:SS": where a day of a period asked for in an
 * organization's time zone begins in the tables.  0, or -1.
 */
int day_start_utc_in(day_t d, const char *tz, char out[20]) PORTAL_WUR;
/* Days in that month of that year. */
unsigned month_length(int year, int month);

#endif
