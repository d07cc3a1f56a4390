/*
 * app/fiscal.c: the fiscal receipt (кассовый чек, 54-FZ) of an online payment.
 *
 * The provider registers it with its fiscal data operator when it takes the
 * payment.  Settling asks for it once (app/settle.c) and puts it in the
 * payment's message; a receipt registered later is fetched here by the
 * payment jobs, kept, and sent to the payer in a message of its own.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "app/fiscal.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/date.h"
#include "core/log.h"
#include "db/db.h"
#include "db/fiscal.h"
#include "db/outbox.h"
#include "doc/xml.h"
#include "net/provider.h"

#define BATCH 200

enum perr fiscal_fetch(const char *provider_payment_id, struct fiscal_receipt *fr)
{
	const struct provider *pv = provider_get();
	char esc[80];
	enum perr e;

	if (pv == NULL || pv->receipt == NULL || provider_payment_id[0] == '\0')
		return PERR_NOT_FOUND;
	e = pv->receipt(provider_payment_id, fr);
	if (e != PERR_OK && e != PERR_NOT_FOUND)
		log_msg(LOG_WARN, "payment %s: cannot ask for its fiscal receipt: %s",
		        log_esc(esc, sizeof(esc), provider_payment_id), perr_str(e));
	return e;
}

int fiscal_xml(xmlNodePtr parent, const struct fiscal_receipt *fr)
{
	xmlNodePtr n = xml_elem(parent, "fiscal");
	char url[512], utc[21], at[26];

	if (n == NULL || xml_attr(n, "fn", fr->storage) || xml_attr(n, "fd", fr->document) ||
	    xml_attr(n, "fp", fr->attribute))
		return -1;
	/* "YYYY-MM-DD HH:MM:SS" UTC as kept -> local time with its offset, as every instant shown.
	 */
	if (strlen(fr->registered_at) == 19) {
		snprintf(utc, sizeof(utc), "%.10sT%.8sZ", fr->registered_at,
		         fr->registered_at + 11);
		if (instant_local(utc, at) != 0 || xml_attr(n, "at", at))
			return -1;
	}
	if (cfg.pay_check_url[0] != '\0' &&
	    fiscal_check_url(url, sizeof(url), cfg.pay_check_url, fr) == 0 &&
	    xml_attr(n, "url", url))
		return -1;
	return 0;
}

/* The message of a receipt registered after its payment's. */
static const char *late_params(struct arena *ar, uint64_t online, const struct fiscal_receipt *fr)
{
	xmlNodePtr n = xmlNewNode(NULL, BAD_CAST "payment");
	xmlBufferPtr buf = xmlBufferCreate();
	const char *out = NULL;

	if (n != NULL && buf != NULL && xml_attr_int(n, "id", (long long)online) == 0 &&
	    fiscal_xml(n, fr) == 0 && xmlNodeDump(buf, NULL, n, 0, 0) >= 0)
		out = arena_strdup(ar, (const char *)xmlBufferContent(buf));
	xmlFreeNode(n);
	xmlBufferFree(buf);
	return out;
}

/* Kept and told in one transaction; a receipt kept already (settled meanwhile) is not told twice.
 */
static enum perr keep(struct arena *ar, const struct fiscal_missing *m,
                      const struct fiscal_receipt *fr)
{
	const char *params = late_params(ar, m->online, fr);
	unsigned long long added = 0;
	enum perr e;

	if (params == NULL)
		return PERR_NOMEM;
	if ((e = db_begin()) != PERR_OK)
		return e;
	if ((e = db_fiscal_save(m->online, fr, &added)) == PERR_OK && added)
		e = db_outbox_notify(m->subscriber, "payment", "payment-fiscal", params);
	if (e == PERR_OK)
		e = db_commit();
	if (e != PERR_OK)
		db_rollback();
	return e;
}

/* A batch's rows; their strings are in the batch's arena, freed with it. */
struct missing_list {
	struct fiscal_missing v[BATCH];
	size_t n;
};

static enum perr missing_row(void *p, const struct fiscal_missing *m)
{
	struct missing_list *l = p;

	if (l->n == BATCH) /* the query's LIMIT is BATCH: never more */
		return PERR_TOO_LARGE;
	l->v[l->n++] = *m;
	return PERR_OK;
}

/* One batch after `after`, read and asked about in `ar`; *next: where the next begins, 0: none. */
static enum perr catch_up_batch(struct arena *ar, struct missing_list *l, unsigned minutes,
                                uint64_t after, uint64_t *next, unsigned *found,
                                unsigned *still_missing, unsigned *errors)
{
	const struct provider *pv = provider_get();
	size_t i;
	enum perr e;

	*next = 0;
	l->n = 0;
	db_request_begin();
	if ((e = db_fiscal_missing(ar, minutes, after, BATCH, missing_row, l)) != PERR_OK ||
	    l->n == 0)
		return e;
	for (i = 0; i < l->n; i++) {
		const struct fiscal_missing *m = &l->v[i];
		struct fiscal_receipt fr;

		db_request_begin();
		if (pv == NULL || m->provider == NULL || m->provider_id == NULL ||
		    strcmp(m->provider, pv->name) != 0) {
			(*errors)++;
			continue;
		}
		e = fiscal_fetch(m->provider_id, &fr);
		if (e == PERR_OK && (e = keep(ar, m, &fr)) == PERR_OK) {
			(*found)++;
			continue;
		}
		if (e == PERR_NOT_FOUND)
			(*still_missing)++;
		else
			(*errors)++;
		/* Asked, whatever the answer: the next run of the batch goes on to others. */
		if ((e = db_fiscal_asked(m->online)) != PERR_OK)
			return e;
	}
	*next = l->v[l->n - 1].online;
	return PERR_OK;
}

enum perr fiscal_catch_up(struct arena *ar, unsigned minutes, unsigned *found,
                          unsigned *still_missing, unsigned *errors)
{
	struct missing_list *l = arena_alloc(ar, sizeof(*l));
	struct arena *batch = arena_new(4u << 20);
	uint64_t after = 0, next = 0;
	enum perr e = PERR_OK;

	/* Each batch in an arena of its own, emptied before the next: a backlog of any
	 * size takes the memory of one batch. */
	if (l == NULL || batch == NULL) {
		arena_free(batch);
		return PERR_NOMEM;
	}
	do {
		arena_reset(batch);
		e = catch_up_batch(batch, l, minutes, after, &next, found, still_missing, errors);
		after = next;
	} while (e == PERR_OK && next != 0);
	arena_free(batch);
	return e;
}
