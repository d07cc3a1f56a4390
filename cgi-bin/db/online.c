/*
 * db/online.c: payments made through the provider.  An online_payments row
 * is one trip to the provider; its payments rows (one per account paid for)
 * are what the history shows.  State changes are guarded in the WHERE
 * clause, so a payment leaves created or pending once.
 */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/online.h"

static struct db_stmt insert = {
        "online.insert",
        "INSERT INTO online_payments (subscriber_id, idem_key, kind, provider, status, amount, "
        "currency, save_method, lang, created_at) VALUES (?, ?, ?, ?, 'created', ?, ?, ?, ?, "
        "NOW(6))",
        NULL, 0, NULL};

static struct db_stmt insert_item = {
        "online.insert_item",
        "INSERT INTO payments (account_id, paid_at, amount, channel, bank, status, online_id) "
        "VALUES (?, NOW(), ?, ?, ?, 'pending', ?)",
        NULL, 0, NULL};

static struct db_stmt choose = {
        "online.choose",
        "INSERT INTO payment_choices (payment_id, service_id, amount) VALUES (?, ?, ?)", NULL, 0,
        NULL};

static struct db_stmt choices = {
        "online.choices",
        "SELECT service_id, amount FROM payment_choices WHERE payment_id = ? ORDER BY service_id",
        NULL, 0, NULL};

#define ONLINE_COLS                                                                                \
	"id, subscriber_id, kind, provider, provider_id, status, amount, currency, save_method, "  \
	"confirmation_url, method_id IS NOT NULL, method_title, cancel_reason, lang "

static struct db_stmt by_key = {"online.by_key",
                                "SELECT " ONLINE_COLS
                                "FROM online_payments WHERE subscriber_id = ? AND idem_key = ?",
                                NULL, 0, NULL};

static struct db_stmt get_own = {"online.get",
                                 "SELECT " ONLINE_COLS
                                 "FROM online_payments WHERE id = ? AND subscriber_id = ?",
                                 NULL, 0, NULL};

/*
 * The payment, the accounts it pays for and their payments rows, all locked
 * for the rest of the transaction in one statement: every settler of this
 * payment waits here, and every credit to one of these accounts too (the
 * account row is the lock crediting an account takes, see db/credit.c).
 */
static struct db_stmt lock_items = {
        "online.lock_items",
        "SELECT o.id, o.subscriber_id, o.kind, o.provider, o.provider_id, o.status, o.amount, "
        "o.currency, o.save_method, o.confirmation_url, o.method_id IS NOT NULL, o.method_title, "
        "o.cancel_reason, o.lang, pm.id, pm.account_id, pm.amount, a.number "
        "FROM online_payments o LEFT JOIN payments pm ON pm.online_id = o.id "
        "LEFT JOIN accounts a ON a.id = pm.account_id WHERE o.id = ? ORDER BY pm.account_id "
        "FOR UPDATE",
        NULL, 0, NULL};

static struct db_stmt by_provider = {
        "online.by_provider",
        "SELECT id FROM online_payments WHERE provider = ? AND provider_id = ?", NULL, 0, NULL};

static struct db_stmt set_pending = {
        "online.set_pending",
        "UPDATE online_payments SET provider_id = ?, confirmation_url = ?, status = 'pending' "
        "WHERE id = ? AND status = 'created'",
        NULL, 0, NULL};

/* The payment and its payments rows leave pending together, once. */
static struct db_stmt succeed = {
        "online.succeed",
        "UPDATE online_payments o LEFT JOIN payments p ON p.online_id = o.id AND p.status = "
        "'pending' "
        "SET o.status = 'succeeded', o.settled_at = NOW(6), o.method_id = ?, o.method_title = ?, "
        "o.confirmation_url = NULL, p.status = 'succeeded', p.paid_at = NOW() "
        "WHERE o.id = ? AND o.status IN ('created', 'pending')",
        NULL, 0, NULL};

static struct db_stmt cancel = {
        "online.cancel",
        "UPDATE online_payments o LEFT JOIN payments p ON p.online_id = o.id AND p.status = "
        "'pending' "
        "SET o.status = 'canceled', o.settled_at = NOW(6), o.cancel_reason = ?, "
        "o.confirmation_url = NULL, p.status = 'canceled', p.paid_at = NOW() "
        "WHERE o.id = ? AND o.status IN ('created', 'pending')",
        NULL, 0, NULL};

static struct db_stmt items = {
        "online.items",
        "SELECT pm.id, pm.account_id, pm.amount, a.number FROM payments pm "
        "JOIN accounts a ON a.id = pm.account_id WHERE pm.online_id = ? ORDER BY pm.account_id",
        NULL, 0, NULL};

/* Unfinished payments after id `after`, by id: (status, created_at) is the index, and few match. */
static struct db_stmt unfinished = {
        "online.unfinished",
        "SELECT " ONLINE_COLS "FROM online_payments WHERE status IN ('created', 'pending') "
        "AND created_at < NOW(6) - INTERVAL ? MINUTE AND id > ? ORDER BY id LIMIT ?",
        NULL, 0, NULL};

static struct db_stmt method = {
        "online.method",
        "SELECT provider, method_id, method_title FROM online_payments WHERE id = ? "
        "AND subscriber_id = ? AND status = 'succeeded' AND method_id IS NOT NULL",
        NULL, 0, NULL};

static struct db_stmt forget_method = {"online.forget_method",
                                       "UPDATE online_payments SET method_id = NULL WHERE id = ?",
                                       NULL, 0, NULL};

/* A saved method nobody turned into autopay within a day is dropped. */
static struct db_stmt forget_unused = {
        "online.forget_unused",
        "UPDATE online_payments SET method_id = NULL WHERE status = 'succeeded' "
        "AND method_id IS NOT NULL AND settled_at < NOW(6) - INTERVAL 1 DAY",
        NULL, 0, NULL};

enum perr db_online_insert(uint64_t subscriber, const char *key, const char *kind,
                           const char *provider, money_t amount, const char *currency,
                           int save_method, enum lang lang, uint64_t *id)
{
	unsigned long long n = 0;
	enum perr e;

	e = db_exec(&insert,
	            (struct db_arg[]){DBA_U64(subscriber), DBA_STR(key), DBA_STR(kind),
	                              DBA_STR(provider), DBA_INT(amount), DBA_STR(currency),
	                              DBA_INT(save_method ? 1 : 0), DBA_STR(lang_code(lang))},
	            8, NULL, &n);
	*id = n;
	return e;
}

enum perr db_online_insert_item(uint64_t online, uint64_t account, money_t amount,
                                const char *channel, const char *bank, uint64_t *payment)
{
	unsigned long long id = 0;
	enum perr e = db_exec(&insert_item,
	                      (struct db_arg[]){DBA_U64(account), DBA_INT(amount), DBA_STR(channel),
	                                        DBA_STR(bank), DBA_U64(online)},
	                      5, NULL, &id);

	*payment = id;
	return e;
}

enum perr db_payment_choose(uint64_t payment, const uint64_t *service, const money_t *amount,
                            size_t n)
{
	size_t i;
	enum perr e = PERR_OK;

	for (i = 0; i < n && e == PERR_OK; i++)
		e = db_exec(&choose,
		            (struct db_arg[]){DBA_U64(payment), DBA_U64(service[i]),
		                              DBA_INT(amount[i])},
		            3, NULL, NULL);
	return e;
}

struct choice_iter {
	uint64_t service, *services;
	money_t amount, *amounts;
	size_t max, *n;
};

static enum perr choice_row(void *p)
{
	struct choice_iter *it = p;

	if (*it->n == it->max)
		return PERR_TOO_LARGE;
	it->services[*it->n] = it->service;
	it->amounts[(*it->n)++] = it->amount;
	return PERR_OK;
}

enum perr db_payment_choices(struct arena *ar, uint64_t payment, uint64_t *service, money_t *amount,
                             size_t max, size_t *n)
{
	struct choice_iter it = {.services = service, .amounts = amount, .max = max, .n = n};
	struct db_col c[] = {DBC_U64(&it.service), DBC_INT(&it.amount)};

	*n = 0;
	return db_rows(ar, &choices, (struct db_arg[]){DBA_U64(payment)}, 1, c, 2, choice_row, &it);
}

struct online_iter {
	long long save, has_method;
	const char *provider_id, *status, *currency, *lang;
	struct online_payment r;
	enum perr (*each)(void *, const struct online_payment *);
	void *ctx;
};

static enum perr online_row(void *p)
{
	struct online_iter *it = p;
	int l = it->lang ? lang_parse(it->lang, strlen(it->lang)) : -1;

	it->r.save_method = it->save != 0;
	it->r.has_method = it->has_method != 0;
	it->r.provider_id = it->provider_id ? it->provider_id : "";
	it->r.status = it->status ? it->status : "";
	it->r.cur = currency_find(it->currency ? it->currency : "");
	it->r.lang = l >= 0 ? (enum lang)l : LANG_RU;
	return it->each ? it->each(it->ctx, &it->r) : PERR_OK;
}

#define ONLINE_BIND(it)                                                                            \
	{                                                                                          \
		DBC_U64(&(it).r.id), DBC_U64(&(it).r.subscriber_id), DBC_STR(&(it).r.kind),        \
		        DBC_STR(&(it).r.provider), DBC_STR(&(it).provider_id),                     \
		        DBC_STR(&(it).status), DBC_INT(&(it).r.amount), DBC_STR(&(it).currency),   \
		        DBC_INT(&(it).save), DBC_STR(&(it).r.confirmation_url),                    \
		        DBC_INT(&(it).has_method), DBC_STR(&(it).r.method_title),                  \
		        DBC_STR(&(it).r.cancel_reason), DBC_STR(&(it).lang)                        \
	}

static enum perr one(struct arena *ar, struct db_stmt *s, const struct db_arg *a, size_t na,
                     struct online_payment *out)
{
	struct online_iter it = {0};
	struct db_col c[] = ONLINE_BIND(it);
	enum perr e = db_row(ar, s, a, na, c, sizeof(c) / sizeof(c[0]));

	if (e == PERR_OK) {
		online_row(&it);
		*out = it.r;
	}
	return e;
}

enum perr db_online_by_key(struct arena *ar, uint64_t subscriber, const char *key,
                           struct online_payment *out)
{
	return one(ar, &by_key, (struct db_arg[]){DBA_U64(subscriber), DBA_STR(key)}, 2, out);
}

enum perr db_online_get(struct arena *ar, uint64_t subscriber, uint64_t id,
                        struct online_payment *out)
{
	return one(ar, &get_own, (struct db_arg[]){DBA_U64(id), DBA_U64(subscriber)}, 2, out);
}

struct locked_iter {
	struct online_iter o;
	struct online_item it;
	enum perr (*each)(void *, const struct online_item *);
	void *ctx;
};

static enum perr locked_row(void *p)
{
	struct locked_iter *x = p;

	enum perr e = online_row(&x->o); /* no each: it only fills x->o */

	if (e != PERR_OK)
		return e;
	if (x->it.payment_id ==
	    0) /* a payment without accounts (never written so; settled all the same) */
		return PERR_OK;
	return x->each(x->ctx, &x->it);
}

enum perr db_online_lock_items(struct arena *ar, uint64_t id, struct online_payment *out,
                               enum perr (*each)(void *, const struct online_item *), void *ctx)
{
	struct locked_iter x = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&x.o.r.id),
	                     DBC_U64(&x.o.r.subscriber_id),
	                     DBC_STR(&x.o.r.kind),
	                     DBC_STR(&x.o.r.provider),
	                     DBC_STR(&x.o.provider_id),
	                     DBC_STR(&x.o.status),
	                     DBC_INT(&x.o.r.amount),
	                     DBC_STR(&x.o.currency),
	                     DBC_INT(&x.o.save),
	                     DBC_STR(&x.o.r.confirmation_url),
	                     DBC_INT(&x.o.has_method),
	                     DBC_STR(&x.o.r.method_title),
	                     DBC_STR(&x.o.r.cancel_reason),
	                     DBC_STR(&x.o.lang),
	                     DBC_U64(&x.it.payment_id),
	                     DBC_U64(&x.it.account_id),
	                     DBC_INT(&x.it.amount),
	                     DBC_STR(&x.it.account_number)};
	enum perr e = db_rows(ar, &lock_items, (struct db_arg[]){DBA_U64(id)}, 1, c,
	                      sizeof(c) / sizeof(c[0]), locked_row, &x);

	if (e == PERR_OK && x.o.r.status == NULL)
		return PERR_NOT_FOUND;
	*out = x.o.r;
	return e;
}

enum perr db_online_by_provider(const char *provider, const char *provider_id, uint64_t *id)
{
	struct db_col c[] = {DBC_U64(id)};

	*id = 0;
	return db_row(NULL, &by_provider,
	              (struct db_arg[]){DBA_STR(provider), DBA_STR(provider_id)}, 2, c, 1);
}

enum perr db_online_unfinished(struct arena *ar, unsigned older_minutes, uint64_t after,
                               unsigned limit,
                               enum perr (*each)(void *, const struct online_payment *), void *ctx)
{
	struct online_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = ONLINE_BIND(it);

	return db_rows(ar, &unfinished,
	               (struct db_arg[]){DBA_INT(older_minutes), DBA_U64(after), DBA_INT(limit)}, 3,
	               c, sizeof(c) / sizeof(c[0]), online_row, &it);
}

enum perr db_online_set_pending(uint64_t id, const char *provider_id, const char *url)
{
	return db_exec(&set_pending,
	               (struct db_arg[]){DBA_STR(provider_id),
	                                 url && *url ? DBA_STR(url) : DBA_NULL, DBA_U64(id)},
	               3, NULL, NULL);
}

enum perr db_online_finish(uint64_t id, int succeeded, const char *method_id,
                           const char *method_title, const char *reason)
{
	unsigned long long n = 0;
	enum perr e;

	if (succeeded)
		e = db_exec(
		        &succeed,
		        (struct db_arg[]){method_id && *method_id ? DBA_STR(method_id) : DBA_NULL,
		                          method_title && *method_title ? DBA_STR(method_title)
		                                                        : DBA_NULL,
		                          DBA_U64(id)},
		        3, &n, NULL);
	else
		e = db_exec(&cancel,
		            (struct db_arg[]){reason && *reason ? DBA_STR(reason) : DBA_NULL,
		                              DBA_U64(id)},
		            2, &n, NULL);
	/* One row for the payment and one per account it paid for. */
	return e == PERR_OK && n == 0 ? PERR_CONFLICT : e;
}

struct item_iter {
	struct online_item r;
	enum perr (*each)(void *, const struct online_item *);
	void *ctx;
};

static enum perr item_row(void *p)
{
	struct item_iter *it = p;

	return it->each(it->ctx, &it->r);
}

enum perr db_online_items(struct arena *ar, uint64_t online,
                          enum perr (*each)(void *, const struct online_item *), void *ctx)
{
	struct item_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&it.r.payment_id), DBC_U64(&it.r.account_id),
	                     DBC_INT(&it.r.amount), DBC_STR(&it.r.account_number)};

	return db_rows(ar, &items, (struct db_arg[]){DBA_U64(online)}, 1, c, 4, item_row, &it);
}

enum perr db_online_method(struct arena *ar, uint64_t online, uint64_t subscriber,
                           const char **provider, const char **method_id, const char **title)
{
	struct db_col c[] = {DBC_STR(provider), DBC_STR(method_id), DBC_STR(title)};

	return db_row(ar, &method, (struct db_arg[]){DBA_U64(online), DBA_U64(subscriber)}, 2, c,
	              3);
}

enum perr db_online_forget_method(uint64_t online)
{
	return db_exec(&forget_method, (struct db_arg[]){DBA_U64(online)}, 1, NULL, NULL);
}

enum perr db_online_forget_unused(unsigned long long *n)
{
	return db_exec(&forget_unused, NULL, 0, n, NULL);
}
