/*
 * nav.c: the site's navigation.  Only sections that exist are listed; each
 * later section adds its entry here when it is built.
 */
#include <string.h>

#include "core/log.h"
#include "db/unread.h"
#include "doc/xml.h"
#include "web/nav.h"
#include "web/req.h"

/* needs: the right on the current account its page asks (PAGE_NEEDS), 0 none. */
static const struct {
	const char *id;
	const char *href;
	unsigned needs;
} sections[] = {
        {"home", "/", 0},
        {"news", "/news", 0},
        {"inbox", "/inbox", 0},
        {"appeals", "/appeals", 0},
        {"accounts", "/accounts", 0},
        {"services", "/services", RIGHT_VIEW},
        {"readings", "/readings", RIGHT_READINGS},
        {"payments", "/payments", RIGHT_VIEW},
        {"receipts", "/receipts", RIGHT_VIEW},
        {"documents", "/documents", RIGHT_VIEW},
        {"calculator", "/calculator", 0},
        {"settings", "/settings", 0},
};

/* The entry a page is under: its own address, or the one its address continues. */
static int nav_current(const char *path, const char *href)
{
	size_t n = strlen(href);

	if (strcmp(path, href) == 0)
		return 1;
	return n > 1 && strncmp(path, href, n) == 0 && path[n] == '/';
}

/* What the entry with this id has unread, 0 for those that keep no such count. */
static long long unread_of(const struct unread *u, const char *id)
{
	if (strcmp(id, "appeals") == 0)
		return u->appeals;
	if (strcmp(id, "news") == 0)
		return u->news;
	if (strcmp(id, "inbox") == 0)
		return u->inbox;
	return 0;
}

/*
 * Each entry is marked with what it has unread; the menu's button shows the
 * sum, so the header counts them on every page.  They come with the
 * session (db/session.c); the news count is counted again only when the
 * one kept no longer holds.  A failed count leaves the entry without it
 * (and says so in the log): the page itself is not the count's to refuse.
 */
void nav_add(struct req *r)
{
	struct unread u;
	xmlNodePtr nav;
	size_t i;

	if (r->sess == NULL)
		return;
	if (!r->sess->unread.news_kept &&
	    db_unread_news(r->arena, r->sess->subscriber_id, &r->sess->unread) != PERR_OK) {
		log_msg(LOG_WARN, "the unread news could not be counted");
		r->sess->unread.n.news = 0;
	}
	u = r->sess->unread.n;
	nav = xml_elem(r->root, "nav");
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		xmlNodePtr it;

		/* A shared account's pages its rights do not open are not offered. */
		if (r->sess->account_id != 0 &&
		    (r->sess->rights & sections[i].needs) != sections[i].needs)
			continue;
		it = xml_elem(nav, "item");

		if (xml_attr(it, "id", sections[i].id) || xml_attr(it, "href", sections[i].href))
			return;
		if (nav_current(r->path, sections[i].href) && xml_attr(it, "current", "1"))
			return;
		if (unread_of(&u, sections[i].id) > 0 &&
		    xml_attr_int(it, "unread", unread_of(&u, sections[i].id)))
			return;
	}
}
