/*
 * libFuzzer target: the parsers every request goes through, and money
 * amounts.  The first byte picks the parser; the rest is its input.  Any crash, leak, overflow or
 * undefined behaviour fails the run.
 */
#include <string.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/arena.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/month.h"
#include "core/parse.h"
#include "core/perr.h"
#include "core/utf8.h"
#include "core/valid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int check_form(const struct kvlist *l)
{
	size_t i;

	/* What the parser returns must hold what it promises. */
	for (i = 0; i < l->n; i++)
		if (!utf8_valid(l->v[i].val, l->v[i].vlen) || strlen(l->v[i].val) != l->v[i].vlen ||
		    l->v[i].vlen > limits_default.value_max)
			abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a;
	struct kvlist l;
	struct fval v;
	char *s;
	static const struct field fields[] = {
		{"t", valid_text, 1, 64},    {"s", valid_secret, 1, 128}, {"i", valid_int, 0, 1000},
		{"p", valid_local_path, 1, 512}, {"l", valid_lang, 2, 2},  {"k", valid_token, 43, 43},
		{"m", valid_month, 7, 7},	  {"c", valid_code, 1, 20},
	};

	if (size < 1)
		return 0;
	a = arena_new(4u << 20);
	if (a == NULL)
		return 0;
	s = arena_strndup(a, (const char *)data + 1, size - 1);
	memset(&l, 0, sizeof(l));
	switch (data[0] % 5) {
	case 0:
		if (parse_urlencoded(a, s, size - 1, &limits_default, &l) == PERR_OK)
			check_form(&l);
		break;
	case 1:
		(void)parse_cookies(a, s, size - 1, &limits_default, &l);
		break;
	case 2:
		(void)lang_from_accept(s);
		break;
	case 3: {
		const struct field *f = &fields[(data[0] / 4) % 8];

		memset(&v, 0, sizeof(v));
		if (f->valid(f, s, size - 1, a, &v) == 0 && v.s != NULL && f->valid != valid_int &&
		    f->valid != valid_token && !utf8_valid(v.s, v.len))
			abort();
		/* A month that validates is in range and prints back to what it holds. */
		if (f->valid == valid_month && v.s != NULL) {
			char buf[8];

			if (v.i < MONTH_MIN || v.i > MONTH_MAX)
				abort();
			month_format((month_t)v.i, buf);
			if (strcmp(buf, v.s) != 0)
				abort();
		}
		if (f->valid == valid_code && v.s != NULL &&
		    (v.len < 1 || v.len > 20 || strspn(v.s, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
						       "abcdefghijklmnopqrstuvwxyz") != v.len))
			abort();
		break;
	}
	case 4: {
		/* Whatever parses must print and parse back to the same amount. */
		const struct currency *c = currency_find("RUB");
		char buf[64];
		money_t m, back;

		if (money_parse(s, size - 1, c, 1, &m) != 0)
			break;
		if (money_format(buf, sizeof(buf), m, c, data[0] & 8 ? LANG_EN : LANG_RU) != 0)
			abort();
		if ((data[0] & 8) == 0 &&
		    (money_parse(buf, strlen(buf) - strlen("\xc2\xa0\xe2\x82\xbd"), c, 1, &back) != 0 ||
		     back != m))
			abort();
		break;
	}
	}
	arena_free(a);
	return 0;
}
