/* export.c: an export's header, then its rows as the database streams them. */
#include <string.h>

#include "app/export.h"
#include "core/arena.h"
#include "core/perr.h"
#include "db/export.h"

static const char *const names[EXP__N] = {"readings", "payments", "contacts"};

/* The import templates' own columns: an export loads back as it is. */
static const char *const readings_head[] = {"account", "serial", "zone", "taken_on", "value"};
static const char *const payments_head[] = {"id",     "account", "paid_at", "amount",
					    "channel", "bank"};
static const char *const contacts_head[] = {"account",   "login",     "field",
					    "old_value", "new_value", "changed_at"};

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

enum perr export_run(struct arena *scratch, unsigned org, enum export_what w, const char *from,
		     const char *to, int (*row)(void *, const char *const *, unsigned), void *ctx)
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
	case EXP__N: break;
	}
	return PERR_BAD_INPUT;
}
