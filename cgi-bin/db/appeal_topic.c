/* db/appeal_topic.c: the console's statements for an organization's appeal topics. */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/appeal_topic.h"
#include "db/db.h"

static struct db_stmt of_org = {
	"topic.of_org",
	"SELECT id, organization_id, code, name_ru, name_en, form, active FROM appeal_topics "
	"WHERE organization_id = ? ORDER BY sort, id",
	NULL, 0, NULL};

static struct db_stmt add = {
	"topic.add",
	"INSERT INTO appeal_topics (organization_id, code, form, name_ru, name_en, sort) "
	"SELECT ?, ?, NULLIF(?, ''), ?, ?, COALESCE(MAX(sort), 0) + 1 FROM appeal_topics "
	"WHERE organization_id = ?",
	NULL, 0, NULL};

static struct db_stmt rename_one = {
	"topic.rename",
	"UPDATE appeal_topics SET name_ru = ?, name_en = ? WHERE organization_id = ? AND id = ?",
	NULL, 0, NULL};

static struct db_stmt set_active = {
	"topic.set_active",
	"UPDATE appeal_topics SET active = ? WHERE organization_id = ? AND id = ?",
	NULL, 0, NULL};

struct topic_it {
	struct appeal_topic t;
	long long active;
	enum perr (*each)(void *, const struct appeal_topic *, int);
	void *ctx;
};

static enum perr topic_each(void *p)
{
	struct topic_it *it = p;

	return it->each(it->ctx, &it->t, it->active != 0);
}

enum perr db_topics_of_org(struct arena *ar, unsigned org,
			   enum perr (*each)(void *, const struct appeal_topic *, int), void *ctx)
{
	struct topic_it it = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_INT(org)};
	struct db_col c[] = {DBC_U64(&it.t.id),	     DBC_UINT(&it.t.org), DBC_STR(&it.t.code),
			     DBC_STR(&it.t.name_ru), DBC_STR(&it.t.name_en), DBC_STR(&it.t.form),
			     DBC_INT(&it.active)};

	return db_rows(ar, &of_org, a, 1, c, 7, topic_each, &it);
}

enum perr db_topic_add(unsigned org, const char *code, const char *form, const char *name_ru,
		       const char *name_en, uint64_t *id)
{
	struct db_arg a[] = {DBA_INT(org),	DBA_STR(code),	  DBA_STR(form ? form : ""),
			     DBA_STR(name_ru), DBA_STR(name_en), DBA_INT(org)};
	unsigned long long newid = 0;
	enum perr e = db_exec(&add, a, 6, NULL, &newid);

	*id = newid;
	return e;
}

enum perr db_topic_rename(unsigned org, uint64_t id, const char *name_ru, const char *name_en)
{
	struct db_arg a[] = {DBA_STR(name_ru), DBA_STR(name_en), DBA_INT(org), DBA_U64(id)};

	return db_exec(&rename_one, a, 4, NULL, NULL);
}

enum perr db_topic_set_active(unsigned org, uint64_t id, int active)
{
	struct db_arg a[] = {DBA_INT(active ? 1 : 0), DBA_INT(org), DBA_U64(id)};

	return db_exec(&set_active, a, 3, NULL, NULL);
}
