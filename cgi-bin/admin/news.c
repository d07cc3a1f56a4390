/*
 * admin/news.c: announcements: the list, and a new one for everyone, an
 * organization, or a list of accounts, now or at a time.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/news.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/db.h"
#include "db/news.h"
#include "db/staff.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/console.h"
#include "admin/admin.h"

static enum perr news_row(void *p, const struct news_item *it)
{
	struct row_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "item");

	if (n == NULL || xml_attr(n, "id", console_u64(x->r->arena, it->id)) ||
	    xml_attr_int(n, "org", it->org) || xml_attr(n, "audience", it->audience) ||
	    xml_attr_int(n, "targets", it->targets) ||
	    xml_text(n, "title-ru", it->title_ru) == NULL ||
	    xml_text(n, "title-en", it->title_en) == NULL ||
	    xml_text(n, "body-ru", it->body_ru) == NULL ||
	    xml_text(n, "body-en", it->body_en) == NULL ||
	    console_time(n, "publish-at", it->publish_at) ||
	    console_time(n, "sent-at", it->sent_at) || xml_text(n, "author", it->author) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

int news_get(struct req *r)
{
	struct row_ctx x = {r, xml_elem(r->root, "news")};
	enum perr e;

	REQUIRE(r, A_READ);
	if (x.list == NULL || xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	e = db_news_of_staff(r->arena, r->staff->staff_id, 100, news_row, &x);
	return e == PERR_OK ? 200 : page_fail(r, e);
}

static int news_form(struct req *r, int status, const char *field, const char *code)
{
	static const size_t typed[] = {K_ORG,     K_TITLE_RU, K_BODY_RU, K_TITLE_EN,
	                               K_BODY_EN, K_AUDIENCE, K_TARGETS, K_PUBLISH_AT};
	enum perr e = console_staff_xml(r);

	if (e != PERR_OK)
		return page_fail(r, e);
	if (xml_elem(r->root, "news-form") == NULL || xml_typed(r, typed, 8) != 0)
		return page_error(r, 500, "internal");
	if (code == NULL)
		return 200;
	return page_refuse(r, status, field, code);
}

/* "2026-12-01T09:00" (a datetime-local field, the site's zone) to UTC for the table. */
static int publish_time(const char *local, char out[20])
{
	int y, mo, d, h, mi, used = 0;
	struct tm tm;
	time_t t;

	if (sscanf(local, "%4d-%2d-%2d%*1[T ]%2d:%2d%n", &y, &mo, &d, &h, &mi, &used) != 5 ||
	    (local[used] != '\0' && strcmp(local + used, ":00") != 0) || !day_exists(local, 10) ||
	    h > 23 || mi > 59)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1)
		return -1;
	return strftime(out, 20, "%Y-%m-%d %H:%M:%S", gmtime_r(&t, &tm)) == 19 ? 0 : -1;
}

int news_new(struct req *r)
{
	const struct fval *org = req_val(r, K_ORG), *tr = req_val(r, K_TITLE_RU),
	                  *br = req_val(r, K_BODY_RU), *te = req_val(r, K_TITLE_EN),
	                  *be = req_val(r, K_BODY_EN), *aud = req_val(r, K_AUDIENCE),
	                  *targets = req_val(r, K_TARGETS), *at = req_val(r, K_PUBLISH_AT);
	static const size_t required[] = {K_ORG, K_TITLE_RU, K_BODY_RU, K_TITLE_EN, K_BODY_EN};
	char when[20], now_utc[20];
	unsigned long long n = 0, queued = 0;
	time_t now = time(NULL);
	struct tm tm;
	uint64_t id = 0;
	enum perr e;
	int st, bad_at;

	REQUIRE(r, A_NEWS);
	if (r->method != M_POST)
		return news_form(r, 200, NULL, NULL);
	strftime(now_utc, sizeof(now_utc), "%Y-%m-%d %H:%M:%S", gmtime_r(&now, &tm));
	/* Every field at fault is marked at once, the time among them. */
	bad_at = r->bad[K_PUBLISH_AT] || (at != NULL && publish_time(at->s, when) != 0);
	if ((st = xml_required(r, required, 5)) < 0 ||
	    (bad_at && xml_form_error(r, "publish_at", "invalid") != 0))
		return page_error(r, 500, "internal");
	if (st != 0 || bad_at)
		return news_form(r, 400, NULL, "form-invalid");
	if (aud == NULL || (strcmp(aud->s, "all") != 0 && strcmp(aud->s, "addresses") != 0 &&
	                    strcmp(aud->s, "accounts") != 0))
		return news_form(r, 400, "audience", "invalid");
	if (strcmp(aud->s, "all") != 0 && targets == NULL)
		return news_form(r, 422, "targets", "targets-required");
	if (at == NULL || strcmp(when, now_utc) < 0)
		memcpy(when, now_utc, sizeof(when));
	if ((e = db_staff_in_org(r->arena, r->staff->staff_id, (unsigned)org->i)) == PERR_NOT_FOUND)
		return news_form(r, 422, "org", "invalid");
	if (e != PERR_OK)
		return page_fail(r, e);

	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_news_insert((unsigned)org->i, tr->s, br->s, te->s, be->s, aud->s, when,
	                   r->staff->staff_id, &id);
	/* One target per line: an account number, or the start of an address. */
	if (e == PERR_OK && strcmp(aud->s, "all") != 0) {
		char *list = arena_strdup(r->arena, targets->s), *line, *save = NULL;

		for (line = list ? strtok_r(list, "\r\n", &save) : NULL; e == PERR_OK && line;
		     line = strtok_r(NULL, "\r\n", &save)) {
			while (*line == ' ')
				line++;
			if (*line == '\0')
				continue;
			if (strcmp(aud->s, "accounts") == 0) {
				e = db_news_add_account(id, (unsigned)org->i, line);
				if (e == PERR_NOT_FOUND) {
					db_rollback();
					return news_form(r, 422, "targets", "unknown-account");
				}
				n++;
			} else {
				unsigned long long k = 0;

				e = db_news_add_address(id, (unsigned)org->i, line, &k);
				n += k;
			}
		}
		if (e == PERR_OK && n == 0) {
			db_rollback();
			return news_form(r, 422, "targets", "no-accounts");
		}
	}
	if (e == PERR_OK)
		e = console_audit(r, (unsigned)org->i, "publish-news", "news",
		                  console_u64(r->arena, id), NULL,
		                  arena_printf(r->arena, "%s; %s; %s", aud->s, when, tr->s));
	/* Due now: queued in the same transaction; later ones go with the delivery run. */
	if (e == PERR_OK && strcmp(when, now_utc) <= 0) {
		e = news_send(r->arena, id, &queued);
		if (e == PERR_CONFLICT)
			e = PERR_OK;
	}
	return console_commit(r, e, "/admin/news?done=published");
}
