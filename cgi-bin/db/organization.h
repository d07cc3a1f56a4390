/* db/organization.h: organizations. */
#ifndef DB_ORGANIZATION_H
#define DB_ORGANIZATION_H

#include <stdint.h>

#include "billing/account.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

enum perr db_organizations(struct arena *, enum perr (*each)(void *, const struct organization *),
                           void *) PORTAL_WUR;
/* Every linked account x service in the account's latest month, by account id. */

enum perr db_public_organizations(struct arena *,
                                  enum perr (*each)(void *, const struct organization *),
                                  void *) PORTAL_WUR;
/* The plans of an organization; with_private adds those only its subscribers see. */


/* What the operator console edits of an organization. */
struct org_settings {
	unsigned id;
	const char *name, *short_name, *inn, *kpp, *address, *phones, *email, *website;
	const char *bank_name, *bic, *bank_account, *corr_account;
	const char *receipt_note, *time_zone;
	unsigned readings_from, readings_to, pay_by_day;
	const char *currency; /* read, never written: the ledger is in it */
	unsigned month_days_x10; /* 305: tariffs' limits prorated by days / 30.5; 0: own days */
	unsigned promise_days;   /* a promised payment's days; 0: none (sql/054) */
	money_t promise_limit;   /* the most a subscriber may owe to be given one */
};
enum perr db_org_settings_get(struct arena *, unsigned id, struct org_settings *) PORTAL_WUR;
enum perr db_org_settings_set(const struct org_settings *) PORTAL_WUR;

/* Where subscribers are received. */
struct office {
	unsigned id, org;
	const char *address, *hours, *phone; /* phone NULL if none */
	const char *email;		     /* NULL if none */
	const char *serves;		     /* the start of its district's addresses, or NULL */
};
enum perr db_offices(struct arena *, unsigned org, enum perr (*each)(void *, const struct office *),
		     void *) PORTAL_WUR;
/* A new office of org (o->id and o->org are not read). */
enum perr db_office_add(unsigned org, const struct office *o, uint64_t *id) PORTAL_WUR;
/* PERR_NOT_FOUND if org has no such office. */
enum perr db_office_delete(unsigned org, unsigned id) PORTAL_WUR;

#endif
