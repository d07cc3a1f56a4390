/* doc/xlsx.h: a page's table as an Excel workbook (libxlsxwriter). */
#ifndef DOC_XLSX_H
#define DOC_XLSX_H

#include <libxml/tree.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/*
 * The sheet of doc/sheet.h as one worksheet: numbers as numbers (money with
 * two decimals and grouping, quantities with three), the head row bold and
 * frozen.  The bytes live in the arena.
 */
enum perr sheet_xlsx(struct arena *, xmlDocPtr page, const unsigned char **out,
		     size_t *len) PORTAL_WUR;

#endif
