/* Unit tests: the staff's second factor (core/totp.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/totp.h"

/* RFC 6238 appendix B: the SHA-1 secret is the ASCII "12345678901234567890". */
static const unsigned char rfc_secret[TOTP_SECRET_BYTES] = "12345678901234567890";

static void codes_match_rfc_6238(void **st)
{
	char code[TOTP_DIGITS + 1];

	(void)st;
	/* The appendix gives eight digits; six are their last six. */
	assert_int_equal(totp_code(rfc_secret, 59, code), 0);
	assert_string_equal(code, "287082");
	assert_int_equal(totp_code(rfc_secret, 1111111109, code), 0);
	assert_string_equal(code, "081804");
	assert_int_equal(totp_code(rfc_secret, 1234567890, code), 0);
	assert_string_equal(code, "005924");
	assert_int_equal(totp_code(rfc_secret, 2000000000, code), 0);
	assert_string_equal(code, "279037");
}

static void a_code_is_good_in_its_step_and_the_neighbours_only(void **st)
{
	const time_t t = 1234567890;
	char code[TOTP_DIGITS + 1];
	uint64_t step = 0;

	(void)st;
	assert_int_equal(totp_code(rfc_secret, t, code), 0);
	assert_int_equal(totp_check(rfc_secret, t, code, &step), 0);
	assert_int_equal(step, (uint64_t)(t / 30));
	/* A clock one step off either way still matches, and says which step. */
	assert_int_equal(totp_check(rfc_secret, t + 30, code, &step), 0);
	assert_int_equal(step, (uint64_t)(t / 30));
	assert_int_equal(totp_check(rfc_secret, t - 30, code, &step), 0);
	/* Two steps off: refused. */
	assert_int_equal(totp_check(rfc_secret, t + 61, code, &step), -1);
	assert_int_equal(totp_check(rfc_secret, t - 61, code, &step), -1);
	/* Not six digits: refused before any arithmetic. */
	assert_int_equal(totp_check(rfc_secret, t, "05924", &step), -1);
	assert_int_equal(totp_check(rfc_secret, t, "0059245", &step), -1);
	assert_int_equal(totp_check(rfc_secret, t, "00592a", &step), -1);
	assert_int_equal(totp_check(rfc_secret, t, "", &step), -1);
}

static void base32_round_trip_and_typing_slack(void **st)
{
	unsigned char s[TOTP_SECRET_BYTES], back[TOTP_SECRET_BYTES];
	char text[TOTP_BASE32_CHARS + 1];

	(void)st;
	totp_secret_new(s, text);
	assert_int_equal(strlen(text), 32);
	assert_int_equal(totp_secret_parse(text, back), 0);
	assert_memory_equal(s, back, sizeof(s));
	/* As apps show it: in groups, lower case. */
	assert_int_equal(totp_secret_parse("jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp", back), 0);
	totp_secret_text(back, text);
	assert_string_equal(text, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
	assert_int_equal(totp_secret_parse("JBSWY3DPEHPK3PXP", back), -1);      /* too short */
	assert_int_equal(totp_secret_parse("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PX1", back), -1); /* 1 */
	assert_int_equal(totp_secret_parse("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPA", back), -1);
}

static void sealed_secrets_open_with_their_key_only(void **st)
{
	unsigned char key[32], other[32], sealed[TOTP_SEALED_BYTES], again[TOTP_SEALED_BYTES];
	unsigned char out[TOTP_SECRET_BYTES];

	(void)st;
	randombytes_buf(key, sizeof(key));
	randombytes_buf(other, sizeof(other));
	totp_seal(key, rfc_secret, sealed);
	totp_seal(key, rfc_secret, again);
	assert_memory_not_equal(sealed, again, sizeof(sealed)); /* a new nonce each time */
	assert_int_equal(totp_open(key, sealed, sizeof(sealed), out), 0);
	assert_memory_equal(out, rfc_secret, sizeof(out));
	assert_int_equal(totp_open(other, sealed, sizeof(sealed), out), -1);
	sealed[30] ^= 1;
	assert_int_equal(totp_open(key, sealed, sizeof(sealed), out), -1);
	assert_int_equal(totp_open(key, sealed, sizeof(sealed) - 1, out), -1);
	assert_int_equal(totp_open(key, sealed, 0, out), -1);
}

static void recovery_codes_hash_however_typed(void **st)
{
	char code[RECOVERY_CODE_CHARS + 1];
	unsigned char a[32], b[32], c[32];
	char typed[32];
	size_t i, j;

	(void)st;
	recovery_code_new(code);
	assert_int_equal(strlen(code), RECOVERY_CODE_CHARS);
	assert_int_equal(code[5], '-');
	assert_int_equal(recovery_code_hash(code, a), 0);
	for (i = j = 0; code[i]; i++)
		if (code[i] != '-')
			typed[j++] = (char)(code[i] >= 'a' && code[i] <= 'z' ? code[i] - 32 : code[i]);
	typed[j] = '\0';
	assert_int_equal(recovery_code_hash(typed, b), 0); /* no dash, capitals */
	assert_memory_equal(a, b, 32);
	assert_int_equal(recovery_code_hash("abcde-fghjk", c), 0);
	assert_memory_not_equal(a, c, 32);
	assert_int_equal(recovery_code_hash("abcde-fghj", c), -1);   /* short */
	assert_int_equal(recovery_code_hash("abcde-fghjkm", c), -1); /* long */
	assert_int_equal(recovery_code_hash("abcde-fghj0", c), -1);  /* not in the alphabet */
	assert_int_equal(recovery_code_hash("123456", c), -1);       /* a TOTP code */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(codes_match_rfc_6238),
		cmocka_unit_test(a_code_is_good_in_its_step_and_the_neighbours_only),
		cmocka_unit_test(base32_round_trip_and_typing_slack),
		cmocka_unit_test(sealed_secrets_open_with_their_key_only),
		cmocka_unit_test(recovery_codes_hash_however_typed),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
