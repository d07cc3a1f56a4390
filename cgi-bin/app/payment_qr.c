/* app/payment_qr.c: see payment_qr.h. */
#include <string.h>

#include "app/payment_qr.h"
#include "core/arena.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/perr.h"
#include "db/qr.h"

int payment_qr(struct arena *ar, const char *text, struct qr *out)
{
	unsigned char sha[32], packed[QR_PACKED_MAX];
	size_t len = 0;
	int width = 0;
	enum perr e;

	sha256((const unsigned char *)text, strlen(text), sha);
	e = db_qr_get(ar, sha, &width, packed, sizeof(packed), &len);
	if (e == PERR_OK && qr_unpack(ar, width, packed, len, out) == 0)
		return 0;
	/* A row that does not unpack was not written here (the table's CHECK
	 * holds its size): made again, and left for tidy. */
	if (e != PERR_OK && e != PERR_NOT_FOUND)
		log_msg(LOG_WARN, "QR code not read (%s): encoded", perr_str(e));
	else if (e == PERR_OK)
		log_msg(LOG_ERR, "QR code kept with %d modules and %zu bytes: encoded", width, len);
	if (qr_encode(ar, text, out) != 0)
		return -1;
	if (e == PERR_NOT_FOUND) {
		qr_pack(out, packed);
		if ((e = db_qr_put(sha, out->width, packed, qr_packed_len(out->width))) != PERR_OK)
			log_msg(LOG_WARN, "QR code not kept (%s)", perr_str(e));
	}
	return 0;
}
