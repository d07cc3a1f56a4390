/*
 * appeals/thread.c: one appeal (/appeals/view): its thread, a reply with files,
 * closing and reopening it, and one of the subscriber's files back as a download.
 */
#include <stdint.h>
#include <string.h>

#include "app/appeal.h"
#include "core/arena.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/appeal.h"
#include "db/db.h"
#include "web/form.h"
#include "web/req.h"
#include "web/appeal_upload.h"
#include "appeals/appeals.h"

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

int view_get(struct req *r)
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

int reply_post(struct req *r)
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
		return page_refuse(r, 409, NULL,
		                   reopen ? "appeal-not-reopenable" : "appeal-closed");
	if (e != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, arena_printf(r->arena, "/appeals/view?id=%llu&done=%s",
	                                     (unsigned long long)ap.id,
	                                     reopen ? "reopened" : "closed"));
}

int close_post(struct req *r)
{
	return state_post(r, 0);
}
int reopen_post(struct req *r)
{
	return state_post(r, 1);
}

static enum perr file_stream(struct req *r, void *arg, int (*put)(void *, const char *, size_t),
                             void *ctx)
{
	return appeal_file_write(r->arena, arg, put, ctx);
}

int file_get(struct req *r)
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
