/*
 * receipt.c: an account's monthly payment document, modelled on the single
 * payment document for housing services (ЕПД, Minstroy order 43/pr): who
 * pays whom, the calculation per service, the debt, the total, the meter
 * readings used, and the GOST R 56042 QR code a banking app scans.
 *
 * The receipt is read from the ledger when it is shown, so the page, the
 * print view, the PDF and the e-mailed PDF are the same document.
 */
#include <string.h>

#include "billing/account.h"
#include "billing/bankcheck.h"
#include "billing/payqr.h"
#include "billing/receipt.h"
#include "core/money.h"
#include "core/utf8.h"

const char *receipt_status_name(enum receipt_status s)
{
	switch (s) {
	case RECEIPT_PAID: return "paid";
	case RECEIPT_PARTLY: return "partly";
	default: return "unpaid";
	}
}

enum receipt_status receipt_status_of(money_t to_pay, money_t paid_since)
{
	if (to_pay <= 0 || paid_since >= to_pay)
		return RECEIPT_PAID;
	return paid_since > 0 ? RECEIPT_PARTLY : RECEIPT_UNPAID;
}

void receipt_settle(struct receipt *rc)
{
	size_t i, j;

	rc->to_pay = rc->paid_since = 0;
	for (j = 0; j < rc->npayee; j++)
		rc->payee[j].to_pay = rc->payee[j].paid_since = 0;
	for (i = 0; i < rc->n; i++) {
		struct receipt_line *l = &rc->line[i];
		money_t later = l->paid_since > 0 ? l->paid_since : 0, covered;

		l->to_pay = l->closing > 0 ? l->closing : 0;
		covered = later < l->to_pay ? later : l->to_pay;
		/* Sums of at most 16 ledger amounts, each within 10^15: no overflow. */
		rc->to_pay += l->to_pay;
		rc->paid_since += covered;
		for (j = 0; j < rc->npayee; j++)
			if (rc->payee[j].id == l->payee) {
				rc->payee[j].to_pay += l->to_pay;
				rc->payee[j].paid_since += covered;
			}
	}
	rc->total.to_pay = rc->to_pay;
	rc->remaining = rc->to_pay - rc->paid_since;
	rc->status = receipt_status_of(rc->to_pay, rc->paid_since);
	for (j = 0; j < rc->npayee; j++)
		rc->payee[j].remaining = rc->payee[j].to_pay - rc->payee[j].paid_since;
}

static int digits(const char *s, size_t n)
{
	size_t i;

	if (s == NULL || strlen(s) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int present(const char *s, size_t max_chars)
{
	size_t n = s ? strlen(s) : 0;

	return n > 0 && utf8_valid(s, n) && utf8_len(s, n) <= max_chars;
}

void payee_qr(const struct organization *o, struct payqr *q)
{
	memset(q, 0, sizeof(*q));
	q->name = o->short_name != NULL && *o->short_name ? o->short_name : o->name;
	q->personal_acc = o->bank_account;
	q->bank_name = o->bank_name;
	q->bic = o->bic;
	q->corresp_acc = o->corr_account;
	q->sum = -1;
}

/* The payee's part of a QR code (GOST R 56042 §5.2: at most 300 bytes, the
 * name at most 160 characters) must fit, or no receipt could carry one. */
static int payee_fits_qr(const struct organization *o)
{
	struct payqr q;
	char buf[512]; /* the required block's 300 bytes, its keys and the header */

	payee_qr(o, &q);
	return payqr_build(&q, buf, sizeof(buf)) == PAYQR_OK;
}

const char *payee_check(const struct organization *o)
{
	if (!present(o->name, 160))
		return "name";
	if (o->cur != NULL && strcmp(o->cur->code, "KZT") == 0) {
		if (!present(o->bank_name, 200))
			return "bank-name";
		if (!bic_kz_valid(o->bic))
			return "bic";
		if (!iban_kz_valid(o->bank_account))
			return "bank-account";
		return bin_kz_valid(o->inn) ? NULL : "inn";
	}
	if (o->cur == NULL || strcmp(o->cur->code, "RUB") != 0)
		return present(o->bank_name, 200) && present(o->bank_account, 34) ? NULL
										    : "bank-account";
	/* A rouble payee's details go into the QR code: its limits apply too. */
	if (!present(o->bank_name, 45))
		return "bank-name";
	if (!bic_valid(o->bic))
		return "bic";
	if (treasury_bic(o->bic)) {
		if (!treasury_account_valid(o->bank_account))
			return "bank-account";
		if (!single_treasury_account_valid(o->bic, o->corr_account))
			return "corr-account";
	} else {
		if (!bank_account_valid(o->bic, o->bank_account))
			return "bank-account";
		if (!corr_account_valid(o->bic, o->corr_account))
			return "corr-account";
	}
	if (!inn_valid(o->inn))
		return "inn";
	if (o->kpp != NULL && !digits(o->kpp, 9))
		return "kpp";
	if (!payee_fits_qr(o))
		return "qr-name";
	return NULL;
}
