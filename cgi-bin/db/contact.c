/*
 * db/contact.c: what a subscriber asked the organization to change, and
 * the list of common passwords a new password is checked against.
 */
#include "../portal.h"

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

static struct db_stmt common = {
	"password.common",
	"SELECT COUNT(*) FROM common_passwords WHERE password = ?",
	NULL, 0, NULL};

enum perr db_contact_request(uint64_t subscriber, const char *field, const char *value)
{
	struct db_arg a[] = {DBA_INT(subscriber), DBA_STR(field), DBA_STR(value)};
	enum perr e = db_exec(&withdraw, a, 2, NULL, NULL);

	return e != PERR_OK ? e : db_exec(&request, a, 3, NULL, NULL);
}

enum perr db_password_common(const char *pw, int *is_common)
{
	long long n = 0;
	struct db_arg a[] = {DBA_STR(pw)};
	struct db_col c[] = {DBC_INT(&n)};
	enum perr e;

	/* Longer than any listed one: not common, and no lookup needed. */
	if (strlen(pw) > 64) {
		*is_common = 0;
		return PERR_OK;
	}
	e = db_row(NULL, &common, a, 1, c, 1);
	*is_common = n > 0;
	return e;
}
