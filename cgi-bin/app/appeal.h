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
 * Under the <appeal>: <message id author at [staff]> with <text> and its
 * <file id type size>name</file>s, oldest first.  Staff notes only when
 * notes is 1: a subscriber's page never holds them.
 */
enum perr appeal_thread_xml(struct arena *, xmlNodePtr appeal, uint64_t id, int notes) PORTAL_WUR;

#endif
