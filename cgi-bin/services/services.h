/* services/services.h: what the services section's pages share: the form fields'
 * keys and each page's handler, for the route table in services.c. */
#ifndef SERVICES_SERVICES_H
#define SERVICES_SERVICES_H

#include <libxml/tree.h>
#include <stdint.h>

#include "billing/ledger.h"
#include "core/money.h"
#include "core/month.h"
#include "db/account.h"
#include "web/req.h"

enum key {
	K_FROM,
	K_TO,
	K_SERVICE,
	K_FORMAT,
	K_MONTH,
	K_AMOUNT,
	K_ID,
	K_QUANTITY,
	K_DONE,
	K_KIND,
	K__MAX
};

/* A page of months being built: its currency, where rows go, their totals. */
struct ctx {
	struct req *r;
	const struct currency *cur;
	xmlNodePtr parent;
	int one_service; /* rows carry tariff and quantity */
	struct ledger_total total;
};

/* The services' list being built; the first row fills the account's head. */
struct svc_list {
	struct ctx *c;
	xmlNodePtr list;
	xmlNodePtr head; /* account-head, until a row has filled it */
	uint64_t chosen;
	month_t latest;
};

/* what the pages share: the account's head, the ledger's months, the list
 * of services (services/months.c) */
month_t default_end(month_t latest);
int head_xml(xmlNodePtr h, const struct account *a);
int account_head(struct req *r, struct account *a);
int months(struct ctx *c, uint64_t service, month_t from, month_t to);
enum perr service_row(void *p, const struct account_service *s);
int no_account(struct req *r);
int period_utc(month_t from, month_t to, const char *tz, char since[20], char until[20]);

/* internet lines (services/lines.c), for the overview */
int connections_xml(struct req *r, uint64_t account, const struct currency *cur, int any);

/* alarm monitoring (services/events.c) */
int objects_xml(struct req *r, uint64_t account, const char **tz, int any);
int events_page(struct req *r);

/* usage (services/usage.c) */
int usage_page(struct req *r);

/* the overview (services/overview.c) */
int overview(struct req *r);
int promise_post(struct req *r);

/* a statement (services/statement.c) */
int statement(struct req *r);

/* the acts (services/acts.c) */
int wants_pdf(const struct req *r);
int reconciliation(struct req *r);
int rendered(struct req *r);

/* documents (services/documents.c) */
int documents(struct req *r);
int invoice_new(struct req *r);
int invoice_view(struct req *r);

#endif
