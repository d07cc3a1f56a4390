/* billing/fiscal.h: a payment's fiscal receipt (кассовый чек, 54-FZ). */
#ifndef BILLING_FISCAL_H
#define BILLING_FISCAL_H

#include <stddef.h>

/*
 * The receipt a payment provider registered for a payment, as its fiscal
 * data operator (ОФД) has it: the three numbers anyone checks a receipt by.
 * Each number is digits only, checked where it is read.
 */
#define FISCAL_ID_MAX  64
#define FISCAL_NUM_MAX 20
struct fiscal_receipt {
	char id[FISCAL_ID_MAX + 1];         /* the provider's receipt */
	char storage[FISCAL_NUM_MAX + 1];   /* ФН: the fiscal storage's number */
	char document[FISCAL_NUM_MAX + 1];  /* ФД: the fiscal document's number */
	char attribute[FISCAL_NUM_MAX + 1]; /* ФП: the fiscal sign */
	char registered_at[20];             /* UTC, "YYYY-MM-DD HH:MM:SS" */
};

/* 1..FISCAL_NUM_MAX ASCII digits. */
int fiscal_number_valid(const char *);

/*
 * The link to the receipt at the fiscal data operator: the configured
 * template ([payments] check_url) with {fn}, {fd} and {fp} replaced by the
 * receipt's numbers, which are digits and so need no escaping.  Any other
 * brace is left as it is.  0, or -1 (dst empty) if it does not fit or the
 * template is empty.
 */
int fiscal_check_url(char *dst, size_t size, const char *tmpl, const struct fiscal_receipt *);

#endif
