/*
 * admin/appeals.c: subscribers' appeals: the list, a thread, an answer (with
 * files) told to the subscriber, a note for staff only, taking one on.
 */
#include <stdint.h>
#include <string.h>

#include "app/appeal.h"
#include "core/arena.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/appeal.h"
#include "db/db.h"
#include "db/outbox.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/appeal_upload.h"
#include "web/console.h"
#include "admin/admin.h"

/* What staff may set with an answer: not "new", which only the subscriber's writing makes. */
static int answer_status_valid(const char *s)
{
	static const char *const ok[] = {"in-progress", "waiting", "resolved", "closed"};
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (strcmp(s, ok[i]) == 0)
			return 1;
	return 0;
}

int appeals_get(struct req *r)
{
	const struct fval *status = req_val(r, K_STATUS);
	struct appeal_list c = {NULL, r->lang, 1};
	enum perr e;

	REQUIRE(r, A_READ);
	if (status != NULL && !answer_status_valid(status->s) && strcmp(status->s, "new") != 0)
		return page_error(r, 400, "bad-request");
	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if ((c.list = xml_elem(r->root, "appeals")) == NULL ||
	    (status != NULL && xml_attr(c.list, "status", status->s)))
		return page_error(r, 500, "internal");
	e = db_appeals_of_staff(r->arena, r->staff->staff_id, status ? status->s : NULL,
	                        appeal_list_row, &c);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

/* The appeal named by id with its whole thread, or the page refused with one
 * message; an appeal of another organization is 404. */
static int appeal_page(struct req *r, struct appeal *ap, int status, const char *field,
                       const char *code)
{
	static const size_t typed[] = {K_TEXT, K_STATUS};
	const struct fval *id = req_val(r, K_ID);
	xmlNodePtr n;
	enum perr e;

	if (id == NULL)
		return page_error(r, 404, "not-found");
	if ((e = db_appeal_of_staff(r->arena, r->staff->staff_id, (uint64_t)id->i, ap)) != PERR_OK)
		return page_fail(r, e);
	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if ((n = appeal_xml(r->root, ap, r->lang, 1)) == NULL || xml_typed(r, typed, 2) != 0 ||
	    xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	if ((e = appeal_thread_xml(r->arena, n, ap->id, 1)) != PERR_OK)
		return page_fail(r, e);
	return code == NULL ? status : page_refuse(r, status, field, code);
}

int appeal_get(struct req *r)
{
	struct appeal ap;

	REQUIRE(r, A_READ);
	return appeal_page(r, &ap, 200, NULL, NULL);
}

static int appeal_done(struct req *r, const struct appeal *ap, const char *done)
{
	return page_redirect(r, arena_printf(r->arena, "/admin/appeal?id=%llu&done=%s",
	                                     (unsigned long long)ap->id, done));
}

/* An answer: in the thread, the status staff chose, and the subscriber told. */
int appeal_answer_post(struct req *r)
{
	const struct fval *text = req_val(r, K_TEXT), *status = req_val(r, K_STATUS);
	const char *params;
	struct appeal ap;
	uint64_t msg = 0;
	int st;
	enum perr e;

	REQUIRE(r, A_APPEALS);
	if ((st = appeal_page(r, &ap, 200, NULL, NULL)) != 200)
		return st;
	if (text == NULL)
		return page_refuse(r, r->bad[K_TEXT] ? 422 : 400, "text", "invalid");
	if (status == NULL || !answer_status_valid(status->s))
		return page_refuse(r, 400, "status", "invalid");
	params = outbox_params(r->arena, "note",
	                       (const char *[]){"id", console_u64(r->arena, ap.id), "topic_ru",
	                                        ap.topic_ru, "topic_en", ap.topic_en},
	                       3);
	if (params == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_appeal_message_add(ap.id, "staff", r->staff->staff_id, text->s, &msg)) !=
	            PERR_OK ||
	    (e = db_appeal_answered(ap.id, status->s, r->staff->staff_id)) != PERR_OK ||
	    (e = db_outbox_notify(ap.subscriber_id, "appeal", "appeal-answer", params)) !=
	            PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	/* A form, a photo of the work done: checked as the subscribers' are. */
	if ((st = appeal_files_commit(r, ap.id, msg)) != 0)
		return st;
	return appeal_done(r, &ap, "answered");
}

/* A note for staff: in the thread, never on the subscriber's pages or in their mail. */
int appeal_note_post(struct req *r)
{
	const struct fval *text = req_val(r, K_TEXT);
	struct appeal ap;
	uint64_t msg = 0;
	int st;
	enum perr e;

	REQUIRE(r, A_APPEALS);
	if ((st = appeal_page(r, &ap, 200, NULL, NULL)) != 200)
		return st;
	if (text == NULL)
		return page_refuse(r, r->bad[K_TEXT] ? 422 : 400, "text", "invalid");
	if ((e = db_appeal_message_add(ap.id, "note", r->staff->staff_id, text->s, &msg)) !=
	    PERR_OK)
		return page_fail(r, e);
	return appeal_done(r, &ap, "noted");
}

int appeal_assign_post(struct req *r)
{
	const struct fval *take = req_val(r, K_TAKE);
	struct appeal ap;
	int st;
	enum perr e;

	REQUIRE(r, A_APPEALS);
	if ((st = appeal_page(r, &ap, 200, NULL, NULL)) != 200)
		return st;
	if (take == NULL)
		return page_error(r, 400, "bad-request");
	if ((e = db_appeal_assign(ap.id, take->i ? r->staff->staff_id : 0)) != PERR_OK)
		return page_fail(r, e);
	return appeal_done(r, &ap, take->i ? "taken" : "released");
}

static enum perr appeal_file_stream(struct req *r, void *arg,
                                    int (*put)(void *, const char *, size_t), void *ctx)
{
	return appeal_file_write(r->arena, arg, put, ctx);
}

int appeal_file_get(struct req *r)
{
	const struct fval *id = req_val(r, K_ID);
	struct appeal_file *f = arena_alloc(r->arena, sizeof(*f));
	enum perr e;

	REQUIRE(r, A_READ);
	if (id == NULL)
		return page_error(r, 404, "not-found");
	if (f == NULL)
		return page_error(r, 500, "internal");
	e = db_appeal_file_of(r->arena, 0, r->staff->staff_id, (uint64_t)id->i, f);
	if (e != PERR_OK)
		return page_fail(r, e);
	return page_stream(r, appeal_file_name(r->arena, f), f->type, appeal_file_stream, f);
}
