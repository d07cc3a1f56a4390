/*
 * bench_render: one page's transform and writing, as a program does it,
 * in a loop: the page's XML (a ?format=xml answer) copied into the
 * request's region, site.xsl compiled for its section, render_html, the
 * region forgotten.  Prints the time a page and how many a second one core
 * renders.  Run under callgrind it gives the instructions a page, the
 * figure that does not move with this shared machine (make bench prints
 * the time; issue 22's notes use both).  Figures, not a test.
 *
 *     bench_render XSL_DIR SECTION PAGE.xml [RENDERS] [pdf [OUT.pdf]]
 *
 * With pdf, the page is drawn as a PDF instead (pdf.xsl's layout, pango and
 * cairo: a receipt's PDF without the database or FastCGI), the first one
 * (the same bytes as every other) written to OUT.pdf if given.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "core/arena.h"
#include "doc/pdf.h"
#include "doc/render.h"
#include "doc/xmlmem.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static struct arena *pdf_arena; /* the request's arena, when drawing PDFs */
static const char *pdf_out;     /* where the first PDF goes, if anywhere; then NULL */

/* One request's worth: the page made in the region (a copy, as a program builds it), rendered. */
static int render_once(xmlDocPtr page, int *bytes)
{
	xmlDocPtr doc;
	xmlChar *html = NULL;
	const unsigned char *pdf;
	size_t len;
	int rc = -1;

	xmlmem_begin();
	doc = xmlCopyDoc(page, 1);
	if (doc != NULL && pdf_arena != NULL) {
		if (render_pdf(pdf_arena, doc, &pdf, &len) == PERR_OK) {
			*bytes = (int)len;
			rc = 0;
			if (pdf_out != NULL) {
				FILE *f = fopen(pdf_out, "wb");

				if (f == NULL || fwrite(pdf, 1, len, f) != len)
					rc = -1;
				if (f != NULL && fclose(f) != 0)
					rc = -1;
				pdf_out = NULL; /* once, in the warm-up: not inside the timing */
			}
		}
		arena_reset(pdf_arena);
	} else if (doc != NULL && render_html(doc, &html, bytes) == 0)
		rc = 0;
	xmlFree(html);
	xmlmem_free_doc(doc);
	xmlmem_end();
	return rc;
}

int main(int argc, char **argv)
{
	xmlDocPtr page;
	long renders = argc > 4 ? strtol(argv[4], NULL, 10) : 2000, i;
	int bytes = 0, rc = 1;
	double t0, t;

	if (argc < 4 || renders < 1 || (argc > 5 && strcmp(argv[5], "pdf") != 0)) {
		fprintf(stderr, "usage: bench_render XSL_DIR SECTION PAGE.xml [RENDERS] [pdf]\n");
		return 2;
	}
	if (argc > 5 && (pdf_arena = arena_new(64u << 20)) == NULL)
		return 1;
	pdf_out = argc > 6 ? argv[6] : NULL;
	/* Read before render_init(), which forbids loading anything from then on. */
	page = xmlReadFile(argv[3], NULL, XML_PARSE_NONET);
	if (page == NULL) {
		fprintf(stderr, "bench_render: cannot read %s\n", argv[3]);
		return 1;
	}
	if (xmlmem_install() != 0 || render_init(argv[1], argv[2]) != 0)
		goto done;
	/* A few first, for the caches and the region's pages. */
	for (i = 0; i < 20; i++)
		if (render_once(page, &bytes) != 0)
			goto failed;
	t0 = now();
	for (i = 0; i < renders; i++)
		if (render_once(page, &bytes) != 0)
			goto failed;
	t = (now() - t0) / (double)renders;
	printf("%s: %.0f %s/s on one core, %.1f us each, %d bytes of %s\n",
	       strrchr(argv[3], '/') ? strrchr(argv[3], '/') + 1 : argv[3], 1.0 / t,
	       pdf_arena ? "PDFs" : "pages", t * 1e6, bytes, pdf_arena ? "PDF" : "HTML");
	rc = 0;
	goto done;
failed:
	fprintf(stderr, "bench_render: %s did not render\n", argv[3]);
done:
	xmlFreeDoc(page);
	render_done();
	arena_free(pdf_arena);
	return rc;
}
