/*
 * appeals/inbox.c: every message the portal sent the subscriber (/inbox), one
 * of them (/inbox/message, read now) and every one marked read.
 */
#include <stdint.h>

#include "core/date.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/inbox.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "appeals/appeals.h"

/* Messages a page of the inbox shows. */
#define INBOX_PAGE 30

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
int inbox(struct req *r)
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

int inbox_message(struct req *r)
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

int inbox_read_all(struct req *r)
{
	enum perr e = db_inbox_read_all(r->sess->subscriber_id);

	return e == PERR_OK ? page_redirect(r, "/inbox?done=read") : page_fail(r, e);
}
