/* doc/message.c: an outbox message's text from its document (xsl/mail.xsl). */

#include "doc/message.h"
#include "doc/render.h"

static xsltStylesheetPtr mail_sheet;
RENDER_SHEET(mail, "mail.xsl", &mail_sheet);

int render_message(xmlDocPtr page, xmlDocPtr *out)
{
	*out = render_transform(mail_sheet, page);
	return *out == NULL ? -1 : 0;
}
