/* doc/chart.h: the dashboard chart's geometry, computed once in C. */
#ifndef DOC_CHART_H
#define DOC_CHART_H

#include "core/money.h"

/* The tallest bar, in the SVG's units (xsl/home.xsl draws from a baseline 200 down). */
#define CHART_BAR_MAX 190
/* The width of a month's slot: two bars and the gaps around them. */
#define CHART_SLOT 50

/*
 * A bar's height for value on a scale whose tallest bar is max (max >= 1):
 * value * 190 / max rounded as XPath's round() rounds (halves up), 0 for
 * nothing or less.  The same figure the stylesheet computed before, so the
 * page's bytes did not change when the work moved here.
 */
long chart_bar_height(money_t value, money_t max);

#endif
