/* db/db.h: the database driver. */
#ifndef DB_DB_H
#define DB_DB_H

#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/*
 * A statement lives in a static struct in cgi-bin/db/ and is prepared on its
 * first use in each worker; the handle is kept until the connection is lost.
 */
struct db_stmt {
	const char *name;
	const char *sql;
	void *handle; /* MYSQL_STMT *, owned by lib/db.c */
	unsigned gen; /* connection generation the handle belongs to */
	struct db_stmt *next;
};

/*
 * DB_INT is a signed 64-bit integer; DB_U64 and DB_UINT bind unsigned 64-
 * and 32-bit ones (ids, counts, days of the month) straight into their C
 * types.  A value that does not fit the bound type (a negative id, a count
 * over 2^32) is PERR_DB from db_row/db_rows, never a silent wrap.
 */
enum db_type { DB_NULL, DB_INT, DB_STR, DB_BLOB, DB_U64, DB_UINT };

/* A C constant written into a statement's text: "INTERVAL " SQL_NUM(DAYS) " DAY". */
#define SQL_NUM_(x) #x
#define SQL_NUM(x)  SQL_NUM_(x)

/* A bound parameter. */
struct db_arg {
	enum db_type type;
	long long i;
	const void *p;
	unsigned long len;
};

#define DBA_INT(v)     ((struct db_arg){DB_INT, (long long)(v), NULL, 0})
#define DBA_U64(v)     ((struct db_arg){DB_U64, (long long)(uint64_t)(v), NULL, 0})
#define DBA_STR(s)     ((struct db_arg){DB_STR, 0, (s), (unsigned long)strlen(s)})
#define DBA_STRN(s, n) ((struct db_arg){DB_STR, 0, (s), (unsigned long)(n)})
#define DBA_BLOB(b, n) ((struct db_arg){DB_BLOB, 0, (b), (unsigned long)(n)})
#define DBA_NULL ((struct db_arg){DB_NULL, 0, NULL, 0})

/* A result column, fetched into the C object its type names; SQL NULL is 0. */
struct db_col {
	enum db_type type;
	long long *i;       /* DB_INT */
	uint64_t *u64;      /* DB_U64 */
	unsigned *u;        /* DB_UINT */
	const char **s;     /* DB_STR: NUL-terminated copy in the arena, NULL for SQL NULL */
	unsigned char *buf; /* DB_BLOB: fixed-size buffer */
	unsigned long cap;
	unsigned long *len;
	int is_null;
};

#define DBC_INT(p)        ((struct db_col){.type = DB_INT, .i = (p)})
#define DBC_U64(p)        ((struct db_col){.type = DB_U64, .u64 = (p)})
#define DBC_UINT(p)       ((struct db_col){.type = DB_UINT, .u = (p)})
#define DBC_STR(p)        ((struct db_col){.type = DB_STR, .s = (p)})
#define DBC_BLOB(b, n, l) ((struct db_col){.type = DB_BLOB, .buf = (b), .cap = (n), .len = (l)})

/* Open the worker's connection if it is not open.  PERR_DB_DOWN if unreachable. */
enum perr db_connect(void) PORTAL_WUR;
void db_disconnect(void);
/* Call at the start of each request: allows one transparent reconnect. */
void db_request_begin(void);

/* Run a statement without a result set.  affected may be NULL. */
enum perr db_exec(struct db_stmt *, const struct db_arg *, size_t, unsigned long long *affected,
		  unsigned long long *insert_id) PORTAL_WUR;
/* Run a query expected to return at most one row.  PERR_NOT_FOUND if none. */
enum perr db_row(struct arena *, struct db_stmt *, const struct db_arg *, size_t, struct db_col *,
                 size_t) PORTAL_WUR;
/*
 * Run a query and call each(ctx) after every fetched row.  each returns
 * PERR_OK to go on; anything else stops the fetch, and db_rows returns it:
 * a row that could not be used is the query's failure, not a flag beside it.
 */
enum perr db_rows(struct arena *, struct db_stmt *, const struct db_arg *, size_t, struct db_col *,
                  size_t, enum perr (*each)(void *), void *ctx) PORTAL_WUR;

enum perr db_begin(void) PORTAL_WUR;
/* A transaction that reads the latest committed rows and takes no gap locks:
 * for short ones that lock what they change (crediting a payment). */
enum perr db_begin_read_committed(void) PORTAL_WUR;
enum perr db_commit(void) PORTAL_WUR;
void db_rollback(void);

/* End of a request: roll back a transaction a handler left open. */
void db_request_end(void);

/*
 * Whether a failed request may be run again: how many changes have lasted
 * so far (commits, and statements run outside a transaction: a request
 * whose count moved has left something behind), and whether the last
 * failure was the server refusing a transaction whole (a deadlock, or a
 * writeset that lost certification on a Galera cluster: MariaDB reports
 * both as error 1213 and rolls the transaction back).
 */
unsigned long db_lasting(void);
int db_refused(void);
/*
 * Before trying a refused transaction again (tries: how many were refused):
 * a pause of a random few milliseconds, longer each time.  Two writers that
 * retry at once on two nodes would otherwise meet again, and again.
 */
void db_retry_pause(unsigned tries);

/*
 * One statement of a schema file run as text, not prepared (a trigger's or a
 * procedure's CREATE cannot be), its results read and dropped.  Only for the
 * files shipped in sql/ (tools/kabinet-migrate.c): never text built from
 * input.  The server's error, "<code> <message>", is written into err.
 */
enum perr db_exec_text(const char *sql, size_t n, char *err, size_t errlen) PORTAL_WUR;

#endif
