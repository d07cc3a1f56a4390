/* core/utf8.h: UTF-8 checks. */
#ifndef CORE_UTF8_H
#define CORE_UTF8_H

#include <stddef.h>

int utf8_valid(const char *, size_t);
/* Number of code points in valid UTF-8. */
size_t utf8_len(const char *, size_t);
/*
 * Copies src into dst (size bytes, size > 0) as valid UTF-8 of at most
 * size - 1 bytes, never cutting a character: each byte that does not start
 * a well-formed sequence becomes '?', each control character a space.  For
 * header values that are stored or shown (a User-Agent, say), which no
 * client is bound to send well formed.  Returns the bytes written.
 */
size_t utf8_clean(char *dst, size_t size, const char *src);

#endif
