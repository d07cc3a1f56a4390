/* db/staff.h: the organization's staff: sign-in, sessions, second factor, roles. */
#ifndef DB_STAFF_H
#define DB_STAFF_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

struct staff {
	uint64_t id;
	const char *login, *full_name, *role, *password_hash;
	unsigned active;
	unsigned enrolled; /* has a second factor */
};

/* An active staff member by login; PERR_NOT_FOUND if none. */
enum perr db_staff_by_login(struct arena *, const char *login, struct staff *) PORTAL_WUR;
/* Any staff member by id, if they share an organization with viewer. */
enum perr db_staff_by_id(struct arena *, uint64_t viewer, uint64_t id, struct staff *) PORTAL_WUR;
enum perr db_staff_set_password(uint64_t id, const char *hash) PORTAL_WUR;

/* ---------------------------------------------------------------- sessions */

/* The signed-in staff member, filled by the staff session check. */
struct staff_session {
	uint64_t id, staff_id;
	unsigned char token_hash[32];
	const char *login, *full_name, *role;
	const char *step;     /* "password", "enrol" or "ok" */
	long long reauth_age; /* seconds since the password or a code was given again; -1 never */
};

enum perr db_staff_session_insert(const unsigned char hash[32], uint64_t staff, const char *step,
				  const char *ip, const char *user_agent) PORTAL_WUR;
enum perr db_staff_session_lookup(struct arena *, const unsigned char hash[32], unsigned idle,
				  unsigned absolute, struct staff_session *,
				  long long *idle_for) PORTAL_WUR;
enum perr db_staff_session_touch(uint64_t id) PORTAL_WUR;
/* The next step reached: the password, then the code, given just now. */
enum perr db_staff_session_step(uint64_t id, const char *step) PORTAL_WUR;
enum perr db_staff_session_reauth(uint64_t id) PORTAL_WUR;
enum perr db_staff_session_delete(const unsigned char hash[32]) PORTAL_WUR;
/* Every session of a staff member ends (disabled, second factor reset). */
enum perr db_staff_sessions_end(uint64_t staff) PORTAL_WUR;

/* ---------------------------------------------------------------- sign-in record */

enum staff_login_result { STAFF_LOGIN_OK, STAFF_LOGIN_FAIL, STAFF_LOGIN_LOCKED, STAFF_CODE_FAIL };
/* The record only: web/signin_limit counts tries (signin_throttles). */
enum perr db_staff_login_record(const char *login, const char *ip, enum staff_login_result,
				uint64_t staff) PORTAL_WUR;

/* ---------------------------------------------------------------- second factor */

/* The sealed secret and the one being enrolled (NULL if none), their lengths,
 * and the last step a code was accepted for. */
struct staff_totp {
	unsigned char secret[96], pending[96];
	unsigned long secret_len, pending_len;
	uint64_t last_step;
};
enum perr db_staff_totp(struct arena *, uint64_t staff, struct staff_totp *) PORTAL_WUR;
enum perr db_staff_totp_pending(uint64_t staff, const unsigned char *sealed,
				unsigned long len) PORTAL_WUR;
/* Accept a code of step: PERR_CONFLICT if a code of this step or a later one
 * was accepted already (a replay). */
enum perr db_staff_totp_use(uint64_t staff, uint64_t step) PORTAL_WUR;
/* The pending secret becomes the secret, its first code (of step) used. */
enum perr db_staff_totp_enrol(uint64_t staff, uint64_t step) PORTAL_WUR;
/* No second factor: enrolled afresh at the next sign-in; the recovery codes go. */
enum perr db_staff_totp_reset(uint64_t staff) PORTAL_WUR;
/* Ten new recovery codes (hashes, 32 bytes each) replace the old ones. */
enum perr db_staff_recovery_set(uint64_t staff, const unsigned char (*hashes)[32],
				unsigned n) PORTAL_WUR;
/* Use one: PERR_NOT_FOUND if it is not an unused code of this staff member. */
enum perr db_staff_recovery_use(uint64_t staff, const unsigned char hash[32]) PORTAL_WUR;
enum perr db_staff_recovery_left(struct arena *, uint64_t staff, unsigned *left) PORTAL_WUR;

/* ---------------------------------------------------------------- organizations, staff list */

struct staff_org {
	unsigned id;
	const char *name;
};
/* The organizations a staff member works for, by id. */
enum perr db_staff_orgs(struct arena *, uint64_t staff,
			enum perr (*each)(void *, const struct staff_org *), void *) PORTAL_WUR;
/* PERR_OK if staff works for org, PERR_NOT_FOUND if not. */
enum perr db_staff_in_org(struct arena *, uint64_t staff, unsigned org) PORTAL_WUR;

struct staff_row {
	uint64_t id;
	const char *login, *full_name, *role, *orgs; /* orgs: ids, comma-separated */
	unsigned active, enrolled;
};
/* The staff who share an organization with viewer (viewer included), by login. */
enum perr db_staff_list(struct arena *, uint64_t viewer,
			enum perr (*each)(void *, const struct staff_row *), void *) PORTAL_WUR;
/* PERR_CONFLICT if the login is taken. */
enum perr db_staff_insert(const char *login, const char *full_name, const char *hash,
			  const char *role, uint64_t *id) PORTAL_WUR;
enum perr db_staff_add_org(uint64_t staff, unsigned org) PORTAL_WUR;
enum perr db_staff_set_role(uint64_t staff, const char *role) PORTAL_WUR;
enum perr db_staff_set_active(uint64_t staff, int active) PORTAL_WUR;

#endif
