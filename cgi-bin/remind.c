/*
 * remind.c: reminders, run from cron every hour (each organization is
 * reminded in its own daytime, so the hour it runs in differs by zone).
 *
 *   remind [--limit N]
 *
 * For each organization where it is now day (09:00 to 21:00 in its time
 * zone: nobody is woken by a reminder), to each subscriber of its accounts:
 *
 *   readings      the reading window is open and a meter of the account has
 *                 no reading yet this window: once a month per account
 *   due           the latest receipt is due within DUE_DAYS days and some
 *                 of it is unpaid: once per due date per account
 *   verification  a meter's verification date is within VERIFY_DAYS days:
 *                 once per meter and date
 *   balance       an account's balance is under the threshold its subscriber
 *                 set (sql/051): once, and again after it came back up
 *
 * Each goes through the outbox by the subscriber's choices for the topic
 * "reminder", and always to their inbox; reminders_sent makes each one once,
 * whatever runs race.  Up to N (100000) reminders a run.  Exit status 0, or
 * 1 if something failed (said on stderr and in the log).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/job.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/money.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/outbox.h"
#include "db/reminder.h"
#include "doc/xml.h"

#define DAY_FROM 9     /* local hour reminders may start */
#define DAY_TO 21      /* ... and the hour they stop */
#define DUE_DAYS 3     /* a due date this close is reminded of */
#define VERIFY_DAYS 30 /* a verification this close is reminded of */
#define BATCH 500

static struct arena *arena;
static unsigned n_sent, n_orgs_night, budget;

struct batch {
	struct reminder_due rows[BATCH];
	size_t n;
};

static enum perr keep(void *p, const struct reminder_due *d)
{
	struct batch *b = p;
	struct reminder_due *r;

	if (b->n == BATCH) /* the question asks for no more; never more than there is room */
		return PERR_OK;
	r = &b->rows[b->n++];
	*r = *d;
	r->account = d->account ? arena_strdup(arena, d->account) : NULL;
	r->meter = d->meter ? arena_strdup(arena, d->meter) : NULL;
	r->date = d->date ? arena_strdup(arena, d->date) : NULL;
	return (d->account && !r->account) || (d->meter && !r->meter) || (d->date && !r->date)
		       ? PERR_NOMEM
		       : PERR_OK;
}

/* One reminder: its record and its message in one transaction, or neither. */
static enum perr send_one(const char *kind, const struct reminder_due *d, const char *period,
			  const char *const *pairs, size_t npairs)
{
	const char *params = outbox_params(arena, "note", pairs, npairs);
	char mkind[32];
	enum perr e;

	if (params == NULL)
		return PERR_NOMEM;
	snprintf(mkind, sizeof(mkind), "remind-%s", kind);
	if ((e = db_begin()) != PERR_OK)
		return e;
	e = db_reminder_record(d->subscriber_id, kind, d->object_id, period);
	if (e == PERR_OK)
		e = db_outbox_notify(d->subscriber_id, "reminder", mkind, params);
	if (e == PERR_OK)
		e = db_commit();
	if (e != PERR_OK)
		db_rollback();
	if (e == PERR_OK)
		n_sent++;
	return e == PERR_CONFLICT ? PERR_OK : e; /* another run sent it */
}

/* One kind of an organization, a batch at a time, until nobody is left or the budget is. */
struct kind_run {
	const char *kind;
	unsigned org;
	const char *a, *b; /* the dates its question takes */
};

static enum perr fetch(const struct kind_run *k, struct batch *b, unsigned limit)
{
	b->n = 0;
	if (strcmp(k->kind, "readings") == 0)
		return db_reminder_readings(arena, k->org, k->a, limit, keep, b);
	if (strcmp(k->kind, "due") == 0)
		return db_reminder_due(arena, k->org, k->a, k->b, limit, keep, b);
	return db_reminder_verification(arena, k->org, k->a, k->b, limit, keep, b);
}

static enum perr send_row(const struct kind_run *k, const struct reminder_due *d)
{
	char month[11];

	if (strcmp(k->kind, "readings") == 0) {
		snprintf(month, sizeof(month), "%.8s01", k->a);
		return send_one(k->kind, d, month,
				(const char *[]){"account", d->account, "from", k->a, "to", k->b}, 3);
	}
	if (strcmp(k->kind, "due") == 0)
		return send_one(k->kind, d, d->date,
				(const char *[]){"account", d->account, "due", d->date}, 2);
	return send_one(k->kind, d, d->date,
			(const char *[]){"account", d->account, "meter", d->meter, "due", d->date},
			3);
}

static int run_kind(const struct kind_run *k)
{
	struct batch *b = malloc(sizeof(*b));
	size_t i;
	enum perr e = PERR_OK;
	int rc = 0;

	if (b == NULL)
		return 1;
	while (budget > 0) {
		unsigned limit = budget < BATCH ? budget : BATCH;

		db_request_begin();
		if ((e = fetch(k, b, limit)) != PERR_OK)
			break;
		for (i = 0; i < b->n && e == PERR_OK; i++) {
			e = send_row(k, &b->rows[i]);
			budget--;
		}
		arena_reset(arena);
		if (e != PERR_OK || b->n < limit)
			break;
	}
	if (e != PERR_OK) {
		fprintf(stderr, "remind: organization %u, %s: %s\n", k->org, k->kind, perr_str(e));
		log_msg(LOG_ERR, "organization %u, %s reminders: %s", k->org, k->kind, perr_str(e));
		rc = 1;
	}
	free(b);
	return rc;
}

/* ---------------------------------------------------------------- balances */

struct balance_batch {
	struct reminder_balance rows[BATCH];
	size_t n;
};

static enum perr balance_keep(void *p, const struct reminder_balance *d)
{
	struct balance_batch *b = p;
	struct reminder_balance *r;

	if (b->n == BATCH)
		return PERR_OK;
	r = &b->rows[b->n++];
	*r = *d;
	r->account = arena_strdup(arena, d->account ? d->account : "");
	r->currency = arena_strdup(arena, d->currency ? d->currency : "");
	return r->account == NULL || r->currency == NULL ? PERR_NOMEM : PERR_OK;
}

/* The amounts written for each language: the recipient's is known only when queued. */
static const char *balance_params(const struct reminder_balance *d)
{
	const struct currency *cur = currency_find(d->currency);
	char b_ru[48], b_en[48], t_ru[48], t_en[48];

	if (cur == NULL || money_format(b_ru, sizeof(b_ru), d->balance, cur, LANG_RU) != 0 ||
	    money_format(b_en, sizeof(b_en), d->balance, cur, LANG_EN) != 0 ||
	    money_format(t_ru, sizeof(t_ru), d->threshold, cur, LANG_RU) != 0 ||
	    money_format(t_en, sizeof(t_en), d->threshold, cur, LANG_EN) != 0)
		return NULL;
	return outbox_params(arena, "note",
	                     (const char *[]){"account", d->account, "balance_ru", b_ru,
	                                      "balance_en", b_en, "threshold_ru", t_ru,
	                                      "threshold_en", t_en},
	                     5);
}

/* One alert: marked told and its message queued in one transaction, or neither. */
static enum perr balance_send(const struct reminder_balance *d)
{
	const char *params = balance_params(d);
	enum perr e;

	if (params == NULL)
		return PERR_NOMEM;
	if ((e = db_begin()) != PERR_OK)
		return e;
	e = db_reminder_balance_told(d->subscriber_id, d->account_id);
	if (e == PERR_OK)
		e = db_outbox_notify(d->subscriber_id, "reminder", "remind-balance", params);
	if (e == PERR_OK)
		e = db_commit();
	if (e != PERR_OK)
		db_rollback();
	if (e == PERR_OK)
		n_sent++;
	return e == PERR_CONFLICT ? PERR_OK : e; /* another run told them */
}

/* An organization's balance alerts: those back up armed again, those under it told. */
static int run_balances(unsigned org)
{
	struct balance_batch *b = malloc(sizeof(*b));
	enum perr e;
	size_t i;
	int rc = 0;

	if (b == NULL)
		return 1;
	db_request_begin();
	e = db_reminder_balances_rearm(org);
	while (e == PERR_OK && budget > 0) {
		unsigned limit = budget < BATCH ? budget : BATCH;

		b->n = 0;
		db_request_begin();
		if ((e = db_reminder_balances(arena, org, limit, balance_keep, b)) != PERR_OK)
			break;
		for (i = 0; i < b->n && e == PERR_OK; i++) {
			e = balance_send(&b->rows[i]);
			budget--;
		}
		arena_reset(arena);
		if (b->n < limit)
			break;
	}
	if (e != PERR_OK) {
		fprintf(stderr, "remind: organization %u, balance: %s\n", org, perr_str(e));
		log_msg(LOG_ERR, "organization %u, balance alerts: %s", org, perr_str(e));
		rc = 1;
	}
	free(b);
	return rc;
}

/* The organizations, copied out of the arena (which each batch empties). */
struct org_list {
	struct reminder_org rows[256];
	char zones[256][65];
	size_t n;
};

static enum perr org_keep(void *p, const struct reminder_org *o)
{
	struct org_list *l = p;
	struct reminder_org *r;

	if (l->n == sizeof(l->rows) / sizeof(l->rows[0]))
		return PERR_OK; /* more than a site serves; the rest wait for a later run */
	r = &l->rows[l->n];
	*r = *o;
	snprintf(l->zones[l->n], sizeof(l->zones[0]), "%s", o->time_zone ? o->time_zone : "");
	r->time_zone = l->zones[l->n++];
	return PERR_OK;
}

static int remind_org(const struct reminder_org *o)
{
	int hour = hour_now_in(o->time_zone), y, m, d, rc = 0;
	day_t today = day_today_in(o->time_zone);
	char t[11], from[11], to[11], until[11];

	if (hour < DAY_FROM || hour >= DAY_TO) {
		n_orgs_night++;
		log_msg(LOG_INFO, "organization %u: %02d:00 there, no reminders at night", o->id, hour);
		return 0;
	}
	day_format(today, t);
	day_to_civil(today, &y, &m, &d);
	if ((unsigned)d >= o->readings_from && (unsigned)d <= o->readings_to) {
		unsigned last = o->readings_to < month_length(y, m) ? o->readings_to : month_length(y, m);

		day_format(day_from_civil(y, m, (int)o->readings_from), from);
		day_format(day_from_civil(y, m, (int)last), to);
		rc |= run_kind(&(struct kind_run){"readings", o->id, from, to});
	}
	day_format(today + DUE_DAYS, until);
	rc |= run_kind(&(struct kind_run){"due", o->id, t, until});
	day_format(today + VERIFY_DAYS, until);
	rc |= run_kind(&(struct kind_run){"verification", o->id, t, until});
	rc |= run_balances(o->id);
	return rc;
}

static int usage(void)
{
	fprintf(stderr, "usage: remind [--limit N]\n"
			"  The configuration file is named by $PORTAL_CONFIG.\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct org_list *orgs;
	unsigned long v = 100000;
	char *end;
	size_t i;
	int rc = 0;

	if (argc == 3 && strcmp(argv[1], "--limit") == 0) {
		v = strtoul(argv[2], &end, 10);
		if (*argv[2] < '0' || *argv[2] > '9' || *end || v < 1 || v > 10000000)
			return usage();
	} else if (argc != 1) {
		return usage();
	}
	budget = (unsigned)v;
	if ((arena = job_start("remind")) == NULL)
		return 1;
	if (job_unroot() != 0 || (orgs = calloc(1, sizeof(*orgs))) == NULL) {
		job_end(arena);
		return 1;
	}
	db_request_begin();
	if (db_reminder_orgs(arena, org_keep, orgs) != PERR_OK) {
		fprintf(stderr, "remind: the organizations cannot be read\n");
		rc = 1;
	}
	for (i = 0; i < orgs->n && budget > 0; i++)
		rc |= remind_org(&orgs->rows[i]);
	printf("remind: %u reminders queued, %u organizations at night\n", n_sent, n_orgs_night);
	log_msg(LOG_INFO, "%u reminders queued, %u organizations at night", n_sent, n_orgs_night);
	free(orgs);
	job_end(arena);
	return rc;
}
