/* db/subscriber.c: subscribers (the people who sign in). */
#include <stdlib.h>

#include "../portal.h"

static struct db_stmt by_login = {
	"subscriber.by_login",
	"SELECT id, login, full_name, email, phone, password_hash FROM subscribers "
	"WHERE login = ? AND active = 1",
	NULL, 0, NULL};

static struct db_stmt set_password = {
	"subscriber.set_password",
	"UPDATE subscribers SET password_hash = ? WHERE id = ?",
	NULL, 0, NULL};

enum perr db_subscriber_by_login(struct arena *a, const char *login, struct subscriber *out)
{
	long long id = 0;
	struct db_col c[] = {
		DBC_INT(&id),
		DBC_STR(&out->login),
		DBC_STR(&out->full_name),
		DBC_STR(&out->email),
		DBC_STR(&out->phone),
		DBC_STR(&out->password_hash),
	};
	struct db_arg arg = DBA_STR(login);
	enum perr e = db_row(a, &by_login, &arg, 1, c, sizeof(c) / sizeof(c[0]));

	out->id = (uint64_t)id;
	return e;
}

enum perr db_subscriber_set_password(uint64_t id, const char *hash)
{
	struct db_arg a[] = {DBA_STR(hash), DBA_INT(id)};

	return db_exec(&set_password, a, 2, NULL, NULL);
}
