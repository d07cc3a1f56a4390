/* db/account.h: accounts. */
#ifndef DB_ACCOUNT_H
#define DB_ACCOUNT_H

#include <stdint.h>

#include "billing/account.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"

/*
 * Billing.  Every function that takes a subscriber id returns only what that
 * subscriber holds, or was shared with the rights the function needs
 * (billing/access.h): access control lives in the SQL, and an id that is not
 * theirs is PERR_NOT_FOUND, the same as one that does not exist.  Functions
 * that take an account id alone expect the session's current account, which
 * the session lookup has checked, and a page that declared the right it
 * needs on it (PAGE_NEEDS).
 */

#define SUMMARY_MONTHS   12
#define SUMMARY_PAYMENTS 3

/*
 * What sql/048 keeps of an account for the dashboard, in the transaction of
 * every change to its ledger and payments.
 */
struct account_summary {
	month_t latest;  /* the latest month billed; 0: never billed, the months empty */
	unsigned billed; /* bit k: month latest - k has ledger rows */
	money_t charged[SUMMARY_MONTHS], paid[SUMMARY_MONTHS]; /* [k]: month latest - k */
	struct {
		uint64_t id;         /* 0: the account has fewer payments */
		const char *paid_at; /* UTC, YYYY-MM-DD HH:MM:SS */
		money_t amount;
		const char *channel; /* a catalog key */
	} pay[SUMMARY_PAYMENTS]; /* its newest succeeded payments, newest first */
};

struct account_service {
	struct account acc;      /* id, number, payer, address, org.name, org.cur */
	const struct account_summary *summary; /* db_dashboard_services() only, else NULL */
	uint64_t service_id;     /* 0: the account has no history yet */
	const char *service;     /* name in the page's language */
	const char *supplier;
	const char *unit;        /* catalog key: kWh, m3, Gcal */
	money_t tariff;          /* a price (core/money.h) */
	money_t closing;         /* closing > 0: the subscriber owes */
	month_t month;
};

/* Each account they may view: its latest month, a row per service, by account, then service. */
enum perr db_linked_services(struct arena *, uint64_t subscriber, enum lang,
                             enum perr (*each)(void *, const struct account_service *),
                             void *) PORTAL_WUR;
/* The same rows, each with its account's summary: the dashboard's one statement. */
enum perr db_dashboard_services(struct arena *, uint64_t subscriber, enum lang,
                                enum perr (*each)(void *, const struct account_service *),
                                void *) PORTAL_WUR;
/* A linked account as the payment form shows it. */
struct payable {
	uint64_t id;
	const char *number, *address, *org;
	const struct currency *cur;
	int pay_online; /* its organization takes payments through the portal */
	int billed;     /* it has a ledger */
	money_t due;     /* the latest month's debts, per service: an advance never lowers it */
	money_t advance; /* the latest month's advances */
};

/* Every account they may pay, with what it owes and holds in advance, by id. */
enum perr db_payable_accounts(struct arena *, uint64_t subscriber,
                              enum perr (*each)(void *, const struct payable *), void *) PORTAL_WUR;
/* One account with its organization, if the subscriber has every one of rights
 * on it (0: any access). */
enum perr db_account_get(struct arena *, uint64_t subscriber, uint64_t account, unsigned rights,
                         struct account *) PORTAL_WUR;
/*
 * The account numbered number at organization org, if its most recent
 * payment was made in month for exactly amount.  *linked says whether the
 * subscriber has it already.  PERR_NOT_FOUND for any mismatch.
 */
enum perr db_account_verify(struct arena *, uint64_t subscriber, uint64_t org, const char *number,
			    month_t month, money_t amount, uint64_t *account, int *linked) PORTAL_WUR;
enum perr db_account_link(uint64_t subscriber, uint64_t account) PORTAL_WUR;
/* <organizations> under parent, every one with its id and phones, @selected on want;
 * *chosen (and *found = 1) is that one if there is one. */

enum perr db_account_by_number(struct arena *, uint64_t org, const char *number,
			       struct account *) PORTAL_WUR;
/* Unlinks the account and ends its autopay, in one transaction of its own;
 * PERR_NOT_FOUND if the account was not linked. */
enum perr db_account_unlink(uint64_t subscriber, uint64_t account) PORTAL_WUR;
enum perr db_subscriber_set_current(uint64_t subscriber, uint64_t account) PORTAL_WUR;
/* Record one link check (web/signin_limit counts them). */
enum perr db_link_record(uint64_t subscriber, int ok) PORTAL_WUR;

/* The services of the current account in its latest month, by service. */
enum perr db_account_services(struct arena *, uint64_t account, enum lang,
                              enum perr (*each)(void *, const struct account_service *),
                              void *) PORTAL_WUR;
/* One service of the current account (service, supplier, unit); NOT_FOUND if it has none. */
enum perr db_account_service(struct arena *, uint64_t account, uint64_t service, enum lang,
			     struct account_service *) PORTAL_WUR;

/* Which optional parts an account has: internet lines, guarded objects, calls, sessions. */
struct account_extras {
	long long connections, objects, calls, sessions;
};

enum perr db_account_extras(struct arena *, uint64_t account, struct account_extras *) PORTAL_WUR;

#endif
