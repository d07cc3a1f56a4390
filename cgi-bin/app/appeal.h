/* app/appeal.h: an appeal and its thread as XML, for the subscriber's pages and the console's. */
#ifndef APP_APPEAL_H
#define APP_APPEAL_H

#include <libxml/tree.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/lang.h"
#include "core/perr.h"
#include "db/appeal.h"

/*
 * <appeal id status unread reopenable> with its topic, account, times and
 * (staff) the subscriber and who it is assigned to, under parent.
 */
xmlNodePtr appeal_xml(xmlNodePtr parent, const struct appeal *, enum lang, int staff);
/*
 * Under the <appeal>: a service request's <field name>s, then
 * <message id author at [staff]> with <text> and its
 * <file id type size>name</file>s, oldest first.  Staff notes only when
 * notes is 1: a subscriber's page never holds them.
 */
enum perr appeal_thread_xml(struct arena *, xmlNodePtr appeal, uint64_t id, int notes) PORTAL_WUR;

/* A list of appeals (db_appeals_of, db_appeals_of_staff): each row an <appeal> under list. */
struct appeal_list {
	xmlNodePtr list;
	enum lang lang;
	int staff; /* 1: with the subscriber and who it is assigned to */
};
enum perr appeal_list_row(void *appeal_list, const struct appeal *);

/* An attachment's bytes to put(ctx, ...), in order, and the name it is
 * downloaded under: of the portal's making ("appeal-file-7.png"), never the
 * sender's, which is only shown on the page. */
enum perr appeal_file_write(struct arena *, const struct appeal_file *,
			    int (*put)(void *, const char *, size_t), void *ctx) PORTAL_WUR;
const char *appeal_file_name(struct arena *, const struct appeal_file *);

#endif
