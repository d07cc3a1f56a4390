/* web/console.h: what the operator console's programs share: roles, the menu, reauthentication. */
#ifndef WEB_CONSOLE_H
#define WEB_CONSOLE_H

#include <libxml/tree.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"
#include "core/valid.h"
#include "web/req.h"

/*
 * What each role may do.  Reading is every role's; the rest follows the
 * division of work: operators serve subscribers, accountants handle money
 * and the billing system's files, administrators run the console itself
 * and may do what the others do.
 */
enum console_action {
	A_READ,         /* every page that only shows */
	A_SUBSCRIBERS,  /* block, unblock, end sessions, send a reset link */
	A_REQUESTS,     /* approve or reject a contact change */
	A_NEWS,         /* write and publish announcements */
	A_ORGANIZATION, /* the organization's details and bank account */
	A_STAFF,        /* staff, roles, second factors */
	A_AUDIT,        /* read the audit log */
	A_PAYMENTS,     /* re-check a payment with the provider, refund it */
	A_READINGS,     /* review readings, enter an inspector's */
	A_EXCHANGE,     /* upload and apply the billing system's files, export */
	A_KEYS,         /* the billing system's API keys */
	A_APPEALS,      /* answer subscribers' appeals, write notes, take them on */
	A_HELP,         /* the contacts page's questions, rules of service and blank forms */
	A__MAX
};

int console_may(const struct req *, enum console_action);
/* 1 if role names one: admin, operator, accountant, viewer. */
int console_role_valid(const char *role);

/* Every signed-in handler starts here: 403 unless the role allows it. */
#define REQUIRE(r, a)                                                                              \
	do {                                                                                       \
		if (!console_may((r), (a)))                                                        \
			return page_error((r), 403, "forbidden");                                  \
	} while (0)

/*
 * The organization a page is about: the one asked for (org, NULL if none)
 * if the staff member has it, else their first.  0 with the handler's
 * answer in *st when there is none to show (404, or the database's failure).
 */
unsigned console_org(struct req *, const struct fval *org, int *st);
/* The organization a change is made in: as console_org, but it must be named
 * (a form never falls back to the first); 404 if it is not. */
unsigned console_change_org(struct req *, const struct fval *org, int *st);
/* An audit row for what the signed-in staff member did (in the caller's transaction). */
enum perr console_audit(struct req *, unsigned org, const char *action, const char *otype,
                        const char *oid, const char *before, const char *after) PORTAL_WUR;
/*
 * The end of an action done in a transaction: commit if e is PERR_OK and go
 * to the local page to; otherwise roll back and answer with the failure.
 */
int console_commit(struct req *, enum perr e, const char *to);
/* The console's menu (the section's nav hook): the entries the role may open. */
void console_nav(struct req *);
/* The staff member's role and organizations, on every signed-in page. */
enum perr console_staff_xml(struct req *) PORTAL_WUR;
/*
 * The password, or a fresh code from the app, asked again for a sensitive
 * action (pw: the form's field, NULL if not sent).  A wrong one counts as a
 * failed sign-in (the lock-out covers guessing it here too).  *ok says if it
 * was right; the result is 0, or the handler's answer when the check failed.
 */
int console_password_again(struct req *, const struct fval *pw, int *ok);

const char *console_u64(struct arena *, uint64_t);
/* A UTC time from the database with the site's offset, for <time>. */
int console_time(xmlNodePtr parent, const char *name, const char *utc);
/* An element only when v is not NULL. */
int console_opt(xmlNodePtr, const char *name, const char *v);

#endif
