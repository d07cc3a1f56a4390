/* app/fiscal.h: the fiscal receipts of online payments (sql/053). */
#ifndef APP_FISCAL_H
#define APP_FISCAL_H

#include <libxml/tree.h>

#include "billing/fiscal.h"
#include "core/attrs.h"
#include "core/perr.h"

struct arena;

/*
 * The provider's receipt for its payment: PERR_NOT_FOUND while none is
 * registered (or no provider can tell).  Outside any transaction.
 */
enum perr fiscal_fetch(const char *provider_payment_id, struct fiscal_receipt *) PORTAL_WUR;

/*
 * <fiscal fn="" fd="" fp="" at="" url=""/> under parent: the numbers, the
 * time registered (local time with its offset, when known) and the fiscal data operator's link
 * (when [payments] check_url is set).
 */
int fiscal_xml(xmlNodePtr parent, const struct fiscal_receipt *) PORTAL_WUR;

/*
 * For each succeeded payment of the last three days still without its
 * receipt and not asked about for `minutes`: ask the provider, and keep what
 * it has registered with a message to the payer ("payment-fiscal").  Counts
 * into found, still_missing, errors.
 */
enum perr fiscal_catch_up(struct arena *, unsigned minutes, unsigned *found,
                          unsigned *still_missing, unsigned *errors) PORTAL_WUR;

#endif
