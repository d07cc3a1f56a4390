/* Unit tests: schema files cut into statements as the mariadb client cuts them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/sqlscript.h"

/* The statements of text joined by "|", or "ERROR@line". */
static const char *cut_n(const char *text, size_t len)
{
	static char out[1024];
	struct sqlscript s;
	const char *st;
	size_t n, used = 0;
	unsigned line = 0;
	enum sqlscript_rc rc;

	out[0] = '\0';
	sqlscript_init(&s, text, len);
	while ((rc = sqlscript_next(&s, &st, &n, &line)) == SQLSCRIPT_STATEMENT)
		used += (size_t)snprintf(out + used, sizeof(out) - used, "%s%.*s@%u",
		                         used ? "|" : "", (int)n, st, line);
	if (rc == SQLSCRIPT_ERROR)
		snprintf(out, sizeof(out), "ERROR@%u", line);
	return out;
}

static const char *cut(const char *text)
{
	return cut_n(text, strlen(text));
}

static void statements_and_lines(void **st)
{
	(void)st;
	assert_string_equal(cut(""), "");
	assert_string_equal(cut("  \n\n ;; ;\n"), "");
	assert_string_equal(cut("SELECT 1;SELECT 2"), "SELECT 1@1|SELECT 2@1");
	assert_string_equal(cut("CREATE TABLE t (\n  a INT\n);\n\nINSERT INTO t VALUES (1);\n"),
	                    "CREATE TABLE t (\n  a INT\n)@1|INSERT INTO t VALUES (1)@5");
}

static void quotes_hide_the_delimiter(void **st)
{
	(void)st;
	assert_string_equal(cut("INSERT INTO t VALUES ('a;b', \"c;d\");"),
	                    "INSERT INTO t VALUES ('a;b', \"c;d\")@1");
	assert_string_equal(cut("SELECT 'it''s;', 'back\\';slash';X"),
	                    "SELECT 'it''s;', 'back\\';slash'@1|X@1");
	assert_string_equal(cut("SELECT `a;``b`;"), "SELECT `a;``b`@1");
	/* A backslash does not escape in a name. */
	assert_string_equal(cut("SELECT `a\\`;Y"), "SELECT `a\\`@1|Y@1");
	assert_string_equal(cut("SELECT 'a\nb;\nc';\nZ;"), "SELECT 'a\nb;\nc'@1|Z@4");
}

static void comments(void **st)
{
	(void)st;
	/* Before a statement: skipped; in one: kept, the delimiter in them ignored. */
	assert_string_equal(cut("-- a; b\n# c; d\nSELECT 1;"), "SELECT 1@3");
	assert_string_equal(cut("SELECT 1 -- x; y\n, 2;"), "SELECT 1 -- x; y\n, 2@1");
	assert_string_equal(cut("SELECT /* ; */ 1;"), "SELECT /* ; */ 1@1");
	assert_string_equal(cut("/*!40101 SET x = 1 */;"), "/*!40101 SET x = 1 */@1");
	/* "--" needs a space after it to be a comment: 1--1 is arithmetic. */
	assert_string_equal(cut("SELECT 1--1;"), "SELECT 1--1@1");
	assert_string_equal(cut("--\nSELECT 1;"), "SELECT 1@2");
	/* Comments alone are no statement. */
	assert_string_equal(cut("-- only a comment\n"), "");
}

static void delimiter_lines(void **st)
{
	(void)st;
	assert_string_equal(cut("DELIMITER //\n"
	                        "CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW BEGIN\n"
	                        "  SET @a = 1;\n"
	                        "  SET @b = 2;\n"
	                        "END//\n"
	                        "DELIMITER ;\n"
	                        "SELECT 3;\n"),
	                    "CREATE TRIGGER t AFTER INSERT ON x FOR EACH ROW BEGIN\n"
	                    "  SET @a = 1;\n"
	                    "  SET @b = 2;\n"
	                    "END@2|SELECT 3@7");
	assert_string_equal(cut("delimiter $$\nSELECT 1$$SELECT ';$$'$$"),
	                    "SELECT 1@2|SELECT ';$$'@2");
	/* Only where a statement begins: in one, it is the statement's text. */
	assert_string_equal(cut("SELECT 1 AS\nDELIMITER;"), "SELECT 1 AS\nDELIMITER@1");
	/* A column called delimiter_x is not the command. */
	assert_string_equal(cut("delimiter_x = 1;"), "delimiter_x = 1@1");
}

static void errors_name_the_line(void **st)
{
	(void)st;
	assert_string_equal(cut("SELECT 1;\nSELECT 'open;\n"), "ERROR@2");
	assert_string_equal(cut("SELECT 1;\n\nSELECT /* open"), "ERROR@3");
	assert_string_equal(cut("SELECT `x"), "ERROR@1");
	assert_string_equal(cut("SELECT 1;\nDELIMITER\n"), "ERROR@2");
	assert_string_equal(cut("DELIMITER 'x'\n"), "ERROR@1");
	assert_string_equal(cut("DELIMITER 0123456789abcdefg\n"), "ERROR@1");
	/* A NUL would be an empty delimiter, matching everywhere (found by the fuzzer). */
	assert_string_equal(cut_n("DELIMITER \0;\nSELECT 1;", 22), "ERROR@1");
	/* A backslash as the last byte: the quote never closes, and nothing is read past. */
	assert_string_equal(cut("SELECT 'a\\"), "ERROR@1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(statements_and_lines),
	        cmocka_unit_test(quotes_hide_the_delimiter),
	        cmocka_unit_test(comments),
	        cmocka_unit_test(delimiter_lines),
	        cmocka_unit_test(errors_name_the_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
