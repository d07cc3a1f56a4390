/* db/subscriber.h: subscribers. */
#ifndef DB_SUBSCRIBER_H
#define DB_SUBSCRIBER_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/crypto.h"
#include "core/lang.h"
#include "core/perr.h"

struct subscriber {
	uint64_t id;
	const char *login;
	const char *full_name;
	const char *email;
	const char *phone;
	const char *password_hash;
};

enum perr db_subscriber_by_login(struct arena *, const char *login, struct subscriber *) PORTAL_WUR;
enum perr db_subscriber_set_password(uint64_t id, const char *hash) PORTAL_WUR;

/* Everything the settings page shows of a subscriber. */
struct profile {
	uint64_t id;
	const char *login, *full_name, *email, *phone, *landline; /* NULL when none */
	enum lang lang;
	const char *notify_email, *notify_sms; /* "payment,autopay": topics on */
	const char *pending_mobile, *pending_mobile_at;  /* a change staff have not made */
	const char *pending_email, *pending_email_until; /* an address not yet confirmed */
};

enum perr db_profile_get(struct arena *, uint64_t subscriber, struct profile *) PORTAL_WUR;
/* The name and the landline (NULL: none). */
enum perr db_profile_set(uint64_t subscriber, const char *full_name,
			 const char *landline) PORTAL_WUR;
enum perr db_subscriber_set_lang(uint64_t subscriber, enum lang) PORTAL_WUR;
/* The topics on for each channel, as SET text ("payment,news"). */
enum perr db_subscriber_set_notify(uint64_t subscriber, const char *email,
				   const char *sms) PORTAL_WUR;
enum perr db_subscriber_set_email(uint64_t subscriber, const char *email) PORTAL_WUR;

/* One subscriber by id (active ones only), with the password hash. */
enum perr db_subscriber_get(struct arena *, uint64_t id, struct subscriber *) PORTAL_WUR;
/* Inside a transaction: the subscriber's row, locked until it ends (requests
 * that count something of theirs then count one after another). */
enum perr db_subscriber_lock(struct arena *, uint64_t id) PORTAL_WUR;
/* By login, else by an e-mail address only one subscriber has. */
enum perr db_subscriber_find(struct arena *, const char *login_or_email,
			     struct subscriber *) PORTAL_WUR;
/* PERR_CONFLICT if the login is taken. */
/* phone may be NULL (someone invited by e-mail, sql/049). */
enum perr db_subscriber_create(const char *login, const char *hash, const char *full_name,
			       const char *phone, enum lang, uint64_t *id) PORTAL_WUR;

#endif
