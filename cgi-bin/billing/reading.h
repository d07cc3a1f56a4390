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

#endif
