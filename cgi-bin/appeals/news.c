/*
 * appeals/news.c: the organizations' announcements (/news), one of them
 * (/news/item, read now) and every recent one marked read.
 */
#include <stdint.h>

#include "core/date.h"
#include "core/lang.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/news.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "appeals/appeals.h"

#define NEWS_SHOWN 50

struct news_ctx {
	struct req *r;
	xmlNodePtr parent;
};

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
int news(struct req *r)
{
	struct news_ctx c = {.r = r};
	enum perr e;

	if ((c.parent = xml_elem(r->root, "news")) == NULL || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	e = db_news_of_subscriber(r->arena, r->sess->subscriber_id, NEWS_SHOWN, news_row, &c);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

/* One announcement, whole; opening it is reading it. */
int news_item(struct req *r)
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

int news_read_all(struct req *r)
{
	enum perr e = db_news_read_all(r->sess->subscriber_id);

	return e == PERR_OK ? page_redirect(r, "/news?done=read") : page_fail(r, e);
}
