/* core/urlenc.h: percent-encoding of a value put into a URL's query. */
#ifndef CORE_URLENC_H
#define CORE_URLENC_H

#include <stddef.h>

/*
 * Writes src into dst (size bytes) with every byte but RFC 3986's unreserved
 * ones (letters, digits, - . _ ~) and those in keep (NULL: none; "/" for a
 * path carried in a query) as %XX, so that a '+' in a phone number or an
 * address is not read back as a space, nor '&' or '#' as the value's end.
 * Returns the length written, or -1 (dst left empty) when it does not fit.
 */
int url_query_escape(char *dst, size_t size, const char *src, const char *keep);

#endif
