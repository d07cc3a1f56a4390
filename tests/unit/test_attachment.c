/* Unit tests: an appeal's file judged by its bytes, an image's size, a sent name made safe. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/attachment.h"

/* A PNG's signature and IHDR claiming w x h (libmagic reads no further). */
static size_t png_head(unsigned char *b, uint32_t w, uint32_t h)
{
	static const unsigned char head[16] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
					       0, 0, 0, 13, 'I', 'H', 'D', 'R'};
	unsigned char rest[17] = {(unsigned char)(w >> 24), (unsigned char)(w >> 16),
				  (unsigned char)(w >> 8), (unsigned char)w,
				  (unsigned char)(h >> 24), (unsigned char)(h >> 16),
				  (unsigned char)(h >> 8), (unsigned char)h, 8, 2, 0, 0, 0, 0, 0, 0, 0};

	memcpy(b, head, 16);
	memcpy(b + 16, rest, 17);
	return 33;
}

static void types_come_from_the_bytes(void **st)
{
	unsigned char png[64];
	static const unsigned char jpeg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
					     1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9};
	static const char pdf[] = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
	static const unsigned char elf[] = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					    3, 0, 0x3E, 0, 1, 0, 0, 0};
	static const char html[] = "<!DOCTYPE html><html><script>alert(1)</script></html>";

	(void)st;
	assert_int_equal(attachment_type(png, png_head(png, 4, 3)), ATT_PNG);
	assert_int_equal(attachment_type(jpeg, sizeof(jpeg)), ATT_JPEG);
	assert_int_equal(attachment_type((const unsigned char *)pdf, sizeof(pdf) - 1), ATT_PDF);
	assert_int_equal(attachment_type(elf, sizeof(elf)), ATT_OTHER);
	assert_int_equal(attachment_type((const unsigned char *)html, sizeof(html) - 1), ATT_OTHER);
	assert_string_equal(attachment_mime(ATT_PDF), "application/pdf");
	assert_string_equal(attachment_ext(ATT_JPEG), "jpg");
	assert_int_equal(attachment_of_mime("image/png"), ATT_PNG);
	assert_int_equal(attachment_of_mime("application/pdf"), ATT_PDF);
	assert_int_equal(attachment_of_mime("text/html"), ATT_OTHER);
}

static void image_sides_from_the_header(void **st)
{
	unsigned char png[64];
	/* SOI, an APP0 to skip, then SOF0: height 480, width 640. */
	static const unsigned char jpeg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11,
					     8, 0x01, 0xE0, 0x02, 0x80, 1, 1, 0x11, 0};
	static const unsigned char no_frame[] = {0xFF, 0xD8, 0xFF, 0xDA, 0, 4, 0, 0};
	unsigned w, h;
	size_t n = png_head(png, 100000, 20);

	(void)st;
	assert_int_equal(image_size(ATT_PNG, png, n, &w, &h), 0);
	assert_int_equal(w, 100000);
	assert_int_equal(h, 20);
	assert_false(image_size_ok(w, h));
	assert_int_equal(image_size(ATT_PNG, png, 20, &w, &h), -1); /* cut short */
	assert_int_equal(image_size(ATT_JPEG, jpeg, sizeof(jpeg), &w, &h), 0);
	assert_int_equal(w, 640);
	assert_int_equal(h, 480);
	assert_true(image_size_ok(w, h));
	assert_int_equal(image_size(ATT_JPEG, no_frame, sizeof(no_frame), &w, &h), -1);
	assert_int_equal(image_size(ATT_JPEG, jpeg, 10, &w, &h), -1);
	assert_false(image_size_ok(8000, 8000)); /* 64 megapixels */
	assert_true(image_size_ok(7000, 5000));
	assert_false(image_size_ok(0, 10));
}

static void names_lose_their_paths_and_controls(void **st)
{
	char out[4 * ATTACHMENT_NAME_MAX + 1], longer[300];

	(void)st;
	attachment_name("../../etc/passwd", out);
	assert_string_equal(out, "passwd");
	attachment_name("C:\\Users\\me\\скан.pdf", out);
	assert_string_equal(out, "скан.pdf");
	attachment_name("a\001b\tc.png", out);
	assert_string_equal(out, "a b c.png");
	attachment_name("bad\xff.png", out);
	assert_string_equal(out, "bad?.png");
	attachment_name("..", out);
	assert_string_equal(out, "file");
	attachment_name("dir/", out);
	assert_string_equal(out, "file");
	memset(longer, 'x', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	attachment_name(longer, out);
	assert_int_equal(strlen(out), ATTACHMENT_NAME_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(types_come_from_the_bytes),
		cmocka_unit_test(image_sides_from_the_header),
		cmocka_unit_test(names_lose_their_paths_and_controls),
	};

	return cmocka_run_group_tests_name("attachment", tests, NULL, NULL);
}
