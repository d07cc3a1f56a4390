/* doc/render.h: XSLT rendering. */
#ifndef DOC_RENDER_H
#define DOC_RENDER_H

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>

#include "core/attrs.h"

/*
 * The stylesheets (site.xsl, pdf.xsl, mail.xsl), compiled once per process:
 * serve_main() does it for a section (site.xsl with that section's sheets
 * only; pages of section "error" are every program's); a scheduled program
 * that renders calls it itself, with NULL for every section.  -1 if one does
 * not compile (logged).
 */
int render_init(const char *xsl_dir, const char *section) PORTAL_WUR;
void render_done(void);

/* Transform a page document to HTML.  *out is freed by the caller with xmlFree. */
int render_html(xmlDocPtr, xmlChar **out, int *len);

/*
 * A stylesheet of another module (pdf.xsl, mail.xsl): compiled by
 * render_init() and freed by render_done() in the programs that link that
 * module, and only in those.
 */
struct render_sheet {
	const char *name;
	xsltStylesheetPtr *slot;
};

#define RENDER_SHEET(id, file, slot_ptr)                                                       \
	static const struct render_sheet id##_sheet_reg = {file, slot_ptr};                        \
	static const struct render_sheet *const id##_sheet_entry                                 \
		__attribute__((used, section("kb_sheets"))) = &id##_sheet_reg

/* Apply a sheet to doc under the security preferences; the result or NULL (logged). */
xmlDocPtr render_transform(xsltStylesheetPtr, xmlDocPtr doc);

#endif
