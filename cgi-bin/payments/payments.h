/* payments/payments.h: what the payments section's pages share: the form fields'
 * keys and each page's handler, for the route table in payments.c. */
#ifndef PAYMENTS_PAYMENTS_H
#define PAYMENTS_PAYMENTS_H

#include <libxml/tree.h>

#include "db/online.h"
#include "web/req.h"

enum key {
	K_FROM,
	K_TO,
	K_ALL,
	K_ACCOUNT,
	K_ACTION,
	K_KEY,
	K_SAVE,
	K_ID,
	K_DAY,
	K_MAX,
	K_DONE,
	K_FORMAT,
	K_SERVICE,
	K_CHANNEL,
	K_SORT,
	K__MAX
};

/* A list being filled from a database callback. */
struct under {
	struct req *r;
	xmlNodePtr parent;
};

/* the history (payments/history.c) */
int history(struct req *r);

/* the form to pay (payments/pay.c) */
int pay_page(struct req *r);
/* A field refused with code: 1, or -1 if the page could not say so. */
int field_error(struct req *r, const char *field, const char *code);
/* Send the payer to the provider's page for an online payment we hold. */
int to_provider(struct req *r, const struct online_payment *op, const char *description);

/* an invoice paid online (payments/invoices.c) */
int invoice_pay(struct req *r);

/* where the provider sends the payer back (payments/result.c) */
int result(struct req *r);

/* the provider's notification (payments/webhook.c) */
int webhook(struct req *r);

/* autopay (payments/autopay.c) */
int autopay_page(struct req *r);

#endif
