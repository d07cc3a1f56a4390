/*
 * db/help.c: what the contacts page reads.  Nothing here is anyone's
 * personal data but the district statement's, which names the subscriber.
 */
#include <stdint.h>

#include "core/arena.h"
#include "core/perr.h"
#include "db/chunks.h"
#include "db/db.h"
#include "db/help.h"

#define ORG_COLS                                                                             \
	"SELECT o.id, o.name, o.short_name, o.address, o.phones, o.email, o.website, o.rules_ru, " \
	"o.rules_en FROM organizations o "

static struct db_stmt orgs_all = {
	"help.orgs_all",
	ORG_COLS "WHERE ? IN (0, o.id) ORDER BY o.name, o.id",
	NULL, 0, NULL};

static struct db_stmt orgs_of = {
	"help.orgs_of",
	ORG_COLS "WHERE ? IN (0, o.id) AND o.id IN (SELECT a.organization_id FROM "
		 "subscriber_accounts sa JOIN accounts a ON a.id = sa.account_id "
		 "WHERE sa.subscriber_id = ?) ORDER BY o.name, o.id",
	NULL, 0, NULL};

static struct db_stmt offices = {
	"help.offices",
	"SELECT id, address, hours, phone, email, serves FROM offices WHERE organization_id = ? "
	"ORDER BY id",
	NULL, 0, NULL};

/* The office whose district is the longest start of the account's address. */
static struct db_stmt districts = {
	"help.districts",
	"SELECT a.number, COALESCE((SELECT f.id FROM offices f WHERE f.organization_id = "
	"a.organization_id AND f.serves IS NOT NULL AND f.serves <> '' "
	"AND LEFT(a.address, CHAR_LENGTH(f.serves)) = f.serves "
	"ORDER BY CHAR_LENGTH(f.serves) DESC, f.id LIMIT 1), 0) "
	"FROM subscriber_accounts sa JOIN accounts a ON a.id = sa.account_id "
	"WHERE sa.subscriber_id = ? AND a.organization_id = ? ORDER BY a.number",
	NULL, 0, NULL};

static struct db_stmt questions = {
	"help.questions",
	"SELECT id, question_ru, answer_ru, question_en, answer_en FROM org_questions "
	"WHERE organization_id = ? ORDER BY id",
	NULL, 0, NULL};

static struct db_stmt forms = {
	"help.forms",
	"SELECT id, title_ru, title_en, type, size FROM org_forms WHERE organization_id = ? "
	"ORDER BY id",
	NULL, 0, NULL};

static struct db_stmt form = {
	"help.form",
	"SELECT id, title_ru, title_en, type, size FROM org_forms WHERE id = ?",
	NULL, 0, NULL};

static struct db_stmt form_chunks = {
	"help.form_chunks",
	"SELECT bytes FROM org_form_chunks WHERE form_id = ? ORDER BY seq",
	NULL, 0, NULL};

/* One row struct, one callback: the same shape for every list here. */
#define EACH(type)                                                                           \
	struct type##_ctx {                                                                  \
		struct type row;                                                             \
		enum perr (*each)(void *, const struct type *);                              \
		void *ctx;                                                                   \
	};                                                                                   \
	static enum perr type##_each(void *p)                                                \
	{                                                                                    \
		struct type##_ctx *x = p;                                                    \
		return x->each(x->ctx, &x->row);                                             \
	}

EACH(help_org)
EACH(help_office)
EACH(help_question)
EACH(help_form)

enum perr db_help_orgs(struct arena *ar, uint64_t subscriber, unsigned org,
		       enum perr (*each)(void *, const struct help_org *), void *ctx)
{
	struct help_org_ctx x = {.each = each, .ctx = ctx};
	struct help_org *o = &x.row;
	struct db_arg a[] = {DBA_INT(org), DBA_U64(subscriber)};
	struct db_col c[] = {DBC_UINT(&o->id),	   DBC_STR(&o->name),	  DBC_STR(&o->short_name),
			     DBC_STR(&o->address), DBC_STR(&o->phones),	  DBC_STR(&o->email),
			     DBC_STR(&o->website), DBC_STR(&o->rules_ru), DBC_STR(&o->rules_en)};

	if (subscriber == 0)
		return db_rows(ar, &orgs_all, a, 1, c, 9, help_org_each, &x);
	return db_rows(ar, &orgs_of, a, 2, c, 9, help_org_each, &x);
}

enum perr db_help_offices(struct arena *ar, unsigned org,
			  enum perr (*each)(void *, const struct help_office *), void *ctx)
{
	struct help_office_ctx x = {.each = each, .ctx = ctx};
	struct help_office *o = &x.row;
	struct db_arg a[] = {DBA_INT(org)};
	struct db_col c[] = {DBC_UINT(&o->id),	 DBC_STR(&o->address), DBC_STR(&o->hours),
			     DBC_STR(&o->phone), DBC_STR(&o->email),   DBC_STR(&o->serves)};

	return db_rows(ar, &offices, a, 1, c, 6, help_office_each, &x);
}

struct district_ctx {
	const char *account;
	unsigned office;
	enum perr (*each)(void *, const char *, unsigned);
	void *ctx;
};

static enum perr district_each(void *p)
{
	struct district_ctx *x = p;

	return x->each(x->ctx, x->account, x->office);
}

enum perr db_help_districts(struct arena *ar, uint64_t subscriber, unsigned org,
			    enum perr (*each)(void *, const char *, unsigned), void *ctx)
{
	struct district_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_U64(subscriber), DBA_INT(org)};
	struct db_col c[] = {DBC_STR(&x.account), DBC_UINT(&x.office)};

	return db_rows(ar, &districts, a, 2, c, 2, district_each, &x);
}

enum perr db_help_questions(struct arena *ar, unsigned org,
			    enum perr (*each)(void *, const struct help_question *), void *ctx)
{
	struct help_question_ctx x = {.each = each, .ctx = ctx};
	struct help_question *q = &x.row;
	struct db_arg a[] = {DBA_INT(org)};
	struct db_col c[] = {DBC_UINT(&q->id), DBC_STR(&q->question_ru), DBC_STR(&q->answer_ru),
			     DBC_STR(&q->question_en), DBC_STR(&q->answer_en)};

	return db_rows(ar, &questions, a, 1, c, 5, help_question_each, &x);
}

#define FORM_COLS(f)                                                                         \
	{DBC_UINT(&(f)->id), DBC_STR(&(f)->title_ru), DBC_STR(&(f)->title_en),               \
	 DBC_STR(&(f)->type), DBC_UINT(&(f)->size)}

enum perr db_help_forms(struct arena *ar, unsigned org,
			enum perr (*each)(void *, const struct help_form *), void *ctx)
{
	struct help_form_ctx x = {.each = each, .ctx = ctx};
	struct db_arg a[] = {DBA_INT(org)};
	struct db_col c[] = FORM_COLS(&x.row);

	return db_rows(ar, &forms, a, 1, c, 5, help_form_each, &x);
}

enum perr db_help_form(struct arena *ar, unsigned id, struct help_form *f)
{
	struct db_arg a[] = {DBA_INT(id)};
	struct db_col c[] = FORM_COLS(f);

	return db_row(ar, &form, a, 1, c, 5);
}

enum perr db_help_form_chunks(struct arena *ar, unsigned id,
			      enum perr (*each)(void *, const unsigned char *, size_t), void *ctx)
{
	return db_chunks(ar, &form_chunks, id, each, ctx);
}
