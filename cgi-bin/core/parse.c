/*
 * parse.c: query strings, urlencoded bodies and cookies.  Limits are checked
 * before anything is allocated, and every decoded byte string is checked for
 * UTF-8, so handlers only ever see bounded, well-formed text.
 */
#include <string.h>

#include "core/arena.h"
#include "core/parse.h"
#include "core/perr.h"
#include "core/utf8.h"

const struct limits limits_default = {
	.body_max = 65536,
	.query_max = 4096,
	.fields_max = 64,
	.name_max = 64,
	.value_max = 8192,
	.cookies_max = 32,
	.upload_max = 256ULL << 20,
};

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decode src[0..len) into dst (room for len + 1).  Returns the decoded
 * length, or -1 on a bad escape, a NUL, or invalid UTF-8.
 */
static long pct_decode(char *dst, const char *src, size_t len)
{
	size_t i, o = 0;
	int hi, lo;

	for (i = 0; i < len; i++) {
		char c = src[i];

		if (c == '+') {
			dst[o++] = ' ';
		} else if (c == '%') {
			if (len - i < 3)
				return -1;
			hi = hexval((unsigned char)src[i + 1]);
			lo = hexval((unsigned char)src[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			dst[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else {
			dst[o++] = c;
		}
		if (dst[o - 1] == '\0')
			return -1;
	}
	dst[o] = '\0';
	if (!utf8_valid(dst, o))
		return -1;
	return (long)o;
}

static enum perr kv_push(struct arena *a, struct kvlist *l, const char *k, const char *v,
			 size_t vlen)
{
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 8;
		struct kv *nv = arena_regrow(a, l->v, l->n, ncap, sizeof(*nv));

		if (nv == NULL)
			return PERR_NOMEM;
		l->v = nv;
		l->cap = ncap;
	}
	l->v[l->n].key = k;
	l->v[l->n].val = v;
	l->v[l->n].vlen = vlen;
	l->n++;
	return PERR_OK;
}

enum perr kv_add(struct arena *a, struct kvlist *l, const char *k, const char *v, size_t vlen)
{
	return kv_push(a, l, k, v, vlen);
}

enum perr parse_urlencoded(struct arena *a, const char *s, size_t len,
			   const struct limits *lim, struct kvlist *out)
{
	size_t i = 0;

	while (i < len) {
		size_t end = i, eq;
		const char *name_p, *val_p;
		size_t name_n, val_n;
		char *name, *val;
		long dn, dv;
		enum perr e;

		while (end < len && s[end] != '&')
			end++;
		if (end == i) { /* "a=1&&b=2": an empty pair carries nothing */
			i++;
			continue;
		}
		for (eq = i; eq < end && s[eq] != '='; eq++)
			;
		name_p = s + i;
		name_n = eq - i;
		val_p = eq < end ? s + eq + 1 : s + end;
		val_n = eq < end ? end - eq - 1 : 0;
		/* Encoded length bounds the decoded one: check before allocating. */
		if (out->n >= lim->fields_max)
			return PERR_TOO_LARGE;
		if (name_n == 0)
			return PERR_BAD_INPUT;
		if (name_n > lim->name_max * 3 || val_n > lim->value_max * 3)
			return PERR_TOO_LARGE;
		name = arena_alloc(a, name_n + 1);
		val = arena_alloc(a, val_n + 1);
		if (name == NULL || val == NULL)
			return PERR_NOMEM;
		dn = pct_decode(name, name_p, name_n);
		dv = pct_decode(val, val_p, val_n);
		if (dn < 0 || dv < 0)
			return PERR_BAD_INPUT;
		if ((size_t)dn > lim->name_max || (size_t)dv > lim->value_max)
			return PERR_TOO_LARGE;
		if ((e = kv_push(a, out, name, val, (size_t)dv)) != PERR_OK)
			return e;
		i = end + 1;
	}
	return PERR_OK;
}

static int cookie_octet(unsigned char c)
{
	/* RFC 6265 cookie-octet. */
	return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
	       (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

static int token_char(unsigned char c)
{
	return c > 0x20 && c < 0x7F && strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

enum perr parse_cookies(struct arena *a, const char *s, size_t len, const struct limits *lim,
			struct kvlist *out)
{
	size_t i = 0;

	while (i < len && out->n < lim->cookies_max) {
		size_t start, end, eq, j, vs, ve;
		int ok = 1;
		enum perr e;

		while (i < len && (s[i] == ' ' || s[i] == ';'))
			i++;
		start = i;
		while (i < len && s[i] != ';')
			i++;
		end = i;
		if (start == end)
			continue;
		for (eq = start; eq < end && s[eq] != '='; eq++)
			if (!token_char((unsigned char)s[eq]))
				ok = 0;
		if (!ok || eq == start || eq == end)
			continue;
		vs = eq + 1;
		ve = end;
		while (ve > vs && s[ve - 1] == ' ')
			ve--;
		if (ve - vs >= 2 && s[vs] == '"' && s[ve - 1] == '"') {
			vs++;
			ve--;
		}
		for (j = vs; j < ve; j++)
			if (!cookie_octet((unsigned char)s[j]))
				ok = 0;
		if (!ok || eq - start > lim->name_max || ve - vs > lim->value_max)
			continue;
		{
			char *k = arena_strndup(a, s + start, eq - start);
			char *v = arena_strndup(a, s + vs, ve - vs);

			if (k == NULL || v == NULL)
				return PERR_NOMEM;
			if ((e = kv_push(a, out, k, v, ve - vs)) != PERR_OK)
				return e;
		}
	}
	return PERR_OK;
}

const struct kv *kv_find(const struct kvlist *l, const char *key)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			return &l->v[i];
	return NULL;
}

size_t kv_count(const struct kvlist *l, const char *key)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, key) == 0)
			n++;
	return n;
}
