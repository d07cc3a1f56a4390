/* db/qr.h: payment QR codes kept by the SHA-256 of their text (sql/060). */
#ifndef DB_QR_H
#define DB_QR_H

#include <stddef.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/*
 * The code kept for the text whose SHA-256 is sha: its width and its
 * modules packed (doc/qr.h), *len bytes into packed (cap bytes).
 * PERR_NOT_FOUND if none is kept.
 */
enum perr db_qr_get(struct arena *, const unsigned char sha[32], int *width, unsigned char *packed,
                    size_t cap, size_t *len) PORTAL_WUR;
/* Keeps a code; one kept already for that text (by another request) stays. */
enum perr db_qr_put(const unsigned char sha[32], int width, const unsigned char *packed,
                    size_t len) PORTAL_WUR;

#endif
