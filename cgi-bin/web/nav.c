/*
 * nav.c: the site's navigation.  Only sections that exist are listed; each
 * later section adds its entry here when it is built.
 */
#include <string.h>

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
	}
}
