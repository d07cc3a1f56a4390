/* db/migrate.h: which schema files (sql/NNN-*.sql) a database has had. */
#ifndef DB_MIGRATE_H
#define DB_MIGRATE_H

#include "core/attrs.h"
#include "core/perr.h"

/* The table of versions applied, made if it is not there. */
enum perr db_migrations_table(void) PORTAL_WUR;
/* *applied: 1 if version (a file's name) was applied, else 0. */
enum perr db_migration_applied(const char *version, int *applied) PORTAL_WUR;
/* Version recorded as applied (a second record of it is no error). */
enum perr db_migration_record(const char *version) PORTAL_WUR;

#endif
