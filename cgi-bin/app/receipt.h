/* app/receipt.h: a receipt loaded and as XML. */
#ifndef APP_RECEIPT_H
#define APP_RECEIPT_H

#include <libxml/tree.h>

#include "billing/receipt.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/lang.h"
#include "core/month.h"
#include "core/perr.h"

/*
 * The receipt of account (linked to subscriber) for month, as issued:
 * version 0 is the latest.  NOT_FOUND unless the organization issued that
 * month and the account was billed in it.  An account billed in an issued
 * month after it was issued has its receipt stored now.  The QR payload is
 * made only for rouble payees whose details pass payee_check().
 */
enum perr receipt_load(struct arena *, uint64_t subscriber, uint64_t account, month_t,
		       unsigned version, enum lang, struct receipt *) PORTAL_WUR;
/* <receipt> under parent: everything the page, the print view and the PDF show. */
int xml_receipt(xmlNodePtr parent, struct arena *, const struct receipt *, enum lang) PORTAL_WUR;

#endif
