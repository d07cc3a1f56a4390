/* export.c: an export's header, then its rows as the database streams them. */
#include <string.h>

#include "app/export.h"
#include <stdlib.h>

#include "core/arena.h"
#include "core/csvout.h"
#include "core/perr.h"
#include "db/export.h"
#include "doc/xlsx_stream.h"

#define SCRATCH (1u << 20) /* a row's text */

static const char *const names[EXP__N] = {"readings", "payments", "contacts", "promises"};

/* The import templates' own columns: an export loads back as it is. */
static const char *const readings_head[] = {"account", "serial", "zone", "taken_on", "value"};
static const char *const payments_head[] = {"id",     "account", "paid_at",
                                            "amount", "channel", "bank"};
static const char *const contacts_head[] = {"account",   "login",     "field",
                                            "old_value", "new_value", "changed_at"};
/* Promised payments asked for (sql/054): the lines the billing system is to enable. */
static const char *const promises_head[] = {"account",      "service", "login",
                                            "requested_at", "until",   "debt"};

int export_what(const char *s)
{
	int i;

	for (i = 0; i < EXP__N; i++)
		if (s != NULL && strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

const char *export_name(enum export_what w)
{
	return names[w];
}

struct ctx {
	int (*row)(void *, const char *const *, unsigned);
	void *ctx;
};

static enum perr each(void *p, const struct export_row *r)
{
	struct ctx *c = p;

	return c->row(c->ctx, r->cells, r->n) == 0 ? PERR_OK : PERR_SYS;
}

/* The header and rows, each handed to row(ctx, cells, n) (0 to go on);
 * scratch holds one row's text at a time (the database layer empties it). */
static enum perr export_run(struct arena *scratch, unsigned org, enum export_what w,
                            const char *from, const char *to,
                            int (*row)(void *, const char *const *, unsigned), void *ctx)
{
	struct ctx c = {row, ctx};

	switch (w) {
	case EXP_READINGS:
		if (row(ctx, readings_head, 5) != 0)
			return PERR_SYS;
		return db_export_readings(scratch, org, from, to, each, &c);
	case EXP_PAYMENTS:
		if (row(ctx, payments_head, 6) != 0)
			return PERR_SYS;
		return db_export_payments(scratch, org, from, to, each, &c);
	case EXP_CONTACTS:
		if (row(ctx, contacts_head, 6) != 0)
			return PERR_SYS;
		return db_export_contacts(scratch, org, from, to, each, &c);
	case EXP_PROMISES:
		if (row(ctx, promises_head, 6) != 0)
			return PERR_SYS;
		return db_export_promises(scratch, org, from, to, each, &c);
	case EXP__N: break;
	}
	return PERR_BAD_INPUT;
}

static int csv_row(void *ctx, const char *const *cells, unsigned n)
{
	return csvout_row(ctx, cells, n);
}

static int xlsx_row(void *ctx, const char *const *cells, unsigned n)
{
	return xlsx_stream_row(ctx, cells, n);
}

enum perr export_csv(unsigned org, enum export_what w, const char *from, const char *to,
                     int (*put)(void *, const char *, size_t), void *ctx)
{
	struct arena *scratch = arena_new(SCRATCH);
	struct csvout *out = malloc(sizeof(*out)); /* its buffer is 64 KiB: not the stack's */
	enum perr e = PERR_NOMEM;

	if (scratch != NULL && out != NULL) {
		csvout_init(out, put, ctx);
		e = export_run(scratch, org, w, from, to, csv_row, out);
		if (csvout_flush(out) != 0 && e == PERR_OK)
			e = PERR_SYS;
	}
	free(out);
	arena_free(scratch);
	return e;
}

enum perr export_xlsx(unsigned org, enum export_what w, const char *from, const char *to,
                      const char *path)
{
	struct arena *scratch = arena_new(SCRATCH);
	struct xlsx_stream *x = scratch ? xlsx_stream_open(path, names[w]) : NULL;
	enum perr e = scratch == NULL ? PERR_NOMEM : PERR_SYS;

	if (x != NULL) {
		e = export_run(scratch, org, w, from, to, xlsx_row, x);
		if (xlsx_stream_close(x) != 0 && e == PERR_OK)
			e = PERR_SYS;
	}
	arena_free(scratch);
	return e;
}
