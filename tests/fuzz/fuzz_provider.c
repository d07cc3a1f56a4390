/*
 * libFuzzer target: what the payment provider sends us, the one input that
 * comes from outside without a browser in between: payment objects (API
 * answers), refund objects, notifications and lists of fiscal receipts.  A parsed payment must hold
 * what the parser promises: a valid id, a known status, a non-negative amount, a currency of three
 * letters, URLs that are http(s).
 */
#include <string.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/money.h"
#include "net/provider.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pay_state st;
	struct refund_state rf;
	struct fiscal_receipt fr;
	char id[PAY_ID_MAX + 1];
	money_t m;
	char *s;

	if (yookassa_parse_payment((const char *)data, size, &st) == 0) {
		if (st.id[0] == '\0' || strlen(st.id) > PAY_ID_MAX || st.amount < 0 ||
		    strlen(st.currency) != 3 || (st.status != PAY_PENDING && st.status != PAY_SUCCEEDED &&
						 st.status != PAY_CANCELED))
			abort();
		if (st.confirmation_url[0] && strncmp(st.confirmation_url, "http", 4) != 0)
			abort();
	}
	if (yookassa_parse_refund((const char *)data, size, &rf) == 0 &&
	    (rf.id[0] == '\0' || rf.payment_id[0] == '\0' || rf.amount < 0 ||
	     strlen(rf.currency) != 3 ||
	     (rf.status != PAY_PENDING && rf.status != PAY_SUCCEEDED && rf.status != PAY_CANCELED)))
		abort();
	if (yookassa_parse_notice((const char *)data, size, id) == 0 &&
	    (id[0] == '\0' || strlen(id) > PAY_ID_MAX))
		abort();
	/* A kept receipt's numbers are digits, its time "YYYY-MM-DD HH:MM:SS". */
	if (yookassa_parse_receipts((const char *)data, size, &fr) == 0 &&
	    (fr.id[0] == '\0' || !fiscal_number_valid(fr.storage) ||
	     !fiscal_number_valid(fr.document) || !fiscal_number_valid(fr.attribute) ||
	     strlen(fr.registered_at) != 19 || fr.registered_at[10] != ' '))
		abort();
	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (yookassa_parse_amount(s, &m) == 0 && (m < 0 || m > 999999999999999LL))
		abort();
	free(s);
	return 0;
}
