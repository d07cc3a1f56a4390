/* net/http.c: the one libcurl set-up behind every outbound call. */
#include <string.h>

#include "net/http.h"

static size_t on_data(char *p, size_t size, size_t n, void *ctx)
{
	struct http_answer *a = ctx;
	size_t k = size * n;

	if (a->len + k >= a->cap) {
		a->overflow = 1;
		return 0;
	}
	memcpy(a->buf + a->len, p, k);
	a->len += k;
	a->buf[a->len] = '\0';
	return k;
}

int http_setup(CURL *c, const char *url, const char *protocols, unsigned timeout,
	       unsigned connect_timeout, const char *ca_file, struct http_answer *a)
{
	if (curl_easy_setopt(c, CURLOPT_URL, url) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, protocols) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)timeout) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, (long)connect_timeout) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_USERAGENT, "kabinet") != CURLE_OK)
		return -1;
	if (ca_file[0] != '\0' && curl_easy_setopt(c, CURLOPT_CAINFO, ca_file) != CURLE_OK)
		return -1;
	if (a == NULL)
		return 0;
	a->len = 0;
	a->overflow = 0;
	if (a->cap > 0)
		a->buf[0] = '\0';
	if (curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_WRITEDATA, a) != CURLE_OK)
		return -1;
	return 0;
}
