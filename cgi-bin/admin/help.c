/*
 * admin/help.c: the help pages' questions and answers, rules and forms to
 * download, per organization.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/attachment.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/db.h"
#include "db/help.h"
#include "db/help_edit.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/console.h"
#include "admin/admin.h"

/*
 * The contacts page's help, per organization: questions and answers, the
 * rules of service, blank forms to download.  Operators and administrators
 * write it (A_HELP); every change is in the audit log.
 */
#define HELP_FORM_BYTES (10u << 20)
#define HELP_CHUNK      (256u << 10)

static enum perr help_question_row(void *p, const struct help_question *q)
{
	xmlNodePtr n = xml_elem(p, "question");

	if (n == NULL || xml_attr_int(n, "id", q->id) ||
	    xml_text(n, "q-ru", q->question_ru) == NULL ||
	    xml_text(n, "a-ru", q->answer_ru) == NULL ||
	    xml_text(n, "q-en", q->question_en) == NULL ||
	    xml_text(n, "a-en", q->answer_en) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr help_form_row(void *p, const struct help_form *f)
{
	xmlNodePtr n = xml_elem(p, "form");

	if (n == NULL || xml_attr_int(n, "id", f->id) || xml_attr_int(n, "size", f->size) ||
	    xml_attr(n, "type", f->type) || xml_text(n, "title-ru", f->title_ru) == NULL ||
	    xml_text(n, "title-en", f->title_en) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr help_rules_row(void *p, const struct help_org *o)
{
	return console_opt(p, "rules-ru", o->rules_ru) || console_opt(p, "rules-en", o->rules_en)
	               ? PERR_NOMEM
	               : PERR_OK;
}

/* The page, with what was typed into a refused form; status and refusal as given. */
static int help_page(struct req *r, int status, const char *field, const char *code)
{
	static const size_t typed[] = {K_QUESTION_RU, K_ANSWER_RU, K_QUESTION_EN, K_ANSWER_EN,
	                               K_TITLE_RU,    K_TITLE_EN,  K_RULES_RU,    K_RULES_EN};
	int st = 0;
	unsigned org;
	xmlNodePtr h;
	enum perr e;

	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if ((org = console_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if ((h = xml_elem(r->root, "help")) == NULL || xml_attr_int(h, "org", org) ||
	    xml_done(r, K_DONE) != 0 || xml_typed(r, typed, 8) != 0)
		return page_error(r, 500, "internal");
	if ((e = db_help_orgs(r->arena, 0, org, help_rules_row, h)) != PERR_OK ||
	    (e = db_help_questions(r->arena, org, help_question_row, h)) != PERR_OK ||
	    (e = db_help_forms(r->arena, org, help_form_row, h)) != PERR_OK)
		return page_fail(r, e);
	if (code != NULL)
		return page_refuse(r, status, field, code);
	return status;
}

int help_get(struct req *r)
{
	REQUIRE(r, A_READ);
	return help_page(r, 200, NULL, NULL);
}

int help_question_post(struct req *r)
{
	static const size_t required[] = {K_QUESTION_RU, K_ANSWER_RU, K_QUESTION_EN, K_ANSWER_EN};
	const struct fval *qr = req_val(r, K_QUESTION_RU), *ar = req_val(r, K_ANSWER_RU),
	                  *qe = req_val(r, K_QUESTION_EN), *ae = req_val(r, K_ANSWER_EN);
	uint64_t id = 0;
	unsigned org;
	int st;
	enum perr e;

	REQUIRE(r, A_HELP);
	if ((org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if ((st = xml_required(r, required, 4)) < 0)
		return page_error(r, 500, "internal");
	if (st != 0)
		return help_page(r, 400, NULL, "form-invalid");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_help_question_add(org, qr->s, ar->s, qe->s, ae->s, &id);
	if (e == PERR_OK)
		e = console_audit(r, org, "add-question", "organization",
		                  console_u64(r->arena, org), NULL, qr->s);
	return console_commit(
	        r, e, arena_printf(r->arena, "/admin/help?org=%u&done=question-added", org));
}

int help_rules_post(struct req *r)
{
	const struct fval *ru = req_val(r, K_RULES_RU), *en = req_val(r, K_RULES_EN);
	unsigned org;
	int st;
	enum perr e;

	REQUIRE(r, A_HELP);
	if ((org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if (r->bad[K_RULES_RU] || r->bad[K_RULES_EN])
		return help_page(r, 422, r->bad[K_RULES_RU] ? "rules_ru" : "rules_en", "invalid");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_help_rules_set(org, ru ? ru->s : "", en ? en->s : "");
	if (e == PERR_OK)
		e = console_audit(r, org, "set-rules", "organization", console_u64(r->arena, org),
		                  NULL,
		                  arena_printf(r->arena, "%zu/%zu characters",
		                               ru ? strlen(ru->s) : 0, en ? strlen(en->s) : 0));
	return console_commit(r, e,
	                      arena_printf(r->arena, "/admin/help?org=%u&done=rules-saved", org));
}

/* A question or a form removed: PERR_NOT_FOUND (another organization's, or gone) is 404. */
static int help_delete(struct req *r, enum perr (*drop)(unsigned, unsigned), const char *action)
{
	const struct fval *id = req_val(r, K_ID);
	unsigned org;
	int st;
	enum perr e;

	REQUIRE(r, A_HELP);
	if ((org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if (id == NULL)
		return page_error(r, 404, "not-found");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = drop(org, (unsigned)id->i);
	if (e == PERR_NOT_FOUND) {
		db_rollback();
		return page_error(r, 404, "not-found");
	}
	if (e == PERR_OK)
		e = console_audit(r, org, action, "organization", console_u64(r->arena, org), NULL,
		                  console_u64(r->arena, (uint64_t)id->i));
	return console_commit(r, e, arena_printf(r->arena, "/admin/help?org=%u&done=deleted", org));
}

int help_question_delete_post(struct req *r)
{
	return help_delete(r, db_help_question_delete, "delete-question");
}

int help_form_delete_post(struct req *r)
{
	return help_delete(r, db_help_form_delete, "delete-form");
}

/* A blank form: one PDF of up to 10 MB, its type what libmagic finds in it. */
int help_form_post(struct req *r)
{
	static const size_t required[] = {K_TITLE_RU, K_TITLE_EN};
	const struct fval *tr = req_val(r, K_TITLE_RU), *te = req_val(r, K_TITLE_EN);
	unsigned char *buf = NULL, sha[32];
	uint64_t id = 0;
	size_t n = 0, off;
	unsigned org, seq;
	long k = 0;
	int st;
	enum perr e;

	REQUIRE(r, A_HELP);
	if ((org = console_change_org(r, req_val(r, K_ORG), &st)) == 0)
		return st;
	if ((st = xml_required(r, required, 2)) < 0)
		return page_error(r, 500, "internal");
	if (st != 0)
		return help_page(r, 400, NULL, "form-invalid");
	if (req_upload_name(r)[0] == '\0')
		return help_page(r, 400, "file", "file-missing");
	if ((buf = malloc(HELP_FORM_BYTES + 1)) == NULL)
		return page_error(r, 500, "internal");
	while (n <= HELP_FORM_BYTES &&
	       (k = req_upload_read(r, (char *)buf + n, HELP_FORM_BYTES + 1 - n)) > 0)
		n += (size_t)k;
	if (k < 0)
		st = page_error(r, 400, "bad-request");
	else if (n > HELP_FORM_BYTES)
		st = help_page(r, 413, "file", "file-large");
	else if (n == 0)
		st = help_page(r, 422, "file", "file-empty");
	else if (attachment_type(buf, n) != ATT_PDF)
		st = help_page(r, 415, "file", "form-pdf");
	if (st != 0) {
		free(buf);
		return st;
	}
	crypto_hash_sha256(sha, buf, n);
	if ((e = db_begin()) != PERR_OK) {
		free(buf);
		return page_fail(r, e);
	}
	e = db_help_form_add(org, tr->s, te->s, attachment_mime(ATT_PDF), n, sha, &id);
	for (off = 0, seq = 0; e == PERR_OK && off < n; off += HELP_CHUNK, seq++)
		e = db_help_form_chunk_add(id, seq, buf + off,
		                           n - off < HELP_CHUNK ? n - off : HELP_CHUNK);
	free(buf);
	if (e == PERR_CONFLICT) {
		db_rollback();
		return help_page(r, 422, "file", "file-twice");
	}
	if (e == PERR_OK)
		e = console_audit(r, org, "add-form", "organization", console_u64(r->arena, org),
		                  NULL, arena_printf(r->arena, "%s (%zu bytes)", tr->s, n));
	return console_commit(r, e,
	                      arena_printf(r->arena, "/admin/help?org=%u&done=form-added", org));
}
