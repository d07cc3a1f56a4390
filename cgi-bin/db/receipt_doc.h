/* db/receipt_doc.h: receipts stored as issued. */
#ifndef DB_RECEIPT_DOC_H
#define DB_RECEIPT_DOC_H

#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/month.h"
#include "core/perr.h"

/* Store the receipts of the organization's accounts after..through (ids)
 * billed in month m that have none yet, as version 1, inside the caller's
 * transaction (a batch of issuing); *stored: how many. */
enum perr db_receipt_docs_issue(uint64_t org, month_t m, uint64_t after, uint64_t through,
				unsigned long long *stored) PORTAL_WUR;
/* Store the account's receipts of issued months it has none for yet (its own transaction). */
enum perr db_receipt_docs_missing(struct arena *, uint64_t account) PORTAL_WUR;
/* Issue the account's receipt of month m again, for reason: *version is the new one.
 * PERR_NOT_FOUND if it was never issued, or the account is not billed that month. */
enum perr db_receipt_doc_again(struct arena *, uint64_t account, month_t m, const char *reason,
			       unsigned *version) PORTAL_WUR;
/* The SHA-256 of a receipt's PDF: kept if it is the first (*same 1), else
 * compared with the kept one (*same 0 if it differs). */
enum perr db_receipt_pdf_hash(struct arena *, uint64_t account, month_t, unsigned version,
			      const unsigned char hash[32], int *same) PORTAL_WUR;

#endif
