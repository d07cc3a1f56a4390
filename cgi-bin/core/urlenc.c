/* core/urlenc.c: see urlenc.h. */
#include <string.h>

#include "core/urlenc.h"

static int unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~';
}

int url_query_escape(char *dst, size_t size, const char *src, const char *keep)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = 0;

	if (size == 0)
		return -1;
	for (; *src != '\0'; src++) {
		unsigned char c = (unsigned char)*src;
		size_t need = unreserved(c) || (keep != NULL && strchr(keep, c) != NULL) ? 1 : 3;

		if (n + need >= size) {
			dst[0] = '\0';
			return -1;
		}
		if (need == 1) {
			dst[n++] = (char)c;
		} else {
			dst[n++] = '%';
			dst[n++] = hex[c >> 4];
			dst[n++] = hex[c & 15];
		}
	}
	dst[n] = '\0';
	return (int)n;
}
