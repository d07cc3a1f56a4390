/* db/connection.c: see connection.h. */
#include <string.h>

#include "core/arena.h"
#include "db/connection.h"
#include "db/db.h"

/* The latest promise of the line, by its index backwards. */
#define LATEST_PROMISE                                                                             \
	"LEFT JOIN promises p ON p.id = (SELECT q.id FROM promises q WHERE q.account_id = "        \
	"c.account_id AND q.service_id = c.service_id ORDER BY q.requested_at DESC LIMIT 1) "
#define CONNECTION_COLUMNS                                                                         \
	"SELECT c.service_id, IF(? = 'en', sv.name_en, sv.name_ru), c.plan_name, c.speed_kbps, "   \
	"c.monthly_fee, c.login, c.ip_address, c.state, "                                          \
	"DATE_FORMAT(p.requested_at, '%Y-%m-%dT%H:%i:%sZ'), "                                      \
	"DATE_FORMAT(p.until, '%Y-%m-%dT%H:%i:%sZ'), COALESCE(p.until > UTC_TIMESTAMP(6), 0), "    \
	"o.promise_days, o.promise_limit, o.time_zone "                                            \
	"FROM connections c JOIN services sv ON sv.id = c.service_id "                             \
	"JOIN accounts a ON a.id = c.account_id JOIN organizations o ON o.id = "                   \
	"a.organization_id " LATEST_PROMISE

static struct db_stmt of_account = {"connection.of_account",
                                    CONNECTION_COLUMNS "WHERE c.account_id = ? "
                                                       "ORDER BY c.service_id",
                                    NULL, 0, NULL};

static struct db_stmt one = {"connection.one",
                             CONNECTION_COLUMNS "WHERE c.account_id = ? AND c.service_id = ?", NULL,
                             0, NULL};

/* Two requests of one line wait here for each other: once a month means once. */
static struct db_stmt lock = {"connection.lock",
                              "SELECT state FROM connections WHERE account_id = ? "
                              "AND service_id = ? FOR UPDATE",
                              NULL, 0, NULL};

static struct db_stmt debt = {
        "connection.debt",
        "SELECT COALESCE(SUM(l.closing), 0) FROM account_summaries s JOIN ledger l "
        "ON l.account_id = s.account_id AND l.period = s.latest_period WHERE s.account_id = ?",
        NULL, 0, NULL};

static struct db_stmt promise_add = {
        "connection.promise_add",
        "INSERT INTO promises (account_id, service_id, subscriber_id, requested_at, until, debt) "
        "VALUES (?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL ? DAY, ?)",
        NULL, 0, NULL};

/* The line marked with the promise it is enabled on. */
static struct db_stmt enable = {"connection.enable",
                                "UPDATE connections SET state = 'active', promise_id = ?, "
                                "updated_at = NOW(6) "
                                "WHERE account_id = ? AND service_id = ?",
                                NULL, 0, NULL};

/*
 * Lines still enabled on a promise that has ended: suspended again, as they
 * were.  Along ix_connections_promise, the few marked lines only; a line the
 * billing system has spoken of since has no mark.
 */
static struct db_stmt end_promises = {
        "connection.end_promises",
        "UPDATE connections c STRAIGHT_JOIN promises p ON p.id = c.promise_id "
        "SET c.state = 'suspended', c.promise_id = NULL, c.updated_at = NOW(6) "
        "WHERE c.promise_id IS NOT NULL AND p.until <= UTC_TIMESTAMP(6)",
        NULL, 0, NULL};

#define CONNECTION_BIND(c)                                                                         \
	{                                                                                          \
		DBC_U64(&(c).service_id), DBC_STR(&(c).service), DBC_STR(&(c).plan),               \
		        DBC_INT(&(c).speed_kbps), DBC_INT(&(c).monthly_fee), DBC_STR(&(c).login),  \
		        DBC_STR(&(c).ip), DBC_STR(&(c).state), DBC_STR(&(c).promised_at),          \
		        DBC_STR(&(c).promised_until), DBC_INT(&(c).promise_running),               \
		        DBC_INT(&(c).promise_days), DBC_INT(&(c).promise_limit),                   \
		        DBC_STR(&(c).time_zone)                                                    \
	}

struct conn_iter {
	struct connection c;
	enum perr (*each)(void *, const struct connection *);
	void *ctx;
};

static enum perr conn_row(void *p)
{
	struct conn_iter *it = p;

	return it->each(it->ctx, &it->c);
}

enum perr db_connections_of(struct arena *ar, uint64_t account, enum lang lang,
                            enum perr (*each)(void *, const struct connection *), void *ctx)
{
	struct conn_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = CONNECTION_BIND(it.c);

	return db_rows(ar, &of_account,
	               (struct db_arg[]){DBA_STR(lang_code(lang)), DBA_U64(account)}, 2, c,
	               sizeof(c) / sizeof(c[0]), conn_row, &it);
}

enum perr db_connection_lock(struct arena *ar, uint64_t account, uint64_t service, enum lang lang,
                             struct connection *out)
{
	struct db_arg key[] = {DBA_U64(account), DBA_U64(service)};
	const char *state = NULL;
	struct db_col s[] = {DBC_STR(&state)};
	struct db_col c[] = CONNECTION_BIND(*out);
	enum perr e;

	memset(out, 0, sizeof(*out));
	if ((e = db_row(ar, &lock, key, 2, s, 1)) != PERR_OK)
		return e;
	return db_row(
	        ar, &one,
	        (struct db_arg[]){DBA_STR(lang_code(lang)), DBA_U64(account), DBA_U64(service)}, 3,
	        c, sizeof(c) / sizeof(c[0]));
}

enum perr db_account_debt(uint64_t account, money_t *out)
{
	long long v = 0;
	struct db_col c[] = {DBC_INT(&v)};
	enum perr e = db_row(NULL, &debt, (struct db_arg[]){DBA_U64(account)}, 1, c, 1);

	*out = v;
	return e;
}

enum perr db_promise_add(uint64_t account, uint64_t service, uint64_t subscriber, unsigned days,
                         money_t debt_now)
{
	struct db_arg a[] = {DBA_U64(account), DBA_U64(service), DBA_U64(subscriber), DBA_INT(days),
	                     DBA_INT(debt_now)};
	unsigned long long id = 0;
	enum perr e = db_exec(&promise_add, a, 5, NULL, &id);

	return e != PERR_OK
	               ? e
	               : db_exec(&enable,
	                         (struct db_arg[]){DBA_U64(id), DBA_U64(account), DBA_U64(service)},
	                         3, NULL, NULL);
}

enum perr db_promises_end(unsigned long long *lines)
{
	return db_exec(&end_promises, NULL, 0, lines, NULL);
}
