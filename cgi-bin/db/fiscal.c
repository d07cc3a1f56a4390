/* db/fiscal.c: see fiscal.h. */
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "db/db.h"
#include "db/fiscal.h"

/* IGNORE: the settling request and the jobs may both have fetched it. */
static struct db_stmt save = {
        "fiscal.save",
        "INSERT IGNORE INTO fiscal_receipts (online_id, receipt_id, storage_number, "
        "document_number, fiscal_sign, registered_at) VALUES (?, ?, ?, ?, ?, ?)",
        NULL, 0, NULL};

static struct db_stmt get = {
        "fiscal.get",
        "SELECT receipt_id, storage_number, document_number, fiscal_sign, "
        "DATE_FORMAT(registered_at, '%Y-%m-%d %H:%i:%s') FROM fiscal_receipts WHERE online_id = ?",
        NULL, 0, NULL};

static struct db_stmt missing = {
        "fiscal.missing",
        "SELECT op.id, op.subscriber_id, op.provider, op.provider_id FROM online_payments op "
        "LEFT JOIN fiscal_receipts fr ON fr.online_id = op.id "
        "WHERE op.status = 'succeeded' AND op.created_at >= NOW(6) - INTERVAL 3 DAY "
        "AND op.provider_id IS NOT NULL AND fr.online_id IS NULL "
        "AND (op.fiscal_asked_at IS NULL OR op.fiscal_asked_at < NOW(6) - INTERVAL ? MINUTE) "
        "AND op.id > ? ORDER BY op.id LIMIT ?",
        NULL, 0, NULL};

static struct db_stmt asked = {"fiscal.asked",
                               "UPDATE online_payments SET fiscal_asked_at = NOW(6) WHERE id = ?",
                               NULL, 0, NULL};

enum perr db_fiscal_save(uint64_t online, const struct fiscal_receipt *fr,
                         unsigned long long *added)
{
	struct db_arg a[] = {DBA_U64(online),        DBA_STR(fr->id),
	                     DBA_STR(fr->storage),   DBA_STR(fr->document),
	                     DBA_STR(fr->attribute), DBA_STR(fr->registered_at)};

	return db_exec(&save, a, 6, added, NULL);
}

static void copy(char *dst, size_t cap, const char *s)
{
	snprintf(dst, cap, "%s", s ? s : "");
}

enum perr db_fiscal_get(struct arena *ar, uint64_t online, struct fiscal_receipt *fr)
{
	const char *v[5] = {NULL};
	struct db_col c[] = {DBC_STR(&v[0]), DBC_STR(&v[1]), DBC_STR(&v[2]), DBC_STR(&v[3]),
	                     DBC_STR(&v[4])};
	enum perr e = db_row(ar, &get, (struct db_arg[]){DBA_U64(online)}, 1, c, 5);

	memset(fr, 0, sizeof(*fr));
	if (e != PERR_OK)
		return e;
	copy(fr->id, sizeof(fr->id), v[0]);
	copy(fr->storage, sizeof(fr->storage), v[1]);
	copy(fr->document, sizeof(fr->document), v[2]);
	copy(fr->attribute, sizeof(fr->attribute), v[3]);
	copy(fr->registered_at, sizeof(fr->registered_at), v[4]);
	return PERR_OK;
}

struct missing_iter {
	struct fiscal_missing m;
	enum perr (*each)(void *, const struct fiscal_missing *);
	void *ctx;
};

static enum perr missing_row(void *p)
{
	struct missing_iter *it = p;

	return it->each(it->ctx, &it->m);
}

enum perr db_fiscal_missing(struct arena *ar, unsigned minutes, uint64_t after, unsigned limit,
                            enum perr (*each)(void *, const struct fiscal_missing *), void *ctx)
{
	struct missing_iter it = {.each = each, .ctx = ctx};
	struct db_col c[] = {DBC_U64(&it.m.online), DBC_U64(&it.m.subscriber),
	                     DBC_STR(&it.m.provider), DBC_STR(&it.m.provider_id)};

	return db_rows(ar, &missing,
	               (struct db_arg[]){DBA_INT(minutes), DBA_U64(after), DBA_INT(limit)}, 3, c, 4,
	               missing_row, &it);
}

enum perr db_fiscal_asked(uint64_t online)
{
	return db_exec(&asked, (struct db_arg[]){DBA_U64(online)}, 1, NULL, NULL);
}
