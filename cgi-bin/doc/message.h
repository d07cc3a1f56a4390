/* doc/message.h: an outbox message's text. */
#ifndef DOC_MESSAGE_H
#define DOC_MESSAGE_H

#include <libxml/tree.h>

#include "core/attrs.h"

/* An outbox message's document as <message> (mail.xsl): subject, text, attachment. */
int render_message(xmlDocPtr page, xmlDocPtr *out) PORTAL_WUR;

#endif
