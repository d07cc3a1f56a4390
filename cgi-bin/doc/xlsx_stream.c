/*
 * xlsx_stream.c: libxlsxwriter in its constant-memory mode: each row goes to
 * a temporary file as it is written, so a million rows take the memory of
 * one.  The numbers a billing system reads back (amounts, readings) are
 * written as numbers; identifiers that look like numbers (an account
 * number with leading zeros) stay text.
 */
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "doc/xlsx_stream.h"

struct xlsx_stream {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_row_t row;
};

struct xlsx_stream *xlsx_stream_open(const char *path, const char *sheet)
{
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
	struct xlsx_stream *x = calloc(1, sizeof(*x));

	if (x == NULL)
		return NULL;
	if ((x->wb = workbook_new_opt(path, &opt)) == NULL ||
	    (x->ws = workbook_add_worksheet(x->wb, sheet)) == NULL) {
		if (x->wb != NULL)
			workbook_close(x->wb);
		free(x);
		return NULL;
	}
	return x;
}

/* "-12.5" yes; "0012" (an account) and "1e5" no. */
static int plain_number(const char *s)
{
	const char *p = s + (*s == '-');
	int dot = 0;

	if (*p == '\0' || (p[0] == '0' && p[1] != '\0' && p[1] != '.'))
		return 0;
	for (; *p; p++) {
		if (*p == '.' && !dot)
			dot = 1;
		else if (*p < '0' || *p > '9')
			return 0;
	}
	return strlen(s) < 16;
}

int xlsx_stream_row(struct xlsx_stream *x, const char *const *cells, unsigned n)
{
	unsigned i;
	lxw_error e;

	if (x->row == LXW_ROW_MAX - 1)
		return -1;
	for (i = 0; i < n; i++) {
		e = x->row > 0 && plain_number(cells[i])
			    ? worksheet_write_number(x->ws, x->row, (lxw_col_t)i, atof(cells[i]), NULL)
			    : worksheet_write_string(x->ws, x->row, (lxw_col_t)i, cells[i], NULL);
		if (e != LXW_NO_ERROR)
			return -1;
	}
	x->row++;
	return 0;
}

int xlsx_stream_close(struct xlsx_stream *x)
{
	lxw_error e = workbook_close(x->wb);

	free(x);
	return e == LXW_NO_ERROR ? 0 : -1;
}
