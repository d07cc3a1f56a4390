/* doc/xmlmem.h: libxml2's and libxslt's memory, one region per request. */
#ifndef DOC_XMLMEM_H
#define DOC_XMLMEM_H

#include <libxml/tree.h>

#include "core/attrs.h"

/*
 * Installed once at start-up, before any document exists.  Between
 * xmlmem_begin() and xmlmem_end() every allocation libxml2 and libxslt make
 * is cut from the region; outside (start-up, the compiled stylesheets, the
 * scheduled jobs) it is glibc's, and stays glibc's when freed or grown.
 * After xmlmem_end() nothing allocated during the request may be used.
 */
int xmlmem_install(void) PORTAL_WUR;
void xmlmem_begin(void);
void xmlmem_end(void);

/*
 * Free a document: xmlFreeDoc, except that a document whose every node is
 * the request's region's does not have its tree walked node by node; what
 * holds references to a dictionary that outlives the request (the document
 * itself, its ID table, its doctype: a transform's result holds the compiled
 * stylesheet's) is still freed.  Any other document, or any after the
 * request has had to use glibc's memory, is freed whole.
 */
void xmlmem_free_doc(xmlDocPtr doc);

#endif
