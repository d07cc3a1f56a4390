/*
 * libFuzzer target: a pushed batch (JSON) as the CSV an import reads
 * (app/batch.c), read back by the CSV reader (core/csvin.c).  What comes
 * back must be what went in: a header with every key, then one record per
 * row with as many fields, each string value as it was.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app/batch.h"
#include "core/csvin.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct back {
	json_t *rows;
	size_t records, nkeys;
	const char *keys[CSVIN_FIELDS_MAX];
	char keybuf[CSVIN_FIELDS_MAX][48];
};

static int check(void *p, const struct csvin_rec *r)
{
	struct back *b = p;
	size_t i;

	if (r->too_many || r->n != b->nkeys)
		abort();
	if (b->records == 0) {
		for (i = 0; i < r->n; i++) {
			if (r->len[i] >= sizeof(b->keybuf[i]))
				abort();
			memcpy(b->keybuf[i], r->f[i], r->len[i] + 1);
			b->keys[i] = b->keybuf[i];
		}
	} else {
		json_t *row = json_array_get(b->rows, b->records - 1);

		for (i = 0; i < r->n; i++) {
			json_t *v = json_object_get(row, b->keys[i]);

			if (json_is_string(v) &&
			    (json_string_length(v) != r->len[i] ||
			     memcmp(json_string_value(v), r->f[i], r->len[i]) != 0))
				abort();
		}
	}
	b->records++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *rows = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, NULL);
	struct batch_text t = {NULL, 0, 0, 0};
	struct back b;
	struct csvin *in;
	size_t bad = 0, i;
	const char *key = NULL;
	json_t *row, *v;
	const char *k;

	if (rows == NULL)
		return 0;
	memset(&b, 0, sizeof(b));
	b.rows = rows;
	if (json_is_array(rows) && batch_csv(rows, &t, &bad, &key) == BATCH_OK) {
		/* The keys every row brings, counted as the writer does. */
		const char *seen[32];

		json_array_foreach(rows, i, row)
		{
			json_object_foreach(row, k, v)
			{
				size_t j;

				for (j = 0; j < b.nkeys && strcmp(seen[j], k) != 0; j++)
					;
				if (j == b.nkeys)
					seen[b.nkeys++] = k;
			}
		}
		/* A record with no field is a blank line, which no CSV keeps. */
		if (b.nkeys > 0 && (in = csvin_new(',')) != NULL) {
			if (csvin_feed(in, t.p, t.len, check, &b) != CSVIN_OK ||
			    csvin_finish(in, check, &b) != CSVIN_OK)
				abort();
			/* Records over the 64 KiB a line may have are the reader's to refuse. */
			if (b.records != json_array_size(rows) + 1 && t.len < CSVIN_RECORD_MAX)
				abort();
			csvin_free(in);
		}
	}
	batch_free(&t);
	json_decref(rows);
	return 0;
}
