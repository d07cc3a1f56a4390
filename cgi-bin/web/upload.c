/*
 * upload.c: a form with a file (PAGE_UPLOAD).  The body is multipart/form-data
 * read as it arrives (core/multipart.c): the fields before the file go into
 * the form, then the handler reads the file itself.  Only a program with such
 * a page links this (its section's upload hook).
 */
#include <string.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/multipart.h"
#include "core/parse.h"
#include "core/perr.h"
#include "core/utf8.h"
#include "web/io.h"
#include "web/req.h"
#include "web/upload.h"

struct upload {
	struct mpart *mp;
	struct mpart_head head;
	const struct io *io;
	unsigned long long left; /* of the announced body */
	int have_file;
};

static long upload_body(void *ctx, char *buf, size_t n)
{
	struct upload *u = ctx;
	long k;

	if (u->left == 0)
		return 0;
	if (n > u->left)
		n = (size_t)u->left;
	k = u->io->read(u->io->ctx, buf, n);
	if (k > 0)
		u->left -= (unsigned long long)k;
	return k == 0 ? -1 : k; /* less than announced is a broken body */
}

static void upload_free(void *p)
{
	mpart_free(p);
}

/* The fields before the file, into the form; 0, or the status that refuses the body. */
int upload_open(struct req *r, const struct io *io, const char *ct)
{
	const char *cl = io->param(io->ctx, "CONTENT_LENGTH");
	struct upload *u = arena_alloc(r->arena, sizeof(*u));
	unsigned long long n = 0;
	const char *p;
	enum perr e;

	if (u == NULL)
		return 413;
	memset(u, 0, sizeof(*u));
	if (cl == NULL || *cl == '\0')
		return 411;
	for (p = cl; *p; p++) {
		if (*p < '0' || *p > '9')
			return 400;
		if (n > cfg.limits.upload_max)
			return 413;
		n = n * 10 + (unsigned)(*p - '0');
	}
	if (n > cfg.limits.upload_max)
		return 413;
	u->io = io;
	u->left = n;
	if ((u->mp = mpart_new(ct, upload_body, u)) == NULL ||
	    arena_defer(r->arena, upload_free, u->mp) != 0)
		return 400;
	r->upload = u;
	while ((e = mpart_next(u->mp, &u->head)) == PERR_OK) {
		char *val, *key;
		size_t len = 0;
		long k;

		if (u->head.is_file) {
			u->have_file = u->head.filename[0] != '\0';
			return 0;
		}
		if (r->form.n >= cfg.limits.fields_max)
			return 413;
		if ((val = arena_alloc(r->arena, cfg.limits.value_max + 1)) == NULL ||
		    (key = arena_strdup(r->arena, u->head.name)) == NULL)
			return 413;
		while ((k = mpart_read(u->mp, val + len, cfg.limits.value_max + 1 - len)) > 0)
			if ((len += (size_t)k) > cfg.limits.value_max)
				return 413;
		if (k < 0)
			return 400;
		val[len] = '\0';
		if (!utf8_valid(val, len) || kv_add(r->arena, &r->form, key, val, len) != PERR_OK)
			return 400;
	}
	return e == PERR_NOT_FOUND ? 0 : e == PERR_TOO_LARGE ? 413 : 400;
}

const char *req_upload_name(const struct req *r)
{
	return r->upload != NULL && r->upload->have_file ? r->upload->head.filename : "";
}

int req_upload_next(struct req *r)
{
	struct upload *u = r->upload;
	enum perr e;

	if (u == NULL)
		return 0;
	/* File parts only, a chosen file each; an empty file input is passed over. */
	while ((e = mpart_next(u->mp, &u->head)) == PERR_OK) {
		if (!u->head.is_file)
			continue;
		if ((u->have_file = u->head.filename[0] != '\0') != 0)
			return 1;
	}
	u->have_file = 0;
	return e == PERR_NOT_FOUND ? 0 : -1;
}

long req_upload_read(struct req *r, char *buf, size_t n)
{
	if (r->upload == NULL || !r->upload->have_file)
		return 0;
	return mpart_read(r->upload->mp, buf, n);
}
