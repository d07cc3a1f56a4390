/* app/receipt_pdf.h: a receipt's PDF, the same file every time it is made. */
#ifndef APP_RECEIPT_PDF_H
#define APP_RECEIPT_PDF_H

#include <stddef.h>

#include <libxml/tree.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/*
 * The PDF of the receipt on page (its <receipt month account-id version>);
 * its hash kept the first time, compared (a difference logged as an error)
 * every later time.  The PDF is given either way.
 */
enum perr receipt_pdf_kept(struct arena *, xmlDocPtr page, const unsigned char **pdf,
			   size_t *len) PORTAL_WUR;

#endif
