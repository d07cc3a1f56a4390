/* core/sqlscript.h: a schema file (sql/NNN-*.sql) cut into statements. */
#ifndef CORE_SQLSCRIPT_H
#define CORE_SQLSCRIPT_H

#include <stddef.h>

/*
 * The mariadb client's reading of a script, which is how the migrations are
 * written: statements end at the delimiter (";", or what a DELIMITER line
 * sets, for a trigger's or a procedure's body) outside quotes and comments.
 * A reader walks over text it does not own; statements point into it.
 */
struct sqlscript {
	const char *text;
	size_t len, pos;
	unsigned line;  /* of pos, from 1 */
	char delim[16]; /* NUL-terminated, never empty */
};

enum sqlscript_rc { SQLSCRIPT_STATEMENT, SQLSCRIPT_END, SQLSCRIPT_ERROR };

void sqlscript_init(struct sqlscript *, const char *text, size_t len);
/*
 * The next statement, without its delimiter and the space around it; *line
 * is the line it starts on.  A statement of comments alone is skipped.
 * SQLSCRIPT_ERROR (with *line where it began) for a quote or a comment not
 * closed, or a DELIMITER line without a delimiter or with a quote in it.
 */
enum sqlscript_rc sqlscript_next(struct sqlscript *, const char **stmt, size_t *n, unsigned *line);

#endif
