/* db/appeal_topic.h: staff keep an organization's list of appeal topics (sql/037). */
#ifndef DB_APPEAL_TOPIC_H
#define DB_APPEAL_TOPIC_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"
#include "db/appeal.h"

/* Every topic of org, those taken off the list too (active 0), in the list's order. */
enum perr db_topics_of_org(struct arena *, unsigned org,
			   enum perr (*each)(void *, const struct appeal_topic *, int active),
			   void *) PORTAL_WUR;
/* A new topic last on the list: PERR_CONFLICT if org has one with this code. */
enum perr db_topic_add(unsigned org, const char *code, const char *form, const char *name_ru,
		       const char *name_en, uint64_t *id) PORTAL_WUR;
/* Of org's topics only (the caller knows it is one: another's is not changed). */
enum perr db_topic_rename(unsigned org, uint64_t id, const char *name_ru,
			  const char *name_en) PORTAL_WUR;
enum perr db_topic_set_active(unsigned org, uint64_t id, int active) PORTAL_WUR;

#endif
