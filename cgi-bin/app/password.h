/* app/password.h: password rules that need the database. */
#ifndef APP_PASSWORD_H
#define APP_PASSWORD_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"
#include "db/subscriber.h"

/*
 * Every rule for a new password and its confirmation: the code of the first
 * one broken ("password-short", "password-login", "password-common",
 * "password-mismatch"), or NULL when it may be used.  *e says whether the
 * common-password lookup worked; NULL with *e != PERR_OK is a failure.
 */
const char *password_refusal(const char *pw, size_t len, const char *confirm, size_t confirm_len,
			     const char *login, const char *const personal[], size_t npersonal,
			     enum perr *e) PORTAL_WUR;

/* Inside a transaction: the subscriber's new password hash, every session but
 * keep_session ended (0: all), and the subscriber told by e-mail. */
enum perr password_replace(struct arena *, const struct subscriber *, const char *hash,
			   uint64_t keep_session) PORTAL_WUR;

#endif
