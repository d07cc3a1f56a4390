/* Unit tests: reading YooKassa's payment objects and notifications. */
#include <string.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/money.h"
#include "net/provider.h"

static const char succeeded[] =
	"{\"id\":\"2d9f6a1e-000f-5000-8000-1a2b3c4d5e6f\",\"status\":\"succeeded\",\"paid\":true,"
	"\"amount\":{\"value\":\"1500.00\",\"currency\":\"RUB\"},"
	"\"payment_method\":{\"type\":\"bank_card\",\"id\":\"2d9f6a1e-000f-5000-9000-1a2b3c4d5e6f\","
	"\"saved\":true,\"title\":\"Bank card *4444\",\"card\":{\"last4\":\"4444\"}},"
	"\"metadata\":{\"kabinet_id\":\"17\"},\"created_at\":\"2026-11-22T10:00:00.000Z\","
	"\"test\":false}";

static int parse(const char *json, struct pay_state *st)
{
	return yookassa_parse_payment(json, strlen(json), st);
}

static void a_succeeded_payment(void **s)
{
	struct pay_state st;

	(void)s;
	assert_int_equal(parse(succeeded, &st), 0);
	assert_string_equal(st.id, "2d9f6a1e-000f-5000-8000-1a2b3c4d5e6f");
	assert_int_equal(st.status, PAY_SUCCEEDED);
	assert_int_equal(st.amount, 150000);
	assert_string_equal(st.currency, "RUB");
	assert_string_equal(st.method_id, "2d9f6a1e-000f-5000-9000-1a2b3c4d5e6f");
	assert_string_equal(st.method_title, "Bank card *4444");
	assert_int_equal(st.method_saved, 1);
	assert_int_equal(st.ref, 17);
	assert_string_equal(st.confirmation_url, "");
}

static void pending_and_canceled(void **s)
{
	struct pay_state st;

	(void)s;
	assert_int_equal(parse("{\"id\":\"a1\",\"status\":\"pending\",\"amount\":{\"value\":\"10.50\","
			       "\"currency\":\"RUB\"},\"confirmation\":{\"type\":\"redirect\","
			       "\"confirmation_url\":\"https://yoomoney.ru/checkout/x?y=1\"}}",
			       &st),
			 0);
	assert_int_equal(st.status, PAY_PENDING);
	assert_int_equal(st.amount, 1050);
	assert_string_equal(st.confirmation_url, "https://yoomoney.ru/checkout/x?y=1");
	assert_int_equal(st.ref, 0);
	/* We always capture, but a payment waiting for capture is not paid yet. */
	assert_int_equal(parse("{\"id\":\"a1\",\"status\":\"waiting_for_capture\",\"amount\":{\"value\":"
			       "\"1.00\",\"currency\":\"RUB\"}}",
			       &st),
			 0);
	assert_int_equal(st.status, PAY_PENDING);
	assert_int_equal(parse("{\"id\":\"a1\",\"status\":\"canceled\",\"amount\":{\"value\":\"1.00\","
			       "\"currency\":\"RUB\"},\"cancellation_details\":{\"party\":"
			       "\"payment_network\",\"reason\":\"insufficient_funds\"},"
			       "\"payment_method\":{\"type\":\"bank_card\",\"id\":\"m1\",\"saved\":false}}",
			       &st),
			 0);
	assert_int_equal(st.status, PAY_CANCELED);
	assert_string_equal(st.cancel_reason, "insufficient_funds");
	assert_int_equal(st.method_saved, 0);
}

static void what_is_refused(void **s)
{
	static const char *const bad[] = {
		"",
		"[]",
		"{}",
		"not json",
		/* no id, a bad id, an unknown status */
		"{\"status\":\"succeeded\",\"amount\":{\"value\":\"1.00\",\"currency\":\"RUB\"}}",
		"{\"id\":\"a/../b\",\"status\":\"succeeded\",\"amount\":{\"value\":\"1.00\",\"currency\":\"RUB\"}}",
		"{\"id\":\"a1\",\"status\":\"refunded\",\"amount\":{\"value\":\"1.00\",\"currency\":\"RUB\"}}",
		/* amounts that are not the API's exact form */
		"{\"id\":\"a1\",\"status\":\"succeeded\",\"amount\":{\"value\":\"1.5\",\"currency\":\"RUB\"}}",
		"{\"id\":\"a1\",\"status\":\"succeeded\",\"amount\":{\"value\":1.50,\"currency\":\"RUB\"}}",
		"{\"id\":\"a1\",\"status\":\"succeeded\",\"amount\":{\"value\":\"-1.00\",\"currency\":\"RUB\"}}",
		"{\"id\":\"a1\",\"status\":\"succeeded\",\"amount\":{\"value\":\"1.00\",\"currency\":\"RU\"}}",
		"{\"id\":\"a1\",\"status\":\"succeeded\"}",
		/* a page to send the payer to that is not a web page */
		"{\"id\":\"a1\",\"status\":\"pending\",\"amount\":{\"value\":\"1.00\",\"currency\":\"RUB\"},"
		"\"confirmation\":{\"confirmation_url\":\"javascript:alert(1)\"}}",
		/* our reference must be a positive number */
		"{\"id\":\"a1\",\"status\":\"succeeded\",\"amount\":{\"value\":\"1.00\",\"currency\":\"RUB\"},"
		"\"metadata\":{\"kabinet_id\":\"0\"}}",
		"{\"id\":\"a1\",\"status\":\"succeeded\",\"amount\":{\"value\":\"1.00\",\"currency\":\"RUB\"},"
		"\"metadata\":{\"kabinet_id\":\"12x\"}}",
		/* the same key twice could say two things */
		"{\"id\":\"a1\",\"id\":\"a2\",\"status\":\"succeeded\",\"amount\":{\"value\":\"1.00\","
		"\"currency\":\"RUB\"}}",
		/* a method title longer than we keep */
		"{\"id\":\"a1\",\"status\":\"succeeded\",\"amount\":{\"value\":\"1.00\",\"currency\":\"RUB\"},"
		"\"payment_method\":{\"id\":\"m\",\"title\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}}",
	};
	struct pay_state st;
	size_t i;

	(void)s;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(parse(bad[i], &st), -1);
	/* Not UTF-8. */
	assert_int_equal(yookassa_parse_payment("{\"id\":\"\xff\"}", 10, &st), -1);
}

static int notice(const char *json, char id[PAY_ID_MAX + 1])
{
	return yookassa_parse_notice(json, strlen(json), id);
}

static void notifications(void **s)
{
	char id[PAY_ID_MAX + 1];
	static const char ok[] = "{\"type\":\"notification\",\"event\":\"payment.succeeded\","
				 "\"object\":{\"id\":\"2d9f-1\",\"status\":\"succeeded\"}}";

	(void)s;
	assert_int_equal(yookassa_parse_notice(ok, strlen(ok), id), 0);
	assert_string_equal(id, "2d9f-1");
	assert_int_equal(notice("{\"type\":\"notification\",\"event\":\"refund.succeeded\","
					       "\"object\":{\"id\":\"r1\"}}", id),
			 -1);
	assert_int_equal(notice("{\"type\":\"x\",\"event\":\"payment.succeeded\","
					       "\"object\":{\"id\":\"a\"}}", id),
			 -1);
	assert_int_equal(notice("{\"type\":\"notification\",\"event\":\"payment.succeeded\","
					       "\"object\":{\"id\":\"a b\"}}", id),
			 -1);
	assert_int_equal(notice("{", id), -1);
}

static void amounts(void **s)
{
	money_t m;

	(void)s;
	assert_int_equal(yookassa_parse_amount("1234.50", &m), 0);
	assert_int_equal(m, 123450);
	assert_int_equal(yookassa_parse_amount("0.01", &m), 0);
	assert_int_equal(m, 1);
	assert_int_equal(yookassa_parse_amount("15", &m), 0);
	assert_int_equal(m, 1500);
	assert_int_equal(yookassa_parse_amount("9999999999999.99", &m), 0);
	assert_int_equal(m, 999999999999999LL);
	assert_int_equal(yookassa_parse_amount("10000000000000.00", &m), -1);
	assert_int_equal(yookassa_parse_amount("1.5", &m), -1);
	assert_int_equal(yookassa_parse_amount("1.500", &m), -1);
	assert_int_equal(yookassa_parse_amount("01.00", &m), -1);
	assert_int_equal(yookassa_parse_amount("1,00", &m), -1);
	assert_int_equal(yookassa_parse_amount("-1.00", &m), -1);
	assert_int_equal(yookassa_parse_amount("", &m), -1);
	assert_int_equal(yookassa_parse_amount(".50", &m), -1);
	assert_int_equal(yookassa_parse_amount("1e3", &m), -1);
}

/* A refund object as YooKassa answers POST /v3/refunds. */
static void refunds(void **s)
{
	static const char ok[] =
		"{\"id\":\"216749f7-0016-50be-b000-078d43a63ae4\",\"status\":\"succeeded\","
		"\"amount\":{\"value\":\"150.05\",\"currency\":\"RUB\"},"
		"\"created_at\":\"2026-11-30T10:00:00.000Z\","
		"\"payment_id\":\"216749da-000f-50be-b000-096747fad91e\"}";
	struct refund_state st;

	(void)s;
	assert_int_equal(yookassa_parse_refund(ok, strlen(ok), &st), 0);
	assert_string_equal(st.id, "216749f7-0016-50be-b000-078d43a63ae4");
	assert_string_equal(st.payment_id, "216749da-000f-50be-b000-096747fad91e");
	assert_int_equal(st.status, PAY_SUCCEEDED);
	assert_int_equal(st.amount, 15005);
	assert_string_equal(st.currency, "RUB");
	/* A payment object, an unknown status, a bad amount, no payment: not a refund. */
	{
		static const char *const bad[] = {
			"{\"id\":\"x\",\"status\":\"succeeded\","
			"\"amount\":{\"value\":\"1.00\",\"currency\":\"RUB\"}}",
			"{\"id\":\"a\",\"payment_id\":\"b\",\"status\":\"waiting\","
			"\"amount\":{\"value\":\"1.00\",\"currency\":\"RUB\"}}",
			"{\"id\":\"a\",\"payment_id\":\"b\",\"status\":\"pending\","
			"\"amount\":{\"value\":\"1.5\",\"currency\":\"RUB\"}}",
			"{\"id\":\"a b\",\"payment_id\":\"b\",\"status\":\"pending\","
			"\"amount\":{\"value\":\"1.50\",\"currency\":\"RUB\"}}",
		};
		size_t i;

		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
			assert_int_equal(yookassa_parse_refund(bad[i], strlen(bad[i]), &st), -1);
	}
	assert_int_equal(yookassa_parse_refund("[]", 2, &st), -1);
}

/* The receipts of a payment as YooKassa lists them (GET /v3/receipts?payment_id=). */
static void receipts(void **s)
{
	static const char ok[] =
	        "{\"type\":\"list\",\"items\":["
	        "{\"id\":\"rt-1\",\"type\":\"refund\",\"status\":\"succeeded\","
	        "\"fiscal_storage_number\":\"1\",\"fiscal_document_number\":\"2\","
	        "\"fiscal_attribute\":\"3\",\"registered_at\":\"2026-12-01T10:00:00.000Z\"},"
	        "{\"id\":\"rt-2\",\"type\":\"payment\",\"status\":\"succeeded\","
	        "\"payment_id\":\"216749da-000f-50be-b000-096747fad91e\","
	        "\"fiscal_storage_number\":\"9288000100115785\",\"fiscal_document_number\":"
	        "\"3986\","
	        "\"fiscal_attribute\":\"2617603921\",\"registered_at\":\"2026-12-02T08:45:07."
	        "325Z\","
	        "\"fiscal_provider_id\":\"fd9e9ab0-0001\"}]}";
	static const char pending[] =
	        "{\"type\":\"list\",\"items\":[{\"id\":\"rt-3\",\"type\":\"payment\","
	        "\"status\":\"pending\"}]}";
	/* A number that is not digits, a time not in UTC, no sign, a bad id, no list. */
	static const char *const bad[] = {
	        "{\"items\":[{\"id\":\"a\",\"type\":\"payment\",\"status\":\"succeeded\","
	        "\"fiscal_storage_number\":\"92880001001157A5\",\"fiscal_document_number\":\"1\","
	        "\"fiscal_attribute\":\"1\",\"registered_at\":\"2026-12-02T08:45:07Z\"}]}",
	        "{\"items\":[{\"id\":\"a\",\"type\":\"payment\",\"status\":\"succeeded\","
	        "\"fiscal_storage_number\":\"1\",\"fiscal_document_number\":\"1\","
	        "\"fiscal_attribute\":\"1\",\"registered_at\":\"2026-12-02T08:45:07+03:00\"}]}",
	        "{\"items\":[{\"id\":\"a\",\"type\":\"payment\",\"status\":\"succeeded\","
	        "\"fiscal_storage_number\":\"1\",\"fiscal_document_number\":\"1\","
	        "\"registered_at\":\"2026-12-02T08:45:07Z\"}]}",
	        "{\"items\":[{\"id\":\"a b\",\"type\":\"payment\",\"status\":\"succeeded\","
	        "\"fiscal_storage_number\":\"1\",\"fiscal_document_number\":\"1\","
	        "\"fiscal_attribute\":\"1\",\"registered_at\":\"2026-12-02T08:45:07Z\"}]}",
	        "{\"items\":[{\"id\":\"a\",\"type\":\"payment\",\"status\":\"succeeded\","
	        "\"fiscal_storage_number\":\"123456789012345678901\",\"fiscal_document_number\":"
	        "\"1\","
	        "\"fiscal_attribute\":\"1\",\"registered_at\":\"2026-12-02T08:45:07Z\"}]}",
	        "{\"items\":[7]}",
	        "{\"type\":\"list\"}",
	        "[]",
	};
	struct fiscal_receipt fr;
	size_t i;

	(void)s;
	assert_int_equal(yookassa_parse_receipts(ok, strlen(ok), &fr), 0);
	assert_string_equal(fr.id, "rt-2"); /* the payment's, not the refund's */
	assert_string_equal(fr.storage, "9288000100115785");
	assert_string_equal(fr.document, "3986");
	assert_string_equal(fr.attribute, "2617603921");
	assert_string_equal(fr.registered_at, "2026-12-02 08:45:07");
	/* Not registered yet, or none at all: an answer, not an error. */
	assert_int_equal(yookassa_parse_receipts(pending, strlen(pending), &fr), 1);
	assert_string_equal(fr.id, "");
	assert_int_equal(yookassa_parse_receipts("{\"items\":[]}", 12, &fr), 1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(yookassa_parse_receipts(bad[i], strlen(bad[i]), &fr), -1);
		assert_string_equal(fr.storage, "");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(a_succeeded_payment),
	        cmocka_unit_test(pending_and_canceled),
	        cmocka_unit_test(what_is_refused),
	        cmocka_unit_test(notifications),
	        cmocka_unit_test(amounts),
	        cmocka_unit_test(refunds),
	        cmocka_unit_test(receipts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
