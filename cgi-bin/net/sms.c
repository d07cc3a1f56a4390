/*
 * sms.c: one text message through an HTTP SMS gateway.  The protocol is the
 * common shape of Russian gateways' JSON APIs: POST {"to", "text",
 * "client_id"} with the key as a bearer token; 200 or 201 with {"id"} is
 * taken, 4xx but 408 and 429 is refused for good, anything else is "later".
 * client_id is the outbox id, so a gateway that keeps it never sends a
 * message twice when an answer was lost and we try again.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include <curl/curl.h>
#include <jansson.h>
#include <sodium.h>

#include "core/config.h"
#include "core/log.h"
#include "core/perr.h"
#include "core/valid.h"
#include "net/http.h"
#include "net/sms.h"

#define ANSWER_MAX 4096

/* The gateway's own words ({"error": "..."}), or the status. */
static void reason(const struct http_answer *a, long status, char *err, size_t errlen)
{
	json_t *o = json_loadb(a->buf, a->len, 0, NULL);
	const char *msg = json_string_value(json_object_get(o, "error"));
	char esc[200];

	snprintf(err, errlen, "SMS gateway answered %ld%s%s", status, msg ? ": " : "",
		 msg ? log_esc(esc, sizeof(esc), msg) : "");
	json_decref(o);
}

enum perr sms_send(const char *to, const char *text, uint64_t msgid, char *err, size_t errlen)
{
	static char buf[ANSWER_MAX];
	struct http_answer ans = {buf, sizeof(buf), 0, 0};
	char phone[PHONE_MAX + 1], client_id[48], auth[160];
	struct curl_slist *h = NULL, *h2;
	json_t *body = NULL;
	char *json = NULL;
	CURL *c = NULL;
	CURLcode cc;
	long status = 0;
	enum perr e = PERR_NOMEM;

	if (cfg.sms_url[0] == '\0') {
		snprintf(err, errlen, "no SMS gateway is configured");
		return PERR_BAD_INPUT;
	}
	if (phone_normalize(to, strlen(to), phone) != 0) {
		snprintf(err, errlen, "not a phone number");
		return PERR_BAD_INPUT;
	}
	snprintf(client_id, sizeof(client_id), "kabinet-%llu", (unsigned long long)msgid);
	if (snprintf(auth, sizeof(auth), "Authorization: Bearer %s", cfg.sms_key) >=
	    (int)sizeof(auth)) {
		snprintf(err, errlen, "the SMS key is too long");
		return PERR_BAD_INPUT;
	}
	body = json_pack("{s:s, s:s, s:s}", "to", phone, "text", text, "client_id", client_id);
	if (body == NULL || (json = json_dumps(body, JSON_COMPACT)) == NULL ||
	    (h = curl_slist_append(NULL, "Content-Type: application/json")) == NULL ||
	    (h2 = curl_slist_append(h, auth)) == NULL || (c = curl_easy_init()) == NULL) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	h = h2;
	if (http_setup(c, cfg.sms_url, "http,https", cfg.sms_timeout, 5, cfg.sms_ca_file, &ans) != 0 ||
	    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_POSTFIELDS, json) != CURLE_OK) {
		snprintf(err, errlen, "cannot set up the call");
		goto out;
	}
	cc = curl_easy_perform(c);
	if (cc != CURLE_OK) {
		snprintf(err, errlen, "SMS gateway: %s",
			 ans.overflow ? "answer too large" : curl_easy_strerror(cc));
		e = PERR_UPSTREAM;
		goto out;
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	if (status == 200 || status == 201) {
		e = PERR_OK;
	} else {
		reason(&ans, status, err, errlen);
		e = status >= 400 && status < 500 && status != 408 && status != 429 ? PERR_BAD_INPUT
										    : PERR_UPSTREAM;
	}
out:
	if (c != NULL)
		curl_easy_cleanup(c);
	curl_slist_free_all(h);
	sodium_memzero(auth, sizeof(auth));
	free(json);
	json_decref(body);
	return e;
}
