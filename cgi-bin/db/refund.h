/* db/refund.h: refunds of online payments, and the payments staff look up. */
#ifndef DB_REFUND_H
#define DB_REFUND_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/money.h"
#include "core/perr.h"

/* ---------------------------------------------------------------- refunds */

/*
 * Inside a transaction: lock online payment online and say what it was paid
 * (amount, status) and how much of it refunds hold already (every refund not
 * canceled, asked for or done).
 */
enum perr db_refund_lock_payment(struct arena *, uint64_t online, money_t *amount,
				 const char **status, money_t *held) PORTAL_WUR;
/* The refund made under key, if any (a form sent twice): PERR_NOT_FOUND if none. */
enum perr db_refund_by_key(struct arena *, const char *key, uint64_t *id) PORTAL_WUR;
enum perr db_refund_insert(uint64_t online, const char *key, money_t amount, const char *reason,
			   uint64_t staff, uint64_t *id) PORTAL_WUR;

struct refund {
	uint64_t id, online_id, subscriber_id;
	const char *key, *status, *provider_id; /* provider_id NULL until the provider has it */
	money_t amount;
	const char *payment_provider_id, *currency, *kind, *created_at, *reason;
	const char *staff_login;
};
/* A refund; with lock, locked for deciding (inside a transaction). */
enum perr db_refund_get(struct arena *, uint64_t id, int lock, struct refund *) PORTAL_WUR;
/* The refunds of an online payment, oldest first. */
enum perr db_refunds_of(struct arena *, uint64_t online,
			enum perr (*each)(void *, const struct refund *), void *) PORTAL_WUR;
enum perr db_refund_set(uint64_t id, const char *status, const char *provider_id) PORTAL_WUR;
/* The negative payments row a refund writes for one account; its id. */
enum perr db_refund_payment(uint64_t account, money_t amount, const char *channel,
			    uint64_t refund, uint64_t *payment_id) PORTAL_WUR;

struct payment_line {
	uint64_t service;
	money_t amount;
};
/* How a payment was spread over services. */
enum perr db_payment_lines_of(struct arena *, uint64_t payment,
			      enum perr (*each)(void *, const struct payment_line *),
			      void *) PORTAL_WUR;

/* ---------------------------------------------------------------- lookup */

enum payment_by { PAY_BY_ID, PAY_BY_PROVIDER, PAY_BY_ACCOUNT, PAY_BY_DAY };

/* An online payment as staff see it, with what refunds hold of it. */
struct payment_found {
	uint64_t id;
	const char *provider_id, *status, *kind, *currency, *created_at, *login, *accounts;
	money_t amount, refunded;
	unsigned org;
};
/*
 * Online payments paying for an account of staff's organizations: by our
 * id, the provider's id, an account number, or a day ("YYYY-MM-DD", UTC);
 * newest first, up to limit.
 */
enum perr db_payments_find(struct arena *, uint64_t staff, enum payment_by, const char *q,
			   unsigned limit, enum perr (*each)(void *, const struct payment_found *),
			   void *) PORTAL_WUR;

#endif
