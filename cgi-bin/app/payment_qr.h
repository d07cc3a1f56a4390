/* app/payment_qr.h: a payment's QR code, made once and kept (sql/060). */
#ifndef APP_PAYMENT_QR_H
#define APP_PAYMENT_QR_H

#include "core/attrs.h"
#include "doc/qr.h"

struct arena;

/*
 * The QR code of a payment's text (GOST R 56042): the one kept for the text
 * if there is one, else encoded and kept.  Only for texts that may be kept:
 * never one that carries a secret.  The database failing to find or keep
 * it costs the encoding, not the code (logged).  0, or -1 if the text
 * cannot be encoded.
 */
int payment_qr(struct arena *, const char *text, struct qr *) PORTAL_WUR;

#endif
