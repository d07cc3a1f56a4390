/*
 * multipart.c: multipart/form-data (RFC 7578) read as a stream.  The body
 * is searched for "\r\n--boundary"; a reader starts with a CRLF of its own
 * so that the first delimiter, which has none before it, is found the same
 * way.  Only bytes that cannot be the start of a delimiter are handed out.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/multipart.h"

#define MP_BUF          65536
#define MP_HEAD_MAX     8192
#define MP_BOUNDARY_MAX 70 /* RFC 2046 */

struct mpart {
	long (*read)(void *, char *, size_t);
	void *ctx;
	char delim[4 + MP_BOUNDARY_MAX + 1]; /* "\r\n--" boundary */
	size_t dlen;
	char buf[MP_BUF];
	size_t pos, len;
	int eof;
	int in_part; /* the current part's data has not reached its delimiter */
	int done;    /* the closing delimiter was read */
};

static const char *param_value(const char *s, const char *name, char *out, size_t cap)
{
	size_t nl = strlen(name);

	while (s != NULL && *s) {
		while (*s == ';' || *s == ' ' || *s == '\t')
			s++;
		if (strncasecmp(s, name, nl) == 0 && s[nl] == '=') {
			size_t o = 0;

			s += nl + 1;
			if (*s == '"') {
				for (s++; *s && *s != '"'; s++) {
					if (*s == '\\' && s[1])
						s++;
					if (o + 1 < cap)
						out[o++] = *s;
				}
			} else {
				for (; *s && *s != ';' && *s != ' ' && *s != '\t'; s++)
					if (o + 1 < cap)
						out[o++] = *s;
			}
			out[o] = '\0';
			return out;
		}
		s = strchr(s, ';');
	}
	return NULL;
}

struct mpart *mpart_new(const char *ct, long (*read)(void *, char *, size_t), void *ctx)
{
	char b[MP_BOUNDARY_MAX + 2];
	struct mpart *m;
	size_t bl;

	if (ct == NULL || strncasecmp(ct, "multipart/form-data", 19) != 0 ||
	    param_value(strchr(ct, ';'), "boundary", b, sizeof(b)) == NULL)
		return NULL;
	bl = strlen(b);
	if (bl == 0 || bl > MP_BOUNDARY_MAX || (m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	m->read = read;
	m->ctx = ctx;
	memcpy(m->delim, "\r\n--", 4);
	memcpy(m->delim + 4, b, bl + 1);
	m->dlen = 4 + bl;
	memcpy(m->buf, "\r\n", 2);
	m->len = 2;
	m->in_part = 1; /* the "preamble" before the first delimiter */
	return m;
}

void mpart_free(struct mpart *m)
{
	free(m);
}

/* Make room and read more; 0 if something came, 1 at the end, -1 on error. */
static int fill(struct mpart *m)
{
	long k;

	if (m->eof)
		return 1;
	if (m->pos > 0) {
		memmove(m->buf, m->buf + m->pos, m->len - m->pos);
		m->len -= m->pos;
		m->pos = 0;
	}
	if (m->len == sizeof(m->buf))
		return -1;
	k = m->read(m->ctx, m->buf + m->len, sizeof(m->buf) - m->len);
	if (k < 0)
		return -1;
	if (k == 0) {
		m->eof = 1;
		return 1;
	}
	m->len += (size_t)k;
	return 0;
}

/* Offset of the delimiter in the unread bytes, or -1. */
static long find_delim(const struct mpart *m)
{
	const char *s = m->buf + m->pos, *end = m->buf + m->len, *p = s;

	while ((size_t)(end - p) >= m->dlen && (p = memchr(p, '\r', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) < m->dlen)
			break;
		if (memcmp(p, m->delim, m->dlen) == 0)
			return p - s;
		p++;
	}
	return -1;
}

long mpart_read(struct mpart *m, char *out, size_t n)
{
	for (;;) {
		long at;
		size_t avail = m->len - m->pos, give;
		int f;

		if (!m->in_part)
			return 0;
		at = find_delim(m);
		if (at == 0) {
			m->pos += m->dlen;
			m->in_part = 0;
			return 0;
		}
		/* Bytes that cannot start a delimiter: up to it, or all but its length - 1. */
		give = at > 0 ? (size_t)at : (avail >= m->dlen ? avail - (m->dlen - 1) : 0);
		if (give > 0) {
			if (give > n)
				give = n;
			memcpy(out, m->buf + m->pos, give);
			m->pos += give;
			return (long)give;
		}
		if ((f = fill(m)) != 0)
			return -1; /* the body ended inside a part */
	}
}

/* After a delimiter: "--" ends the body, else the line ends and headers follow. */
static enum perr after_delim(struct mpart *m)
{
	while (m->len - m->pos < 2)
		if (fill(m) != 0)
			return PERR_BAD_INPUT;
	if (memcmp(m->buf + m->pos, "--", 2) == 0) {
		m->done = 1;
		return PERR_NOT_FOUND;
	}
	for (;;) {
		char *nl = memchr(m->buf + m->pos, '\n', m->len - m->pos);

		if (nl != NULL) {
			m->pos = (size_t)(nl - m->buf) + 1;
			return PERR_OK;
		}
		if (m->len - m->pos > 256 || fill(m) != 0)
			return PERR_BAD_INPUT;
	}
}

static void header_line(struct mpart_head *h, char *line)
{
	char tmp[sizeof(h->filename)];
	const char *slash;

	if (strncasecmp(line, "Content-Disposition:", 20) == 0) {
		char *v = line + 20;

		while (*v == ' ' || *v == '\t')
			v++;
		if (strncasecmp(v, "form-data", 9) != 0)
			return;
		if (param_value(v + 9, "name", h->name, sizeof(h->name)) == NULL)
			h->name[0] = '\0';
		if (param_value(v + 9, "filename", tmp, sizeof(tmp)) != NULL) {
			/* Some browsers send the whole path: keep the last component. */
			slash = strrchr(tmp, '/');
			if (slash == NULL || (strrchr(tmp, '\\') && strrchr(tmp, '\\') > slash))
				slash = strrchr(tmp, '\\');
			memmove(h->filename, slash ? slash + 1 : tmp,
			        strlen(slash ? slash + 1 : tmp) + 1);
			h->is_file = 1;
		}
	} else if (strncasecmp(line, "Content-Type:", 13) == 0) {
		char *v = line + 13;

		while (*v == ' ' || *v == '\t')
			v++;
		strncpy(h->type, v, sizeof(h->type) - 1);
		h->type[sizeof(h->type) - 1] = '\0';
	}
}

enum perr mpart_next(struct mpart *m, struct mpart_head *h)
{
	char tmp[512];
	size_t got = 0;
	enum perr e;

	memset(h, 0, sizeof(*h));
	if (m->done)
		return PERR_NOT_FOUND;
	for (;;) {
		long k = mpart_read(m, tmp, sizeof(tmp));

		if (k < 0)
			return PERR_BAD_INPUT;
		if (k == 0)
			break;
	}
	if ((e = after_delim(m)) != PERR_OK)
		return e;
	/* Header lines up to the empty one. */
	for (;;) {
		char *nl = memchr(m->buf + m->pos, '\n', m->len - m->pos), line[MP_HEAD_MAX];
		size_t ll;

		if (nl == NULL) {
			if (m->len - m->pos > MP_HEAD_MAX)
				return PERR_TOO_LARGE;
			if (fill(m) != 0)
				return PERR_BAD_INPUT;
			continue;
		}
		ll = (size_t)(nl - (m->buf + m->pos));
		got += ll + 1;
		if (got > MP_HEAD_MAX)
			return PERR_TOO_LARGE;
		memcpy(line, m->buf + m->pos, ll);
		if (ll > 0 && line[ll - 1] == '\r')
			ll--;
		line[ll] = '\0';
		m->pos = (size_t)(nl - m->buf) + 1;
		if (ll == 0)
			break;
		header_line(h, line);
	}
	m->in_part = 1;
	return PERR_OK;
}
