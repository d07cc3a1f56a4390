/* Unit tests: bank details' check digits and the GOST R 56042-2014 payment QR text (domain.md §2a, §4). */
#include <string.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "billing/bankcheck.h"
#include "billing/payqr.h"
#include "billing/receipt.h"

static void the_central_banks_examples(void **st)
{
	(void)st;
	/* Instruction 515's own examples: K = 8 and K = 7. */
	assert_true(corr_account_valid("049805000", "30101810800000000746"));
	assert_false(corr_account_valid("049805000", "30101810000000000746"));
	assert_true(bank_account_valid("049805746", "40602810700000000025"));
	assert_false(bank_account_valid("049805746", "40602810600000000025"));
}

static void library_vectors(void **st)
{
	char acc[] = "40702810900000002851";
	char d;

	(void)st;
	assert_true(bank_account_valid("044030827", "40702810900000002851"));
	assert_true(corr_account_valid("044030827", "30101810200000000827"));
	assert_true(corr_account_valid("044525225", "30101810400000000225"));
	assert_false(corr_account_valid("044030827", "30101810300000000827"));
	assert_false(corr_account_valid("044525225", "30101810500000000225"));
	/* Any other first digit breaks the key. */
	for (d = '0'; d <= '9'; d++) {
		acc[0] = d;
		assert_int_equal(bank_account_valid("044030827", acc), d == '4');
	}
	/* The pairs of the example payloads. */
	assert_true(bank_account_valid("044525225", "40702810138250123017"));
	assert_true(bank_account_valid("044525201", "40802810700020000317"));
	assert_true(corr_account_valid("044525201", "30101810000000000201"));
	assert_true(bank_account_valid("044525411", "40911810100180000361"));
	assert_true(corr_account_valid("044525411", "30101810145250000411"));
	/* A correspondent account of another bank (QRCoder's first test). */
	assert_false(corr_account_valid("044525225", "30101810965770000413"));
}

static void malformed_details(void **st)
{
	(void)st;
	assert_false(bic_valid("abcd"));
	assert_false(bic_valid("04452522"));
	assert_false(bic_valid("0445252250"));
	assert_false(bic_valid(NULL));
	assert_true(bic_valid("044525225"));
	assert_false(bank_account_valid("044525225", "4070281013825012301"));
	assert_false(bank_account_valid("044525225", "4070281013825012301x"));
	assert_false(bank_account_valid("abc", "40702810138250123017"));
	assert_false(corr_account_valid("044525225", "40702810138250123017")); /* not 301... */
}

static void inn(void **st)
{
	(void)st;
	assert_true(inn_valid("7707083893"));
	assert_true(inn_valid("5037008735"));
	assert_true(inn_valid("3803201800"));
	assert_false(inn_valid("6200098765"));
	assert_false(inn_valid("7701234567"));
	assert_true(inn_valid("500100732259")); /* a person's, both check digits */
	assert_false(inn_valid("500100732258"));
	assert_false(inn_valid("77070838"));
	assert_false(inn_valid("77070838x3"));
}

static struct payqr base(void)
{
	struct payqr q;

	memset(&q, 0, sizeof(q));
	q.sum = -1;
	q.name = "ИП Богданов Александр Сергеевич";
	q.personal_acc = "40802810700020000317";
	q.bank_name = "ОАО АКБ «АВАНГАРД»";
	q.bic = "044525201";
	q.corresp_acc = "30101810000000000201";
	return q;
}

static void required_fields_only(void **st)
{
	struct payqr q = base();
	char out[1024];

	(void)st;
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_OK);
	assert_string_equal(out, "ST00012|Name=ИП Богданов Александр Сергеевич|"
				 "PersonalAcc=40802810700020000317|BankName=ОАО АКБ «АВАНГАРД»|"
				 "BIC=044525201|CorrespAcc=30101810000000000201");
}

static void a_receipts_fields_in_order(void **st)
{
	struct payqr q = base();
	char out[2048];

	(void)st;
	q.name = "ООО «Расчётный центр Энск»";
	q.personal_acc = "40702810138250123017";
	q.bank_name = "ПАО Сбербанк";
	q.bic = "044525225";
	q.corresp_acc = "30101810400000000225";
	q.payee_inn = "7707083893";
	q.kpp = "770701001";
	q.pers_acc = "1000456701";
	q.last_name = "Иванова";
	q.first_name = "Мария";
	q.middle_name = "Петровна";
	q.payer_address = "г. Энск, ул. Ленина, д. 12, кв. 34";
	q.sum = 141002;
	q.purpose = "Оплата ЖКУ за 10.2026";
	q.paym_period = "102026";
	q.tech_code = "02";
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_OK);
	assert_string_equal(out,
			    "ST00012|Name=ООО «Расчётный центр Энск»|PersonalAcc=40702810138250123017|"
			    "BankName=ПАО Сбербанк|BIC=044525225|CorrespAcc=30101810400000000225|"
			    "PayeeINN=7707083893|KPP=770701001|PersAcc=1000456701|LastName=Иванова|"
			    "FirstName=Мария|MiddleName=Петровна|"
			    "PayerAddress=г. Энск, ул. Ленина, д. 12, кв. 34|Sum=141002|"
			    "Purpose=Оплата ЖКУ за 10.2026|PaymPeriod=102026|TechCode=02");
	/* Kopecks, never a decimal point; zero is a sum too. */
	q.sum = 0;
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_OK);
	assert_non_null(strstr(out, "|Sum=0|"));
}

static void a_value_with_the_separator_changes_it(void **st)
{
	struct payqr q = base();
	char out[1024];

	(void)st;
	q.bank_name = "ОАО \"БАНК\" | филиал";
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_OK);
	assert_string_equal(out, "ST00012#Name=ИП Богданов Александр Сергеевич#"
				 "PersonalAcc=40802810700020000317#BankName=ОАО \"БАНК\" | филиал#"
				 "BIC=044525201#CorrespAcc=30101810000000000201");
	/* '|' and '#' taken: the next one. */
	q.name = "Ромашка #1";
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_OK);
	assert_int_equal(out[7], ';');
	q.purpose = "|#;:^_~{}!$%&()*+,/@";
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_SEPARATOR);
}

static void what_is_refused(void **st)
{
	struct payqr q;
	char out[1024], small[16], longname[400];

	(void)st;
	q = base();
	q.bic = "abcd";
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_BIC);
	q = base();
	q.personal_acc = "4080281070002000031";
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_ACCOUNT);
	q = base();
	q.corresp_acc = NULL;
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_MISSING);
	q = base();
	q.payee_inn = "12345";
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_INN);
	q = base();
	q.kpp = "7707010";
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_KPP);
	q = base();
	q.purpose = "line one\nline two";
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_VALUE);
	q = base();
	q.last_name = "";
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_VALUE);
	q = base();
	q.bank_name = "Банк с очень длинным названием, которое длиннее сорока пяти букв";
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_VALUE);
	q = base();
	q.sum = 1000000000000000000LL;
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_SUM);
	/* 160 characters of Cyrillic are 320 bytes: over the required block's 300. */
	q = base();
	memset(longname, 0, sizeof(longname));
	for (size_t i = 0; i < 150; i++)
		memcpy(longname + 2 * i, "Я", 2);
	q.name = longname;
	assert_int_equal(payqr_build(&q, out, sizeof(out)), PAYQR_TOO_LONG);
	q = base();
	assert_int_equal(payqr_build(&q, small, sizeof(small)), PAYQR_TOO_LONG);
}

/*
 * Two payees (sql/046): the organization for upkeep, a water utility paid
 * directly for water and wastewater.  Each asks for its own lines' debts; an
 * advance on wastewater lowers neither the water's debt nor the other
 * payee's, and what was paid to water since counts for the utility only.
 */
static void each_payee_asks_for_its_own_lines(void **st)
{
	static struct receipt rc;

	(void)st;
	memset(&rc, 0, sizeof(rc));
	rc.n = 3;
	rc.line[0] = (struct receipt_line){.service_id = 1, .closing = 1850, .payee = 0};
	rc.line[1] = (struct receipt_line){.service_id = 2, .closing = 19395, .paid_since = 10000,
					   .payee = 98};
	rc.line[2] = (struct receipt_line){.service_id = 3, .closing = -500, .payee = 98};
	rc.npayee = 2;
	rc.payee[0].id = 0;
	rc.payee[1].id = 98;
	receipt_settle(&rc);
	assert_int_equal(rc.payee[0].to_pay, 1850);
	assert_int_equal(rc.payee[0].paid_since, 0);
	assert_int_equal(rc.payee[0].remaining, 1850);
	assert_int_equal(rc.payee[1].to_pay, 19395);
	assert_int_equal(rc.payee[1].paid_since, 10000);
	assert_int_equal(rc.payee[1].remaining, 9395);
	assert_int_equal(rc.to_pay, 1850 + 19395);
	assert_int_equal(rc.remaining, 1850 + 9395);
	assert_int_equal(rc.status, RECEIPT_PARTLY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_central_banks_examples),
		cmocka_unit_test(library_vectors),
		cmocka_unit_test(malformed_details),
		cmocka_unit_test(inn),
		cmocka_unit_test(required_fields_only),
		cmocka_unit_test(a_receipts_fields_in_order),
		cmocka_unit_test(a_value_with_the_separator_changes_it),
		cmocka_unit_test(what_is_refused),
		cmocka_unit_test(each_payee_asks_for_its_own_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
