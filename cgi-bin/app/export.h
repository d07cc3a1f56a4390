/* app/export.h: the exports for the billing system. */
#ifndef APP_EXPORT_H
#define APP_EXPORT_H

#include <stddef.h>

#include "core/attrs.h"
#include "core/perr.h"

enum export_what { EXP_READINGS, EXP_PAYMENTS, EXP_CONTACTS, EXP_PROMISES, EXP__N };

/* "readings", "payments", "contacts", "promises" -> the export, or -1. */
int export_what(const char *);
const char *export_name(enum export_what);

/*
 * An export of org between two days (inclusive, YYYY-MM-DD): a header, then
 * the rows as the database streams them.  Readings and payments have the
 * columns of their import templates, so a file exported can be loaded back.
 * Memory stays flat: one row is held at a time.
 *
 * export_csv() writes CSV through put(ctx, bytes, n) (0, or -1 when the
 * sink failed), buffered and flushed at the end; export_xlsx() writes an
 * XLSX workbook at path (libxlsxwriter's constant-memory mode).
 */
enum perr export_csv(unsigned org, enum export_what, const char *from, const char *to,
                     int (*put)(void *, const char *, size_t), void *ctx) PORTAL_WUR;
enum perr export_xlsx(unsigned org, enum export_what, const char *from, const char *to,
                      const char *path) PORTAL_WUR;

#endif
