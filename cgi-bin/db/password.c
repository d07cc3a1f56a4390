/* db/password.c: the list of common passwords a new password is checked against (sql/009). */
#include <string.h>

#include "core/perr.h"
#include "db/db.h"
#include "db/password.h"

static struct db_stmt common = {
	"password.common",
	"SELECT COUNT(*) FROM common_passwords WHERE password = ?",
	NULL, 0, NULL};

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
