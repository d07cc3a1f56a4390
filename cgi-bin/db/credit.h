/* db/credit.h: the ledger as crediting sees it. */
#ifndef DB_CREDIT_H
#define DB_CREDIT_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"

/* A ledger row as crediting sees it. */
struct credit_row {
	uint64_t service;
	month_t month;
	money_t tariff;
	money_t charge; /* accrued + corrections */
	money_t closing;
};

/* The time zone of the account's organization (a tz database name). */
enum perr db_credit_zone(struct arena *, uint64_t account, const char **tz) PORTAL_WUR;
/* The account's ledger rows from month from on, newest month first. */
enum perr db_credit_rows(struct arena *, uint64_t account, month_t from,
                         enum perr (*each)(void *, const struct credit_row *), void *) PORTAL_WUR;
/*
 * shares: a JSON array [{"s":service,"a":amount},...] of n services.  Credit
 * them in month (each row must exist: PERR_NOT_FOUND otherwise); or open month
 * from month from's rows (opening = its closing, nothing accrued, the share
 * paid); and record the payment's lines (shares that are not zero).
 */
enum perr db_ledger_credit(uint64_t account, month_t, const char *shares, size_t n) PORTAL_WUR;
enum perr db_ledger_open_month(uint64_t account, month_t from, month_t, const char *shares,
			       size_t n) PORTAL_WUR;
enum perr db_payment_lines(uint64_t payment, month_t, const char *shares) PORTAL_WUR;

#endif
