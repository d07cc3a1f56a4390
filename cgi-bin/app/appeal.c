/* app/appeal.c: an appeal and its thread as XML (see the header). */
#include <stdint.h>

#include "app/appeal.h"
#include "core/attachment.h"
#include "core/date.h"
#include "db/appeal_field.h"
#include "db/chunks.h"
#include "doc/xml.h"

/* A time of the thread in the site's zone, as an attribute. */
static int at_attr(xmlNodePtr n, const char *name, const char *utc)
{
	char at[26];

	return utc == NULL || instant_local(utc, at) != 0 || xml_attr(n, name, at);
}

xmlNodePtr appeal_xml(xmlNodePtr parent, const struct appeal *ap, enum lang lang, int staff)
{
	xmlNodePtr n = xml_elem(parent, "appeal");

	if (n == NULL || xml_attr_int(n, "id", (long long)ap->id) ||
	    xml_attr(n, "status", ap->status) || (ap->unread && xml_attr(n, "unread", "1")) ||
	    (ap->reopenable && xml_attr(n, "reopenable", "1")) ||
	    at_attr(n, "created", ap->created_at) || at_attr(n, "updated", ap->updated_at) ||
	    xml_text(n, "topic", lang == LANG_EN ? ap->topic_en : ap->topic_ru) == NULL ||
	    xml_text(n, "account", ap->number) == NULL)
		return NULL;
	if (staff && (xml_attr_int(n, "org", ap->org) || xml_attr_int(n, "subscriber", (long long)ap->subscriber_id) ||
		      xml_text(n, "login", ap->login) == NULL ||
		      xml_text(n, "name", ap->full_name) == NULL ||
		      (ap->assigned != NULL && xml_text(n, "assigned", ap->assigned) == NULL)))
		return NULL;
	return n;
}

struct thread {
	xmlNodePtr appeal;
	xmlNodePtr *msgs; /* by position, to hang files under */
	uint64_t *ids;
	size_t n, cap;
	struct arena *a;
};

static enum perr message_row(void *p, const struct appeal_message *m)
{
	struct thread *t = p;
	xmlNodePtr n;

	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		xmlNodePtr *msgs = arena_regrow(t->a, t->msgs, t->n, cap, sizeof(*msgs));
		uint64_t *ids = arena_regrow(t->a, t->ids, t->n, cap, sizeof(*ids));

		if (msgs == NULL || ids == NULL)
			return PERR_NOMEM;
		t->msgs = msgs;
		t->ids = ids;
		t->cap = cap;
	}
	n = xml_elem(t->appeal, "message");
	if (n == NULL || xml_attr_int(n, "id", (long long)m->id) ||
	    xml_attr(n, "author", m->author) || at_attr(n, "at", m->created_at) ||
	    (m->staff != NULL && xml_attr(n, "staff", m->staff)) ||
	    xml_text(n, "text", m->body) == NULL)
		return PERR_NOMEM;
	t->msgs[t->n] = n;
	t->ids[t->n++] = m->id;
	return PERR_OK;
}

/* A file goes under its message; one of a message not shown (a note's) is left out. */
static enum perr file_row(void *p, const struct appeal_file *f)
{
	struct thread *t = p;
	xmlNodePtr n;
	size_t i;

	for (i = 0; i < t->n && t->ids[i] != f->message_id; i++)
		;
	if (i == t->n)
		return PERR_OK;
	n = xml_text(t->msgs[i], "file", f->name);
	if (n == NULL || xml_attr_int(n, "id", (long long)f->id) || xml_attr(n, "type", f->type) ||
	    xml_attr_int(n, "size", f->size))
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr field_row(void *p, const char *name, const char *value)
{
	xmlNodePtr n = xml_text(p, "field", value);

	return n == NULL || xml_attr(n, "name", name) ? PERR_NOMEM : PERR_OK;
}

enum perr appeal_thread_xml(struct arena *a, xmlNodePtr appeal, uint64_t id, int notes)
{
	struct thread t = {appeal, NULL, NULL, 0, 0, a};
	enum perr e = db_appeal_fields(a, id, field_row, appeal);

	if (e == PERR_OK)
		e = db_appeal_messages(a, id, notes, message_row, &t);
	return e == PERR_OK ? db_appeal_files(a, id, file_row, &t) : e;
}

enum perr appeal_list_row(void *p, const struct appeal *ap)
{
	const struct appeal_list *l = p;

	return appeal_xml(l->list, ap, l->lang, l->staff) ? PERR_OK : PERR_NOMEM;
}

enum perr appeal_file_write(struct arena *a, const struct appeal_file *f,
			    int (*put)(void *, const char *, size_t), void *ctx)
{
	struct chunk_sink o = {put, ctx};

	return db_appeal_chunks(a, f->id, db_chunk_to_sink, &o);
}

const char *appeal_file_name(struct arena *a, const struct appeal_file *f)
{
	return arena_printf(a, "appeal-file-%llu.%s", (unsigned long long)f->id,
			    attachment_ext(attachment_of_mime(f->type)));
}
