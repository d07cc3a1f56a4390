/* Unit tests: instants the database wrote in UTC, shown in the site's time zone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "core/date.h"
#include "core/month.h"

static void local(const char *tz, const char *utc, const char *want)
{
	char out[26];

	time_zone_use(tz);
	assert_int_equal(instant_local(utc, out), 0);
	assert_string_equal(out, want);
}

static void shows_the_zones_own_time_and_offset(void **st)
{
	(void)st;
	local("Europe/Moscow", "2026-11-22T18:05:09Z", "2026-11-22T21:05:09+03:00");
	/* The local day can be the next one. */
	local("Europe/Moscow", "2026-12-31T22:30:00Z", "2027-01-01T01:30:00+03:00");
	local("Asia/Vladivostok", "2026-03-01T00:00:00Z", "2026-03-01T10:00:00+10:00");
	/* Summer time where the zone has it; west of Greenwich the offset is negative. */
	local("Europe/Berlin", "2026-07-01T12:00:00Z", "2026-07-01T14:00:00+02:00");
	local("Europe/Berlin", "2026-01-01T12:00:00Z", "2026-01-01T13:00:00+01:00");
	local("America/St_Johns", "2026-01-01T12:00:00Z", "2026-01-01T08:30:00-03:30");
	local("UTC", "2026-11-22T18:05:09Z", "2026-11-22T18:05:09+00:00");
}

static void refuses_what_is_not_an_instant(void **st)
{
	static const char *const bad[] = {
		"", "2026-11-22", "2026-11-22 18:05:09", "2026-11-22T18:05:09", "2026-11-22T18:05:09+03:00",
		"2026-11-22T18:05:09Zx", "abcd-11-22T18:05:09Z", "2026-1-22T18:05:09Z",
	};
	char out[26];
	size_t i;

	(void)st;
	time_zone_use("Europe/Moscow");
	assert_int_equal(instant_local(NULL, out), -1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(instant_local(bad[i], out), -1);
}

static void an_organizations_zone_and_back(void **st)
{
	char out[26];

	(void)st;
	time_zone_use("Europe/Moscow");
	assert_int_equal(instant_local_in("2026-11-22T18:05:09Z", "Asia/Almaty", out), 0);
	assert_string_equal(out, "2026-11-22T23:05:09+05:00");
	/* The process's zone is back for everything else. */
	assert_int_equal(instant_local("2026-11-22T18:05:09Z", out), 0);
	assert_string_equal(out, "2026-11-22T21:05:09+03:00");
	/* No zone, or one this system does not have, is the process's. */
	assert_int_equal(instant_local_in("2026-11-22T18:05:09Z", NULL, out), 0);
	assert_string_equal(out, "2026-11-22T21:05:09+03:00");
	assert_int_equal(instant_local_in("2026-11-22T18:05:09Z", "Mars/Olympus", out), 0);
	assert_string_equal(out, "2026-11-22T21:05:09+03:00");
	assert_int_equal(instant_local_in("2026-11-22T18:05:09Z", "../../etc/passwd", out), 0);
	assert_string_equal(out, "2026-11-22T21:05:09+03:00");
}

/* The hour there: what the reminders ask before waking anyone. */
static void the_hour_in_a_zone(void **st)
{
	time_t now;
	struct tm t;
	int before, h, utc;

	(void)st;
	time_zone_use("Europe/Moscow");
	now = time(NULL);
	assert_non_null(gmtime_r(&now, &t));
	utc = t.tm_hour;
	h = hour_now_in("Etc/GMT-5"); /* UTC+5, whatever the season */
	/* The hour may turn between the two readings of the clock. */
	assert_true(h == (utc + 5) % 24 || h == (utc + 6) % 24);
	before = hour_now_in("Etc/GMT+10");
	assert_true(before == (utc + 14) % 24 || before == (utc + 15) % 24);
	h = hour_now_in(NULL); /* the process's own, put back after the others */
	assert_true(h == (utc + 3) % 24 || h == (utc + 4) % 24);
	assert_true(hour_now_in("../../etc/passwd") == h || hour_now_in("../../etc/passwd") ==
		    (h + 1) % 24);
}

/* "This month" is the organization's: at 00:30 on the 1st in Moscow, the new one. */
static void this_month_in_a_zone(void **st)
{
	time_t now = time(NULL), there;
	struct tm t;
	int m;

	(void)st;
	there = now - 12 * 3600; /* Etc/GMT+12 is twelve hours behind UTC */
	assert_non_null(gmtime_r(&there, &t));
	m = (t.tm_year + 1900) * 12 + t.tm_mon;
	/* The month may turn between the two readings of the clock. */
	assert_true(month_today_in("Etc/GMT+12") == m || month_today_in("Etc/GMT+12") == m + 1);
	there = now + 14 * 3600;
	assert_non_null(gmtime_r(&there, &t));
	m = (t.tm_year + 1900) * 12 + t.tm_mon;
	assert_true(month_today_in("Etc/GMT-14") == m || month_today_in("Etc/GMT-14") == m + 1);
}

/* A day asked for in a zone begins where the zone's midnight is in UTC. */
static void a_days_start_in_a_zone(void **st)
{
	char out[20];

	(void)st;
	/* Moscow is UTC+3 all year: 1 December begins on 30 November at 21:00 UTC. */
	assert_int_equal(day_start_utc_in(day_from_civil(2026, 12, 1), "Europe/Moscow", out), 0);
	assert_string_equal(out, "2026-11-30 21:00:00");
	assert_int_equal(day_start_utc_in(day_from_civil(2026, 1, 1), "Asia/Almaty", out), 0);
	assert_string_equal(out, "2025-12-31 19:00:00"); /* UTC+5 since March 2024 */
	/* Berlin: +1 in winter, +2 in summer (its rule on that day). */
	assert_int_equal(day_start_utc_in(day_from_civil(2026, 7, 1), "Europe/Berlin", out), 0);
	assert_string_equal(out, "2026-06-30 22:00:00");
	assert_int_equal(day_start_utc_in(day_from_civil(2026, 1, 15), "Europe/Berlin", out), 0);
	assert_string_equal(out, "2026-01-14 23:00:00");
}

static void zone_names_are_names(void **st)
{
	(void)st;
	assert_true(time_zone_valid("Europe/Moscow"));
	assert_true(time_zone_valid("Asia/Almaty"));
	assert_true(time_zone_valid("UTC"));
	assert_false(time_zone_valid(NULL));
	assert_false(time_zone_valid(""));
	assert_false(time_zone_valid("/etc/localtime"));
	assert_false(time_zone_valid("../zoneinfo/UTC"));
	assert_false(time_zone_valid("Europe/Moscow;rm"));
	assert_false(time_zone_valid("Mars/Olympus"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(shows_the_zones_own_time_and_offset),
	        cmocka_unit_test(refuses_what_is_not_an_instant),
	        cmocka_unit_test(an_organizations_zone_and_back),
	        cmocka_unit_test(the_hour_in_a_zone),
	        cmocka_unit_test(this_month_in_a_zone),
	        cmocka_unit_test(zone_names_are_names),
	        cmocka_unit_test(a_days_start_in_a_zone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
