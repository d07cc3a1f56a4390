/* core/money.h: money in minor units. */
#ifndef CORE_MONEY_H
#define CORE_MONEY_H

#include <stdint.h>
#include <stddef.h>

#include "core/attrs.h"
#include "core/lang.h"

/*
 * An amount in minor units (kopecks, tiyn, cents).  Never a double.  long
 * long rather than int64_t so that the database layer binds it directly.
 */
typedef long long money_t;
_Static_assert(sizeof(money_t) == 8, "money_t is 64 bits");

struct currency {
	const char *code;     /* ISO 4217 */
	const char *symbol;   /* UTF-8 */
	unsigned minor_digits; /* 2 for every currency we serve */
};

/* The currency with this ISO code, or NULL. */
const struct currency *currency_find(const char *code);
/* Sum and difference; -1 (out untouched) past +-10^15 minor units. */
int money_add(money_t, money_t, money_t *) PORTAL_WUR;
int money_sub(money_t, money_t, money_t *) PORTAL_WUR;
/*
 * price x quantity, the quantity given as an integer with scale decimals
 * (12.345 kWh = 12345, scale 3), rounded half away from zero to a minor
 * unit: the rounding of every bill line.
 */
int money_mul_qty(money_t price, int64_t qty, unsigned scale, money_t *) PORTAL_WUR;
/*
 * What a person typed: "1234", "1234.5", "1 234,56".  More decimals than the
 * currency has is refused, not rounded.  -1 on anything else.
 */
int money_parse(const char *, size_t, const struct currency *, int allow_negative,
		money_t *) PORTAL_WUR;
/* ru: "1 234,56 ₽" (no-break spaces), en: "₽1,234.56".  -1 if buf is too small. */
int money_format(char *buf, size_t cap, money_t, const struct currency *, enum lang) PORTAL_WUR;

/*
 * A tariff's price per unit keeps PRICE_DIGITS decimals past the currency's
 * own (four of the major unit: Kazakhstan publishes 13,4400 тенге), so it is
 * in PRICE_PER_MINOR-ths of a minor unit.  Only a bill line's money is
 * rounded to the minor unit.
 */
#define PRICE_DIGITS 2
#define PRICE_PER_MINOR 100
/* As money_format, with the price's decimals past the currency's where they are not 0. */
int price_format(char *buf, size_t cap, money_t price, const struct currency *,
		 enum lang) PORTAL_WUR;
/*
 * The amount as a person would type it into a form: ru "1234,56", en
 * "1234.56", with the currency's decimals and no symbol or grouping, so that
 * money_parse reads it back as the same amount.  -1 if buf is too small.
 */
int money_input(char *buf, size_t cap, money_t, const struct currency *, enum lang) PORTAL_WUR;

#endif
