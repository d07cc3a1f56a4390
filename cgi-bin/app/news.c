/*
 * app/news.c: an announcement goes out once: the admin program sends one
 * published now at once, the delivery run those whose time has come.
 */
#include <stdint.h>

#include "app/news.h"
#include "core/arena.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/news.h"
#include "doc/xml.h"

#define DUE_BATCH 50

enum perr news_send(struct arena *a, uint64_t id, unsigned long long *queued)
{
	struct news_item it;
	const char *params;
	enum perr e = db_news_get(a, id, &it);

	if (e != PERR_OK)
		return e;
	params = outbox_params(a, "note",
			       (const char *[]){"title_ru", it.title_ru, "body_ru", it.body_ru,
						"title_en", it.title_en, "body_en", it.body_en},
			       4);
	if (params == NULL)
		return PERR_NOMEM;
	return db_news_send(id, params, queued);
}

enum perr news_send_due(struct arena *a, unsigned *sent)
{
	uint64_t ids[DUE_BATCH];
	size_t n = 0, i;
	unsigned long long queued;
	enum perr e = db_news_due(a, ids, DUE_BATCH, &n);

	*sent = 0;
	for (i = 0; e == PERR_OK && i < n; i++) {
		if ((e = db_begin()) != PERR_OK)
			break;
		e = news_send(a, ids[i], &queued);
		if (e == PERR_CONFLICT) {
			/* Another run sent it between the list and the claim. */
			db_rollback();
			e = PERR_OK;
			continue;
		}
		if (e == PERR_OK && (e = db_commit()) == PERR_OK)
			(*sent)++;
		else
			db_rollback();
	}
	return e;
}
