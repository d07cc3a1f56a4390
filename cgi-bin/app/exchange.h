/* app/exchange.h: importing a billing system's files. */
#ifndef APP_EXCHANGE_H
#define APP_EXCHANGE_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"
#include "db/exchange.h"

/* Each kind's columns: app/exchange_format.h. */

/*
 * Store a file as import id: read(ctx, buf, n) until it returns 0, in
 * chunks; its SHA-256, size and lines are recorded, and it is queued for
 * the import program if queue (else the caller runs it: exchange_run()).
 * PERR_TOO_LARGE past max bytes (nothing is queued then).
 */
enum perr exchange_store(uint64_t id, long (*read)(void *, char *, size_t), void *ctx, uint64_t max,
                         int queue, uint64_t *bytes) PORTAL_WUR;

struct exchange_progress {
	uint64_t id;
	const char *status; /* checking, applying */
	uint64_t rows, lines_total, bytes, bytes_total;
};

/*
 * Do what import id waits for: read and check it (the dry run), then, if
 * it is to be applied and nothing was refused, apply it in one transaction.
 * PERR_CONFLICT if another import of the organization is running.
 * progress (may be NULL) hears how far it got about once a second.
 * staff_login and ip name who applies it in the audit log.
 */
enum perr exchange_run(struct arena *, uint64_t id, const char *actor,
                       void (*progress)(void *, const struct exchange_progress *),
                       void *ctx) PORTAL_WUR;

#endif
