/*
 * xml.c: the only way section code puts data into a page.  Text goes in
 * through xmlNewTextChild and xmlNewProp, which escape it; characters XML 1.0
 * cannot carry (C0 controls other than tab and newlines) are replaced, so the
 * document always serialises to something nginx's parser would accept too.
 */
#include <string.h>
#include <stdio.h>

#include "core/arena.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/month.h"
#include "core/utf8.h"
#include "doc/xml.h"

/*
 * Text as XML may carry it.  0: s is fine as it is (*out is NULL); 1: *out
 * is a cleaned copy, for xmlFree; -1: the copy could not be allocated.  The
 * three are distinct so that running out of memory never lets unchecked
 * text through to libxml2.
 */
static int clean_copy(const char *s, size_t len, xmlChar **out_copy)
{
	size_t i, bad = 0;
	xmlChar *out;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			bad++;
	}
	*out_copy = NULL;
	if (bad == 0 && utf8_valid(s, len) && strlen(s) == len)
		return 0;
	/* Worst case every byte becomes U+FFFD (3 bytes). */
	out = xmlMalloc(len * 3 + 1);
	if (out == NULL)
		return -1;
	{
		size_t o = 0;

		for (i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];

			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c >= 0x80) {
				/* Non-ASCII bytes pass only as part of a valid sequence. */
				size_t n = 1;

				if (c >= 0x80) {
					while (n < 4 && i + n < len &&
					       ((unsigned char)s[i + n] & 0xC0) == 0x80)
						n++;
					if (utf8_valid(s + i, n)) {
						memcpy(out + o, s + i, n);
						o += n;
						i += n - 1;
						continue;
					}
				}
				out[o++] = 0xEF;
				out[o++] = 0xBF;
				out[o++] = 0xBD;
			} else {
				out[o++] = c;
			}
		}
		out[o] = '\0';
	}
	*out_copy = out;
	return 1;
}

xmlNodePtr xml_textn(xmlNodePtr parent, const char *name, const char *text, size_t len)
{
	xmlChar *copy;
	xmlNodePtr n;

	if (parent == NULL)
		return NULL;
	if (text == NULL)
		return xmlNewTextChild(parent, NULL, BAD_CAST name, NULL);
	/* Fine as it is (clean_copy checked it ends at len): taken as it is. */
	if (clean_copy(text, len, &copy) < 0)
		return NULL;
	n = xmlNewTextChild(parent, NULL, BAD_CAST name, copy ? copy : BAD_CAST text);
	xmlFree(copy);
	return n;
}

xmlNodePtr xml_text(xmlNodePtr parent, const char *name, const char *text)
{
	return xml_textn(parent, name, text, text ? strlen(text) : 0);
}

xmlNodePtr xml_elem(xmlNodePtr parent, const char *name)
{
	if (parent == NULL)
		return NULL;
	return xmlNewTextChild(parent, NULL, BAD_CAST name, NULL);
}

xmlNodePtr xml_int(xmlNodePtr parent, const char *name, long long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	return xml_text(parent, name, buf);
}

int xml_attr(xmlNodePtr node, const char *name, const char *value)
{
	xmlChar *copy;
	xmlAttrPtr a;

	if (node == NULL || value == NULL)
		return -1;
	if (clean_copy(value, strlen(value), &copy) < 0)
		return -1;
	a = xmlNewProp(node, BAD_CAST name, copy ? copy : BAD_CAST value);
	xmlFree(copy);
	return a == NULL ? -1 : 0;
}

int xml_attr_int(xmlNodePtr node, const char *name, long long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	return xml_attr(node, name, buf);
}

xmlNodePtr xml_money(xmlNodePtr parent, const char *name, money_t v, const struct currency *cur,
		     enum lang lang)
{
	char text[64];
	xmlNodePtr n;

	if (cur == NULL || money_format(text, sizeof(text), v, cur, lang) != 0)
		return NULL;
	n = xml_text(parent, name, text);
	if (n == NULL || xml_attr_int(n, "minor", v) || xml_attr(n, "currency", cur->code))
		return NULL;
	return n;
}

xmlNodePtr xml_price(xmlNodePtr parent, const char *name, money_t v, const struct currency *cur,
		     enum lang lang)
{
	char text[64];
	xmlNodePtr n;

	if (cur == NULL || price_format(text, sizeof(text), v, cur, lang) != 0)
		return NULL;
	n = xml_text(parent, name, text);
	if (n == NULL || xml_attr_int(n, "units", v) ||
	    xml_attr_int(n, "scale", (long long)(cur->minor_digits + PRICE_DIGITS)) ||
	    xml_attr(n, "currency", cur->code))
		return NULL;
	return n;
}

xmlNodePtr xml_month(xmlNodePtr parent, const char *name, month_t m)
{
	char buf[8];

	month_format(m, buf);
	return xml_text(parent, name, buf);
}

const char *outbox_params(struct arena *a, const char *name, const char *const *pairs, size_t n)
{
	/*
	 * In a document that declares UTF-8: libxml2 writes an attribute of a
	 * node without one with character references for everything not ASCII,
	 * six times the length of Cyrillic text in the outbox row.
	 */
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr node = doc ? xmlNewDocNode(doc, NULL, BAD_CAST name, NULL) : NULL;
	xmlBufferPtr buf = xmlBufferCreate();
	const char *out = NULL;
	size_t i;

	if (node == NULL || buf == NULL || (doc->encoding = xmlStrdup(BAD_CAST "UTF-8")) == NULL)
		goto done;
	xmlDocSetRootElement(doc, node);
	for (i = 0; i < n; i++)
		if (xml_attr(node, pairs[2 * i], pairs[2 * i + 1]) != 0)
			goto done;
	if (xmlNodeDump(buf, doc, node, 0, 0) < 0)
		goto done;
	out = arena_strdup(a, (const char *)xmlBufferContent(buf));
done:
	if (buf != NULL)
		xmlBufferFree(buf);
	if (doc != NULL)
		xmlFreeDoc(doc); /* and node with it */
	else if (node != NULL)
		xmlFreeNode(node);
	return out;
}
