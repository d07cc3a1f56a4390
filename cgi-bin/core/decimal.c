/* decimal.c: exact decimal numbers; see decimal.h. */
#include "core/arena.h"
#include "core/decimal.h"

#define DECIMAL_LIMIT 1000000000000000LL /* 10^15 */

int decimal_parse(const char *s, size_t n, unsigned scale, int allow_negative, long long *out)
{
	long long v = 0;
	size_t i = 0;
	unsigned decimals = 0;
	int neg = 0, point = 0, digits = 0;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (i < n && s[i] == ' ')
		i++;
	if (i < n && (s[i] == '-' || s[i] == '+')) {
		neg = s[i] == '-';
		i++;
	}
	if (neg && !allow_negative)
		return -1;
	for (; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch >= '0' && ch <= '9') {
			if (point && decimals >= scale) {
				if (ch != '0')
					return -1; /* more precision than the field has */
				continue;
			}
			if (v > (DECIMAL_LIMIT - 9) / 10)
				return -1;
			v = v * 10 + (ch - '0');
			digits++;
			if (point)
				decimals++;
		} else if ((ch == '.' || ch == ',') && !point && digits > 0) {
			point = 1;
		} else if (ch == ' ' && !point && digits > 0) {
			continue;
		} else if (ch == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0 && !point &&
		           digits > 0) {
			i++; /* a no-break space */
		} else {
			return -1;
		}
	}
	if (digits == 0 || (point && s[n - 1] == ',') || (point && s[n - 1] == '.'))
		return -1;
	for (; decimals < scale; decimals++) {
		if (v > DECIMAL_LIMIT / 10)
			return -1;
		v *= 10;
	}
	if (v >= DECIMAL_LIMIT)
		return -1;
	*out = neg ? -v : v;
	return 0;
}

const char *decimal_text(struct arena *a, long long v, unsigned decimals)
{
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v, div = 1;
	unsigned i;

	if (decimals == 0)
		return arena_printf(a, "%lld", v);
	for (i = 0; i < decimals; i++)
		div *= 10;
	return arena_printf(a, "%s%llu.%0*llu", v < 0 ? "-" : "", u / div, (int)decimals, u % div);
}
