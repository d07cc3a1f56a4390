/* Unit tests: the sessions list names browsers and systems as people know them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/useragent.h"

static void expect(const char *ua, const char *browser, const char *system)
{
	struct ua_desc d = ua_describe(ua);

	if (browser == NULL)
		assert_null(d.browser);
	else
		assert_string_equal(d.browser, browser);
	if (system == NULL)
		assert_null(d.system);
	else
		assert_string_equal(d.system, system);
}

static void names_common_browsers(void **st)
{
	(void)st;
	expect("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
	       "Chrome/131.0.0.0 Mobile Safari/537.36",
	       "Chrome", "Android");
	expect("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
	       "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
	       "Safari", "iOS");
	expect("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
	       "Firefox", "Windows");
	expect("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like "
	       "Gecko) Chrome/131.0.0.0 Safari/537.36",
	       "Chrome", "macOS");
	expect("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
	       "HeadlessChrome/156.0.0.0 Safari/537.36",
	       "Chrome", "Linux");
}

static void chromium_browsers_are_not_called_chrome(void **st)
{
	(void)st;
	expect("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
	       "Chrome/131.0.0.0 YaBrowser/24.12.0.0 Safari/537.36",
	       "Yandex Browser", "Windows");
	expect("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
	       "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
	       "Edge", "Windows");
	expect("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) "
	       "SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
	       "Samsung Internet", "Android");
	expect("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
	       "Chrome/131.0.0.0 Safari/537.36 OPR/115.0.0.0",
	       "Opera", "Linux");
	expect("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
	       "(KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
	       "Chrome", "iOS");
}

static void says_nothing_it_cannot_tell(void **st)
{
	(void)st;
	expect(NULL, NULL, NULL);
	expect("", NULL, NULL);
	expect("python-requests/2.28.1", NULL, NULL);
	expect("Version/1.0", NULL, NULL); /* not Safari without Safari's own token */
	expect("curl/7.88.1", "curl", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_common_browsers),
		cmocka_unit_test(chromium_browsers_are_not_called_chrome),
		cmocka_unit_test(says_nothing_it_cannot_tell),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
