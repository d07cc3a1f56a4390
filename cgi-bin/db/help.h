/* db/help.h: an organization's contacts and help, as subscribers (and anyone) read them. */
#ifndef DB_HELP_H
#define DB_HELP_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

struct help_org {
	unsigned id;
	const char *name, *short_name, *address, *phones, *email, *website; /* NULL: none */
	const char *rules_ru, *rules_en;
};

struct help_office {
	unsigned id;
	const char *address, *hours, *phone, *email, *serves; /* NULL: none */
};

struct help_question {
	unsigned id;
	const char *question_ru, *answer_ru, *question_en, *answer_en;
};

struct help_form {
	unsigned id;
	const char *title_ru, *title_en, *type;
	unsigned size;
};

/* Every organization (subscriber 0), or those of the subscriber's accounts; org 0: all of them. */
enum perr db_help_orgs(struct arena *, uint64_t subscriber, unsigned org,
		       enum perr (*each)(void *, const struct help_org *), void *) PORTAL_WUR;
enum perr db_help_offices(struct arena *, unsigned org,
			  enum perr (*each)(void *, const struct help_office *), void *) PORTAL_WUR;
/* The subscriber's accounts of org, each with the office of its district (0: none). */
enum perr db_help_districts(struct arena *, uint64_t subscriber, unsigned org,
			    enum perr (*each)(void *, const char *account, unsigned office),
			    void *) PORTAL_WUR;
enum perr db_help_questions(struct arena *, unsigned org,
			    enum perr (*each)(void *, const struct help_question *),
			    void *) PORTAL_WUR;
enum perr db_help_forms(struct arena *, unsigned org,
			enum perr (*each)(void *, const struct help_form *), void *) PORTAL_WUR;
/* One form, PERR_NOT_FOUND if none; then its bytes, a chunk at a time. */
enum perr db_help_form(struct arena *, unsigned id, struct help_form *) PORTAL_WUR;
enum perr db_help_form_chunks(struct arena *, unsigned id,
			      enum perr (*each)(void *, const unsigned char *, size_t),
			      void *) PORTAL_WUR;

#endif
