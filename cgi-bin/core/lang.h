/* core/lang.h: the languages we speak. */
#ifndef CORE_LANG_H
#define CORE_LANG_H

#include <stddef.h>

enum lang { LANG_RU = 0, LANG_EN, LANG__MAX };

const char *lang_code(enum lang);
/* Parse "ru"/"en"; -1 if unknown. */
int lang_parse(const char *, size_t);
/* Best supported language in an Accept-Language header; LANG_RU if none. */
enum lang lang_from_accept(const char *);

#endif
