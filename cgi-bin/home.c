/*
 * home.c: the signed-in subscriber's start page.
 *
 *   GET /      name, contact details on file, and the previous sign-in
 */
#include "portal.h"

static int home(struct req *r)
{
	struct subscriber sub;
	const char *at = NULL, *ip = NULL;
	xmlNodePtr h, prev;
	enum perr e;

	e = db_subscriber_by_id(r->arena, r->sess->subscriber_id, &sub);
	if (e != PERR_OK)
		return page_error(r, e == PERR_NOT_FOUND ? 404 : 503,
				  e == PERR_NOT_FOUND ? "not-found" : "db-down");
	h = xml_elem(r->root, "home");
	if (h == NULL || xml_text(h, "full-name", sub.full_name) == NULL ||
	    (sub.email && xml_text(h, "email", sub.email) == NULL) ||
	    (sub.phone && xml_text(h, "phone", sub.phone) == NULL))
		return page_error(r, 500, "internal");
	/* Showing the previous sign-in lets a subscriber notice one that was not theirs. */
	e = db_login_previous(r->arena, r->sess->subscriber_id, &at, &ip);
	if (e != PERR_OK && e != PERR_NOT_FOUND)
		return page_error(r, 503, "db-down");
	if (e == PERR_OK) {
		prev = xml_elem(h, "previous-login");
		if (prev == NULL || xml_attr(prev, "at", at) || xml_attr(prev, "ip", ip))
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
