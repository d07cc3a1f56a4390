/* doc/pdf.h: PDF output (cairo, pango). */
#ifndef DOC_PDF_H
#define DOC_PDF_H

#include <libxml/tree.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/*
 * A PDF from a layout document (xsl/pdf.xsl writes them; lib/pdf.c says
 * what the elements mean): A4 pages, DejaVu Sans through pango, text kept as
 * text.  The bytes live in the arena.
 */
enum perr pdf_render(struct arena *, xmlDocPtr layout, const unsigned char **pdf,
		     size_t *len) PORTAL_WUR;

/* A page document as a PDF (pdf.xsl, then pdf_render()). */
enum perr render_pdf(struct arena *, xmlDocPtr page, const unsigned char **pdf,
		     size_t *len) PORTAL_WUR;

#endif
