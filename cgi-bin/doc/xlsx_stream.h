/* doc/xlsx_stream.h: an XLSX file written row by row in constant memory. */
#ifndef DOC_XLSX_STREAM_H
#define DOC_XLSX_STREAM_H

#include "core/attrs.h"

struct xlsx_stream;

/* A workbook at path with one sheet; NULL if it cannot be made. */
struct xlsx_stream *xlsx_stream_open(const char *path, const char *sheet);
/* A row of text cells; a cell that is a plain decimal number is written as a number. */
int xlsx_stream_row(struct xlsx_stream *, const char *const *cells, unsigned n) PORTAL_WUR;
/* Write the file and free everything; -1 if it could not be written. */
int xlsx_stream_close(struct xlsx_stream *) PORTAL_WUR;

#endif
