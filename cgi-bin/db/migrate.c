/*
 * migrate.c: the versions applied, in the table tools/stack.sh has always
 * kept, so a database made by either is carried on by the other.
 */
#include <stdint.h>

#include "db/db.h"
#include "db/migrate.h"

static struct db_stmt table = {
        "migrate.table",
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version VARCHAR(255) NOT NULL PRIMARY KEY, "
        "applied_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB",
        NULL, 0, NULL};

static struct db_stmt applied_one = {"migrate.applied",
                                     "SELECT COUNT(*) FROM schema_migrations WHERE version = ?",
                                     NULL, 0, NULL};

/* IGNORE: a migration that must not run twice records itself (sql/042, sql/044). */
static struct db_stmt record = {"migrate.record",
                                "INSERT IGNORE INTO schema_migrations (version) VALUES (?)", NULL,
                                0, NULL};

enum perr db_migrations_table(void)
{
	return db_exec(&table, NULL, 0, NULL, NULL);
}

enum perr db_migration_applied(const char *version, int *applied)
{
	struct db_arg a[] = {DBA_STR(version)};
	uint64_t n = 0;
	struct db_col c[] = {DBC_U64(&n)};
	enum perr e = db_row(NULL, &applied_one, a, 1, c, 1);

	*applied = e == PERR_OK && n > 0;
	return e;
}

enum perr db_migration_record(const char *version)
{
	struct db_arg a[] = {DBA_STR(version)};

	return db_exec(&record, a, 1, NULL, NULL);
}
