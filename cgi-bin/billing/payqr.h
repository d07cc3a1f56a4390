/* billing/payqr.h: the GOST R 56042-2014 payment QR text. */
#ifndef BILLING_PAYQR_H
#define BILLING_PAYQR_H

#include <stddef.h>

#include "core/attrs.h"
#include "core/money.h"

/* What a payment QR code (GOST R 56042-2014) carries; NULL fields are left out. */
struct payqr {
	/* required, in this order */
	const char *name, *personal_acc, *bank_name, *bic, *corresp_acc;
	/* optional, in the order they are written */
	const char *payee_inn, *kpp, *pers_acc, *last_name, *first_name, *middle_name,
		*payer_address;
	money_t sum; /* kopecks; -1: none */
	const char *purpose, *paym_period, *category, *tech_code;
};

enum payqr_err {
	PAYQR_OK = 0,
	PAYQR_MISSING,   /* a required field is absent */
	PAYQR_ACCOUNT,   /* PersonalAcc is not 20 digits */
	PAYQR_BIC,       /* BIC is not 9 digits */
	PAYQR_CORR,      /* CorrespAcc is not 1..20 digits */
	PAYQR_INN,       /* PayeeINN is not 10 or 12 digits */
	PAYQR_KPP,       /* KPP is not 9 digits */
	PAYQR_SUM,       /* Sum over 18 digits */
	PAYQR_VALUE,     /* empty, too long, control characters or bad UTF-8 */
	PAYQR_SEPARATOR, /* every separator the standard allows occurs in some value */
	PAYQR_TOO_LONG,  /* the required block over 300 bytes, or out too small */
};

/* The payload, "ST00012|Name=...", into out (NUL-terminated). */
int payqr_build(const struct payqr *, char *out, size_t cap) PORTAL_WUR;

#endif
