/* Unit tests: what registration, recovery and settings rest on: phone numbers and e-mail
 * addresses at the edge, the new-password rules, generated passwords, SMS codes and their
 * MACs, a message's parameters, and the messages mail.xsl makes of them. */
#include <stdio.h>
#include <string.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/password.h"
#include "core/valid.h"
#include "doc/message.h"
#include "doc/render.h"
#include "doc/xml.h"

static struct arena *A;

static void phones(void **st)
{
	static const struct {
		const char *in, *out;
	} ok[] = {
		{"+7 912 345-67-89", "+79123456789"}, {"8 (912) 345-67-89", "+79123456789"},
		{"9123456789", "+79123456789"},	      {"79123456789", "+79123456789"},
		{"+7 727 356 99 99", "+77273569999"}, {"+44 20 7946 0958", "+442079460958"},
		{"7273569999", "+77273569999"},
	};
	static const char *const bad[] = {"", "+", "12345", "+7 912 345-67-8x", "++79123456789",
					  "+7 912 345 67 89 0000 1", "+0 912 345 67 89",
					  "7912+3456789", "+7.912.345.67.89"};
	char out[PHONE_MAX + 1];
	size_t i;

	(void)st;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(phone_normalize(ok[i].in, strlen(ok[i].in), out), 0);
		assert_string_equal(out, ok[i].out);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(phone_normalize(bad[i], strlen(bad[i]), out), -1);
}

/* Which phone an SMS code went to, said by its last four digits whatever the format. */
static void phone_ends(void **st)
{
	char end[5];

	(void)st;
	assert_int_equal(phone_last4("+7 912 345-67-89", end), 0);
	assert_string_equal(end, "6789");
	assert_int_equal(phone_last4("+79123451234", end), 0);
	assert_string_equal(end, "1234");
	assert_int_equal(phone_last4("1-2-3-4", end), 0);
	assert_string_equal(end, "1234");
	assert_int_equal(phone_last4("12-3", end), -1);
	assert_int_equal(phone_last4("", end), -1);
	assert_int_equal(phone_last4(NULL, end), -1);
}

static void emails(void **st)
{
	struct field f = {"email", valid_email, 3, 254};
	static const char *const bad[] = {"", "a", "a@b", "@example.org", "a@", "a@@example.org",
					  "a b@example.org", "a@exa mple.org", "a@-example.org",
					  "a@example-.org", "a@example..org", ".a@example.org",
					  "a..b@example.org", "a@example.org\r\nBcc: x@y.z",
					  "\"a\"@example.org", "a<b>@example.org", "иван@пример.рф",
					  "a@example.org."};
	struct fval v;
	char long_local[80];
	size_t i;

	(void)st;
	assert_int_equal(valid_email(&f, " Ivan.P+bills@Example.ORG ", 26, A, &v), 0);
	assert_string_equal(v.s, "Ivan.P+bills@example.org");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(valid_email(&f, bad[i], strlen(bad[i]), A, &v), -1);
	memset(long_local, 'a', 65);
	memcpy(long_local + 65, "@example.org", 13);
	assert_int_equal(valid_email(&f, long_local, strlen(long_local), A, &v), -1);
}

static void password_rules(void **st)
{
	(void)st;
	assert_string_equal(password_weakness("short", 5, "demo", NULL, 0), "password-short");
	/* Twelve characters, not bytes: eleven Cyrillic letters are too short. */
	assert_string_equal(password_weakness("пароль12345", strlen("пароль12345"), "demo", NULL, 0),
			    "password-short");
	assert_null(password_weakness("пароль123456", strlen("пароль123456"), "demo", NULL, 0));
	/* A run of spaces counts as one: "a  b" is three characters, not four. */
	assert_string_equal(password_weakness("зима   лето", strlen("зима   лето"), "demo", NULL, 0),
			    "password-short");
	assert_string_equal(password_weakness("Settings-123", 12, "settings-123", NULL, 0),
			    "password-login");
	/* The login with a little added is still the login, to a guesser. */
	assert_string_equal(password_weakness("settings-1234", 13, "settings-123", NULL, 0),
			    "password-personal");
	assert_null(password_weakness("a long passphrase", 17, NULL, NULL, 0));
}

/* The attack test's trivial passwords, each refused with what made it easy. */
static void guessable_passwords(void **st)
{
	const char *const me[] = {"Сергеев Алексей Николаевич", NULL, "alexey.sergeev@example.org"};

	(void)st;
	/* Ten spaces count as one character. */
	assert_string_equal(password_weakness("          ", 10, "demo2", NULL, 0), "password-short");
	assert_string_equal(password_weakness("aaaaaaaaaaaa", 12, "demo2", NULL, 0),
			    "password-repeats");
	assert_string_equal(password_weakness("demo2demo2demo2", 15, "demo2", NULL, 0),
			    "password-personal");
	/* zxcvbn knows this one from its list of passwords, before the keyboard. */
	assert_string_equal(password_weakness("qwertyuiop12", 12, "demo2", NULL, 0),
			    "password-words");
	assert_string_equal(password_weakness("zxcvbnm,./;'", 12, "demo2", NULL, 0),
			    "password-keyboard");
	assert_string_equal(password_weakness("123456789012", 12, "demo2", NULL, 0),
			    "password-sequence");
	assert_string_equal(password_weakness("password1234", 12, "demo2", NULL, 0),
			    "password-words");
	assert_string_equal(password_weakness("alexey.sergeev", 14, "demo2", me, 3),
			    "password-personal");
	assert_null(password_weakness("correct horse battery staple", 28, "demo2", me, 3));
	assert_null(password_weakness("синий трамвай идёт", strlen("синий трамвай идёт"), "demo2", me,
				      3));
}

static void generated_passwords(void **st)
{
	char a[GENERATED_PASSWORD_LEN + 1], b[GENERATED_PASSWORD_LEN + 1];
	size_t i;

	(void)st;
	password_generate(a);
	password_generate(b);
	assert_int_equal(strlen(a), GENERATED_PASSWORD_LEN);
	assert_string_not_equal(a, b);
	for (i = 0; i < GENERATED_PASSWORD_LEN; i++)
		assert_null(strchr("0O1lI", a[i])); /* nothing to misread off a phone screen */
	assert_null(password_weakness(a, strlen(a), "demo", NULL, 0));
}

static void codes(void **st)
{
	unsigned char token[TOKEN_BYTES], other[TOKEN_BYTES], mac[32];
	char code[CODE_DIGITS + 1], wrong[16];
	int i, differ = 0;

	(void)st;
	for (i = 0; i < 20; i++) {
		char c2[CODE_DIGITS + 1];

		code_generate(code);
		code_generate(c2);
		assert_int_equal(strlen(code), CODE_DIGITS);
		assert_int_equal(strspn(code, "0123456789"), CODE_DIGITS);
		differ |= strcmp(code, c2) != 0;
	}
	assert_true(differ);
	randombytes_buf(token, sizeof(token));
	randombytes_buf(other, sizeof(other));
	code_mac(token, code, CODE_DIGITS, mac);
	assert_true(code_matches(token, code, CODE_DIGITS, mac));
	/* The same code under another token, a neighbouring code, a prefix: all refused. */
	assert_false(code_matches(other, code, CODE_DIGITS, mac));
	snprintf(wrong, sizeof(wrong), "%06d", (atoi(code) + 1) % 1000000);
	assert_false(code_matches(token, wrong, CODE_DIGITS, mac));
	assert_false(code_matches(token, code, CODE_DIGITS - 1, mac));
}

static void tokens(void **st)
{
	unsigned char raw[TOKEN_BYTES], back[TOKEN_BYTES], h1[32], h2[32];
	char text[TOKEN_CHARS + 1];

	(void)st;
	assert_int_equal(token_new(raw, text), 0);
	assert_int_equal(strlen(text), TOKEN_CHARS);
	assert_int_equal(strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
			 TOKEN_CHARS);
	assert_int_equal(token_decode(text, TOKEN_CHARS, back), 0);
	assert_memory_equal(raw, back, TOKEN_BYTES);
	token_hash(raw, TOKEN_BYTES, h1);
	token_hash(back, TOKEN_BYTES, h2);
	assert_memory_equal(h1, h2, 32);
	assert_memory_not_equal(h1, raw, 32); /* what is stored is not the token */
	assert_int_equal(token_decode(text, TOKEN_CHARS - 1, back), -1);
	text[5] = '=';
	assert_int_equal(token_decode(text, TOKEN_CHARS, back), -1);
}

static void params(void **st)
{
	const char *p;

	(void)st;
	p = outbox_params(A, "note", (const char *[]){"login", "a\"b<c>&'", "address", "x@y.z"}, 2);
	assert_non_null(p);
	assert_string_equal(p, "<note login=\"a&quot;b&lt;c&gt;&amp;'\" address=\"x@y.z\"/>");
	p = outbox_params(A, "note", (const char *[]){"code", "12\x01" "34"}, 1);
	assert_non_null(p);
	assert_null(strchr(p, '\x01')); /* not XML: replaced, never written */
}

/* The message mail.xsl makes of a note, for a channel and a language. */
static char *message(const char *kind, const char *channel, const char *lang, const char *note,
		     char **subject)
{
	xmlDocPtr page = xmlNewDoc(BAD_CAST "1.0"), msg = NULL, nd;
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "page"), n;
	char *text = NULL;

	*subject = NULL;
	xmlDocSetRootElement(page, root);
	assert_int_equal(xml_attr(root, "section", "mail") | xml_attr(root, "name", kind) |
				 xml_attr(root, "channel", channel) | xml_attr(root, "lang", lang),
			 0);
	assert_non_null(xml_text(root, "site", "https://lk.example.org"));
	nd = xmlReadMemory(note, (int)strlen(note), "note.xml", "UTF-8", XML_PARSE_NONET);
	assert_non_null(nd);
	xmlAddChild(root, xmlDocCopyNode(xmlDocGetRootElement(nd), page, 1));
	xmlFreeDoc(nd);
	assert_int_equal(render_message(page, &msg), 0);
	for (n = xmlDocGetRootElement(msg)->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcmp(n->name, BAD_CAST "text") == 0)
			text = (char *)xmlNodeGetContent(n);
		else if (xmlStrcmp(n->name, BAD_CAST "subject") == 0)
			*subject = (char *)xmlNodeGetContent(n);
	}
	xmlFreeDoc(msg);
	xmlFreeDoc(page);
	return text;
}

static void messages(void **st)
{
	char *subject, *text;

	(void)st;
	text = message("registered", "sms", "ru", "<note login=\"1000456701\" password=\"Ab3dEf7hJk9m\"/>",
		       &subject);
	assert_non_null(text);
	assert_null(subject); /* an SMS has no subject */
	assert_string_equal(text, "Личный кабинет: логин 1000456701, пароль Ab3dEf7hJk9m. "
				  "Смените пароль после входа.");
	xmlFree(text);

	text = message("recover-code", "sms", "en", "<note login=\"demo\" code=\"042917\"/>", &subject);
	assert_string_equal(text, "Password change code: 042917. Do not tell it to anyone.");
	xmlFree(text);

	text = message("confirm-email", "email", "en",
		       "<note login=\"demo\" address=\"a@example.org\" token=\"T0k-en_\"/>", &subject);
	assert_string_equal(subject, "Confirm your e-mail address");
	assert_non_null(strstr(text, "(login demo)"));
	assert_non_null(strstr(text, "\nhttps://lk.example.org/email/confirm?token=T0k-en_\n"));
	xmlFree(text);
	xmlFree(subject);

	text = message("recover-link", "email", "ru", "<note login=\"demo\" token=\"abc\"/>", &subject);
	assert_string_equal(subject, "Смена пароля");
	assert_non_null(strstr(text, "https://lk.example.org/recover/link?token=abc"));
	xmlFree(text);
	xmlFree(subject);

	text = message("email-changed", "email", "ru",
		       "<note login=\"demo\" old=\"old@example.org\" address=\"new@example.org\"/>",
		       &subject);
	assert_string_equal(subject, "Адрес почты изменён");
	assert_non_null(strstr(text, "(логин demo) изменён на new@example.org."));
	assert_non_null(strstr(text, "https://lk.example.org/recover"));
	xmlFree(text);
	xmlFree(subject);

	/* A login the organization made, by e-mail (the console's). */
	text = message("registered", "email", "ru", "<note login=\"x1\" password=\"y2z3\"/>",
		       &subject);
	assert_string_equal(subject, "Вход в личный кабинет");
	assert_non_null(strstr(text, "логин x1, пароль y2z3"));
	xmlFree(text);
	xmlFree(subject);

	/* A kind or a channel without a template makes no message. */
	assert_null(message("recover-code", "email", "ru", "<note code=\"123456\"/>", &subject));
	assert_null(message("no-such-kind", "sms", "ru", "<note/>", &subject));
}

static int setup(void **st)
{
	(void)st;
	A = arena_new(1 << 20);
	return A == NULL || sodium_init() < 0 || render_init("xsl", NULL) != 0;
}

/* A link's secret never reaches a log line; the rest of the request does. */
static void logged_uris(void **st)
{
	char buf[128];

	(void)st;
	assert_string_equal(log_uri(buf, sizeof(buf), "/recover/link?token=AbC-12_x"),
			    "/recover/link?token=*");
	assert_string_equal(log_uri(buf, sizeof(buf), "/recover/code?lang=en&h=Zz9&x=1"),
			    "/recover/code?lang=en&h=*&x=1");
	assert_string_equal(log_uri(buf, sizeof(buf), "/a?code=1&hh=2&token="),
			    "/a?code=*&hh=2&token=");
	assert_string_equal(log_uri(buf, sizeof(buf), "/receipts?format=xml"),
			    "/receipts?format=xml");
	assert_string_equal(log_uri(buf, sizeof(buf), "/x?\"q\"=1"), "/x?\\x22q\\x22=1");
	assert_string_equal(log_uri(buf, sizeof(buf), "/plain"), "/plain");
}

static int teardown(void **st)
{
	(void)st;
	render_done();
	arena_free(A);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(phones),	   cmocka_unit_test(phone_ends),	   cmocka_unit_test(emails),
		cmocka_unit_test(password_rules), cmocka_unit_test(generated_passwords),
		cmocka_unit_test(codes),	   cmocka_unit_test(tokens),
		cmocka_unit_test(params),	   cmocka_unit_test(messages),
		cmocka_unit_test(logged_uris),	   cmocka_unit_test(guessable_passwords),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
