/*
 * web/page_table.c: a page's table answered as CSV or XLSX.  A file of its
 * own, like page_pdf.c: only the programs that offer tables link the
 * writers (doc/sheet.c, doc/xlsx.c and libxlsxwriter).
 */
#include <string.h>

#include "doc/sheet.h"
#include "doc/xlsx.h"
#include "web/req.h"

int page_table(struct req *r, const char *format, const char *base)
{
	if (format == NULL)
		return 200;
	if (base == NULL)
		return page_error(r, 500, "internal");
	if (strcmp(format, "csv") == 0)
		return page_download(r, arena_printf(r->arena, "%s.csv", base),
				     "text/csv; charset=utf-8; header=present", sheet_csv);
	if (strcmp(format, "xlsx") == 0)
		return page_download(
			r, arena_printf(r->arena, "%s.xlsx", base),
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet_xlsx);
	return 200; /* "xml" is the request layer's; anything else shows the page */
}
