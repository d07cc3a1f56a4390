/* billing/reading.h: meter readings arithmetic. */
#ifndef BILLING_READING_H
#define BILLING_READING_H

#include "core/attrs.h"

/*
 * Consumption between two readings of a register with digits whole digits
 * and scale decimals, values in 10^-scale units.  A current reading below the
 * previous one is a rollover only when the subscriber confirmed it, and only
 * if it implies less than half the register's range.  -1 otherwise.
 */
int reading_consumption(long long prev, long long curr, unsigned digits, unsigned scale,
			int rollover, long long *out) PORTAL_WUR;
/* 1 if value (10^-scale units) can show on a register of digits whole digits. */
int reading_fits(long long value, unsigned digits, unsigned scale);
/* A meter replaced mid-period: the old one's run to its final reading plus the new one's. */
int reading_replaced(long long old_prev, long long old_final, long long new_initial,
		     long long new_curr, long long *out) PORTAL_WUR;

/*
 * A register's recent consumption, for the "unusually high" warning: its
 * accepted readings fed in order of day, and of entry within a day.  Each
 * reading is a step from the last one entered on the latest earlier day,
 * modulo the register's range (it may pass zero in between), so that a
 * register that went round still counts what it used.  Zero-initialise.
 */
struct reading_steps {
	long long used;                     /* over all the steps, in 10^-scale units */
	long long from;                     /* the day the first step starts from */
	long long to;                       /* the day the last step ends on */
	int steps;                          /* 0: too few readings to say */
	int seen;                           /* internal: a reading was fed */
	long long day;                      /* internal: the day of the last reading fed */
	long long value;                    /* internal: the last value entered on it */
	int before;                         /* internal: there is an earlier day */
	long long before_day, before_value; /* internal: its day, and its last value */
};

/* One reading (day: days since 1970-01-01).  -1 if the register's size is out of range. */
int reading_steps_add(struct reading_steps *, long long day, long long value, unsigned digits,
                      unsigned scale) PORTAL_WUR;
/* The days the steps span: 0 when there are none. */
long long reading_steps_days(const struct reading_steps *);

#endif
