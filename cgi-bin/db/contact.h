/* db/contact.h: contact-detail change requests. */
#ifndef DB_CONTACT_H
#define DB_CONTACT_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/* A request to change the mobile phone, replacing one still pending. */
enum perr db_contact_request(uint64_t subscriber, const char *field, const char *value) PORTAL_WUR;


/* A pending request as staff see it. */
struct contact_pending {
	uint64_t id, subscriber_id;
	unsigned org;
	const char *login, *full_name, *current, *value, *created_at;
};
/* The pending requests of subscribers linked in staff's organizations, oldest
 * first: up to limit after the request id after (keyset; 0 from the first). */
enum perr db_contact_pending(struct arena *, uint64_t staff, uint64_t after, unsigned limit,
			     enum perr (*each)(void *, const struct contact_pending *),
			     void *) PORTAL_WUR;
/* One of them, locked for deciding (inside a transaction); PERR_NOT_FOUND if
 * it is not pending or not theirs. */
enum perr db_contact_take(struct arena *, uint64_t staff, uint64_t id,
			  struct contact_pending *) PORTAL_WUR;
/* Decided: done (the value goes on file) or rejected with a reason. */
enum perr db_contact_approve(uint64_t id, uint64_t staff, uint64_t subscriber,
			     const char *phone) PORTAL_WUR;
enum perr db_contact_reject(uint64_t id, uint64_t staff, const char *reason) PORTAL_WUR;

#endif
