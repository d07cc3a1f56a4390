/* doc/sheet.h: a page's table as rows of cells, and as CSV. */
#ifndef DOC_SHEET_H
#define DOC_SHEET_H

#include <libxml/tree.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/*
 * xsl/sheet.xsl turns a page into a sheet:
 *
 *   <sheet name="statement"><row head="1"><c>Month</c>...</row>
 *     <row><c>ноябрь 2025</c><c n="927.36" fmt="money">927,36 ₽</c>...</row></sheet>
 *
 * A cell with n is a number (n in C's notation, a point and no grouping;
 * fmt "money" or "quantity" says how a spreadsheet shows it); any other is
 * text.  A page with no table makes <none/>.  The caller frees the result.
 */
xmlDocPtr sheet_of(xmlDocPtr page);

/* Rows and cells of a sheet, in order; NULL when there are no more. */
xmlNodePtr sheet_next_row(xmlNodePtr row_or_sheet_root);
xmlNodePtr sheet_next_cell(xmlNodePtr cell_or_row);

/*
 * A page's table as CSV (RFC 4180: commas, CRLF, UTF-8, numbers with a
 * point).  Text that a spreadsheet would take for a formula (=, +, -, @ at
 * its start) gets a leading apostrophe.  The bytes live in the arena.
 */
enum perr sheet_csv(struct arena *, xmlDocPtr page, const unsigned char **out,
		    size_t *len) PORTAL_WUR;
/* The same from a sheet already made (sheet_of()). */
enum perr sheet_write_csv(struct arena *, xmlDocPtr sheet, const unsigned char **out,
			  size_t *len) PORTAL_WUR;

#endif
