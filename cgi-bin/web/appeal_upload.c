/*
 * web/appeal_upload.c: the files sent with an appeal's message, by the
 * subscriber (appeals.c) or by staff with an answer (admin.c): each checked
 * from its bytes (libmagic's type, an image's sides), hashed, and stored in
 * chunks, or the form refused with the file's name beside the input.
 */
#include <stdint.h>
#include <stdlib.h>

#include <sodium.h>

#include "core/attachment.h"
#include "core/perr.h"
#include "db/appeal.h"
#include "db/db.h"
#include "doc/xml.h"
#include "web/appeal_upload.h"
#include "web/form.h"
#include "web/req.h"
#include "web/serve.h"

#define CHUNK (256u << 10)

/* What a refused file was called, for the message beside the file input. */
static int refuse_file(struct req *r, int status, const char *code, const char *name)
{
	char shown[4 * ATTACHMENT_NAME_MAX + 1];

	attachment_name(name, shown);
	if (xml_text(r->root, "refused-file", shown) == NULL)
		return page_error(r, 500, "internal");
	return page_refuse(r, status, "files", code);
}

int appeal_files_store(struct req *r, uint64_t appeal, uint64_t message)
{
	unsigned char *buf = NULL, sha[32];
	char name[4 * ATTACHMENT_NAME_MAX + 1];
	unsigned count = 0, w, h, seq;
	int more = req_upload_name(r)[0] != '\0', st = 0;
	enum attachment_type t;
	uint64_t id;
	size_t n, off;
	long k;
	enum perr e;

	for (; more == 1 && st == 0; more = req_upload_next(r)) {
		const char *sent = req_upload_name(r);

		if (++count > FILES_MAX) {
			st = refuse_file(r, 413, "files-many", sent);
			break;
		}
		if (buf == NULL && (buf = malloc(FILE_BYTES_MAX + 1)) == NULL) {
			st = page_error(r, 500, "internal");
			break;
		}
		n = 0;
		while (n <= FILE_BYTES_MAX &&
		       (k = req_upload_read(r, (char *)buf + n, FILE_BYTES_MAX + 1 - n)) > 0)
			n += (size_t)k;
		if (k < 0) {
			st = page_error(r, 400, "bad-request");
			break;
		}
		if (n > FILE_BYTES_MAX) {
			st = refuse_file(r, 413, "file-large", sent);
			break;
		}
		if (n == 0) {
			st = refuse_file(r, 422, "file-empty", sent);
			break;
		}
		if ((t = attachment_type(buf, n)) == ATT_OTHER) {
			st = refuse_file(r, 415, "file-type", sent);
			break;
		}
		if (t != ATT_PDF && (image_size(t, buf, n, &w, &h) != 0 || !image_size_ok(w, h))) {
			st = refuse_file(r, 422, "file-dimensions", sent);
			break;
		}
		attachment_name(sent, name);
		crypto_hash_sha256(sha, buf, n);
		e = db_appeal_file_add(appeal, message, name, attachment_mime(t), n, sha, &id);
		if (e == PERR_CONFLICT) {
			st = refuse_file(r, 422, "file-twice", sent);
			break;
		}
		for (off = 0, seq = 0; e == PERR_OK && off < n; off += CHUNK, seq++)
			e = db_appeal_chunk_add(id, seq, buf + off, n - off < CHUNK ? n - off : CHUNK);
		if (e != PERR_OK)
			st = page_fail(r, e);
	}
	if (more < 0 && st == 0)
		st = page_error(r, 400, "bad-request");
	free(buf);
	return st;
}

int appeal_files_commit(struct req *r, uint64_t appeal, uint64_t message)
{
	int st = appeal_files_store(r, appeal, message);
	enum perr e;

	if (st == 0 && (e = db_commit()) != PERR_OK)
		st = page_fail(r, e);
	if (st != 0)
		db_rollback();
	return st;
}
