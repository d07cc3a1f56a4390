/*
 * readings.c: meter readings for every meter of every linked account.
 *
 *   GET  /readings           one form: each register prefilled with its last accepted reading
 *   POST /readings           action=preview: consumption, warnings and the estimated charge;
 *                            action=submit: store the changed registers, 303 back
 *   GET  /readings/history   ?meter=: every reading with its consumption, source and status
 *
 * The inputs are named per meter and register (m12z1, m12z2, ...; m12r for
 * "the meter passed zero"), so they are read here with the same validators
 * the field table uses.  A meter on an account that is not linked is the
 * usual 404.
 */
#include <stdint.h>
#include <string.h>
#include <stdio.h>

#include "app/tariff_period.h"
#include "billing/reading.h"
#include "billing/tariff.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/log.h"
#include "core/parse.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/db.h"
#include "db/reading.h"
#include "db/tariff.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/serve.h"

enum key { K_ACTION, K_METER, K_DONE, K_FORMAT, K__MAX };

static const struct field fields[K__MAX] = {
	[K_ACTION] = {"action", valid_text, 6, 7},
	[K_METER] = {"meter", valid_int, 1, 4294967295LL},
	[K_DONE] = {"done", valid_int, 1, 1},
	[K_FORMAT] = {"format", valid_token, 1, 8}, /* csv, xlsx: the history as a table */
};

#define MAX_METERS 32
#define WARN_FACTOR 3 /* consumption over 3x the usual is questioned, not refused */

static const struct field reading_field = {"reading", valid_decimal, 0, 999999999999LL};
static const struct field flag_field = {"flag", valid_text, 1, 1};

struct entry {
	struct meter m;
	long long value[TARIFF_ZONES];   /* typed, register units; -1 none */
	const char *refused[TARIFF_ZONES]; /* what was typed, when it was refused; else NULL */
	long long consumed[TARIFF_ZONES]; /* register units */
	int changed;
	day_t today; /* where the meter's organization is: its window, its "today" */
};

struct page_state {
	struct req *r;
	struct entry e[MAX_METERS];
	size_t n;
	int failed; /* a field's error could not be added to the document */
};

static long long pow10i(unsigned n)
{
	long long v = 1;

	while (n-- > 0)
		v *= 10;
	return v;
}

static int zone_same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static enum perr meter_row(void *p, const struct meter *m)
{
	struct page_state *s = p;
	unsigned z;

	if (s->n == MAX_METERS) { /* the page shows this many; the rest are logged, not lost */
		log_msg(LOG_WARN, "subscriber %llu: meter %llu beyond the %d a page shows",
		        (unsigned long long)s->r->sess->subscriber_id, (unsigned long long)m->id,
		        MAX_METERS);
		return PERR_OK;
	}
	memset(&s->e[s->n], 0, sizeof(s->e[s->n]));
	s->e[s->n].m = *m;
	for (z = 0; z < TARIFF_ZONES; z++)
		s->e[s->n].value[z] = -1;
	/* Once per organization's zone: meters of one organization come together. */
	s->e[s->n].today = s->n > 0 && zone_same(s->e[s->n - 1].m.time_zone, m->time_zone)
				   ? s->e[s->n - 1].today
				   : day_today_in(m->time_zone);
	s->n++;
	return PERR_OK;
}

/*
 * What a register has now: the subscriber's own reading the organization has
 * not taken yet (a new value corrects it), else the last accepted one.
 */
static long long current(const struct meter *m, unsigned z)
{
	return m->own_id[z] != 0 ? m->own[z] : m->last[z];
}

static int window_open(const struct entry *e)
{
	int y, mo, d;

	day_to_civil(e->today, &y, &mo, &d);
	return (unsigned)d >= e->m.window_from && (unsigned)d <= e->m.window_to;
}

/* The day submission opens next, when it is closed today: this month's first
 * day of the window if still ahead, else next month's (kept inside a short month). */
static day_t window_next(const struct entry *e)
{
	int y, mo, d;
	unsigned from = e->m.window_from;

	day_to_civil(e->today, &y, &mo, &d);
	if ((unsigned)d >= from) {
		y += mo == 12;
		mo = mo == 12 ? 1 : mo + 1;
	}
	if (from > month_length(y, mo))
		from = month_length(y, mo);
	return day_from_civil(y, mo, (int)(from < 1 ? 1 : from));
}

/* The raw value of a per-meter input, validated like any field: 1 sent, 0 blank, -1 bad. */
static int raw_value(struct req *r, const struct field *f, const char *name, struct fval *v)
{
	const struct kv *kv = kv_find(&r->form, name);

	memset(v, 0, sizeof(*v));
	if (kv == NULL || kv->vlen == 0)
		return 0;
	if (kv_count(&r->form, name) > 1 || f->valid(f, kv->val, kv->vlen, r->arena, v) != 0)
		return -1;
	return 1;
}

static int field_error(struct page_state *s, const char *field, const char *code)
{
	if (xml_form_error(s->r, field, code) != 0)
		s->failed = 1;
	return 1;
}

/*
 * Read and check every register; 0 when all of it is usable.  Outside the
 * window a reading is refused only when it is being submitted: checking one
 * (the preview) works any day.
 */
static int check(struct page_state *s, int submitting)
{
	struct req *r = s->r;
	int bad = 0;
	size_t i;
	unsigned z;

	for (i = 0; i < s->n; i++) {
		struct entry *e = &s->e[i];
		const char *rname = arena_printf(r->arena, "m%llur", (unsigned long long)e->m.id);
		struct fval v;
		int rollover = rname != NULL && raw_value(r, &flag_field, rname, &v) == 1;

		for (z = 0; z < e->m.zones; z++) {
			const char *name = arena_printf(r->arena, "m%lluz%u",
							(unsigned long long)e->m.id, z + 1);
			long long step = pow10i(3 - e->m.decimals);
			int got;

			if (name == NULL)
				return s->failed = 1;
			got = raw_value(r, &reading_field, name, &v);
			if (got <= 0 || v.i % step != 0)
				e->refused[z] = req_sent(r, name);
			if (got == 0) {
				bad |= field_error(s, name, "required");
				continue;
			}
			if (got < 0 && valid_only_too_large(e->refused[z])) {
				bad |= field_error(s, name, "reading-too-large");
				continue;
			}
			if (got < 0 || v.i % step != 0) {
				bad |= field_error(s, name, e->m.decimals ? "bad-reading" : "whole-reading");
				continue;
			}
			/* More digits than the register has: too large, whatever came before. */
			if (!reading_fits(v.i / step, e->m.digits, e->m.decimals)) {
				e->refused[z] = req_sent(r, name);
				bad |= field_error(s, name, "reading-too-large");
				continue;
			}
			e->value[z] = v.i / step;
			if (e->value[z] == current(&e->m, z))
				continue; /* what the register has already */
			e->changed = 1;
			if (e->m.last[z] < 0)
				continue; /* a first reading: nothing to compare */
			if (reading_consumption(e->m.last[z], e->value[z], e->m.digits, e->m.decimals,
						rollover, &e->consumed[z]) != 0)
				bad |= field_error(s, name, rollover ? "rollover-implausible"
								     : "below-previous");
			else if (submitting && !window_open(e))
				bad |= field_error(s, name, "window-closed");
		}
	}
	return bad;
}

/* The estimated charge of a meter's new readings, by its tariff; 0 if none can be made. */
static int estimate(struct page_state *s, const struct entry *e, xmlNodePtr n)
{
	struct req *r = s->r;
	struct tariff ts[TARIFF_PARTS];
	const struct tariff *tp[TARIFF_PARTS];
	struct charge ch;
	struct usage u;
	size_t nt = 0, i;
	unsigned z;
	int h;
	day_t since = 0;

	if (e->m.plan_id == 0 || e->m.cur == NULL)
		return 0;
	memset(&u, 0, sizeof(u));
	for (z = 0; z < e->m.zones; z++) {
		if (e->m.last[z] < 0)
			return 0;
		u.zone[z] = e->consumed[z] * pow10i(3 - e->m.decimals);
		if (e->m.last_on[z] > since)
			since = e->m.last_on[z];
	}
	u.from = since;
	u.to = e->today - 1;
	if (u.to < u.from)
		return 0;
	u.residents = (unsigned)e->m.residents;
	h = household_parse(e->m.household);
	u.household = h >= 0 ? (enum household)h : HH_GAS;
	if (tariff_period(r->arena, e->m.plan_id, u.from, u.to, ts, &nt) != PERR_OK || nt == 0)
		return 0;
	for (i = 0; i < nt; i++) {
		ts[i].zones = e->m.zones;
		tp[i] = &ts[i];
	}
	if (tariff_charge(tp, nt, &u, &ch) != 0)
		return 0;
	return xml_money(n, "estimate", ch.total, e->m.cur, r->lang) == NULL ? -1 : 0;
}

/*
 * Over three times what the last six months suggest for that many days:
 * questioned on the preview, and sent in, it waits for staff's review.
 */
static int unusual(const struct entry *e, unsigned z)
{
	long long days = (long long)e->today - e->m.last_on[z];

	return e->m.last[z] >= 0 && e->value[z] >= 0 && e->m.avg_days[z] > 0 &&
	       e->m.avg_delta[z] > 0 && days > 0 &&
	       e->consumed[z] * e->m.avg_days[z] > WARN_FACTOR * e->m.avg_delta[z] * days;
}

static int meters_xml(struct page_state *s, int preview)
{
	struct req *r = s->r;
	xmlNodePtr list = xml_elem(r->root, "readings"), n, g;
	char today[11], buf[11];
	size_t i;
	unsigned z;

	/* The first meter's organization's day (most subscribers have one organization). */
	day_format(s->n > 0 ? s->e[0].today : day_today(), today);
	if (list == NULL || xml_attr(list, "today", today) ||
	    (req_val(r, K_DONE) && xml_attr(list, "done", "1")) ||
	    (preview && xml_attr(list, "preview", "1")))
		return -1;
	for (i = 0; i < s->n; i++) {
		const struct entry *e = &s->e[i];
		int open = window_open(e);

		day_format(open ? e->today : window_next(e), buf);
		n = xml_elem(list, "meter");
		if (n == NULL || xml_attr_int(n, "id", (long long)e->m.id) ||
		    xml_attr(n, "kind", e->m.kind) || xml_attr_int(n, "zones", e->m.zones) ||
		    xml_attr_int(n, "decimals", e->m.decimals) ||
		    xml_attr_int(n, "window-from", e->m.window_from) ||
		    xml_attr_int(n, "window-to", e->m.window_to) ||
		    (open ? xml_attr(n, "window-open", "1") : xml_attr(n, "window-next", buf)) ||
		    xml_text(n, "number", e->m.number) == NULL ||
		    xml_text(n, "account", e->m.account_number) == NULL ||
		    xml_text(n, "address", e->m.address) == NULL ||
		    (e->m.verification_due &&
		     xml_text(n, "verification-due", e->m.verification_due) == NULL))
			return -1;
		for (z = 0; z < e->m.zones; z++) {
			long long shown = e->value[z] >= 0 ? e->value[z] : current(&e->m, z);

			g = xml_elem(n, "register");
			if (g == NULL || xml_attr_int(g, "zone", z + 1))
				return -1;
			if (e->m.last[z] >= 0) {
				day_format(e->m.last_on[z], buf);
				if (xml_attr(g, "last",
					     decimal_text(r->arena, e->m.last[z], e->m.decimals)) ||
				    xml_attr(g, "last-on", buf))
					return -1;
			}
			if (e->m.own_id[z] != 0) {
				day_format(e->m.own_on[z], buf);
				if (xml_attr(g, "own", decimal_text(r->arena, e->m.own[z], e->m.decimals)) ||
				    xml_attr(g, "own-on", buf))
					return -1;
			}
			/* A refused value is shown as typed, never replaced by the last reading. */
			if (e->refused[z] != NULL ? xml_attr(g, "value", e->refused[z])
			    : shown >= 0 &&
				      xml_attr(g, "value", decimal_text(r->arena, shown, e->m.decimals)))
				return -1;
			if (preview && e->value[z] >= 0 && e->m.last[z] >= 0 &&
			    e->value[z] != current(&e->m, z)) {
				if (xml_attr(g, "consumed",
					     decimal_text(r->arena, e->consumed[z], e->m.decimals)))
					return -1;
				if (unusual(e, z) && xml_attr(g, "unusual", "1"))
					return -1;
			}
		}
		if (preview && e->changed && estimate(s, e, n) != 0)
			return -1;
	}
	return 0;
}

/* The meters; with steps, what each register used lately, to question a reading by. */
static int load(struct page_state *s, uint64_t only, int steps)
{
	enum perr e = db_meters(s->r->arena, s->r->sess->subscriber_id, only, steps, meter_row, s);

	return e == PERR_OK ? 0 : page_fail(s->r, e);
}

static int form_get(struct req *r)
{
	struct page_state s = {.r = r};
	int st;

	if ((st = load(&s, 0, 0)) != 0)
		return st;
	return meters_xml(&s, 0) == 0 ? 200 : page_error(r, 500, "internal");
}

static int form_post(struct req *r)
{
	const struct fval *action = req_val(r, K_ACTION);
	struct page_state s = {.r = r};
	int st, bad, any = 0;
	size_t i;
	unsigned z;
	enum perr e;

	if (action == NULL || (strcmp(action->s, "preview") != 0 && strcmp(action->s, "submit") != 0))
		return page_error(r, 400, "bad-request");
	if ((st = load(&s, 0, 1)) != 0)
		return st;
	bad = check(&s, strcmp(action->s, "submit") == 0);
	for (i = 0; i < s.n; i++)
		any |= s.e[i].changed;
	if (!bad && !any)
		bad = field_error(&s, NULL, "nothing-new");
	if (s.failed)
		return page_error(r, 500, "internal");
	if (bad || strcmp(action->s, "preview") == 0) {
		if (meters_xml(&s, !bad) != 0)
			return page_error(r, 500, "internal");
		return bad ? page_status(r, 400) : 200;
	}
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	for (i = 0; i < s.n; i++)
		for (z = 0; z < s.e[i].m.zones; z++) {
			const struct entry *en = &s.e[i];

			if (en->value[z] < 0 || en->value[z] == current(&en->m, z))
				continue;
			if (en->m.own_id[z] != 0)
				e = db_reading_replace(en->m.own_id[z], en->m.id, z, en->today,
						       en->value[z], r->sess->subscriber_id,
						       unusual(en, z));
			else
				e = db_reading_insert(en->m.id, z, en->today, en->value[z],
						      r->sess->subscriber_id, unusual(en, z));
			if (e == PERR_CONFLICT) {
				/* Taken by the organization between the form and now: say so. */
				db_rollback();
				if (field_error(&s, arena_printf(r->arena, "m%lluz%u",
								 (unsigned long long)en->m.id, z + 1),
						"reading-taken") < 0 ||
				    s.failed || meters_xml(&s, 0) != 0)
					return page_error(r, 500, "internal");
				return page_status(r, 409);
			}
			if (e != PERR_OK) {
				db_rollback();
				return page_fail(r, e);
			}
		}
	if ((e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, "/readings?done=1");
}

static int readings_page(struct req *r)
{
	return r->method == M_POST ? form_post(r) : form_get(r);
}

struct hist {
	struct req *r;
	xmlNodePtr list;
	unsigned digits, decimals;
	long long prev[TARIFF_ZONES];
};

static enum perr hist_row(void *p, const struct reading_row *x)
{
	struct hist *h = p;
	xmlNodePtr n = xml_elem(h->list, "reading");
	unsigned z = x->zone < TARIFF_ZONES ? x->zone : 0;

	if (n == NULL || xml_attr_int(n, "zone", x->zone + 1) || xml_attr(n, "on", x->taken_on) ||
	    xml_attr(n, "value", decimal_text(h->r->arena, x->value, h->decimals)) ||
	    xml_attr(n, "source", x->source) || xml_attr(n, "status", x->status) ||
	    (x->reason && xml_text(n, "reason", x->reason) == NULL))
		return PERR_NOMEM;
	/* Consumption since the previous accepted reading of the register. */
	if (strcmp(x->status, "accepted") == 0) {
		long long used;

		/* A reading below the one before is the register passing zero (it
		 * was accepted): the consumption is what it ran through. */
		if (h->prev[z] >= 0 &&
		    reading_consumption(h->prev[z], x->value, h->digits, h->decimals, 1, &used) == 0 &&
		    (xml_attr(n, "consumed", decimal_text(h->r->arena, used, h->decimals)) ||
		     (x->value < h->prev[z] && xml_attr(n, "rollover", "1"))))
			return PERR_NOMEM;
		h->prev[z] = x->value;
	}
	return PERR_OK;
}

static int history(struct req *r)
{
	const struct fval *id = req_val(r, K_METER);
	struct page_state s = {.r = r};
	struct hist h = {.r = r};
	xmlNodePtr n;
	enum perr e;
	int st;
	unsigned z;

	if (id == NULL)
		return page_fail(r, PERR_NOT_FOUND);
	if ((st = load(&s, (uint64_t)id->i, 0)) != 0)
		return st;
	if (s.n == 0)
		return page_fail(r, PERR_NOT_FOUND);
	n = xml_elem(r->root, "history");
	h.list = n;
	h.decimals = s.e[0].m.decimals;
	h.digits = s.e[0].m.digits;
	for (z = 0; z < TARIFF_ZONES; z++)
		h.prev[z] = -1;
	if (n == NULL || xml_attr_int(n, "meter", (long long)s.e[0].m.id) ||
	    xml_attr(n, "kind", s.e[0].m.kind) || xml_attr_int(n, "zones", s.e[0].m.zones) ||
	    xml_text(n, "number", s.e[0].m.number) == NULL ||
	    xml_text(n, "account", s.e[0].m.account_number) == NULL)
		return page_error(r, 500, "internal");
	e = db_reading_history(r->arena, r->sess->subscriber_id, s.e[0].m.id, hist_row, &h);
	if (e != PERR_OK)
		return page_fail(r, e);
	return page_table(r, req_val(r, K_FORMAT) ? req_val(r, K_FORMAT)->s : NULL,
			  arena_printf(r->arena, "readings-%llu", (unsigned long long)s.e[0].m.id));
}

static const struct page pages[] = {
        {"/readings", M_GET | M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_READINGS), "readings",
         readings_page},
        {"/readings/history", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_READINGS), "history", history},
};

static const struct section section = {
	.name = "readings", .pages = pages, .npages = sizeof(pages) / sizeof(pages[0]), .fields = fields,
	.nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
