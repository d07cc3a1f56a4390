/*
 * kabinet-migrate: the schema files a database has not had, applied in order.
 *
 *   kabinet-migrate [--dir SQLDIR] [--check]
 *
 * What tools/stack.sh does with the mariadb client, for a host that has no
 * client and no root, only a database and one account on it (shared
 * hosting, README "Shared hosting"), and for a server's upgrades: each
 * SQLDIR/NNN-*.sql not recorded in schema_migrations is cut into statements
 * as the client cuts it (core/sqlscript.c), run, and recorded.  The account
 * is $PORTAL_CONFIG's [db] with the secrets of program "kabinet-migrate"
 * (the shared secrets file on a host; its own file on a server, for an
 * account that may change the schema).  --check only lists what is missing
 * and exits 1 if anything is.  A failure names the file, the line of the
 * statement and the server's error, and stops there; what the file did
 * before that statement stays (the client would leave it too: DDL commits).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/job.h"
#include "core/arena.h"
#include "core/perr.h"
#include "core/sqlscript.h"
#include "db/db.h"
#include "db/migrate.h"

#define MAX_FILES      1000
#define MAX_FILE_BYTES (8u << 20)
#define NAME_MAX_LEN   200

/* ER_BINLOG_CREATE_ROUTINE_NEED_SUPER: triggers with binary logging on. */
#define ERR_NEED_SUPER 1419

static int is_migration(const char *name)
{
	size_t n = strlen(name), digits = strspn(name, "0123456789");

	return digits > 0 && name[digits] == '-' && n > 4 && n <= NAME_MAX_LEN &&
	       strcmp(name + n - 4, ".sql") == 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The migrations' names in dir, sorted; *n of them. NULL (said) on failure. */
static char **list(struct arena *a, const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = arena_alloc(a, MAX_FILES * sizeof(char *));

	*n = 0;
	if (d == NULL || names == NULL) {
		fprintf(stderr, "kabinet-migrate: cannot read %s\n", dir);
		if (d != NULL)
			closedir(d);
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		if (!is_migration(e->d_name))
			continue;
		if (*n == MAX_FILES || (names[*n] = arena_strdup(a, e->d_name)) == NULL) {
			fprintf(stderr, "kabinet-migrate: too many files in %s\n", dir);
			closedir(d);
			return NULL;
		}
		(*n)++;
	}
	closedir(d);
	qsort(names, *n, sizeof(char *), by_name);
	return names;
}

/* The whole file, in the arena; NULL (said) if it cannot be read or is too big. */
static char *slurp(struct arena *a, const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	char *buf = NULL;

	if (f == NULL || fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) ||
	    (unsigned long long)st.st_size > MAX_FILE_BYTES ||
	    (buf = arena_alloc(a, (size_t)st.st_size + 1)) == NULL ||
	    fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
		fprintf(stderr, "kabinet-migrate: cannot read %s\n", path);
		buf = NULL;
	} else {
		*len = (size_t)st.st_size;
		buf[*len] = '\0';
	}
	if (f != NULL)
		fclose(f);
	return buf;
}

static void explain(const char *err)
{
	if (strtoul(err, NULL, 10) != ERR_NEED_SUPER)
		return;
	fprintf(stderr, "kabinet-migrate: the server logs binary and this account may not make "
	                "triggers there: ask the host to set log_bin_trust_function_creators = 1 "
	                "(README.md, \"Shared hosting\")\n");
}

/* Every statement of the file run; 0, or -1 (said, with file and line). */
static int apply(struct arena *a, const char *dir, const char *name)
{
	char path[512], err[512];
	struct sqlscript s;
	const char *st;
	size_t len = 0, n;
	unsigned line = 0;
	enum sqlscript_rc rc;
	char *text;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((text = slurp(a, path, &len)) == NULL)
		return -1;
	sqlscript_init(&s, text, len);
	while ((rc = sqlscript_next(&s, &st, &n, &line)) == SQLSCRIPT_STATEMENT) {
		if (db_exec_text(st, n, err, sizeof(err)) != PERR_OK) {
			fprintf(stderr, "kabinet-migrate: %s:%u: %s\n", path, line,
			        err[0] ? err : "the database cannot be reached");
			explain(err);
			return -1;
		}
	}
	if (rc == SQLSCRIPT_ERROR) {
		fprintf(stderr,
		        "kabinet-migrate: %s:%u: a quote, a comment or a DELIMITER "
		        "line is not closed\n",
		        path, line);
		return -1;
	}
	if (db_migration_record(name) != PERR_OK) {
		fprintf(stderr, "kabinet-migrate: %s applied but not recorded\n", name);
		return -1;
	}
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: kabinet-migrate [--dir SQLDIR] [--check]\n"
	                "  applies the schema files SQLDIR/NNN-*.sql (default: sql) the database\n"
	                "  of $PORTAL_CONFIG has not had; --check lists them and exits 1 if any\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *dir = "sql";
	int check = 0, rc = 1, i, done;
	size_t n = 0, k, applied = 0, missing = 0;
	struct arena *a;
	char **names;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc)
			dir = argv[++i];
		else if (strcmp(argv[i], "--check") == 0)
			check = 1;
		else
			return usage();
	}
	if ((a = job_start("kabinet-migrate")) == NULL)
		return 1;
	if (job_unroot() != 0 || (names = list(a, dir, &n)) == NULL)
		goto out;
	if (db_migrations_table() != PERR_OK) {
		fprintf(stderr, "kabinet-migrate: the database cannot be reached, or this account "
		                "may not create tables (see the log above)\n");
		goto out;
	}
	for (k = 0; k < n; k++) {
		if (db_migration_applied(names[k], &done) != PERR_OK)
			goto out;
		if (done)
			continue;
		if (check) {
			printf("not applied: %s\n", names[k]);
			missing++;
			continue;
		}
		printf("applying %s\n", names[k]);
		fflush(stdout);
		if (apply(a, dir, names[k]) != 0)
			goto out;
		applied++;
	}
	if (check)
		printf("kabinet-migrate: %zu of %zu not applied\n", missing, n);
	else
		printf("kabinet-migrate: %zu applied; the database has all %zu\n", applied, n);
	rc = missing > 0;
out:
	job_end(a);
	return rc;
}
