/*
 * utf8.c: strict UTF-8 checks.  Every field we accept must be valid UTF-8,
 * so that nothing malformed reaches the database or the XML serializer.
 */

#include <string.h>

#include "core/utf8.h"

/* Length of the sequence starting at s, or 0 if it is not well formed. */
static size_t seq_len(const unsigned char *s, size_t left)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		if (left < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		if (left < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0) /* overlong */
			return 0;
		if (c == 0xED && s[1] >= 0xA0) /* UTF-16 surrogates */
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (left < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90) /* overlong */
			return 0;
		if (c == 0xF4 && s[1] >= 0x90) /* above U+10FFFF */
			return 0;
		return 4;
	}
	return 0;
}

int utf8_valid(const char *p, size_t len)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, n;

	while (i < len) {
		n = seq_len(s + i, len - i);
		if (n == 0)
			return 0;
		i += n;
	}
	return 1;
}

size_t utf8_len(const char *p, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)p[i] & 0xC0) != 0x80)
			n++;
	return n;
}

size_t utf8_clean(char *dst, size_t size, const char *src)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t left = strlen(src), o = 0, n;

	while (left > 0) {
		n = seq_len(s, left);
		if (n > 1) {
			if (o + n > size - 1)
				break;
			memcpy(dst + o, s, n);
		} else {
			if (o + 1 > size - 1)
				break;
			dst[o] = n == 0 ? '?' : (*s < 0x20 || *s == 0x7F) ? ' ' : (char)*s;
			n = 1;
		}
		o += n;
		s += n;
		left -= n;
	}
	dst[o] = '\0';
	return o;
}
