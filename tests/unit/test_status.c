/* Unit tests: a status line's reason phrase (web/status.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "web/status.h"

/* Every status a program answers with has its own phrase, RFC 9110's. */
static void each_status_has_its_phrase(void **st)
{
	static const struct {
		int status;
		const char *reason;
	} want[] = {
	        {200, "OK"},
	        {202, "Accepted"},
	        {303, "See Other"},
	        {400, "Bad Request"},
	        {401, "Unauthorized"},
	        {403, "Forbidden"},
	        {404, "Not Found"},
	        {405, "Method Not Allowed"},
	        {409, "Conflict"},
	        {410, "Gone"},
	        {411, "Length Required"},
	        {413, "Content Too Large"},
	        {414, "URI Too Long"},
	        {415, "Unsupported Media Type"},
	        {422, "Unprocessable Content"},
	        {429, "Too Many Requests"},
	        {500, "Internal Server Error"},
	        {502, "Bad Gateway"},
	        {503, "Service Unavailable"},
	};
	size_t i;

	(void)st;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		assert_string_equal(status_reason(want[i].status), want[i].reason);
}

/* A code not in the table still gets a phrase: the status line is never cut short. */
static void any_other_status_still_has_one(void **st)
{
	(void)st;
	assert_string_equal(status_reason(418), "Error");
	assert_string_equal(status_reason(0), "Error");
	assert_true(strlen(status_reason(-1)) > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(each_status_has_its_phrase),
	        cmocka_unit_test(any_other_status_still_has_one),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
