/* accounts/accounts.h: what the accounts section's pages share: the form fields'
 * keys and each page's handler, for the route table in accounts.c. */
#ifndef ACCOUNTS_ACCOUNTS_H
#define ACCOUNTS_ACCOUNTS_H

#include <libxml/tree.h>

#include "billing/account.h"
#include "core/perr.h"
#include "db/session.h"
#include "web/req.h"

enum key {
	K_ID,
	K_NEXT,
	K_ORG,
	K_NUMBER,
	K_MONTH,
	K_YEAR,
	K_AMOUNT,
	K_ANSWER,
	K_DONE,
	K_CONTACT,
	K_RIGHTS,
	K_TOKEN,
	K_AMOUNT_ALERT,
	K_NAME,
	K_TAX_ID,
	K_KPP,
	K_ADDRESS,
	K_NEW,
	K_CONFIRM,
	K__MAX
};

/* the list (accounts/list.c) */
int choose(struct req *r);
int list(struct req *r);

/* add (accounts/add.c) */
int add_page(struct req *r);

/* remove (accounts/remove.c) */
int remove_page(struct req *r);

/* info (accounts/info.c) */
int info(struct req *r);

/* balance alert (accounts/alert.c) */
int alert_page(struct req *r);

/* access (accounts/access.c) */
int access_get(struct req *r);
int cancel_post(struct req *r);
int company_post(struct req *r);
int invite_post(struct req *r);
int leave_post(struct req *r);
int revoke_post(struct req *r);
int rights_post(struct req *r);

/* an invitation taken (accounts/invitation.c) */
int accept_page(struct req *r);
int join_page(struct req *r);

/* shared by the pages, from accounts/list.c */
/* The account an id names, if it is linked to this subscriber. */
enum perr linked_account(struct req *r, struct account *a);

/* shared by the pages, from accounts/access.c */
/* Whether contact (an e-mail or phone as validated) is the subscriber's own. */
int contact_is(const struct session *s, const char *contact);
/* A choice's name for rights; a holder's are no choice. */
const char *rights_name(unsigned rights);
/* Attribute name: the UTC instant utc in the site's time zone. */
int local_attr(xmlNodePtr n, const char *name, const char *utc);

#endif
