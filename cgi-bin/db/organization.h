/* db/organization.h: organizations. */
#ifndef DB_ORGANIZATION_H
#define DB_ORGANIZATION_H

#include "billing/account.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

enum perr db_organizations(struct arena *, enum perr (*each)(void *, const struct organization *),
                           void *) PORTAL_WUR;
/* Every linked account x service in the account's latest month, by account id. */

enum perr db_public_organizations(struct arena *,
                                  enum perr (*each)(void *, const struct organization *),
                                  void *) PORTAL_WUR;
/* The plans of an organization; with_private adds those only its subscribers see. */

#endif
