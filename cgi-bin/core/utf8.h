/* core/utf8.h: UTF-8 checks. */
#ifndef CORE_UTF8_H
#define CORE_UTF8_H

#include <stddef.h>

int utf8_valid(const char *, size_t);
/* Number of code points in valid UTF-8. */
size_t utf8_len(const char *, size_t);

#endif
