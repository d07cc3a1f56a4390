/* app/org_list.h: the organizations list. */
#ifndef APP_ORG_LIST_H
#define APP_ORG_LIST_H

#include <libxml/tree.h>

#include "billing/account.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

enum perr xml_organizations(struct arena *, xmlNodePtr parent, uint64_t want,
			    struct organization *chosen, int *found) PORTAL_WUR;
/* An account of org by its number: id, payer and the phone on file (may be NULL). */

#endif
