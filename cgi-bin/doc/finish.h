/* doc/finish.h: xsl/finish.xsl's last pass over a page, done in C. */
#ifndef DOC_FINISH_H
#define DOC_FINISH_H

#include <libxml/tree.h>

/* The element (in doc/xsl_node.h's SITE_NS) a compiled sheet puts where
 * finish.xsl's "finished" was called. */
#define FINISH_NAME "finish"

/*
 * In the stylesheet being compiled (site.xsl or a sheet it includes), every
 * <xsl:call-template name="finished"> becomes a <kb:finish> element around
 * the tree it was given, so the transform builds that tree once, in place.
 */
void finish_mark_calls(xmlNodePtr sheet_root);

/*
 * In a transform's result: each <kb:finish> has its tree finished as
 * finish.xsl would (source: the page, for its field errors) and is replaced
 * by that tree.  The same bytes as the XSLT pass; a test compares them on
 * every page.
 */
void finish_result(xmlDocPtr result, xmlDocPtr source);

#endif
