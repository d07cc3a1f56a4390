/* core/useragent.h: a browser and system named from a User-Agent header. */
#ifndef CORE_USERAGENT_H
#define CORE_USERAGENT_H

/*
 * What a person recognises in a list of their sessions ("Chrome", "Android")
 * rather than the raw header.  Both are NULL when the header does not say:
 * the page then calls it an unknown browser.  The names are proper names,
 * the same in every language; the page joins them in its own.
 */
struct ua_desc {
	const char *browser;
	const char *system;
};

struct ua_desc ua_describe(const char *user_agent);

#endif
