/* doc/xsl_node.h: what a program asks of a stylesheet's source as it compiles it. */
#ifndef DOC_XSL_NODE_H
#define DOC_XSL_NODE_H

#include <libxml/tree.h>

/*
 * The namespace of kabinet's own marks in and for the sheets (prefix kb):
 * site.xsl's kb:section on includes, the kb:finish element doc/finish.c
 * puts in a sheet, the kb:msg() function of doc/catalog.c.
 */
#define SITE_NS "urn:kabinet:site"

/* n is an xsl: element named name (any xsl: element when name is NULL). */
int xsl_node_is(xmlNodePtr n, const char *name);

/* n has the attribute name (in no namespace) and its value is want. */
int xsl_node_attr_is(xmlNodePtr n, const char *name, const char *want);

#endif
