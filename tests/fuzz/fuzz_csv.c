/*
 * libFuzzer target: the import file reader (core/csvin.c) and the number
 * readers its rows go through.  The first byte sets the feed size (every
 * split of the file must read the same), the rest is the file.  A record
 * handed over must hold what the reader promises: valid UTF-8 once the
 * encoding is decided, at most CSVIN_FIELDS_MAX fields, lengths that match.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvin.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
	unsigned long long records, bytes;
};

static int check(void *p, const struct csvin_rec *r)
{
	struct seen *s = p;
	size_t i;

	if (r->n > CSVIN_FIELDS_MAX)
		abort();
	for (i = 0; i < r->n; i++) {
		long long v;
		day_t d;

		if (strlen(r->f[i]) > r->len[i])
			abort(); /* a field may hold a NUL byte, never run past its length */
		s->bytes += r->len[i];
		if (decimal_parse(r->f[i], r->len[i], 3, 1, &v) == 0 &&
		    (v >= 1000000000000000LL || v <= -1000000000000000LL))
			abort();
		(void)day_parse_file(r->f[i], r->len[i], &d);
	}
	s->records++;
	return 0;
}

static void read_in(const uint8_t *data, size_t size, size_t step, struct seen *s)
{
	struct csvin *c = csvin_new(0);
	enum csvin_status st = CSVIN_OK;
	size_t off;

	if (c == NULL)
		abort();
	for (off = 0; off < size && st == CSVIN_OK; off += step)
		st = csvin_feed(c, (const char *)data + off, size - off < step ? size - off : step,
		                check, s);
	if (st == CSVIN_OK)
		(void)csvin_finish(c, check, s);
	csvin_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen whole = {0, 0}, split = {0, 0};

	if (size < 1)
		return 0;
	read_in(data + 1, size - 1, size, &whole);
	read_in(data + 1, size - 1, (size_t)data[0] % 17 + 1, &split);
	/* However the bytes arrive, the same records come out. */
	if (whole.records != split.records || whole.bytes != split.bytes)
		abort();
	return 0;
}
