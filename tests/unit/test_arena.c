/* Unit tests: the request's allocator growing an array (core/arena.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/arena.h"

/* The larger home holds what the old one held, and the old one is left as it was. */
static void a_regrown_array_keeps_its_elements(void **st)
{
	struct arena *a = arena_new(1 << 16);
	long long *v = NULL;
	size_t n, cap = 0;

	(void)st;
	assert_non_null(a);
	for (n = 0; n < 100; n++) {
		if (n == cap) {
			long long *old = v;

			cap = cap ? 2 * cap : 4;
			v = arena_regrow(a, old, n, cap, sizeof(*v));
			assert_non_null(v);
			assert_true(n == 0 ||
			            (old[0] == 0 && old[n - 1] == (long long)(n - 1) * 7));
		}
		v[n] = (long long)n * 7;
	}
	for (n = 0; n < 100; n++)
		assert_int_equal(v[n], (long long)n * 7);
	arena_free(a);
}

/* More to copy than there is room for, a size that overflows, or a full arena: NULL. */
static void an_impossible_regrow_is_null(void **st)
{
	struct arena *a = arena_new(4096);
	int one[1] = {1};

	(void)st;
	assert_non_null(a);
	assert_null(arena_regrow(a, one, 2, 1, sizeof(int)));
	assert_null(arena_regrow(a, one, 1, SIZE_MAX / 2, 4));
	assert_null(arena_regrow(a, one, 1, 1 << 20, sizeof(int)));
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(a_regrown_array_keeps_its_elements),
	        cmocka_unit_test(an_impossible_regrow_is_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
