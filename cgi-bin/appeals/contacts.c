/*
 * appeals/contacts.c: the organizations' offices, phones, questions and answers,
 * rules and blank forms (/contacts, anyone's to read), and a blank form as a
 * download (/contacts/form).
 */
#include <stdint.h>

#include "core/arena.h"
#include "core/lang.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/chunks.h"
#include "db/help.h"
#include "doc/xml.h"
#include "web/req.h"
#include "appeals/appeals.h"

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
			if ((shown = arena_strndup(a, p, n)) == NULL ||
			    (tel = arena_alloc(a, n + 1)) == NULL)
				return -1;
			for (i = 0; i < n; i++)
				if ((p[i] >= '0' && p[i] <= '9') || (p[i] == '+' && k == 0))
					tel[k++] = p[i];
			tel[k] = '\0';
			if ((ph = xml_text(parent, "phone", shown)) == NULL ||
			    (k > 0 && xml_attr(ph, "tel", tel)))
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

	if (n == NULL || xml_attr_int(n, "id", o->id) ||
	    xml_text(n, "address", o->address) == NULL || xml_text(n, "hours", o->hours) == NULL ||
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
int contacts(struct req *r)
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
int contacts_form(struct req *r)
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
	return page_stream(r, arena_printf(r->arena, "form-%u.pdf", f->id), f->type, form_stream,
	                   f);
}
