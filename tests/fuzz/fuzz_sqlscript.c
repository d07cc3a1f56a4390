/*
 * libFuzzer target: a schema file cut into statements (core/sqlscript.c).
 * Every statement must lie inside the input, statements must come in order
 * without overlapping, and the reader must end: any crash, overread or
 * endless loop fails the run.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/sqlscript.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sqlscript s;
	const char *text = (const char *)data, *st, *last_end = text;
	size_t n, count = 0;
	unsigned line = 0, last_line = 1;

	sqlscript_init(&s, text, size);
	while (sqlscript_next(&s, &st, &n, &line) == SQLSCRIPT_STATEMENT) {
		if (st < last_end || st + n > text + size || n == 0 || line < last_line)
			abort();
		last_end = st + n;
		last_line = line;
		if (++count > size) /* each statement takes at least one byte */
			abort();
	}
	return 0;
}
