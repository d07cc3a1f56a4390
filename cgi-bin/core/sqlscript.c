/*
 * sqlscript.c: a schema file cut into statements, as the mariadb client cuts
 * it, so that shared hosting (no client, only the database account) applies
 * the same files the same way (tools/kabinet-migrate.c).
 *
 * Quotes: '...' and "..." with backslash escapes and doubled quotes, `...`
 * with doubled backquotes.  Comments: "-- " (two dashes, then a space,
 * a tab or the line's end), "#" to the end of the line, and C's block
 * comments, which stay in the statement (a block opened with "!" is
 * MariaDB's executable comment).  DELIMITER is the client's command,
 * recognised where a statement would begin.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "core/sqlscript.h"

void sqlscript_init(struct sqlscript *s, const char *text, size_t len)
{
	s->text = text;
	s->len = len;
	s->pos = 0;
	s->line = 1;
	memcpy(s->delim, ";", 2);
}

static int at(const struct sqlscript *s, size_t i, char c)
{
	return i < s->len && s->text[i] == c;
}

static void advance(struct sqlscript *s, size_t n)
{
	while (n-- > 0 && s->pos < s->len)
		if (s->text[s->pos++] == '\n')
			s->line++;
}

/* "-- " or "#": a comment to the end of the line (the newline stays). */
static int line_comment(const struct sqlscript *s)
{
	size_t i = s->pos;

	if (at(s, i, '#'))
		return 1;
	return at(s, i, '-') && at(s, i + 1, '-') &&
	       (i + 2 == s->len || s->text[i + 2] == ' ' || s->text[i + 2] == '\t' ||
	        s->text[i + 2] == '\n' || s->text[i + 2] == '\r');
}

static void skip_line(struct sqlscript *s)
{
	while (s->pos < s->len && s->text[s->pos] != '\n')
		s->pos++;
}

/* Past a quoted string or name opened at pos; -1 if it never closes. */
static int skip_quoted(struct sqlscript *s)
{
	char q = s->text[s->pos];

	advance(s, 1);
	while (s->pos < s->len) {
		char c = s->text[s->pos];

		if (c == '\\' && q != '`') {
			advance(s, 2);
		} else if (c == q) {
			advance(s, 1);
			if (!at(s, s->pos, q)) /* a doubled quote is the quote itself */
				return 0;
			advance(s, 1);
		} else {
			advance(s, 1);
		}
	}
	return -1;
}

/* Past a block comment opened at pos; -1 if it never closes. */
static int skip_block(struct sqlscript *s)
{
	advance(s, 2);
	while (s->pos < s->len) {
		if (at(s, s->pos, '*') && at(s, s->pos + 1, '/')) {
			advance(s, 2);
			return 0;
		}
		advance(s, 1);
	}
	return -1;
}

/* A DELIMITER line at pos: sets the delimiter, 1; not one, 0; a bad one, -1. */
static int delimiter_line(struct sqlscript *s)
{
	static const char word[] = "delimiter";
	size_t i = s->pos, n = sizeof(word) - 1, start;

	if (s->len - i < n || strncasecmp(s->text + i, word, n) != 0 ||
	    (s->len - i > n && !isspace((unsigned char)s->text[i + n])))
		return 0;
	for (i += n; i < s->len && (s->text[i] == ' ' || s->text[i] == '\t'); i++)
		;
	/* Printable and not a quote: a NUL would make an empty delimiter, found everywhere. */
	for (start = i; i < s->len && !isspace((unsigned char)s->text[i]); i++)
		if ((unsigned char)s->text[i] < 0x21 || s->text[i] == 0x7f ||
		    strchr("'\"`", s->text[i]) != NULL)
			return -1;
	if (i == start || i - start >= sizeof(s->delim))
		return -1;
	memcpy(s->delim, s->text + start, i - start);
	s->delim[i - start] = '\0';
	s->pos = i;
	skip_line(s);
	return 1;
}

enum sqlscript_rc sqlscript_next(struct sqlscript *s, const char **stmt, size_t *n, unsigned *line)
{
	size_t dl = strlen(s->delim);
	size_t start = 0, end = 0; /* of the statement's text, once it has any */
	int any = 0;

	for (;;) {
		char c;

		if (s->pos >= s->len) {
			if (!any)
				return SQLSCRIPT_END;
			break;
		}
		c = s->text[s->pos];
		if (!any && isspace((unsigned char)c)) {
			advance(s, 1);
			continue;
		}
		if (!any && line_comment(s)) {
			skip_line(s);
			continue;
		}
		if (!any) {
			int d = delimiter_line(s);

			if (d < 0) {
				*line = s->line;
				return SQLSCRIPT_ERROR;
			}
			if (d > 0) {
				dl = strlen(s->delim);
				continue;
			}
		}
		if (s->len - s->pos >= dl && memcmp(s->text + s->pos, s->delim, dl) == 0) {
			advance(s, dl);
			if (any)
				break;
			continue; /* an empty statement */
		}
		if (!any) {
			any = 1;
			start = s->pos;
			*line = s->line;
		}
		if (c == '\'' || c == '"' || c == '`') {
			unsigned from = s->line;

			if (skip_quoted(s) != 0) {
				*line = from;
				return SQLSCRIPT_ERROR;
			}
		} else if (c == '/' && at(s, s->pos + 1, '*')) {
			unsigned from = s->line;

			if (skip_block(s) != 0) {
				*line = from;
				return SQLSCRIPT_ERROR;
			}
		} else if (line_comment(s)) {
			skip_line(s);
			continue; /* not part of the statement's end */
		} else {
			advance(s, 1);
		}
		end = s->pos;
	}
	while (end > start && isspace((unsigned char)s->text[end - 1]))
		end--;
	*stmt = s->text + start;
	*n = end - start;
	return SQLSCRIPT_STATEMENT;
}
