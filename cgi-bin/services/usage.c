/*
 * services/usage.c: calls and connection sessions (GET /usage) with their totals, a
 * page shown and the whole period as CSV or XLSX.
 */
#include <stdint.h>
#include <string.h>

#include "billing/account.h"
#include "core/date.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/invoice.h"
#include "db/usage.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "services/services.h"

#define USAGE_SHOWN    500   /* records a page shows; more: a note, and the file has them */
#define USAGE_FILE_MAX 50000 /* records a download holds; more: a shorter period */

struct use_list {
	struct req *r;
	xmlNodePtr list;
	const char *tz;
	const struct currency *cur;
	unsigned n, max;
};

static enum perr usage_row(void *p, const struct usage_record *u)
{
	struct use_list *l = p;
	char start[26], end[26];
	xmlNodePtr n;

	if (++l->n > l->max)
		return xml_attr(l->list, "truncated", "1") ? PERR_NOMEM : PERR_OK;
	if (instant_local_in(u->started, l->tz, start) != 0 ||
	    instant_local_in(u->ended, l->tz, end) != 0)
		return PERR_BAD_INPUT;
	n = xml_elem(l->list, "record");
	if (n == NULL || xml_attr_int(n, "service", (long long)u->service_id) ||
	    xml_attr(n, "kind", u->kind) || xml_attr(n, "start", start) ||
	    xml_attr(n, "end", end) || xml_attr_int(n, "seconds", u->seconds) ||
	    (u->bytes_in >= 0 && xml_attr_int(n, "bytes-in", u->bytes_in)) ||
	    (u->bytes_out >= 0 && xml_attr_int(n, "bytes-out", u->bytes_out)) ||
	    xml_text(n, "service-name", u->service) == NULL ||
	    (u->number && xml_text(n, "number", u->number) == NULL) ||
	    (u->cost >= 0 && xml_money(n, "cost", u->cost, l->cur, l->r->lang) == NULL))
		return PERR_NOMEM;
	return PERR_OK;
}

/* The records after the first `keep` dropped: a refused download's page shows what the page
 * would. */
static void usage_trim(xmlNodePtr list, unsigned keep)
{
	xmlNodePtr c, next;
	unsigned n = 0;

	for (c = list->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_ELEMENT_NODE && ++n > keep) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
		}
	}
}

static enum perr usage_kind_row(void *p, const char *kind)
{
	return xml_text(p, "kind", kind) == NULL ? PERR_NOMEM : PERR_OK;
}

/* <usage-kinds>: the kinds of use the account's lines have records of. */
static int usage_kinds_xml(struct req *r, uint64_t account)
{
	xmlNodePtr kinds = xml_elem(r->root, "usage-kinds");
	enum perr e;

	if (kinds == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_usage_kinds(r->arena, account, usage_kind_row, kinds)) != PERR_OK)
		return page_fail(r, e);
	return 0;
}

static int usage_totals_xml(struct req *r, const struct usage_totals *t, const struct currency *cur)
{
	xmlNodePtr n = xml_elem(r->root, "usage-totals");

	if (n == NULL || xml_attr_int(n, "count", t->count) ||
	    xml_attr_int(n, "seconds", t->seconds) || xml_attr_int(n, "bytes-in", t->bytes_in) ||
	    xml_attr_int(n, "bytes-out", t->bytes_out) ||
	    xml_money(n, "cost", t->cost, cur, r->lang) == NULL)
		return -1;
	return 0;
}

/*
 * GET /usage ?from=&to= (months, default the twelve up to this one),
 * kind=call|session (none: both): the account's calls and connection
 * sessions started in the period, the months being the organization's, with
 * what they come to.  ?format=csv or xlsx: the period's records as a file.
 */
int usage_page(struct req *r)
{
	const struct fval *kv = req_val(r, K_KIND), *fmt = req_val(r, K_FORMAT);
	int file = fmt && (strcmp(fmt->s, "csv") == 0 || strcmp(fmt->s, "xlsx") == 0);
	struct use_list l = {.r = r, .max = file ? USAGE_FILE_MAX : USAGE_SHOWN};
	const char *kind = NULL;
	struct usage_totals t;
	struct account a;
	month_t from = 0, to = 0;
	char since[20], until[20], f[8], to_s[8];
	int st;
	enum perr e;

	if ((st = account_head(r, &a)) != 0)
		return st;
	l.cur = a.org.cur;
	/* The organization's zone: its months are the period's, its clock the times shown. */
	if ((e = db_invoice_zone(r->arena, a.org.id, &l.tz)) != PERR_OK)
		return page_fail(r, e);
	if ((st = usage_kinds_xml(r, a.id)) != 0 ||
	    (st = page_period(r, K_FROM, K_TO, month_today_in(l.tz), &from, &to)) != 0)
		return st;
	if (r->bad[K_KIND] || (kv && strcmp(kv->s, "call") != 0 && strcmp(kv->s, "session") != 0))
		return page_refuse(r, 400, "kind", "bad-kind");
	kind = kv ? kv->s : NULL;
	if (period_utc(from, to, l.tz, since, until) != 0 ||
	    (l.list = xml_elem(r->root, "usage")) == NULL ||
	    (kind && xml_attr(l.list, "kind", kind)))
		return page_error(r, 500, "internal");
	e = db_usage_records(r->arena, a.id, kind, since, until, l.max + 1, r->lang, usage_row, &l);
	if (e != PERR_OK)
		return page_fail(r, e);
	if ((e = db_usage_totals(r->arena, a.id, kind, since, until, &t)) != PERR_OK)
		return page_fail(r, e);
	if (usage_totals_xml(r, &t, l.cur) != 0)
		return page_error(r, 500, "internal");
	if (!file)
		return 200;
	/* A file with some of the period's records would pass for all of them. */
	if (l.n > l.max) {
		usage_trim(l.list, USAGE_SHOWN);
		return page_refuse(r, 413, "from", "usage-too-many");
	}
	month_format(from, f);
	month_format(to, to_s);
	return page_table(r, fmt->s,
	                  arena_printf(r->arena, "usage-%s-%s-%s", kind ? kind : "all", f, to_s));
}
