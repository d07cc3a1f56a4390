/*
 * credit.c: from an amount to ledger rows.  credit_plan() reads an account's
 * recent ledger and splits the amount (split.c); credit_apply() writes the
 * split into the month the money arrives in.  A month that has no bill yet
 * is opened by the payment, with the last closing as its opening and nothing
 * accrued, so the ledger's invariant and the rule "paid in the month it was
 * received" both hold.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "app/credit.h"
#include "billing/split.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/credit.h"

#define CREDIT_MONTHS 12 /* how far back a last charge is looked for, to weigh an advance */

/* Rows come newest month first: the first month is the latest, and a
 * service's first positive charge is its last. */
static enum perr plan_row(void *p, const struct credit_row *r)
{
	struct credit *c = p;
	size_t i;

	if (c->latest == 0)
		c->latest = r->month;
	if (r->month == c->latest) {
		if (c->n == SPLIT_MAX_SERVICES)
			return PERR_TOO_LARGE;
		c->service[c->n] = r->service;
		c->tariff[c->n] = r->tariff;
		c->closing[c->n] = r->closing;
		c->n++;
	}
	for (i = 0; i < c->n; i++)
		if (c->service[i] == r->service && c->weight[i] == 0 && r->charge > 0)
			c->weight[i] = r->charge;
	return PERR_OK;
}

enum perr credit_plan(struct arena *ar, uint64_t account, money_t amount, struct credit *c)
{
	const char *tz = NULL;
	size_t i;
	enum perr e;

	memset(c, 0, sizeof(*c));
	c->account = account;
	if ((e = db_credit_zone(ar, account, &tz)) != PERR_OK)
		return e;
	c->now = month_today_in(tz);
	/* A year of months is one range read; an account billed longer ago than
	 * that (rare) takes a second, unbounded one. */
	if ((e = db_credit_rows(ar, account, c->now - CREDIT_MONTHS, plan_row, c)) != PERR_OK)
		return e;
	if (c->n == 0 && (e = db_credit_rows(ar, account, MONTH_MIN, plan_row, c)) != PERR_OK)
		return e;
	/* Each service asks for its own debt; an advance stays with its service. */
	for (i = 0; i < c->n; i++) {
		c->ask[i] = c->closing[i] > 0 ? c->closing[i] : 0;
		c->due += c->ask[i]; /* 16 closings within the ledger's limits: no overflow */
		c->advance += c->closing[i] < 0 ? -c->closing[i] : 0;
	}
	if (amount <= 0 || c->n == 0)
		return PERR_OK;
	return payment_split(c->ask, c->weight, c->n, amount, c->share) == 0 ? PERR_OK
	                                                                     : PERR_BAD_INPUT;
}

int credit_choose(struct credit *c, const uint64_t *service, const money_t *amount, size_t n,
                  money_t total)
{
	money_t chosen[SPLIT_MAX_SERVICES] = {0};
	size_t i, j;

	if (n == 0 || n > c->n)
		return -1;
	for (i = 0; i < n; i++) {
		for (j = 0; j < c->n && c->service[j] != service[i]; j++)
			;
		if (j == c->n || chosen[j] != 0)
			return -1; /* not one of the account's services now, or named twice */
		chosen[j] = amount[i];
	}
	if (split_chosen_valid(chosen, c->n, total) != 0)
		return -1;
	memcpy(c->share, chosen, sizeof(money_t) * c->n);
	return 0;
}

/* The shares as db/credit.c takes them: [{"s":1,"a":109560},...]; only_paid skips zeros. */
static int shares_json(const struct credit *c, int only_paid, char *buf, size_t cap, size_t *n)
{
	size_t i, len = 0;
	int k;

	*n = 0;
	buf[len++] = '[';
	for (i = 0; i < c->n; i++) {
		if (only_paid && c->share[i] == 0)
			continue;
		k = snprintf(buf + len, cap - len, "%s{\"s\":%llu,\"a\":%lld}", *n ? "," : "",
		             (unsigned long long)c->service[i], c->share[i]);
		if (k < 0 || (size_t)k >= cap - len - 1)
			return -1;
		len += (size_t)k;
		(*n)++;
	}
	buf[len++] = ']';
	buf[len] = '\0';
	return 0;
}

enum perr credit_apply(const struct credit *c, uint64_t payment_id)
{
	month_t target = c->latest > c->now ? c->latest : c->now;
	char all[SPLIT_MAX_SERVICES * 48 + 3], paid[SPLIT_MAX_SERVICES * 48 + 3];
	size_t n_all, n_paid;
	enum perr e;

	if (c->n == 0) {
		log_msg(LOG_ERR, "payment %llu: account %llu has no ledger to credit",
		        (unsigned long long)payment_id, (unsigned long long)c->account);
		return PERR_OK; /* the money is recorded; staff allocate it by hand */
	}
	if (shares_json(c, 0, all, sizeof(all), &n_all) != 0 ||
	    shares_json(c, 1, paid, sizeof(paid), &n_paid) != 0)
		return PERR_TOO_LARGE;
	/* In the latest month only the services paid change; a new month gets every service. */
	if (target == c->latest)
		e = n_paid ? db_ledger_credit(c->account, target, paid, n_paid) : PERR_OK;
	else
		e = db_ledger_open_month(c->account, c->latest, target, all, n_all);
	if (e == PERR_OK && n_paid)
		e = db_payment_lines(payment_id, target, paid);
	return e;
}
