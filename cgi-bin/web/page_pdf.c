/*
 * web/page_pdf.c: a page answered as a PDF.  In a file of its own so that
 * only the programs that answer with PDFs link the PDF code (cairo, pango).
 */

#include "doc/pdf.h"
#include "web/req.h"

int page_pdf(struct req *r, const char *filename)
{
	if (filename == NULL || download_name_ok(filename) != 0)
		return page_error(r, 500, "internal");
	r->dl_name = filename;
	r->dl_type = "application/pdf";
	r->make_dl = render_pdf;
	return 200;
}
