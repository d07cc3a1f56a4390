/* core/login.c: a login's one written form (see the header), by GNU libunistring. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <uninorm.h>

#include "core/login.h"
#include "core/utf8.h"

int login_normalize(const char *in, char *out, size_t cap)
{
	size_t len = strlen(in), n = cap - 1;
	uint8_t *r;

	if (cap == 0 || !utf8_valid(in, len))
		return -1;
	/* Folded into out when it fits; libunistring allocates only when it does not. */
	r = u8_casefold((const uint8_t *)in, len, NULL, UNINORM_NFKC, (uint8_t *)out, &n);
	if (r == NULL)
		return -1;
	if (r != (uint8_t *)out) {
		free(r);
		return -1;
	}
	out[n] = '\0';
	return 0;
}
