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
 *
 * The pages live in appeals/: new.c (a new appeal and a service request's
 * fields), thread.c (one appeal and its files), news.c, inbox.c and
 * contacts.c.  This file keeps the fields, the list and the routes.
 */
#include "app/appeal.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/appeal.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/serve.h"
#include "web/upload.h"
#include "appeals/appeals.h"

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

static int list_get(struct req *r)
{
	struct appeal_list l = {xml_elem(r->root, "appeals"), r->lang, 0};
	enum perr e;

	if (l.list == NULL || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	e = db_appeals_of(r->arena, r->sess->subscriber_id, appeal_list_row, &l);
	return e == PERR_OK ? 200 : page_fail(r, e);
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
