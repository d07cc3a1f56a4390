/*
 * services.c: the current account's services and their monthly ledger.
 *
 *   GET /services             each service with supplier and balance; the
 *                             months from..to (default: the last 12 billed)
 *                             of all services or of ?service=, with totals
 *   GET /services/statement   ?service=&from=&to=: the printable statement
 *                             (выписка) of one service, tariff and corrections
 *   GET /services/reconciliation  ?from=&to=: the reconciliation act (акт
 *                             сверки) of the account for the period, every
 *                             service together: opening balance, each month's
 *                             charges, corrections and payments, closing balance;
 *                             ?format=pdf to print and sign
 *   GET /services/rendered    ?month=: the act of services rendered (акт
 *                             оказанных услуг) of one month: each service's
 *                             quantity, rate, charge and recalculation, with
 *                             the total; ?format=pdf to print and sign
 *
 *   GET  /documents          ?from=&to=: the period's documents: each month's
 *                             receipt and act, the reconciliation act, the
 *                             invoices made; the form to ask for an invoice
 *   POST /documents/invoices service (optional), amount: a new invoice, numbered
 *                             in its organization's year without gaps
 *   GET  /documents/invoice  ?id=: the invoice (счёт на оплату) with the payee's
 *                             details and QR code; ?format=pdf to print
 *   POST /services/promise   service: a suspended internet line enabled on a
 *                             promised payment, or why not (sql/054)
 *   GET  /events             ?from=&to= (months): the protected objects and
 *                             their alarm events, in the organization's months
 *   GET  /usage              ?from=&to= (months), kind=call|session: the
 *                             lines' calls and connection sessions with their
 *                             totals; ?format=csv or xlsx: the whole period
 *
 * Only the session's current account is ever read (an invoice: one the
 * subscriber may view); the session lookup has checked it is theirs, and each
 * page names the right it needs (PAGE_NEEDS).  A service the account does not
 * have is a 404.
 *
 * This file holds the form's fields and the routes; the pages are files in
 * services/ (services/services.h lists their handlers and what they share).
 */
#include "core/valid.h"
#include "web/req.h"
#include "web/serve.h"
#include "services/services.h"

static const struct field fields[K__MAX] = {
        [K_FROM] = {"from", valid_month, 7, 7},
        [K_TO] = {"to", valid_month, 7, 7},
        [K_SERVICE] = {"service", valid_int, 1, 65535},
        [K_FORMAT] = {"format", valid_token, 1,
                      8},                         /* pdf, csv, xlsx: a download of the statement */
        [K_MONTH] = {"month", valid_month, 7, 7}, /* the act of services rendered's month */
        [K_AMOUNT] = {"amount", valid_text, 1, 24}, /* an invoice's, parsed in its currency */
        [K_ID] = {"id", valid_int, 1, 9007199254740991LL},
        [K_QUANTITY] = {"quantity", valid_text, 1, 24}, /* of a service, at its tariff */
        [K_DONE] = {"done", valid_token, 1, 16},        /* "promised": a promise given */
        [K_KIND] = {"kind", valid_token, 1, 8},         /* /usage: call, session; none: both */
};

/* ---------------------------------------------------------------- the program */

static const struct page pages[] = {
        {"/services", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "overview", overview},
        {"/services/promise", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_PAY), "overview",
         promise_post},
        {"/events", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "events", events_page},
        {"/usage", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "usage", usage_page},
        {"/services/statement", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "statement",
         statement},
        {"/services/reconciliation", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "reconciliation",
         reconciliation},
        {"/services/rendered", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "rendered", rendered},
        {"/documents", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "documents", documents},
        {"/documents/invoice", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "invoice",
         invoice_view},
        {"/documents/invoices", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_PAY), "documents",
         invoice_new},
};

static const struct section section = {
        .name = "services",
        .pages = pages,
        .npages = sizeof(pages) / sizeof(pages[0]),
        .fields = fields,
        .nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
