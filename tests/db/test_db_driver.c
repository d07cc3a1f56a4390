/*
 * The database driver against a live MariaDB (the test stack's, as root over
 * its socket): what db.h promises about binding, typed columns and row
 * callbacks.  The unit tests have no database, and an HTTP test cannot make
 * a schema column hold what its C type cannot, so these scratch statements
 * (constants, no tables) live here and nowhere in the product.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/arena.h"
#include "core/config.h"
#include "core/log.h"
#include "db/db.h"

static struct db_stmt minus_one = {"test.minus_one", "SELECT -1", NULL, 0, NULL};
static struct db_stmt two_pow_32 = {"test.two_pow_32", "SELECT 4294967296", NULL, 0, NULL};
static struct db_stmt u32_max = {"test.u32_max", "SELECT 4294967295", NULL, 0, NULL};
static struct db_stmt u64_max = {"test.u64_max", "SELECT 18446744073709551615", NULL, 0, NULL};
static struct db_stmt null_ = {"test.null", "SELECT NULL, NULL, NULL", NULL, 0, NULL};
static struct db_stmt echo = {"test.echo", "SELECT ?", NULL, 0, NULL};
static struct db_stmt three = {"test.three", "SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3", NULL,
                               0, NULL};
static struct db_stmt none = {"test.none", "SELECT 1 FROM DUAL WHERE 1 = 0", NULL, 0, NULL};

static struct arena *ar;

static int setup(void **st)
{
	const char *sock = getenv("KABINET_DB_SOCKET");

	(void)st;
	if (sock == NULL || *sock == '\0') {
		fprintf(stderr,
		        "KABINET_DB_SOCKET: the test stack's database socket is required\n");
		return -1;
	}
	snprintf(cfg.db_socket, sizeof(cfg.db_socket), "%s", sock);
	snprintf(cfg.db_user, sizeof(cfg.db_user), "root");
	snprintf(cfg.db_name, sizeof(cfg.db_name), "kabinet");
	cfg.db_connect_timeout = 5;
	cfg.db_rw_timeout = 10;
	log_stream(stderr);
	ar = arena_new(1 << 20);
	return ar != NULL && db_connect() == PERR_OK ? 0 : -1;
}

static int teardown(void **st)
{
	(void)st;
	db_disconnect();
	arena_free(ar);
	return 0;
}

static void negative_is_no_id(void **st)
{
	uint64_t id = 7;
	unsigned u = 7;
	struct db_col c64[] = {DBC_U64(&id)}, c32[] = {DBC_UINT(&u)};

	(void)st;
	db_request_begin();
	assert_int_equal(db_row(ar, &minus_one, NULL, 0, c64, 1), PERR_DB);
	assert_int_equal(db_row(ar, &minus_one, NULL, 0, c32, 1), PERR_DB);
}

static void too_large_for_unsigned_is_an_error(void **st)
{
	unsigned u = 7;
	struct db_col c[] = {DBC_UINT(&u)};

	(void)st;
	db_request_begin();
	assert_int_equal(db_row(ar, &two_pow_32, NULL, 0, c, 1), PERR_DB);
}

static void the_largest_values_fit(void **st)
{
	uint64_t id = 0;
	unsigned u = 0;
	struct db_col c64[] = {DBC_U64(&id)}, c32[] = {DBC_UINT(&u)};

	(void)st;
	db_request_begin();
	assert_int_equal(db_row(ar, &u64_max, NULL, 0, c64, 1), PERR_OK);
	assert_true(id == UINT64_MAX);
	assert_int_equal(db_row(ar, &u32_max, NULL, 0, c32, 1), PERR_OK);
	assert_true(u == UINT_MAX);
}

static void null_reads_as_zero(void **st)
{
	uint64_t id = 7;
	unsigned u = 7;
	long long i = 7;
	struct db_col c[] = {DBC_U64(&id), DBC_UINT(&u), DBC_INT(&i)};

	(void)st;
	db_request_begin();
	assert_int_equal(db_row(ar, &null_, NULL, 0, c, 3), PERR_OK);
	assert_true(id == 0 && u == 0 && i == 0);
}

static void arguments_must_match_placeholders(void **st)
{
	long long v = 0;
	struct db_col c[] = {DBC_INT(&v)};
	struct db_arg two[] = {DBA_INT(1), DBA_INT(2)};

	(void)st;
	db_request_begin();
	assert_int_equal(db_row(ar, &echo, two, 0, c, 1), PERR_DB);
	assert_int_equal(db_row(ar, &echo, two, 2, c, 1), PERR_DB);
	assert_int_equal(db_row(ar, &echo, two, 1, c, 1), PERR_OK);
	assert_int_equal(v, 1);
	/* An unsigned argument beyond INT64_MAX arrives as itself, not negative. */
	{
		const char *s = NULL;
		struct db_col cs[] = {DBC_STR(&s)};
		struct db_arg big[] = {DBA_U64(UINT64_MAX)};

		assert_int_equal(db_row(ar, &echo, big, 1, cs, 1), PERR_OK);
		assert_string_equal(s, "18446744073709551615");
	}
}

static void columns_must_match_the_statement(void **st)
{
	long long a = 0, b = 0;
	struct db_col c[] = {DBC_INT(&a), DBC_INT(&b)};

	(void)st;
	db_request_begin();
	assert_int_equal(db_row(ar, &minus_one, NULL, 0, c, 2), PERR_DB);
	/* The statement is still usable after a refused call. */
	assert_int_equal(db_row(ar, &minus_one, NULL, 0, c, 1), PERR_OK);
	assert_int_equal(a, -1);
}

struct seen {
	long long v, sum;
	int calls;
	enum perr stop_at_2;
};

static enum perr add(void *p)
{
	struct seen *s = p;

	s->calls++;
	s->sum += s->v;
	return s->v == 2 ? s->stop_at_2 : PERR_OK;
}

static void a_callback_failure_is_the_query_failure(void **st)
{
	struct seen s = {.stop_at_2 = PERR_OK};
	struct db_col c[] = {DBC_INT(&s.v)};

	(void)st;
	db_request_begin();
	assert_int_equal(db_rows(ar, &three, NULL, 0, c, 1, add, &s), PERR_OK);
	assert_int_equal(s.calls, 3);
	assert_int_equal(s.sum, 6);

	s = (struct seen){.stop_at_2 = PERR_TOO_LARGE};
	assert_int_equal(db_rows(ar, &three, NULL, 0, c, 1, add, &s), PERR_TOO_LARGE);
	assert_int_equal(s.calls, 2);
	/* The result was freed: the next call on the same connection works. */
	s = (struct seen){.stop_at_2 = PERR_OK};
	assert_int_equal(db_rows(ar, &three, NULL, 0, c, 1, add, &s), PERR_OK);
	assert_int_equal(s.calls, 3);
}

static void no_row_is_not_found_and_leaves_the_columns(void **st)
{
	long long v = 42;
	struct db_col c[] = {DBC_INT(&v)};
	struct seen s = {0};
	struct db_col cs[] = {DBC_INT(&s.v)};

	(void)st;
	db_request_begin();
	assert_int_equal(db_row(ar, &none, NULL, 0, c, 1), PERR_NOT_FOUND);
	assert_int_equal(v, 42);
	assert_int_equal(db_rows(ar, &none, NULL, 0, cs, 1, add, &s), PERR_OK);
	assert_int_equal(s.calls, 0);
}

static void a_typed_failure_stops_the_rows(void **st)
{
	static struct db_stmt mixed = {
	        "test.mixed", "SELECT 1 UNION ALL SELECT -1 UNION ALL SELECT 3", NULL, 0, NULL};
	uint64_t id = 0;
	struct seen s = {0};
	struct db_col c[] = {DBC_U64(&id)};

	(void)st;
	db_request_begin();
	assert_int_equal(db_rows(ar, &mixed, NULL, 0, c, 1, add, &s), PERR_DB);
	assert_int_equal(s.calls, 1); /* the first row only: the second does not fit */
	assert_int_equal(db_row(ar, &u64_max, NULL, 0, c, 1), PERR_OK);
}

/*
 * A cluster's node gone: the program connects to the next one of [db]
 * failover, and stays there.  Here the first node is a socket nobody listens
 * on and a TCP address nobody answers; the third is the stack's own.
 */
static void a_lost_node_is_passed_over(void **st)
{
	char sock[256], abs[PATH_MAX], failover[PATH_MAX + 16];
	long long v = 0;
	struct db_col c[] = {DBC_INT(&v)};
	struct db_arg a[] = {DBA_INT(7)};

	(void)st;
	snprintf(sock, sizeof(sock), "%s", cfg.db_socket);
	/* A node of [db] failover is a socket when its path is absolute. */
	assert_non_null(realpath(sock, abs));
	db_disconnect();
	snprintf(cfg.db_socket, sizeof(cfg.db_socket), "/nonexistent/db.sock");
	snprintf(failover, sizeof(failover), "127.0.0.1:1 %s", abs);
	assert_true(strlen(failover) < sizeof(cfg.db_failover));
	memcpy(cfg.db_failover, failover, strlen(failover) + 1);
	db_request_begin();
	assert_int_equal(db_row(ar, &echo, a, 1, c, 1), PERR_OK);
	assert_int_equal(v, 7);
	/* No node at all: the database is down, said as such. */
	db_disconnect();
	snprintf(cfg.db_failover, sizeof(cfg.db_failover), "127.0.0.1:1");
	db_request_begin();
	assert_int_equal(db_row(ar, &echo, a, 1, c, 1), PERR_DB_DOWN);
	db_disconnect();
	snprintf(cfg.db_socket, sizeof(cfg.db_socket), "%s", sock);
	cfg.db_failover[0] = '\0';
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(negative_is_no_id),
	        cmocka_unit_test(too_large_for_unsigned_is_an_error),
	        cmocka_unit_test(the_largest_values_fit),
	        cmocka_unit_test(null_reads_as_zero),
	        cmocka_unit_test(arguments_must_match_placeholders),
	        cmocka_unit_test(columns_must_match_the_statement),
	        cmocka_unit_test(a_callback_failure_is_the_query_failure),
	        cmocka_unit_test(no_row_is_not_found_and_leaves_the_columns),
	        cmocka_unit_test(a_typed_failure_stops_the_rows),
	        cmocka_unit_test(a_lost_node_is_passed_over),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
