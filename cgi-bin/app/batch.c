/* batch.c: a JSON batch written as CSV text, for the import code that reads files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/batch.h"

#define KEYS_MAX    32
#define KEY_LEN_MAX 40

static int put(struct batch_text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		size_t cap = (t->cap ? t->cap * 2 : 65536) + n;
		char *p = realloc(t->p, cap);

		if (p == NULL)
			return -1;
		t->p = p;
		t->cap = cap;
	}
	memcpy(t->p + t->len, s, n);
	t->len += n;
	return 0;
}

/* A field, quoted the RFC 4180 way. */
static int put_field(struct batch_text *t, const char *s, size_t n)
{
	size_t i;

	if (put(t, "\"", 1) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if ((s[i] == '"' && put(t, "\"", 1) != 0) || put(t, s + i, 1) != 0)
			return -1;
	return put(t, "\"", 1);
}

long batch_read(void *ctx, char *buf, size_t n)
{
	struct batch_text *t = ctx;
	size_t k = t->len - t->off < n ? t->len - t->off : n;

	if (k > 0)
		memcpy(buf, t->p + t->off, k);
	t->off += k;
	return (long)k;
}

void batch_free(struct batch_text *t)
{
	free(t->p);
	t->p = NULL;
	t->len = t->cap = t->off = 0;
}

/* A JSON value as the file's text would have it; -1 for an array or object. */
static int value_text(json_t *v, char *buf, size_t cap, const char **s, size_t *n)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		*s = json_string_value(v);
		*n = json_string_length(v);
		return 0;
	case JSON_INTEGER:
		snprintf(buf, cap, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		break;
	case JSON_REAL:
		/* Fifteen significant digits: what a double holds of a decimal amount. */
		snprintf(buf, cap, "%.15g", json_real_value(v));
		break;
	case JSON_TRUE: snprintf(buf, cap, "1"); break;
	case JSON_FALSE: snprintf(buf, cap, "0"); break;
	case JSON_NULL: buf[0] = '\0'; break;
	default: return -1;
	}
	*s = buf;
	*n = strlen(buf);
	return 0;
}

enum batch_err batch_csv(json_t *rows, struct batch_text *t, size_t *bad_row, const char **bad_key)
{
	const char *keys[KEYS_MAX];
	size_t nkeys = 0, i, k;
	json_t *row, *v;
	const char *key;

	json_array_foreach(rows, i, row)
	{
		*bad_row = i;
		if (!json_is_object(row))
			return BATCH_NOT_OBJECT;
		json_object_foreach(row, key, v)
		{
			for (k = 0; k < nkeys && strcmp(keys[k], key) != 0; k++)
				;
			if (k < nkeys)
				continue;
			if (nkeys == KEYS_MAX || strlen(key) > KEY_LEN_MAX)
				return BATCH_KEYS;
			keys[nkeys++] = key;
		}
	}
	for (k = 0; k < nkeys; k++)
		if ((k > 0 && put(t, ",", 1) != 0) || put_field(t, keys[k], strlen(keys[k])) != 0)
			return BATCH_NOMEM;
	if (put(t, "\n", 1) != 0)
		return BATCH_NOMEM;
	json_array_foreach(rows, i, row)
	{
		*bad_row = i;
		for (k = 0; k < nkeys; k++) {
			char buf[64];
			const char *s = "";
			size_t n = 0;

			v = json_object_get(row, keys[k]);
			if (v != NULL && value_text(v, buf, sizeof(buf), &s, &n) != 0) {
				*bad_key = keys[k];
				return BATCH_VALUE;
			}
			if ((k > 0 && put(t, ",", 1) != 0) || put_field(t, s, n) != 0)
				return BATCH_NOMEM;
		}
		if (put(t, "\n", 1) != 0)
			return BATCH_NOMEM;
	}
	return BATCH_OK;
}
