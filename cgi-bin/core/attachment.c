/* core/attachment.c: an appeal's file judged by its content (see the header). */
#include <stdint.h>
#include <string.h>

#include <magic.h>

#include "core/attachment.h"
#include "core/log.h"
#include "core/utf8.h"

/* One libmagic cookie per process, loaded on first use (its database is a file). */
static magic_t cookie;

enum attachment_type attachment_type(const unsigned char *buf, size_t n)
{
	const char *mime;

	if (cookie == NULL) {
		if ((cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS |
					 MAGIC_NO_CHECK_TAR | MAGIC_NO_CHECK_ELF)) == NULL)
			return ATT_OTHER;
		if (magic_load(cookie, NULL) != 0) {
			log_msg(LOG_ERR, "libmagic: %s", magic_error(cookie));
			magic_close(cookie);
			cookie = NULL;
			return ATT_OTHER;
		}
	}
	if ((mime = magic_buffer(cookie, buf, n)) == NULL)
		return ATT_OTHER;
	if (strcmp(mime, "image/jpeg") == 0)
		return ATT_JPEG;
	if (strcmp(mime, "image/png") == 0)
		return ATT_PNG;
	if (strcmp(mime, "application/pdf") == 0)
		return ATT_PDF;
	return ATT_OTHER;
}

const char *attachment_mime(enum attachment_type t)
{
	switch (t) {
	case ATT_JPEG: return "image/jpeg";
	case ATT_PNG: return "image/png";
	case ATT_PDF: return "application/pdf";
	case ATT_OTHER: break;
	}
	return "application/octet-stream";
}

enum attachment_type attachment_of_mime(const char *mime)
{
	static const enum attachment_type known[] = {ATT_JPEG, ATT_PNG, ATT_PDF};
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(mime, attachment_mime(known[i])) == 0)
			return known[i];
	return ATT_OTHER;
}

const char *attachment_ext(enum attachment_type t)
{
	switch (t) {
	case ATT_JPEG: return "jpg";
	case ATT_PNG: return "png";
	case ATT_PDF: return "pdf";
	case ATT_OTHER: break;
	}
	return "bin";
}

static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The first frame header (SOF0..SOF15 but DHT, JPG and DAC) of a JPEG. */
static int jpeg_size(const unsigned char *b, size_t n, unsigned *w, unsigned *h)
{
	size_t i = 2;

	if (n < 4 || b[0] != 0xFF || b[1] != 0xD8)
		return -1;
	while (i + 4 <= n) {
		unsigned m, len;

		if (b[i] != 0xFF)
			return -1;
		m = b[i + 1];
		if (m == 0xFF) { /* fill byte */
			i++;
			continue;
		}
		if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) { /* no length */
			i += 2;
			continue;
		}
		if (m == 0xD9 || m == 0xDA) /* end or start of scan before a frame */
			return -1;
		len = be16(b + i + 2);
		if (len < 2)
			return -1;
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			if (i + 9 > n || len < 7)
				return -1;
			*h = be16(b + i + 5);
			*w = be16(b + i + 7);
			return 0;
		}
		i += 2 + len;
	}
	return -1;
}

int image_size(enum attachment_type t, const unsigned char *b, size_t n, unsigned *w,
	       unsigned *h)
{
	static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

	*w = *h = 0;
	if (t == ATT_PNG) {
		/* The signature, then IHDR: length 13, "IHDR", width, height. */
		if (n < 24 || memcmp(b, png, 8) != 0 || memcmp(b + 12, "IHDR", 4) != 0)
			return -1;
		if (be32(b + 16) > 0x7FFFFFFF || be32(b + 20) > 0x7FFFFFFF)
			return -1;
		*w = be32(b + 16);
		*h = be32(b + 20);
		return 0;
	}
	if (t == ATT_JPEG)
		return jpeg_size(b, n, w, h);
	return -1;
}

int image_size_ok(unsigned w, unsigned h)
{
	return w > 0 && h > 0 && w <= IMAGE_SIDE_MAX && h <= IMAGE_SIDE_MAX &&
	       (unsigned long long)w * h <= IMAGE_PIXELS_MAX;
}

void attachment_name(const char *in, char out[4 * ATTACHMENT_NAME_MAX + 1])
{
	const char *p = in, *s;
	size_t o = 0, chars = 0, n;

	for (s = in; *s; s++)
		if (*s == '/' || *s == '\\')
			p = s + 1;
	/* Valid UTF-8, control characters as spaces, never a character cut. */
	n = utf8_clean(out, 4 * ATTACHMENT_NAME_MAX + 1, p);
	while (o < n && chars < ATTACHMENT_NAME_MAX) {
		o++;
		while (o < n && ((unsigned char)out[o] & 0xC0) == 0x80)
			o++;
		chars++;
	}
	out[o] = '\0';
	/* Nothing left, or only dots and spaces (".."): a plain name instead. */
	if (strspn(out, ". ") == o)
		strcpy(out, "file");
}
