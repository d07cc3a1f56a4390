/*
 * calculator.c: what a consumption would cost, by the tariff engine.
 *
 *   GET  /calculator   the form; ?org= picks an organization's tariffs
 *   POST /calculator   readings at two dates -> consumption per zone, a line
 *                      per zone and tier with rate and amount, VAT, total
 *
 * Signed out, any organization's public tariffs; signed in, the current
 * account's organization by default, its own plans included, and the
 * account's residents and household filled in.  A subscriber may pick one of
 * their meters (?meter=): its tariff, account and last accepted reading fill
 * the form.  Nothing is stored.
 */
#include <stdint.h>
#include <string.h>
#include <stdio.h>

#include "app/tariff_period.h"
#include "billing/account.h"
#include "billing/reading.h"
#include "billing/tariff.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/log.h"
#include "core/money.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/organization.h"
#include "db/reading.h"
#include "db/tariff.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/serve.h"

enum key {
	K_ORG, K_PLAN, K_RESIDENTS, K_HOUSEHOLD, K_FROM, K_TO,
	K_PREV1, K_PREV2, K_PREV3, K_CURR1, K_CURR2, K_CURR3, K_ROLLOVER, K_METER, K__MAX
};

#define READING_MAX 999999999999LL /* twelve whole digits */

static const struct field fields[K__MAX] = {
	[K_ORG] = {"org", valid_int, 1, 4294967295LL},
	[K_PLAN] = {"plan", valid_int, 1, 4294967295LL},
	[K_RESIDENTS] = {"residents", valid_int, 1, 20},
	[K_HOUSEHOLD] = {"household", valid_text, 3, 12},
	[K_FROM] = {"from", valid_date, 10, 10},
	[K_TO] = {"to", valid_date, 10, 10},
	[K_PREV1] = {"prev1", valid_decimal, 0, READING_MAX},
	[K_PREV2] = {"prev2", valid_decimal, 0, READING_MAX},
	[K_PREV3] = {"prev3", valid_decimal, 0, READING_MAX},
	[K_CURR1] = {"curr1", valid_decimal, 0, READING_MAX},
	[K_CURR2] = {"curr2", valid_decimal, 0, READING_MAX},
	[K_CURR3] = {"curr3", valid_decimal, 0, READING_MAX},
	[K_ROLLOVER] = {"rollover", valid_text, 1, 1},
	[K_METER] = {"meter", valid_int, 1, 4294967295LL},
};

/* The longest period one calculation covers. */
#define PERIOD_MAX_DAYS 366

struct calc {
	struct req *r;
	struct account acc; /* the current account, if signed in with one */
	int have_acc;
	uint64_t org;
	const struct currency *cur;
	xmlNodePtr orgs, plans;
	int org_listed;
	uint64_t plan_want;
	struct tariff_plan plan;
	int plan_found;
	xmlNodePtr meters;
	struct meter meter; /* the one chosen, if meter_found */
	int meter_found;
	int failed; /* a field's error could not be added to the document */
};

static enum perr org_row(void *p, const struct organization *o)
{
	struct calc *c = p;
	xmlNodePtr n = xml_text(c->orgs, "organization", o->name);

	if (n == NULL || xml_attr_int(n, "id", (long long)o->id))
		return PERR_NOMEM;
	if (c->org == 0) /* nothing chosen and no account: the first one */
		c->org = o->id;
	if (o->id == c->org) {
		c->org_listed = 1;
		c->cur = o->cur;
		if (xml_attr(n, "selected", "1"))
			return PERR_NOMEM;
	}
	return PERR_OK;
}

static enum perr plan_row(void *p, const struct tariff_plan *t)
{
	struct calc *c = p;
	xmlNodePtr n = xml_text(c->plans, "plan", t->name);

	if (n == NULL || xml_attr_int(n, "id", (long long)t->id) ||
	    xml_attr_int(n, "zones", t->zones))
		return PERR_NOMEM;
	/* The first plan unless one was asked for. */
	if ((c->plan_want == 0 && !c->plan_found) || t->id == c->plan_want) {
		c->plan = *t;
		c->plan_found = 1;
	}
	return PERR_OK;
}

static enum perr meter_row(void *p, const struct meter *m)
{
	struct calc *c = p;
	const struct fval *want = req_val(c->r, K_METER);
	xmlNodePtr n;

	if (m->plan_id == 0) /* nothing to calculate a water meter by yet */
		return PERR_OK;
	n = xml_text(c->meters, "meter", m->number);
	if (n == NULL || xml_attr_int(n, "id", (long long)m->id) || xml_attr(n, "kind", m->kind) ||
	    xml_attr(n, "account", m->account_number))
		return PERR_NOMEM;
	if (want != NULL && (uint64_t)want->i == m->id) {
		c->meter = *m;
		c->meter_found = 1;
		if (xml_attr(n, "selected", "1"))
			return PERR_NOMEM;
	}
	return PERR_OK;
}

/* A chosen meter fills in the previous readings, their date and today. */
static int echo_meter(struct calc *c, xmlNodePtr f)
{
	struct req *r = c->r;
	day_t since = 0;
	char buf[11];
	unsigned z;

	for (z = 0; z < c->meter.zones; z++) {
		const char *v;

		if (c->meter.last[z] < 0)
			continue;
		if (c->meter.last_on[z] > since)
			since = c->meter.last_on[z];
		v = decimal_text(r->arena, c->meter.last[z], c->meter.decimals);
		if (v == NULL || xml_text(f, r->sec->fields[K_PREV1 + z].name, v) == NULL)
			return -1;
	}
	if (since == 0)
		return 0;
	day_format(since, buf);
	if (xml_text(f, "from", buf) == NULL)
		return -1;
	day_format(day_today(), buf);
	return xml_text(f, "to", buf) == NULL ? -1 : 0;
}

/* What the form shows: typed values, else the account's, else defaults. */
static int echo(struct calc *c, xmlNodePtr f)
{
	static const size_t keys[] = {K_FROM, K_TO, K_PREV1, K_PREV2, K_PREV3,
				      K_CURR1, K_CURR2, K_CURR3, K_ROLLOVER};
	struct req *r = c->r;
	const char *res = req_typed(r, K_RESIDENTS), *hh = req_typed(r, K_HOUSEHOLD);
	char buf[11];
	int y, m, d;
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const char *v = req_typed(r, keys[i]);

		if (v != NULL && xml_text(f, r->sec->fields[keys[i]].name, v) == NULL)
			return -1;
	}
	if (r->method != M_POST && c->meter_found) {
		if (echo_meter(c, f) != 0)
			return -1;
	} else if (r->method != M_POST) { /* a new form: last month, from the 1st to the 1st */
		day_to_civil(day_today(), &y, &m, &d);
		day_format(day_from_civil(y, m, 1), buf);
		if (xml_text(f, "to", buf) == NULL)
			return -1;
		day_format(day_from_civil(m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1, 1), buf);
		if (xml_text(f, "from", buf) == NULL)
			return -1;
	}
	if (c->meter_found && res == NULL && hh == NULL) { /* the meter's own account */
		if (xml_int(f, "residents", c->meter.residents) == NULL ||
		    xml_text(f, "household", c->meter.household ? c->meter.household : "gas") == NULL)
			return -1;
	} else if ((res ? xml_text(f, "residents", res)
			: xml_int(f, "residents", c->have_acc ? c->acc.residents : 1)) == NULL ||
		   xml_text(f, "household", hh ? hh : c->have_acc ? c->acc.household : "gas") ==
			   NULL) {
		return -1;
	}
	if (c->plan_found && xml_attr_int(f, "plan", (long long)c->plan.id))
		return -1;
	return 0;
}

/* The form: organizations, the chosen one's plans, the fields. */
static int form(struct calc *c)
{
	struct req *r = c->r;
	const struct fval *org = req_val(r, K_ORG), *plan = req_val(r, K_PLAN);
	xmlNodePtr calc = xml_elem(r->root, "calculator");
	enum perr e;

	if (r->sess != NULL && r->sess->account_id != 0) {
		e = db_account_get(r->arena, r->sess->subscriber_id, r->sess->account_id,
		                   RIGHT_VIEW, &c->acc);
		if (e != PERR_OK)
			return page_fail(r, e);
		c->have_acc = 1;
	}
	if (calc == NULL || (c->orgs = xml_elem(calc, "organizations")) == NULL ||
	    (c->plans = xml_elem(calc, "plans")) == NULL)
		return page_error(r, 500, "internal");
	/* A subscriber's meters; a chosen one decides organization and tariff. */
	if (r->sess != NULL) {
		if ((c->meters = xml_elem(calc, "meters")) == NULL)
			return page_error(r, 500, "internal");
		if ((e = db_meters(r->arena, r->sess->subscriber_id, 0, 0, meter_row, c)) != PERR_OK)
			return page_fail(r, e);
	}
	if (req_val(r, K_METER) != NULL && !c->meter_found)
		return page_fail(r, PERR_NOT_FOUND);
	c->org = c->meter_found ? c->meter.org_id
		 : org		? (uint64_t)org->i
		 : c->have_acc	? c->acc.org.id
				: 0;
	c->plan_want = c->meter_found ? c->meter.plan_id : plan ? (uint64_t)plan->i : 0;
	if ((e = db_public_organizations(r->arena, org_row, c)) != PERR_OK)
		return page_fail(r, e);
	/* A subscriber's own organization, even if it publishes nothing. */
	if (!c->org_listed && c->have_acc && c->org == c->acc.org.id) {
		struct organization own = c->acc.org;

		if ((e = org_row(c, &own)) != PERR_OK)
			return page_fail(r, e);
	}
	if (c->org_listed) {
		int own = (c->have_acc && c->org == c->acc.org.id) || c->meter_found;

		e = db_tariff_plans(r->arena, c->org, own, r->lang, plan_row, c);
		if (e != PERR_OK)
			return page_fail(r, e);
	}
	if (echo(c, xml_elem(calc, "form")) != 0)
		return page_error(r, 500, "internal");
	return 0;
}

/* A reading's message: not given, too large for any meter, or not a number. */
static const char *number_problem(struct req *r, size_t k)
{
	if (!r->bad[k])
		return "required";
	return valid_only_too_large(req_sent(r, r->sec->fields[k].name)) ? "reading-too-large"
									    : "bad-number";
}

/* A date field's message: not given, not a date, or a date outside 2000..2099. */
static const char *date_problem(struct req *r, size_t k)
{
	if (!r->bad[k])
		return "required";
	return valid_date_shape(req_sent(r, r->sec->fields[k].name)) ? "date-out-of-range" : "bad-date";
}

static int field_error(struct calc *c, const char *field, const char *code)
{
	if (xml_form_error(c->r, field, code) != 0)
		c->failed = 1;
	return 1;
}

/* Consumption per zone from the readings; 0 if all are usable. */
static int consumption(struct calc *c, long long q[TARIFF_ZONES])
{
	struct req *r = c->r;
	int bad = 0, rollover = req_val(r, K_ROLLOVER) != NULL;
	unsigned z;

	for (z = 0; z < c->plan.zones; z++) {
		const struct fval *p = req_val(r, K_PREV1 + z), *n = req_val(r, K_CURR1 + z);
		const char *pn = r->sec->fields[K_PREV1 + z].name, *cn = r->sec->fields[K_CURR1 + z].name;
		unsigned digits = 1;
		long long whole;

		if (p == NULL)
			bad |= field_error(c, pn, number_problem(r, K_PREV1 + z));
		if (n == NULL)
			bad |= field_error(c, cn, number_problem(r, K_CURR1 + z));
		if (p == NULL || n == NULL)
			continue;
		/* The register's size: the chosen meter's, else read off the larger
		 * reading.  A rollover wraps there. */
		if (c->meter_found) {
			digits = c->meter.digits;
			if (!reading_fits(p->i, digits, 3) || !reading_fits(n->i, digits, 3)) {
				bad |= field_error(c, reading_fits(p->i, digits, 3) ? cn : pn,
						   "reading-too-large");
				continue;
			}
		} else {
			for (whole = (p->i > n->i ? p->i : n->i) / 1000; whole >= 10; whole /= 10)
				digits++;
		}
		if (reading_consumption(p->i, n->i, digits, 3, rollover, &q[z]) != 0)
			bad |= field_error(c, cn, rollover ? "rollover-implausible" : "below-previous");
	}
	return bad;
}

static int money_el(struct calc *c, xmlNodePtr n, const char *name, money_t v)
{
	return xml_money(n, name, v, c->cur, c->r->lang) == NULL ? -1 : 0;
}

static int quantity_el(struct calc *c, xmlNodePtr n, const char *name, long long milli)
{
	const char *text = decimal_text(c->r->arena, milli, 3);

	return text == NULL || xml_text(n, name, text) == NULL ? -1 : 0;
}

static int result(struct calc *c, const struct charge *ch, const long long q[TARIFF_ZONES],
		  const struct tariff *ts, size_t nt)
{
	xmlNodePtr res = xml_elem(c->r->root, "result"), n;
	char from[11], to[11];
	size_t i;
	unsigned z;

	if (res == NULL || xml_attr(res, "currency", c->cur->code) ||
	    xml_text(res, "plan", c->plan.name) == NULL)
		return -1;
	for (i = 0; i < nt; i++) {
		day_format(ts[i].valid_from, from);
		day_format(ts[i].valid_to, to);
		n = xml_elem(res, "tariff");
		if (n == NULL || xml_attr(n, "from", from) || xml_attr(n, "to", to) ||
		    xml_attr_int(n, "vat-bp", ts[i].vat_bp) ||
		    (ts[i].vat_included && xml_attr(n, "vat-included", "1")))
			return -1;
	}
	for (z = 0; z < c->plan.zones; z++) {
		n = xml_elem(res, "consumption");
		if (n == NULL || xml_attr_int(n, "zone", z + 1) || quantity_el(c, n, "quantity", q[z]))
			return -1;
	}
	for (i = 0; i < ch->n; i++) {
		const struct charge_line *l = &ch->line[i];

		day_format(l->tariff->valid_from, from);
		n = xml_elem(res, "line");
		if (n == NULL || xml_attr_int(n, "zone", l->zone + 1) ||
		    xml_attr_int(n, "tier", l->tier + 1) || xml_attr_int(n, "tiers", l->tariff->tiers) ||
		    xml_attr(n, "tariff-from", from) || quantity_el(c, n, "quantity", l->qty) ||
		    xml_price(n, "price", l->price, c->cur, c->r->lang) == NULL ||
		    money_el(c, n, "amount", l->amount) ||
		    money_el(c, n, "vat", l->vat))
			return -1;
	}
	if (money_el(c, res, "vat", ch->vat) || money_el(c, res, "total", ch->total))
		return -1;
	return 0;
}

static int calculate(struct calc *c)
{
	struct req *r = c->r;
	const struct fval *from = req_val(r, K_FROM), *to = req_val(r, K_TO);
	const struct fval *res = req_val(r, K_RESIDENTS), *hh = req_val(r, K_HOUSEHOLD);
	struct tariff ts[TARIFF_PARTS];
	const struct tariff *tp[TARIFF_PARTS];
	struct charge ch;
	struct usage u;
	long long q[TARIFF_ZONES] = {0, 0, 0};
	int bad = 0, y, m, d, y2, m2, d2;
	size_t nt = 0, i;
	enum perr e;

	if (!c->org_listed)
		bad |= field_error(c, "org", "choose");
	else if (!c->plan_found || (c->plan_want != 0 && c->plan.id != c->plan_want))
		bad |= field_error(c, "plan", "choose");
	if (res == NULL)
		bad |= field_error(c, "residents", "residents");
	if (hh == NULL || household_parse(hh->s) < 0)
		bad |= field_error(c, "household", "choose");
	if (from == NULL)
		bad |= field_error(c, "from", date_problem(r, K_FROM));
	if (to == NULL)
		bad |= field_error(c, "to", date_problem(r, K_TO));
	if (from != NULL && to != NULL) {
		if (to->i <= from->i)
			bad |= field_error(c, "to", "dates-reversed");
		else if (to->i > day_today())
			bad |= field_error(c, "to", "date-future");
		else if (to->i - from->i > PERIOD_MAX_DAYS)
			bad |= field_error(c, "to", "period-too-long");
	}
	if (c->plan_found)
		bad |= consumption(c, q);
	if (c->failed)
		return page_error(r, 500, "internal");
	if (bad)
		return page_status(r, 400);

	/* Readings on two days: consumption on the days from the first up to the second. */
	e = tariff_period(r->arena, c->plan.id, (day_t)from->i, (day_t)to->i - 1, ts, &nt);
	if (e == PERR_TOO_LARGE)
		return field_error(c, "to", "too-many-tariffs") && !c->failed ? page_status(r, 422)
									      : page_error(r, 500, "internal");
	if (e != PERR_OK && e != PERR_NOT_FOUND) /* not found: no VAT rate, said as no tariff below */
		return page_fail(r, e);
	if (e == PERR_NOT_FOUND)
		nt = 0;
	memset(&u, 0, sizeof(u));
	for (i = 0; i < TARIFF_ZONES; i++)
		u.zone[i] = q[i];
	u.residents = (unsigned)res->i;
	u.household = (enum household)household_parse(hh->s);
	u.from = (day_t)from->i;
	u.to = (day_t)to->i - 1;
	day_to_civil(u.from, &y, &m, &d);
	day_to_civil((day_t)to->i, &y2, &m2, &d2);
	u.whole_month = d == 1 && d2 == 1 && y2 * 12 + m2 == y * 12 + m + 1;
	for (i = 0; i < nt; i++) {
		ts[i].name = c->plan.name;
		ts[i].zones = c->plan.zones;
		tp[i] = &ts[i];
	}
	if (nt == 0 || tariff_charge(tp, nt, &u, &ch) != 0) {
		log_msg(LOG_INFO, "calculator: plan %llu has no tariff for the whole period",
			(unsigned long long)c->plan.id);
		return field_error(c, "to", "no-tariff") && !c->failed ? page_status(r, 422)
								       : page_error(r, 500, "internal");
	}
	if (c->cur == NULL || result(c, &ch, q, ts, nt) != 0)
		return page_error(r, 500, "internal");
	return 200;
}

static int calculator(struct req *r)
{
	struct calc c;
	int st;

	memset(&c, 0, sizeof(c));
	c.r = r;
	if (r->bad[K_ORG] || r->bad[K_PLAN] || r->bad[K_METER])
		return page_fail(r, PERR_NOT_FOUND);
	if ((st = form(&c)) != 0)
		return st;
	if (r->method == M_POST)
		return calculate(&c);
	/* A chosen organization that publishes nothing is not there. */
	if (req_val(r, K_ORG) != NULL && !c.org_listed)
		return page_fail(r, PERR_NOT_FOUND);
	return 200;
}

static const struct page pages[] = {
	{"/calculator", M_GET | M_POST, PAGE_PUBLIC | PAGE_READ_ONLY_POST, "calculator", calculator},
};

static const struct section section = {
	.name = "calculator", .pages = pages, .npages = sizeof(pages) / sizeof(pages[0]), .fields = fields,
	.nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
