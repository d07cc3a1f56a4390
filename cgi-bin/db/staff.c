/* db/staff.c: staff, their sessions, second factor and organizations. */
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/staff.h"

static struct db_stmt staff_by_login = {
	"staff.by_login",
	"SELECT id, login, full_name, role, password_hash, active, totp_secret IS NOT NULL "
	"FROM staff WHERE login = ? AND active = 1",
	NULL, 0, NULL};

static struct db_stmt by_id = {
	"staff.by_id",
	"SELECT sf.id, sf.login, sf.full_name, sf.role, sf.password_hash, sf.active, "
	"sf.totp_secret IS NOT NULL "
	"FROM staff sf WHERE sf.id = ? AND (sf.id = ? OR EXISTS (SELECT 1 "
	"FROM staff_organizations so1 "
	"JOIN staff_organizations so2 ON so2.organization_id = so1.organization_id "
	"WHERE so1.staff_id = sf.id AND so2.staff_id = ?))",
	NULL, 0, NULL};

static struct db_stmt set_password = {
	"staff.set_password",
	"UPDATE staff SET password_hash = ? WHERE id = ?",
	NULL, 0, NULL};

static enum perr staff_row(struct arena *ar, struct db_stmt *st, const struct db_arg *a,
			   size_t n, struct staff *out)
{
	struct db_col c[] = {DBC_U64(&out->id),		DBC_STR(&out->login),
			     DBC_STR(&out->full_name),	DBC_STR(&out->role),
			     DBC_STR(&out->password_hash), DBC_UINT(&out->active),
			     DBC_UINT(&out->enrolled)};

	return db_row(ar, st, a, n, c, sizeof(c) / sizeof(c[0]));
}

enum perr db_staff_by_login(struct arena *ar, const char *login, struct staff *out)
{
	struct db_arg a[] = {DBA_STR(login)};

	return staff_row(ar, &staff_by_login, a, 1, out);
}

enum perr db_staff_by_id(struct arena *ar, uint64_t viewer, uint64_t id, struct staff *out)
{
	struct db_arg a[] = {DBA_U64(id), DBA_U64(viewer), DBA_U64(viewer)};

	return staff_row(ar, &by_id, a, 3, out);
}

enum perr db_staff_set_password(uint64_t id, const char *hash)
{
	struct db_arg a[] = {DBA_STR(hash), DBA_U64(id)};

	return db_exec(&set_password, a, 2, NULL, NULL);
}

/* ---------------------------------------------------------------- sessions */

static struct db_stmt session_insert = {
	"staff.session_insert",
	"INSERT INTO staff_sessions (token_hash, staff_id, step, created_at, last_seen, ip, "
	"user_agent) VALUES (?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), ?, LEFT(?, 255))",
	NULL, 0, NULL};

/* Both limits checked here, and the staff member still active. */
static struct db_stmt session_lookup = {
	"staff.session_lookup",
	"SELECT ss.id, ss.staff_id, s.login, s.full_name, s.role, ss.step, "
	"TIMESTAMPDIFF(SECOND, ss.last_seen, UTC_TIMESTAMP(6)), "
	"COALESCE(TIMESTAMPDIFF(SECOND, ss.reauth_at, UTC_TIMESTAMP(6)), -1) "
	"FROM staff_sessions ss JOIN staff s ON s.id = ss.staff_id "
	"WHERE ss.token_hash = ? AND s.active = 1 "
	"AND ss.last_seen > UTC_TIMESTAMP(6) - INTERVAL ? SECOND "
	"AND ss.created_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND",
	NULL, 0, NULL};

static struct db_stmt session_touch = {
	"staff.session_touch",
	"UPDATE staff_sessions SET last_seen = UTC_TIMESTAMP(6) WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt session_step = {
	"staff.session_step",
	"UPDATE staff_sessions SET step = ?, reauth_at = UTC_TIMESTAMP(6), "
	"last_seen = UTC_TIMESTAMP(6) WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt session_reauth = {
	"staff.session_reauth",
	"UPDATE staff_sessions SET reauth_at = UTC_TIMESTAMP(6) WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt session_delete = {
	"staff.session_delete",
	"DELETE FROM staff_sessions WHERE token_hash = ?",
	NULL, 0, NULL};

static struct db_stmt sessions_end = {
	"staff.sessions_end",
	"DELETE FROM staff_sessions WHERE staff_id = ?",
	NULL, 0, NULL};

enum perr db_staff_session_insert(const unsigned char hash[32], uint64_t staff, const char *step,
				  const char *ip, const char *user_agent)
{
	struct db_arg a[] = {DBA_BLOB(hash, 32), DBA_U64(staff), DBA_STR(step), DBA_STR(ip),
			     DBA_STR(user_agent)};

	return db_exec(&session_insert, a, 5, NULL, NULL);
}

enum perr db_staff_session_lookup(struct arena *ar, const unsigned char hash[32], unsigned idle,
				  unsigned absolute, struct staff_session *out,
				  long long *idle_for)
{
	struct db_arg a[] = {DBA_BLOB(hash, 32), DBA_INT(idle), DBA_INT(absolute)};
	struct db_col c[] = {DBC_U64(&out->id),	      DBC_U64(&out->staff_id),
			     DBC_STR(&out->login),    DBC_STR(&out->full_name),
			     DBC_STR(&out->role),     DBC_STR(&out->step),
			     DBC_INT(idle_for),	      DBC_INT(&out->reauth_age)};

	memcpy(out->token_hash, hash, 32);
	return db_row(ar, &session_lookup, a, 3, c, sizeof(c) / sizeof(c[0]));
}

enum perr db_staff_session_touch(uint64_t id)
{
	struct db_arg a[] = {DBA_U64(id)};

	return db_exec(&session_touch, a, 1, NULL, NULL);
}

enum perr db_staff_session_step(uint64_t id, const char *step)
{
	struct db_arg a[] = {DBA_STR(step), DBA_U64(id)};

	return db_exec(&session_step, a, 2, NULL, NULL);
}

enum perr db_staff_session_reauth(uint64_t id)
{
	struct db_arg a[] = {DBA_U64(id)};

	return db_exec(&session_reauth, a, 1, NULL, NULL);
}

enum perr db_staff_session_delete(const unsigned char hash[32])
{
	struct db_arg a[] = {DBA_BLOB(hash, 32)};

	return db_exec(&session_delete, a, 1, NULL, NULL);
}

enum perr db_staff_sessions_end(uint64_t staff)
{
	struct db_arg a[] = {DBA_U64(staff)};

	return db_exec(&sessions_end, a, 1, NULL, NULL);
}

/* ---------------------------------------------------------------- sign-in record */

static struct db_stmt record = {
	"staff.login_record",
	"INSERT INTO staff_login_attempts (at, login, ip, result, staff_id) "
	"VALUES (UTC_TIMESTAMP(6), ?, ?, ?, NULLIF(?, 0))",
	NULL, 0, NULL};

enum perr db_staff_login_record(const char *login, const char *ip, enum staff_login_result res,
				uint64_t staff)
{
	static const char *const names[] = {"ok", "fail", "locked", "code-fail"};
	struct db_arg a[] = {DBA_STR(login), DBA_STR(ip), DBA_STR(names[res]), DBA_U64(staff)};

	return db_exec(&record, a, 4, NULL, NULL);
}

/* ---------------------------------------------------------------- second factor */

static struct db_stmt totp_get = {
	"staff.totp",
	"SELECT totp_secret, totp_pending, totp_last_step FROM staff WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt totp_pending = {
	"staff.totp_pending",
	"UPDATE staff SET totp_pending = ? WHERE id = ?",
	NULL, 0, NULL};

/* The compare-and-set that makes a code good once, however many requests race. */
static struct db_stmt totp_use = {
	"staff.totp_use",
	"UPDATE staff SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
	NULL, 0, NULL};

static struct db_stmt totp_enrol = {
	"staff.totp_enrol",
	"UPDATE staff SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = ? "
	"WHERE id = ? AND totp_pending IS NOT NULL",
	NULL, 0, NULL};

static struct db_stmt totp_reset = {
	"staff.totp_reset",
	"UPDATE staff SET totp_secret = NULL, totp_pending = NULL WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt recovery_clear = {
	"staff.recovery_clear",
	"DELETE FROM staff_recovery_codes WHERE staff_id = ?",
	NULL, 0, NULL};

static struct db_stmt recovery_add = {
	"staff.recovery_add",
	"INSERT INTO staff_recovery_codes (staff_id, code_hash) VALUES (?, ?)",
	NULL, 0, NULL};

static struct db_stmt recovery_use = {
	"staff.recovery_use",
	"UPDATE staff_recovery_codes SET used_at = UTC_TIMESTAMP(6) "
	"WHERE staff_id = ? AND code_hash = ? AND used_at IS NULL",
	NULL, 0, NULL};

static struct db_stmt recovery_left = {
	"staff.recovery_left",
	"SELECT COUNT(*) FROM staff_recovery_codes WHERE staff_id = ? AND used_at IS NULL",
	NULL, 0, NULL};

enum perr db_staff_totp(struct arena *ar, uint64_t staff, struct staff_totp *out)
{
	struct db_arg a[] = {DBA_U64(staff)};
	struct db_col c[] = {DBC_BLOB(out->secret, sizeof(out->secret), &out->secret_len),
			     DBC_BLOB(out->pending, sizeof(out->pending), &out->pending_len),
			     DBC_U64(&out->last_step)};

	out->secret_len = out->pending_len = 0;
	return db_row(ar, &totp_get, a, 1, c, 3);
}

enum perr db_staff_totp_pending(uint64_t staff, const unsigned char *sealed, unsigned long len)
{
	struct db_arg a[] = {DBA_BLOB(sealed, len), DBA_U64(staff)};

	return db_exec(&totp_pending, a, 2, NULL, NULL);
}

enum perr db_staff_totp_use(uint64_t staff, uint64_t step)
{
	struct db_arg a[] = {DBA_U64(step), DBA_U64(staff), DBA_U64(step)};
	unsigned long long n = 0;
	enum perr e = db_exec(&totp_use, a, 3, &n, NULL);

	return e != PERR_OK ? e : n == 1 ? PERR_OK : PERR_CONFLICT;
}

enum perr db_staff_totp_enrol(uint64_t staff, uint64_t step)
{
	struct db_arg a[] = {DBA_U64(step), DBA_U64(staff)};
	unsigned long long n = 0;
	enum perr e = db_exec(&totp_enrol, a, 2, &n, NULL);

	return e != PERR_OK ? e : n == 1 ? PERR_OK : PERR_CONFLICT;
}

enum perr db_staff_totp_reset(uint64_t staff)
{
	struct db_arg a[] = {DBA_U64(staff)};
	enum perr e = db_exec(&totp_reset, a, 1, NULL, NULL);

	return e != PERR_OK ? e : db_exec(&recovery_clear, a, 1, NULL, NULL);
}

enum perr db_staff_recovery_set(uint64_t staff, const unsigned char (*hashes)[32], unsigned n)
{
	struct db_arg a[] = {DBA_U64(staff), DBA_NULL};
	enum perr e = db_exec(&recovery_clear, a, 1, NULL, NULL);
	unsigned i;

	for (i = 0; e == PERR_OK && i < n; i++) {
		a[1] = DBA_BLOB(hashes[i], 32);
		e = db_exec(&recovery_add, a, 2, NULL, NULL);
	}
	return e;
}

enum perr db_staff_recovery_use(uint64_t staff, const unsigned char hash[32])
{
	struct db_arg a[] = {DBA_U64(staff), DBA_BLOB(hash, 32)};
	unsigned long long n = 0;
	enum perr e = db_exec(&recovery_use, a, 2, &n, NULL);

	return e != PERR_OK ? e : n == 1 ? PERR_OK : PERR_NOT_FOUND;
}

enum perr db_staff_recovery_left(struct arena *ar, uint64_t staff, unsigned *left)
{
	struct db_arg a[] = {DBA_U64(staff)};
	struct db_col c[] = {DBC_UINT(left)};

	return db_row(ar, &recovery_left, a, 1, c, 1);
}

/* ---------------------------------------------------------------- organizations, staff list */

static struct db_stmt orgs = {
	"staff.orgs",
	"SELECT o.id, o.name FROM staff_organizations so "
	"JOIN organizations o ON o.id = so.organization_id WHERE so.staff_id = ? ORDER BY o.id",
	NULL, 0, NULL};

static struct db_stmt in_org = {
	"staff.in_org",
	"SELECT 1 FROM staff_organizations WHERE staff_id = ? AND organization_id = ?",
	NULL, 0, NULL};

static struct db_stmt list = {
	"staff.list",
	"SELECT sf.id, sf.login, sf.full_name, sf.role, sf.active, sf.totp_secret IS NOT NULL, "
	"(SELECT GROUP_CONCAT(x.organization_id ORDER BY x.organization_id) "
	"FROM staff_organizations x WHERE x.staff_id = sf.id) "
	"FROM staff sf WHERE sf.id = ? OR EXISTS (SELECT 1 FROM staff_organizations so1 "
	"JOIN staff_organizations so2 ON so2.organization_id = so1.organization_id "
	"WHERE so1.staff_id = sf.id AND so2.staff_id = ?) ORDER BY sf.login",
	NULL, 0, NULL};

static struct db_stmt insert = {
	"staff.insert",
	"INSERT INTO staff (login, full_name, password_hash, role) VALUES (?, ?, ?, ?)",
	NULL, 0, NULL};

static struct db_stmt add_org = {
	"staff.add_org",
	"INSERT INTO staff_organizations (staff_id, organization_id) VALUES (?, ?)",
	NULL, 0, NULL};

static struct db_stmt set_role = {
	"staff.set_role",
	"UPDATE staff SET role = ? WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt set_active = {
	"staff.set_active",
	"UPDATE staff SET active = ? WHERE id = ?",
	NULL, 0, NULL};

struct org_ctx {
	struct staff_org row;
	enum perr (*each)(void *, const struct staff_org *);
	void *ctx;
};

static enum perr org_each(void *p)
{
	struct org_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

enum perr db_staff_orgs(struct arena *ar, uint64_t staff,
			enum perr (*each)(void *, const struct staff_org *), void *ctx)
{
	struct org_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(staff)};
	struct db_col c[] = {DBC_UINT(&x.row.id), DBC_STR(&x.row.name)};

	return db_rows(ar, &orgs, a, 1, c, 2, org_each, &x);
}

enum perr db_staff_in_org(struct arena *ar, uint64_t staff, unsigned org)
{
	struct db_arg a[] = {DBA_U64(staff), DBA_INT(org)};
	unsigned one = 0;
	struct db_col c[] = {DBC_UINT(&one)};

	return db_row(ar, &in_org, a, 2, c, 1);
}

struct list_ctx {
	struct staff_row row;
	enum perr (*each)(void *, const struct staff_row *);
	void *ctx;
};

static enum perr list_each(void *p)
{
	struct list_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

enum perr db_staff_list(struct arena *ar, uint64_t viewer,
			enum perr (*each)(void *, const struct staff_row *), void *ctx)
{
	struct list_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(viewer), DBA_U64(viewer)};
	struct db_col c[] = {DBC_U64(&x.row.id),      DBC_STR(&x.row.login),
			     DBC_STR(&x.row.full_name), DBC_STR(&x.row.role),
			     DBC_UINT(&x.row.active),   DBC_UINT(&x.row.enrolled),
			     DBC_STR(&x.row.orgs)};

	return db_rows(ar, &list, a, 2, c, 7, list_each, &x);
}

enum perr db_staff_insert(const char *login, const char *full_name, const char *hash,
			  const char *role, uint64_t *id)
{
	struct db_arg a[] = {DBA_STR(login), DBA_STR(full_name), DBA_STR(hash), DBA_STR(role)};
	unsigned long long newid = 0;
	enum perr e = db_exec(&insert, a, 4, NULL, &newid);

	*id = newid;
	return e;
}

enum perr db_staff_add_org(uint64_t staff, unsigned org)
{
	struct db_arg a[] = {DBA_U64(staff), DBA_INT(org)};

	return db_exec(&add_org, a, 2, NULL, NULL);
}

enum perr db_staff_set_role(uint64_t staff, const char *role)
{
	struct db_arg a[] = {DBA_STR(role), DBA_U64(staff)};

	return db_exec(&set_role, a, 2, NULL, NULL);
}

enum perr db_staff_set_active(uint64_t staff, int active)
{
	struct db_arg a[] = {DBA_INT(active ? 1 : 0), DBA_U64(staff)};

	return db_exec(&set_active, a, 2, NULL, NULL);
}
