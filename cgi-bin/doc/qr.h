/* doc/qr.h: QR code modules (libqrencode). */
#ifndef DOC_QR_H
#define DOC_QR_H

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

#endif
