/*
 * doc/xlsx.c: a sheet (doc/sheet.h) written by libxlsxwriter.  Debian 12's
 * libxlsxwriter (1.1.4) writes only to a file, so the workbook goes to a
 * private temporary file that is read back and removed.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "core/log.h"
#include "doc/sheet.h"
#include "doc/xlsx.h"

struct formats {
	lxw_format *head, *money, *quantity;
};

static void write_cell(lxw_worksheet *ws, const struct formats *f, lxw_row_t r, lxw_col_t c,
		       xmlNodePtr cell, int head)
{
	xmlChar *n = xmlGetProp(cell, BAD_CAST "n"), *fmt, *t;

	if (n != NULL && !head) {
		fmt = xmlGetProp(cell, BAD_CAST "fmt");
		worksheet_write_number(ws, r, c, strtod((const char *)n, NULL),
				       fmt && xmlStrcmp(fmt, BAD_CAST "money") == 0	 ? f->money
				       : fmt && xmlStrcmp(fmt, BAD_CAST "quantity") == 0 ? f->quantity
										 : NULL);
		xmlFree(fmt);
	} else {
		t = xmlNodeGetContent(cell);
		worksheet_write_string(ws, r, c, t ? (const char *)t : "", head ? f->head : NULL);
		xmlFree(t);
	}
	xmlFree(n);
}

/* The workbook into path; 0 or -1. */
static int write_book(xmlDocPtr sheet, const char *path)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	struct formats f;
	xmlNodePtr row, c;
	lxw_row_t r = 0;
	lxw_col_t col, widest = 0;

	if (wb == NULL || (ws = workbook_add_worksheet(wb, NULL)) == NULL) {
		if (wb)
			workbook_close(wb);
		return -1;
	}
	f.head = workbook_add_format(wb);
	format_set_bold(f.head);
	f.money = workbook_add_format(wb);
	format_set_num_format(f.money, "#,##0.00");
	f.quantity = workbook_add_format(wb);
	format_set_num_format(f.quantity, "#,##0.000");
	for (row = sheet_next_row(xmlDocGetRootElement(sheet)); row != NULL && r < 1048575;
	     row = sheet_next_row(row), r++) {
		xmlChar *h = xmlGetProp(row, BAD_CAST "head");

		col = 0;
		for (c = sheet_next_cell(row); c != NULL && col < 16383; c = sheet_next_cell(c), col++)
			write_cell(ws, &f, r, col, c, h != NULL);
		if (h != NULL)
			worksheet_freeze_panes(ws, r + 1, 0);
		widest = col > widest ? col : widest;
		xmlFree(h);
	}
	worksheet_set_column(ws, 0, 0, 22, NULL);
	if (widest > 1)
		worksheet_set_column(ws, 1, widest - 1, 16, NULL);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

/* The file's bytes into the arena. */
static enum perr slurp(struct arena *ar, int fd, const unsigned char **out, size_t *len)
{
	struct stat st;
	unsigned char *p;
	size_t got = 0;
	ssize_t n;

	if (fstat(fd, &st) != 0 || st.st_size <= 0 || (p = arena_alloc(ar, (size_t)st.st_size)) == NULL)
		return PERR_SYS;
	while (got < (size_t)st.st_size &&
	       (n = pread(fd, p + got, (size_t)st.st_size - got, (off_t)got)) > 0)
		got += (size_t)n;
	if (got != (size_t)st.st_size)
		return PERR_SYS;
	*out = p;
	*len = got;
	return PERR_OK;
}

enum perr sheet_xlsx(struct arena *ar, xmlDocPtr page, const unsigned char **out, size_t *len)
{
	const char *tmp = getenv("TMPDIR");
	char path[512];
	xmlDocPtr sheet;
	enum perr e = PERR_SYS;
	int fd;

	*out = NULL;
	*len = 0;
	if ((sheet = sheet_of(page)) == NULL)
		return PERR_SYS;
	snprintf(path, sizeof(path), "%s/kabinet-xlsx-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(path)) < 0) {
		log_msg(LOG_ERR, "xlsx: cannot make a temporary file in %s", tmp && *tmp ? tmp : "/tmp");
		xmlFreeDoc(sheet);
		return PERR_SYS;
	}
	if (write_book(sheet, path) == 0)
		e = slurp(ar, fd, out, len);
	else
		log_msg(LOG_ERR, "xlsx: libxlsxwriter could not write the workbook");
	close(fd);
	unlink(path);
	xmlFreeDoc(sheet);
	return e;
}
