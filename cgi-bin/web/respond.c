/*
 * respond.c: what goes back for a request.  The headers and cookies a handler
 * asks for, the outcome it returns (a page, a redirect, an error), the <page>
 * document it fills, and writing it all: the XML, the HTML from the
 * stylesheet, a download or a stream, or the last-resort page when even the
 * error page cannot be built.  request.c reads and dispatches; this writes.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/perr.h"
#include "doc/render.h"
#include "doc/xml.h"
#include "doc/xmlmem.h"
#include "web/csrf.h"
#include "web/io.h"
#include "web/nav.h"
#include "web/req.h"
#include "web/respond.h"
#include "web/session.h"
#include "web/status.h"

/* Last-resort page when even rendering failed: no stylesheet, both languages. */
static const char fallback_html[] =
        "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\">"
        "<title>Ошибка / Error</title></head><body>"
        "<h1>Внутренняя ошибка</h1><p>Попробуйте позже.</p>"
        "<h1>Internal error</h1><p>Please try again later.</p></body></html>";

static int header_safe(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return 0;
	return 1;
}

int req_header(struct req *r, const char *name, const char *value)
{
	if (r->nheaders == sizeof(r->headers) / sizeof(r->headers[0]) || !header_safe(name) ||
	    !header_safe(value))
		return -1;
	r->headers[r->nheaders].name = arena_strdup(r->arena, name);
	r->headers[r->nheaders].value = arena_strdup(r->arena, value);
	if (r->headers[r->nheaders].name == NULL || r->headers[r->nheaders].value == NULL)
		return -1;
	r->nheaders++;
	return 0;
}

int req_cookie(struct req *r, const char *name, const char *value, long max_age, int http_only)
{
	char age[48] = "";
	const char *v;

	if (max_age > 0)
		snprintf(age, sizeof(age), "; Max-Age=%ld", max_age);
	else if (max_age < 0)
		snprintf(age, sizeof(age), "; Max-Age=0");
	v = arena_printf(r->arena, "%s=%s; Path=/%s; SameSite=Lax%s%s", name, value, age,
	                 http_only ? "; HttpOnly" : "", r->https ? "; Secure" : "");
	return v == NULL ? -1 : req_header(r, "Set-Cookie", v);
}

int req_cookie_path(struct req *r, const char *name, const char *value, long max_age,
                    const char *path)
{
	const char *v =
	        arena_printf(r->arena, "%s=%s; Path=%s%s; SameSite=Strict; HttpOnly%s", name, value,
	                     path, max_age < 0 ? "; Max-Age=0" : "", r->https ? "; Secure" : "");

	return v == NULL ? -1 : req_header(r, "Set-Cookie", v);
}

int cookie_remember(struct req *r, const char *name, const char *value)
{
	struct kvlist *l = &r->cookies;
	struct kv *nv;
	size_t i;

	/* Replace every cookie of that name: the new value is the one in force. */
	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, name) == 0)
			l->v[i].key = "";
	nv = arena_alloc(r->arena, (l->n + 1) * sizeof(*nv));
	if (nv == NULL)
		return -1;
	if (l->n)
		memcpy(nv, l->v, l->n * sizeof(*nv));
	nv[l->n].key = name;
	nv[l->n].val = arena_strdup(r->arena, value);
	nv[l->n].vlen = strlen(value);
	if (nv[l->n].val == NULL)
		return -1;
	l->v = nv;
	l->n++;
	l->cap = l->n;
	return 0;
}

int page_redirect(struct req *r, const char *local_path)
{
	/* NULL: the arena_printf that made the path ran out of memory. */
	if (local_path == NULL)
		return page_error(r, 500, "internal");
	r->location = local_path;
	return 303;
}

int page_redirect_external(struct req *r, const char *url)
{
	const char *p;

	if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
		return page_error(r, 500, "internal");
	for (p = url; *p; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7F)
			return page_error(r, 500, "internal");
	r->location = url;
	return 303;
}

int page_error(struct req *r, int status, const char *code)
{
	r->err_code = code;
	r->keep_doc = 0;
	return status;
}

int page_fail(struct req *r, enum perr e)
{
	switch (e) {
	case PERR_NOT_FOUND: return page_error(r, 404, "not-found");
	case PERR_DB_DOWN: return page_error(r, 503, "db-down");
	case PERR_BUSY: return page_error(r, 503, "busy");
	case PERR_UPSTREAM: return page_error(r, 503, "provider-down");
	default: return page_error(r, 500, "internal");
	}
}

int page_status(struct req *r, int status)
{
	r->keep_doc = 1;
	return status;
}

/* Build the <page> document a handler adds to. */
int page_doc(struct req *r, const char *section, const char *name)
{
	r->doc = xmlNewDoc(BAD_CAST "1.0");
	if (r->doc == NULL)
		return -1;
	if (arena_defer(r->arena, (void (*)(void *))xmlmem_free_doc, r->doc) != 0) {
		xmlFreeDoc(r->doc);
		r->doc = NULL;
		return -1;
	}
	r->root = xmlNewDocNode(r->doc, NULL, BAD_CAST "page", NULL);
	if (r->root == NULL)
		return -1;
	xmlDocSetRootElement(r->doc, r->root);
	if (xml_attr(r->root, "section", section) || xml_attr(r->root, "name", name) ||
	    xml_attr(r->root, "lang", lang_code(r->lang)) ||
	    xml_attr(r->root, "path", r->path ? r->path : "/") ||
	    xml_attr(r->root, "uri", r->uri ? r->uri : "/"))
		return -1;
	return 0;
}

/* What every page carries besides its content: who is signed in, nav, token. */
static int doc_common(struct req *r)
{
	const char *tok;

	if (r->signed_in && (r->sess != NULL || r->staff != NULL)) {
		xmlNodePtr u = xml_elem(r->root, "user");

		if (u == NULL ||
		    xml_text(u, "name", r->sess ? r->sess->full_name : r->staff->full_name) ==
		            NULL ||
		    xml_text(u, "login", r->sess ? r->sess->login : r->staff->login) == NULL ||
		    (r->sess && r->sess->viewer && xml_attr(u, "viewer", r->sess->viewer)))
			return -1;
	}
	if (r->sec->nav != NULL)
		r->sec->nav(r);
	else
		nav_add(r);
	if ((tok = csrf_token(r)) == NULL || xml_text(r->root, "csrf", tok) == NULL)
		return -1;
	return 0;
}

/* Replace whatever the handler built with the standard error page. */
static int doc_error(struct req *r, int status)
{
	xmlNodePtr e;

	if (page_doc(r, "error", "error") != 0)
		return -1;
	e = xml_elem(r->root, "error");
	if (e == NULL || xml_attr_int(e, "status", status) ||
	    xml_attr(e, "code", r->err_code ? r->err_code : "generic"))
		return -1;
	if (status >= 500 && xml_attr(e, "incident", r->incident))
		return -1;
	return 0;
}

static int write_all(const struct io *io, const char *p, size_t n)
{
	return io->write(io->ctx, p, n);
}

/* len SIZE_MAX: a body streamed, its length not known before. */
static int write_headers(struct req *r, const struct io *io, const char *ctype, size_t len)
{
	char buf[1024];
	size_t i;
	int n;

	n = snprintf(buf, sizeof(buf), "Status: %d %s\r\n", r->status, status_reason(r->status));
	if (write_all(io, buf, (size_t)n))
		return -1;
	/* Written as it is, never through a buffer of fixed size: a Location
	 * may carry what a visitor asked for (to_login bounds it as well). */
	if (r->location != NULL &&
	    (!header_safe(r->location) || write_all(io, "Location: ", 10) ||
	     write_all(io, r->location, strlen(r->location)) || write_all(io, "\r\n", 2)))
		return -1;
	if (ctype != NULL && len == SIZE_MAX) {
		n = snprintf(buf, sizeof(buf), "Content-Type: %s\r\nContent-Language: %s\r\n",
		             ctype, lang_code(r->lang));
		if (write_all(io, buf, (size_t)n))
			return -1;
	} else if (ctype != NULL) {
		n = snprintf(buf, sizeof(buf),
		             "Content-Type: %s\r\nContent-Length: %zu\r\nContent-Language: %s\r\n",
		             ctype, len, lang_code(r->lang));
		if (write_all(io, buf, (size_t)n))
			return -1;
	}
	/* Pages carry personal data and CSRF tokens: never store them anywhere. */
	n = snprintf(buf, sizeof(buf), "Cache-Control: no-store\r\n");
	if (write_all(io, buf, (size_t)n))
		return -1;
	for (i = 0; i < r->nheaders; i++) {
		if (write_all(io, r->headers[i].name, strlen(r->headers[i].name)) ||
		    write_all(io, ": ", 2) ||
		    write_all(io, r->headers[i].value, strlen(r->headers[i].value)) ||
		    write_all(io, "\r\n", 2))
			return -1;
	}
	return write_all(io, "\r\n", 2);
}

int page_download(struct req *r, const char *filename, const char *type,
                  enum perr (*make)(struct arena *, xmlDocPtr, const unsigned char **, size_t *))
{
	const char *p;

	if (filename == NULL || *filename == '\0')
		return page_error(r, 500, "internal");
	for (p = filename; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '.'))
			return page_error(r, 500, "internal");
	r->dl_name = filename;
	r->dl_type = type;
	r->make_dl = make;
	return 200;
}

int page_stream(struct req *r, const char *filename, const char *type,
                enum perr (*stream)(struct req *, void *, int (*)(void *, const char *, size_t),
                                    void *),
                void *arg)
{
	int st = page_download(r, filename, type, NULL);

	r->stream = stream;
	r->stream_arg = arg;
	return st;
}

static int io_put(void *ctx, const char *s, size_t n)
{
	const struct io *io = ctx;

	return io->write(io->ctx, s, n);
}

/* A download's Content-Disposition, named as page_download() was told. */
static int attachment(struct req *r)
{
	const char *disp = arena_printf(r->arena, "attachment; filename=\"%s\"", r->dl_name);

	return disp == NULL ? -1 : req_header(r, "Content-Disposition", disp);
}

/* A streamed download: the headers, then what the handler's writer makes. */
static int respond_stream(struct req *r, const struct io *io)
{
	enum perr e;

	if (attachment(r) != 0 || write_headers(r, io, r->dl_type, SIZE_MAX) != 0)
		return -1;
	if (r->method == M_HEAD)
		return 0;
	if ((e = r->stream(r, r->stream_arg, io_put, (void *)io)) != PERR_OK) {
		log_msg(LOG_ERR, "incident %s: the download %s was cut short (error %d)",
		        r->incident, r->dl_name, (int)e);
		return -1;
	}
	return 0;
}

/*
 * The page as a download.  1 when nothing was written because the file
 * could not be made: the caller answers with the error page instead.
 */
static int respond_download(struct req *r, const struct io *io)
{
	const unsigned char *data = NULL;
	size_t len = 0;
	int rc;

	if (r->make_dl(r->arena, r->doc, &data, &len) != PERR_OK || attachment(r) != 0)
		return 1;
	rc = write_headers(r, io, r->dl_type, len);
	if (rc == 0 && r->method != M_HEAD)
		rc = write_all(io, (const char *)data, len);
	return rc;
}

/* 0: the body as XML (API or nginx-rendered mode); 1: HTML from our stylesheet. */
int respond(struct req *r, const struct io *io, int nginx_renders)
{
	xmlChar *body = NULL;
	int len = 0, rc;
	const char *ctype;

	if (r->status == 303 || r->location != NULL) {
		r->status = 303;
		return write_headers(r, io, NULL, 0);
	}
	if (r->stream != NULL && r->status == 200 && !r->want_xml)
		return respond_stream(r, io);
	/* Made here whatever renders the HTML: nginx's XSLT filter cannot draw a PDF. */
	if (r->make_dl != NULL && r->status == 200 && !r->want_xml) {
		if ((rc = respond_download(r, io)) != 1)
			return rc;
		log_msg(LOG_ERR, "incident %s: cannot make the download %s", r->incident,
		        r->dl_name);
		r->status = 500;
		r->err_code = "internal";
		r->keep_doc = 0;
		r->nheaders = 0;
	}
	if (r->doc == NULL || (r->status >= 400 && !r->keep_doc)) {
		if (doc_error(r, r->status) != 0)
			goto fallback;
	}
	/* A machine's endpoint gets its status and nothing of a page's furniture. */
	if ((r->page == NULL || !(r->page->flags & PAGE_HOOK)) && doc_common(r) != 0)
		goto fallback;
	if (r->want_xml || nginx_renders) {
		xmlDocDumpMemoryEnc(r->doc, &body, &len, "UTF-8");
		ctype = r->want_xml ? "application/xml; charset=utf-8" : "text/xml; charset=utf-8";
	} else {
		if (render_html(r->doc, &body, &len) != 0)
			goto fallback;
		ctype = "text/html; charset=utf-8";
	}
	if (body == NULL)
		goto fallback;
	rc = write_headers(r, io, ctype, (size_t)len);
	if (rc == 0 && r->method != M_HEAD)
		rc = write_all(io, (const char *)body, (size_t)len);
	xmlFree(body);
	return rc;
fallback:
	xmlFree(body);
	log_msg(LOG_ERR, "incident %s: cannot build the response page", r->incident);
	r->status = 500;
	r->nheaders = 0;
	if (write_headers(r, io, "text/html; charset=utf-8", sizeof(fallback_html) - 1))
		return -1;
	return r->method == M_HEAD ? 0 : write_all(io, fallback_html, sizeof(fallback_html) - 1);
}
