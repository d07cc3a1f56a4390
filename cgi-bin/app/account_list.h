/* app/account_list.h: the subscriber's accounts as XML. */
#ifndef APP_ACCOUNT_LIST_H
#define APP_ACCOUNT_LIST_H

#include <libxml/tree.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/lang.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/session.h"

/*
 * <accounts> under the page: each linked account (number, payer, address,
 * organization, month, services, balance; @current on the current one) and
 * one <to-pay> per currency.  *latest (may be NULL) gets the newest month
 * any of them was billed for, 0 if none.
 */
enum perr xml_accounts(struct arena *, xmlNodePtr parent, const struct session *, enum lang,
		       month_t *latest) PORTAL_WUR;

#endif
