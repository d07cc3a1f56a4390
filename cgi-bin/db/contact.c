/* db/contact.c: what a subscriber asked the organization to change. */
#include <stdint.h>

#include "core/perr.h"
#include "db/contact.h"
#include "db/db.h"

/* A newer request replaces one staff have not processed yet. */
static struct db_stmt withdraw = {
	"contact.withdraw",
	"DELETE FROM contact_requests WHERE subscriber_id = ? AND field = ? AND status = 'pending'",
	NULL, 0, NULL};

static struct db_stmt request = {
	"contact.request",
	"INSERT INTO contact_requests (subscriber_id, field, value, created_at) "
	"VALUES (?, ?, ?, UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

enum perr db_contact_request(uint64_t subscriber, const char *field, const char *value)
{
	struct db_arg a[] = {DBA_U64(subscriber), DBA_STR(field), DBA_STR(value)};
	enum perr e = db_exec(&withdraw, a, 2, NULL, NULL);

	return e != PERR_OK ? e : db_exec(&request, a, 3, NULL, NULL);
}
