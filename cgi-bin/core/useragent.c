/*
 * core/useragent.c: names from a User-Agent header.  Browsers copy each
 * other's tokens (every Chromium browser says "Chrome/" and "Safari/", an
 * iPhone says "like Mac OS X"), so the tokens are tried from the most
 * specific to the most generic, and the first that appears wins.
 */
#include "core/useragent.h"

#include <string.h>

struct token {
	const char *needle;
	const char *name;
};

static const struct token browsers[] = {
	{"YaBrowser/", "Yandex Browser"},
	{"SamsungBrowser/", "Samsung Internet"},
	{"Edg/", "Edge"},
	{"EdgA/", "Edge"},
	{"EdgiOS/", "Edge"},
	{"Edge/", "Edge"},
	{"OPR/", "Opera"},
	{"Opera", "Opera"},
	{"Firefox/", "Firefox"},
	{"FxiOS/", "Firefox"},
	{"CriOS/", "Chrome"},
	{"Chromium/", "Chromium"},
	{"Chrome/", "Chrome"},
	{"Version/", "Safari"}, /* with "Safari/": Apple's own browser */
	{"curl/", "curl"},
};

static const struct token systems[] = {
	{"Android", "Android"}, {"iPhone", "iOS"},	{"iPad", "iPadOS"},
	{"iPod", "iOS"},	{"CrOS", "ChromeOS"},	{"Windows", "Windows"},
	{"Macintosh", "macOS"}, {"Mac OS X", "macOS"}, {"Linux", "Linux"},
};

static const char *first(const char *ua, const struct token *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strstr(ua, t[i].needle) != NULL)
			return t[i].name;
	return NULL;
}

struct ua_desc ua_describe(const char *ua)
{
	struct ua_desc d = {NULL, NULL};

	if (ua == NULL)
		return d;
	d.browser = first(ua, browsers, sizeof(browsers) / sizeof(browsers[0]));
	/* "Version/" alone is not Safari: other programs use it too. */
	if (d.browser != NULL && strcmp(d.browser, "Safari") == 0 && strstr(ua, "Safari/") == NULL)
		d.browser = NULL;
	d.system = first(ua, systems, sizeof(systems) / sizeof(systems[0]));
	return d;
}
