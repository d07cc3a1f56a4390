/*
 * services/statement.c: one service's printable statement (GET /services/statement):
 * its months with tariff and quantity, and its corrections.
 */
#include <stdint.h>
#include <string.h>

#include "core/month.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/ledger.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "services/services.h"

static enum perr correction_row(void *p, const struct correction *x)
{
	struct ctx *c = p;
	xmlNodePtr n = xml_elem(c->parent, "correction");
	char m[8];

	month_format(x->month, m);
	if (n == NULL || xml_attr(n, "m", m) ||
	    xml_money(n, "amount", x->amount, c->cur, c->r->lang) == NULL ||
	    xml_text(n, "reason", x->reason) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

/* ?format=pdf, csv or xlsx: the statement as a file named for what it holds. */
static int offer_download(struct req *r, uint64_t account, uint64_t service, month_t from,
                          month_t to)
{
	const struct fval *fmt = req_val(r, K_FORMAT);
	char f[8], t[8];
	const char *base;

	if (fmt == NULL)
		return 200;
	month_format(from, f);
	month_format(to, t);
	base = arena_printf(r->arena, "statement-%llu-%llu-%s-%s", (unsigned long long)account,
	                    (unsigned long long)service, f, t);
	if (base == NULL)
		return page_error(r, 500, "internal");
	if (strcmp(fmt->s, "pdf") == 0)
		return page_pdf(r, arena_printf(r->arena, "%s.pdf", base));
	return page_table(r, fmt->s, base);
}

int statement(struct req *r)
{
	const struct fval *svc = req_val(r, K_SERVICE);
	struct ctx c = {.r = r, .one_service = 1};
	struct account_service s;
	xmlNodePtr n;
	month_t from = 0, to = 0;
	int st;
	enum perr e;

	if (r->sess->account_id == 0 || svc == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	e = db_account_service(r->arena, r->sess->account_id, (uint64_t)svc->i, r->lang, &s);
	if (e != PERR_OK)
		return page_fail(r, e);
	/* The head from the service's row, as the services page takes it. */
	if (head_xml(xml_elem(r->root, "account-head"), &s.acc) != 0)
		return page_error(r, 500, "internal");
	c.cur = s.acc.org.cur;
	n = xml_elem(r->root, "statement");
	if (n == NULL || xml_attr_int(n, "service", (long long)s.service_id) ||
	    xml_text(n, "name", s.service) == NULL || xml_text(n, "supplier", s.supplier) == NULL ||
	    xml_text(n, "unit", s.unit) == NULL)
		return page_error(r, 500, "internal");
	if ((st = page_period(r, K_FROM, K_TO, default_end(s.month), &from, &to)) != 0)
		return st;
	if ((st = months(&c, s.service_id, from, to)) != 0)
		return st;
	c.parent = xml_elem(r->root, "corrections");
	if (c.parent == NULL)
		return page_error(r, 500, "internal");
	e = db_corrections(r->arena, s.acc.id, s.service_id, from, to, correction_row, &c);
	if (e != PERR_OK)
		return page_fail(r, e);
	return offer_download(r, s.acc.id, s.service_id, from, to);
}
