/* db/help_edit.h: staff write an organization's help: questions, forms, rules. */
#ifndef DB_HELP_EDIT_H
#define DB_HELP_EDIT_H

#include <stddef.h>
#include <stdint.h>

#include "core/attrs.h"
#include "core/perr.h"

enum perr db_help_question_add(unsigned org, const char *question_ru, const char *answer_ru,
			       const char *question_en, const char *answer_en,
			       uint64_t *id) PORTAL_WUR;
/* PERR_NOT_FOUND if org has no such question. */
enum perr db_help_question_delete(unsigned org, unsigned id) PORTAL_WUR;
/* A new form's row: PERR_CONFLICT if org already has this very file. */
enum perr db_help_form_add(unsigned org, const char *title_ru, const char *title_en,
			   const char *type, size_t size, const unsigned char sha256[32],
			   uint64_t *id) PORTAL_WUR;
enum perr db_help_form_chunk_add(uint64_t form, unsigned seq, const unsigned char *bytes,
				 size_t n) PORTAL_WUR;
/* PERR_NOT_FOUND if org has no such form. */
enum perr db_help_form_delete(unsigned org, unsigned id) PORTAL_WUR;
/* The rules of service in both languages; an empty text is none. */
enum perr db_help_rules_set(unsigned org, const char *rules_ru, const char *rules_en) PORTAL_WUR;

#endif
