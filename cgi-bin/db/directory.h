/* db/directory.h: subscribers and accounts as staff find and act on them. */
#ifndef DB_DIRECTORY_H
#define DB_DIRECTORY_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

/*
 * Every lookup here is scoped to the organizations the staff member works
 * for, in SQL: a subscriber is theirs when linked to one of their accounts.
 * Anything else is PERR_NOT_FOUND, as if it did not exist.
 */

enum directory_by { BY_ACCOUNT, BY_ADDRESS, BY_LOGIN, BY_NAME, BY_EMAIL, BY_PHONE };

/* A found row: a subscriber (with their accounts' numbers) or an account
 * (with its subscribers' logins); ids 0 where there is none. */
struct directory_row {
	uint64_t subscriber_id, account_id;
	unsigned org;
	const char *login, *full_name, *email, *phone;
	unsigned active;
	const char *number, *payer, *address; /* the account; for a subscriber, numbers listed */
};
/* Up to limit rows after the row key `after` (keyset: 0 from the first). */
enum perr db_directory_search(struct arena *, uint64_t staff, enum directory_by, const char *q,
			      uint64_t after, unsigned limit,
			      enum perr (*each)(void *, const struct directory_row *),
			      void *) PORTAL_WUR;

struct directory_subscriber {
	uint64_t id;
	const char *login, *full_name, *email, *phone, *created_at, *lang;
	unsigned active;
	unsigned org; /* the first of the staff member's organizations it is linked in */
};
enum perr db_directory_subscriber(struct arena *, uint64_t staff, uint64_t id,
				  struct directory_subscriber *) PORTAL_WUR;

struct directory_account {
	uint64_t id;
	unsigned org;
	const char *number, *payer, *address;
};
/* The subscriber's accounts in the staff member's organizations. */
enum perr db_directory_accounts(struct arena *, uint64_t staff, uint64_t subscriber,
				enum perr (*each)(void *, const struct directory_account *),
				void *) PORTAL_WUR;

struct directory_delegate {
	uint64_t account, subscriber;
	const char *login, *full_name;
	unsigned rights; /* billing/access.h */
};
/* Those the subscriber's accounts (in the staff member's organizations) are shared with. */
enum perr db_directory_delegates(struct arena *, uint64_t staff, uint64_t subscriber,
                                 enum perr (*each)(void *, const struct directory_delegate *),
                                 void *) PORTAL_WUR;

struct directory_shared {
	uint64_t account;
	unsigned org;
	const char *number, *address;
	unsigned rights; /* billing/access.h */
	uint64_t by;     /* the holder who shared it */
	const char *by_login;
};
/* Others' accounts (in the staff member's organizations) shared with the subscriber. */
enum perr db_directory_shared_with(struct arena *, uint64_t staff, uint64_t subscriber,
                                   enum perr (*each)(void *, const struct directory_shared *),
                                   void *) PORTAL_WUR;

struct sign_in_row {
	const char *at, *ip, *result;
};
/* The subscriber's last sign-ins (and failures), newest first. */
enum perr db_directory_sign_ins(struct arena *, uint64_t subscriber, unsigned limit,
				enum perr (*each)(void *, const struct sign_in_row *),
				void *) PORTAL_WUR;
/* One account of the staff member's organizations, with the phone on file. */
struct directory_holder {
	uint64_t id;
	unsigned org;
	const char *number, *payer, *address, *phone; /* phone NULL if none */
	unsigned logins; /* subscribers linked to it */
};
enum perr db_directory_account(struct arena *, uint64_t staff, uint64_t account,
			       struct directory_holder *) PORTAL_WUR;

/* Block (0) or unblock (1) a subscriber. */
enum perr db_directory_set_active(uint64_t subscriber, int active) PORTAL_WUR;

#endif
