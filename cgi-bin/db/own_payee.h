/*
 * db/own_payee.h: a supplier paid to its own bank account (sql/046), as SQL
 * for the statements that store a receipt's payees (db/receipt_doc.c),
 * check them before issuing (db/receipt.c) and record a payment's shares
 * (db/credit.c).  su is the supplier's alias.
 */
#ifndef DB_OWN_PAYEE_H
#define DB_OWN_PAYEE_H

/* The supplier takes its money itself: it has bank details of its own. */
#define PAID_DIRECTLY(su) su ".bank_account IS NOT NULL"
/* A line's payee: the supplier paid directly, or NULL for the organization. */
#define PAYEE_OF(su) "IF(" PAID_DIRECTLY(su) ", " su ".id, NULL)"

#endif
