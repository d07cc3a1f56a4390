/*
 * mail.c: one e-mail over SMTP with libcurl.  libcurl speaks the protocol
 * (EHLO, STARTTLS when offered, AUTH, the dot-stuffed DATA) and builds the
 * MIME parts; this file writes the headers, encoding the subject for
 * non-ASCII (RFC 2047) and refusing anything that could break a header.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <sodium.h>

#include "core/config.h"
#include "core/perr.h"
#include "net/http.h"
#include "net/mail.h"

#define HEADER_MAX 1024

/* An address we put in a header and an envelope: one line, no separators. */
static int address_ok(const char *a)
{
	size_t n = strlen(a);

	return n > 2 && n < 255 && strchr(a, '@') != NULL && strpbrk(a, " \t\r\n<>,;:\"\\()") == NULL;
}

/*
 * "Subject: =?UTF-8?B?...?=": the text in encoded words of at most 45 bytes
 * each (60 base64 characters), cut between UTF-8 characters, folded.
 */
static int subject_header(const char *s, char *out, size_t cap)
{
	size_t n = strlen(s), i = 0, len;
	int k;

	k = snprintf(out, cap, "Subject:");
	if (k < 0 || (size_t)k >= cap)
		return -1;
	len = (size_t)k;
	while (i < n) {
		size_t take = n - i > 45 ? 45 : n - i;
		char b64[sodium_base64_ENCODED_LEN(45, sodium_base64_VARIANT_ORIGINAL)];

		while (take > 0 && i + take < n && ((unsigned char)s[i + take] & 0xC0) == 0x80)
			take--; /* do not split a character */
		if (take == 0)
			return -1;
		sodium_bin2base64(b64, sizeof(b64), (const unsigned char *)s + i, take,
				  sodium_base64_VARIANT_ORIGINAL);
		k = snprintf(out + len, cap - len, "%s=?UTF-8?B?%s?=", i ? "\r\n " : " ", b64);
		if (k < 0 || (size_t)k >= cap - len)
			return -1;
		len += (size_t)k;
		i += take;
	}
	return 0;
}

static struct curl_slist *add(struct curl_slist *l, const char *h, int *failed)
{
	struct curl_slist *n = curl_slist_append(l, h);

	if (n == NULL)
		*failed = 1;
	return n ? n : l;
}

enum perr mail_send(const char *to, const char *subject, const char *text, const char *attach_name,
		    const char *attach_type, const unsigned char *attach, size_t attach_len,
		    uint64_t msgid, char *err, size_t errlen)
{
	CURL *c = NULL;
	curl_mime *mime = NULL;
	curl_mimepart *part;
	struct curl_slist *hdr = NULL, *rcpt = NULL;
	char h[HEADER_MAX], date[64], curl_err[CURL_ERROR_SIZE] = "";
	const char *host;
	time_t now = time(NULL);
	struct tm tm;
	int failed = 0;
	enum perr e = PERR_SYS;
	CURLcode rc;

	snprintf(err, errlen, "cannot build the message");
	if (!address_ok(to) || !address_ok(cfg.smtp_from) || strpbrk(subject, "\r\n") != NULL) {
		snprintf(err, errlen, "bad address or subject");
		return PERR_BAD_INPUT;
	}
	host = strchr(cfg.smtp_from, '@') + 1;
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "Date: %a, %d %b %Y %H:%M:%S +0000", &tm);
	hdr = add(hdr, date, &failed);
	snprintf(h, sizeof(h), "From: %s", cfg.smtp_from);
	hdr = add(hdr, h, &failed);
	snprintf(h, sizeof(h), "To: %s", to);
	hdr = add(hdr, h, &failed);
	/* The same id on every attempt: a receiver that got it once can drop a repeat. */
	snprintf(h, sizeof(h), "Message-ID: <kabinet.%llu@%s>", (unsigned long long)msgid, host);
	hdr = add(hdr, h, &failed);
	if (subject_header(subject, h, sizeof(h)) != 0)
		failed = 1;
	else
		hdr = add(hdr, h, &failed);
	rcpt = add(rcpt, to, &failed);
	if (failed || (c = curl_easy_init()) == NULL || (mime = curl_mime_init(c)) == NULL)
		goto out;
	part = curl_mime_addpart(mime);
	if (part == NULL || curl_mime_data(part, text, CURL_ZERO_TERMINATED) != CURLE_OK ||
	    curl_mime_type(part, "text/plain; charset=utf-8") != CURLE_OK ||
	    curl_mime_encoder(part, "base64") != CURLE_OK)
		goto out;
	if (attach != NULL) {
		part = curl_mime_addpart(mime);
		if (part == NULL ||
		    curl_mime_data(part, (const char *)attach, attach_len) != CURLE_OK ||
		    curl_mime_filename(part, attach_name) != CURLE_OK ||
		    curl_mime_type(part, attach_type) != CURLE_OK ||
		    curl_mime_encoder(part, "base64") != CURLE_OK)
			goto out;
	}
	if (http_setup(c, cfg.smtp_url, "smtp,smtps", cfg.mail_timeout, 10, cfg.smtp_ca_file, NULL) ||
	    curl_easy_setopt(c, CURLOPT_MAIL_FROM, cfg.smtp_from) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_MIMEPOST, mime) != CURLE_OK ||
	    /* STARTTLS whenever the server offers it; smtps:// is TLS from the start. */
	    curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_TRY) != CURLE_OK ||
	    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, curl_err) != CURLE_OK)
		goto out;
	if (cfg.smtp_user[0] &&
	    (curl_easy_setopt(c, CURLOPT_USERNAME, cfg.smtp_user) != CURLE_OK ||
	     curl_easy_setopt(c, CURLOPT_PASSWORD, cfg.smtp_password) != CURLE_OK))
		goto out;
	rc = curl_easy_perform(c);
	if (rc != CURLE_OK) {
		snprintf(err, errlen, "%s", curl_err[0] ? curl_err : curl_easy_strerror(rc));
		e = PERR_UPSTREAM;
		goto out;
	}
	err[0] = '\0';
	e = PERR_OK;
out:
	curl_mime_free(mime);
	if (c != NULL)
		curl_easy_cleanup(c);
	curl_slist_free_all(hdr);
	curl_slist_free_all(rcpt);
	return e;
}
