/* billing/ledger.h: ledger rows and their totals. */
#ifndef BILLING_LEDGER_H
#define BILLING_LEDGER_H

#include <stddef.h>

#include "core/attrs.h"
#include "core/money.h"
#include "core/month.h"

struct ledger_row {
	month_t month;
	money_t tariff;     /* one service only; a price (core/money.h) */
	long long quantity; /* thousandths of the unit; one service only */
	money_t opening, accrued, corrections, paid, closing;
};

/* 1 if closing = opening + accrued + corrections - paid (without overflow). */
int ledger_balanced(const struct ledger_row *);

/* The totals of a run of months, and what was wrong with it. */
struct ledger_total {
	struct ledger_row sum; /* first opening, summed movements, last closing */
	size_t months;
	size_t unbalanced; /* rows that do not balance */
	int continuous;    /* every month opens with the previous closing, none missing */
};

void ledger_total_init(struct ledger_total *);
/* Add the next month; -1 if a sum would overflow. */
int ledger_total_add(struct ledger_total *, const struct ledger_row *) PORTAL_WUR;

#endif
