/*
 * month.c: calendar months as integers.  The ledger is kept by month, and a
 * period filter is a pair of them, so "12 months back" and "is this range
 * reversed" are plain arithmetic on year * 12 + (month - 1).
 */
#include <stdio.h>

#include "core/date.h"
#include "core/month.h"

static int digits(const char *s, size_t n, int *out)
{
	size_t i;
	int v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

month_t month_today_in(const char *tz)
{
	int y, m, d;

	day_to_civil(day_today_in(tz), &y, &m, &d);
	return y * 12 + (m - 1);
}

int month_parse(const char *s, size_t len, month_t *out)
{
	int y, m;

	if (len == 7 && s[4] == '-') { /* 2026-10, as <input type="month"> sends it */
		if (digits(s, 4, &y) || digits(s + 5, 2, &m))
			return -1;
	} else if (len == 7 && s[2] == '.') { /* 10.2026 */
		if (digits(s, 2, &m) || digits(s + 3, 4, &y))
			return -1;
	} else {
		return -1;
	}
	if (m < 1 || m > 12 || y < 2000 || y > 2099)
		return -1;
	*out = y * 12 + (m - 1);
	return 0;
}

/* Months outside MONTH_MIN..MONTH_MAX never come from month_parse; clamp anyway. */
static unsigned clamp(month_t m)
{
	return m < MONTH_MIN ? MONTH_MIN : m > MONTH_MAX ? MONTH_MAX : (unsigned)m;
}

void month_format(month_t m, char buf[8])
{
	unsigned u = clamp(m);

	snprintf(buf, 8, "%04u-%02u", (u / 12) % 10000, u % 12 + 1);
}

void month_date(month_t m, char buf[11])
{
	unsigned u = clamp(m);

	snprintf(buf, 11, "%04u-%02u-01", (u / 12) % 10000, u % 12 + 1);
}
