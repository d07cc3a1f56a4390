/*
 * payments.c: payment history, paying online, and autopay.
 *
 *   GET  /payments            history of the current account (?all=1: every account), by period
 *   GET  /payments/pay        the form: an amount per linked account, the current one's due filled
 *   POST /payments/pay        action=preview: how each amount is split; action=back: edit it;
 *                             action=pay: record the payment, create it at the provider, 303 there
 *   POST /payments/invoice    an invoice's amount, paid online
 *   GET  /payments/result     ?id=: where the provider sends the payer back; asks the provider
 *   POST /payments/webhook    the provider's notification: re-read the payment, settle it
 *   GET  /payments/autopay    the subscriber's autopays
 *   POST /payments/autopay    action=enable (after a payment that saved the card) or disable
 *
 * The card form is the provider's; nothing here ever sees a card number.  Amounts are named per
 * account (a12 for account 12) and read with the same validators as the field table.  The preview
 * shows how each amount is split over the account's services (Rules 354, p. 118) with a field per
 * service (s12-3: account 12, service 3): the payer may share the amount otherwise, and a split
 * other than the rule's is kept with the payment.  Money moves only in app/settle.c.
 *
 * This file holds the form's fields and the routes; each page is a file of its own in
 * payments/ (payments/payments.h lists their handlers).
 */
#include "core/crypto.h"
#include "core/valid.h"
#include "web/req.h"
#include "web/serve.h"
#include "payments/payments.h"

static const struct field fields[K__MAX] = {
        [K_FROM] = {"from", valid_month, 7, 7},
        [K_TO] = {"to", valid_month, 7, 7},
        [K_ALL] = {"all", valid_int, 1, 1},
        [K_ACCOUNT] = {"account", valid_int, 1, 4294967295LL},
        [K_ACTION] = {"action", valid_text, 2, 8},
        [K_KEY] = {"key", valid_token, TOKEN_CHARS, TOKEN_CHARS},
        [K_SAVE] = {"save", valid_int, 1, 1},
        [K_ID] = {"id", valid_int, 1, 9007199254740991LL},
        [K_DAY] = {"day", valid_int, 1, 28},
        [K_MAX] = {"max", valid_text, 1, 24},
        [K_DONE] = {"done", valid_int, 1, 1},
        [K_FORMAT] = {"format", valid_token, 1, 8}, /* csv, xlsx: the history as a table */
        /* The history's filters and order: a service of the split, a channel, an order. */
        [K_SERVICE] = {"service", valid_int, 1, 4294967295LL},
        [K_CHANNEL] = {"channel", valid_token, 1, 16},
        [K_SORT] = {"sort", valid_token, 1, 16},
};

/* ---------------------------------------------------------------- the program */

static const struct page pages[] = {
        {"/payments", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "history", history},
        {"/payments/pay", M_GET | M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_PAY), "pay", pay_page},
        {"/payments/invoice", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_PAY), "invoice", invoice_pay},
        {"/payments/result", M_GET, PAGE_SESSION, "result", result},
        {"/payments/webhook", M_POST, PAGE_PUBLIC | PAGE_HOOK, "webhook", webhook},
        {"/payments/autopay", M_GET | M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHTS_FULL), "autopay",
         autopay_page},
};

static const struct section section = {
        .name = "payments",
        .pages = pages,
        .npages = sizeof(pages) / sizeof(pages[0]),
        .fields = fields,
        .nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
