/*
 * xsl_node.c: the tests that doc/render.c, doc/finish.c and doc/catalog.c
 * apply to a stylesheet's nodes while libxslt loads it, in one place so
 * the three rewrites agree on what an xsl: element is.
 */
#include <libxslt/xslt.h>

#include "doc/xsl_node.h"

int xsl_node_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       xmlStrEqual(n->ns->href, XSLT_NAMESPACE) &&
	       (name == NULL || xmlStrEqual(n->name, BAD_CAST name));
}

int xsl_node_attr_is(xmlNodePtr n, const char *name, const char *want)
{
	xmlChar *v;
	int eq;

	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return 0;
	v = xmlGetNoNsProp(n, BAD_CAST name);
	eq = v != NULL && xmlStrEqual(v, BAD_CAST want);
	xmlFree(v);
	return eq;
}
