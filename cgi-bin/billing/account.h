/* billing/account.h: the payee and the account. */
#ifndef BILLING_ACCOUNT_H
#define BILLING_ACCOUNT_H

#include <stdint.h>

#include "core/money.h"

struct organization {
	uint64_t id;
	const char *name, *inn, *address, *phones, *email;
	const char *bank_name, *bic, *bank_account, *corr_account;
	const struct currency *cur;
	/* What a receipt prints as well (read by receipt_load() only; may be NULL). */
	const char *kpp, *website, *receipt_note, *qr_category, *qr_tech_code;
	const char *short_name; /* the payee's name in the QR code, if set; may be NULL */
};

struct account {
	uint64_t id;
	const char *number, *payer, *address, *phone;
	const char *meters_replaced_on; /* YYYY-MM-DD or NULL */
	long long residents;
	long long area_centi_m2; /* 54.30 m2 = 5430 */
	const char *household;   /* gas, gas-alone, estove, estove-alone */
	struct organization org;
};

/* One linked account with one of its services in its latest month. */

#endif
