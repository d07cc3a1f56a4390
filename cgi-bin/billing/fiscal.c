/* billing/fiscal.c: see fiscal.h. */
#include <string.h>

#include "billing/fiscal.h"

int fiscal_number_valid(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++)
		if (n == FISCAL_NUM_MAX || s[n] < '0' || s[n] > '9')
			return 0;
	return n > 0;
}

int fiscal_check_url(char *dst, size_t size, const char *tmpl, const struct fiscal_receipt *fr)
{
	static const struct {
		const char *name;
		size_t offset;
	} slot[] = {{"{fn}", offsetof(struct fiscal_receipt, storage)},
	            {"{fd}", offsetof(struct fiscal_receipt, document)},
	            {"{fp}", offsetof(struct fiscal_receipt, attribute)}};
	size_t n = 0, i, len;
	const char *put;

	if (size == 0)
		return -1;
	while (*tmpl != '\0') {
		put = NULL;
		for (i = 0; i < sizeof(slot) / sizeof(slot[0]); i++)
			if (strncmp(tmpl, slot[i].name, 4) == 0)
				put = (const char *)fr + slot[i].offset;
		len = put != NULL ? strlen(put) : 1;
		if (n + len >= size)
			goto too_long;
		memcpy(dst + n, put != NULL ? put : tmpl, len);
		n += len;
		tmpl += put != NULL ? 4 : 1;
	}
	if (n == 0)
		goto too_long;
	dst[n] = '\0';
	return 0;
too_long:
	dst[0] = '\0';
	return -1;
}
