/*
 * web/page_pdf.c: a page answered as a PDF.  In a file of its own so that
 * only the programs that answer with PDFs link the PDF code (cairo, pango).
 */

#include "doc/pdf.h"
#include "web/req.h"

int page_pdf(struct req *r, const char *filename)
{
	return page_download(r, filename, "application/pdf", render_pdf);
}
