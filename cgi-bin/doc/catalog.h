/* doc/catalog.h: a section's messages in one language, written into its stylesheet. */
#ifndef DOC_CATALOG_H
#define DOC_CATALOG_H

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>

#include "core/attrs.h"

/*
 * xsl/i18n.xsl builds the page's catalog ($M) on every transform and finds
 * each message by a name test over it; a static key ($M/login.title) is
 * the same text on every page of a section in a language.  So a program
 * compiles a sheet per language in which such keys are the text itself.
 */
struct catalog;

/* messages-LANG and messages-LANG-SECTION of xsl/messages.LANG.xsl; NULL if unreadable (logged). */
struct catalog *catalog_load(const char *xsl_dir, const char *lang, const char *section) PORTAL_WUR;
void catalog_free(struct catalog *); /* accepts NULL */

/*
 * In a stylesheet being compiled: every $M/KEY of a select, a test or an
 * attribute value template becomes the message as a string literal, where
 * that means the same (the key is in the catalog, its text not empty, and
 * the expression uses it as a string, not as a node-set to walk or count).
 */
void catalog_resolve(xmlNodePtr sheet_root, const struct catalog *);

/*
 * A key computed at run time ("error." and a code) goes through i18n.xsl's
 * template "msg"; in a sheet given to catalog_resolve() its body becomes
 * kb:msg($key), a lookup in the catalog bound to the sheet here, which must
 * outlive it.  So do month names looked up by a computed number:
 * $month-names[$n] used as a string becomes kb:month($n), and common.xsl's
 * template "month-label" kb:month-label($v).  And $M itself, which
 * i18n.xsl makes by calling the messages' templates on every transform,
 * becomes kb:catalog(): the same messages, made once by catalog_load().
 * catalog_register() makes the four functions known to libxslt, once.
 */
int catalog_register(void) PORTAL_WUR;
void catalog_bind(xsltStylesheetPtr, const struct catalog *);

#endif
