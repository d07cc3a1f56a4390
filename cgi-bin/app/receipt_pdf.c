/*
 * app/receipt_pdf.c: a receipt's PDF, and its SHA-256 kept with the issued
 * receipt the first time it is made (db/receipt_doc.c): drawn from the
 * stored document and dated its day of issue, a later PDF must be the same
 * file, whether it is downloaded (receipts.c) or e-mailed (deliver.c).
 */
#include <stdint.h>
#include <stdlib.h>

#include <libxml/tree.h>

#include "app/receipt_pdf.h"
#include "core/arena.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/receipt_doc.h"
#include "doc/pdf.h"

static unsigned long long receipt_attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	unsigned long long x = v ? strtoull((const char *)v, NULL, 10) : 0;

	xmlFree(v);
	return x;
}

enum perr receipt_pdf_kept(struct arena *ar, xmlDocPtr page, const unsigned char **pdf,
			   size_t *len)
{
	unsigned char hash[32];
	xmlNodePtr n;
	xmlChar *mon;
	month_t m = 0;
	int same = 1;
	enum perr e = render_pdf(ar, page, pdf, len);

	if (e != PERR_OK)
		return e;
	for (n = xmlDocGetRootElement(page)->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST "receipt"))
			break;
	if (n == NULL || (mon = xmlGetProp(n, BAD_CAST "month")) == NULL)
		return PERR_OK; /* not a receipt: nothing to keep */
	if (month_parse((const char *)mon, (size_t)xmlStrlen(mon), &m) != 0)
		m = 0;
	xmlFree(mon);
	sha256(*pdf, *len, hash);
	e = db_receipt_pdf_hash(ar, receipt_attr(n, "account-id"), m,
				(unsigned)receipt_attr(n, "version"), hash, &same);
	if (e != PERR_OK)
		log_msg(LOG_ERR, "receipt pdf: cannot keep its hash: %s", perr_str(e));
	else if (!same) {
		char month[8];

		month_format(m, month);
		log_msg(LOG_ERR, "receipt of account %llu, %s, version %llu: its PDF differs from the "
			"one first made of it", receipt_attr(n, "account-id"), month,
			receipt_attr(n, "version"));
	}
	return PERR_OK; /* the subscriber gets the receipt either way */
}

