/*
 * lang.c: which catalog a request is rendered with.  The texts themselves
 * live in xsl/messages.*.xsl; C only picks the code.
 */
#include <string.h>
#include <ctype.h>
#include <stdlib.h>

#include "core/lang.h"

static const char *const codes[LANG__MAX] = {"ru", "en"};

const char *lang_code(enum lang l)
{
	return (unsigned)l < LANG__MAX ? codes[l] : codes[LANG_RU];
}

int lang_parse(const char *s, size_t len)
{
	int i;

	for (i = 0; i < LANG__MAX; i++)
		if (len == 2 && memcmp(s, codes[i], 2) == 0)
			return i;
	return -1;
}

/* q-value of "q=0.8" style parameters, in thousandths; -1 if malformed. */
static int qvalue(const char *s, size_t len)
{
	int v = 0, digits = 0;
	size_t i = 0;

	while (i < len && s[i] == ' ')
		i++;
	if (len - i < 2 || (s[i] != 'q' && s[i] != 'Q') || s[i + 1] != '=')
		return 1000;
	i += 2;
	if (i < len && (s[i] == '0' || s[i] == '1'))
		v = (s[i++] - '0') * 1000;
	else
		return -1;
	if (i < len && s[i] == '.') {
		int scale = 100;

		for (i++; i < len && s[i] >= '0' && s[i] <= '9' && digits < 3; i++, digits++) {
			v += (s[i] - '0') * scale;
			scale /= 10;
		}
	}
	return v > 1000 ? 1000 : v;
}

enum lang lang_from_accept(const char *h)
{
	int best = LANG_RU, bestq = 0;
	const char *p = h;

	if (h == NULL)
		return LANG_RU;
	while (*p) {
		const char *end = strchr(p, ',');
		const char *semi;
		size_t n = end ? (size_t)(end - p) : strlen(p);
		size_t tag;
		int l, q;

		while (n > 0 && *p == ' ')
			p++, n--;
		semi = memchr(p, ';', n);
		tag = semi ? (size_t)(semi - p) : n;
		while (tag > 0 && p[tag - 1] == ' ')
			tag--;
		/* "en-GB" counts as "en"; tags are case-insensitive. */
		l = -1;
		if (tag == 2 || (tag > 2 && p[2] == '-')) {
			char two[2] = {(char)tolower((unsigned char)p[0]),
				       (char)tolower((unsigned char)p[1])};

			l = lang_parse(two, 2);
		}
		q = semi ? qvalue(semi + 1, n - (size_t)(semi - p) - 1) : 1000;
		if (l >= 0 && q > bestq) {
			best = l;
			bestq = q;
		}
		if (end == NULL)
			break;
		p = end + 1;
	}
	return (enum lang)best;
}
