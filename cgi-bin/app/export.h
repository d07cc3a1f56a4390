/* app/export.h: the exports for the billing system. */
#ifndef APP_EXPORT_H
#define APP_EXPORT_H

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

enum export_what { EXP_READINGS, EXP_PAYMENTS, EXP_CONTACTS, EXP__N };

/* "readings", "payments", "contacts" -> the export, or -1. */
int export_what(const char *);
const char *export_name(enum export_what);

/*
 * The export's header and rows, each handed to row(ctx, cells, n) (0 to go
 * on).  Readings and payments have the columns of their import templates,
 * so a file exported can be loaded back.  from and to are days, inclusive.
 * scratch holds one row at a time (it is emptied after each).
 */
enum perr export_run(struct arena *scratch, unsigned org, enum export_what, const char *from,
		     const char *to, int (*row)(void *, const char *const *, unsigned),
		     void *ctx) PORTAL_WUR;

#endif
