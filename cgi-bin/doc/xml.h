/* doc/xml.h: building XML documents. */
#ifndef DOC_XML_H
#define DOC_XML_H

#include <libxml/tree.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/month.h"

/* Child element with text content (escaped; invalid XML characters replaced). */
xmlNodePtr xml_text(xmlNodePtr parent, const char *name, const char *text);
xmlNodePtr xml_textn(xmlNodePtr parent, const char *name, const char *text, size_t len);
/* Empty child element. */
xmlNodePtr xml_elem(xmlNodePtr parent, const char *name);
/* Child element holding a decimal integer. */
xmlNodePtr xml_int(xmlNodePtr parent, const char *name, long long);
/* Attribute (escaped; invalid XML characters replaced). */
int xml_attr(xmlNodePtr, const char *name, const char *value) PORTAL_WUR;
int xml_attr_int(xmlNodePtr, const char *name, long long) PORTAL_WUR;
/* <name minor="-12345" currency="RUB">−123,45 ₽</name>: machine and human forms. */
xmlNodePtr xml_money(xmlNodePtr parent, const char *name, money_t, const struct currency *,
		     enum lang);
/* <name units="39800" scale="4" currency="RUB">3,98 ₽</name>: a price, units / 10^scale. */
xmlNodePtr xml_price(xmlNodePtr parent, const char *name, money_t, const struct currency *,
		     enum lang);
/* <name>2026-10</name> */
xmlNodePtr xml_month(xmlNodePtr parent, const char *name, month_t);

const char *outbox_params(struct arena *, const char *name, const char *const *pairs, size_t n);

#endif
