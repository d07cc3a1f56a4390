/* net/provider.h: the payment provider. */
#ifndef NET_PROVIDER_H
#define NET_PROVIDER_H

#include <stddef.h>
#include <stdint.h>

#include "billing/fiscal.h"
#include "core/attrs.h"
#include "core/money.h"
#include "core/perr.h"

/*
 * The acquirer behind "Pay": it shows the card form, takes the money and
 * tells us.  The portal never sees a card number.  A provider is a table of
 * calls; lib/yookassa.c speaks YooKassa's API v3.  Every call is made outside
 * any database transaction.
 */
#define PAY_ID_MAX 64
#define PAY_MAX_ACCOUNTS 20 /* accounts one payment may pay for */

/* What we ask the provider to take. */
struct pay_order {
	const char *key; /* Idempotence-Key: the same key never takes money twice */
	money_t amount;
	const struct currency *cur;
	const char *description; /* shown to the payer; at most 128 characters */
	const char *return_url;  /* where the payer comes back to; NULL with method_id */
	const char *method_id;   /* autopay: charge this saved method, no payer present */
	int save_method;         /* ask the provider to keep the method for autopay */
	uint64_t ref;            /* our online payment id, carried in the metadata */
};

enum pay_status { PAY_PENDING = 1, PAY_SUCCEEDED, PAY_CANCELED };

/* A payment as the provider reports it. */
struct pay_state {
	char id[PAY_ID_MAX + 1];
	enum pay_status status;
	money_t amount;
	char currency[4];
	char confirmation_url[1001]; /* the provider's card page, while pending */
	char method_id[PAY_ID_MAX + 1];
	char method_title[101]; /* masked: "Bank card *4444" */
	int method_saved;
	char cancel_reason[65];
	uint64_t ref; /* from the metadata; 0 if absent */
};

/* A refund we ask for: part or all of a succeeded payment. */
struct refund_order {
	const char *key;        /* Idempotence-Key: the same key never refunds twice */
	const char *payment_id; /* the provider's payment */
	money_t amount;
	const struct currency *cur;
	const char *description;
};

/* A refund as the provider reports it. */
struct refund_state {
	char id[PAY_ID_MAX + 1];
	char payment_id[PAY_ID_MAX + 1];
	enum pay_status status; /* PAY_PENDING, PAY_SUCCEEDED or PAY_CANCELED */
	money_t amount;
	char currency[4];
};

struct provider {
	const char *name;     /* as stored with each payment */
	const char *title;    /* who took the money, as the history shows it */
	const char *currency; /* the one currency it takes, ISO 4217 */
	/* Create a payment.  PERR_UPSTREAM when the provider cannot be reached or refuses. */
	enum perr (*create)(const struct pay_order *, struct pay_state *);
	/* The payment as the provider has it now. */
	enum perr (*get)(const char *id, struct pay_state *);
	/* Refund: PERR_UPSTREAM when the provider cannot be reached, PERR_BAD_INPUT when it
	 * refuses (more than is left to refund, say). */
	enum perr (*refund)(const struct refund_order *, struct refund_state *);
	enum perr (*refund_get)(const char *id, struct refund_state *);
	/* The payment id a notification names; -1 if the body is not a payment notification. */
	int (*notice)(const char *body, size_t len, char id[PAY_ID_MAX + 1]);
	/* The payment's fiscal receipt: PERR_NOT_FOUND while none is registered (yet). */
	enum perr (*receipt)(const char *payment_id, struct fiscal_receipt *);
};

/* The configured provider ([payments] provider); NULL if none is configured. */
const struct provider *provider_get(void);
/* YooKassa's payment object (a create or get answer, or a notification's object). */
int yookassa_parse_payment(const char *json, size_t len, struct pay_state *) PORTAL_WUR;
/* YooKassa's refund object. */
int yookassa_parse_refund(const char *json, size_t len, struct refund_state *) PORTAL_WUR;
int yookassa_parse_notice(const char *json, size_t len, char id[PAY_ID_MAX + 1]) PORTAL_WUR;
/* A list of receipts (GET /receipts?payment_id=): 0 and the payment's registered receipt,
 * 1 if none is registered yet, -1 if the answer is malformed. */
int yookassa_parse_receipts(const char *json, size_t len, struct fiscal_receipt *) PORTAL_WUR;
/* "1234.50" (the API's form of an amount) -> 123450; -1 unless exactly that form. */
int yookassa_parse_amount(const char *, money_t *) PORTAL_WUR;

#endif
