/*
 * admin/topics.c: the appeal form's topics per organization: add, rename,
 * turn on or off.
 */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/appeal.h"
#include "db/appeal_topic.h"
#include "db/db.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/console.h"
#include "admin/admin.h"

/* The forms a topic may be (appeals.c checks each one's fields); "" is a plain appeal. */
static const char *const topic_forms[] = {"", "meter", "sms-info", "due-date", "absence", "owner"};

struct topics_ctx {
	xmlNodePtr list;
	uint64_t want; /* a topic looked for, found: */
	int found;
};

static enum perr topic_row_xml(void *p, const struct appeal_topic *t, int active)
{
	struct topics_ctx *c = p;
	xmlNodePtr n;

	if (t->id == c->want)
		c->found = 1;
	if (c->list == NULL) /* only looked for */
		return PERR_OK;
	if ((n = xml_elem(c->list, "topic")) == NULL || xml_attr_int(n, "id", (long long)t->id) ||
	    xml_attr(n, "code", t->code) || (t->form && xml_attr(n, "form", t->form)) ||
	    (active && xml_attr(n, "active", "1")) || xml_text(n, "name-ru", t->name_ru) == NULL ||
	    xml_text(n, "name-en", t->name_en) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

/* The organization's topics; 0 or the failure's status. */
static int topics_xml(struct req *r, unsigned org)
{
	struct topics_ctx c = {xml_elem(r->root, "topics"), 0, 0};
	enum perr e;
	size_t i;

	if (c.list == NULL || xml_attr_int(c.list, "org", org))
		return page_error(r, 500, "internal");
	for (i = 1; i < sizeof(topic_forms) / sizeof(topic_forms[0]); i++)
		if (xml_text(c.list, "form", topic_forms[i]) == NULL)
			return page_error(r, 500, "internal");
	if ((e = db_topics_of_org(r->arena, org, topic_row_xml, &c)) != PERR_OK)
		return page_fail(r, e);
	return 0;
}

/* The list with its forms; status and refusal as given (what was typed kept). */
static int topics_page(struct req *r, unsigned org, int status, const char *field, const char *code)
{
	static const size_t typed[] = {K_TOPIC_CODE, K_FORM, K_NAME_RU, K_NAME_EN};
	int st;
	enum perr e;

	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if ((st = topics_xml(r, org)) != 0)
		return st;
	if (xml_done(r, K_DONE) != 0 || xml_typed(r, typed, 4) != 0)
		return page_error(r, 500, "internal");
	return code != NULL ? page_refuse(r, status, field, code) : status;
}

int topics_get(struct req *r)
{
	int st = 0;
	unsigned org;
	enum perr e;

	REQUIRE(r, A_READ);
	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if ((org = console_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if ((st = topics_xml(r, org)) != 0)
		return st;
	return xml_done(r, K_DONE) != 0 ? page_error(r, 500, "internal") : 200;
}

int topic_add_post(struct req *r)
{
	static const size_t required[] = {K_TOPIC_CODE, K_NAME_RU, K_NAME_EN};
	const struct fval *code = req_val(r, K_TOPIC_CODE), *form = req_val(r, K_FORM),
	                  *ru = req_val(r, K_NAME_RU), *en = req_val(r, K_NAME_EN);
	uint64_t id = 0;
	unsigned org;
	size_t i;
	int st, known = form == NULL;
	enum perr e;

	REQUIRE(r, A_APPEALS);
	if ((org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	for (i = 1; form != NULL && i < sizeof(topic_forms) / sizeof(topic_forms[0]); i++)
		known |= strcmp(form->s, topic_forms[i]) == 0;
	if ((st = xml_required(r, required, 3)) < 0 ||
	    ((!known || r->bad[K_FORM]) && xml_form_error(r, "form", "invalid") != 0))
		return page_error(r, 500, "internal");
	if (st != 0 || !known || r->bad[K_FORM])
		return topics_page(r, org, 400, NULL, "form-invalid");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_topic_add(org, code->s, form ? form->s : NULL, ru->s, en->s, &id);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return topics_page(r, org, 422, "topic_code", "topic-code-taken");
	}
	if (e == PERR_OK)
		e = console_audit(r, org, "add-topic", "topic", console_u64(r->arena, id), NULL,
		                  arena_printf(r->arena, "%s: %s", code->s, ru->s));
	return console_commit(r, e,
	                      arena_printf(r->arena, "/admin/topics?org=%u&done=topic-added", org));
}

/* One of the organization's topics, named by id: 0 and *org, or the answer's status. */
static int topic_of_org(struct req *r, unsigned *org, uint64_t *id)
{
	const struct fval *t = req_val(r, K_ID);
	struct topics_ctx c = {NULL, 0, 0};
	int st;
	enum perr e;

	if ((*org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if (t == NULL)
		return page_error(r, 404, "not-found");
	*id = c.want = (uint64_t)t->i;
	if ((e = db_topics_of_org(r->arena, *org, topic_row_xml, &c)) != PERR_OK)
		return page_fail(r, e);
	return c.found ? 0 : page_error(r, 404, "not-found");
}

int topic_rename_post(struct req *r)
{
	const struct fval *ru = req_val(r, K_NAME_RU), *en = req_val(r, K_NAME_EN);
	uint64_t id = 0;
	unsigned org = 0;
	int st;
	enum perr e;

	REQUIRE(r, A_APPEALS);
	if ((st = topic_of_org(r, &org, &id)) != 0)
		return st;
	if (ru == NULL || en == NULL)
		return topics_page(r, org, 400, ru == NULL ? "name_ru" : "name_en", "invalid");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_topic_rename(org, id, ru->s, en->s);
	if (e == PERR_OK)
		e = console_audit(r, org, "rename-topic", "topic", console_u64(r->arena, id), NULL,
		                  arena_printf(r->arena, "%s / %s", ru->s, en->s));
	return console_commit(
	        r, e, arena_printf(r->arena, "/admin/topics?org=%u&done=topic-renamed", org));
}

/* Off the list (appeals written keep it) or back on. */
int topic_active_post(struct req *r)
{
	const struct fval *active = req_val(r, K_ACTIVE);
	uint64_t id = 0;
	unsigned org = 0;
	int st;
	enum perr e;

	REQUIRE(r, A_APPEALS);
	if ((st = topic_of_org(r, &org, &id)) != 0)
		return st;
	if (active == NULL)
		return page_error(r, 400, "bad-request");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_topic_set_active(org, id, (int)active->i);
	if (e == PERR_OK)
		e = console_audit(r, org, active->i ? "restore-topic" : "retire-topic", "topic",
		                  console_u64(r->arena, id), NULL, NULL);
	return console_commit(r, e,
	                      arena_printf(r->arena, "/admin/topics?org=%u&done=%s", org,
	                                   active->i ? "topic-restored" : "topic-retired"));
}
