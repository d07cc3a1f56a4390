/* db/news.h: the organizations' announcements. */
#ifndef DB_NEWS_H
#define DB_NEWS_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

struct news_item {
	uint64_t id;
	unsigned org;
	const char *title_ru, *body_ru, *title_en, *body_en;
	const char *audience;   /* all, addresses, accounts */
	const char *publish_at; /* ISO 8601 UTC */
	const char *sent_at;    /* NULL until the messages are queued */
	const char *author;     /* staff login */
	unsigned targets;       /* accounts it is for (audience other than all) */
	long long unread;       /* for a subscriber: recent and not yet opened */
};

/* A new announcement; publish_at "YYYY-MM-DD HH:MM:SS" UTC. */
enum perr db_news_insert(unsigned org, const char *title_ru, const char *body_ru,
			 const char *title_en, const char *body_en, const char *audience,
			 const char *publish_at, uint64_t staff, uint64_t *id) PORTAL_WUR;
/* Target the organization's account with this number: PERR_NOT_FOUND if none. */
enum perr db_news_add_account(uint64_t news, unsigned org, const char *number) PORTAL_WUR;
/* Target every account of the organization whose address starts so; *n of them. */
enum perr db_news_add_address(uint64_t news, unsigned org, const char *prefix,
			      unsigned long long *n) PORTAL_WUR;
/* The announcements of staff's organizations, newest first. */
enum perr db_news_of_staff(struct arena *, uint64_t staff, unsigned limit,
			   enum perr (*each)(void *, const struct news_item *), void *) PORTAL_WUR;
/* Published announcements for a subscriber's accounts, newest first. */
enum perr db_news_of_subscriber(struct arena *, uint64_t subscriber, unsigned limit,
				enum perr (*each)(void *, const struct news_item *),
				void *) PORTAL_WUR;
/* One of those, marked read: PERR_NOT_FOUND if it is not for the subscriber. */
enum perr db_news_open(struct arena *, uint64_t subscriber, uint64_t id,
		       struct news_item *) PORTAL_WUR;
/* Every recent announcement for the subscriber marked read. */
enum perr db_news_read_all(uint64_t subscriber) PORTAL_WUR;
/* Those due and not yet sent, oldest first (ids). */
enum perr db_news_due(struct arena *, uint64_t *ids, size_t max, size_t *n) PORTAL_WUR;
enum perr db_news_get(struct arena *, uint64_t id, struct news_item *) PORTAL_WUR;
/*
 * Send once: marks it sent (PERR_CONFLICT if it already was or is not due)
 * and queues a message with params to every subscriber it is for who chose
 * the news topic, by each channel they chose.  Inside the caller's transaction.
 */
enum perr db_news_send(uint64_t id, const char *params, unsigned long long *queued) PORTAL_WUR;

#endif
