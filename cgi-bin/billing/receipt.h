/* billing/receipt.h: the monthly receipt as values. */
#ifndef BILLING_RECEIPT_H
#define BILLING_RECEIPT_H

#include <stddef.h>
#include <stdint.h>

#include "billing/account.h"
#include "billing/payqr.h"
#include "billing/split.h"
#include "core/money.h"
#include "core/month.h"

#define RECEIPT_MAX_CORRECTIONS 32
#define RECEIPT_MAX_READINGS 48 /* meters x registers shown on the back */
#define RECEIPT_MAX_VOLUMES 96  /* zone x tier lines under the services, all told */
#define RECEIPT_MAX_PAYEES 8    /* the organization and the suppliers paid directly */

/* One service's line of the calculation. */
struct receipt_line {
	uint64_t service_id;
	const char *service, *supplier, *unit; /* NULL on the totals line */
	money_t tariff;     /* a price: PRICE_PER_MINOR-ths of a minor unit (core/money.h) */
	long long quantity; /* thousandths of the unit */
	money_t opening, accrued, corrections, paid, closing;
	money_t penalties;  /* пени: part of corrections, shown apart */
	money_t paid_since; /* paid to this service in the months after */
	money_t to_pay;     /* what the line asks: its closing if a debt, else 0 */
	uint64_t payee;     /* the supplier paid directly (sql/046); 0: the organization */
};

/*
 * Whom a receipt's money goes to: the organization, or a supplier with its
 * own bank account.  Each has its section, its sums and its QR code.
 */
struct receipt_payee {
	uint64_t id;             /* the supplier; 0: the organization */
	struct organization org; /* name and bank details; the organization's currency */
	money_t to_pay, paid_since, remaining; /* over its own lines */
	const char *qr;          /* its GOST R 56042 payload, or NULL */
};

/* A line's volume in one zone and tier, at one price (sql/045). */
struct receipt_volume {
	uint64_t service_id;
	unsigned zone, tier; /* from 1; 0: not by zone (tier) */
	money_t tariff;      /* a price, as receipt_line's */
	long long quantity;  /* thousandths of the unit */
	money_t amount;
};

struct receipt_correction {
	const char *service;
	money_t amount;
	const char *reason;
	long long penalty; /* 1: a penalty (пени), not a recalculation */
};

/* A meter register's readings used for the month. */
struct receipt_reading {
	const char *meter, *kind;
	unsigned zone, zones, digits, decimals;
	long long prev, curr; /* 10^-decimals of the unit; -1: none */
	const char *prev_on, *curr_on; /* YYYY-MM-DD or NULL */
	long long used; /* consumption, same units; -1 when it cannot be told */
};

/*
 * paid: what the receipt asked for has been paid since (payments after the
 * month cover its closing balance, oldest debt first); partly: some of it.
 * A receipt that asks for nothing is paid.
 */
enum receipt_status { RECEIPT_UNPAID, RECEIPT_PARTLY, RECEIPT_PAID };

const char *receipt_status_name(enum receipt_status);
enum receipt_status receipt_status_of(money_t to_pay, money_t paid_since);

/* An account's receipt for a month: the payment document. */
struct receipt {
	struct account acc; /* with its organization, the payee */
	month_t month;
	const char *due_on, *issued_on; /* YYYY-MM-DD */
	unsigned version, latest;       /* this version of the receipt, and the newest */
	const char *reason;             /* why this version was issued; NULL for the first */
	const char *replaced_on;        /* YYYY-MM-DD if a later version replaced it */
	int by_email; /* this subscriber takes the account's receipts by e-mail */
	size_t n;
	struct receipt_line line[SPLIT_MAX_SERVICES];
	struct receipt_line total; /* the lines summed */
	money_t to_pay;     /* the lines' debts summed: an advance on one never lowers another */
	money_t paid_since; /* how much of to_pay the months after paid, service by service */
	money_t remaining;  /* to_pay - paid_since: what the QR code asks for */
	enum receipt_status status;
	size_t nvol;
	struct receipt_volume vol[RECEIPT_MAX_VOLUMES];
	size_t npayee; /* one per payee of a line: the organization first if it is one */
	struct receipt_payee payee[RECEIPT_MAX_PAYEES];
	size_t ncorr;
	struct receipt_correction corr[RECEIPT_MAX_CORRECTIONS];
	size_t nread;
	struct receipt_reading read[RECEIPT_MAX_READINGS];
	const char *qr; /* the GOST R 56042 payload; NULL for a payee outside it (not roubles) */
};

/*
 * Settle the receipt's sums from its lines: each line asks for its own debt
 * (an advance stays with its service), what was paid to a service later
 * covers that service's ask only, and the status and the remainder follow;
 * each payee's sums are those of its own lines.
 */
void receipt_settle(struct receipt *);

/* One line of the receipts list. */
struct receipt_item {
	month_t month;
	unsigned version; /* 1 unless issued again */
	const char *due_on;
	money_t to_pay, paid_since;
	enum receipt_status status;
};

/* The payee's part of a QR code: q emptied, then the five fields the standard
 * requires (the name is the short one if it is set), and no sum. */
void payee_qr(const struct organization *, struct payqr *q);

/*
 * What is wrong with a payee's bank details, as an error code ("bic",
 * "bank-account", "corr-account", "inn", "kpp", "name", "bank-name", and
 * "qr-name": the payee's part of the QR code is over GOST R 56042's 300
 * bytes, so a shorter name for the QR is needed); NULL if nothing.  Rouble payees are checked by the Bank of Russia's rules (the
 * control keys), a Treasury payee by the Treasury's forms; tenge payees as
 * Kazakh details (IBAN, BIN, BIC); others only for presence.
 */
const char *payee_check(const struct organization *);

#endif
