/* core/csvin.h: reading a CSV file as it streams in. */
#ifndef CORE_CSVIN_H
#define CORE_CSVIN_H

#include <stddef.h>
#include <stdint.h>

#include "core/attrs.h"

/*
 * What billing systems write: UTF-8 (with or without a BOM) or
 * Windows-1251, fields separated by a comma, a semicolon or a tab, quoted
 * the RFC 4180 way.  The encoding is decided from the first bytes (valid
 * UTF-8 or not), the separator from the header line (the most frequent of
 * the three outside quotes).  Fields reach the caller in UTF-8.
 *
 * Memory is bounded whatever the file: a record longer than CSVIN_RECORD_MAX
 * bytes or with more than CSVIN_FIELDS_MAX fields stops the reading
 * (CSVIN_TOO_LONG) or is handed over flagged (too_many).
 */
#define CSVIN_FIELDS_MAX 32
#define CSVIN_RECORD_MAX 65536

struct csvin_rec {
	uint64_t line;                   /* 1 for the header; a record's first line in the file */
	size_t n;                        /* fields given (at most CSVIN_FIELDS_MAX) */
	int too_many;                    /* the record had more fields than that */
	const char *f[CSVIN_FIELDS_MAX]; /* NUL-terminated, UTF-8 */
	size_t len[CSVIN_FIELDS_MAX];
};

enum csvin_status { CSVIN_OK = 0, CSVIN_STOPPED, CSVIN_TOO_LONG, CSVIN_BAD_QUOTE, CSVIN_NOMEM };

struct csvin;

/* NULL when out of memory.  delim 0: find it in the header line. */
struct csvin *csvin_new(char delim);
void csvin_free(struct csvin *);
/*
 * Feed the next bytes; each record is given to each(ctx, rec), valid only
 * during the call; each returns nonzero to stop (CSVIN_STOPPED).
 */
enum csvin_status csvin_feed(struct csvin *, const char *, size_t,
                             int (*each)(void *, const struct csvin_rec *), void *) PORTAL_WUR;
/* The end of the file: the last record if it had no line end. */
enum csvin_status csvin_finish(struct csvin *, int (*each)(void *, const struct csvin_rec *),
                               void *) PORTAL_WUR;
/* What was found: "utf-8" or "windows-1251" (NULL before any byte), ',', ';' or '\t'. */
const char *csvin_encoding(const struct csvin *);
char csvin_delimiter(const struct csvin *);

#endif
