/*
 * org_list.c: the organizations a form offers (adding an account,
 * registering), with the one asked for marked and handed back.
 */
#include <stdint.h>

#include "app/org_list.h"
#include "billing/account.h"
#include "core/arena.h"
#include "core/perr.h"
#include "db/organization.h"
#include "doc/xml.h"

struct orgs {
	struct arena *a;
	xmlNodePtr list;
	uint64_t want;
	struct organization *chosen;
	int *found;
};

static enum perr org_row(void *ctx, const struct organization *o)
{
	struct orgs *os = ctx;
	xmlNodePtr n = xml_text(os->list, "organization", o->name);

	if (n == NULL || xml_attr_int(n, "id", (long long)o->id) ||
	    (o->phones != NULL && xml_attr(n, "phones", o->phones)))
		return PERR_NOMEM;
	if (o->id == os->want) {
		*os->chosen = *o;
		*os->found = 1;
		if (xml_attr(n, "selected", "1"))
			return PERR_NOMEM;
	}
	return PERR_OK;
}

enum perr xml_organizations(struct arena *a, xmlNodePtr parent, uint64_t want,
			    struct organization *chosen, int *found)
{
	struct orgs os = {a, xml_elem(parent, "organizations"), want, chosen, found};

	*found = 0;
	if (os.list == NULL)
		return PERR_NOMEM;
	return db_organizations(a, org_row, &os);
}
