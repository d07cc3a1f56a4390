/* db/receipt.h: receipts as stored. */
#ifndef DB_RECEIPT_H
#define DB_RECEIPT_H

#include "billing/account.h"
#include "billing/receipt.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/date.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"

/* db/receipt.c */
/* A receipt as issued: its version (1 unless issued again) and the latest one. */
struct receipt_head {
	const char *due_on, *issued_on;
	int by_email;
	unsigned version, latest;
	const char *reason;      /* why this version was issued; NULL for the first */
	const char *replaced_on; /* YYYY-MM-DD: a later version replaced it; NULL if not */
};
/* Version 0: the latest.  PERR_NOT_FOUND if there is no such receipt. */
enum perr db_receipt_head(struct arena *, uint64_t subscriber, uint64_t account, month_t,
			  unsigned version, struct account *, struct receipt_head *) PORTAL_WUR;
/* The lines as issued, with what each service was paid in the months after. */
enum perr db_receipt_lines(struct arena *, uint64_t account, month_t, unsigned version, enum lang,
                           enum perr (*each)(void *, const struct receipt_line *),
                           void *) PORTAL_WUR;
/* The suppliers paid directly (sql/046) of a receipt as issued: id, name and bank details. */
enum perr db_receipt_payees(struct arena *, uint64_t account, month_t, unsigned version,
			    enum perr (*each)(void *, const struct receipt_payee *),
			    void *) PORTAL_WUR;
/* The volumes by zone and tier under the lines, as issued, in the lines' order. */
enum perr db_receipt_volumes(struct arena *, uint64_t account, month_t, unsigned version,
                             enum perr (*each)(void *, const struct receipt_volume *),
                             void *) PORTAL_WUR;
enum perr db_receipt_corrections(struct arena *, uint64_t account, month_t, unsigned version,
                                 enum lang,
                                 enum perr (*each)(void *, const struct receipt_correction *),
                                 void *) PORTAL_WUR;
/* Every register of the meters in use on the account in month, with its
 * latest accepted reading in the month and the one before it, as issued. */
enum perr db_receipt_readings(struct arena *, uint64_t account, month_t, unsigned version,
                              enum perr (*each)(void *, const struct receipt_reading *),
                              void *) PORTAL_WUR;
/* The account's receipts of months from..to, newest first. */
enum perr db_receipts(struct arena *, uint64_t account, month_t from, month_t to,
                      enum perr (*each)(void *, const struct receipt_item *), void *) PORTAL_WUR;
/* The newest month the account has a receipt for; 0 if none. */
enum perr db_receipt_latest(struct arena *, uint64_t account, month_t *) PORTAL_WUR;
/* Receipts by e-mail for one linked account, on or off. */
enum perr db_receipt_email_set(uint64_t subscriber, uint64_t account, int on) PORTAL_WUR;
enum perr db_receipt_email_get(struct arena *, uint64_t subscriber, uint64_t account,
			       int *on) PORTAL_WUR;

/* A linked account and whether its receipts come by e-mail. */
struct ereceipt {
	uint64_t account;
	const char *number, *address;
	int on;
};

enum perr db_receipt_email_list(struct arena *, uint64_t subscriber,
                                enum perr (*each)(void *, const struct ereceipt *),
                                void *) PORTAL_WUR;

/* Issuing (receiptjobs). */
struct issue_org {
	struct organization org;
	unsigned pay_by_day;
	int issued; /* the month is issued already */
	int partly; /* a run stopped part-way through it: this one goes on */
};
/* Organizations with accounts billed in month, by id.  Whether any is, not
 * how many: counting a million accounts' month takes minutes. */
enum perr db_issue_orgs(struct arena *, month_t,
                        enum perr (*each)(void *, const struct issue_org *), void *) PORTAL_WUR;
/* The organization's suppliers paid directly, as they are now: checked before issuing. */
enum perr db_issue_payees(struct arena *, uint64_t org,
			  enum perr (*each)(void *, const struct receipt_payee *), void *) PORTAL_WUR;
/* Issue the month: store each billed account's receipt and queue its
 * subscribers' notices, batch accounts per transaction, then record the month
 * issued.  Goes on from where a stopped run left off.  PERR_CONFLICT if
 * another run finished it meanwhile.  *mailed: receipt e-mails queued. */
enum perr db_issue(uint64_t org, month_t, day_t due_on, unsigned batch,
		   unsigned long long *mailed) PORTAL_WUR;

#endif
