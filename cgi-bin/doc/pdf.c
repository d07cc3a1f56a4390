/*
 * pdf.c: a layout document drawn as an A4 PDF with cairo and pango.
 *
 * The layout comes from xsl/pdf.xsl, so the words (and their language) stay
 * in the message catalogs and this file only knows how to put boxes on a
 * page.  Lengths are points; text is plain (never pango markup), set in
 * DejaVu Sans, embedded as a subset with its Unicode map so that the PDF's
 * text can be selected, searched and read by pdftotext.
 *
 *   <pdf title="" author="" subject="">   one document; blocks flow down A4 pages
 *     <text size="8" bold="1" align="left|center|right" gap="2">...</text>
 *     <columns gap="12"><column width="60">blocks</column>...</columns>
 *                                    side by side; widths are relative
 *     <table size="7" gap="4"><col width="30" align="right"/>...
 *       <tr head="1"><td span="2">...</td>...</tr>...</table>
 *                                    grid lines; head rows are shaded, bold,
 *                                    and repeated on a new page
 *     <qr size="100">payload</qr>    a QR code of the payload, size points square;
 *     <qr size="100" modules="57">M0 0h7v1h-7z...</qr>   or of modules already made
 *     <rule dash="1" gap="4"/>       a line across (dashed: where to cut)
 *     <space h="6"/>
 *   </pdf>
 *
 * Only whole top-level blocks and table rows move to a new page.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <math.h>
#include <stdlib.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/module.h"
#include "core/perr.h"
#include "doc/pdf.h"
#include "doc/qr.h"
#include "doc/render.h"

#define PAGE_W 595.276 /* A4 in points */
#define PAGE_H 841.890
#define MARGIN 28.35   /* 10 mm */
#define CELL_PAD 2.0
#define MAX_COLS 16
#define MAX_HEAD_ROWS 4
#define FONT "DejaVu Sans"

struct out {
	unsigned char *p;
	size_t len, cap;
	int failed;
};

struct pdf {
	struct arena *ar;
	cairo_t *cr;
	PangoContext *pc;
	PangoFontDescription *font;
	double y;
	int failed;
};

static cairo_status_t out_write(void *p, const unsigned char *data, unsigned int n)
{
	struct out *o = p;
	unsigned char *q;
	size_t cap;

	if (o->len + n > o->cap) {
		cap = o->cap ? o->cap * 2 : 65536;
		while (cap < o->len + n)
			cap *= 2;
		q = realloc(o->p, cap);
		if (q == NULL) {
			o->failed = 1;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		o->p = q;
		o->cap = cap;
	}
	memcpy(o->p + o->len, data, n);
	o->len += n;
	return CAIRO_STATUS_SUCCESS;
}

/* A number attribute within lo..hi, or def. */
static double num(xmlNodePtr n, const char *name, double def, double lo, double hi)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	double d = def;
	char *end;

	if (v != NULL) {
		d = strtod((const char *)v, &end);
		if (*end != '\0' || !isfinite(d) || d < lo || d > hi)
			d = def;
		xmlFree(v);
	}
	return d;
}

static int flag(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	int on = v != NULL && xmlStrcmp(v, BAD_CAST "1") == 0;

	xmlFree(v);
	return on;
}

static PangoAlignment align_of(xmlNodePtr n, PangoAlignment def)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST "align");
	PangoAlignment a = def;

	if (v != NULL) {
		if (xmlStrcmp(v, BAD_CAST "right") == 0)
			a = PANGO_ALIGN_RIGHT;
		else if (xmlStrcmp(v, BAD_CAST "center") == 0)
			a = PANGO_ALIGN_CENTER;
		else if (xmlStrcmp(v, BAD_CAST "left") == 0)
			a = PANGO_ALIGN_LEFT;
		xmlFree(v);
	}
	return a;
}

static int is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

/* A layout of text in width w. */
static PangoLayout *text_layout(struct pdf *d, const char *text, double size, int bold,
				PangoAlignment al, double w)
{
	PangoLayout *l = pango_layout_new(d->pc);

	if (l == NULL) {
		d->failed = 1;
		return NULL;
	}
	pango_font_description_set_absolute_size(d->font, size * PANGO_SCALE);
	pango_font_description_set_weight(d->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, d->font);
	pango_layout_set_width(l, (int)(w * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, al);
	pango_layout_set_text(l, text, -1);
	return l;
}

static double layout_height(PangoLayout *l)
{
	int pw, ph;

	pango_layout_get_size(l, &pw, &ph);
	return (double)ph / PANGO_SCALE;
}

/*
 * The layout of a text or cell node.  A block is measured before it is drawn
 * (to see whether it fits the page); the layout the measuring made waits in
 * the node's _private for the drawing, so no text is laid out twice.
 */
static PangoLayout *node_layout(struct pdf *d, xmlNodePtr n, double size, int bold,
				PangoAlignment al, double w)
{
	PangoLayout *l = n->_private;
	xmlChar *t;

	if (l != NULL) {
		n->_private = NULL;
		return l;
	}
	t = xmlNodeGetContent(n);
	if (t == NULL) {
		d->failed = 1;
		return NULL;
	}
	l = text_layout(d, (const char *)t, size, bold, al, w);
	xmlFree(t);
	return l;
}

/* After measuring: keep the layout for the drawing; after drawing: done with it. */
static void node_done(xmlNodePtr n, PangoLayout *l, int drawn)
{
	if (drawn)
		g_object_unref(l);
	else
		n->_private = l;
}

/* Layouts measured but never drawn (a failed document), released. */
static void node_forget(xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->_private != NULL) {
			g_object_unref(n->_private);
			n->_private = NULL;
		}
		node_forget(n->children);
	}
}

static double node_text(struct pdf *d, xmlNodePtr n, double size, int bold, PangoAlignment al,
			double x, double y, double w, int draw)
{
	PangoLayout *l = node_layout(d, n, size, bold, al, w);
	double h;

	if (l == NULL)
		return 0;
	h = layout_height(l);
	if (draw) {
		cairo_move_to(d->cr, x, y);
		pango_cairo_show_layout(d->cr, l);
	}
	node_done(n, l, draw);
	return h;
}

/* A number of up to three digits at *p (a module's place in a code of at most 177), past it. */
static int take_num(const char **p, int *v)
{
	int n = 0, digits = 0;

	while (**p >= '0' && **p <= '9' && digits < 4) {
		n = n * 10 + (**p - '0');
		(*p)++;
		digits++;
	}
	*v = n;
	return digits > 0 && digits < 4 ? 0 : -1;
}

/* The literal text at *p, past it. */
static int take(const char **p, const char *text)
{
	size_t n = strlen(text);

	if (strncmp(*p, text, n) != 0)
		return -1;
	*p += n;
	return 0;
}

/*
 * One dark run, "M<x> <y>h<run>v1h-<run>z", at *p, past it.  By hand rather
 * than sscanf(), which measures the whole rest of the string on every call:
 * over a code's hundreds of runs that was a twentieth of a receipt's PDF.
 */
static int take_run(const char **p, int *x, int *y, int *run)
{
	int back;

	if (take(p, "M") || take_num(p, x) || take(p, " ") || take_num(p, y) || take(p, "h") ||
	    take_num(p, run) || take(p, "v1h-") || take_num(p, &back) || take(p, "z"))
		return -1;
	return back == *run ? 0 : -1;
}

/*
 * The modules of a <qr>: from modules="N" and the dark runs as SVG path data
 * ("M0 0h7v1h-7z...", what qr_svg_path() writes for the page), so a code on
 * the page is not encoded twice; or encoded here from the payload text.
 */
static int qr_of(struct pdf *d, xmlNodePtr n, struct qr *q)
{
	xmlChar *t = xmlNodeGetContent(n);
	int width = (int)num(n, "modules", 0, 21, 177), x, y, run, rc = -1;
	unsigned char *dark;
	const char *p;

	if (t == NULL)
		return -1;
	if (width == 0) {
		rc = qr_encode(d->ar, (const char *)t, q);
		xmlFree(t);
		return rc;
	}
	dark = arena_alloc(d->ar, (size_t)width * (size_t)width);
	if (dark == NULL)
		goto out;
	memset(dark, 0, (size_t)width * (size_t)width);
	for (p = (const char *)t; *p;) {
		if (take_run(&p, &x, &y, &run) != 0 || run < 1 || y >= width || x > width - run)
			goto out;
		memset(dark + (size_t)y * (size_t)width + (size_t)x, 1, (size_t)run);
	}
	q->width = width;
	q->dark = dark;
	rc = 0;
out:
	xmlFree(t);
	return rc;
}

/* The modules as a 1-bit alpha image, one pixel per module. */
static cairo_surface_t *qr_image(const struct qr *q)
{
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_A1, q->width, q->width);
	unsigned char *px;
	uint32_t *word;
	int stride, i, j;

	if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(img);
		return NULL;
	}
	cairo_surface_flush(img);
	px = cairo_image_surface_get_data(img);
	stride = cairo_image_surface_get_stride(img);
	for (j = 0; j < q->width; j++) {
		word = (uint32_t *)(void *)(px + (size_t)j * (size_t)stride);
		memset(word, 0, (size_t)stride);
		/* A1 packs pixels in 32-bit words, first pixel in the low bit on little-endian hosts. */
		for (i = 0; i < q->width; i++)
			if (q->dark[(size_t)j * (size_t)q->width + (size_t)i])
				word[i / 32] |= (uint32_t)1
						<< (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? i % 32
											: 31 - i % 32);
	}
	cairo_surface_mark_dirty(img);
	return img;
}

static double qr_block(struct pdf *d, xmlNodePtr n, double x, double y, double w, int draw)
{
	double size = num(n, "size", 100, 20, 400), m;
	cairo_surface_t *img;
	cairo_pattern_t *pat;
	struct qr q;

	if (size > w)
		size = w;
	if (!draw)
		return size;
	if (qr_of(d, n, &q) != 0 || (img = qr_image(&q)) == NULL) {
		d->failed = 1;
		return size;
	}
	/*
	 * An image mask scaled up without smoothing: a few hundred bytes in the
	 * file, sharp at any zoom and on any printer.  Four modules of quiet
	 * zone on every side, inside the square.
	 */
	m = size / (q.width + 8);
	pat = cairo_pattern_create_for_surface(img);
	cairo_pattern_set_filter(pat, CAIRO_FILTER_NEAREST);
	cairo_save(d->cr);
	cairo_translate(d->cr, x + 4 * m, y + 4 * m);
	cairo_scale(d->cr, m, m);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	cairo_mask(d->cr, pat);
	cairo_restore(d->cr);
	cairo_pattern_destroy(pat);
	cairo_surface_destroy(img);
	return size;
}

static double rule_block(struct pdf *d, xmlNodePtr n, double x, double y, double w, int draw)
{
	static const double dash[] = {3, 2};

	if (draw) {
		cairo_save(d->cr);
		cairo_set_line_width(d->cr, 0.5);
		if (flag(n, "dash"))
			cairo_set_dash(d->cr, dash, 2, 0);
		cairo_move_to(d->cr, x, y + 0.25);
		cairo_line_to(d->cr, x + w, y + 0.25);
		cairo_stroke(d->cr);
		cairo_restore(d->cr);
	}
	return 0.5;
}

struct table {
	size_t ncols;
	double x[MAX_COLS + 1]; /* column edges */
	PangoAlignment al[MAX_COLS];
	double size;
};

static int table_cols(xmlNodePtr n, double x, double w, struct table *t)
{
	double weight[MAX_COLS], sum = 0;
	xmlNodePtr c;
	size_t i;

	t->ncols = 0;
	t->size = num(n, "size", 7, 4, 24);
	for (c = n->children; c; c = c->next) {
		if (!is(c, "col"))
			continue;
		if (t->ncols == MAX_COLS)
			return -1;
		weight[t->ncols] = num(c, "width", 1, 0.1, 1000);
		t->al[t->ncols] = align_of(c, PANGO_ALIGN_LEFT);
		sum += weight[t->ncols++];
	}
	if (t->ncols == 0)
		return -1;
	t->x[0] = x;
	for (i = 0; i < t->ncols; i++)
		t->x[i + 1] = t->x[i] + w * weight[i] / sum;
	return 0;
}

/* A row laid out: its cells' layouts (a cell may span columns) and its height. */
struct row {
	PangoLayout *l[MAX_COLS];
	xmlNodePtr td[MAX_COLS];
	size_t from[MAX_COLS], to[MAX_COLS]; /* the columns each cell covers */
	size_t n;
	int head;
	double h;
};

/* drawn: the row's layouts are done with; else kept in its cells for the drawing. */
static void row_free(struct row *rw, int drawn)
{
	size_t i;

	for (i = 0; i < rw->n; i++)
		node_done(rw->td[i], rw->l[i], drawn);
	rw->n = 0;
}

static int row_prepare(struct pdf *d, const struct table *t, xmlNodePtr tr, struct row *rw)
{
	int bold;
	size_t col = 0, span;
	xmlNodePtr c;

	rw->n = 0;
	rw->h = 0;
	rw->head = flag(tr, "head");
	bold = rw->head || flag(tr, "bold");
	for (c = tr->children; c && col < t->ncols; c = c->next) {
		if (!is(c, "td"))
			continue;
		span = (size_t)num(c, "span", 1, 1, MAX_COLS);
		if (col + span > t->ncols)
			span = t->ncols - col;
		rw->l[rw->n] = node_layout(d, c, t->size, bold, align_of(c, t->al[col]),
					   t->x[col + span] - t->x[col] - 2 * CELL_PAD);
		if (rw->l[rw->n] == NULL) {
			d->failed = 1;
			row_free(rw, 1);
			return -1;
		}
		rw->td[rw->n] = c;
		rw->from[rw->n] = col;
		rw->to[rw->n] = col + span;
		if (layout_height(rw->l[rw->n]) + 2 * CELL_PAD > rw->h)
			rw->h = layout_height(rw->l[rw->n]) + 2 * CELL_PAD;
		rw->n++;
		col += span;
	}
	return 0;
}

/* Shading under a head row, the text, then the grid. */
static void row_paint(struct pdf *d, const struct table *t, const struct row *rw, double y)
{
	size_t i;

	if (rw->head) {
		cairo_rectangle(d->cr, t->x[0], y, t->x[t->ncols] - t->x[0], rw->h);
		cairo_set_source_rgb(d->cr, 0.9, 0.9, 0.9);
		cairo_fill(d->cr);
		cairo_set_source_rgb(d->cr, 0, 0, 0);
	}
	for (i = 0; i < rw->n; i++) {
		cairo_move_to(d->cr, t->x[rw->from[i]] + CELL_PAD, y + CELL_PAD);
		pango_cairo_show_layout(d->cr, rw->l[i]);
	}
	cairo_set_line_width(d->cr, 0.4);
	for (i = 0; i < rw->n; i++)
		cairo_rectangle(d->cr, t->x[rw->from[i]], y, t->x[rw->to[i]] - t->x[rw->from[i]], rw->h);
	cairo_stroke(d->cr);
}

static double row_block(struct pdf *d, const struct table *t, xmlNodePtr tr, double y, int draw)
{
	struct row rw;
	double h;

	if (row_prepare(d, t, tr, &rw) != 0)
		return 0;
	if (draw)
		row_paint(d, t, &rw, y);
	h = rw.h;
	row_free(&rw, draw);
	return h;
}

static double block(struct pdf *d, xmlNodePtr n, double x, double y, double w, int draw);

static double blocks(struct pdf *d, xmlNodePtr first, double x, double y, double w, int draw)
{
	double h = 0;
	xmlNodePtr c;

	for (c = first; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			h += block(d, c, x, y + h, w, draw);
	return h;
}

static double columns_block(struct pdf *d, xmlNodePtr n, double x, double y, double w, int draw)
{
	double gap = num(n, "gap", 10, 0, 200), sum = 0, cx = x, cw, h = 0, ch;
	size_t k = 0;
	xmlNodePtr c;

	for (c = n->children; c; c = c->next)
		if (is(c, "column")) {
			sum += num(c, "width", 1, 0.1, 1000);
			k++;
		}
	if (k == 0)
		return 0;
	w -= gap * (double)(k - 1);
	for (c = n->children; c; c = c->next) {
		if (!is(c, "column"))
			continue;
		cw = w * num(c, "width", 1, 0.1, 1000) / sum;
		ch = blocks(d, c->children, cx, y, cw, draw);
		if (ch > h)
			h = ch;
		cx += cw + gap;
	}
	return h;
}

static double table_block(struct pdf *d, xmlNodePtr n, double x, double y, double w, int draw)
{
	struct table t;
	double h = 0;
	xmlNodePtr c;

	if (table_cols(n, x, w, &t) != 0) {
		d->failed = 1;
		return 0;
	}
	for (c = n->children; c; c = c->next)
		if (is(c, "tr"))
			h += row_block(d, &t, c, y + h, draw);
	return h;
}

static double block(struct pdf *d, xmlNodePtr n, double x, double y, double w, int draw)
{
	double gap = num(n, "gap", 0, 0, 200);

	if (is(n, "text"))
		return node_text(d, n, num(n, "size", 8, 4, 36), flag(n, "bold"),
				 align_of(n, PANGO_ALIGN_LEFT), x, y, w, draw) +
		       gap;
	if (is(n, "columns"))
		return columns_block(d, n, x, y, w, draw) + gap;
	if (is(n, "table"))
		return table_block(d, n, x, y, w, draw) + gap;
	if (is(n, "qr"))
		return qr_block(d, n, x, y, w, draw) + gap;
	if (is(n, "rule"))
		return rule_block(d, n, x, y, w, draw) + gap;
	if (is(n, "space"))
		return num(n, "h", 0, 0, PAGE_H);
	return 0;
}

static void new_page(struct pdf *d)
{
	cairo_show_page(d->cr);
	d->y = MARGIN;
}

/* Would h more points overflow the page?  A block taller than a page is drawn anyway. */
static int must_break(const struct pdf *d, double h)
{
	return d->y + h > PAGE_H - MARGIN && d->y > MARGIN;
}

/* A top-level table: row by row, its head rows repeated on each new page. */
static void flow_table(struct pdf *d, xmlNodePtr n, double w)
{
	xmlNodePtr head[MAX_HEAD_ROWS], c;
	size_t nhead = 0, i;
	struct table t;
	struct row rw;

	if (table_cols(n, MARGIN, w, &t) != 0) {
		d->failed = 1;
		return;
	}
	for (c = n->children; c && !d->failed; c = c->next) {
		if (!is(c, "tr"))
			continue;
		if (flag(c, "head") && nhead < MAX_HEAD_ROWS)
			head[nhead++] = c;
		if (row_prepare(d, &t, c, &rw) != 0)
			return;
		if (must_break(d, rw.h)) {
			new_page(d);
			for (i = 0; i < nhead && head[i] != c; i++)
				d->y += row_block(d, &t, head[i], d->y, 1);
		}
		row_paint(d, &t, &rw, d->y);
		d->y += rw.h;
		row_free(&rw, 1);
	}
	d->y += num(n, "gap", 0, 0, 200);
}

static void flow(struct pdf *d, xmlNodePtr root)
{
	double w = PAGE_W - 2 * MARGIN, h;
	xmlNodePtr c;

	d->y = MARGIN;
	for (c = root->children; c && !d->failed; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "table")) {
			flow_table(d, c, w);
			continue;
		}
		h = block(d, c, MARGIN, d->y, w, 0);
		if (must_break(d, h))
			new_page(d);
		d->y += block(d, c, MARGIN, d->y, w, 1);
	}
}

static void set_meta(cairo_surface_t *s, xmlNodePtr root, const char *attr, cairo_pdf_metadata_t m)
{
	xmlChar *v = xmlGetProp(root, BAD_CAST attr);

	if (v != NULL)
		cairo_pdf_surface_set_metadata(s, m, (const char *)v);
	xmlFree(v);
}

enum perr pdf_render(struct arena *ar, xmlDocPtr layout, const unsigned char **pdf, size_t *len)
{
	xmlNodePtr root = xmlDocGetRootElement(layout);
	struct out o = {0};
	struct pdf d = {.ar = ar};
	cairo_surface_t *s;
	cairo_font_options_t *fo;
	enum perr e = PERR_SYS;
	unsigned char *copy;

	*pdf = NULL;
	*len = 0;
	if (root == NULL || !is(root, "pdf"))
		return PERR_BAD_INPUT;
	s = cairo_pdf_surface_create_for_stream(out_write, &o, PAGE_W, PAGE_H);
	d.cr = cairo_create(s);
	d.pc = pango_font_map_create_context(pango_cairo_font_map_get_default());
	d.font = pango_font_description_from_string(FONT);
	fo = cairo_font_options_create();
	if (cairo_status(d.cr) != CAIRO_STATUS_SUCCESS || d.pc == NULL || d.font == NULL ||
	    fo == NULL)
		goto out;
	cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
	set_meta(s, root, "title", CAIRO_PDF_METADATA_TITLE);
	set_meta(s, root, "author", CAIRO_PDF_METADATA_AUTHOR);
	set_meta(s, root, "subject", CAIRO_PDF_METADATA_SUBJECT);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "kabinet");
	/* A document's own date (a receipt's day of issue), not the moment it was
	 * drawn: the same document is the same file, byte for byte. */
	set_meta(s, root, "created", CAIRO_PDF_METADATA_CREATE_DATE);
	/* Points are the user unit and glyphs are not hinted to a device grid:
	 * the layout is the same whatever later prints or zooms it. */
	pango_cairo_context_set_resolution(d.pc, 72);
	pango_context_set_round_glyph_positions(d.pc, FALSE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(d.pc, fo);
	pango_cairo_update_context(d.cr, d.pc);
	cairo_set_source_rgb(d.cr, 0, 0, 0);
	flow(&d, root);
	node_forget(root);
	cairo_show_page(d.cr);
	cairo_destroy(d.cr);
	d.cr = NULL;
	cairo_surface_finish(s);
	if (d.failed || o.failed || cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		goto out;
	e = PERR_NOMEM;
	copy = arena_alloc(ar, o.len);
	if (copy == NULL)
		goto out;
	memcpy(copy, o.p, o.len);
	*pdf = copy;
	*len = o.len;
	e = PERR_OK;
out:
	if (e != PERR_OK)
		log_msg(LOG_ERR, "pdf: cannot draw the document (%s)",
			d.failed ? "bad layout" : cairo_status_to_string(cairo_surface_status(s)));
	if (fo != NULL)
		cairo_font_options_destroy(fo);
	if (d.font != NULL)
		pango_font_description_free(d.font);
	if (d.pc != NULL)
		g_object_unref(d.pc);
	if (d.cr != NULL)
		cairo_destroy(d.cr);
	cairo_surface_destroy(s);
	free(o.p);
	return e;
}

static void pdf_done(void)
{
	/* The font map, cairo's caches and fontconfig's live for the process;
	 * released at exit so that a leak checker sees only real leaks. */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}

MODULE_HOOKS(pdf, .stop = pdf_done);

static xsltStylesheetPtr pdf_sheet; /* xsl/pdf.xsl: pages as PDF layouts */
RENDER_SHEET(pdf, "pdf.xsl", &pdf_sheet);

enum perr render_pdf(struct arena *ar, xmlDocPtr page, const unsigned char **pdf, size_t *len)
{
	xmlDocPtr layout;
	enum perr e;

	*pdf = NULL;
	*len = 0;
	if ((layout = render_transform(pdf_sheet, page)) == NULL)
		return PERR_SYS;
	e = pdf_render(ar, layout, pdf, len);
	xmlFreeDoc(layout);
	return e;
}
