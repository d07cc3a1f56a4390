/*
 * api.c: /api/v1/, the billing system's JSON API (docs/openapi.json).
 *
 *   GET  /api/v1/readings?after=&limit=     read:readings   readings as they change
 *   GET  /api/v1/payments?after=&limit=     read:payments   payments as they change
 *   GET  /api/v1/promises?after=&limit=     read:promises   promised payments given
 *   POST /api/v1/accounts | charges | payments   write:<kind>   {"rows": [...]}
 *   POST /api/v1/connections | objects | events | usage   write:<kind>   the same
 *   GET  /api/v1/jobs/{id}                  an import made through the API
 *
 * A key (Authorization: Bearer) belongs to one organization and carries
 * scopes and a rate a minute.  Pages of a feed are after an opaque cursor
 * over numbers handed out in commit order (sql/018-exchange.sql), so rows
 * written while a client pages are neither skipped nor repeated.  A pushed
 * batch becomes an import like an uploaded file (the same checks, all or
 * nothing): up to SYNC_ROWS rows answered at once, larger ones 202 with a
 * job to poll.  An Idempotency-Key makes a replayed POST get the first
 * answer.  Errors are application/problem+json (RFC 9457).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sodium.h>

#include "app/batch.h"
#include "app/exchange.h"
#include "core/arena.h"
#include "core/decimal.h"
#include "core/log.h"
#include "core/parse.h"
#include "core/perr.h"
#include "db/api.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/exchange.h"
#include "web/io.h"
#include "web/req.h"
#include "web/serve.h"
#include "web/status.h"

#define BODY_MAX     (16u << 20)
#define ROWS_MAX     200000
#define SYNC_ROWS    1000
#define PAGE_DEFAULT 100
#define PAGE_MAX     1000
#define ERRORS_SHOWN 1000
#define KEY_MAX      200
#define IDEM_MAX     64

struct call {
	struct arena *a;
	const struct io *io;
	const char *method, *path;
	struct kvlist query;
	struct api_key key;
	/* the answer */
	int status;
	char *body; /* malloc'd JSON */
	const char *type;
	const char *location, *allow, *retry_after, *authenticate;
	int replayed;
};

/* ---------------------------------------------------------------- answers */

/* The answer is j (taken). */
static int answer(struct call *c, int status, json_t *j, const char *type)
{
	free(c->body);
	c->body = j ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	c->status = c->body ? status : 500;
	c->type = type;
	return c->status;
}

/* RFC 9457: a problem, its type a stable code documented in openapi.json. */
static int problem(struct call *c, int status, const char *code, const char *fmt, ...)
{
	char detail[512];
	va_list ap;
	json_t *j;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	j = json_pack("{s:s, s:s, s:i, s:s}", "type",
	              arena_printf(c->a, "/api/v1/openapi.json#problem-%s", code) ?: "about:blank",
	              "title", code, "status", status, "detail", detail);
	return answer(c, status, j, "application/problem+json");
}

static int fail(struct call *c, enum perr e)
{
	if (e == PERR_DB_DOWN)
		return problem(c, 503, "unavailable", "The database cannot be reached; try again.");
	log_msg(LOG_ERR, "api %s %s: %s", c->method, c->path, perr_str(e));
	return problem(c, 500, "internal", "An internal error; nothing was changed.");
}

static int write_all(const struct io *io, const char *p, size_t n)
{
	return n == 0 ? 0 : io->write(io->ctx, p, n);
}

static void respond(struct call *c)
{
	char head[1024];
	size_t len = c->body ? strlen(c->body) : 0;
	int n;

	n = snprintf(head, sizeof(head),
	             "Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
	             "Cache-Control: no-store\r\nX-Content-Type-Options: "
	             "nosniff\r\n%s%s%s%s%s%s%s%s%s%s%s"
	             "\r\n",
	             c->status, status_reason(c->status), c->type ? c->type : "application/json",
	             len, c->location ? "Location: " : "", c->location ? c->location : "",
	             c->location ? "\r\n" : "", c->allow ? "Allow: " : "", c->allow ? c->allow : "",
	             c->allow ? "\r\n" : "", c->retry_after ? "Retry-After: " : "",
	             c->retry_after ? c->retry_after : "", c->retry_after ? "\r\n" : "",
	             c->authenticate ? "WWW-Authenticate: Bearer realm=\"kabinet\"\r\n" : "",
	             c->replayed ? "Idempotent-Replayed: true\r\n" : "");
	if (n < 0 || (size_t)n >= sizeof(head) || write_all(c->io, head, (size_t)n) != 0 ||
	    (strcmp(c->method, "HEAD") != 0 && write_all(c->io, c->body ? c->body : "", len) != 0))
		log_msg(LOG_WARN, "api: the client went away before the answer was written");
}

/* ---------------------------------------------------------------- keys */

/* The kinds a key may push (POST /api/v1/<kind>), each behind write:<kind>; the console's
 * key form (exchange.c, scope_fields) offers the same scopes. */
static const char *const pushed[] = {"accounts", "charges", "payments", "connections",
                                     "objects",  "events",  "usage"};

static int has_scope(const struct api_key *k, const char *want)
{
	size_t n = strlen(want);
	const char *p = k->scopes;

	while ((p = strstr(p, want)) != NULL) {
		if ((p == k->scopes || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
		p += n;
	}
	return 0;
}

/* 0 once the key is known and within its rate; else the answer. */
static int authenticate(struct call *c)
{
	const char *h = c->io->param(c->io->ctx, "HTTP_AUTHORIZATION");
	unsigned char hash[32];
	unsigned n = 0;
	char wait[8];
	enum perr e;

	if (h == NULL || strncasecmp(h, "Bearer ", 7) != 0 || strlen(h + 7) == 0 ||
	    strlen(h + 7) > KEY_MAX) {
		c->authenticate = "1";
		return problem(c, 401, "unauthorized",
		               "An API key is needed: Authorization: Bearer <key>.");
	}
	crypto_generichash(hash, sizeof(hash), (const unsigned char *)h + 7, strlen(h + 7), NULL,
	                   0);
	if ((e = db_api_key_by_hash(c->a, hash, &c->key)) == PERR_NOT_FOUND) {
		c->authenticate = "1";
		return problem(c, 401, "unauthorized", "The API key is unknown or revoked.");
	}
	if (e != PERR_OK)
		return fail(c, e);
	if ((e = db_api_count(c->key.id, &n)) != PERR_OK)
		return fail(c, e);
	if (n > c->key.rate) {
		snprintf(wait, sizeof(wait), "%d", 60 - (int)(time(NULL) % 60));
		c->retry_after = arena_strdup(c->a, wait);
		return problem(c, 429, "rate-limited", "This key may make %u requests a minute.",
		               c->key.rate);
	}
	return 0;
}

static int need_scope(struct call *c, const char *scope)
{
	if (has_scope(&c->key, scope))
		return 0;
	return problem(c, 403, "forbidden", "This key does not have the scope %s.", scope);
}

/* ---------------------------------------------------------------- feeds */

/* A cursor is "f1." and the feed number in base64url: opaque, checked when read. */
static const char *cursor_of(struct arena *a, uint64_t seq)
{
	char plain[32], *out = arena_alloc(a, 64);

	snprintf(plain, sizeof(plain), "f1.%llu", (unsigned long long)seq);
	if (out == NULL)
		return NULL;
	sodium_bin2base64(out, 64, (const unsigned char *)plain, strlen(plain),
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

static int cursor_parse(const char *s, uint64_t *seq)
{
	unsigned char plain[40];
	size_t n = 0;
	char *end;

	*seq = 0;
	if (s == NULL || *s == '\0')
		return 0;
	if (strlen(s) > 50 ||
	    sodium_base642bin(plain, sizeof(plain) - 1, s, strlen(s), NULL, &n, NULL,
	                      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return -1;
	plain[n] = '\0';
	if (n < 4 || memcmp(plain, "f1.", 3) != 0 || plain[3] < '0' || plain[3] > '9')
		return -1;
	*seq = strtoull((const char *)plain + 3, &end, 10);
	return *end == '\0' ? 0 : -1;
}

struct page_ctx {
	struct call *c;
	json_t *items;
	uint64_t last;
};

static int page_args(struct call *c, uint64_t *after, unsigned *limit)
{
	const struct kv *cur = kv_find(&c->query, "after"), *lim = kv_find(&c->query, "limit");
	char *end;
	unsigned long n;

	if (cursor_parse(cur ? cur->val : NULL, after) != 0)
		return problem(c, 400, "bad-cursor", "The cursor is not one this API gave.");
	*limit = PAGE_DEFAULT;
	if (lim != NULL) {
		n = strtoul(lim->val, &end, 10);
		if (*lim->val < '0' || *lim->val > '9' || *end || n < 1 || n > PAGE_MAX)
			return problem(c, 400, "bad-limit", "limit is a whole number from 1 to %d.",
			               PAGE_MAX);
		*limit = (unsigned)n;
	}
	return 0;
}

static int page_answer(struct call *c, struct page_ctx *x, uint64_t after, unsigned limit)
{
	size_t n = json_array_size(x->items);
	json_t *j =
	        json_pack("{s:o, s:s, s:b}", "items", x->items, "next",
	                  cursor_of(c->a, n > 0 ? x->last : after) ?: "", "has_more", n == limit);

	return answer(c, 200, j, NULL);
}

static enum perr reading_json(void *p, const struct feed_reading *f)
{
	struct page_ctx *x = p;
	json_t *o = json_pack(
	        "{s:I, s:s, s:s, s:i, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)f->id, "account",
	        f->account, "meter", f->meter, "zone", (int)f->zone + 1, "taken_on", f->taken_on,
	        "value", decimal_text(x->c->a, f->value, f->decimals) ?: "", "source", f->source,
	        "status", f->status, "created_at", f->created_at ? f->created_at : "");

	x->last = f->seq;
	return o == NULL || json_array_append_new(x->items, o) != 0 ? PERR_NOMEM : PERR_OK;
}

static enum perr payment_json(void *p, const struct feed_payment *f)
{
	struct page_ctx *x = p;
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s?, s:s, s:s?}", "id", (json_int_t)f->id,
	                      "account", f->account, "paid_at", f->paid_at, "amount",
	                      decimal_text(x->c->a, f->amount, 2) ?: "", "channel", f->channel,
	                      "bank", f->bank, "status", f->status, "source_id", f->source_id);

	x->last = f->seq;
	return o == NULL || json_array_append_new(x->items, o) != 0 ? PERR_NOMEM : PERR_OK;
}

static enum perr promise_json(void *p, const struct feed_promise *f)
{
	struct page_ctx *x = p;
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)f->id,
	                      "account", f->account, "service", f->service, "login", f->login,
	                      "requested_at", f->requested_at, "until", f->until, "debt",
	                      decimal_text(x->c->a, f->debt, 2) ?: "");

	x->last = f->seq;
	return o == NULL || json_array_append_new(x->items, o) != 0 ? PERR_NOMEM : PERR_OK;
}

enum feed { FEED_READINGS, FEED_PAYMENTS, FEED_PROMISES };

static int feed_get(struct call *c, enum feed which)
{
	static const char *const scope[] = {"read:readings", "read:payments", "read:promises"};
	struct page_ctx x = {c, json_array(), 0};
	uint64_t after = 0;
	unsigned limit = 0;
	int st;
	enum perr e;

	if ((st = need_scope(c, scope[which])) != 0 || (st = page_args(c, &after, &limit)) != 0) {
		json_decref(x.items);
		return st;
	}
	if (x.items == NULL)
		return fail(c, PERR_NOMEM);
	switch (which) {
	case FEED_READINGS:
		e = db_feed_readings(c->a, c->key.org, after, limit, reading_json, &x);
		break;
	case FEED_PAYMENTS:
		e = db_feed_payments(c->a, c->key.org, after, limit, payment_json, &x);
		break;
	default: e = db_feed_promises(c->a, c->key.org, after, limit, promise_json, &x); break;
	}
	if (e != PERR_OK) {
		json_decref(x.items);
		return fail(c, e);
	}
	return page_answer(c, &x, after, limit);
}

/* ---------------------------------------------------------------- pushing */

/* The rows as the CSV file they would be, or the problem with them. */
static int rows_csv(struct call *c, json_t *rows, struct batch_text *t)
{
	size_t row = 0;
	const char *key = "";

	switch (batch_csv(rows, t, &row, &key)) {
	case BATCH_OK: return 0;
	case BATCH_NOT_OBJECT:
		return problem(c, 400, "bad-body", "rows[%zu] is not an object.", row);
	case BATCH_KEYS:
		return problem(c, 400, "bad-body", "rows[%zu] has too many or too long keys.", row);
	case BATCH_VALUE:
		return problem(c, 400, "bad-body", "rows[%zu].%s is not a value.", row, key);
	case BATCH_NOMEM: break;
	}
	return fail(c, PERR_NOMEM);
}

static json_t *counts_json(struct call *c, const struct import_row *m)
{
	return json_pack("{s:I, s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:s}", "job", (json_int_t)m->id,
	                 "kind", m->kind, "status", m->status, "rows", (json_int_t)m->rows_done,
	                 "new", (json_int_t)m->n_new, "changed", (json_int_t)m->n_changed,
	                 "unchanged", (json_int_t)m->n_unchanged, "refused",
	                 (json_int_t)m->n_refused, "href",
	                 arena_printf(c->a, "/api/v1/jobs/%llu", (unsigned long long)m->id) ?: "");
}

static enum perr error_json(void *p, const struct import_problem *pr)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s*}", "row",
	                      (json_int_t)(pr->line >= 2 ? pr->line - 2 : 0), "column", pr->column,
	                      "value", pr->value, "code", pr->code, "detail", pr->detail);

	return o == NULL || json_array_append_new(p, o) != 0 ? PERR_NOMEM : PERR_OK;
}

/* What became of an import, as the API tells it. */
/* how: 0 the answer to a push (refused rows: 422), 1 a push left queued (202),
 * 2 a job asked about (200 whatever it became). */
static int import_answer(struct call *c, uint64_t id, int how)
{
	struct import_row m;
	json_t *j, *errors;
	enum perr e;

	if ((e = db_import_get(c->a, id, c->key.org, &m)) != PERR_OK)
		return fail(c, e);
	if ((j = counts_json(c, &m)) == NULL)
		return fail(c, PERR_NOMEM);
	if (strcmp(m.status, "refused") == 0) {
		if ((errors = json_array()) == NULL ||
		    (e = db_import_problems(c->a, id, ERRORS_SHOWN, error_json, errors)) !=
		            PERR_OK) {
			json_decref(errors);
			json_decref(j);
			return fail(c, errors == NULL ? PERR_NOMEM : e);
		}
		if (how == 0) {
			/* A problem document (its status the HTTP one), the rows' errors in it. */
			json_decref(j);
			j = json_pack("{s:s, s:s, s:i, s:s, s:I, s:I, s:o}", "type",
			              "/api/v1/openapi.json#problem-invalid-rows", "title",
			              "invalid-rows", "status", 422, "detail",
			              "Some rows were refused; nothing was applied.", "job",
			              (json_int_t)m.id, "refused", (json_int_t)m.n_refused,
			              "errors", errors);
			return answer(c, 422, j, "application/problem+json");
		}
		if (json_object_set_new(j, "errors", errors) != 0) {
			json_decref(j);
			return fail(c, PERR_NOMEM);
		}
	}
	if (how == 1 && (c->location = arena_printf(c->a, "/api/v1/jobs/%llu",
	                                            (unsigned long long)id)) == NULL) {
		json_decref(j);
		return fail(c, PERR_NOMEM);
	}
	return answer(c, how == 1 ? 202 : 200, j, NULL);
}

static const char *header(struct call *c, const char *name)
{
	return c->io->param(c->io->ctx, name);
}

/* The body, read whole (it is bounded): a malloc'd string, or NULL with the answer given. */
static char *read_json_body(struct call *c, size_t *len)
{
	const char *cl = header(c, "CONTENT_LENGTH"), *ct = header(c, "CONTENT_TYPE");
	unsigned long n;
	size_t got = 0;
	char *buf, *end;

	if (ct == NULL || strncasecmp(ct, "application/json", 16) != 0 ||
	    (ct[16] != '\0' && ct[16] != ';')) {
		problem(c, 415, "unsupported-media-type", "The body is application/json.");
		return NULL;
	}
	n = cl ? strtoul(cl, &end, 10) : 0;
	if (cl == NULL || *cl < '0' || *cl > '9' || *end) {
		problem(c, 400, "bad-body", "Content-Length is needed.");
		return NULL;
	}
	if (n > BODY_MAX) {
		problem(c, 413, "too-large", "A batch is at most %u bytes; send several.",
		        BODY_MAX);
		return NULL;
	}
	if ((buf = malloc(n + 1)) == NULL) {
		fail(c, PERR_NOMEM);
		return NULL;
	}
	while (got < n) {
		long k = c->io->read(c->io->ctx, buf + got, n - got);

		if (k <= 0) {
			free(buf);
			problem(c, 400, "bad-body", "The body ended before its length.");
			return NULL;
		}
		got += (size_t)k;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

static int push(struct call *c, const char *kind, const char *body, size_t len)
{
	char scope[32], who[40];
	struct batch_text t = {NULL, 0, 0, 0};
	json_error_t jerr;
	json_t *doc = NULL, *rows, *dry;
	uint64_t id = 0, bytes = 0;
	size_t n;
	int st;
	enum perr e;
	struct audit_entry au = {0, who, "-", c->key.org, "api-import", "import", NULL, NULL, NULL};

	snprintf(scope, sizeof(scope), "write:%s", kind);
	snprintf(who, sizeof(who), "api:%s", c->key.prefix);
	if ((st = need_scope(c, scope)) != 0)
		return st;
	if ((doc = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr)) == NULL)
		return problem(c, 400, "bad-json", "Line %d, column %d: %s", jerr.line, jerr.column,
		               jerr.text);
	rows = json_object_get(doc, "rows");
	dry = json_object_get(doc, "dry_run");
	if (!json_is_object(doc) || !json_is_array(rows) || json_array_size(rows) == 0 ||
	    (dry != NULL && !json_is_boolean(dry))) {
		json_decref(doc);
		return problem(c, 400, "bad-body",
		               "The body is {\"rows\": [ {...}, ... ], \"dry_run\": false}.");
	}
	if ((n = json_array_size(rows)) > ROWS_MAX) {
		json_decref(doc);
		return problem(c, 413, "too-large", "A batch is at most %d rows.", ROWS_MAX);
	}
	st = rows_csv(c, rows, &t);
	json_decref(doc);
	if (st != 0)
		goto out;
	if ((e = db_import_new(c->key.org, kind, json_is_true(dry) ? "check" : "apply",
	                       arena_printf(c->a, "api-%s.json", kind) ?: "api.json", 0, c->key.id,
	                       who, &id)) != PERR_OK ||
	    (e = exchange_store(id, batch_read, &t, UINT64_MAX, n > SYNC_ROWS, &bytes)) !=
	            PERR_OK) {
		st = fail(c, e);
		goto out;
	}
	au.object_id = arena_printf(c->a, "%llu", (unsigned long long)id);
	au.after =
	        arena_printf(c->a, "%s, %zu rows%s", kind, n, json_is_true(dry) ? ", dry run" : "");
	if (au.object_id == NULL || au.after == NULL || (e = db_audit_add(&au)) != PERR_OK) {
		st = fail(c, au.object_id && au.after ? e : PERR_NOMEM);
		goto out;
	}
	/* A small batch is done now; a large one, or one whose organization is
	 * busy importing, is left to the import program. */
	if (n > SYNC_ROWS) {
		st = import_answer(c, id, 1);
		goto out;
	}
	if ((e = exchange_run(c->a, id, who, NULL, NULL)) == PERR_CONFLICT) {
		st = (e = db_import_queue(id)) == PERR_OK ? import_answer(c, id, 1) : fail(c, e);
		goto out;
	}
	st = e == PERR_OK ? import_answer(c, id, 0) : fail(c, e);
out:
	batch_free(&t);
	return st;
}

/* Idempotency-Key: a replay gets the first answer; another body under the key is refused. */
static int idempotent_push(struct call *c, const char *kind)
{
	const char *idem = header(c, "HTTP_IDEMPOTENCY_KEY");
	unsigned char hash[32];
	struct api_replay rp;
	size_t len = 0, i;
	char *body;
	int st;
	enum perr e;

	if ((body = read_json_body(c, &len)) == NULL)
		return c->status;
	if (idem == NULL) {
		st = push(c, kind, body, len);
		free(body);
		return st;
	}
	for (i = 0; idem[i]; i++)
		if (idem[i] < 0x21 || idem[i] > 0x7e)
			break;
	if (idem[i] != '\0' || i == 0 || i > IDEM_MAX) {
		free(body);
		return problem(c, 400, "bad-idempotency-key",
		               "Idempotency-Key is 1 to %d visible ASCII characters.", IDEM_MAX);
	}
	crypto_generichash_state hs;
	crypto_generichash_init(&hs, NULL, 0, sizeof(hash));
	crypto_generichash_update(&hs, (const unsigned char *)c->path, strlen(c->path) + 1);
	crypto_generichash_update(&hs, (const unsigned char *)body, len);
	crypto_generichash_final(&hs, hash, sizeof(hash));
	e = db_api_idem_claim(c->a, c->key.id, idem, hash, &rp);
	if (e == PERR_CONFLICT) {
		free(body);
		if (sodium_memcmp(rp.hash, hash, sizeof(hash)) != 0)
			return problem(c, 422, "idempotency-key-reused",
			               "This Idempotency-Key was used with another request.");
		if (rp.status == 0)
			return problem(
			        c, 409, "in-progress",
			        "The first request with this Idempotency-Key is still running.");
		c->replayed = 1;
		c->location = rp.location;
		c->status = (int)rp.status;
		c->body = strdup(rp.body ? rp.body : "");
		c->type = rp.status >= 400 ? "application/problem+json" : NULL;
		return c->status;
	}
	if (e != PERR_OK) {
		free(body);
		return fail(c, e);
	}
	st = push(c, kind, body, len);
	free(body);
	/* A failure of ours is not kept: the client may retry under the same key. */
	e = st >= 500 ? db_api_idem_drop(c->key.id, idem)
	              : db_api_idem_done(c->key.id, idem, (unsigned)st, c->body ? c->body : "",
	                                 c->location);
	if (e != PERR_OK)
		log_msg(LOG_ERR, "api: could not keep the answer under its Idempotency-Key: %s",
		        perr_str(e));
	return st;
}

static int job_get(struct call *c, const char *idtext)
{
	char *end;
	unsigned long long id = strtoull(idtext, &end, 10);
	struct import_row m;
	enum perr e;

	if (*idtext < '1' || *idtext > '9' || *end)
		return problem(c, 404, "not-found", "No such job.");
	if ((e = db_import_get(c->a, id, c->key.org, &m)) == PERR_NOT_FOUND)
		return problem(c, 404, "not-found", "No such job.");
	if (e != PERR_OK)
		return fail(c, e);
	return import_answer(c, id, 2);
}

/* ---------------------------------------------------------------- routing */

static int is_pushed(const char *kind)
{
	for (size_t i = 0; i < sizeof(pushed) / sizeof(pushed[0]); i++)
		if (strcmp(kind, pushed[i]) == 0)
			return 1;
	return 0;
}

static int route(struct call *c)
{
	const char *p = c->path;
	int get = strcmp(c->method, "GET") == 0 || strcmp(c->method, "HEAD") == 0;
	int post = strcmp(c->method, "POST") == 0;
	int st, fed;

	if (strncmp(p, "/api/v1/", 8) != 0)
		return problem(c, 404, "not-found", "No such resource.");
	p += 8;
	/* Read only: the feeds but payments (which are pushed too), and the jobs. */
	fed = strcmp(p, "readings") == 0 || strcmp(p, "promises") == 0 ||
	      strncmp(p, "jobs/", 5) == 0;

	if (!fed && !is_pushed(p))
		return problem(c, 404, "not-found", "No such resource.");
	if (strncmp(p, "jobs/", 5) == 0 && strchr(p + 5, '/') != NULL)
		return problem(c, 404, "not-found", "No such resource.");
	if (strcmp(p, "payments") == 0 ? !get && !post : fed ? !get : !post) {
		c->allow = strcmp(p, "payments") == 0 ? "GET, HEAD, POST"
		           : fed                      ? "GET, HEAD"
		                                      : "POST";
		return problem(c, 405, "method-not-allowed", "Allowed: %s.", c->allow);
	}
	if ((st = authenticate(c)) != 0)
		return st;
	if (strcmp(p, "readings") == 0)
		return feed_get(c, FEED_READINGS);
	if (strcmp(p, "promises") == 0)
		return feed_get(c, FEED_PROMISES);
	if (strcmp(p, "payments") == 0 && get)
		return feed_get(c, FEED_PAYMENTS);
	if (strncmp(p, "jobs/", 5) == 0)
		return job_get(c, p + 5);
	return idempotent_push(c, p);
}

static void api_serve(const struct section *sec, struct arena *a, const struct io *io)
{
	struct call c;
	const char *qs = io->param(io->ctx, "QUERY_STRING");
	struct timespec t0, t1;

	(void)sec;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&c, 0, sizeof(c));
	c.a = a;
	c.io = io;
	c.method = io->param(io->ctx, "REQUEST_METHOD");
	c.path = io->param(io->ctx, "DOCUMENT_URI");
	if (c.method == NULL)
		c.method = "GET";
	if (c.path == NULL)
		c.path = "/";
	db_request_begin();
	if (qs != NULL && (strlen(qs) > 4096 || parse_urlencoded(a, qs, strlen(qs), &limits_default,
	                                                         &c.query) != PERR_OK))
		problem(&c, 400, "bad-query", "The query string cannot be read.");
	else
		route(&c);
	db_request_end();
	respond(&c);
	free(c.body);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	log_msg(LOG_INFO, "%s \"%s %s\" %d %.2fms %s", io->param(io->ctx, "REMOTE_ADDR") ?: "-",
	        c.method, c.path, c.status,
	        (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
	        c.key.prefix ? c.key.prefix : "-");
}

static const struct section section = {
        .name = "api",
        .serve = api_serve,
};

int main(int argc, char **argv)
{
	return serve_main(argc, argv, &section);
}
