/* db/connection.h: internet connections and their promised payments (sql/054). */
#ifndef DB_CONNECTION_H
#define DB_CONNECTION_H

#include <stdint.h>

#include "core/attrs.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/perr.h"

struct arena;

struct connection {
	uint64_t service_id;
	const char *service;           /* in the page's language */
	const char *plan, *login, *ip; /* ip may be NULL */
	long long speed_kbps;
	money_t monthly_fee;
	const char *state; /* active, suspended: as the billing system last said */
	/* The latest promise: UTC "YYYY-MM-DDTHH:MM:SSZ", NULL if none; running if not ended. */
	const char *promised_at, *promised_until;
	long long promise_running; /* 1 or 0, as the statement reads it */
	/* The organization's rule and zone. */
	long long promise_days;
	money_t promise_limit;
	const char *time_zone;
};

/* The account's connections, by service. */
enum perr db_connections_of(struct arena *, uint64_t account, enum lang,
                            enum perr (*each)(void *, const struct connection *),
                            void *) PORTAL_WUR;
/* In a transaction: the connection locked, then read whole (PERR_NOT_FOUND: none). */
enum perr db_connection_lock(struct arena *, uint64_t account, uint64_t service, enum lang,
                             struct connection *) PORTAL_WUR;
/* What the account owes now: its latest month's closing balances. */
enum perr db_account_debt(uint64_t account, money_t *) PORTAL_WUR;
/* A promise of `days` from now, and the line shown enabled. */
enum perr db_promise_add(uint64_t account, uint64_t service, uint64_t subscriber, unsigned days,
                         money_t debt) PORTAL_WUR;
/* Lines whose promise has ended shown suspended again; lines says how many. */
enum perr db_promises_end(unsigned long long *lines) PORTAL_WUR;

#endif
