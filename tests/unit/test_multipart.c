/* Unit tests: multipart/form-data read part by part, whatever the reads' sizes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/multipart.h"

struct src {
	const char *s;
	size_t len, off, step;
};

static long src_read(void *ctx, char *buf, size_t n)
{
	struct src *x = ctx;
	size_t k = x->len - x->off;

	if (k > n)
		k = n;
	if (k > x->step)
		k = x->step;
	memcpy(buf, x->s + x->off, k);
	x->off += k;
	return (long)k;
}

#define CT "multipart/form-data; boundary=----b0undary"
static const char body[] =
        "------b0undary\r\n"
        "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
        "tok\r\n"
        "------b0undary\r\n"
        "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\\\dir\\\\Счета.csv\"\r\n"
        "Content-Type: text/csv\r\n\r\n"
        "a,b\r\n------b0und,\r\n--x\r\n"
        "------b0undary--\r\n";

static void read_part(struct mpart *m, char *out, size_t cap)
{
	size_t len = 0;
	long k;

	while ((k = mpart_read(m, out + len, cap - len - 1)) > 0)
		len += (size_t)k;
	assert_int_equal(k, 0);
	out[len] = '\0';
}

static void fields_and_a_file_at_any_read_size(void **state)
{
	size_t step;

	(void)state;
	for (step = 1; step < sizeof(body); step++) {
		struct src x = {body, sizeof(body) - 1, 0, step};
		struct mpart *m = mpart_new(CT, src_read, &x);
		struct mpart_head h;
		char v[256];

		assert_non_null(m);
		assert_int_equal(mpart_next(m, &h), PERR_OK);
		assert_string_equal(h.name, "csrf");
		assert_false(h.is_file);
		read_part(m, v, sizeof(v));
		assert_string_equal(v, "tok");
		assert_int_equal(mpart_next(m, &h), PERR_OK);
		assert_string_equal(h.name, "file");
		assert_true(h.is_file);
		assert_string_equal(h.filename, "Счета.csv"); /* the directory dropped */
		assert_string_equal(h.type, "text/csv");
		read_part(m, v, sizeof(v));
		assert_string_equal(v, "a,b\r\n------b0und,\r\n--x");
		assert_int_equal(mpart_next(m, &h), PERR_NOT_FOUND);
		mpart_free(m);
	}
}

static void skipping_a_part_unread(void **state)
{
	struct src x = {body, sizeof(body) - 1, 0, 5};
	struct mpart *m = mpart_new(CT, src_read, &x);
	struct mpart_head h;

	(void)state;
	assert_int_equal(mpart_next(m, &h), PERR_OK);
	assert_int_equal(mpart_next(m, &h), PERR_OK);
	assert_string_equal(h.name, "file");
	assert_int_equal(mpart_next(m, &h), PERR_NOT_FOUND);
	mpart_free(m);
}

static void broken_bodies(void **state)
{
	static const char cut[] =
	        "------b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nxyz";
	static const char nohead[] = "------b0undary\r\nContent-Disposition: form-data; name=\"a\"";
	struct src x = {cut, sizeof(cut) - 1, 0, 4};
	struct mpart *m;
	struct mpart_head h;
	char v[64];

	(void)state;
	assert_null(mpart_new("multipart/form-data", src_read, &x));
	assert_null(mpart_new("text/plain; boundary=x", src_read, &x));
	assert_null(mpart_new("multipart/form-data; boundary=", src_read, &x));
	m = mpart_new(CT, src_read, &x);
	assert_int_equal(mpart_next(m, &h), PERR_OK);
	/* The body ends inside the part: never its end (0), always an error. */
	while (mpart_read(m, v, sizeof(v)) > 0)
		;
	assert_int_equal(mpart_read(m, v, sizeof(v)), -1);
	mpart_free(m);
	x = (struct src){nohead, sizeof(nohead) - 1, 0, 100};
	m = mpart_new(CT, src_read, &x);
	assert_int_equal(mpart_next(m, &h), PERR_BAD_INPUT);
	mpart_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(fields_and_a_file_at_any_read_size),
	        cmocka_unit_test(skipping_a_part_unread),
	        cmocka_unit_test(broken_bodies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
