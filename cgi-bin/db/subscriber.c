/* db/subscriber.c: subscribers (the people who sign in). */
#include <stdint.h>
#include <string.h>
#include <stdlib.h>

#include "core/arena.h"
#include "core/lang.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/subscriber.h"

static struct db_stmt by_login = {
	"subscriber.by_login",
	"SELECT id, login, full_name, email, phone, password_hash FROM subscribers "
	"WHERE login = ? AND active = 1",
	NULL, 0, NULL};

static struct db_stmt set_password = {
	"subscriber.set_password",
	"UPDATE subscribers SET password_hash = ? WHERE id = ?",
	NULL, 0, NULL};

static enum perr subscriber_row(struct arena *, struct db_stmt *, struct db_arg,
				struct subscriber *);

enum perr db_subscriber_by_login(struct arena *a, const char *login, struct subscriber *out)
{
	return subscriber_row(a, &by_login, DBA_STR(login), out);
}

enum perr db_subscriber_set_password(uint64_t id, const char *hash)
{
	struct db_arg a[] = {DBA_STR(hash), DBA_U64(id)};

	return db_exec(&set_password, a, 2, NULL, NULL);
}

/* The pending requests come along: the settings page shows them beside the values. */
static struct db_stmt profile = {
	"subscriber.profile",
	"SELECT s.login, s.full_name, s.email, s.phone, s.landline, s.lang, s.notify_email, "
	"s.notify_sms, cr.value, DATE_FORMAT(cr.created_at, '%Y-%m-%dT%H:%i:%sZ'), t.value, "
	"DATE_FORMAT(t.expires_at, '%Y-%m-%dT%H:%i:%sZ') "
	"FROM subscribers s "
	"LEFT JOIN contact_requests cr ON cr.id = (SELECT MAX(c.id) FROM contact_requests c "
	"WHERE c.subscriber_id = s.id AND c.field = 'mobile' AND c.status = 'pending') "
	"LEFT JOIN subscriber_tokens t ON t.id = (SELECT MAX(k.id) FROM subscriber_tokens k "
	"WHERE k.subscriber_id = s.id AND k.purpose = 'email' AND k.used_at IS NULL "
	"AND k.expires_at > UTC_TIMESTAMP(6)) "
	"WHERE s.id = ? AND s.active = 1",
	NULL, 0, NULL};

static struct db_stmt profile_set = {
	"subscriber.profile_set",
	"UPDATE subscribers SET full_name = ?, landline = ? WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt lang_set = {
	"subscriber.lang_set",
	"UPDATE subscribers SET lang = ? WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt notify_set = {
	"subscriber.notify_set",
	"UPDATE subscribers SET notify_email = ?, notify_sms = ? WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt email_set = {
	"subscriber.email_set",
	"UPDATE subscribers SET email = ? WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt by_id = {
	"subscriber.by_id",
	"SELECT id, login, full_name, email, phone, password_hash FROM subscribers "
	"WHERE id = ? AND active = 1",
	NULL, 0, NULL};

/* An address two subscribers share names neither: HAVING COUNT(*) = 1. */
static struct db_stmt by_email = {
	"subscriber.by_email",
	"SELECT MIN(id), MIN(login), MIN(full_name), MIN(email), MIN(phone), MIN(password_hash) "
	"FROM subscribers WHERE email = ? AND active = 1 HAVING COUNT(*) = 1",
	NULL, 0, NULL};

static struct db_stmt create = {
	"subscriber.create",
	"INSERT INTO subscribers (login, password_hash, full_name, phone, lang) "
	"VALUES (?, ?, ?, ?, ?)",
	NULL, 0, NULL};

enum perr db_profile_get(struct arena *a, uint64_t id, struct profile *p)
{
	const char *lang = NULL;
	struct db_arg arg = DBA_U64(id);
	struct db_col c[] = {
		DBC_STR(&p->login),	   DBC_STR(&p->full_name),	  DBC_STR(&p->email),
		DBC_STR(&p->phone),	   DBC_STR(&p->landline),	  DBC_STR(&lang),
		DBC_STR(&p->notify_email), DBC_STR(&p->notify_sms),	  DBC_STR(&p->pending_mobile),
		DBC_STR(&p->pending_mobile_at), DBC_STR(&p->pending_email),
		DBC_STR(&p->pending_email_until),
	};
	enum perr e = db_row(a, &profile, &arg, 1, c, sizeof(c) / sizeof(c[0]));
	int l = lang ? lang_parse(lang, strlen(lang)) : -1;

	p->id = id;
	p->lang = l >= 0 ? (enum lang)l : LANG_RU;
	return e;
}

enum perr db_profile_set(uint64_t id, const char *full_name, const char *landline)
{
	struct db_arg a[] = {DBA_STR(full_name), landline ? DBA_STR(landline) : DBA_NULL,
			     DBA_U64(id)};

	return db_exec(&profile_set, a, 3, NULL, NULL);
}

enum perr db_subscriber_set_lang(uint64_t id, enum lang l)
{
	struct db_arg a[] = {DBA_STR(lang_code(l)), DBA_U64(id)};

	return db_exec(&lang_set, a, 2, NULL, NULL);
}

enum perr db_subscriber_set_notify(uint64_t id, const char *email, const char *sms)
{
	struct db_arg a[] = {DBA_STR(email), DBA_STR(sms), DBA_U64(id)};

	return db_exec(&notify_set, a, 3, NULL, NULL);
}

enum perr db_subscriber_set_email(uint64_t id, const char *email)
{
	struct db_arg a[] = {DBA_STR(email), DBA_U64(id)};

	return db_exec(&email_set, a, 2, NULL, NULL);
}

static enum perr subscriber_row(struct arena *a, struct db_stmt *st, struct db_arg arg,
				struct subscriber *out)
{
	struct db_col c[] = {
		DBC_U64(&out->id),     DBC_STR(&out->login), DBC_STR(&out->full_name),
		DBC_STR(&out->email), DBC_STR(&out->phone), DBC_STR(&out->password_hash),
	};

	out->id = 0;
	return db_row(a, st, &arg, 1, c, sizeof(c) / sizeof(c[0]));
}

enum perr db_subscriber_get(struct arena *a, uint64_t id, struct subscriber *out)
{
	return subscriber_row(a, &by_id, DBA_U64(id), out);
}

enum perr db_subscriber_find(struct arena *a, const char *login_or_email, struct subscriber *out)
{
	enum perr e = subscriber_row(a, &by_login, DBA_STR(login_or_email), out);

	if (e == PERR_NOT_FOUND && strchr(login_or_email, '@') != NULL)
		e = subscriber_row(a, &by_email, DBA_STR(login_or_email), out);
	return e;
}

enum perr db_subscriber_create(const char *login, const char *hash, const char *full_name,
			       const char *phone, enum lang l, uint64_t *id)
{
	struct db_arg a[] = {DBA_STR(login), DBA_STR(hash), DBA_STR(full_name),
	                     phone ? DBA_STR(phone) : DBA_NULL, DBA_STR(lang_code(l))};
	unsigned long long new_id = 0;
	enum perr e = db_exec(&create, a, 5, NULL, &new_id);

	*id = (uint64_t)new_id;
	return e;
}

static struct db_stmt lock_ = {
	"subscriber.lock", "SELECT id FROM subscribers WHERE id = ? FOR UPDATE", NULL, 0, NULL};

enum perr db_subscriber_lock(struct arena *a, uint64_t id)
{
	struct db_arg arg[] = {DBA_U64(id)};
	uint64_t got = 0;
	struct db_col c[] = {DBC_U64(&got)};

	return db_row(a, &lock_, arg, 1, c, 1);
}
