/*
 * yookassa.c: the client side of YooKassa's API v3, the first payment provider.
 *
 *   POST /payments            create, with an Idempotence-Key: repeating the
 *                             call with the same key returns the same payment
 *   GET  /payments/{id}       the payment now
 *   GET  /receipts?payment_id= the payment's fiscal receipt, once registered
 *
 * HTTP Basic authentication with the shop id and secret key, JSON both ways
 * (libcurl, jansson).  A notification (webhook) is only a hint: the caller
 * re-reads the payment it names with get() before believing anything, so a
 * forged notification can at most make us ask.
 *
 * The parsers are separate from the transport so that they can be tested and
 * fuzzed without a network.
 */
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

#include <curl/curl.h>
#include <jansson.h>
#include <sodium.h>

#include "billing/fiscal.h"
#include "core/config.h"
#include "core/log.h"
#include "core/module.h"
#include "core/money.h"
#include "core/perr.h"
#include "core/utf8.h"
#include "net/http.h"
#include "net/provider.h"

#define RESPONSE_MAX (64u << 10)

/* ---------------------------------------------------------------- parsing */

int yookassa_parse_amount(const char *s, money_t *out)
{
	money_t v = 0;
	size_t i, digits = 0;

	for (i = 0; s[i] >= '0' && s[i] <= '9'; i++) {
		if (++digits > 13)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (digits == 0 || (digits > 1 && s[0] == '0'))
		return -1;
	if (s[i] == '\0') {
		*out = v * 100;
		return 0;
	}
	if (s[i] != '.' || s[i + 1] < '0' || s[i + 1] > '9' || s[i + 2] < '0' || s[i + 2] > '9' ||
	    s[i + 3] != '\0')
		return -1;
	*out = v * 100 + (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
	return 0;
}

/* A provider's id: letters, digits, '-' and '_', 1..PAY_ID_MAX. */
static int id_valid(const char *s)
{
	size_t n = 0;

	for (; s[n]; n++)
		if (n == PAY_ID_MAX ||
		    !((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'z') ||
		      (s[n] >= 'A' && s[n] <= 'Z') || s[n] == '-' || s[n] == '_'))
			return 0;
	return n > 0;
}

/* Copy a string member into dst; 0 if absent, -1 if not a string or too long. */
static int copy_str(json_t *obj, const char *key, char *dst, size_t cap)
{
	json_t *v = json_object_get(obj, key);
	const char *s;

	dst[0] = '\0';
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v) || (s = json_string_value(v)) == NULL || strlen(s) >= cap ||
	    !utf8_valid(s, strlen(s)))
		return -1;
	memcpy(dst, s, strlen(s) + 1);
	return 1;
}

static int parse_object(json_t *o, struct pay_state *st)
{
	json_t *amount, *conf, *pm, *cancel, *meta;
	char status[32], value[32], ref[24];

	memset(st, 0, sizeof(*st));
	if (!json_is_object(o) || copy_str(o, "id", st->id, sizeof(st->id)) != 1 || !id_valid(st->id) ||
	    copy_str(o, "status", status, sizeof(status)) != 1)
		return -1;
	if (strcmp(status, "pending") == 0 || strcmp(status, "waiting_for_capture") == 0)
		st->status = PAY_PENDING;
	else if (strcmp(status, "succeeded") == 0)
		st->status = PAY_SUCCEEDED;
	else if (strcmp(status, "canceled") == 0)
		st->status = PAY_CANCELED;
	else
		return -1;
	amount = json_object_get(o, "amount");
	if (!json_is_object(amount) || copy_str(amount, "value", value, sizeof(value)) != 1 ||
	    yookassa_parse_amount(value, &st->amount) != 0 ||
	    copy_str(amount, "currency", st->currency, sizeof(st->currency)) != 1 ||
	    strlen(st->currency) != 3)
		return -1;
	if ((conf = json_object_get(o, "confirmation")) != NULL && json_is_object(conf) &&
	    copy_str(conf, "confirmation_url", st->confirmation_url, sizeof(st->confirmation_url)) < 0)
		return -1;
	if (st->confirmation_url[0] && strncmp(st->confirmation_url, "https://", 8) != 0 &&
	    strncmp(st->confirmation_url, "http://", 7) != 0)
		return -1;
	if ((pm = json_object_get(o, "payment_method")) != NULL && json_is_object(pm)) {
		if (copy_str(pm, "id", st->method_id, sizeof(st->method_id)) < 0 ||
		    (st->method_id[0] && !id_valid(st->method_id)) ||
		    copy_str(pm, "title", st->method_title, sizeof(st->method_title)) < 0)
			return -1;
		st->method_saved = json_is_true(json_object_get(pm, "saved"));
	}
	if ((cancel = json_object_get(o, "cancellation_details")) != NULL && json_is_object(cancel) &&
	    copy_str(cancel, "reason", st->cancel_reason, sizeof(st->cancel_reason)) < 0)
		return -1;
	if ((meta = json_object_get(o, "metadata")) != NULL && json_is_object(meta) &&
	    copy_str(meta, "kabinet_id", ref, sizeof(ref)) == 1) {
		char *end;
		unsigned long long v = strtoull(ref, &end, 10);

		if (*end || ref[0] < '1' || ref[0] > '9')
			return -1;
		st->ref = v;
	}
	return 0;
}

static json_t *load_json(const char *text, size_t len)
{
	json_error_t err;

	if (len > RESPONSE_MAX || !utf8_valid(text, len))
		return NULL;
	return json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
}

int yookassa_parse_payment(const char *text, size_t len, struct pay_state *st)
{
	json_t *o = load_json(text, len);
	int rc = o ? parse_object(o, st) : -1;

	json_decref(o);
	return rc;
}

int yookassa_parse_refund(const char *text, size_t len, struct refund_state *st)
{
	json_t *o = load_json(text, len), *amount;
	char status[32], value[32];
	int rc = -1;

	memset(st, 0, sizeof(*st));
	if (o == NULL || !json_is_object(o) || copy_str(o, "id", st->id, sizeof(st->id)) != 1 ||
	    !id_valid(st->id) ||
	    copy_str(o, "payment_id", st->payment_id, sizeof(st->payment_id)) != 1 ||
	    !id_valid(st->payment_id) || copy_str(o, "status", status, sizeof(status)) != 1)
		goto out;
	if (strcmp(status, "pending") == 0)
		st->status = PAY_PENDING;
	else if (strcmp(status, "succeeded") == 0)
		st->status = PAY_SUCCEEDED;
	else if (strcmp(status, "canceled") == 0)
		st->status = PAY_CANCELED;
	else
		goto out;
	amount = json_object_get(o, "amount");
	if (!json_is_object(amount) || copy_str(amount, "value", value, sizeof(value)) != 1 ||
	    yookassa_parse_amount(value, &st->amount) != 0 ||
	    copy_str(amount, "currency", st->currency, sizeof(st->currency)) != 1 ||
	    strlen(st->currency) != 3)
		goto out;
	rc = 0;
out:
	json_decref(o);
	return rc;
}

int yookassa_parse_notice(const char *text, size_t len, char id[PAY_ID_MAX + 1])
{
	json_t *o = load_json(text, len), *obj;
	char type[32], event[64];
	int rc = -1;

	if (o == NULL)
		return -1;
	obj = json_object_get(o, "object");
	if (copy_str(o, "type", type, sizeof(type)) == 1 && strcmp(type, "notification") == 0 &&
	    copy_str(o, "event", event, sizeof(event)) == 1 && strncmp(event, "payment.", 8) == 0 &&
	    json_is_object(obj) && copy_str(obj, "id", id, PAY_ID_MAX + 1) == 1 && id_valid(id))
		rc = 0;
	json_decref(o);
	return rc;
}

/* A fiscal number: 1..FISCAL_NUM_MAX digits, as a string (the API's form). */
static int copy_fiscal_number(json_t *obj, const char *key, char dst[FISCAL_NUM_MAX + 1])
{
	return copy_str(obj, key, dst, FISCAL_NUM_MAX + 1) == 1 && fiscal_number_valid(dst) ? 0
	                                                                                    : -1;
}

/* "2026-12-02T11:45:07.325Z" -> "2026-12-02 11:45:07": UTC, as the API gives it. */
static int copy_utc_time(json_t *obj, const char *key, char dst[20])
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	char s[40];
	size_t i;

	if (copy_str(obj, key, s, sizeof(s)) != 1)
		return -1;
	for (i = 0; i < sizeof(shape) - 1; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			return -1;
	if (s[i] == '.')
		for (i++; s[i] >= '0' && s[i] <= '9'; i++)
			;
	if (s[i] != 'Z' || s[i + 1] != '\0')
		return -1;
	memcpy(dst, s, 19);
	dst[10] = ' ';
	dst[19] = '\0';
	return 0;
}

int yookassa_parse_receipts(const char *text, size_t len, struct fiscal_receipt *fr)
{
	json_t *o = load_json(text, len), *items, *it;
	char type[16], status[16];
	size_t i;
	int rc = -1;

	memset(fr, 0, sizeof(*fr));
	if (o == NULL || !json_is_object(o) || !json_is_array(items = json_object_get(o, "items")))
		goto out;
	rc = 1;
	json_array_foreach(items, i, it)
	{
		if (!json_is_object(it) || copy_str(it, "type", type, sizeof(type)) != 1 ||
		    copy_str(it, "status", status, sizeof(status)) != 1) {
			rc = -1;
			break;
		}
		/* A refund's receipt is not the payment's; one still pending has no numbers. */
		if (strcmp(type, "payment") != 0 || strcmp(status, "succeeded") != 0)
			continue;
		rc = copy_str(it, "id", fr->id, sizeof(fr->id)) != 1 || !id_valid(fr->id) ||
		                     copy_fiscal_number(it, "fiscal_storage_number", fr->storage) ||
		                     copy_fiscal_number(it, "fiscal_document_number",
		                                        fr->document) ||
		                     copy_fiscal_number(it, "fiscal_attribute", fr->attribute) ||
		                     copy_utc_time(it, "registered_at", fr->registered_at)
		             ? -1
		             : 0;
		break;
	}
out:
	if (rc != 0)
		memset(fr, 0, sizeof(*fr));
	json_decref(o);
	return rc;
}

/* ---------------------------------------------------------------- transport */

static CURL *curl; /* one per process: the connection to the API is kept alive */

static void provider_done(void)
{
	if (curl != NULL) {
		curl_easy_cleanup(curl);
		curl = NULL;
		curl_global_cleanup();
	}
}

/* The kept connection is closed at the end of each process that linked the client. */
MODULE_HOOKS(yookassa, .stop = provider_done);

static int setup(void)
{
	if (curl != NULL) {
		curl_easy_reset(curl);
		return 0;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return -1;
	if ((curl = curl_easy_init()) == NULL) {
		curl_global_cleanup();
		return -1;
	}
	return 0;
}

/* The API's error object, for the log. */
static void log_api_error(const char *what, long status, const char *body, size_t len)
{
	json_t *o = load_json(body, len);
	char code[64] = "", desc[256] = "", esc[300];

	if (o != NULL) {
		(void)copy_str(o, "code", code, sizeof(code));
		(void)copy_str(o, "description", desc, sizeof(desc));
	}
	json_decref(o);
	log_msg(LOG_ERR, "yookassa %s: HTTP %ld %s %s", what, status, code,
		log_esc(esc, sizeof(esc), desc));
}

/* One call; body NULL is a GET.  The answer must be what parse reads into out. */
static enum perr call(const char *what, const char *path, const char *key, const char *body,
		      int (*parse)(const char *, size_t, void *), void *out)
{
	static char buf[RESPONSE_MAX + 1]; /* and its NUL */
	char url[512], auth[256], idem[128];
	struct curl_slist *h = NULL, *h2;
	struct http_answer resp = {buf, sizeof(buf), 0, 0};
	long status = 0;
	int attempt;
	CURLcode cc = CURLE_OK;

	if (snprintf(url, sizeof(url), "%s%s", cfg.pay_api_url, path) >= (int)sizeof(url) ||
	    snprintf(auth, sizeof(auth), "%s:%s", cfg.pay_shop_id, cfg.pay_secret) >= (int)sizeof(auth))
		return PERR_TOO_LARGE;
	if ((h = curl_slist_append(NULL, "Content-Type: application/json")) == NULL)
		return PERR_NOMEM;
	if (key != NULL) {
		snprintf(idem, sizeof(idem), "Idempotence-Key: %s", key);
		if ((h2 = curl_slist_append(h, idem)) == NULL) {
			curl_slist_free_all(h);
			return PERR_NOMEM;
		}
		h = h2;
	}
	/*
	 * One retry after a failure to connect or a dropped connection: a kept
	 * connection may have been closed by the other side.  Safe for a create
	 * too, because of the Idempotence-Key.
	 */
	for (attempt = 0; attempt < 2; attempt++) {
		if (setup() != 0 ||
		    http_setup(curl, url, "http,https", cfg.pay_timeout, 5, cfg.pay_ca_file, &resp) ||
		    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC) != CURLE_OK ||
		    curl_easy_setopt(curl, CURLOPT_USERPWD, auth) != CURLE_OK ||
		    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, h) != CURLE_OK ||
		    (body != NULL && (curl_easy_setopt(curl, CURLOPT_POST, 1L) != CURLE_OK ||
				      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body) != CURLE_OK))) {
			curl_slist_free_all(h);
			sodium_memzero(auth, sizeof(auth));
			return PERR_NOMEM;
		}
		cc = curl_easy_perform(curl);
		if (cc == CURLE_OK || resp.overflow ||
		    (cc != CURLE_COULDNT_CONNECT && cc != CURLE_GOT_NOTHING && cc != CURLE_SEND_ERROR &&
		     cc != CURLE_RECV_ERROR))
			break;
	}
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(h);
	/* The secret must not outlive the call in a buffer libcurl keeps. */
	curl_easy_setopt(curl, CURLOPT_USERPWD, NULL);
	sodium_memzero(auth, sizeof(auth));
	if (cc != CURLE_OK) {
		log_msg(LOG_ERR, "yookassa %s: %s", what,
			resp.overflow ? "answer too large" : curl_easy_strerror(cc));
		return PERR_UPSTREAM;
	}
	if (status != 200) {
		log_api_error(what, status, buf, resp.len);
		/* A 4xx is the provider refusing what we asked; a 5xx, the provider down. */
		if (status == 404)
			return PERR_NOT_FOUND;
		return status >= 400 && status < 500 && status != 401 && status != 429
			       ? PERR_BAD_INPUT
			       : PERR_UPSTREAM;
	}
	if (parse(buf, resp.len, out) != 0) {
		log_msg(LOG_ERR, "yookassa %s: the answer is not what was asked for", what);
		return PERR_UPSTREAM;
	}
	return PERR_OK;
}

static int parse_payment(const char *text, size_t len, void *out)
{
	return yookassa_parse_payment(text, len, out);
}

static int parse_refund(const char *text, size_t len, void *out)
{
	return yookassa_parse_refund(text, len, out);
}

/* The API's form of a positive amount in kopecks: "1234.50". */
static void amount_text(money_t amount, char out[32])
{
	snprintf(out, 32, "%lld.%02lld", amount / 100, amount % 100);
}

static enum perr create(const struct pay_order *o, struct pay_state *st)
{
	json_t *req = NULL, *conf;
	char value[32], ref[24];
	char *body = NULL;
	enum perr e = PERR_NOMEM;

	if (o->cur == NULL || o->amount <= 0 || o->key == NULL)
		return PERR_BAD_INPUT;
	amount_text(o->amount, value);
	snprintf(ref, sizeof(ref), "%llu", (unsigned long long)o->ref);
	req = json_pack("{s:{s:s,s:s},s:b,s:s,s:{s:s}}", "amount", "value", value, "currency",
			o->cur->code, "capture", 1, "description", o->description ? o->description : "",
			"metadata", "kabinet_id", ref);
	if (req == NULL)
		goto out;
	if (o->method_id != NULL) {
		if (json_object_set_new(req, "payment_method_id", json_string(o->method_id)) != 0)
			goto out;
	} else {
		conf = json_pack("{s:s,s:s}", "type", "redirect", "return_url",
				 o->return_url ? o->return_url : "");
		if (conf == NULL || json_object_set_new(req, "confirmation", conf) != 0)
			goto out;
		if (o->save_method &&
		    json_object_set_new(req, "save_payment_method", json_true()) != 0)
			goto out;
	}
	if ((body = json_dumps(req, JSON_COMPACT)) == NULL)
		goto out;
	e = call("create", "/payments", o->key, body, parse_payment, st);
	/* A refused payment is, to the payer, the provider not taking it. */
	if (e == PERR_BAD_INPUT)
		e = PERR_UPSTREAM;
out:
	free(body);
	json_decref(req);
	return e;
}

/* GET one object of a collection ("payments", "refunds") by the provider's id. */
static enum perr get_object(const char *what, const char *collection, const char *id,
			    int (*parse)(const char *, size_t, void *), void *out)
{
	char path[32 + PAY_ID_MAX];

	if (!id_valid(id))
		return PERR_BAD_INPUT;
	snprintf(path, sizeof(path), "/%s/%s", collection, id);
	return call(what, path, NULL, NULL, parse, out);
}

static enum perr get(const char *id, struct pay_state *st)
{
	enum perr e = get_object("get", "payments", id, parse_payment, st);

	/* Our id refused is no payment to credit: to the caller, the provider not answering. */
	return e == PERR_BAD_INPUT && id_valid(id) ? PERR_UPSTREAM : e;
}

static enum perr refund(const struct refund_order *o, struct refund_state *st)
{
	json_t *req;
	char value[32];
	char *body = NULL;
	enum perr e = PERR_NOMEM;

	if (o->cur == NULL || o->amount <= 0 || o->key == NULL || !id_valid(o->payment_id))
		return PERR_BAD_INPUT;
	amount_text(o->amount, value);
	req = json_pack("{s:s,s:{s:s,s:s},s:s}", "payment_id", o->payment_id, "amount", "value",
			value, "currency", o->cur->code, "description",
			o->description ? o->description : "");
	if (req != NULL && (body = json_dumps(req, JSON_COMPACT)) != NULL)
		e = call("refund", "/refunds", o->key, body, parse_refund, st);
	free(body);
	json_decref(req);
	return e;
}

static enum perr refund_get(const char *id, struct refund_state *st)
{
	return get_object("refund get", "refunds", id, parse_refund, st);
}

static int parse_receipts(const char *text, size_t len, void *out)
{
	/* None registered yet is an answer, told apart from a malformed one. */
	int rc = yookassa_parse_receipts(text, len, out);

	if (rc == 1)
		((struct fiscal_receipt *)out)->id[0] = '\0';
	return rc < 0 ? -1 : 0;
}

static enum perr receipt(const char *payment_id, struct fiscal_receipt *fr)
{
	char path[32 + PAY_ID_MAX];
	enum perr e;

	if (!id_valid(payment_id))
		return PERR_BAD_INPUT;
	snprintf(path, sizeof(path), "/receipts?payment_id=%s", payment_id);
	if ((e = call("receipt", path, NULL, NULL, parse_receipts, fr)) != PERR_OK)
		return e;
	return fr->id[0] ? PERR_OK : PERR_NOT_FOUND;
}

static const struct provider yookassa = {"yookassa", "ЮKassa", "RUB",      create,
                                         get,        refund,   refund_get, yookassa_parse_notice,
                                         receipt};

const struct provider *provider_get(void)
{
	return strcmp(cfg.pay_provider, "yookassa") == 0 ? &yookassa : NULL;
}
