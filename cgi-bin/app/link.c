/*
 * link.c: a single-use link sent by e-mail (confirming an address,
 * recovering a password).  The token goes out in the message; only its hash
 * is stored, and a newer link of the same purpose ends the older ones.
 */
#include <stdint.h>

#include "app/link.h"
#include "core/arena.h"
#include "core/crypto.h"
#include "core/perr.h"
#include "db/outbox.h"
#include "db/token.h"
#include "doc/xml.h"

enum perr link_send(struct arena *a, uint64_t subscriber, const char *login, const char *purpose,
		    const char *value, unsigned ttl, const char *address, const char *kind)
{
	unsigned char hash[32];
	char token[TOKEN_CHARS + 1];
	const char *params;
	enum perr e;

	if (token_new_hashed(token, hash) != 0)
		return PERR_SYS;
	params = outbox_params(a, "note", (const char *[]){"login", login, "token", token}, 2);
	if (params == NULL)
		return PERR_NOMEM;
	if ((e = db_token_drop(subscriber, purpose)) != PERR_OK ||
	    (e = db_token_insert(hash, subscriber, purpose, value, NULL, ttl)) != PERR_OK)
		return e;
	return db_outbox_to(subscriber, "email", address, kind, params);
}
