/* core/log.h: the log. */
#ifndef CORE_LOG_H
#define CORE_LOG_H

#include <stdio.h>
#include <stddef.h>

#include "core/attrs.h"

enum log_level { LOG_ERR, LOG_WARN, LOG_INFO };
void log_open(const char *program);
/* Send log lines somewhere other than stderr (tests and fuzzers). */
void log_stream(FILE *);
void log_msg(enum log_level, const char *, ...) PORTAL_PRINTF(2, 3);
/* Copy s into buf with control characters and quotes escaped (for logs). */
const char *log_esc(char *buf, size_t len, const char *s);
/* A request target as log_esc would write it, with the value of every
 * query parameter that carries a secret (token, h, code, key) as "*":
 * links from messages put them there, and logs are kept longer than they. */
const char *log_uri(char *buf, size_t len, const char *uri);

#endif
