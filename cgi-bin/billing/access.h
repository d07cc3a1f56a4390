/* billing/access.h: what a subscriber may see and do on an account (sql/049). */
#ifndef BILLING_ACCESS_H
#define BILLING_ACCESS_H

/*
 * Rights are bits, as account_access.rights keeps them.  A holder (who
 * linked the account) has all four; a delegate what the holder chose, never
 * RIGHT_HOLDER.
 */
enum access_right {
	RIGHT_VIEW = 1,     /* balances, statements, acts, receipts, payment history */
	RIGHT_READINGS = 2, /* the meters: submit readings, see their history */
	RIGHT_PAY = 4,      /* pay the account */
	RIGHT_HOLDER = 8,   /* invite, change rights, revoke */
};

#define RIGHTS_HOLDER (RIGHT_VIEW | RIGHT_READINGS | RIGHT_PAY | RIGHT_HOLDER)
/* Everything but inviting ("full"): also autopay and appeals on the account. */
#define RIGHTS_FULL (RIGHT_VIEW | RIGHT_READINGS | RIGHT_PAY)

/*
 * The choices a holder offers, by name: "view" (view only), "readings"
 * (submit readings only), "pay" (view and pay), "full" (everything but
 * inviting).  0 for any other name.
 */
unsigned access_rights_of(const char *choice);
/* The choice a delegate's rights are, NULL for bits no choice gives. */
const char *access_choice_of(unsigned rights);

#endif
