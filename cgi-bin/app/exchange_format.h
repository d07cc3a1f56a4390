/* app/exchange_format.h: the columns of each kind of file (app/exchange_format.c). */
#ifndef APP_EXCHANGE_FORMAT_H
#define APP_EXCHANGE_FORMAT_H

#include <stddef.h>

#include "db/exchange.h"

enum ctype {
	T_TEXT,   /* one line of text, min..max characters */
	T_NUMBER, /* an account number: letters and digits (spaces and dashes dropped) */
	T_CODE,   /* a code: letters, digits, '-' and '_' */
	T_INT,    /* a whole number, min..max */
	T_MONEY,  /* an amount: minor units; min 0 refuses negatives */
	T_QTY1,   /* tenths (days of a month) */
	T_QTY2,   /* hundredths (an area, a VAT rate in percent) */
	T_QTY3,   /* thousandths (a quantity, a reading) */
	T_PRICE,  /* a tariff's price: up to four decimals, kept as core/money.h says */
	T_DATE,   /* YYYY-MM-DD or DD.MM.YYYY */
	T_MONTH,  /* YYYY-MM, MM.YYYY, or a date in the month */
	T_STAMP,  /* a date, or a date and HH:MM[:SS] */
	T_CHOICE, /* one of choices */
	T_EMAIL,
	T_INN, /* 10 or 12 digits */
};

struct col {
	const char *name;
	enum ctype t;
	int required;
	long long min, max;
	const char *const *choices;
};

/* "accounts", "services", "meters", "charges", "payments", "readings", ... */
const char *exchange_kind_name(enum stage_kind);
/* The kind named, or -1. */
int exchange_kind(const char *);
/* The columns of a kind's file, in the documented order (for templates and the API). */
const char *const *exchange_columns(enum stage_kind, size_t *n);
/* The same columns with their rules, for the checker. */
const struct col *exchange_cols(enum stage_kind, size_t *n);

#endif
