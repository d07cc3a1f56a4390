/*
 * db.c: one MariaDB connection per worker, opened lazily and reused, with
 * each statement prepared on first use and kept.  When the server goes away
 * the connection and every cached handle are dropped; the request fails with
 * PERR_DB_DOWN (a 503) and a later request connects again, so a database
 * restart never needs a restart of the programs.  MYSQL_OPT_RECONNECT is
 * left off on purpose: a silent reconnect could replay half a transaction.
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "core/perr.h"
#include "db/db.h"

static MYSQL *conn;
static unsigned gen = 1;         /* bumped whenever the connection is dropped */
static struct db_stmt *prepared; /* every statement with a live handle */
static int in_tx;
static int may_retry;         /* nothing ran yet in this request: one reconnect allowed */
static unsigned node;         /* of the nodes (db_node()), the one connected to or tried first */
static unsigned long lasting; /* commits, and statements run outside a transaction */
static int refused;           /* the last failure was a deadlock or a lost certification */

static int gone(unsigned err)
{
	return err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST || err == CR_CONNECTION_ERROR ||
	       err == CR_CONN_HOST_ERROR || err == ER_SERVER_SHUTDOWN ||
	       err == CR_COMMANDS_OUT_OF_SYNC || err == ER_CONNECTION_KILLED ||
	       err == 4031 /* ER_CLIENT_INTERACTION_TIMEOUT */ || err == ER_UNKNOWN_COM_ERROR;
}

/*
 * Node i of the database: 0 is [db] host or socket, then [db] failover's in
 * their order.  0 when there is no such node.  A Galera node that has left
 * its cluster still accepts connections but answers every statement with
 * ER_UNKNOWN_COM_ERROR ("WSREP has not yet prepared node for application
 * use"): fail() counts that as the connection lost and moves to the next node.
 */
static int db_node(unsigned i, char *host, size_t hcap, unsigned *port, char *sock, size_t scap)
{
	const char *p = cfg.db_failover;
	size_t n;

	*port = 0;
	host[0] = sock[0] = '\0';
	if (i == 0) {
		snprintf(host, hcap, "%s", cfg.db_host);
		*port = cfg.db_port;
		snprintf(sock, scap, "%s", cfg.db_host[0] ? "" : cfg.db_socket);
		return 1;
	}
	for (;;) {
		p += strspn(p, " \t");
		n = strcspn(p, " \t");
		if (n == 0)
			return 0;
		if (--i == 0)
			break;
		p += n;
	}
	if (*p == '/') {
		snprintf(sock, scap, "%.*s", (int)n, p);
	} else {
		const char *colon = memchr(p, ':', n);

		/* host:port, unless more colons make it an IPv6 address */
		if (colon != NULL && memchr(colon + 1, ':', n - (size_t)(colon + 1 - p)) == NULL) {
			*port = (unsigned)strtoul(colon + 1, NULL, 10);
			n = (size_t)(colon - p);
		}
		snprintf(host, hcap, "%.*s", (int)n, p);
	}
	return 1;
}

void db_disconnect(void)
{
	struct db_stmt *s;

	for (s = prepared; s != NULL; s = s->next) {
		if (s->handle != NULL)
			mysql_stmt_close(s->handle);
		s->handle = NULL;
	}
	prepared = NULL;
	if (conn != NULL)
		mysql_close(conn);
	conn = NULL;
	in_tx = 0;
	gen++;
}

enum perr db_connect(void)
{
	unsigned ct = cfg.db_connect_timeout, rw = cfg.db_rw_timeout, k;
	char host[256], sock[256];

	if (conn != NULL)
		return PERR_OK;
	conn = mysql_init(NULL);
	if (conn == NULL)
		return PERR_NOMEM;
	mysql_options(conn, MYSQL_OPT_CONNECT_TIMEOUT, &ct);
	mysql_options(conn, MYSQL_OPT_READ_TIMEOUT, &rw);
	mysql_options(conn, MYSQL_OPT_WRITE_TIMEOUT, &rw);
	mysql_options(conn, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* UTC everywhere: the database stores and compares instants, XSLT formats. */
	mysql_options(conn, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
	/* The node that answered last first, then the others in turn. */
	for (k = 0; k < DB_NODES_MAX; k++) {
		unsigned i = (node + k) % DB_NODES_MAX, port;

		if (!db_node(i, host, sizeof(host), &port, sock, sizeof(sock)))
			continue;
		if (mysql_real_connect(conn, host[0] ? host : NULL, cfg.db_user, cfg.db_password,
		                       cfg.db_name, port, host[0] ? NULL : sock, 0) != NULL) {
			if (i != node)
				log_msg(LOG_WARN, "db: now on node %u (%s)", i,
				        host[0] ? host : sock);
			node = i;
			return PERR_OK;
		}
		log_msg(LOG_ERR, "db connect via %s: %s", host[0] ? host : sock, mysql_error(conn));
	}
	mysql_close(conn);
	conn = NULL;
	return PERR_DB_DOWN;
}

void db_request_begin(void)
{
	may_retry = 1;
}

void db_request_end(void)
{
	if (in_tx) { /* a handler returned inside a transaction: never carry it over */
		log_msg(LOG_ERR, "transaction left open by a handler; rolled back");
		db_rollback();
	}
}

/* Classify the error of the last call and drop the connection if it died. */
static enum perr fail(const char *what, struct db_stmt *s, unsigned err, const char *msg)
{
	log_msg(LOG_ERR, "db %s %s: %u %s", what, s ? s->name : "", err, msg);
	/* The server rolled the whole transaction back: nothing of it is left. */
	refused = err == ER_LOCK_DEADLOCK;
	if (gone(err)) {
		/* A node out of its cluster still lets us connect: begin with the next. */
		if (err == ER_UNKNOWN_COM_ERROR)
			node = (node + 1) % DB_NODES_MAX;
		db_disconnect();
		return PERR_DB_DOWN;
	}
	if (err == ER_DUP_ENTRY)
		return PERR_CONFLICT;
	/* The transaction was rolled back (deadlock) or may be retried (lock wait). */
	if (err == ER_LOCK_DEADLOCK || err == ER_LOCK_WAIT_TIMEOUT)
		return PERR_BUSY;
	return PERR_DB;
}

/* A statement's error, or its connection's when the statement kept none: a deadlock
 * met while fetching is reported on the connection only. */
static enum perr stmt_fail(const char *what, struct db_stmt *s, MYSQL_STMT *h)
{
	if (mysql_stmt_errno(h) == 0 && conn != NULL)
		return fail(what, s, mysql_errno(conn), mysql_error(conn));
	return fail(what, s, mysql_stmt_errno(h), mysql_stmt_error(h));
}

static enum perr prepare(struct db_stmt *s, MYSQL_STMT **out)
{
	MYSQL_STMT *h;
	enum perr e;

	if ((e = db_connect()) != PERR_OK)
		return e;
	if (s->handle != NULL && s->gen == gen) {
		*out = s->handle;
		return PERR_OK;
	}
	h = mysql_stmt_init(conn);
	if (h == NULL)
		return PERR_NOMEM;
	if (mysql_stmt_prepare(h, s->sql, strlen(s->sql)) != 0) {
		unsigned err = mysql_stmt_errno(h);
		char msg[256];

		snprintf(msg, sizeof(msg), "%s", mysql_stmt_error(h));
		mysql_stmt_close(h);
		return fail("prepare", s, err, msg);
	}
	s->handle = h;
	s->gen = gen;
	s->next = prepared;
	prepared = s;
	*out = h;
	return PERR_OK;
}

static void bind_args(MYSQL_BIND *b, const struct db_arg *a, size_t n, char *nulls)
{
	size_t i;

	for (i = 0; i < n; i++) {
		memset(&b[i], 0, sizeof(b[i]));
		switch (a[i].type) {
		case DB_INT:
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&a[i].i;
			break;
		case DB_U64:
		case DB_UINT:
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&a[i].i;
			b[i].is_unsigned = 1;
			break;
		case DB_STR:
		case DB_BLOB:
			b[i].buffer_type =
			        a[i].type == DB_STR ? MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
			b[i].buffer = (void *)a[i].p;
			b[i].buffer_length = a[i].len;
			b[i].length = (unsigned long *)&a[i].len;
			break;
		case DB_NULL:
			b[i].buffer_type = MYSQL_TYPE_NULL;
			nulls[i] = 1;
			b[i].is_null = (my_bool *)&nulls[i];
			break;
		}
	}
}

#define MAX_ARGS 4096 /* a batch of staged rows (db/exchange.c) is the widest: 128 x 23 */
#define MAX_COLS 64   /* account.dashboard (db/account.c) is the widest */

/* Prepare, bind and execute; on a dead connection retry once if allowed. */
static enum perr run(struct db_stmt *s, const struct db_arg *a, size_t na, MYSQL_STMT **out)
{
	/* Static: a worker runs one statement at a time, and a batch's binds
	 * would be a large stack frame. */
	static MYSQL_BIND b[MAX_ARGS];
	static char nulls[MAX_ARGS];
	MYSQL_STMT *h = NULL;
	enum perr e;
	int attempt;

	if (na > MAX_ARGS) {
		log_msg(LOG_ERR, "statement %s: %zu arguments, more than %d", s->name, na,
		        MAX_ARGS);
		return PERR_DB;
	}
	for (attempt = 0; attempt < 2; attempt++) {
		if ((e = prepare(s, &h)) != PERR_OK) {
			if (e == PERR_DB_DOWN && may_retry && attempt == 0)
				continue;
			return e;
		}
		/* Too few arguments would bind garbage, too many would be ignored: both are bugs.
		 */
		if (mysql_stmt_param_count(h) != na) {
			log_msg(LOG_ERR, "statement %s: %zu arguments for %lu placeholders",
			        s->name, na, mysql_stmt_param_count(h));
			return PERR_DB;
		}
		bind_args(b, a, na, nulls);
		if ((na && mysql_stmt_bind_param(h, b) != 0) || mysql_stmt_execute(h) != 0) {
			e = stmt_fail("execute", s, h);
			/* Retrying is safe only if nothing of this request reached the server. */
			if (e == PERR_DB_DOWN && may_retry && attempt == 0)
				continue;
			return e;
		}
		may_retry = 0;
		*out = h;
		return PERR_OK;
	}
	return PERR_DB_DOWN;
}

enum perr db_exec(struct db_stmt *s, const struct db_arg *a, size_t na,
                  unsigned long long *affected, unsigned long long *insert_id)
{
	MYSQL_STMT *h;
	enum perr e;

	if ((e = run(s, a, na, &h)) != PERR_OK)
		return e;
	if (!in_tx)
		lasting++;
	if (affected)
		*affected = mysql_stmt_affected_rows(h);
	if (insert_id)
		*insert_id = mysql_stmt_insert_id(h);
	return PERR_OK;
}

struct fetch {
	MYSQL_BIND b[MAX_COLS];
	unsigned long lens[MAX_COLS];
	my_bool nulls[MAX_COLS];
	my_bool errs[MAX_COLS];
	char small[MAX_COLS][256];
};

/* Column i of the row just fetched, into what c names.  Integers and blobs are
 * already in place; a NULL integer reads as 0, a string is copied. */
static enum perr take_column(struct arena *ar, struct db_stmt *s, MYSQL_STMT *h,
                             const struct fetch *f, struct db_col *c, size_t i)
{
	MYSQL_BIND one;
	char *big;

	c->is_null = f->nulls[i];
	switch (c->type) {
	case DB_INT:
	case DB_U64:
	case DB_UINT:
		/* The connector flags a value that does not fit the bound integer. */
		if (f->errs[i] && !f->nulls[i]) {
			log_msg(LOG_ERR, "db %s: column %zu does not fit its type", s->name, i);
			return PERR_DB;
		}
		if (f->nulls[i] && c->type == DB_INT)
			*c->i = 0;
		else if (f->nulls[i] && c->type == DB_U64)
			*c->u64 = 0;
		else if (f->nulls[i])
			*c->u = 0;
		return PERR_OK;
	case DB_BLOB:
		if (f->errs[i]) /* a blob column never exceeds its buffer */
			return PERR_DB;
		if (c->len)
			*c->len = f->nulls[i] ? 0 : f->lens[i];
		return PERR_OK;
	case DB_NULL: return PERR_DB;
	case DB_STR: break;
	}
	if (f->nulls[i]) {
		*c->s = NULL;
		return PERR_OK;
	}
	if (f->lens[i] < sizeof(f->small[i]))
		return (*c->s = arena_strndup(ar, f->small[i], f->lens[i])) ? PERR_OK : PERR_NOMEM;
	/* Longer than the inline buffer: fetch the column again in full. */
	if ((big = arena_alloc(ar, f->lens[i] + 1)) == NULL)
		return PERR_NOMEM;
	memset(&one, 0, sizeof(one));
	one.buffer_type = MYSQL_TYPE_STRING;
	one.buffer = big;
	one.buffer_length = f->lens[i] + 1;
	if (mysql_stmt_fetch_column(h, &one, (unsigned)i, 0) != 0)
		return stmt_fail("fetch_column", s, h);
	big[f->lens[i]] = '\0';
	*c->s = big;
	return PERR_OK;
}

static enum perr fetch_rows(struct arena *ar, struct db_stmt *s, MYSQL_STMT *h, struct db_col *c,
                            size_t nc, enum perr (*each)(void *), void *ctx, int single)
{
	struct fetch f;
	enum perr e = PERR_NOT_FOUND;
	size_t i;
	int rc, rows = 0;

	if (nc > MAX_COLS || mysql_stmt_field_count(h) != nc) {
		log_msg(LOG_ERR, "db %s: %u columns, caller expects %zu", s->name,
		        mysql_stmt_field_count(h), nc);
		e = PERR_DB;
		goto out;
	}
	/* Only the nc columns in use: the whole struct is 24 KB, most of it the
	 * strings' buffers, which the fetch writes before anything reads them. */
	memset(f.b, 0, nc * sizeof(f.b[0]));
	memset(f.lens, 0, nc * sizeof(f.lens[0]));
	memset(f.nulls, 0, nc * sizeof(f.nulls[0]));
	memset(f.errs, 0, nc * sizeof(f.errs[0]));
	for (i = 0; i < nc; i++) {
		f.b[i].length = &f.lens[i];
		f.b[i].is_null = &f.nulls[i];
		f.b[i].error = &f.errs[i];
		switch (c[i].type) {
		case DB_INT:
			f.b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			f.b[i].buffer = c[i].i;
			break;
		case DB_U64:
			f.b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			f.b[i].buffer = c[i].u64;
			f.b[i].is_unsigned = 1;
			break;
		case DB_UINT:
			f.b[i].buffer_type = MYSQL_TYPE_LONG;
			f.b[i].buffer = c[i].u;
			f.b[i].is_unsigned = 1;
			break;
		case DB_STR:
			f.b[i].buffer_type = MYSQL_TYPE_STRING;
			f.b[i].buffer = f.small[i];
			f.b[i].buffer_length = sizeof(f.small[i]);
			break;
		case DB_BLOB:
			f.b[i].buffer_type = MYSQL_TYPE_BLOB;
			f.b[i].buffer = c[i].buf;
			f.b[i].buffer_length = c[i].cap;
			break;
		case DB_NULL: e = PERR_DB; goto out;
		}
	}
	if (mysql_stmt_bind_result(h, f.b) != 0) {
		e = stmt_fail("bind", s, h);
		goto out;
	}
	while ((rc = mysql_stmt_fetch(h)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		rows++;
		for (i = 0; i < nc; i++)
			if ((e = take_column(ar, s, h, &f, &c[i], i)) != PERR_OK)
				goto out;
		e = PERR_OK;
		if (single)
			break;
		if (each != NULL && (e = each(ctx)) != PERR_OK)
			goto out;
	}
	if (rc == 1) {
		e = stmt_fail("fetch", s, h);
		goto out;
	}
	if (!single && e == PERR_NOT_FOUND && rows == 0)
		e = PERR_OK;
out:
	/* Every path ends here; fail() may have closed the connection and its handles. */
	if (conn != NULL && s->handle == h)
		mysql_stmt_free_result(h);
	return e;
}

enum perr db_row(struct arena *ar, struct db_stmt *s, const struct db_arg *a, size_t na,
                 struct db_col *c, size_t nc)
{
	MYSQL_STMT *h;
	enum perr e;

	if ((e = run(s, a, na, &h)) != PERR_OK)
		return e;
	return fetch_rows(ar, s, h, c, nc, NULL, NULL, 1);
}

enum perr db_rows(struct arena *ar, struct db_stmt *s, const struct db_arg *a, size_t na,
                  struct db_col *c, size_t nc, enum perr (*each)(void *), void *ctx)
{
	MYSQL_STMT *h;
	enum perr e;

	if ((e = run(s, a, na, &h)) != PERR_OK)
		return e;
	return fetch_rows(ar, s, h, c, nc, each, ctx, 0);
}

static enum perr simple(const char *sql)
{
	enum perr e;

	if ((e = db_connect()) != PERR_OK)
		return e;
	if (mysql_real_query(conn, sql, strlen(sql)) != 0)
		return fail(sql, NULL, mysql_errno(conn), mysql_error(conn));
	return PERR_OK;
}

enum perr db_begin(void)
{
	enum perr e = simple("START TRANSACTION");

	if (e == PERR_DB_DOWN && may_retry)
		e = simple("START TRANSACTION");
	if (e == PERR_OK) {
		in_tx = 1;
		may_retry = 0;
	}
	return e;
}

/*
 * For this transaction only (SET TRANSACTION without SESSION applies to the
 * next one), so a connection never carries an isolation level into another
 * program's or request's transaction by surprise.
 */
enum perr db_begin_read_committed(void)
{
	static const char set[] = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED";
	enum perr e = simple(set);

	if (e == PERR_DB_DOWN && may_retry)
		e = simple(set);
	return e == PERR_OK ? db_begin() : e;
}

enum perr db_commit(void)
{
	enum perr e = simple("COMMIT");

	in_tx = 0;
	if (e == PERR_OK)
		lasting++;
	return e;
}

unsigned long db_lasting(void)
{
	return lasting;
}

int db_refused(void)
{
	return refused;
}

void db_retry_pause(unsigned tries)
{
	unsigned ms = 2u << (tries < 5 ? tries : 5); /* 4, 8, 16, 32, 64 ms at most */

	usleep((useconds_t)(500 + randombytes_uniform(ms * 1000u)));
}

enum perr db_exec_text(const char *sql, size_t n, char *err, size_t errlen)
{
	enum perr e = db_connect();
	int more;

	err[0] = '\0';
	if (e != PERR_OK)
		return e;
	if (mysql_real_query(conn, sql, n) != 0)
		goto failed;
	/* A CALL answers a result per SELECT in it, then its own status: all read. */
	do {
		MYSQL_RES *res = mysql_store_result(conn);

		if (res != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(conn) != 0)
			goto failed;
		more = mysql_next_result(conn);
		if (more > 0)
			goto failed;
	} while (more == 0);
	return PERR_OK;
failed:
	snprintf(err, errlen, "%u %s", mysql_errno(conn), mysql_error(conn));
	return fail("script", NULL, mysql_errno(conn), mysql_error(conn));
}

void db_rollback(void)
{
	if (conn != NULL && mysql_real_query(conn, "ROLLBACK", 8) != 0)
		(void)fail("ROLLBACK", NULL, mysql_errno(conn), mysql_error(conn));
	in_tx = 0;
}
