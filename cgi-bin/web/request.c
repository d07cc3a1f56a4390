/*
 * request.c: one request, front to back.  The order is the kcgi-framework
 * "front line": method and path first, then sizes and content type, then the
 * body, and only then the database (session) and the CSRF check; the handler
 * runs last and sees only validated fields.  Whatever happens, exactly one
 * response is written (web/respond.c) and one log line says how it ended.
 */
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <time.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/parse.h"
#include "core/perr.h"
#include "core/urlenc.h"
#include "core/utf8.h"
#include "core/valid.h"
#include "db/db.h"
#include "web/csrf.h"
#include "web/io.h"
#include "web/req.h"
#include "web/respond.h"
#include "web/serve.h"
#include "web/session.h"

const struct fval *req_val(const struct req *r, size_t k)
{
	if (r->vals == NULL || k >= r->sec->nfields || !r->vals[k].present)
		return NULL;
	return &r->vals[k];
}

const char *req_sent(const struct req *r, const char *name)
{
	const struct kvlist *src = r->method == M_POST ? &r->form : &r->query;
	const struct kv *kv = kv_find(src, name);
	size_t n;

	if (kv == NULL)
		return NULL;
	n = kv->vlen < REQ_TYPED_MAX ? kv->vlen : REQ_TYPED_MAX;
	/* Cut at a character boundary: never half of a UTF-8 sequence. */
	while (n > 0 && n < kv->vlen && ((unsigned char)kv->val[n] & 0xC0) == 0x80)
		n--;
	return arena_strndup(r->arena, kv->val, n);
}

const char *req_typed(const struct req *r, size_t k)
{
	const struct fval *v = req_val(r, k);

	if (v != NULL)
		return v->s;
	return k < r->sec->nfields ? req_sent(r, r->sec->fields[k].name) : NULL;
}

/* Percent-encode a path for a query value (its slashes kept: it reads as a path). */
static char *url_encode(struct arena *a, const char *s)
{
	size_t size = strlen(s) * 3 + 1;
	char *out = arena_alloc(a, size);

	return out != NULL && url_query_escape(out, size, s, "/") >= 0 ? out : NULL;
}

static enum method method_of(const char *m)
{
	if (m == NULL)
		return M_OTHER;
	if (strcmp(m, "GET") == 0)
		return M_GET;
	if (strcmp(m, "HEAD") == 0)
		return M_HEAD;
	if (strcmp(m, "POST") == 0)
		return M_POST;
	return M_OTHER;
}

static int status_of(enum perr e, int too_large)
{
	switch (e) {
	case PERR_TOO_LARGE: return too_large;
	case PERR_NOMEM: return 413;
	case PERR_DB_DOWN: return 503;
	case PERR_BAD_INPUT: return 400;
	default: return 500;
	}
}

/* Content-Length: digits only, within the limit; the body is read in full. */
static int read_body(struct req *r, const struct io *io, const char **body, size_t *len)
{
	const char *cl = io->param(io->ctx, "CONTENT_LENGTH");
	unsigned long long n = 0;
	size_t got = 0;
	char *buf;
	const char *p;

	*body = "";
	*len = 0;
	if (cl == NULL || *cl == '\0')
		return 0;
	for (p = cl; *p; p++) {
		if (*p < '0' || *p > '9' || n > cfg.limits.body_max)
			return *p < '0' || *p > '9' ? 400 : 413;
		n = n * 10 + (unsigned)(*p - '0');
	}
	if (n > cfg.limits.body_max)
		return 413;
	if ((buf = arena_alloc(r->arena, (size_t)n + 1)) == NULL)
		return 413;
	while (got < n) {
		long k = io->read(io->ctx, buf + got, (size_t)n - got);

		if (k <= 0)
			return 400; /* the client sent less than it announced */
		got += (size_t)k;
	}
	buf[n] = '\0';
	*body = buf;
	*len = (size_t)n;
	return 0;
}

/* A content type, ignoring parameters such as charset. */
static int is_type(const char *ct, const char *want)
{
	size_t n = strlen(want);

	return ct != NULL && strncasecmp(ct, want, n) == 0 && (ct[n] == '\0' || ct[n] == ';');
}

/*
 * A cross-site POST is refused before the token is even looked at, when the
 * browser tells us where it came from (Origin, Sec-Fetch-Site).
 */
static int cross_site(const struct io *io, int https)
{
	const char *origin = io->param(io->ctx, "HTTP_ORIGIN");
	const char *host = io->param(io->ctx, "HTTP_HOST");
	const char *site = io->param(io->ctx, "HTTP_SEC_FETCH_SITE");
	const char *scheme = https ? "https://" : "http://";
	size_t sl = strlen(scheme);

	if (site != NULL && strcmp(site, "cross-site") == 0)
		return 1;
	if (origin == NULL || strcmp(origin, "null") == 0)
		return origin != NULL;
	if (host == NULL || strncmp(origin, scheme, sl) != 0)
		return 1;
	return strcmp(origin + sl, host) != 0;
}

static int validate_fields(struct req *r)
{
	const struct kvlist *src = r->method == M_POST ? &r->form : &r->query;
	size_t k;

	r->vals = arena_alloc(r->arena, (r->sec->nfields + 1) * sizeof(*r->vals));
	r->bad = arena_alloc(r->arena, r->sec->nfields + 1);
	if (r->vals == NULL || r->bad == NULL)
		return 413;
	memset(r->vals, 0, (r->sec->nfields + 1) * sizeof(*r->vals));
	memset(r->bad, 0, r->sec->nfields + 1);
	for (k = 0; k < r->sec->nfields; k++) {
		const struct field *f = &r->sec->fields[k];
		const struct kv *v = kv_find(src, f->name);

		if (v == NULL)
			continue;
		/* One value per field: a repeated parameter is an attack, not a list. */
		if (kv_count(src, f->name) > 1)
			return 400;
		/* A blank input is a field not filled in: the handler says "required". */
		if (v->vlen == 0)
			continue;
		if (f->valid(f, v->val, v->vlen, r->arena, &r->vals[k]) == 0)
			r->vals[k].present = 1;
		else
			r->bad[k] = 1;
	}
	return 0;
}

static const struct page *find_page(const struct section *sec, const char *path)
{
	size_t i;

	for (i = 0; i < sec->npages; i++)
		if (strcmp(sec->pages[i].path, path) == 0)
			return &sec->pages[i];
	return NULL;
}

static int allow_header(struct req *r, unsigned methods)
{
	char buf[32] = "";

	if (methods & M_GET)
		strcat(buf, "GET, HEAD");
	if (methods & M_POST)
		strcat(buf, buf[0] ? ", POST" : "POST");
	return req_header(r, "Allow", buf);
}

/* The request's path and query if it is a plain local URI, else just the path. */
static const char *local_uri(struct req *r, const char *uri)
{
	struct field f = {"uri", valid_local_path, 1, 512};
	struct fval v;

	if (uri != NULL && valid_local_path(&f, uri, strlen(uri), r->arena, &v) == 0)
		return v.s;
	return r->path;
}

/*
 * Where to come back to after signing in: what was asked for, or for a POST
 * to a page that only takes POST (a form whose session ran out) the nearest
 * page above it that can be shown (/settings for /settings/profile), so
 * that signing in never lands on a 405.
 */
static const char *return_to(struct req *r)
{
	char *up;
	char *slash;
	const struct page *p;

	if (r->method != M_POST || (r->page->methods & M_GET))
		return r->uri;
	if ((up = arena_strdup(r->arena, r->path)) == NULL)
		return "/";
	while ((slash = strrchr(up, '/')) != NULL && slash != up) {
		*slash = '\0';
		if ((p = find_page(r->sec, up)) != NULL && (p->methods & M_GET))
			return up;
	}
	return "/";
}

/*
 * A header value kept in the database (sessions keep the User-Agent): valid
 * UTF-8 of at most max bytes, whatever the client sent, so that a strict
 * column never refuses the row the header came with.
 */
static const char *stored_header(struct arena *a, const char *v, size_t max)
{
	char *out;

	if (v == NULL || (out = arena_alloc(a, max + 1)) == NULL)
		return NULL;
	utf8_clean(out, max + 1, v);
	return out;
}

/* Where a signed-out visitor is sent, remembering what they asked for. */
/*
 * Whether the session's current account gives the rights the page needs
 * (PAGE_NEEDS).  Without an account there is nothing to refuse: the page
 * says there is none.
 */
static int may_use_account(const struct req *r)
{
	unsigned needs = r->page->flags >> PAGE_RIGHTS_SHIFT;

	if (needs == 0 || r->sess == NULL || r->sess->account_id == 0)
		return 1;
	return (r->sess->rights & needs) == needs;
}

static int to_login(struct req *r)
{
	const char *back = return_to(r), *enc;

	const char *login = r->sec->login_path ? r->sec->login_path : "/login";

	if (strcmp(back, "/") == 0)
		return page_redirect(r, login);
	/* The login form takes a next of NEXT_MAX characters; a longer one is
	 * dropped here rather than refused there: the visitor still signs in. */
	enc = url_encode(r->arena, back);
	if (enc == NULL || strlen(enc) > NEXT_MAX)
		return page_redirect(r, login);
	if ((back = arena_printf(r->arena, "%s?next=%s", login, enc)) == NULL)
		return page_error(r, 500, "internal");
	return page_redirect(r, back);
}

/*
 * A handler whose transaction the server refused whole (a deadlock, or on a
 * Galera cluster a writeset that lost certification to another node's at
 * the same moment) is run again from the start, up to HANDLER_TRIES times
 * in all, if nothing it did lasted (no commit, no write outside a
 * transaction) and it read no upload (a body is read once).  What it had
 * put into the answer is dropped first.  One server makes the second of two
 * such transactions wait; a cluster refuses it, so without this the
 * subscriber would see "busy" where one server would have served them.
 */
#define HANDLER_TRIES 3

static int run_handler(struct req *r)
{
	const size_t nheaders = r->nheaders;
	const unsigned long lasting = db_lasting();
	int st, tries;

	for (tries = 1;; tries++) {
		st = r->page->handler(r);
		if (st != 503 || r->err_code == NULL || strcmp(r->err_code, "busy") != 0 ||
		    !db_refused() || db_lasting() != lasting || (r->page->flags & PAGE_UPLOAD) ||
		    tries == HANDLER_TRIES)
			return st;
		log_msg(LOG_WARN, "%s: the database refused the transaction; run again (%d)",
		        r->path, tries);
		db_request_end();
		r->nheaders = nheaders;
		r->location = r->err_code = NULL;
		r->keep_doc = 0;
		r->after = NULL;
		r->after_arg = NULL;
		r->dl_name = r->dl_type = NULL;
		r->make_dl = NULL;
		r->stream = NULL;
		r->stream_arg = NULL;
		if (page_doc(r, r->sec->name, r->page->name) != 0)
			return page_error(r, 500, "internal");
		db_retry_pause((unsigned)tries);
	}
}

static int dispatch(struct req *r, const struct io *io)
{
	const char *qs = io->param(io->ctx, "QUERY_STRING");
	const char *ck = io->param(io->ctx, "HTTP_COOKIE");
	const struct kv *lc, *fmt;
	const char *body;
	size_t qlen = qs ? strlen(qs) : 0, blen;
	enum perr e;
	int st, route_status = 0; /* 404 or 405 once routing has refused the request */

	if (ck != NULL && (e = parse_cookies(r->arena, ck, strlen(ck), &cfg.limits,
					     &r->cookies)) != PERR_OK)
		return page_error(r, status_of(e, 400), "bad-request");
	lc = kv_find(&r->cookies, LANG_COOKIE);
	if (lc != NULL && lang_parse(lc->val, lc->vlen) >= 0)
		r->lang = (enum lang)lang_parse(lc->val, lc->vlen);
	else
		r->lang = lang_from_accept(io->param(io->ctx, "HTTP_ACCEPT_LANGUAGE"));

	if (qlen > cfg.limits.query_max)
		return page_error(r, 414, "uri-too-long");
	if ((e = parse_urlencoded(r->arena, qs ? qs : "", qlen, &cfg.limits, &r->query)) != PERR_OK)
		return page_error(r, status_of(e, 414), e == PERR_TOO_LARGE ? "uri-too-long" : "bad-request");
	fmt = kv_find(&r->query, "format");
	r->want_xml = fmt != NULL && strcmp(fmt->val, "xml") == 0;

	/*
	 * Routing is decided first and needs no database: a path no page takes
	 * is a 404 and a method it does not take a 405, whatever the session
	 * lookup would say, even with the database down.  The lookup that
	 * follows only lets such an error page show who is signed in.
	 */
	if ((r->page = find_page(r->sec, r->path)) == NULL) {
		route_status = 404;
	} else if (r->method == M_OTHER ||
		   !(r->page->methods & (r->method == M_HEAD ? M_GET : r->method))) {
		if (allow_header(r, r->page->methods) != 0)
			return page_error(r, 500, "internal");
		route_status = 405;
	}
	db_request_begin();
	e = r->sec->load_session ? r->sec->load_session(r) : session_load(r);
	if (route_status != 0)
		return page_error(r, route_status, route_status == 404 ? "not-found"
									: "method-not-allowed");
	if (e != PERR_OK)
		return page_error(r, status_of(e, 500), e == PERR_DB_DOWN ? "db-down" : "internal");
	if (r->page->flags & PAGE_HOOK) {
		r->want_xml = 1;
		if (!is_type(io->param(io->ctx, "CONTENT_TYPE"), "application/json"))
			return page_error(r, 415, "unsupported-media-type");
		if ((st = read_body(r, io, &r->body, &r->body_len)) != 0)
			return page_error(r, st, st == 413 ? "too-large" : "bad-request");
		if (page_doc(r, r->sec->name, r->page->name) != 0)
			return page_error(r, 500, "internal");
		return run_handler(r);
	}
	if (r->method == M_POST && (r->page->flags & PAGE_UPLOAD)) {
		const char *ct = io->param(io->ctx, "CONTENT_TYPE");

		if (!is_type(ct, "multipart/form-data"))
			return page_error(r, 415, "unsupported-media-type");
		if (r->sec->upload == NULL)
			return page_error(r, 500, "internal");
		if ((st = r->sec->upload(r, io, ct)) != 0)
			return page_error(r, st, st == 413 ? "too-large" : "bad-request");
	} else if (r->method == M_POST) {
		if (!is_type(io->param(io->ctx, "CONTENT_TYPE"), "application/x-www-form-urlencoded"))
			return page_error(r, 415, "unsupported-media-type");
		if ((st = read_body(r, io, &body, &blen)) != 0)
			return page_error(r, st, st == 413 ? "too-large" : "bad-request");
		if ((e = parse_urlencoded(r->arena, body, blen, &cfg.limits, &r->form)) != PERR_OK)
			return page_error(r, status_of(e, 413), e == PERR_TOO_LARGE ? "too-large" : "bad-request");
	}

	if ((r->page->flags & PAGE_SESSION) && !r->signed_in)
		return to_login(r);
	if (!may_use_account(r))
		return page_error(r, 404, "not-found");
	/* Staff viewing as a subscriber change nothing: every POST but signing out is refused. */
	if (r->method == M_POST && r->sess != NULL && r->sess->viewer != NULL &&
	    !(r->page->flags & (PAGE_READ_ONLY_POST | PAGE_SIGN_OUT)))
		return page_error(r, 403, "read-only");
	if (r->method == M_POST &&
	    (cross_site(io, r->https) ||
	     (!((r->page->flags & PAGE_READ_ONLY_POST) && !r->signed_in) && csrf_check(r) != 0))) {
		log_msg(LOG_WARN, "CSRF check failed for %s from %s", r->path, r->remote_addr);
		return page_error(r, 403, "csrf");
	}
	if ((st = validate_fields(r)) != 0)
		return page_error(r, st, "bad-request");
	if (page_doc(r, r->sec->name, r->page->name) != 0)
		return page_error(r, 500, "internal");
	return run_handler(r);
}

int portal_main(int argc, char **argv, const struct section *sec)
{
	struct section s = *sec;

	s.serve = request_serve;
	return serve_main(argc, argv, &s);
}

void request_serve(const struct section *sec, struct arena *a, const struct io *io)
{
	struct req r;
	struct timespec t0, t1;
	unsigned char inc[8];
	const char *https, *render, *uri;
	char esc_path[256], esc_code[64];
	int nginx_renders;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&r, 0, sizeof(r));
	r.arena = a;
	r.sec = sec;
	r.method = method_of(io->param(io->ctx, "REQUEST_METHOD"));
	r.path = io->param(io->ctx, "DOCUMENT_URI");
	if (r.path == NULL)
		r.path = io->param(io->ctx, "PATH_INFO");
	if (r.path == NULL || *r.path == '\0')
		r.path = "/";
	/* A copy: work after the answer (r.after) may still name the address. */
	r.remote_addr = io->param(io->ctx, "REMOTE_ADDR");
	r.remote_addr = arena_strdup(a, r.remote_addr ? r.remote_addr : "-");
	if (r.remote_addr == NULL)
		r.remote_addr = "-";
	r.user_agent = stored_header(a, io->param(io->ctx, "HTTP_USER_AGENT"), USER_AGENT_MAX);
	r.uri = local_uri(&r, io->param(io->ctx, "REQUEST_URI"));
	https = io->param(io->ctx, "HTTPS");
	r.https = https != NULL && strcmp(https, "on") == 0;
	render = io->param(io->ctx, "PORTAL_RENDER");
	nginx_renders = render != NULL && strcmp(render, "nginx") == 0;
	randombytes_buf(inc, sizeof(inc));
	sodium_bin2hex(r.incident, sizeof(r.incident), inc, sizeof(inc));

	r.status = dispatch(&r, io);
	/* A transaction a handler left open is rolled back now, not at the next request. */
	db_request_end();
	if (r.status >= 500)
		log_msg(LOG_ERR, "incident %s: %s %s answered %d (%s)", r.incident,
			r.method == M_POST ? "POST" : "GET", log_esc(esc_path, sizeof(esc_path), r.path),
			r.status, r.err_code ? r.err_code : "-");
	if (respond(&r, io, nginx_renders) != 0)
		log_msg(LOG_WARN, "client went away before the response was written");

	clock_gettime(CLOCK_MONOTONIC, &t1);
	uri = io->param(io->ctx, "REQUEST_URI");
	log_msg(LOG_INFO, "%s \"%s %s\" %d %.2fms %s", r.remote_addr,
		io->param(io->ctx, "REQUEST_METHOD") ? io->param(io->ctx, "REQUEST_METHOD") : "-",
		log_uri(esc_path, sizeof(esc_path), uri ? uri : r.path), r.status,
		(double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
		log_esc(esc_code, sizeof(esc_code), r.err_code ? r.err_code : "-"));
	if (r.after != NULL) {
		if (io->finish != NULL)
			io->finish(io->ctx);
		r.after(&r);
		db_request_end();
	}
}
