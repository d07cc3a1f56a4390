/* db/exchange.h: imported files, their staging rows and problems. */
#ifndef DB_EXCHANGE_H
#define DB_EXCHANGE_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/money.h"
#include "core/perr.h"

/* What can be imported; the order of the staging columns is the kind's. */
enum stage_kind {
	SK_ACCOUNTS,
	SK_SERVICES,
	SK_METERS,
	SK_CHARGES,
	SK_PAYMENTS,
	SK_READINGS,
	SK_TARIFFS,
	SK_TARIFF_LIMITS,
	SK_CHARGE_LINES,
	SK_CONNECTIONS,
	SK_OBJECTS,
	SK_EVENTS,
	SK_USAGE,
	SK__N
};

struct import_row {
	uint64_t id;
	unsigned org;
	const char *kind, *mode, *status, *file_name, *sha256, *encoding, *delimiter, *error;
	const char *created_by, *created_at, *started_at, *checked_at, *finished_at;
	uint64_t bytes, lines_total, rows_done, bytes_done;
	uint64_t n_new, n_changed, n_unchanged, n_refused;
	long long seconds; /* since it started (or to its end) */
	int live;          /* a worker is on it now */
};

enum perr db_import_new(unsigned org, const char *kind, const char *mode, const char *file_name,
                        uint64_t staff, uint64_t api_key, const char *created_by,
                        uint64_t *id) PORTAL_WUR;
enum perr db_import_chunk(uint64_t id, unsigned seq, const void *, size_t) PORTAL_WUR;
/* Uploading is over: the file's checksum, size and lines; queued for the import
 * program if queue (else its storer runs it, and queues it only if it cannot). */
enum perr db_import_stored(uint64_t id, const char *sha256, uint64_t bytes, uint64_t lines,
                           int queue) PORTAL_WUR;
enum perr db_import_queue(uint64_t id) PORTAL_WUR;
/* org 0: any organization's. */
enum perr db_import_get(struct arena *, uint64_t id, unsigned org, struct import_row *) PORTAL_WUR;
enum perr db_import_list(struct arena *, unsigned org, uint64_t before, unsigned limit,
                         enum perr (*each)(void *, const struct import_row *), void *) PORTAL_WUR;
/* Chunk seq of the file into buf (cap bytes, at least a MiB); PERR_NOT_FOUND past the end. */
#define IMPORT_CHUNK (1024 * 1024)
enum perr db_import_read_chunk(uint64_t id, unsigned seq, unsigned char *buf, size_t cap,
                               size_t *len) PORTAL_WUR;
/* The oldest import that wants work (queued, or asked to be applied, or left
 * half-done by a worker that is gone); PERR_NOT_FOUND if none. */
enum perr db_import_next(uint64_t after, uint64_t *id) PORTAL_WUR;

/*
 * The organization's import lock, held by this connection (PERR_CONFLICT
 * while another holds it), and marked on the import so that pages can tell
 * a live import from one whose worker died.
 */
enum perr db_import_lock(unsigned org, uint64_t id) PORTAL_WUR;
enum perr db_import_unlock(unsigned org) PORTAL_WUR;

/* Status from -> to (PERR_CONFLICT if it was not from); "started", "checked",
 * "finished" stamp the matching time. */
enum perr db_import_status(uint64_t id, const char *from, const char *to) PORTAL_WUR;
enum perr db_import_progress(uint64_t id, uint64_t rows, uint64_t bytes) PORTAL_WUR;
enum perr db_import_found(uint64_t id, const char *encoding, const char *delimiter) PORTAL_WUR;
enum perr db_import_counts(uint64_t id, uint64_t n_new, uint64_t changed, uint64_t unchanged,
                           uint64_t refused) PORTAL_WUR;
enum perr db_import_fail(uint64_t id, const char *error) PORTAL_WUR;
/* Only a checked import of the organization asks to be applied. */
enum perr db_import_ask_apply(uint64_t id, unsigned org) PORTAL_WUR;

/* The organization's currency (core/money.h); PERR_NOT_FOUND if there is no such organization. */
enum perr db_import_currency(struct arena *, unsigned org, const struct currency **) PORTAL_WUR;

struct import_problem {
	uint64_t line;
	const char *column, *value, *code, *detail;
};
enum perr db_import_problem(uint64_t id, const struct import_problem *) PORTAL_WUR;
enum perr db_import_problems(struct arena *, uint64_t id, uint64_t limit,
                             enum perr (*each)(void *, const struct import_problem *),
                             void *) PORTAL_WUR;
/* A new attempt starts clean: the import's staging rows and problems go. */
enum perr db_import_reset(enum stage_kind, uint64_t id) PORTAL_WUR;
/* After applying (or refusing), the staging rows are of no more use. */
enum perr db_stage_clear(enum stage_kind, uint64_t id) PORTAL_WUR;

/* A staged value: NULL, an integer, or text (not copied: valid until flushed). */
struct stage_cell {
	int is_null;
	long long i;
	const char *s;
	size_t len;
};
/* Rows go to the database this many at a time: a caller keeps the text of
 * its cells until it has staged a multiple of it, or flushed. */
#define DB_STAGE_BATCH 128
/* Add a row; rows go to the database in batches.  Flush before reading them. */
enum perr db_stage_row(enum stage_kind, uint64_t id, uint64_t line,
                       const struct stage_cell *) PORTAL_WUR;
enum perr db_stage_flush(enum stage_kind) PORTAL_WUR;

/*
 * The checks that need the live tables or the whole file (an unknown
 * account, a key twice in the file): each refused row is flagged, its
 * problems written; bad is how many rows are flagged in all.
 */
enum perr db_stage_check(enum stage_kind, uint64_t id, unsigned org, uint64_t *bad) PORTAL_WUR;
/* The dry run: how many rows are new, would change, are as they are. */
enum perr db_stage_diff(enum stage_kind, uint64_t id, unsigned org, uint64_t *n_new,
                        uint64_t *changed, uint64_t *unchanged) PORTAL_WUR;
struct stage_change {
	uint64_t line;
	const char *key, *before, *after; /* before NULL: a new row */
};
enum perr db_stage_changes(struct arena *, enum stage_kind, uint64_t id, unsigned org,
                           unsigned limit, enum perr (*each)(void *, const struct stage_change *),
                           void *) PORTAL_WUR;
/* Switch the staged rows in: call inside the one transaction of the apply.
 * Payments are not here: each is credited (app/exchange.c). */
enum perr db_stage_apply(enum stage_kind, uint64_t id, unsigned org) PORTAL_WUR;

/* Payments to be loaded: the staged rows not loaded before, in file order. */
struct stage_payment {
	uint64_t line, account;
	const char *paid_at, *channel, *bank, *source_id;
	long long amount;
};
enum perr db_stage_new_payments(struct arena *, uint64_t id, unsigned org, uint64_t after_line,
                                unsigned limit,
                                enum perr (*each)(void *, const struct stage_payment *),
                                void *) PORTAL_WUR;
enum perr db_payment_insert_source(const struct stage_payment *, unsigned org,
                                   uint64_t *payment_id) PORTAL_WUR;
/* Lock the account row for crediting (as paying online does). */
enum perr db_exchange_lock_account(uint64_t account) PORTAL_WUR;

#endif
