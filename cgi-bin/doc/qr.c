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
