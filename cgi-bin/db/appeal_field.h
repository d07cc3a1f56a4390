/* db/appeal_field.h: a service request's fields (sql/036), kept with its appeal. */
#ifndef DB_APPEAL_FIELD_H
#define DB_APPEAL_FIELD_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

enum perr db_appeal_field_add(uint64_t appeal, const char *name, const char *value) PORTAL_WUR;
/* The appeal's fields in the order they were written. */
enum perr db_appeal_fields(struct arena *, uint64_t appeal,
			   enum perr (*each)(void *, const char *name, const char *value),
			   void *) PORTAL_WUR;
/* A meter in use on one of a subscriber's accounts. */
struct appeal_meter {
	uint64_t id, account_id;
	const char *number, *kind, *account;
};

enum perr db_appeal_meters(struct arena *, uint64_t subscriber,
			   enum perr (*each)(void *, const struct appeal_meter *),
			   void *) PORTAL_WUR;
/* The number of account's meter with this id, in use; PERR_NOT_FOUND if none such. */
enum perr db_appeal_meter(struct arena *, uint64_t account, uint64_t meter,
			  const char **number) PORTAL_WUR;

#endif
