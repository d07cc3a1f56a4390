/*
 * doc/chart.c: bar heights for the dashboard's chart.  The stylesheet used
 * to compute them per month (five variables and ten attribute templates, two
 * thirds of the home page's transform, issue 22); XSLT has only doubles, so
 * the arithmetic here is done in doubles in the same order to give the same
 * numbers.
 */
#include <math.h>

#include "doc/chart.h"

/* libxml2's xmlXPathRoundFunction: the nearest integer, a half rounded up. */
static double xpath_round(double f)
{
	double r;

	if (f >= -0.5 && f < 0.5)
		return 0;
	r = floor(f);
	return f - r >= 0.5 ? r + 1.0 : r;
}

long chart_bar_height(money_t value, money_t max)
{
	double scale;

	if (value <= 0 || max <= 0)
		return 0;
	scale = (double)CHART_BAR_MAX / (double)max; /* 190 div @max */
	return (long)xpath_round((double)value * scale);
}
