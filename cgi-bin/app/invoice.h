/* app/invoice.h: issuing an invoice on demand, and its payment QR code. */
#ifndef APP_INVOICE_H
#define APP_INVOICE_H

#include <stdint.h>

#include "billing/account.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/money.h"
#include "core/perr.h"
#include "db/invoice.h"

/*
 * Issue an invoice of amount to account a (service 0: its services
 * together; quantity, thousandths of the service's unit, at tariff: what the
 * amount is the product of, 0 for an amount typed), asked for by subscriber,
 * in a transaction of its own: the next number of the organization's year
 * where it is, then the invoice.  *id is the new invoice's.  Nothing is
 * stored, nor a number taken, on failure.
 */
enum perr invoice_issue(struct arena *, uint64_t subscriber, const struct account *a,
                        uint64_t service, money_t amount, long long quantity, money_t tariff,
                        uint64_t *id) PORTAL_WUR;
/* The GOST R 56042-2014 text asking for the invoice's amount, to the account's
 * organization; NULL if the details cannot make one. */
const char *invoice_qr_text(struct arena *, const struct invoice *, const struct account *);

#endif
