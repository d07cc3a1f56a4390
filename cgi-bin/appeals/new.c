/*
 * appeals/new.c: a new appeal (/appeals/new): its topic, account, text and files,
 * and for a topic that is a service request (sql/036) the request's own fields,
 * checked here; the appeal, its first message and its files in one transaction.
 */
#include <stdint.h>
#include <string.h>

#include "app/account_list.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/lang.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/appeal.h"
#include "db/appeal_field.h"
#include "db/db.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/appeal_upload.h"
#include "appeals/appeals.h"

#define APPEALS_PER_DAY 5

#define ABSENCE_DAYS_MAX   366  /* one request covers at most a year away */
#define ABSENCE_PAST_DAYS  1096 /* ... that began at most three years ago */
#define PREFERRED_DAYS_MAX 90   /* a meter's visit is asked for within three months */

/* What a request's fields come to, name and value, in the order they are kept. */
struct request_values {
	const char *name[3], *value[3];
	size_t n;
};

static int one_of(const struct fval *v, const char *a, const char *b)
{
	return v != NULL && (strcmp(v->s, a) == 0 || strcmp(v->s, b) == 0);
}

static void keep(struct request_values *v, const char *name, const char *value)
{
	v->name[v->n] = name;
	v->value[v->n++] = value;
}

/* A field at fault: bad |= 1, and 2 if it could not be said.  One that was not
 * what it must be is marked already (form_xml()). */
static void mark(struct req *r, size_t k, const char *code, int *bad)
{
	*bad |= 1;
	if (!r->bad[k] && xml_form_error(r, r->sec->fields[k].name, code) != 0)
		*bad |= 2;
}

/* A date field as a day; -1 (and the field marked) if it is missing or not a date. */
static day_t day_of(struct req *r, size_t k, int *bad)
{
	const struct fval *v = req_val(r, k);
	day_t d;

	if (v != NULL && day_parse(v->s, strlen(v->s), &d) == 0)
		return d;
	mark(r, k, "invalid", bad);
	return -1;
}

/*
 * The fields of a request of this form checked, every fault marked at once;
 * their values into v.  0, or the refusal's status (the page is made).
 */
static int request_check(struct req *r, const char *form, uint64_t account,
                         struct request_values *v)
{
	const struct fval *action = req_val(r, K_ACTION), *phone = req_val(r, K_PHONE),
	                  *day = req_val(r, K_DAY), *meter = req_val(r, K_METER),
	                  *work = req_val(r, K_WORK), *change = req_val(r, K_CHANGE),
	                  *owner = req_val(r, K_NEW_OWNER), *residents = req_val(r, K_RESIDENTS);
	day_t today = day_today(), from, to, on;
	const char *number = NULL;
	int bad = 0;
	enum perr e;

	v->n = 0;
	if (strcmp(form, "sms-info") == 0) {
		if (!one_of(action, "on", "off"))
			mark(r, K_ACTION, "invalid", &bad);
		if (phone == NULL && (r->bad[K_PHONE] || (action && strcmp(action->s, "on") == 0)))
			mark(r, K_PHONE, "invalid", &bad);
		if ((on = day_of(r, K_START_ON, &bad)) >= 0 && on < today)
			mark(r, K_START_ON, "date-past", &bad);
		if (bad == 0) {
			keep(v, "action", action->s);
			if (phone != NULL)
				keep(v, "phone", phone->s);
			keep(v, "start_on", req_val(r, K_START_ON)->s);
		}
	} else if (strcmp(form, "due-date") == 0) {
		if (day == NULL)
			mark(r, K_DAY, "invalid", &bad);
		else
			keep(v, "day", day->s);
	} else if (strcmp(form, "absence") == 0) {
		from = day_of(r, K_FROM_ON, &bad);
		to = day_of(r, K_TO_ON, &bad);
		if (from >= 0 && from < today - ABSENCE_PAST_DAYS)
			mark(r, K_FROM_ON, "date-old", &bad);
		if (from >= 0 && to >= 0 && (to < from || to - from > ABSENCE_DAYS_MAX))
			mark(r, K_TO_ON, "absence-period", &bad);
		/* The document that proves it (a travel ticket, a certificate) is the request. */
		if (req_upload_name(r)[0] == '\0')
			mark(r, K_FROM_ON, "document-required", &bad);
		if (bad == 0) {
			keep(v, "from_on", req_val(r, K_FROM_ON)->s);
			keep(v, "to_on", req_val(r, K_TO_ON)->s);
		}
	} else if (strcmp(form, "meter") == 0) {
		if (meter == NULL)
			mark(r, K_METER, "invalid", &bad);
		else if ((e = db_appeal_meter(r->arena, account, (uint64_t)meter->i, &number)) ==
		         PERR_NOT_FOUND)
			mark(r, K_METER, "meter-account", &bad);
		else if (e != PERR_OK)
			return page_fail(r, e);
		if (!one_of(work, "verification", "replacement"))
			mark(r, K_WORK, "invalid", &bad);
		if ((on = day_of(r, K_PREFERRED_ON, &bad)) >= 0 &&
		    (on < today || on > today + PREFERRED_DAYS_MAX))
			mark(r, K_PREFERRED_ON, "date-window", &bad);
		if (bad == 0) {
			keep(v, "meter", number);
			keep(v, "work", work->s);
			keep(v, "preferred_on", req_val(r, K_PREFERRED_ON)->s);
		}
	} else if (strcmp(form, "owner") == 0) {
		if (!one_of(change, "owner", "residents"))
			mark(r, K_CHANGE, "invalid", &bad);
		else if (strcmp(change->s, "owner") == 0 && owner == NULL)
			mark(r, K_NEW_OWNER, "invalid", &bad);
		else if (strcmp(change->s, "residents") == 0 && residents == NULL)
			mark(r, K_RESIDENTS, "invalid", &bad);
		if (bad == 0) {
			keep(v, "change", change->s);
			if (strcmp(change->s, "owner") == 0)
				keep(v, "new_owner", owner->s);
			else
				keep(v, "residents", residents->s);
		}
	}
	if (bad & 2)
		return page_error(r, 500, "internal");
	return bad ? page_refuse(r, 422, NULL, "request-fields") : 0;
}

/* The subscriber's meters in use, for a meter request's choice. */
static enum perr meter_row(void *p, const struct appeal_meter *m)
{
	xmlNodePtr n = xml_text(p, "meter", m->number);

	if (n == NULL || xml_attr_int(n, "id", (long long)m->id) || xml_attr(n, "kind", m->kind) ||
	    xml_attr(n, "account", m->account) ||
	    xml_attr_int(n, "account-id", (long long)m->account_id))
		return PERR_NOMEM;
	return PERR_OK;
}

/* ---------------------------------------------------------------- a new appeal */

struct form_ctx {
	struct req *r;
	xmlNodePtr topics;
};

static enum perr topic_row(void *p, const struct appeal_topic *t)
{
	struct form_ctx *c = p;
	xmlNodePtr n =
	        xml_text(c->topics, "topic", c->r->lang == LANG_EN ? t->name_en : t->name_ru);

	if (n == NULL || xml_attr_int(n, "id", (long long)t->id) ||
	    xml_attr_int(n, "org", t->org) || (t->form && xml_attr(n, "form", t->form)))
		return PERR_NOMEM;
	return PERR_OK;
}

/* The form's choices and what was typed; 0, or the page's failure status. */
static int form_xml(struct req *r)
{
	static const size_t typed[] = {K_TOPIC,  K_ACCOUNT,   K_TEXT,     K_ACTION,
	                               K_PHONE,  K_START_ON,  K_DAY,      K_FROM_ON,
	                               K_TO_ON,  K_METER,     K_WORK,     K_PREFERRED_ON,
	                               K_CHANGE, K_NEW_OWNER, K_RESIDENTS};
	struct form_ctx c = {r, xml_elem(r->root, "topics")};
	xmlNodePtr meters = xml_elem(r->root, "meters");
	enum perr e;
	size_t i;

	if (c.topics == NULL || meters == NULL ||
	    xml_typed(r, typed, sizeof(typed) / sizeof(typed[0])) != 0)
		return page_error(r, 500, "internal");
	/* A request's field that is not what it must be is marked whatever else is
	 * refused first: a date typed as 2026-13-01 is shown back as text. */
	for (i = 3; i < sizeof(typed) / sizeof(typed[0]); i++)
		if (r->bad[typed[i]] &&
		    xml_form_error(r, r->sec->fields[typed[i]].name, "invalid") != 0)
			return page_error(r, 500, "internal");
	if ((e = db_appeal_topics(r->arena, r->sess->subscriber_id, topic_row, &c)) != PERR_OK ||
	    (e = db_appeal_meters(r->arena, r->sess->subscriber_id, meter_row, meters)) !=
	            PERR_OK ||
	    (e = xml_accounts(r->arena, r->root, r->sess, r->lang, NULL)) != PERR_OK)
		return page_fail(r, e);
	return 0;
}

int new_page(struct req *r)
{
	static const size_t required[] = {K_TOPIC, K_ACCOUNT, K_TEXT};
	const struct fval *topic = req_val(r, K_TOPIC), *account = req_val(r, K_ACCOUNT),
	                  *text = req_val(r, K_TEXT);
	uint64_t me = r->sess->subscriber_id, id = 0, msg = 0;
	struct request_values rv = {{NULL}, {NULL}, 0};
	const char *form = NULL;
	long long today = 0;
	unsigned org = 0;
	size_t i;
	int st;
	enum perr e;

	if ((st = form_xml(r)) != 0)
		return st;
	if (r->method != M_POST)
		return 200;
	if ((st = xml_required(r, required, 3)) != 0)
		return st < 0 ? page_error(r, 500, "internal") : page_status(r, 400);
	/* Counted before anything is written: six at once still make five. */
	if ((e = db_appeals_today(r->arena, me, &today)) != PERR_OK)
		return page_fail(r, e);
	if (today >= APPEALS_PER_DAY)
		return page_refuse(r, 429, NULL, "appeals-per-day");
	e = db_appeal_target(r->arena, me, (uint64_t)account->i, (uint64_t)topic->i, &org, &form);
	if (e == PERR_NOT_FOUND)
		return page_refuse(r, 422, "topic", "topic-account");
	if (e != PERR_OK)
		return page_fail(r, e);
	if (form != NULL && (st = request_check(r, form, (uint64_t)account->i, &rv)) != 0)
		return st;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_appeal_new(org, me, (uint64_t)account->i, (uint64_t)topic->i, &id);
	for (i = 0; e == PERR_OK && i < rv.n; i++)
		e = db_appeal_field_add(id, rv.name[i], rv.value[i]);
	if (e == PERR_OK)
		e = db_appeal_message_add(id, "subscriber", 0, text->s, &msg);
	if (e != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	if ((st = appeal_files_commit(r, id, msg)) != 0)
		return st;
	return page_redirect(r, arena_printf(r->arena, "/appeals/view?id=%llu&done=sent",
	                                     (unsigned long long)id));
}
