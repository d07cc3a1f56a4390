/* doc/html_write.h: a transform's HTML result as bytes, without libxml2's serialiser. */
#ifndef DOC_HTML_WRITE_H
#define DOC_HTML_WRITE_H

#include <libxml/tree.h>

#include "core/attrs.h"

/*
 * The bytes xsltSaveResultToString() gives for a result of site.xsl's output
 * (method html, encoding UTF-8, indent no), after htmlSetMetaEncoding() has
 * put the charset meta in its head: the same escaping, the same quoting,
 * the same URI escaping of href, action and src, the same empty elements.
 * *out is xmlMalloc'd, the caller frees it with xmlFree.  -1 when the result
 * holds a node this writer does not know (then nothing is allocated and the
 * caller serialises with libxml2), or when memory runs out.
 */
int html_write(xmlDocPtr result, xmlChar **out, int *len) PORTAL_WUR;

#endif
