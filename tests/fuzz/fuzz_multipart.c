/*
 * libFuzzer target: a multipart/form-data body (core/multipart.c), read in
 * pieces whose size the first byte sets.  Whatever the body, the reader
 * stops (an end or an error), never reads past what it was given, and
 * hands out no more bytes than the body had.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/multipart.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct src {
	const uint8_t *p;
	size_t len, off, step;
};

static long src_read(void *ctx, char *buf, size_t n)
{
	struct src *s = ctx;
	size_t k = s->len - s->off;

	if (k > n)
		k = n;
	if (k > s->step)
		k = s->step;
	memcpy(buf, s->p + s->off, k);
	s->off += k;
	return (long)k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct src s;
	struct mpart *m;
	struct mpart_head h;
	char buf[1000];
	size_t out = 0, parts = 0;

	if (size < 1)
		return 0;
	s = (struct src){data + 1, size - 1, 0, (size_t)data[0] % 64 + 1};
	m = mpart_new("multipart/form-data; boundary=XyZ", src_read, &s);
	if (m == NULL)
		abort();
	while (mpart_next(m, &h) == PERR_OK) {
		long k;

		if (++parts > size || strlen(h.name) >= sizeof(h.name) ||
		    strlen(h.filename) >= sizeof(h.filename))
			abort();
		while ((k = mpart_read(m, buf, sizeof(buf))) > 0)
			out += (size_t)k;
		if (k < 0)
			break;
	}
	if (out > size)
		abort();
	mpart_free(m);
	return 0;
}
