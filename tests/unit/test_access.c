/* Unit tests: the rights a holder's choice gives a delegate (billing/access.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "billing/access.h"

/* Each choice the invitation form offers, and what it allows. */
static void each_choice_gives_its_rights(void **st)
{
	(void)st;
	assert_int_equal(access_rights_of("view"), RIGHT_VIEW);
	assert_int_equal(access_rights_of("readings"), RIGHT_READINGS);
	assert_int_equal(access_rights_of("pay"), RIGHT_VIEW | RIGHT_PAY);
	assert_int_equal(access_rights_of("full"), RIGHT_VIEW | RIGHT_READINGS | RIGHT_PAY);
}

/* A reading-only delegate sees no balances: not even "view" is in it. */
static void submitting_readings_only_sees_nothing_else(void **st)
{
	(void)st;
	assert_int_equal(access_rights_of("readings") & (RIGHT_VIEW | RIGHT_PAY), 0);
}

/* No choice, however spelled, gives what only a holder has: inviting. */
static void no_choice_gives_a_holders_right(void **st)
{
	static const char *names[] = {"view", "readings", "pay", "full"};
	size_t i;

	(void)st;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		assert_int_equal(access_rights_of(names[i]) & RIGHT_HOLDER, 0);
	assert_int_equal(access_rights_of("holder"), 0);
	assert_int_equal(access_rights_of("Full"), 0);
	assert_int_equal(access_rights_of(""), 0);
	assert_int_equal(access_rights_of(NULL), 0);
}

/* Rights read back from the table name their choice; others name none. */
static void rights_name_their_choice(void **st)
{
	(void)st;
	assert_string_equal(access_choice_of(RIGHT_VIEW | RIGHT_PAY), "pay");
	assert_string_equal(access_choice_of(RIGHT_READINGS), "readings");
	assert_string_equal(access_choice_of(access_rights_of("full")), "full");
	assert_null(access_choice_of(RIGHTS_HOLDER));
	assert_null(access_choice_of(RIGHT_PAY));
	assert_null(access_choice_of(0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(each_choice_gives_its_rights),
	        cmocka_unit_test(submitting_readings_only_sees_nothing_else),
	        cmocka_unit_test(no_choice_gives_a_holders_right),
	        cmocka_unit_test(rights_name_their_choice),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
