/*
 * db/directory.c: what staff search and open.  One statement per kind of
 * search, each on its own index (the account number, the address prefix,
 * the login, the name prefix, the e-mail, the phone), paged by key rather
 * than by offset, so a page costs the same on a million accounts.
 */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/directory.h"

#define ACCOUNT_COLS                                                                         \
	"SELECT a.id, a.organization_id, a.number, a.payer_name, a.address, "                 \
	"COALESCE(MIN(s.id), 0), GROUP_CONCAT(s.login ORDER BY s.login SEPARATOR ', '), '', '', " \
	"'', 1 FROM accounts a JOIN staff_organizations so ON so.organization_id = "           \
	"a.organization_id AND so.staff_id = ? "                                               \
	"LEFT JOIN subscriber_accounts sa ON sa.account_id = a.id "                            \
	"LEFT JOIN subscribers s ON s.id = sa.subscriber_id "

static struct db_stmt by_number = {
	"directory.by_number",
	ACCOUNT_COLS "WHERE a.number = ? AND a.id > ? GROUP BY a.id ORDER BY a.id LIMIT ?",
	NULL, 0, NULL};

/*
 * By address, in address order (sql/043): the page after an account is the
 * accounts after its (address, id), so the index is read in order and the
 * read stops after the page.  The subscribers' logins come from a subquery
 * per row rather than a GROUP BY, which would sort every match first.
 */
#define AFTER_ADDRESS "(SELECT x.address FROM accounts x WHERE x.id = ?)"
static struct db_stmt by_address = {
	"directory.by_address",
	"SELECT a.id, a.organization_id, a.number, a.payer_name, a.address, "
	"COALESCE((SELECT MIN(sa.subscriber_id) FROM subscriber_accounts sa "
	"WHERE sa.account_id = a.id), 0), (SELECT GROUP_CONCAT(s.login ORDER BY s.login "
	"SEPARATOR ', ') FROM subscriber_accounts sa JOIN subscribers s ON s.id = sa.subscriber_id "
	"WHERE sa.account_id = a.id), '', '', '', 1 FROM accounts a JOIN staff_organizations so "
	"ON so.staff_id = ? AND so.organization_id = a.organization_id "
	"WHERE a.address LIKE CONCAT(?, '%') AND (a.address > COALESCE(" AFTER_ADDRESS ", '') "
	"OR (a.address = " AFTER_ADDRESS " AND a.id > ?)) ORDER BY a.address, a.id LIMIT ?",
	NULL, 0, NULL};

#define SUBSCRIBER_COLS                                                                            \
	"SELECT 0, MIN(a.organization_id), GROUP_CONCAT(a.number ORDER BY a.number SEPARATOR "     \
	"', '), '', '', s.id, s.login, s.full_name, s.email, s.phone, s.active "                   \
	"FROM subscribers s JOIN account_access sa ON sa.subscriber_id = s.id "                    \
	"JOIN accounts a ON a.id = sa.account_id JOIN staff_organizations so ON "                  \
	"so.organization_id = a.organization_id AND so.staff_id = ? "

static struct db_stmt by_login = {
	"directory.by_login",
	SUBSCRIBER_COLS "WHERE s.login = ? AND s.id > ? GROUP BY s.id ORDER BY s.id LIMIT ?",
	NULL, 0, NULL};

/*
 * By name, in name order, as by address: a common surname is hundreds of
 * thousands of subscribers on a large site, and a GROUP BY over them would
 * sort them all for a page of 20.  A subscriber is the staff member's when
 * they may use an account of theirs, held or shared with them (the EXISTS);
 * the organization and numbers shown are of those accounts.
 */
#define SUB_ACCOUNTS                                                                               \
	"FROM account_access sa JOIN accounts a ON a.id = sa.account_id "                          \
	"JOIN staff_organizations so ON so.organization_id = a.organization_id "                   \
	"AND so.staff_id = ? WHERE sa.subscriber_id = s.id"
#define AFTER_NAME "(SELECT x.full_name FROM subscribers x WHERE x.id = ?)"
static struct db_stmt by_name = {
	"directory.by_name",
	"SELECT 0, (SELECT MIN(a.organization_id) " SUB_ACCOUNTS "), (SELECT GROUP_CONCAT("
	"a.number ORDER BY a.number SEPARATOR ', ') " SUB_ACCOUNTS "), '', '', s.id, s.login, "
	"s.full_name, s.email, s.phone, s.active FROM subscribers s "
	"WHERE s.full_name LIKE CONCAT(?, '%') AND (s.full_name > COALESCE(" AFTER_NAME ", '') "
	"OR (s.full_name = " AFTER_NAME " AND s.id > ?)) AND EXISTS (SELECT 1 " SUB_ACCOUNTS ") "
	"ORDER BY s.full_name, s.id LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt by_email = {
	"directory.by_email",
	SUBSCRIBER_COLS "WHERE s.email = ? AND s.id > ? GROUP BY s.id ORDER BY s.id LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt by_phone = {
	"directory.by_phone",
	SUBSCRIBER_COLS "WHERE s.phone = ? AND s.id > ? GROUP BY s.id ORDER BY s.id LIMIT ?",
	NULL, 0, NULL};

struct search_ctx {
	struct directory_row row;
	enum perr (*each)(void *, const struct directory_row *);
	void *ctx;
};

static enum perr search_each(void *p)
{
	struct search_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

enum perr db_directory_search(struct arena *ar, uint64_t staff, enum directory_by by,
			      const char *q, uint64_t after, unsigned limit,
			      enum perr (*each)(void *, const struct directory_row *), void *ctx)
{
	static struct db_stmt *const stmts[] = {&by_number, &by_address, &by_login,
						&by_name,   &by_email,	 &by_phone};
	struct search_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(staff), DBA_STR(q), DBA_U64(after), DBA_INT(limit)};
	struct db_col c[] = {DBC_U64(&x.row.account_id),    DBC_UINT(&x.row.org),
			     DBC_STR(&x.row.number),	    DBC_STR(&x.row.payer),
			     DBC_STR(&x.row.address),	    DBC_U64(&x.row.subscriber_id),
			     DBC_STR(&x.row.login),	    DBC_STR(&x.row.full_name),
			     DBC_STR(&x.row.email),	    DBC_STR(&x.row.phone),
			     DBC_UINT(&x.row.active)};

	if ((unsigned)by >= sizeof(stmts) / sizeof(stmts[0]))
		return PERR_BAD_INPUT;
	if (by == BY_ADDRESS) {
		struct db_arg b[] = {a[0], a[1], a[2], a[2], a[2], a[3]};

		return db_rows(ar, stmts[by], b, 6, c, 11, search_each, &x);
	}
	if (by == BY_NAME) {
		struct db_arg b[] = {a[0], a[0], a[1], a[2], a[2], a[2], a[0], a[3]};

		return db_rows(ar, stmts[by], b, 8, c, 11, search_each, &x);
	}
	return db_rows(ar, stmts[by], a, 4, c, 11, search_each, &x);
}

/* A subscriber who holds, or has been given, an account of the staff member's organizations. */
static struct db_stmt subscriber = {
        "directory.subscriber",
        "SELECT s.id, s.login, s.full_name, s.email, s.phone, "
        "DATE_FORMAT(s.created_at, '%Y-%m-%dT%H:%i:%sZ'), s.lang, s.active, "
        "MIN(a.organization_id) FROM subscribers s "
        "JOIN account_access sa ON sa.subscriber_id = s.id "
        "JOIN accounts a ON a.id = sa.account_id JOIN staff_organizations so ON "
        "so.organization_id = a.organization_id AND so.staff_id = ? WHERE s.id = ? GROUP BY s.id",
        NULL, 0, NULL};

static struct db_stmt accounts = {
	"directory.accounts",
	"SELECT a.id, a.organization_id, a.number, a.payer_name, a.address "
	"FROM subscriber_accounts sa JOIN accounts a ON a.id = sa.account_id "
	"JOIN staff_organizations so ON so.organization_id = a.organization_id AND so.staff_id = ? "
	"WHERE sa.subscriber_id = ? ORDER BY a.organization_id, a.number",
	NULL, 0, NULL};

/* Who else may use the subscriber's accounts: the delegates of each (sql/049). */
static struct db_stmt delegates = {
        "directory.delegates",
        "SELECT d.account_id, s.id, s.login, s.full_name, d.rights "
        "FROM subscriber_accounts sa JOIN accounts a ON a.id = sa.account_id "
        "JOIN staff_organizations so ON so.organization_id = a.organization_id AND so.staff_id = ? "
        "JOIN account_access d ON d.account_id = sa.account_id AND d.granted_by IS NOT NULL "
        "JOIN subscribers s ON s.id = d.subscriber_id "
        "WHERE sa.subscriber_id = ? ORDER BY d.account_id, s.id",
        NULL, 0, NULL};

/* Others' accounts the subscriber may use: shared with them, by whom, with what rights. */
static struct db_stmt shared_with = {
        "directory.shared_with",
        "SELECT a.id, a.organization_id, a.number, a.address, d.rights, g.id, g.login "
        "FROM account_access d JOIN accounts a ON a.id = d.account_id "
        "JOIN staff_organizations so ON so.organization_id = a.organization_id AND so.staff_id = ? "
        "JOIN subscribers g ON g.id = d.granted_by "
        "WHERE d.subscriber_id = ? AND d.granted_by IS NOT NULL "
        "ORDER BY a.organization_id, a.number",
        NULL, 0, NULL};

static struct db_stmt sign_ins = {
	"directory.sign_ins",
	"SELECT DATE_FORMAT(at, '%Y-%m-%dT%H:%i:%sZ'), ip, result FROM login_attempts "
	"WHERE subscriber_id = ? ORDER BY at DESC LIMIT ?",
	NULL, 0, NULL};

static struct db_stmt holder = {
	"directory.account",
	"SELECT a.id, a.organization_id, a.number, a.payer_name, a.address, a.phone, "
	"(SELECT COUNT(*) FROM subscriber_accounts sa WHERE sa.account_id = a.id) "
	"FROM accounts a JOIN staff_organizations so ON so.organization_id = a.organization_id "
	"AND so.staff_id = ? WHERE a.id = ?",
	NULL, 0, NULL};

static struct db_stmt set_active = {
	"directory.set_active",
	"UPDATE subscribers SET active = ? WHERE id = ?",
	NULL, 0, NULL};

enum perr db_directory_subscriber(struct arena *ar, uint64_t staff, uint64_t id,
				  struct directory_subscriber *out)
{
	struct db_arg a[] = {DBA_U64(staff), DBA_U64(id)};
	struct db_col c[] = {DBC_U64(&out->id),	       DBC_STR(&out->login),
			     DBC_STR(&out->full_name), DBC_STR(&out->email),
			     DBC_STR(&out->phone),     DBC_STR(&out->created_at),
			     DBC_STR(&out->lang),      DBC_UINT(&out->active),
			     DBC_UINT(&out->org)};

	return db_row(ar, &subscriber, a, 2, c, 9);
}

struct acc_ctx {
	struct directory_account row;
	enum perr (*each)(void *, const struct directory_account *);
	void *ctx;
};

static enum perr acc_each(void *p)
{
	struct acc_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

enum perr db_directory_accounts(struct arena *ar, uint64_t staff, uint64_t sub,
				enum perr (*each)(void *, const struct directory_account *),
				void *ctx)
{
	struct acc_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(staff), DBA_U64(sub)};
	struct db_col c[] = {DBC_U64(&x.row.id), DBC_UINT(&x.row.org), DBC_STR(&x.row.number),
			     DBC_STR(&x.row.payer), DBC_STR(&x.row.address)};

	return db_rows(ar, &accounts, a, 2, c, 5, acc_each, &x);
}

struct delegate_ctx {
	struct directory_delegate row;
	enum perr (*each)(void *, const struct directory_delegate *);
	void *ctx;
};

static enum perr delegate_each(void *p)
{
	struct delegate_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

enum perr db_directory_delegates(struct arena *ar, uint64_t staff, uint64_t sub,
                                 enum perr (*each)(void *, const struct directory_delegate *),
                                 void *ctx)
{
	struct delegate_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(staff), DBA_U64(sub)};
	struct db_col c[] = {DBC_U64(&x.row.account), DBC_U64(&x.row.subscriber),
	                     DBC_STR(&x.row.login), DBC_STR(&x.row.full_name),
	                     DBC_UINT(&x.row.rights)};

	return db_rows(ar, &delegates, a, 2, c, 5, delegate_each, &x);
}

struct shared_ctx {
	struct directory_shared row;
	enum perr (*each)(void *, const struct directory_shared *);
	void *ctx;
};

static enum perr shared_each(void *p)
{
	struct shared_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

enum perr db_directory_shared_with(struct arena *ar, uint64_t staff, uint64_t sub,
                                   enum perr (*each)(void *, const struct directory_shared *),
                                   void *ctx)
{
	struct shared_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(staff), DBA_U64(sub)};
	struct db_col c[] = {DBC_U64(&x.row.account), DBC_UINT(&x.row.org),
	                     DBC_STR(&x.row.number),  DBC_STR(&x.row.address),
	                     DBC_UINT(&x.row.rights), DBC_U64(&x.row.by),
	                     DBC_STR(&x.row.by_login)};

	return db_rows(ar, &shared_with, a, 2, c, 7, shared_each, &x);
}

struct sign_in_ctx {
	struct sign_in_row row;
	enum perr (*each)(void *, const struct sign_in_row *);
	void *ctx;
};

static enum perr sign_in_each(void *p)
{
	struct sign_in_ctx *x = p;

	return x->each(x->ctx, &x->row);
}

enum perr db_directory_sign_ins(struct arena *ar, uint64_t sub, unsigned limit,
				enum perr (*each)(void *, const struct sign_in_row *), void *ctx)
{
	struct sign_in_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(sub), DBA_INT(limit)};
	struct db_col c[] = {DBC_STR(&x.row.at), DBC_STR(&x.row.ip), DBC_STR(&x.row.result)};

	return db_rows(ar, &sign_ins, a, 2, c, 3, sign_in_each, &x);
}

enum perr db_directory_set_active(uint64_t sub, int active)
{
	struct db_arg a[] = {DBA_INT(active ? 1 : 0), DBA_U64(sub)};

	return db_exec(&set_active, a, 2, NULL, NULL);
}

enum perr db_directory_account(struct arena *ar, uint64_t staff, uint64_t account,
			       struct directory_holder *out)
{
	struct db_arg a[] = {DBA_U64(staff), DBA_U64(account)};
	struct db_col c[] = {DBC_U64(&out->id),	      DBC_UINT(&out->org),   DBC_STR(&out->number),
			     DBC_STR(&out->payer),    DBC_STR(&out->address), DBC_STR(&out->phone),
			     DBC_UINT(&out->logins)};

	return db_row(ar, &holder, a, 2, c, 7);
}
