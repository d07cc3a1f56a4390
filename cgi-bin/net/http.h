/* net/http.h: the one libcurl set-up behind every outbound call (payments, e-mail, SMS). */
#ifndef NET_HTTP_H
#define NET_HTTP_H

#include <stddef.h>

#include <curl/curl.h>

#include "core/attrs.h"

/* Where an answer's body goes: at most cap - 1 bytes, NUL-terminated. */
struct http_answer {
	char *buf;
	size_t cap;
	size_t len;
	int overflow; /* the body was longer: the transfer was stopped */
};

/*
 * The options every call sets: the URL and the only protocols it may use
 * (no redirect can take it elsewhere), the time limits in seconds, no
 * signals (the programs are multi-process, not threaded, but libcurl's alarm
 * would still interrupt a worker), our User-Agent, an extra CA bundle (empty:
 * the system's) and where the answer goes (NULL: nowhere).  -1 if libcurl
 * refuses one of them.
 */
int http_setup(CURL *, const char *url, const char *protocols, unsigned timeout,
	       unsigned connect_timeout, const char *ca_file, struct http_answer *) PORTAL_WUR;

#endif
