/* app/password.c: the password rules that need the database, and replacing one. */
#include <stdint.h>
#include <sodium.h>

#include "app/password.h"
#include "core/arena.h"
#include "core/password.h"
#include "core/perr.h"
#include "db/outbox.h"
#include "db/password.h"
#include "db/session.h"
#include "db/subscriber.h"
#include "doc/xml.h"

const char *password_refusal(const char *pw, size_t len, const char *confirm, size_t confirm_len,
			     const char *login, const char *const personal[], size_t npersonal,
			     enum perr *e)
{
	const char *weak = password_weakness(pw, len, login, personal, npersonal);
	int common = 0;

	*e = PERR_OK;
	if (weak != NULL)
		return weak;
	if ((*e = db_password_common(pw, &common)) != PERR_OK)
		return NULL;
	if (common)
		return "password-common";
	if (confirm == NULL || confirm_len != len || sodium_memcmp(pw, confirm, len) != 0)
		return "password-mismatch";
	return NULL;
}

enum perr password_replace(struct arena *a, const struct subscriber *s, const char *hash,
			   uint64_t keep_session)
{
	const char *params = outbox_params(a, "note", (const char *[]){"login", s->login}, 1);
	enum perr e;

	if (params == NULL)
		return PERR_NOMEM;
	/* Whoever was signed in with the old password is not any more. */
	if ((e = db_subscriber_set_password(s->id, hash)) != PERR_OK ||
	    (e = db_sessions_end_all(s->id, keep_session)) != PERR_OK)
		return e;
	if (s->email == NULL)
		return PERR_OK;
	return db_outbox_to(s->id, "email", s->email, "password-changed", params);
}
