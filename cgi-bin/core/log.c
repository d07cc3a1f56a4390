/*
 * log.c: one line per event on stderr, which nginx or the service manager
 * collects.  Times are UTC so lines from many hosts sort together; anything a
 * client sent is escaped with log_esc() so it cannot forge log lines.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"

static const char *prog = "portal";
static FILE *out;

void log_stream(FILE *f)
{
	out = f;
}

void log_open(const char *program)
{
	prog = program;
}

void log_msg(enum log_level lvl, const char *fmt, ...)
{
	static const char *const names[] = {"ERROR", "WARN", "INFO"};
	char line[2048], ts[32];
	struct timespec now;
	struct tm tm;
	va_list ap;
	int n;

	clock_gettime(CLOCK_REALTIME, &now);
	gmtime_r(&now.tv_sec, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
	n = snprintf(line, sizeof(line), "%s.%03ldZ %s[%ld] %s ", ts, now.tv_nsec / 1000000L,
		     prog, (long)getpid(), names[lvl]);
	if (n < 0 || (size_t)n >= sizeof(line))
		return;
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);
	fprintf(out ? out : stderr, "%s\n", line);
}

const char *log_esc(char *buf, size_t len, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;

	if (len == 0)
		return "";
	for (; s != NULL && *s && o + 5 < len; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') {
			buf[o++] = '\\';
			buf[o++] = 'x';
			buf[o++] = hex[c >> 4];
			buf[o++] = hex[c & 15];
		} else {
			buf[o++] = (char)c;
		}
	}
	buf[o] = '\0';
	return buf;
}

/* Query parameters whose values never reach a log. */
static int secret_param(const char *name, size_t n)
{
	static const char *const secret[] = {"token", "h", "code", "key"};
	size_t i;

	for (i = 0; i < sizeof(secret) / sizeof(secret[0]); i++)
		if (strlen(secret[i]) == n && memcmp(secret[i], name, n) == 0)
			return 1;
	return 0;
}

const char *log_uri(char *buf, size_t len, const char *uri)
{
	char *copy, *o, *q, *p, *amp, *eq;
	size_t n;

	if (uri == NULL || (q = strchr(uri, '?')) == NULL)
		return log_esc(buf, len, uri);
	/* The copy is no longer than the original: each value replaced is at least "". */
	n = strlen(uri);
	if ((copy = malloc(n + 2)) == NULL)
		return log_esc(buf, len, "-");
	memcpy(copy, uri, (size_t)(q - uri) + 1);
	o = copy + (q - uri) + 1;
	for (p = q + 1; *p; p = *amp ? amp + 1 : amp) {
		amp = strchr(p, '&');
		if (amp == NULL)
			amp = p + strlen(p);
		eq = memchr(p, '=', (size_t)(amp - p));
		if (eq != NULL && secret_param(p, (size_t)(eq - p)) && amp > eq + 1) {
			memcpy(o, p, (size_t)(eq - p) + 1);
			o += eq - p + 1;
			*o++ = '*';
		} else {
			memcpy(o, p, (size_t)(amp - p));
			o += amp - p;
		}
		if (*amp)
			*o++ = '&';
	}
	*o = '\0';
	log_esc(buf, len, copy);
	free(copy);
	return buf;
}
