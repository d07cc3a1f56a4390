/*
 * money.c: amounts as integer minor units (kopecks, tiyn, cents), never
 * floating point.  Arithmetic refuses to overflow, input is parsed exactly
 * (more decimals than the currency has is an error, not a rounding), and
 * the one rounding rule -- half away from zero, at each line -- lives here.
 */
#include <stdint.h>
#include <string.h>
#include <stdio.h>

#include "core/lang.h"
#include "core/money.h"

/* Beyond any real bill, far inside int64: leaves room for intermediate sums. */
#define MONEY_LIMIT 1000000000000000LL /* 10^15 minor units */

static const struct currency currencies[] = {
	{"RUB", "\xe2\x82\xbd", 2}, /* ₽ */
	{"KZT", "\xe2\x82\xb8", 2}, /* ₸ */
	{"BYN", "Br", 2},
	{"USD", "$", 2},
	{"EUR", "\xe2\x82\xac", 2}, /* € */
	{"BRL", "R$", 2},
};

const struct currency *currency_find(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof(currencies) / sizeof(currencies[0]); i++)
		if (strcmp(currencies[i].code, code) == 0)
			return &currencies[i];
	return NULL;
}

int money_add(money_t a, money_t b, money_t *out)
{
	money_t r;

	if (__builtin_add_overflow(a, b, &r) || r > MONEY_LIMIT || r < -MONEY_LIMIT)
		return -1;
	*out = r;
	return 0;
}

int money_sub(money_t a, money_t b, money_t *out)
{
	money_t r;

	if (__builtin_sub_overflow(a, b, &r) || r > MONEY_LIMIT || r < -MONEY_LIMIT)
		return -1;
	*out = r;
	return 0;
}

int money_mul_qty(money_t price, int64_t qty, unsigned scale, money_t *out)
{
	__int128 p = (__int128)price * qty, div = 1, q, rem;
	unsigned i;

	if (scale > 9)
		return -1;
	for (i = 0; i < scale; i++)
		div *= 10;
	q = p / div;
	rem = p % div;
	/* Half away from zero: 0.5 kopeck up for charges, down for refunds alike. */
	if (rem * 2 >= div)
		q++;
	else if (rem * 2 <= -div)
		q--;
	if (q > MONEY_LIMIT || q < -MONEY_LIMIT)
		return -1;
	*out = (money_t)q;
	return 0;
}

int money_parse(const char *s, size_t len, const struct currency *c, int allow_negative,
		money_t *out)
{
	money_t whole = 0, frac = 0;
	unsigned fdigits = 0, digits = 0, i = 0, k;
	int neg = 0, seen_sep = 0;
	int group_len = -1; /* digits since the last grouping space; -1 before any */

	while (i < len && s[i] == ' ')
		i++;
	while (len > i && s[len - 1] == ' ')
		len--;
	if (i < len && (s[i] == '-' || s[i] == '+')) {
		neg = s[i] == '-';
		i++;
	}
	if (neg && !allow_negative)
		return -1;
	for (; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch >= '0' && ch <= '9') {
			if (seen_sep) {
				if (++fdigits > c->minor_digits)
					return -1; /* no silent rounding of what a person typed */
				frac = frac * 10 + (ch - '0');
			} else {
				if (++digits > 13)
					return -1;
				whole = whole * 10 + (ch - '0');
				if (group_len >= 0)
					group_len++;
			}
		} else if ((ch == '.' || ch == ',') && !seen_sep && digits > 0) {
			if (group_len >= 0 && group_len != 3)
				return -1;
			seen_sep = 1;
		} else if (!seen_sep && digits > 0 &&
			   (ch == ' ' || (ch == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0))) {
			/* "1 234,56": a space (or the no-break space we print) groups thousands. */
			if ((group_len < 0 && digits > 3) || (group_len >= 0 && group_len != 3))
				return -1;
			group_len = 0;
			if (ch == 0xC2)
				i++;
		} else {
			return -1;
		}
	}
	if (digits == 0 || (seen_sep && fdigits == 0) || (!seen_sep && group_len >= 0 && group_len != 3))
		return -1;
	for (k = fdigits; k < c->minor_digits; k++)
		frac *= 10;
	for (k = 0; k < c->minor_digits; k++)
		whole *= 10;
	whole += frac;
	if (whole > MONEY_LIMIT)
		return -1;
	*out = neg ? -whole : whole;
	return 0;
}

/* Digits of |v| grouped by three with sep, into buf; returns the length or -1. */
static int group(char *buf, size_t cap, unsigned long long units, const char *sep)
{
	char digits[32];
	int n = snprintf(digits, sizeof(digits), "%llu", units), i;
	size_t o = 0, seplen = strlen(sep);

	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0) {
			if (o + seplen >= cap)
				return -1;
			memcpy(buf + o, sep, seplen);
			o += seplen;
		}
		if (o + 1 >= cap)
			return -1;
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return (int)o;
}

int money_input(char *buf, size_t cap, money_t v, const struct currency *c, enum lang lang)
{
	unsigned long long a = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	unsigned long long div = 1;
	unsigned k;
	int n;

	for (k = 0; k < c->minor_digits; k++)
		div *= 10;
	if (c->minor_digits == 0)
		n = snprintf(buf, cap, "%s%llu", v < 0 ? "-" : "", a);
	else
		n = snprintf(buf, cap, "%s%llu%s%0*llu", v < 0 ? "-" : "", a / div,
			     lang == LANG_RU ? "," : ".", (int)c->minor_digits, a % div);
	return n < 0 || (size_t)n >= cap ? -1 : 0;
}

/*
 * v in units of 10^-digits of the major unit; decimals past the currency's
 * own that are zero are left out (a price of 4,7800 is written 4,78).
 */
static int format_scaled(char *buf, size_t cap, long long v, unsigned digits,
			 const struct currency *c, enum lang lang)
{
	static const char nbsp[] = "\xc2\xa0";
	unsigned long long a = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	unsigned long long div = 1, units, frac;
	char whole[48], fmt_frac[24] = "";
	unsigned k;
	int n;

	for (k = 0; k < digits; k++)
		div *= 10;
	units = a / div;
	frac = a % div;
	for (; digits > c->minor_digits && frac % 10 == 0; digits--)
		frac /= 10;
	if (digits > 0)
		snprintf(fmt_frac, sizeof(fmt_frac), "%s%0*llu", lang == LANG_RU ? "," : ".",
			 (int)digits, frac);
	if (group(whole, sizeof(whole), units, lang == LANG_RU ? nbsp : ",") < 0)
		return -1;
	/* ru: 1 234,56 ₽ (no-break spaces); en: ₽1,234.56 */
	if (lang == LANG_RU)
		n = snprintf(buf, cap, "%s%s%s%s%s", v < 0 ? "-" : "", whole, fmt_frac, nbsp,
			     c->symbol);
	else
		n = snprintf(buf, cap, "%s%s%s%s", v < 0 ? "-" : "", c->symbol, whole, fmt_frac);
	return n < 0 || (size_t)n >= cap ? -1 : 0;
}

int money_format(char *buf, size_t cap, money_t v, const struct currency *c, enum lang lang)
{
	return format_scaled(buf, cap, v, c->minor_digits, c, lang);
}

int price_format(char *buf, size_t cap, money_t price, const struct currency *c, enum lang lang)
{
	return format_scaled(buf, cap, price, c->minor_digits + PRICE_DIGITS, c, lang);
}
