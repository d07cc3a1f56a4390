/* app/news.h: sending an announcement that is due. */
#ifndef APP_NEWS_H
#define APP_NEWS_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/*
 * Inside the caller's transaction: queue announcement id, once, to every
 * subscriber it is for who chose the news topic (both languages travel with
 * it; each message is written in its recipient's).  PERR_CONFLICT if it was
 * sent already or is not due yet.
 */
enum perr news_send(struct arena *, uint64_t id, unsigned long long *queued) PORTAL_WUR;
/* Every announcement due and not sent, each in its own transaction: *sent of them. */
enum perr news_send_due(struct arena *, unsigned *sent) PORTAL_WUR;

#endif
