/*
 * home.c: the signed-in subscriber's start page.
 *
 *   GET /      name, contact details on file, and the sign-in before this session
 */
#include "portal.h"

static int home(struct req *r)
{
	/* Everything this page shows came with the session check: no query here. */
	const struct session *me = r->sess;
	xmlNodePtr h, prev;

	h = xml_elem(r->root, "home");
	if (h == NULL || xml_text(h, "full-name", me->full_name) == NULL ||
	    (me->email && xml_text(h, "email", me->email) == NULL) ||
	    (me->phone && xml_text(h, "phone", me->phone) == NULL))
		return page_error(r, 500, "internal");
	/* Showing the previous sign-in lets a subscriber notice one that was not theirs. */
	if (me->prev_login_at != NULL) {
		prev = xml_elem(h, "previous-login");
		if (prev == NULL || xml_attr(prev, "at", me->prev_login_at) ||
		    xml_attr(prev, "ip", me->prev_login_ip ? me->prev_login_ip : "-"))
			return page_error(r, 500, "internal");
	}
	return 200;
}

static const struct page pages[] = {
	{"/", M_GET, PAGE_SESSION, "home", home},
};

static const struct section section = {"home", pages, 1, NULL, 0};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
