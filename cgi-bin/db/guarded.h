/* db/guarded.h: alarm monitoring: protected objects and their events (sql/055). */
#ifndef DB_GUARDED_H
#define DB_GUARDED_H

#include <stdint.h>

#include "core/attrs.h"
#include "core/lang.h"
#include "core/perr.h"

struct arena;

struct guarded_object {
	uint64_t service_id;
	const char *service; /* in the page's language */
	const char *address, *type;
	const char *state;     /* armed, disarmed, alarm, fault */
	const char *time_zone; /* the organization's */
};

struct object_event {
	uint64_t service_id;
	const char *at;         /* UTC, "YYYY-MM-DDTHH:MM:SSZ" */
	const char *event;      /* armed, disarmed, alarm, fault, restored */
	const char *zone, *who; /* may be NULL */
};

/* The account's protected objects, by service. */
enum perr db_objects_of(struct arena *, uint64_t account, enum lang,
                        enum perr (*each)(void *, const struct guarded_object *),
                        void *) PORTAL_WUR;
/* Its events from `from` up to `to` (UTC "YYYY-MM-DD HH:MM:SS"), newest first, at most limit. */
enum perr db_object_events(struct arena *, uint64_t account, const char *from, const char *to,
                           unsigned limit, enum perr (*each)(void *, const struct object_event *),
                           void *) PORTAL_WUR;

#endif
