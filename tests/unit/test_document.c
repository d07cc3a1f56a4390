/* Unit tests: what a receipt is made of besides the QR text: the payee check, the paid
 * status, the QR modules, their SVG path, and the PDF drawn from a layout. */
#include <stdio.h>
#include <string.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <libxml/parser.h>

#include "billing/account.h"
#include "billing/bankcheck.h"
#include "billing/receipt.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/module.h"
#include "core/money.h"
#include "core/perr.h"
#include "doc/pdf.h"
#include "doc/qr.h"

static struct organization payee(void)
{
	struct organization o;

	memset(&o, 0, sizeof(o));
	o.name = "ООО «Три кита»";
	o.inn = "7707083893";
	o.kpp = "770701001";
	o.bank_name = "ОАО \"БАНК\"";
	o.bic = "044525225";
	o.bank_account = "40702810138250123017";
	o.corr_account = "30101810400000000225";
	o.cur = currency_find("RUB");
	return o;
}

static void payee_details(void **st)
{
	struct organization o = payee();
	char long_bank[64];

	(void)st;
	assert_null(payee_check(&o));
	o.kpp = NULL; /* a payee without a KPP (a sole trader) */
	assert_null(payee_check(&o));
	o = payee();
	o.bank_account = "40702810138250123018";
	assert_string_equal(payee_check(&o), "bank-account");
	o = payee();
	o.corr_account = "30101810500000000225";
	assert_string_equal(payee_check(&o), "corr-account");
	o = payee();
	o.bic = "04452522";
	assert_string_equal(payee_check(&o), "bic");
	o = payee();
	o.inn = "7707083894";
	assert_string_equal(payee_check(&o), "inn");
	o = payee();
	o.kpp = "77070100A";
	assert_string_equal(payee_check(&o), "kpp");
	o = payee();
	o.name = "";
	assert_string_equal(payee_check(&o), "name");
	o = payee();
	memset(long_bank, 'B', 46);
	long_bank[46] = '\0';
	o.bank_name = long_bank; /* longer than a QR code's BankName */
	assert_string_equal(payee_check(&o), "bank-name");
	/*
	 * A Treasury payee: the single tax payment's details as the Federal Tax
	 * Service publishes them (Казначейство России (ФНС России), БИК 017003983,
	 * ЕКС 40102810445370000059, казначейский счёт 03100643000000018500).
	 */
	o = payee();
	o.bic = "017003983";
	o.corr_account = "40102810445370000059";
	o.bank_account = "03100643000000018500";
	assert_null(payee_check(&o));
	o.corr_account = "40102810445370000058"; /* the ЕКС's control key */
	assert_string_equal(payee_check(&o), "corr-account");
	o.corr_account = "30101810400000000225"; /* a bank's corr. account is not the ЕКС */
	assert_string_equal(payee_check(&o), "corr-account");
	o.corr_account = "40102810445370000059";
	o.bank_account = "40702810138250123017"; /* a bank account at the Treasury */
	assert_string_equal(payee_check(&o), "bank-account");
	o.bank_account = "03100840000000018500"; /* not roubles */
	assert_string_equal(payee_check(&o), "bank-account");
	/* The ЕКС of another Treasury body (domain.md 4b: BIC 012520101). */
	assert_true(single_treasury_account_valid("012520101", "40102810145370000026"));
	assert_false(single_treasury_account_valid("044525225", "40102810145370000026"));
	assert_false(treasury_bic("044525225"));
}

/*
 * Kazakh payees are checked as Kazakh details: the IBAN registry's example
 * KZ86125KZT5004100100 and the IBAN of the Clearing centre of ETS published
 * with its BIN 090840000906 at Halyk Bank (HSBKKZKX).
 */
static void kazakh_payee_details(void **st)
{
	struct organization o = payee();

	(void)st;
	o.cur = currency_find("KZT");
	o.bic = "HSBKKZKX";
	o.bank_account = "KZ476010131000179714";
	o.inn = "090840000906";
	o.corr_account = "";
	o.kpp = NULL;
	assert_null(payee_check(&o));
	assert_true(iban_kz_valid("KZ86125KZT5004100100"));
	o.bank_account = "KZ476010131000179715"; /* one digit off: mod 97 is not 1 */
	assert_string_equal(payee_check(&o), "bank-account");
	o.bank_account = "40702810138250123017"; /* a Russian account */
	assert_string_equal(payee_check(&o), "bank-account");
	o.bank_account = "KZ476010131000179714";
	o.inn = "090840000907"; /* the BIN's check digit */
	assert_string_equal(payee_check(&o), "inn");
	o.inn = "7707083893"; /* a Russian INN is not a BIN */
	assert_string_equal(payee_check(&o), "inn");
	o.inn = "090840000906";
	o.bic = "044525225"; /* a Russian BIC */
	assert_string_equal(payee_check(&o), "bic");
	o.bic = "HSBKRUMM"; /* not in Kazakhstan */
	assert_string_equal(payee_check(&o), "bic");
	o.bic = "HSBKKZKX";
	/* Kazakhtelecom's BIN; and one whose weights 1..11 give 10, so 3..11,1,2 decide. */
	assert_true(bin_kz_valid("940740000911"));
	assert_true(bin_kz_valid("090740000108"));
	assert_false(bin_kz_valid("090740000100"));
	assert_true(bin_kz_valid("000740001307"));
	assert_false(bin_kz_valid("990140000160"));
	assert_false(bin_kz_valid("12345678901"));
	o.bank_account = "";
	assert_string_equal(payee_check(&o), "bank-account");
}

static void paid_status(void **st)
{
	(void)st;
	assert_int_equal(receipt_status_of(100000, 0), RECEIPT_UNPAID);
	assert_int_equal(receipt_status_of(100000, 1), RECEIPT_PARTLY);
	assert_int_equal(receipt_status_of(100000, 99999), RECEIPT_PARTLY);
	assert_int_equal(receipt_status_of(100000, 100000), RECEIPT_PAID);
	assert_int_equal(receipt_status_of(100000, 250000), RECEIPT_PAID);
	assert_int_equal(receipt_status_of(0, 0), RECEIPT_PAID);       /* nothing asked */
	assert_int_equal(receipt_status_of(-5000, 0), RECEIPT_PAID);   /* in credit */
	assert_string_equal(receipt_status_name(RECEIPT_PARTLY), "partly");
	assert_string_equal(receipt_status_name(RECEIPT_UNPAID), "unpaid");
	assert_string_equal(receipt_status_name(RECEIPT_PAID), "paid");
}

/* A finder pattern: a 7x7 dark ring, a light ring, a 3x3 dark core. */
static int finder_at(const struct qr *q, int x0, int y0)
{
	int x, y;

	for (y = 0; y < 7; y++)
		for (x = 0; x < 7; x++) {
			int ring = x == 0 || y == 0 || x == 6 || y == 6;
			int core = x >= 2 && x <= 4 && y >= 2 && y <= 4;

			if (q->dark[(y0 + y) * q->width + x0 + x] != (ring || core))
				return 0;
		}
	return 1;
}

static void qr_modules(void **st)
{
	struct arena *a = arena_new(1 << 20);
	const char *payload =
		"ST00012|Name=ООО «Три кита»|PersonalAcc=40702810138250123017|BankName=ОАО "
		"\"БАНК\"|BIC=044525225|CorrespAcc=30101810400000000225|PayeeINN=6200098765|"
		"LastName=Иванов|FirstName=Иван|MiddleName=Иванович|Purpose=Оплата членского "
		"взноса|PayerAddress=г.Рязань ул.Ленина д.10 кв.15|Sum=100000";
	struct qr q, small;
	char big[4000];

	(void)st;
	assert_non_null(a);
	assert_int_equal(qr_encode(a, payload, &q), 0);
	/* 359 bytes at level M need version 14 (13 holds 331): 17 + 4 * 14 modules a side. */
	assert_int_equal(strlen(payload), 359);
	assert_int_equal(q.width, 73);
	assert_true(finder_at(&q, 0, 0));
	assert_true(finder_at(&q, q.width - 7, 0));
	assert_true(finder_at(&q, 0, q.width - 7));
	assert_false(finder_at(&q, q.width - 7, q.width - 7));
	/* The smallest code, and one too big for any version at level M. */
	assert_int_equal(qr_encode(a, "1", &small), 0);
	assert_int_equal(small.width, 21);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(qr_encode(a, big, &q), -1);
	arena_free(a);
}

/*
 * A code packed to be kept (sql/060) comes back module for module; a width
 * no code has, or bytes that are not what its width packs into, come back
 * as nothing rather than as a wrong code.
 */
static void qr_kept_packed(void **st)
{
	struct arena *a = arena_new(1 << 20);
	unsigned char packed[QR_PACKED_MAX + 1];
	struct qr q, back;
	size_t n;

	(void)st;
	assert_non_null(a);
	assert_int_equal(
	        qr_encode(a, "ST00012|Name=ООО «Три кита»|PersonalAcc=40702810138250123017", &q),
	        0);
	n = qr_packed_len(q.width);
	assert_int_equal(n, ((size_t)q.width * q.width + 7) / 8);
	qr_pack(&q, packed);
	assert_int_equal(qr_unpack(a, q.width, packed, n, &back), 0);
	assert_int_equal(back.width, q.width);
	assert_memory_equal(back.dark, q.dark, (size_t)q.width * q.width);
	/* The first module in the high bit: a finder's corner is dark. */
	assert_int_equal(packed[0] & 0x80, 0x80);
	assert_int_equal(qr_unpack(a, q.width, packed, n - 1, &back), -1);
	assert_int_equal(qr_unpack(a, q.width, packed, n + 1, &back), -1);
	assert_int_equal(qr_unpack(a, q.width + 1, packed, n, &back), -1);
	assert_int_equal(qr_packed_len(20), 0);
	assert_int_equal(qr_packed_len(22), 0);
	assert_int_equal(qr_packed_len(181), 0);
	assert_int_equal(qr_packed_len(177), QR_PACKED_MAX);
	assert_int_equal(qr_packed_len(21), 56);
	arena_free(a);
}

static void svg_path(void **st)
{
	struct arena *a = arena_new(1 << 16);
	/* 3x3: a run of two, a single module, an empty row. */
	static const unsigned char m[9] = {1, 1, 0, 0, 0, 1, 0, 0, 0};
	struct qr q = {3, m};

	(void)st;
	assert_string_equal(qr_svg_path(a, &q), "M0 0h2v1h-2zM2 1h1v1h-1z");
	arena_free(a);
}

/*
 * The path of the largest code (177 modules a side), in patterns with runs of
 * every length and the worst case of single modules, is what printf writes:
 * qr_svg_path() formats its numbers itself.
 */
static void svg_path_of_the_largest_code_is_printfs(void **st)
{
	static unsigned char m[177 * 177];
	struct arena *a = arena_new(4 << 20); /* three paths' room for the worst case */
	char *want = malloc(sizeof(m) * 12 + 1);
	unsigned seed = 1;
	int pattern, x, y, run;

	(void)st;
	assert_non_null(want);
	for (pattern = 0; pattern < 3; pattern++) {
		size_t len = 0;

		for (y = 0; y < 177; y++)
			for (x = 0; x < 177; x++) {
				seed = seed * 1103515245u + 12345u;
				m[y * 177 + x] = pattern == 0   ? (seed >> 16) & 1
				                 : pattern == 1 ? (x + y) % 2 == 0
				                                : (seed >> 16) % 7 != 0;
			}
		for (y = 0; y < 177; y++)
			for (x = 0; x<177; x += run> 0 ? run : 1) {
				for (run = 0; x + run < 177 && m[y * 177 + x + run]; run++)
					;
				if (run > 0)
					len += (size_t)sprintf(want + len, "M%d %dh%dv1h-%dz", x, y,
					                       run, run);
			}
		assert_string_equal(qr_svg_path(a, &(struct qr){177, m}), want);
	}
	free(want);
	arena_free(a);
}

static xmlDocPtr layout(const char *text)
{
	return xmlReadMemory(text, (int)strlen(text), "layout.xml", "UTF-8", XML_PARSE_NONET);
}

static int count(const unsigned char *p, size_t n, const char *what)
{
	size_t k = strlen(what), i;
	int c = 0;

	for (i = 0; i + k <= n; i++)
		if (memcmp(p + i, what, k) == 0)
			c++;
	return c;
}

static void pdf_pages(void **st)
{
	struct arena *a = arena_new(4 << 20);
	const unsigned char *pdf;
	size_t len, i;
	char *text, *p;
	xmlDocPtr d;

	(void)st;
	/* One text, a QR code and a rule: one page. */
	d = layout("<pdf title='Проверка'><text size='12' bold='1'>Квитанция</text>"
		   "<qr size='100'>ST00012|Name=X</qr><rule dash='1' gap='4'/><space h='5'/></pdf>");
	assert_non_null(d);
	assert_int_equal(pdf_render(a, d, &pdf, &len), PERR_OK);
	assert_memory_equal(pdf, "%PDF-1.5", 8);
	assert_int_equal(count(pdf, len, "/Type /Page "), 1);
	xmlFreeDoc(d);
	/* A table of 200 rows flows onto more pages, its head repeated on each. */
	text = malloc(200 * 80 + 200);
	assert_non_null(text);
	p = text + sprintf(text, "<pdf><table size='8'><col width='1'/><col width='2' align='right'/>"
				 "<tr head='1'><td>Услуга</td><td>Сумма</td></tr>");
	for (i = 0; i < 200; i++)
		p += sprintf(p, "<tr><td span='1'>Строка %zu</td><td>%zu,00 ₽</td></tr>", i, i);
	strcpy(p, "</table></pdf>");
	d = layout(text);
	free(text);
	assert_non_null(d);
	assert_int_equal(pdf_render(a, d, &pdf, &len), PERR_OK);
	assert_true(count(pdf, len, "/Type /Page ") >= 3);
	xmlFreeDoc(d);
	/* Not a layout. */
	d = layout("<none/>");
	assert_int_equal(pdf_render(a, d, &pdf, &len), PERR_BAD_INPUT);
	assert_null(pdf);
	xmlFreeDoc(d);
	/* A table without columns is a broken layout, not a crash. */
	d = layout("<pdf><table><tr><td>x</td></tr></table></pdf>");
	assert_int_equal(pdf_render(a, d, &pdf, &len), PERR_SYS);
	xmlFreeDoc(d);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(payee_details),
	        cmocka_unit_test(kazakh_payee_details),
	        cmocka_unit_test(paid_status),
	        cmocka_unit_test(qr_modules),
	        cmocka_unit_test(qr_kept_packed),
	        cmocka_unit_test(svg_path),
	        cmocka_unit_test(svg_path_of_the_largest_code_is_printfs),
	        cmocka_unit_test(pdf_pages),
	};

	int rc;

	log_stream(stderr);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	modules_stop(); /* the fonts */
	xmlCleanupParser();
	return rc;
}
