/* doc/qr.h: QR code modules (libqrencode). */
#ifndef DOC_QR_H
#define DOC_QR_H

#include <stddef.h>

#include "core/arena.h"
#include "core/attrs.h"

/* A QR code's modules, made with libqrencode at error correction level M. */
struct qr {
	int width; /* modules per side, without the quiet zone */
	const unsigned char *dark; /* width * width bytes, row by row: 1 is a dark module */
};

/* Encode text as 8-bit data.  The modules live in the arena.  -1 if it does not fit. */
int qr_encode(struct arena *, const char *text, struct qr *) PORTAL_WUR;
/* The dark modules as SVG path data ("M0 0h7v1h-7z..."), one run per rectangle. */
const char *qr_svg_path(struct arena *, const struct qr *);

/*
 * The modules packed eight to a byte, row by row, the first module in a
 * byte's high bit: what a code is kept as (sql/060).  QR_PACKED_MAX bytes
 * hold the largest code (version 40, 177 modules a side).
 */
#define QR_WIDTH_MIN  21
#define QR_WIDTH_MAX  177
#define QR_PACKED_MAX ((QR_WIDTH_MAX * QR_WIDTH_MAX + 7) / 8)
/* The bytes a code of that width packs into; 0 for a width no code has. */
size_t qr_packed_len(int width);
/* Packs q into out (qr_packed_len(q->width) bytes). */
void qr_pack(const struct qr *, unsigned char *out);
/* The code of that width back from len packed bytes, its modules in the arena; -1 if
 * the width is none a code has, or len is not what it packs into. */
int qr_unpack(struct arena *, int width, const unsigned char *packed, size_t len,
              struct qr *) PORTAL_WUR;

#endif
