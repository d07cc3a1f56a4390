/* Unit tests: percent-encoding of query values (core/urlenc.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/urlenc.h"

/* A phone's '+' and an address's '@' and '+' survive the trip through a query. */
static void logins_are_escaped(void **st)
{
	char out[64];

	(void)st;
	assert_int_equal(url_query_escape(out, sizeof(out), "+79120000977", NULL), 14);
	assert_string_equal(out, "%2B79120000977");
	assert_int_equal(url_query_escape(out, sizeof(out), "a.b+c@example.org", NULL), 21);
	assert_string_equal(out, "a.b%2Bc%40example.org");
	assert_int_equal(url_query_escape(out, sizeof(out), "x&y=z#w", NULL), 13);
	assert_string_equal(out, "x%26y%3Dz%23w");
	assert_int_equal(url_query_escape(out, sizeof(out), "-._~", NULL), 4);
	assert_string_equal(out, "-._~");
	/* UTF-8 goes byte by byte. */
	assert_int_equal(url_query_escape(out, sizeof(out), "\xd0\xaf", NULL), 6);
	assert_string_equal(out, "%D0%AF");
	assert_int_equal(url_query_escape(out, sizeof(out), "", NULL), 0);
	assert_string_equal(out, "");
	/* A path carried in a query keeps its slashes, and only them. */
	assert_int_equal(url_query_escape(out, sizeof(out), "/payments?all=1", "/"), 19);
	assert_string_equal(out, "/payments%3Fall%3D1");
}

/* What does not fit, with its terminator, is refused whole, never cut. */
static void too_long_is_refused(void **st)
{
	char out[4];

	(void)st;
	assert_int_equal(url_query_escape(out, sizeof(out), "abc", NULL), 3);
	assert_int_equal(url_query_escape(out, sizeof(out), "abcd", NULL), -1);
	assert_string_equal(out, "");
	assert_int_equal(url_query_escape(out, sizeof(out), "a+", NULL), -1);
	assert_string_equal(out, "");
	assert_int_equal(url_query_escape(out, 0, "a", NULL), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(logins_are_escaped),
	        cmocka_unit_test(too_long_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
