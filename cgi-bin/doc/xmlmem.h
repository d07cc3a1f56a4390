/* doc/xmlmem.h: libxml2's and libxslt's memory, one region per request. */
#ifndef DOC_XMLMEM_H
#define DOC_XMLMEM_H

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
 * Documents are still freed with xmlFreeDoc: freeing costs nothing here, but
 * a document can hold references to what outlives the request (a
 * transform's result holds the compiled stylesheet's dictionary).
 */

#endif
