/* db/invoice.h: invoices on demand and their numbers (sql/050). */
#ifndef DB_INVOICE_H
#define DB_INVOICE_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/perr.h"

struct invoice {
	uint64_t id, account_id, org_id;
	unsigned year, number; /* № number of year, per organization */
	uint64_t service_id;   /* 0: the account's services together */
	const char *service;   /* its name in the page's language; NULL for none */
	money_t amount;
	long long quantity;     /* by tariff: thousandths of the service's unit; 0: an amount */
	money_t tariff;         /* by tariff: the price per unit (core/money.h) */
	const char *unit;       /* by tariff: the service's unit, a catalog key */
	const char *created_at; /* UTC, YYYY-MM-DDTHH:MM:SSZ */
	int paid;               /* an online payment made for it succeeded */
};

/* The organization's time zone (a tz name), whose calendar year numbers its invoices. */
enum perr db_invoice_zone(struct arena *, uint64_t org, const char **tz) PORTAL_WUR;
/*
 * The next number of org's year, in the caller's transaction: the counter's
 * row stays locked until it ends, so numbers are taken one transaction at a
 * time and a rollback gives the number back.
 */
enum perr db_invoice_next_number(struct arena *, uint64_t org, unsigned year,
                                 unsigned *number) PORTAL_WUR;
enum perr db_invoice_insert(const struct invoice *, uint64_t subscriber, uint64_t *id) PORTAL_WUR;
/* One invoice, if subscriber may view its account (sql/049); NOT_FOUND otherwise. */
enum perr db_invoice_get(struct arena *, uint64_t subscriber, uint64_t id, enum lang,
                         struct invoice *) PORTAL_WUR;
/* The invoices of an account subscriber may view made from..to (UTC dates,
 * to excluded), newest first. */
enum perr db_invoices_of(struct arena *, uint64_t subscriber, uint64_t account, const char *from,
                         const char *to, enum lang,
                         enum perr (*each)(void *, const struct invoice *), void *) PORTAL_WUR;
/* Record an online payment made for the invoice (in the payment's transaction). */
enum perr db_invoice_attach(uint64_t invoice, uint64_t online) PORTAL_WUR;

#endif
