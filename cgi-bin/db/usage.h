/* db/usage.h: calls and connection sessions of an account's lines (sql/056). */
#ifndef DB_USAGE_H
#define DB_USAGE_H

#include <stdint.h>

#include "core/attrs.h"
#include "core/lang.h"
#include "core/perr.h"

struct arena;

struct usage_record {
	uint64_t service_id;
	const char *service;           /* in the page's language */
	const char *kind;              /* call, session */
	const char *started, *ended;   /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
	long long seconds;             /* ended - started */
	const char *number;            /* a call's other party; may be NULL */
	long long bytes_in, bytes_out; /* -1: not sent */
	long long cost;                /* minor units; -1: within the plan */
};

/* What a period's records come to: with no record, all zero. */
struct usage_totals {
	long long count, seconds, bytes_in, bytes_out, cost;
};

/* The kinds the account has any record of ("call", "session"), each once. */
enum perr db_usage_kinds(struct arena *, uint64_t account,
                         enum perr (*each)(void *, const char *kind), void *) PORTAL_WUR;
/* Records started from `from` up to `to` (UTC "YYYY-MM-DD HH:MM:SS"), newest
 * first, at most limit; kind NULL: of every kind. */
enum perr db_usage_records(struct arena *, uint64_t account, const char *kind, const char *from,
                           const char *to, unsigned limit, enum lang,
                           enum perr (*each)(void *, const struct usage_record *),
                           void *) PORTAL_WUR;
/* The same period's totals, of every record (not only the ones a page shows). */
enum perr db_usage_totals(struct arena *, uint64_t account, const char *kind, const char *from,
                          const char *to, struct usage_totals *) PORTAL_WUR;

#endif
