/*
 * account_list.c: the subscriber's linked accounts as XML, shared by the
 * accounts list and the home dashboard.  One query returns every account
 * with each service of its latest month; the rows are grouped here, the
 * debts and advances summed service by service, and what there is to pay is
 * totalled per currency (accounts of different organizations may bill in
 * different currencies).  An advance never pays a debt elsewhere: not another
 * account's, and not another service's (each supplier is owed its own).
 */
#include <stdint.h>

#include "app/account_list.h"
#include "core/arena.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/account.h"
#include "db/session.h"
#include "doc/xml.h"

#define MAX_CURRENCIES 8

struct builder {
	struct arena *ar;
	const struct session *me;
	enum lang lang;
	xmlNodePtr list, acc, services;
	uint64_t acc_id;
	const struct currency *cur;
	money_t due, advance; /* the account's services' debts, and their advances */
	month_t latest;
	struct account *seen; /* the accounts started, for accounts_seen */
	const struct account_summary **sum; /* and their summaries, if read */
	size_t nseen, cap;
	struct {
		const struct currency *cur;
		money_t sum;
	} total[MAX_CURRENCIES]; /* what there is to pay, per currency */
	size_t ntotal;
};

/* Close the account being built: what it owes and holds, and its debt into the totals. */
static int finish(struct builder *b)
{
	size_t i;

	if (b->acc == NULL)
		return 0;
	if (xml_money(b->acc, "due", b->due, b->cur, b->lang) == NULL ||
	    xml_money(b->acc, "advance", b->advance, b->cur, b->lang) == NULL)
		return -1;
	if (b->due <= 0)
		return 0;
	for (i = 0; i < b->ntotal && b->total[i].cur != b->cur; i++)
		;
	if (i == b->ntotal) {
		if (b->ntotal == MAX_CURRENCIES)
			return -1;
		b->total[b->ntotal].cur = b->cur;
		b->total[b->ntotal++].sum = 0;
	}
	return money_add(b->total[i].sum, b->due, &b->total[i].sum);
}

static int remember(struct builder *b, const struct account_service *s)
{
	struct account *grown;
	const struct account_summary **sums;

	if (b->nseen == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 8;
		grown = arena_regrow(b->ar, b->seen, b->nseen, b->cap, sizeof(*grown));
		sums = arena_regrow(b->ar, b->sum, b->nseen, b->cap, sizeof(*sums));
		if (grown == NULL || sums == NULL)
			return -1;
		b->seen = grown;
		b->sum = sums;
	}
	b->sum[b->nseen] = s->summary;
	b->seen[b->nseen++] = s->acc;
	return 0;
}

static int start(struct builder *b, const struct account_service *s)
{
	const struct session *me = b->me;
	xmlNodePtr a;

	if (finish(b) != 0 || remember(b, s) != 0)
		return -1;
	a = b->acc = xml_elem(b->list, "account");
	b->acc_id = s->acc.id;
	b->cur = s->acc.org.cur;
	b->due = b->advance = 0;
	if (a == NULL || b->cur == NULL || xml_attr_int(a, "id", (long long)s->acc.id) ||
	    (s->acc.id == me->account_id && xml_attr(a, "current", "1")) ||
	    xml_text(a, "number", s->acc.number) == NULL ||
	    xml_text(a, "payer", s->acc.payer) == NULL ||
	    xml_text(a, "address", s->acc.address) == NULL ||
	    xml_text(a, "organization", s->acc.org.name) == NULL)
		return -1;
	b->services = xml_elem(a, "services");
	return b->services == NULL ? -1 : 0;
}

static enum perr each_row(void *ctx, const struct account_service *s)
{
	struct builder *b = ctx;
	xmlNodePtr sv;

	if (b->acc == NULL || s->acc.id != b->acc_id) {
		if (start(b, s) != 0)
			return PERR_NOMEM;
		if (s->service_id != 0 && xml_month(b->acc, "month", s->month) == NULL)
			return PERR_NOMEM;
	}
	if (s->service_id == 0) /* linked, but no history yet */
		return PERR_OK;
	if (s->month > b->latest)
		b->latest = s->month;
	sv = xml_text(b->services, "service", s->service);
	if (sv == NULL || xml_attr_int(sv, "id", (long long)s->service_id) ||
	    money_add(s->closing > 0 ? b->due : b->advance, s->closing > 0 ? s->closing : -s->closing,
		      s->closing > 0 ? &b->due : &b->advance) != 0)
		return PERR_NOMEM;
	return PERR_OK;
}

enum perr xml_accounts(struct arena *ar, xmlNodePtr parent, const struct session *me,
		       enum lang lang, struct accounts_seen *seen)
{
	struct builder b = {.ar = ar, .me = me, .lang = lang};
	enum perr e;
	size_t i;

	b.list = xml_elem(parent, "accounts");
	if (b.list == NULL)
		return PERR_NOMEM;
	/* The dashboard (seen) has the accounts' summaries come in the same statement. */
	e = seen != NULL ? db_dashboard_services(ar, me->subscriber_id, lang, each_row, &b)
			 : db_linked_services(ar, me->subscriber_id, lang, each_row, &b);
	if (e != PERR_OK)
		return e;
	if (finish(&b) != 0)
		return PERR_NOMEM;
	for (i = 0; i < b.ntotal; i++)
		if (xml_money(b.list, "to-pay", b.total[i].sum, b.total[i].cur, lang) == NULL)
			return PERR_NOMEM;
	if (seen != NULL) {
		seen->latest = b.latest;
		seen->acc = b.seen;
		seen->sum = b.sum;
		seen->n = b.nseen;
	}
	return PERR_OK;
}
