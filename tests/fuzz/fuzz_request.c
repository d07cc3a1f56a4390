/*
 * libFuzzer target: one whole request through the library, as a FastCGI
 * worker would serve it, with the database unreachable (so every path that
 * needs it answers 503) and the real stylesheets rendering every answer.
 *
 * Input: NUL-separated METHOD, DOCUMENT_URI, QUERY_STRING, HTTP_COOKIE,
 * CONTENT_TYPE, HTTP_ACCEPT_LANGUAGE, HTTP_ORIGIN, then the body.
 */
#include <string.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "core/valid.h"
#include "doc/render.h"
#include "doc/xml.h"
#include "web/io.h"
#include "web/req.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

enum { P_METHOD, P_URI, P_QUERY, P_COOKIE, P_CTYPE, P_ALANG, P_ORIGIN, P__MAX };

struct fake {
	const char *p[P__MAX];
	char clen[32];
	const char *body;
	size_t blen, off;
	size_t out;
};

static const char *param(void *ctx, const char *name)
{
	struct fake *f = ctx;
	static const char *const names[P__MAX] = {
		"REQUEST_METHOD", "DOCUMENT_URI", "QUERY_STRING", "HTTP_COOKIE",
		"CONTENT_TYPE", "HTTP_ACCEPT_LANGUAGE", "HTTP_ORIGIN",
	};
	int i;

	for (i = 0; i < P__MAX; i++)
		if (strcmp(name, names[i]) == 0)
			return f->p[i];
	if (strcmp(name, "CONTENT_LENGTH") == 0)
		return f->clen;
	if (strcmp(name, "REMOTE_ADDR") == 0)
		return "127.0.0.1";
	if (strcmp(name, "HTTP_HOST") == 0)
		return "127.0.0.1:8080";
	return NULL;
}

static long rd(void *ctx, char *buf, size_t n)
{
	struct fake *f = ctx;
	size_t k = f->blen - f->off < n ? f->blen - f->off : n;

	memcpy(buf, f->body + f->off, k);
	f->off += k;
	return (long)k;
}

static int wr(void *ctx, const char *buf, size_t n)
{
	struct fake *f = ctx;

	(void)buf;
	f->out += n;
	return 0;
}

static int handler(struct req *r)
{
	size_t k;

	for (k = 0; k < r->sec->nfields; k++) {
		const struct fval *v = req_val(r, k);

		if (v != NULL && xml_text(r->root, r->sec->fields[k].name, v->s) == NULL)
			return page_error(r, 500, "internal");
	}
	if (req_val(r, 2) != NULL)
		return page_redirect(r, req_val(r, 2)->s);
	return 200;
}

static const struct field fields[] = {
	{"login", valid_text, 1, 64},
	{"password", valid_secret, 1, 128},
	{"next", valid_local_path, 1, 512},
	{"n", valid_int, 0, 1000},
	{"to", valid_lang, 2, 2},
	{"from", valid_month, 7, 7},
	{"number", valid_code, 1, 20},
};

static const struct page pages[] = {
	{"/login", M_GET | M_POST, PAGE_PUBLIC, "login", handler},
	{"/", M_GET, PAGE_SESSION, "home", handler},
	{"/p", M_POST, PAGE_PUBLIC, "p", handler},
};

static const struct section section = {.name = "login", .pages = pages, .npages = 3,
				       .fields = fields,
				       .nfields = sizeof(fields) / sizeof(fields[0])};
static struct arena *arena;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (sodium_init() < 0)
		abort();
	config_defaults(&cfg);
	cfg.have_secret = 1;
	snprintf(cfg.db_socket, sizeof(cfg.db_socket), "/nonexistent/kabinet-fuzz.sock");
	snprintf(cfg.xsl_dir, sizeof(cfg.xsl_dir), "%s", getenv("KABINET_XSL") ? getenv("KABINET_XSL") : "xsl");
	if (render_init(cfg.xsl_dir, NULL) != 0)
		abort();
	/* The fuzzer's own output stays readable: request log lines go nowhere. */
	log_stream(fopen("/dev/null", "w"));
	arena = arena_new(16u << 20);
	return arena == NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fake f;
	char *copy = malloc(size + 1);
	size_t i, start = 0;
	int part = 0;

	if (copy == NULL)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	memset(&f, 0, sizeof(f));
	for (i = 0; i < P__MAX; i++)
		f.p[i] = NULL;
	for (i = 0; i <= size && part < P__MAX; i++) {
		if (i == size || copy[i] == '\0') {
			copy[i] = '\0';
			f.p[part++] = copy + start;
			start = i + 1;
		}
	}
	f.body = start <= size ? copy + start : "";
	f.blen = start <= size ? size - start : 0;
	snprintf(f.clen, sizeof(f.clen), "%zu", f.blen);
	request_serve(&section, arena, &(struct io){&f, param, rd, wr, NULL});
	arena_reset(arena);
	if (f.out == 0) /* every request gets an answer */
		abort();
	free(copy);
	return 0;
}
