/*
 * nav.c: the site's navigation.  Only sections that exist are listed; each
 * later section adds its entry here when it is built.
 */
#include <string.h>

#include "core/log.h"
#include "db/appeal_unread.h"
#include "doc/xml.h"
#include "web/nav.h"
#include "web/req.h"

static const struct {
	const char *id;
	const char *href;
} sections[] = {
	{"home", "/"},
	{"news", "/news"},
	{"appeals", "/appeals"},
	{"accounts", "/accounts"},
	{"services", "/services"},
	{"readings", "/readings"},
	{"payments", "/payments"},
	{"receipts", "/receipts"},
	{"calculator", "/calculator"},
	{"settings", "/settings"},
};

/* The entry a page is under: its own address, or the one its address continues. */
static int nav_current(const char *path, const char *href)
{
	size_t n = strlen(href);

	if (strcmp(path, href) == 0)
		return 1;
	return n > 1 && strncmp(path, href, n) == 0 && path[n] == '/';
}

/* How many appeals have news for the subscriber, on their menu entry.  A
 * failed count leaves the entry without it (and says so in the log): the
 * page itself is not the count's to refuse. */
static int unread_mark(struct req *r, xmlNodePtr it)
{
	long long n = 0;

	if (db_appeals_unread(r->arena, r->sess->subscriber_id, &n) != PERR_OK) {
		log_msg(LOG_WARN, "the unread appeals could not be counted");
		return 0;
	}
	return n > 0 && xml_attr_int(it, "unread", n) ? -1 : 0;
}

void nav_add(struct req *r)
{
	xmlNodePtr nav;
	size_t i;

	if (r->sess == NULL)
		return;
	nav = xml_elem(r->root, "nav");
	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		xmlNodePtr it = xml_elem(nav, "item");

		if (xml_attr(it, "id", sections[i].id) || xml_attr(it, "href", sections[i].href))
			return;
		if (nav_current(r->path, sections[i].href) && xml_attr(it, "current", "1"))
			return;
		if (strcmp(sections[i].id, "appeals") == 0 && unread_mark(r, it) != 0)
			return;
	}
}
