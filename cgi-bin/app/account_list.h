/* app/account_list.h: the subscriber's accounts as XML. */
#ifndef APP_ACCOUNT_LIST_H
#define APP_ACCOUNT_LIST_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "billing/account.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/lang.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/account.h"
#include "db/session.h"

/*
 * What the dashboard shows beyond the list: the accounts listed (number and
 * currency too), each with its summary (sql/048), and their newest month
 * billed.
 */
struct accounts_seen {
	month_t latest;      /* 0 if none was billed */
	struct account *acc; /* in the arena, in the list's order */
	const struct account_summary **sum; /* sum[i] is acc[i]'s */
	size_t n;
};

/*
 * <accounts> under the page: each linked account (number, payer, address,
 * organization, month, services, balance; @current on the current one) and
 * one <to-pay> per currency.  seen (may be NULL) gets what was listed, and
 * the accounts' summaries read with it, in the same statement.
 */
enum perr xml_accounts(struct arena *, xmlNodePtr parent, const struct session *, enum lang,
		       struct accounts_seen *seen) PORTAL_WUR;

#endif
