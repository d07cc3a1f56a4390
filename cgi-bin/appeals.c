/*
 * appeals.c: talking to the organization: a subscriber's appeals (обращения),
 * its news, and the inbox of what the portal sent them.
 *
 *   GET  /appeals                the appeals, the latest change first, unread marked
 *   GET  /appeals/new            the form;  POST (multipart): topic, account, text,
 *                                up to five files (JPEG, PNG, PDF, 10 MB each)
 *   GET  /appeals/view?id=       the thread, seen now;  the staff's notes never
 *   POST /appeals/reply          id, text, files
 *   POST /appeals/close          id;  /appeals/reopen: id, within 14 days of closing
 *   GET  /appeals/file?id=       one of the subscriber's attachments, as a download
 *
 *   GET  /news               the organizations' announcements, newest first, unread marked
 *   GET  /news/item?id=      one announcement, read now
 *   POST /news/read-all      every recent announcement marked read
 *   GET  /inbox[?before=]    every message the portal sent the subscriber, unread marked
 *   GET  /inbox/message?id=  one message, read now
 *   POST /inbox/read-all     every message marked read
 *   GET  /contacts[?id=org]  offices (the subscriber's district's marked), phones, questions
 *                            and answers, rules of service, blank forms, the site map:
 *                            anyone's to read
 *   GET  /contacts/form?id=  a blank form, as a download
 *
 * A file's type is what libmagic finds in its bytes, never its name's; an
 * image's sides are read from its header and bounded.  An appeal, its first
 * message and its files are written in one transaction: a refused file
 * leaves nothing behind, and the form comes back with what was typed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app/account_list.h"
#include "app/appeal.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/appeal.h"
#include "db/appeal_field.h"
#include "db/chunks.h"
#include "db/help.h"
#include "db/inbox.h"
#include "db/db.h"
#include "db/news.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/appeal_upload.h"
#include "web/serve.h"
#include "web/upload.h"

#define APPEALS_PER_DAY 5

enum key {
	K_ID, K_TOPIC, K_ACCOUNT, K_TEXT, K_DONE, K_BEFORE,
	/* a service request's fields (sql/036) */
	K_ACTION, K_PHONE, K_START_ON, K_DAY, K_FROM_ON, K_TO_ON, K_METER, K_WORK, K_PREFERRED_ON,
	K_CHANGE, K_NEW_OWNER, K_RESIDENTS,
	K__MAX
};

static const struct field fields[K__MAX] = {
	[K_ID] = {"id", valid_int, 1, 9007199254740991LL},
	[K_TOPIC] = {"topic", valid_int, 1, 4294967295LL},
	[K_ACCOUNT] = {"account", valid_int, 1, 4294967295LL},
	[K_TEXT] = {"text", valid_lines, 1, 4000},
	[K_DONE] = {"done", valid_token, 1, 20},
	[K_BEFORE] = {"before", valid_int, 1, 9007199254740991LL},
	[K_ACTION] = {"action", valid_token, 2, 3},
	[K_PHONE] = {"phone", valid_phone, 1, 40},
	[K_START_ON] = {"start_on", valid_date, 10, 10},
	[K_DAY] = {"day", valid_int, 1, 28},
	[K_FROM_ON] = {"from_on", valid_date, 10, 10},
	[K_TO_ON] = {"to_on", valid_date, 10, 10},
	[K_METER] = {"meter", valid_int, 1, 4294967295LL},
	[K_WORK] = {"work", valid_token, 3, 20},
	[K_PREFERRED_ON] = {"preferred_on", valid_date, 10, 10},
	[K_CHANGE] = {"change", valid_token, 3, 20},
	[K_NEW_OWNER] = {"new_owner", valid_text, 3, 200},
	[K_RESIDENTS] = {"residents", valid_int, 0, 50},
};

/* ---------------------------------------------------------------- the list */

static int list_get(struct req *r)
{
	struct appeal_list l = {xml_elem(r->root, "appeals"), r->lang, 0};
	enum perr e;

	if (l.list == NULL || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	e = db_appeals_of(r->arena, r->sess->subscriber_id, appeal_list_row, &l);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

/* ---------------------------------------------------------------- files */

/* ---------------------------------------------------------------- service requests */

#define ABSENCE_DAYS_MAX 366	 /* one request covers at most a year away */
#define ABSENCE_PAST_DAYS 1096	 /* ... that began at most three years ago */
#define PREFERRED_DAYS_MAX 90	 /* a meter's visit is asked for within three months */

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
	    xml_attr(n, "account", m->account) || xml_attr_int(n, "account-id", (long long)m->account_id))
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
	xmlNodePtr n = xml_text(c->topics, "topic", c->r->lang == LANG_EN ? t->name_en : t->name_ru);

	if (n == NULL || xml_attr_int(n, "id", (long long)t->id) || xml_attr_int(n, "org", t->org) ||
	    (t->form && xml_attr(n, "form", t->form)))
		return PERR_NOMEM;
	return PERR_OK;
}

/* The form's choices and what was typed; 0, or the page's failure status. */
static int form_xml(struct req *r)
{
	static const size_t typed[] = {K_TOPIC,   K_ACCOUNT, K_TEXT,	    K_ACTION,
				       K_PHONE,	  K_START_ON, K_DAY,	    K_FROM_ON,
				       K_TO_ON,	  K_METER,   K_WORK,	    K_PREFERRED_ON,
				       K_CHANGE,  K_NEW_OWNER, K_RESIDENTS};
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
		if (r->bad[typed[i]] && xml_form_error(r, fields[typed[i]].name, "invalid") != 0)
			return page_error(r, 500, "internal");
	if ((e = db_appeal_topics(r->arena, r->sess->subscriber_id, topic_row, &c)) != PERR_OK ||
	    (e = db_appeal_meters(r->arena, r->sess->subscriber_id, meter_row, meters)) != PERR_OK ||
	    (e = xml_accounts(r->arena, r->root, r->sess, r->lang, NULL)) != PERR_OK)
		return page_fail(r, e);
	return 0;
}

static int new_page(struct req *r)
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

/* ---------------------------------------------------------------- one appeal */

/* The subscriber's appeal named by id, as XML; 0, or the page's failure status. */
static int appeal_page(struct req *r, struct appeal *ap)
{
	static const size_t typed[] = {K_TEXT};
	const struct fval *id = req_val(r, K_ID);
	xmlNodePtr n;
	enum perr e;

	if (id == NULL)
		return page_error(r, 404, "not-found");
	e = db_appeal_of_subscriber(r->arena, r->sess->subscriber_id, (uint64_t)id->i, ap);
	if (e != PERR_OK)
		return page_fail(r, e);
	if ((n = appeal_xml(r->root, ap, r->lang, 0)) == NULL || xml_done(r, K_DONE) != 0 ||
	    xml_typed(r, typed, 1) != 0)
		return page_error(r, 500, "internal");
	if ((e = appeal_thread_xml(r->arena, n, ap->id, 0)) != PERR_OK)
		return page_fail(r, e);
	return 0;
}

static int view_get(struct req *r)
{
	struct appeal ap;
	int st = appeal_page(r, &ap);
	enum perr e;

	if (st != 0)
		return st;
	/* Seen as shown: the mark goes from the list. */
	if (ap.unread && (e = db_appeal_seen(ap.id)) != PERR_OK)
		return page_fail(r, e);
	return 200;
}

static int reply_post(struct req *r)
{
	const struct fval *text = req_val(r, K_TEXT);
	struct appeal ap;
	uint64_t msg = 0;
	int st = appeal_page(r, &ap);
	enum perr e;

	if (st != 0)
		return st;
	if (text == NULL)
		return page_refuse(r, r->bad[K_TEXT] ? 422 : 400, "text", "invalid");
	if (strcmp(ap.status, "closed") == 0)
		return page_refuse(r, 409, NULL, "appeal-closed");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_appeal_message_add(ap.id, "subscriber", 0, text->s, &msg)) != PERR_OK ||
	    (e = db_appeal_subscriber_wrote(ap.id)) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	if ((st = appeal_files_commit(r, ap.id, msg)) != 0)
		return st;
	return page_redirect(r, arena_printf(r->arena, "/appeals/view?id=%llu&done=replied",
					     (unsigned long long)ap.id));
}

static int state_post(struct req *r, int reopen)
{
	struct appeal ap;
	int st = appeal_page(r, &ap);
	enum perr e;

	if (st != 0)
		return st;
	e = reopen ? db_appeal_reopen(ap.id) : db_appeal_close(ap.id);
	if (e == PERR_CONFLICT)
		return page_refuse(r, 409, NULL, reopen ? "appeal-not-reopenable" : "appeal-closed");
	if (e != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, arena_printf(r->arena, "/appeals/view?id=%llu&done=%s",
					     (unsigned long long)ap.id,
					     reopen ? "reopened" : "closed"));
}

static int close_post(struct req *r) { return state_post(r, 0); }
static int reopen_post(struct req *r) { return state_post(r, 1); }

/* ---------------------------------------------------------------- news */

#define NEWS_SHOWN 50

struct news_ctx {
	struct req *r;
	xmlNodePtr parent;
};
#define INBOX_PAGE 30

static xmlNodePtr news_xml(struct req *r, xmlNodePtr parent, const struct news_item *it)
{
	int en = r->lang == LANG_EN;
	char at[26];
	xmlNodePtr n = xml_elem(parent, "item");

	if (n == NULL || instant_local(it->publish_at, at) != 0 || xml_attr(n, "at", at) ||
	    xml_attr_int(n, "id", (long long)it->id) ||
	    (it->unread && xml_attr(n, "unread", "1")) ||
	    xml_text(n, "title", en ? it->title_en : it->title_ru) == NULL)
		return NULL;
	return n;
}

static enum perr news_row(void *p, const struct news_item *it)
{
	struct news_ctx *c = p;

	return news_xml(c->r, c->parent, it) == NULL ? PERR_NOMEM : PERR_OK;
}

/* The organizations' announcements for this subscriber's accounts, newest first. */
static int news(struct req *r)
{
	struct news_ctx c = {.r = r};
	enum perr e;

	if ((c.parent = xml_elem(r->root, "news")) == NULL || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	e = db_news_of_subscriber(r->arena, r->sess->subscriber_id, NEWS_SHOWN, news_row, &c);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

/* One announcement, whole; opening it is reading it. */
static int news_item(struct req *r)
{
	const struct fval *id = req_val(r, K_ID);
	struct news_item it;
	xmlNodePtr list, n;
	enum perr e;

	if (id == NULL)
		return page_error(r, 404, "not-found");
	e = db_news_open(r->arena, r->sess->subscriber_id, (uint64_t)id->i, &it);
	if (e != PERR_OK)
		return page_fail(r, e);
	if ((list = xml_elem(r->root, "news")) == NULL || (n = news_xml(r, list, &it)) == NULL ||
	    xml_text(n, "body", r->lang == LANG_EN ? it.body_en : it.body_ru) == NULL)
		return page_error(r, 500, "internal");
	return 200;
}

static int news_read_all(struct req *r)
{
	enum perr e = db_news_read_all(r->sess->subscriber_id);

	return e == PERR_OK ? page_redirect(r, "/news?done=read") : page_fail(r, e);
}

/* ---------------------------------------------------------------- the inbox */

struct inbox_ctx {
	xmlNodePtr list;
	uint64_t last;
	unsigned n;
};

static xmlNodePtr message_xml(xmlNodePtr parent, const struct inbox_item *it)
{
	char at[26];
	xmlNodePtr n = xml_elem(parent, "message");

	if (n == NULL || instant_local(it->at, at) != 0 || xml_attr(n, "at", at) ||
	    xml_attr_int(n, "id", (long long)it->id) || xml_attr(n, "kind", it->kind) ||
	    (it->read_at == NULL && xml_attr(n, "unread", "1")) ||
	    xml_text(n, "subject", it->subject ? it->subject : "") == NULL)
		return NULL;
	return n;
}

static enum perr inbox_row(void *p, const struct inbox_item *it)
{
	struct inbox_ctx *c = p;

	c->last = it->id;
	c->n++;
	return message_xml(c->list, it) == NULL ? PERR_NOMEM : PERR_OK;
}

/* Newest first, a page at a time: the next page is the messages before this one's last. */
static int inbox(struct req *r)
{
	const struct fval *before = req_val(r, K_BEFORE);
	struct inbox_ctx c = {xml_elem(r->root, "inbox"), 0, 0};
	enum perr e;

	if (r->bad[K_BEFORE])
		return page_error(r, 400, "bad-request");
	if (c.list == NULL || xml_done(r, K_DONE) != 0 ||
	    (before != NULL && xml_attr_int(c.list, "before", before->i)))
		return page_error(r, 500, "internal");
	e = db_inbox_list(r->arena, r->sess->subscriber_id, before ? (uint64_t)before->i : 0,
			  INBOX_PAGE, inbox_row, &c);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (c.n == INBOX_PAGE && xml_attr_int(c.list, "next", (long long)c.last))
		return page_error(r, 500, "internal");
	return 200;
}

static int inbox_message(struct req *r)
{
	const struct fval *id = req_val(r, K_ID);
	struct inbox_item it;
	xmlNodePtr list, n;
	enum perr e;

	if (id == NULL)
		return page_error(r, 404, "not-found");
	e = db_inbox_open(r->arena, r->sess->subscriber_id, (uint64_t)id->i, &it);
	if (e != PERR_OK)
		return page_fail(r, e);
	if ((list = xml_elem(r->root, "inbox")) == NULL || (n = message_xml(list, &it)) == NULL ||
	    xml_text(n, "body", it.body ? it.body : "") == NULL)
		return page_error(r, 500, "internal");
	return 200;
}

static int inbox_read_all(struct req *r)
{
	enum perr e = db_inbox_read_all(r->sess->subscriber_id);

	return e == PERR_OK ? page_redirect(r, "/inbox?done=read") : page_fail(r, e);
}

/* ---------------------------------------------------------------- contacts and help */

/*
 * Phones as written ("+7 (800) 123-45-67, 8 800 ...") one by one, each with
 * the number a tel: link dials (its + and digits).
 */
static int phones_xml(xmlNodePtr parent, const char *text, struct arena *a)
{
	const char *p = text, *end;

	while (p != NULL && *p) {
		size_t n, i, k = 0;
		char *shown, *tel;
		xmlNodePtr ph;

		end = p + strcspn(p, ",;");
		while (p < end && *p == ' ')
			p++;
		n = (size_t)(end - p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n > 0) {
			if ((shown = arena_strndup(a, p, n)) == NULL || (tel = arena_alloc(a, n + 1)) == NULL)
				return -1;
			for (i = 0; i < n; i++)
				if ((p[i] >= '0' && p[i] <= '9') || (p[i] == '+' && k == 0))
					tel[k++] = p[i];
			tel[k] = '\0';
			if ((ph = xml_text(parent, "phone", shown)) == NULL || (k > 0 && xml_attr(ph, "tel", tel)))
				return -1;
		}
		p = *end ? end + 1 : end;
	}
	return 0;
}

struct help_ctx {
	struct req *r;
	xmlNodePtr list, org;
	unsigned n;
	unsigned ids[64];
};

static enum perr help_org_row(void *p, const struct help_org *o)
{
	struct help_ctx *c = p;
	int en = c->r->lang == LANG_EN;
	xmlNodePtr n = xml_elem(c->list, "org");
	const char *rules = en ? o->rules_en : o->rules_ru;

	if (n == NULL || xml_attr_int(n, "id", o->id) || xml_text(n, "name", o->name) == NULL ||
	    (o->address && xml_text(n, "address", o->address) == NULL) ||
	    (o->phones && phones_xml(n, o->phones, c->r->arena) != 0) ||
	    (o->email && xml_text(n, "email", o->email) == NULL) ||
	    (o->website && xml_text(n, "website", o->website) == NULL) ||
	    (rules && xml_text(n, "rules", rules) == NULL))
		return PERR_NOMEM;
	if (c->n < sizeof(c->ids) / sizeof(c->ids[0]))
		c->ids[c->n++] = o->id;
	return PERR_OK;
}

static enum perr help_office_row(void *p, const struct help_office *o)
{
	struct help_ctx *c = p;
	xmlNodePtr n = xml_elem(c->org, "office");

	if (n == NULL || xml_attr_int(n, "id", o->id) || xml_text(n, "address", o->address) == NULL ||
	    xml_text(n, "hours", o->hours) == NULL ||
	    (o->phone && phones_xml(n, o->phone, c->r->arena) != 0) ||
	    (o->email && xml_text(n, "email", o->email) == NULL) ||
	    (o->serves && xml_text(n, "serves", o->serves) == NULL))
		return PERR_NOMEM;
	return PERR_OK;
}

/* The subscriber's account in an office's district: marked on that office. */
static enum perr help_district_row(void *p, const char *account, unsigned office)
{
	struct help_ctx *c = p;
	xmlNodePtr o;

	if (office == 0)
		return PERR_OK;
	for (o = c->org->children; o != NULL; o = o->next) {
		xmlChar *id = xmlGetProp(o, BAD_CAST "id");
		int mine = id != NULL && strtoul((const char *)id, NULL, 10) == office &&
			   xmlStrcmp(o->name, BAD_CAST "office") == 0;

		xmlFree(id);
		if (mine)
			return xml_text(o, "yours", account) == NULL ? PERR_NOMEM : PERR_OK;
	}
	return PERR_OK;
}

static enum perr help_question_row(void *p, const struct help_question *q)
{
	struct help_ctx *c = p;
	int en = c->r->lang == LANG_EN;
	xmlNodePtr n = xml_elem(c->org, "question");

	if (n == NULL || xml_attr_int(n, "id", q->id) ||
	    xml_text(n, "q", en ? q->question_en : q->question_ru) == NULL ||
	    xml_text(n, "a", en ? q->answer_en : q->answer_ru) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr help_form_row(void *p, const struct help_form *f)
{
	struct help_ctx *c = p;
	xmlNodePtr n = xml_text(c->org, "form", c->r->lang == LANG_EN ? f->title_en : f->title_ru);

	if (n == NULL || xml_attr_int(n, "id", f->id) || xml_attr_int(n, "size", f->size))
		return PERR_NOMEM;
	return PERR_OK;
}

/*
 * Anyone may read it (someone who cannot sign in needs the phone most): the
 * organizations of a signed-in subscriber's accounts, with the office of
 * each account's district marked; everyone else sees every organization.
 */
static int contacts(struct req *r)
{
	const struct fval *org = req_val(r, K_ID);
	uint64_t me = r->sess ? r->sess->subscriber_id : 0;
	struct help_ctx c = {.r = r, .list = xml_elem(r->root, "contacts")};
	xmlNodePtr o;
	enum perr e;

	if (c.list == NULL || (me != 0 && xml_attr(c.list, "signed-in", "1")))
		return page_error(r, 500, "internal");
	e = db_help_orgs(r->arena, me, org ? (unsigned)org->i : 0, help_org_row, &c);
	if (e == PERR_OK && c.n == 0 && me != 0) /* none of theirs (yet): everyone's */
		e = db_help_orgs(r->arena, 0, org ? (unsigned)org->i : 0, help_org_row, &c);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (c.n == 0 && org != NULL)
		return page_error(r, 404, "not-found");
	for (o = c.list->children; o != NULL && e == PERR_OK; o = o->next) {
		xmlChar *id = xmlGetProp(o, BAD_CAST "id");
		unsigned oid = id ? (unsigned)strtoul((const char *)id, NULL, 10) : 0;

		xmlFree(id);
		c.org = o;
		e = db_help_offices(r->arena, oid, help_office_row, &c);
		if (e == PERR_OK && me != 0)
			e = db_help_districts(r->arena, me, oid, help_district_row, &c);
		if (e == PERR_OK)
			e = db_help_questions(r->arena, oid, help_question_row, &c);
		if (e == PERR_OK)
			e = db_help_forms(r->arena, oid, help_form_row, &c);
	}
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static enum perr form_stream(struct req *r, void *arg, int (*put)(void *, const char *, size_t),
			     void *ctx)
{
	const struct help_form *f = arg;
	struct chunk_sink o = {put, ctx};

	return db_help_form_chunks(r->arena, f->id, db_chunk_to_sink, &o);
}

/* A blank form, as a download whatever the browser would make of it. */
static int contacts_form(struct req *r)
{
	const struct fval *id = req_val(r, K_ID);
	struct help_form *f = arena_alloc(r->arena, sizeof(*f));
	enum perr e;

	if (id == NULL)
		return page_error(r, 404, "not-found");
	if (f == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_help_form(r->arena, (unsigned)id->i, f)) != PERR_OK)
		return page_fail(r, e);
	return page_stream(r, arena_printf(r->arena, "form-%u.pdf", f->id), f->type, form_stream, f);
}

/* ---------------------------------------------------------------- files back */

static enum perr file_stream(struct req *r, void *arg, int (*put)(void *, const char *, size_t),
			     void *ctx)
{
	return appeal_file_write(r->arena, arg, put, ctx);
}

static int file_get(struct req *r)
{
	const struct fval *id = req_val(r, K_ID);
	struct appeal_file *f = arena_alloc(r->arena, sizeof(*f));
	enum perr e;

	if (id == NULL)
		return page_error(r, 404, "not-found");
	if (f == NULL)
		return page_error(r, 500, "internal");
	e = db_appeal_file_of(r->arena, r->sess->subscriber_id, 0, (uint64_t)id->i, f);
	if (e != PERR_OK)
		return page_fail(r, e);
	return page_stream(r, appeal_file_name(r->arena, f), f->type, file_stream, f);
}

static const struct page pages[] = {
	{"/appeals", M_GET, PAGE_SESSION, "appeals", list_get},
	{"/appeals/new", M_GET | M_POST, PAGE_SESSION | PAGE_UPLOAD, "appeal-new", new_page},
	{"/appeals/view", M_GET, PAGE_SESSION, "appeal", view_get},
	{"/appeals/reply", M_POST, PAGE_SESSION | PAGE_UPLOAD, "appeal", reply_post},
	{"/appeals/close", M_POST, PAGE_SESSION, "appeal", close_post},
	{"/appeals/reopen", M_POST, PAGE_SESSION, "appeal", reopen_post},
	{"/appeals/file", M_GET, PAGE_SESSION, "appeal", file_get},
	{"/news", M_GET, PAGE_SESSION, "news", news},
	{"/news/item", M_GET, PAGE_SESSION, "news-item", news_item},
	{"/news/read-all", M_POST, PAGE_SESSION, "news", news_read_all},
	{"/inbox", M_GET, PAGE_SESSION, "inbox", inbox},
	{"/inbox/message", M_GET, PAGE_SESSION, "inbox-message", inbox_message},
	{"/inbox/read-all", M_POST, PAGE_SESSION, "inbox", inbox_read_all},
	{"/contacts", M_GET, PAGE_PUBLIC, "contacts", contacts},
	{"/contacts/form", M_GET, PAGE_PUBLIC, "contacts", contacts_form},
};

static const struct section section = {
	.name = "appeals",
	.pages = pages,
	.npages = sizeof(pages) / sizeof(pages[0]),
	.fields = fields,
	.nfields = K__MAX,
	.upload = upload_open,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
