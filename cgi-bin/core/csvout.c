/* csvout.c: CSV rows into a buffer, handed to the sink when it fills. */
#include <string.h>

#include "core/csvout.h"

void csvout_init(struct csvout *o, int (*put)(void *, const char *, size_t), void *ctx)
{
	o->put = put;
	o->ctx = ctx;
	o->len = 0;
}

int csvout_flush(struct csvout *o)
{
	int rc = o->len ? o->put(o->ctx, o->buf, o->len) : 0;

	o->len = 0;
	return rc;
}

static int put(struct csvout *o, const char *s, size_t n)
{
	while (n > 0) {
		size_t k;

		if (o->len == sizeof(o->buf) && csvout_flush(o) != 0)
			return -1;
		k = sizeof(o->buf) - o->len < n ? sizeof(o->buf) - o->len : n;
		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
	}
	return 0;
}

/* Quoted if it holds a separator, a quote or a line end, or would lose its spaces. */
static int field(struct csvout *o, const char *s)
{
	size_t n = strlen(s);
	const char *q;

	if (n == 0 || (strpbrk(s, ",\"\r\n") == NULL && s[0] != ' ' && s[n - 1] != ' '))
		return put(o, s, n);
	if (put(o, "\"", 1) != 0)
		return -1;
	while ((q = strchr(s, '"')) != NULL) {
		if (put(o, s, (size_t)(q - s) + 1) != 0 || put(o, "\"", 1) != 0)
			return -1;
		s = q + 1;
	}
	return put(o, s, strlen(s)) != 0 || put(o, "\"", 1) != 0 ? -1 : 0;
}

int csvout_row(struct csvout *o, const char *const *cells, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++)
		if ((i > 0 && put(o, ",", 1) != 0) || field(o, cells[i]) != 0)
			return -1;
	return put(o, "\r\n", 2);
}
