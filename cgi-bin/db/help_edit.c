/* db/help_edit.c: the console's statements for an organization's help. */
#include <stdint.h>
#include <string.h>

#include "core/perr.h"
#include "db/db.h"
#include "db/help_edit.h"

static struct db_stmt question_add = {
	"help.question_add",
	"INSERT INTO org_questions (organization_id, question_ru, answer_ru, question_en, answer_en, "
	"created_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

static struct db_stmt question_delete = {
	"help.question_delete",
	"DELETE FROM org_questions WHERE organization_id = ? AND id = ?",
	NULL, 0, NULL};

static struct db_stmt form_add = {
	"help.form_add",
	"INSERT INTO org_forms (organization_id, title_ru, title_en, type, size, sha256, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
	NULL, 0, NULL};

static struct db_stmt form_chunk_add = {
	"help.form_chunk_add",
	"INSERT INTO org_form_chunks (form_id, seq, bytes) VALUES (?, ?, ?)",
	NULL, 0, NULL};

static struct db_stmt form_delete = {
	"help.form_delete",
	"DELETE FROM org_forms WHERE organization_id = ? AND id = ?",
	NULL, 0, NULL};

static struct db_stmt rules_set = {
	"help.rules_set",
	"UPDATE organizations SET rules_ru = NULLIF(?, ''), rules_en = NULLIF(?, '') WHERE id = ?",
	NULL, 0, NULL};

static enum perr one_of_org(struct db_stmt *st, unsigned org, unsigned id)
{
	struct db_arg a[] = {DBA_INT(org), DBA_INT(id)};
	unsigned long long n = 0;
	enum perr e = db_exec(st, a, 2, &n, NULL);

	return e == PERR_OK && n == 0 ? PERR_NOT_FOUND : e;
}

enum perr db_help_question_add(unsigned org, const char *question_ru, const char *answer_ru,
			       const char *question_en, const char *answer_en, uint64_t *id)
{
	struct db_arg a[] = {DBA_INT(org), DBA_STR(question_ru), DBA_STR(answer_ru),
			     DBA_STR(question_en), DBA_STR(answer_en)};
	unsigned long long newid = 0;
	enum perr e = db_exec(&question_add, a, 5, NULL, &newid);

	*id = newid;
	return e;
}

enum perr db_help_question_delete(unsigned org, unsigned id)
{
	return one_of_org(&question_delete, org, id);
}

enum perr db_help_form_add(unsigned org, const char *title_ru, const char *title_en,
			   const char *type, size_t size, const unsigned char sha256[32], uint64_t *id)
{
	struct db_arg a[] = {DBA_INT(org),  DBA_STR(title_ru), DBA_STR(title_en),
			     DBA_STR(type), DBA_INT(size),     DBA_BLOB(sha256, 32)};
	unsigned long long newid = 0;
	enum perr e = db_exec(&form_add, a, 6, NULL, &newid);

	*id = newid;
	return e;
}

enum perr db_help_form_chunk_add(uint64_t form, unsigned seq, const unsigned char *bytes, size_t n)
{
	struct db_arg a[] = {DBA_U64(form), DBA_INT(seq), DBA_BLOB(bytes, n)};

	return db_exec(&form_chunk_add, a, 3, NULL, NULL);
}

enum perr db_help_form_delete(unsigned org, unsigned id)
{
	return one_of_org(&form_delete, org, id);
}

enum perr db_help_rules_set(unsigned org, const char *rules_ru, const char *rules_en)
{
	struct db_arg a[] = {DBA_STR(rules_ru), DBA_STR(rules_en), DBA_INT(org)};

	return db_exec(&rules_set, a, 3, NULL, NULL);
}
