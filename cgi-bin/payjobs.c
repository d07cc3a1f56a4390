/*
 * payjobs.c: the scheduled side of payments, run by cron (README, "Deploying").
 *
 *   payjobs autopay [--date YYYY-MM-DD]   charge every autopay due that day, within its cap
 *   payjobs reconcile [--older MINUTES]   ask the provider about every payment still
 *                                         unfinished after MINUTES (default 15), settle
 *                                         what it says, and drop saved card ids nobody
 *                                         turned into autopay within a day; then ask
 *                                         for the fiscal receipts of payments still
 *                                         without one (not asked within MINUTES)
 *   payjobs promises                      show suspended again the internet lines whose
 *                                         promised payment has ended (sql/057), unless
 *                                         the billing system has sent their state since
 *
 * Both are safe to run again at any time: an autopay month is recorded before
 * the charge (and the charge's Idempotence-Key is the autopay and month), and
 * settling is idempotent.  Exit status 0 when everything was handled, 1 when
 * something needs another run (provider or database unreachable).
 */
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/credit.h"
#include "app/fiscal.h"
#include "app/job.h"
#include "app/settle.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/date.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/autopay.h"
#include "db/connection.h"
#include "db/db.h"
#include "db/online.h"
#include "net/provider.h"

#define BATCH       200
#define START_TRIES 3 /* an autopay's start refused whole: tried this many times in all */

static struct arena *arena;
static unsigned n_ok, n_failed, n_pending, n_skipped, n_taken, n_errors;

static const char *result_name(enum settle_result r)
{
	switch (r) {
	case SETTLE_SUCCEEDED: return "succeeded";
	case SETTLE_CANCELED: return "canceled";
	case SETTLE_PENDING: return "pending";
	default: return "already";
	}
}

/* ------------------------------------------------------------------ autopay */

struct due_list {
	struct autopay v[BATCH];
	size_t n;
};

static enum perr due_row(void *p, const struct autopay *a)
{
	struct due_list *l = p;

	if (l->n == BATCH) /* the query's LIMIT is BATCH: never more */
		return PERR_TOO_LARGE;
	l->v[l->n++] = *a;
	return PERR_OK;
}

/* Settle an autopay that never reached the provider as failed, so the subscriber hears of it. */
static void give_up(uint64_t online, money_t amount, const struct currency *cur)
{
	struct pay_state st;
	enum settle_result res;

	memset(&st, 0, sizeof(st));
	st.status = PAY_CANCELED;
	st.amount = amount;
	snprintf(st.currency, sizeof(st.currency), "%s", cur->code);
	snprintf(st.cancel_reason, sizeof(st.cancel_reason), "provider-unavailable");
	if (payment_settle(arena, online, &st, &res) != PERR_OK)
		n_errors++;
}

static void charge(const struct autopay *a, month_t month)
{
	const struct provider *pv = provider_get();
	struct credit c;
	struct pay_order o;
	struct pay_state st;
	enum settle_result res;
	char key[44], pkey[64], mon[8], desc[129];
	money_t amount;
	uint64_t online = 0, payment = 0;
	enum perr e;

	db_request_begin();
	if ((e = credit_plan(arena, a->account_id, 0, &c)) != PERR_OK) {
		fprintf(stderr, "autopay %llu: cannot read the balance: %s\n",
		        (unsigned long long)a->id, perr_str(e));
		n_errors++;
		return;
	}
	amount = c.due < a->max_amount ? c.due : a->max_amount;
	if (amount < cfg.pay_min || pv == NULL || strcmp(a->provider, pv->name) != 0 ||
	    a->cur == NULL) {
		if (db_autopay_run_begin(a->id, month, a->account_id, 0, "nothing-due") != PERR_OK)
			n_errors++;
		printf("autopay %llu account %s: nothing due\n", (unsigned long long)a->id,
		       a->account_number);
		n_skipped++;
		return;
	}
	month_format(month, mon);
	snprintf(key, sizeof(key), "autopay-%llu-%s", (unsigned long long)a->id, mon);
	/* The month's run first: a second run of this program finds it and charges nobody.
	 * Refused whole (a run on another node committed first: a lost certification),
	 * it is tried again, and then finds that run's row. */
	e = PERR_BUSY;
	for (int tries = 0; tries < START_TRIES && e == PERR_BUSY; tries++) {
		if ((e = db_begin()) == PERR_OK &&
		    (e = db_autopay_run_begin(a->id, month, a->account_id, amount, "charging")) ==
		            PERR_OK &&
		    (e = db_online_insert(a->subscriber_id, key, "autopay", pv->name, amount,
		                          a->cur->code, 0, LANG_RU, &online)) == PERR_OK &&
		    (e = db_online_insert_item(online, a->account_id, amount, "autopay", pv->title,
		                               &payment)) == PERR_OK)
			e = db_commit();
		if (e != PERR_OK)
			db_rollback();
		if (e == PERR_BUSY && tries + 1 < START_TRIES)
			db_retry_pause((unsigned)tries + 1);
	}
	if (e != PERR_OK) {
		if (e == PERR_CONFLICT) { /* another run (another host's cron) has it */
			n_taken++;
			return;
		}
		goto error;
	}
	memset(&o, 0, sizeof(o));
	snprintf(desc, sizeof(desc), "Автоплатёж по л/с %s", a->account_number);
	/* As for a card payment: the provider's key names our row too. */
	snprintf(pkey, sizeof(pkey), "%llu-%s", (unsigned long long)online, key);
	o.key = pkey;
	o.amount = amount;
	o.cur = a->cur;
	o.description = desc;
	o.method_id = a->method_id;
	o.ref = online;
	if ((e = pv->create(&o, &st)) != PERR_OK) {
		fprintf(stderr, "autopay %llu: the provider did not take the charge: %s\n",
		        (unsigned long long)a->id, perr_str(e));
		give_up(online, amount, a->cur);
		if (db_autopay_run_end(a->id, month, "failed", online) != PERR_OK)
			n_errors++;
		n_failed++;
		return;
	}
	if ((e = payment_settle(arena, online, &st, &res)) != PERR_OK)
		goto error;
	/* The provider's notification may have settled it first: what happened is its answer. */
	if (res == SETTLE_ALREADY)
		res = st.status == PAY_SUCCEEDED  ? SETTLE_SUCCEEDED
		      : st.status == PAY_CANCELED ? SETTLE_CANCELED
		                                  : SETTLE_PENDING;
	if (db_autopay_run_end(a->id, month,
	                       res == SETTLE_SUCCEEDED  ? "succeeded"
	                       : res == SETTLE_CANCELED ? "failed"
	                                                : "pending",
	                       online) != PERR_OK)
		n_errors++;
	printf("autopay %llu account %s: %lld charged, %s\n", (unsigned long long)a->id,
	       a->account_number, amount, result_name(res));
	if (res == SETTLE_SUCCEEDED)
		n_ok++;
	else if (res == SETTLE_CANCELED)
		n_failed++;
	else
		n_pending++;
	return;
error:
	fprintf(stderr, "autopay %llu: %s\n", (unsigned long long)a->id, perr_str(e));
	n_errors++;
}

static int autopay(day_t today)
{
	struct due_list *l = malloc(sizeof(*l));
	int y, m, d;
	size_t i;
	enum perr e = PERR_OK;

	if (l == NULL)
		return 1;
	day_to_civil(today, &y, &m, &d);
	for (;;) {
		l->n = 0;
		db_request_begin();
		e = db_autopays_due(arena, (unsigned)d, y * 12 + (m - 1), BATCH, due_row, l);
		if (e != PERR_OK || l->n == 0)
			break;
		/* Every one of them gets a run row, so the next batch is new ones. */
		for (i = 0; i < l->n; i++)
			charge(&l->v[i], y * 12 + (m - 1));
		arena_reset(arena);
	}
	free(l);
	if (e != PERR_OK) {
		fprintf(stderr, "autopay: %s\n", perr_str(e));
		return 1;
	}
	printf("autopay %04d-%02d-%02d: %u succeeded, %u failed, %u pending, %u with nothing due, "
	       "%u run by another, %u errors\n",
	       y, m, d, n_ok, n_failed, n_pending, n_skipped, n_taken, n_errors);
	return n_errors ? 1 : 0;
}

/* ------------------------------------------------------------------ reconcile */

struct open_list {
	struct online_payment v[BATCH];
	size_t n;
};

static enum perr open_row(void *p, const struct online_payment *op)
{
	struct open_list *l = p;

	if (l->n == BATCH) /* the query's LIMIT is BATCH: never more */
		return PERR_TOO_LARGE;
	l->v[l->n++] = *op;
	return PERR_OK;
}

static void reconcile_one(const struct online_payment *op)
{
	const struct provider *pv = provider_get();
	struct pay_state st;
	enum settle_result res;
	enum perr e;

	db_request_begin();
	if (op->provider_id[0] == '\0') {
		/* Never reached the provider, so the payer never saw its page: nothing was paid. */
		memset(&st, 0, sizeof(st));
		st.status = PAY_CANCELED;
		st.amount = op->amount;
		snprintf(st.currency, sizeof(st.currency), "%s", op->cur ? op->cur->code : "");
		snprintf(st.cancel_reason, sizeof(st.cancel_reason), "not-sent");
		e = payment_settle(arena, op->id, &st, &res);
	} else if (pv == NULL || strcmp(op->provider, pv->name) != 0) {
		fprintf(stderr, "payment %llu: provider %s is not configured\n",
		        (unsigned long long)op->id, op->provider);
		n_errors++;
		return;
	} else if ((e = pv->get(op->provider_id, &st)) == PERR_OK) {
		e = payment_settle(arena, op->id, &st, &res);
	}
	if (e != PERR_OK) {
		fprintf(stderr, "payment %llu: %s\n", (unsigned long long)op->id, perr_str(e));
		n_errors++;
		return;
	}
	printf("payment %llu: %s\n", (unsigned long long)op->id, result_name(res));
	if (res == SETTLE_SUCCEEDED)
		n_ok++;
	else if (res == SETTLE_CANCELED)
		n_failed++;
	else
		n_pending++;
}

static int reconcile(unsigned older)
{
	struct open_list *l = malloc(sizeof(*l));
	unsigned long long forgotten = 0;
	unsigned receipts = 0, no_receipt = 0;
	uint64_t after = 0;
	size_t i;
	enum perr e = PERR_OK;

	if (l == NULL)
		return 1;
	/* By id, a batch at a time: a payment still pending is not looked at twice. */
	for (;;) {
		l->n = 0;
		db_request_begin();
		e = db_online_unfinished(arena, older, after, BATCH, open_row, l);
		if (e != PERR_OK || l->n == 0)
			break;
		for (i = 0; i < l->n; i++)
			reconcile_one(&l->v[i]);
		after = l->v[l->n - 1].id;
		arena_reset(arena);
	}
	free(l);
	db_request_begin();
	if (e == PERR_OK)
		e = db_online_forget_unused(&forgotten);
	if (e == PERR_OK)
		e = fiscal_catch_up(arena, older, &receipts, &no_receipt, &n_errors);
	if (e != PERR_OK) {
		fprintf(stderr, "reconcile: %s\n", perr_str(e));
		return 1;
	}
	printf("reconcile: %u succeeded, %u canceled, %u still pending, %u errors; "
	       "%llu unused saved cards forgotten; %u fiscal receipts fetched, %u not yet "
	       "registered\n",
	       n_ok, n_failed, n_pending, n_errors, forgotten, receipts, no_receipt);
	return n_errors ? 1 : 0;
}

/* Run every few minutes: a promise ends within that of its time. */
static int promises(void)
{
	unsigned long long lines = 0;
	enum perr e = db_promises_end(&lines);

	if (e != PERR_OK) {
		fprintf(stderr, "promises: %s\n", perr_str(e));
		return 1;
	}
	printf("promises: %llu lines suspended again at their promise's end\n", lines);
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: payjobs autopay [--date YYYY-MM-DD]\n"
	                "       payjobs reconcile [--older MINUTES]\n"
	                "       payjobs promises\n"
	                "  The configuration file is named by $PORTAL_CONFIG.\n");
	return 2;
}

int main(int argc, char **argv)
{
	day_t today = day_today();
	unsigned older = 15;
	int rc = 1;

	if (argc < 2 || (strcmp(argv[1], "autopay") != 0 && strcmp(argv[1], "reconcile") != 0 &&
	                 strcmp(argv[1], "promises") != 0))
		return usage();
	if (argc == 4 && strcmp(argv[1], "autopay") == 0 && strcmp(argv[2], "--date") == 0) {
		if (day_parse(argv[3], strlen(argv[3]), &today) != 0)
			return usage();
	} else if (argc == 4 && strcmp(argv[1], "reconcile") == 0 &&
	           strcmp(argv[2], "--older") == 0) {
		char *end;
		long v = strtol(argv[3], &end, 10);

		if (*end || v < 0 || v > 100000)
			return usage();
		older = (unsigned)v;
	} else if (argc != 2) {
		return usage();
	}
	if ((arena = job_start("payjobs")) == NULL)
		return 1;
	if (job_unroot() != 0) {
		job_end(arena);
		return 1;
	}
	rc = strcmp(argv[1], "autopay") == 0    ? autopay(today)
	     : strcmp(argv[1], "promises") == 0 ? promises()
	                                        : reconcile(older);
	job_end(arena);
	return rc;
}
