/* core/decimal.h: exact decimal numbers as written in files. */
#ifndef CORE_DECIMAL_H
#define CORE_DECIMAL_H

#include <stddef.h>

#include "core/arena.h"
#include "core/attrs.h"

/*
 * "1234", "-12,5", "1 234.500" into an integer of scale decimals
 * (12.345 at scale 3 = 12345).  The decimal mark is a point or a comma;
 * spaces (and no-break spaces) may group digits.  More decimals than scale
 * are refused unless they are zeros; so is anything past 10^15.  -1 on
 * anything else.
 */
int decimal_parse(const char *, size_t, unsigned scale, int allow_negative, long long *) PORTAL_WUR;
/* The other way: 12345 with 3 decimals is "12.345", with 0 "12345", -50
 * with 2 "-0.50".  In the arena; NULL if it is full. */
const char *decimal_text(struct arena *, long long, unsigned decimals);

#endif
