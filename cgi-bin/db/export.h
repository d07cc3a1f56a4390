/* db/export.h: what the billing system takes back: readings, online payments, contact changes. */
#ifndef DB_EXPORT_H
#define DB_EXPORT_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/*
 * Rows of an organization between two days (inclusive, YYYY-MM-DD), as the
 * import templates have them: cells[] is the row's text, n cells.  The rows
 * stream from the server (nothing is held); each is given to each() and is
 * valid during the call only (the arena is a scratch one, emptied after
 * every row); no other statement may run meanwhile.
 */
#define EXPORT_CELLS 8
struct export_row {
	const char *cells[EXPORT_CELLS];
	unsigned n;
};

/* Readings accepted that were taken in the period, as kabinet-import reads them back. */
enum perr db_export_readings(struct arena *, unsigned org, const char *from, const char *to,
			     enum perr (*each)(void *, const struct export_row *), void *) PORTAL_WUR;
/* Payments made through the portal (card, autopay) that succeeded in the period. */
enum perr db_export_payments(struct arena *, unsigned org, const char *from, const char *to,
			     enum perr (*each)(void *, const struct export_row *), void *) PORTAL_WUR;
/* Promised payments asked for in the period (UTC days), in the order asked. */
enum perr db_export_promises(struct arena *, unsigned org, const char *from, const char *to,
                             enum perr (*each)(void *, const struct export_row *),
                             void *) PORTAL_WUR;
/* Contact details changed in the period, one row per linked account of the organization. */
enum perr db_export_contacts(struct arena *, unsigned org, const char *from, const char *to,
			     enum perr (*each)(void *, const struct export_row *), void *) PORTAL_WUR;

#endif
