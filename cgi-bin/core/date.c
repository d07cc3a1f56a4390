/*
 * date.c: calendar days as integers (days since 1970-01-01), so that a
 * period's length and its overlap with a tariff's validity are subtraction.
 * The conversion is Howard Hinnant's days_from_civil.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/date.h"

day_t day_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (day_t)(era * 146097 + doe - 719468);
}

unsigned month_length(int y, int m)
{
	static const unsigned char days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && leap);
}

/* "YYYY-MM-DD" naming a day that exists, in any year, into v: 0 or -1. */
static int civil_parse(const char *s, size_t len, int v[3])
{
	static const int at[3] = {0, 5, 8}, n[3] = {4, 2, 2};
	size_t f, i;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (f = 0; f < 3; f++)
		for (v[f] = 0, i = 0; i < (size_t)n[f]; i++) {
			char c = s[at[f] + i];

			if (c < '0' || c > '9')
				return -1;
			v[f] = v[f] * 10 + (c - '0');
		}
	return v[1] < 1 || v[1] > 12 || v[2] < 1 || (unsigned)v[2] > month_length(v[0], v[1]) ? -1
														    : 0;
}

int day_parse(const char *s, size_t len, day_t *out)
{
	int v[3];

	if (civil_parse(s, len, v) != 0 || v[0] < 2000 || v[0] > 2099)
		return -1;
	*out = day_from_civil(v[0], v[1], v[2]);
	return 0;
}

int day_parse_file(const char *s, size_t len, day_t *out)
{
	char iso[10];

	/* DD.MM.YYYY, rearranged into the ISO form day_parse() checks. */
	if (len == 10 && s[2] == '.' && s[5] == '.') {
		memcpy(iso, s + 6, 4);
		iso[4] = '-';
		memcpy(iso + 5, s + 3, 2);
		iso[7] = '-';
		memcpy(iso + 8, s, 2);
		return day_parse(iso, sizeof(iso), out);
	}
	return day_parse(s, len, out);
}

int day_exists(const char *s, size_t len)
{
	int v[3];

	return civil_parse(s, len, v) == 0;
}

void day_to_civil(day_t z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

void day_format(day_t day, char buf[11])
{
	int y, m, d;

	day_to_civil(day, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", y % 10000 < 0 ? 0 : y % 10000, m, d);
}

day_t day_today(void)
{
	return (day_t)(time(NULL) / 86400);
}

/* The zone time_zone_use() set: what instant_local_in() returns to. */
static char process_zone[64];

void time_zone_use(const char *tz)
{
	snprintf(process_zone, sizeof(process_zone), "%s", tz);
	setenv("TZ", tz, 1);
	tzset();
}

int time_zone_valid(const char *tz)
{
	char file[128];
	const char *p;

	if (tz == NULL || *tz == '\0' || *tz == '/' || strlen(tz) > 63 || strstr(tz, "..") != NULL)
		return 0;
	for (p = tz; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '/' || *p == '_' || *p == '-' || *p == '+'))
			return 0;
	snprintf(file, sizeof(file), "/usr/share/zoneinfo/%s", tz);
	return access(file, R_OK) == 0;
}

/* The local calendar day of now in the zone TZ currently names. */
static day_t local_today(void)
{
	struct tm t;
	time_t now = time(NULL);

	if (localtime_r(&now, &t) == NULL)
		return day_today();
	return day_from_civil(t.tm_year + 1900, t.tm_mon + 1, t.tm_mday);
}

/* Into zone tz for a moment: 1 if switched (zone_back() then), 0 if the
 * process's own zone stands (tz NULL, invalid, or that zone). */
static int zone_into(const char *tz)
{
	if (tz == NULL || strcmp(tz, process_zone) == 0 || !time_zone_valid(tz))
		return 0;
	setenv("TZ", tz, 1);
	tzset();
	return 1;
}

static void zone_back(void)
{
	if (process_zone[0])
		setenv("TZ", process_zone, 1);
	else
		unsetenv("TZ");
	tzset();
}

day_t day_today_in(const char *tz)
{
	int switched = zone_into(tz);
	day_t d = local_today();

	if (switched)
		zone_back();
	return d;
}

int hour_now_in(const char *tz)
{
	int switched = zone_into(tz);
	struct tm t;
	time_t now = time(NULL);
	int h = localtime_r(&now, &t) != NULL ? t.tm_hour : -1;

	if (switched)
		zone_back();
	return h;
}

int instant_local_in(const char *utc, const char *tz, char out[26])
{
	int switched = zone_into(tz);
	int rc = instant_local(utc, out);

	if (switched)
		zone_back();
	return rc;
}

int day_start_utc_in(day_t d, const char *tz, char out[20])
{
	int switched = zone_into(tz), y, m, dd, rc = -1;
	struct tm t;
	time_t at;

	day_to_civil(d, &y, &m, &dd);
	memset(&t, 0, sizeof(t));
	t.tm_year = y - 1900;
	t.tm_mon = m - 1;
	t.tm_mday = dd;
	t.tm_isdst = -1; /* the zone's rule of that day */
	if ((at = mktime(&t)) != (time_t)-1 && gmtime_r(&at, &t) != NULL &&
	    strftime(out, 20, "%Y-%m-%d %H:%M:%S", &t) == 19)
		rc = 0;
	if (switched)
		zone_back();
	return rc;
}

int instant_local(const char *utc, char out[26])
{
	struct tm t;
	time_t at;
	long off;
	char sign, buf[96];
	int n = 0;

	memset(&t, 0, sizeof(t));
	if (utc == NULL || strlen(utc) != 20 ||
	    sscanf(utc, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &t.tm_year, &t.tm_mon, &t.tm_mday, &t.tm_hour,
		   &t.tm_min, &t.tm_sec, &n) != 6 ||
	    n != 20)
		return -1;
	t.tm_year -= 1900;
	t.tm_mon -= 1;
	if ((at = timegm(&t)) == (time_t)-1 || localtime_r(&at, &t) == NULL)
		return -1;
	off = t.tm_gmtoff / 60;
	sign = off < 0 ? '-' : '+';
	off = off < 0 ? -off : off;
	/* Written wide, then kept only if it has the one shape it can have. */
	if (snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld",
		     t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, sign,
		     off / 60, off % 60) != 25)
		return -1;
	memcpy(out, buf, 26);
	return 0;
}
