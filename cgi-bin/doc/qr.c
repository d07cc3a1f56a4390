/*
 * qr.c: QR codes through libqrencode.  Error correction level M, the level
 * payment QR codes are printed with in practice (domain.md 2a): a receipt
 * still scans with some of the code smudged or folded.
 */
#include <string.h>
#include <qrencode.h>

#include "core/arena.h"
#include "doc/qr.h"

static void free_code(void *p)
{
	QRcode_free(p);
}

int qr_encode(struct arena *ar, const char *text, struct qr *out)
{
	QRcode *c;
	unsigned char *dark;
	size_t i, n;

	/* 8-bit mode as a whole: the payload is UTF-8 and must come back byte for byte. */
	c = QRcode_encodeData((int)strlen(text), (const unsigned char *)text, 0, QR_ECLEVEL_M);
	if (c == NULL)
		return -1;
	if (arena_defer(ar, free_code, c) != 0) {
		QRcode_free(c);
		return -1;
	}
	n = (size_t)c->width * (size_t)c->width;
	dark = arena_alloc(ar, n);
	if (dark == NULL)
		return -1;
	/* Bit 0 of each byte is the module's colour; the others say what it is part of. */
	for (i = 0; i < n; i++)
		dark[i] = c->data[i] & 1;
	out->width = c->width;
	out->dark = dark;
	return 0;
}

/* n (>= 0) in decimal at p; returns the end.  snprintf's format parsing was a
 * sixth of a receipt page's time, for some 600 runs of "M%d %dh%dv1h-%dz". */
static char *put_int(char *p, int n)
{
	char digits[12];
	int k = 0;

	do
		digits[k++] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	while (k > 0)
		*p++ = digits[--k];
	return p;
}

const char *qr_svg_path(struct arena *ar, const struct qr *q)
{
	/* Worst case: every other module dark, each a run of its own: "M176 176h1v1h-1z". */
	size_t cap = (size_t)q->width * (size_t)q->width * 12 + 1;
	char *buf = arena_alloc(ar, cap), *p = buf;
	int x, y, run;

	if (buf == NULL || q->width < 0 || q->width > 177)
		return NULL;
	for (y = 0; y < q->width; y++) {
		const unsigned char *row = q->dark + (size_t)y * (size_t)q->width;

		for (x = 0; x<q->width; x += run> 0 ? run : 1) {
			for (run = 0; x + run < q->width && row[x + run]; run++)
				;
			if (run == 0)
				continue;
			*p++ = 'M';
			p = put_int(p, x);
			*p++ = ' ';
			p = put_int(p, y);
			*p++ = 'h';
			p = put_int(p, run);
			memcpy(p, "v1h-", 4);
			p = put_int(p + 4, run);
			*p++ = 'z';
		}
	}
	*p = '\0';
	return buf;
}

size_t qr_packed_len(int width)
{
	/* Versions 1..40: 21 modules a side, 4 more a version. */
	if (width < QR_WIDTH_MIN || width > QR_WIDTH_MAX || (width - QR_WIDTH_MIN) % 4 != 0)
		return 0;
	return ((size_t)width * (size_t)width + 7) / 8;
}

void qr_pack(const struct qr *q, unsigned char *out)
{
	size_t n = (size_t)q->width * (size_t)q->width, i;

	memset(out, 0, (n + 7) / 8);
	for (i = 0; i < n; i++)
		if (q->dark[i])
			out[i / 8] |= (unsigned char)(0x80u >> (i % 8));
}

int qr_unpack(struct arena *ar, int width, const unsigned char *packed, size_t len, struct qr *q)
{
	size_t want = qr_packed_len(width), n, i;
	unsigned char *dark;

	if (want == 0 || len != want)
		return -1;
	n = (size_t)width * (size_t)width;
	if ((dark = arena_alloc(ar, n)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		dark[i] = (packed[i / 8] >> (7 - i % 8)) & 1;
	q->width = width;
	q->dark = dark;
	return 0;
}
