/* db/qr.c: see qr.h. */
#include <stdint.h>

#include "db/db.h"
#include "db/qr.h"

static struct db_stmt get = {"qr.get", "SELECT modules, dark FROM qr_codes WHERE text_sha256 = ?",
                             NULL, 0, NULL};

/* Two requests that make the same code at once: the first one kept stays. */
static struct db_stmt put = {"qr.put",
                             "INSERT IGNORE INTO qr_codes (text_sha256, modules, dark, made_at) "
                             "VALUES (?, ?, ?, UTC_TIMESTAMP(6))",
                             NULL, 0, NULL};

enum perr db_qr_get(struct arena *ar, const unsigned char sha[32], int *width,
                    unsigned char *packed, size_t cap, size_t *len)
{
	long long modules = 0;
	unsigned long got = 0;
	struct db_col c[] = {DBC_INT(&modules), DBC_BLOB(packed, (unsigned long)cap, &got)};
	enum perr e = db_row(ar, &get, (struct db_arg[]){DBA_BLOB(sha, 32)}, 1, c, 2);

	if (e != PERR_OK)
		return e;
	*width = (int)modules;
	*len = got;
	return PERR_OK;
}

enum perr db_qr_put(const unsigned char sha[32], int width, const unsigned char *packed, size_t len)
{
	return db_exec(&put,
	               (struct db_arg[]){DBA_BLOB(sha, 32), DBA_INT(width), DBA_BLOB(packed, len)},
	               3, NULL, NULL);
}
