/*
 * reading.c: consumption from meter readings (domain.md 1c).  A register
 * that passed its last digit starts again from zero; that is accepted only
 * when the subscriber says so, and only when it implies less than half the
 * register's range, since a smaller number is far more often a typing slip.
 */

#include "billing/reading.h"

/* 10^(digits + scale): one past the largest value the register shows; 0 if out of range. */
static long long register_range(unsigned digits, unsigned scale)
{
	long long range = 1;
	unsigned i;

	if (digits < 1 || digits > 12 || scale > 3)
		return 0;
	for (i = 0; i < digits + scale; i++)
		range *= 10;
	return range;
}

int reading_fits(long long value, unsigned digits, unsigned scale)
{
	return value >= 0 && value < register_range(digits, scale);
}

int reading_consumption(long long prev, long long curr, unsigned digits, unsigned scale,
			int rollover, long long *out)
{
	long long range = register_range(digits, scale), c;

	if (range == 0 || prev < 0 || curr < 0 || prev >= range || curr >= range)
		return -1;
	if (curr >= prev) {
		*out = curr - prev;
		return 0;
	}
	c = range - prev + curr;
	if (!rollover || c * 2 > range)
		return -1;
	*out = c;
	return 0;
}

int reading_replaced(long long old_prev, long long old_final, long long new_initial,
		     long long new_curr, long long *out)
{
	if (old_prev < 0 || old_final < old_prev || new_initial < 0 || new_curr < new_initial)
		return -1;
	*out = (old_final - old_prev) + (new_curr - new_initial);
	return 0;
}

int reading_steps_add(struct reading_steps *s, long long day, long long value, unsigned digits,
                      unsigned scale)
{
	long long range = register_range(digits, scale);

	if (range == 0)
		return -1;
	if (s->seen && day != s->day) {
		s->before = 1;
		s->before_day = s->day;
		s->before_value = s->value;
	}
	s->seen = 1;
	s->day = day;
	s->value = value;
	if (!s->before)
		return 0;
	s->used += ((value - s->before_value) % range + range) % range;
	if (s->steps++ == 0)
		s->from = s->before_day;
	s->to = day;
	return 0;
}

long long reading_steps_days(const struct reading_steps *s)
{
	return s->steps ? s->to - s->from : 0;
}
