/*
 * web/page_pdf.c: a page answered as a PDF.  In a file of its own so that
 * only the programs that answer with PDFs link the PDF code (cairo, pango).
 */

#include "doc/pdf.h"
#include "web/req.h"

int page_pdf(struct req *r, const char *filename)
{
	const char *p;

	for (p = filename; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '-' || *p == '.'))
			return page_error(r, 500, "internal");
	r->pdf_name = filename;
	r->make_pdf = render_pdf;
	return 200;
}
