/*
 * exchange.c: the operator console's data exchange with the billing system
 * (the console's section, its own program and database account).
 *
 *   GET  /admin/exchange           imports of the organization, the upload form
 *   POST /admin/exchange/upload    kind, org, the file (multipart): stored and
 *                                  queued; the import program checks it
 *   GET  /admin/exchange/import?id=  progress (refreshing itself while it runs),
 *                                  the dry run's counts and first changes, problems
 *   POST /admin/exchange/apply     id: a checked import is applied by the import program
 *   GET  /admin/exchange/report?id=&format=csv|xlsx   the problems, to download
 *   GET  /admin/exchange/export?org=&what=&from=&to=&format=csv|xlsx
 *                                  readings, online payments or contact changes of a
 *                                  period, streamed (no parameters: the form)
 *   GET  /admin/exchange/keys?org=  the billing system's API keys (administrators)
 *   POST /admin/exchange/keys      name, scopes, rate, password: a new key, shown once
 *   POST /admin/exchange/keys/revoke   id
 *
 * No page does an import's work: a request stores the file and returns; the
 * scheduled program (kabinet-import --queue) reads it.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "app/exchange.h"
#include "app/exchange_format.h"
#include "app/export.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/date.h"
#include "core/password.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/api.h"
#include "db/db.h"
#include "db/exchange.h"
#include "db/staff.h"
#include "doc/xml.h"
#include "web/console.h"
#include "web/form.h"
#include "web/req.h"
#include "web/serve.h"
#include "web/staff_session.h"
#include "web/upload.h"

enum key {
	K_ORG,
	K_KIND,
	K_ID,
	K_FORMAT,
	K_BEFORE,
	K_DONE,
	K_STILL,
	K_NAME,
	K_RATE,
	K_PASSWORD,
	K_S_READ_READINGS,
	K_S_READ_PAYMENTS,
	K_S_READ_PROMISES,
	K_S_WRITE_ACCOUNTS,
	K_S_WRITE_CHARGES,
	K_S_WRITE_PAYMENTS,
	K_S_WRITE_CONNECTIONS,
	K_S_WRITE_OBJECTS,
	K_S_WRITE_EVENTS,
	K_S_WRITE_USAGE,
	K_WHAT,
	K_FROM,
	K_TO,
	K__MAX
};

static const struct field fields[K__MAX] = {
        [K_ORG] = {"org", valid_int, 1, 4294967295LL},
        [K_KIND] = {"kind", valid_token, 1, 16},
        [K_ID] = {"id", valid_int, 1, 9007199254740991LL},
        [K_FORMAT] = {"format", valid_token, 3, 4},
        [K_BEFORE] = {"before", valid_int, 1, 9007199254740991LL},
        [K_DONE] = {"done", valid_token, 1, 20},
        [K_STILL] = {"still", valid_int, 1, 1},
        [K_NAME] = {"key_name", valid_text, 2, 100},
        [K_RATE] = {"rate", valid_int, 1, 6000},
        [K_PASSWORD] = {"password", valid_secret, 1, PASSWORD_MAX},
        /* One field a scope: a repeated field is refused as an attack. */
        [K_S_READ_READINGS] = {"scope_read_readings", valid_int, 1, 1},
        [K_S_READ_PAYMENTS] = {"scope_read_payments", valid_int, 1, 1},
        [K_S_READ_PROMISES] = {"scope_read_promises", valid_int, 1, 1},
        [K_S_WRITE_ACCOUNTS] = {"scope_write_accounts", valid_int, 1, 1},
        [K_S_WRITE_CHARGES] = {"scope_write_charges", valid_int, 1, 1},
        [K_S_WRITE_PAYMENTS] = {"scope_write_payments", valid_int, 1, 1},
        [K_S_WRITE_CONNECTIONS] = {"scope_write_connections", valid_int, 1, 1},
        [K_S_WRITE_OBJECTS] = {"scope_write_objects", valid_int, 1, 1},
        [K_S_WRITE_EVENTS] = {"scope_write_events", valid_int, 1, 1},
        [K_S_WRITE_USAGE] = {"scope_write_usage", valid_int, 1, 1},
        [K_WHAT] = {"what", valid_token, 1, 16},
        [K_FROM] = {"from", valid_date, 0, 0},
        [K_TO] = {"to", valid_date, 0, 0},
};

#define IMPORTS_PAGE    30
#define CHANGES_SHOWN   20
#define PROBLEMS_SHOWN  100
#define REPORT_MAX      10000
#define REFRESH_SECONDS "3"

/* ---------------------------------------------------------------- shared */

/* The organization the page is about (?org=, else the staff member's first). */
static unsigned org_of(struct req *r, int *st)
{
	return console_org(r, req_val(r, K_ORG), st);
}

static int u64_attr(struct req *r, xmlNodePtr n, const char *name, uint64_t v)
{
	return xml_attr(n, name, console_u64(r->arena, v));
}

/* An import's row as the pages show it. */
static xmlNodePtr import_xml(struct req *r, xmlNodePtr parent, const struct import_row *m)
{
	xmlNodePtr n = xml_elem(parent, "import");

	if (n == NULL || u64_attr(r, n, "id", m->id) || xml_attr_int(n, "org", m->org) ||
	    xml_attr(n, "kind", m->kind) || xml_attr(n, "status", m->status) ||
	    xml_attr(n, "mode", m->mode) || (m->live && xml_attr(n, "live", "1")) ||
	    xml_text(n, "file", m->file_name) == NULL || console_opt(n, "sha256", m->sha256) ||
	    console_opt(n, "encoding", m->encoding) || console_opt(n, "delimiter", m->delimiter) ||
	    console_opt(n, "error", m->error) || xml_text(n, "by", m->created_by) == NULL ||
	    console_time(n, "created", m->created_at) ||
	    console_time(n, "checked", m->checked_at) ||
	    console_time(n, "finished", m->finished_at) || u64_attr(r, n, "bytes", m->bytes) ||
	    u64_attr(r, n, "lines", m->lines_total) || u64_attr(r, n, "rows", m->rows_done) ||
	    u64_attr(r, n, "new", m->n_new) || u64_attr(r, n, "changed", m->n_changed) ||
	    u64_attr(r, n, "unchanged", m->n_unchanged) || u64_attr(r, n, "refused", m->n_refused))
		return NULL;
	return n;
}

/* ---------------------------------------------------------------- the list */

struct list_ctx {
	struct req *r;
	xmlNodePtr list;
	size_t n;
	uint64_t last;
};

static enum perr list_row(void *p, const struct import_row *m)
{
	struct list_ctx *x = p;

	if (++x->n > IMPORTS_PAGE)
		return PERR_OK;
	x->last = m->id;
	return import_xml(x->r, x->list, m) == NULL ? PERR_NOMEM : PERR_OK;
}

/* The kinds and their columns, for the upload form and its help. */
static int kinds_xml(struct req *r)
{
	xmlNodePtr ks = xml_elem(r->root, "kinds");
	int k;

	if (ks == NULL)
		return -1;
	for (k = 0; k < SK__N; k++) {
		size_t n, i;
		const char *const *cols = exchange_columns((enum stage_kind)k, &n);
		xmlNodePtr kn = xml_elem(ks, "kind");

		if (kn == NULL || xml_attr(kn, "name", exchange_kind_name((enum stage_kind)k)))
			return -1;
		for (i = 0; i < n; i++)
			if (xml_text(kn, "col", cols[i]) == NULL)
				return -1;
	}
	return 0;
}

static int list_page(struct req *r, int status)
{
	static const size_t typed[] = {K_KIND};
	const struct fval *before = req_val(r, K_BEFORE);
	struct list_ctx x = {r, NULL, 0, 0};
	int st;
	unsigned org = org_of(r, &st);
	enum perr e;

	if (org == 0)
		return st;
	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if (xml_done(r, K_DONE) != 0 || xml_typed(r, typed, 1) != 0 || kinds_xml(r) != 0 ||
	    (x.list = xml_elem(r->root, "imports")) == NULL || xml_attr_int(x.list, "org", org))
		return page_error(r, 500, "internal");
	if ((e = db_import_list(r->arena, org, before ? (uint64_t)before->i : 0, IMPORTS_PAGE + 1,
	                        list_row, &x)) != PERR_OK)
		return page_fail(r, e);
	if (x.n > IMPORTS_PAGE && u64_attr(r, x.list, "older", x.last))
		return page_error(r, 500, "internal");
	return status == 200 ? 200 : page_status(r, status);
}

static int list_get(struct req *r)
{
	REQUIRE(r, A_READ);
	return list_page(r, 200);
}

/* ---------------------------------------------------------------- uploading */

static long upload_read(void *ctx, char *buf, size_t n)
{
	return req_upload_read(ctx, buf, n);
}

static int upload_post(struct req *r)
{
	const struct fval *kind = req_val(r, K_KIND);
	const char *name = req_upload_name(r);
	uint64_t id = 0, bytes = 0;
	int st;
	unsigned org;
	enum perr e;

	REQUIRE(r, A_EXCHANGE);
	if ((org = org_of(r, &st)) == 0)
		return st;
	if (kind == NULL || exchange_kind(kind->s) < 0) {
		if (xml_form_error(r, "kind", kind || r->bad[K_KIND] ? "invalid" : "required") != 0)
			return page_error(r, 500, "internal");
		return list_page(r, 400);
	}
	if (*name == '\0') {
		if (xml_form_error(r, "file", "required") != 0)
			return page_error(r, 500, "internal");
		return list_page(r, 400);
	}
	if ((e = db_import_new(org, kind->s, "check", name, r->staff->staff_id, 0, r->staff->login,
	                       &id)) != PERR_OK)
		return page_fail(r, e);
	e = exchange_store(id, upload_read, r, cfg.limits.upload_max, 1, &bytes);
	if (e != PERR_OK) {
		if (db_import_fail(id, perr_str(e)) != PERR_OK)
			return page_error(r, 500, "internal");
		if (e == PERR_TOO_LARGE)
			return page_error(r, 413, "too-large");
		return e == PERR_BAD_INPUT ? page_error(r, 400, "bad-request") : page_fail(r, e);
	}
	if ((e = console_audit(r, org, "import-upload", "import", console_u64(r->arena, id), NULL,
	                       arena_printf(r->arena, "%s %s, %llu bytes", kind->s, name,
	                                    (unsigned long long)bytes))) != PERR_OK)
		return page_fail(r, e);
	return page_redirect(r, arena_printf(r->arena, "/admin/exchange/import?id=%llu",
	                                     (unsigned long long)id));
}

/* ---------------------------------------------------------------- one import */

struct detail_ctx {
	struct req *r;
	xmlNodePtr list;
};

static enum perr change_row(void *p, const struct stage_change *c)
{
	struct detail_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "change");

	if (n == NULL || u64_attr(x->r, n, "line", c->line) || xml_text(n, "key", c->key) == NULL ||
	    console_opt(n, "before", c->before) || console_opt(n, "after", c->after))
		return PERR_NOMEM;
	return PERR_OK;
}

static enum perr problem_row(void *p, const struct import_problem *pr)
{
	struct detail_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "problem");

	if (n == NULL || u64_attr(x->r, n, "line", pr->line) || xml_attr(n, "column", pr->column) ||
	    xml_attr(n, "code", pr->code) || xml_text(n, "value", pr->value) == NULL ||
	    console_opt(n, "detail", pr->detail))
		return PERR_NOMEM;
	return PERR_OK;
}

/* The import of one of the staff member's organizations; 0 and *st if not. */
static int import_of(struct req *r, struct import_row *m, int *st)
{
	const struct fval *id = req_val(r, K_ID);
	enum perr e;

	*st = 0;
	if (id == NULL)
		return *st = page_error(r, 404, "not-found"), -1;
	if ((e = db_import_get(r->arena, (uint64_t)id->i, 0, m)) != PERR_OK)
		return *st = page_fail(r, e), -1;
	if ((e = db_staff_in_org(r->arena, r->staff->staff_id, m->org)) != PERR_OK)
		return *st = page_fail(r, e), -1; /* another organization's: a 404 */
	return 0;
}

static int working(const struct import_row *m)
{
	return strcmp(m->status, "queued") == 0 || strcmp(m->status, "checking") == 0 ||
	       strcmp(m->status, "applying") == 0 || strcmp(m->status, "uploading") == 0;
}

static int import_get(struct req *r)
{
	struct import_row m;
	struct detail_ctx x = {r, NULL};
	xmlNodePtr n;
	int st, kind;
	enum perr e;

	REQUIRE(r, A_READ);
	if (import_of(r, &m, &st) != 0)
		return st;
	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if (xml_done(r, K_DONE) != 0 || (n = import_xml(r, r->root, &m)) == NULL)
		return page_error(r, 500, "internal");
	/* While the import runs the page asks to be loaded again (an HTTP Refresh,
	 * no script), unless the reader asked it to stop (?still=1). */
	if (working(&m) &&
	    xml_attr(n, "elapsed",
	             console_u64(r->arena, (uint64_t)(m.seconds > 0 ? m.seconds : 0))))
		return page_error(r, 500, "internal");
	if (working(&m) && req_val(r, K_STILL) == NULL &&
	    (req_header(r, "Refresh", REFRESH_SECONDS) != 0 ||
	     xml_attr(n, "refresh", REFRESH_SECONDS)))
		return page_error(r, 500, "internal");
	kind = exchange_kind(m.kind);
	if (strcmp(m.status, "checked") == 0 && kind >= 0) {
		if ((x.list = xml_elem(n, "changes")) == NULL)
			return page_error(r, 500, "internal");
		if ((e = db_stage_changes(r->arena, (enum stage_kind)kind, m.id, m.org,
		                          CHANGES_SHOWN, change_row, &x)) != PERR_OK)
			return page_fail(r, e);
	}
	if ((x.list = xml_elem(n, "problems")) == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_import_problems(r->arena, m.id, PROBLEMS_SHOWN + 1, problem_row, &x)) !=
	    PERR_OK)
		return page_fail(r, e);
	return 200;
}

static int apply_post(struct req *r)
{
	struct import_row m;
	int st;
	enum perr e;

	REQUIRE(r, A_EXCHANGE);
	if (import_of(r, &m, &st) != 0)
		return st;
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_import_ask_apply(m.id, m.org)) == PERR_CONFLICT) {
		db_rollback();
		return page_redirect(
		        r, arena_printf(r->arena, "/admin/exchange/import?id=%llu&done=not-checked",
		                        (unsigned long long)m.id));
	}
	if (e != PERR_OK ||
	    (e = console_audit(r, m.org, "import-apply", "import", console_u64(r->arena, m.id),
	                       NULL, m.kind)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(r, arena_printf(r->arena, "/admin/exchange/import?id=%llu&done=apply",
	                                     (unsigned long long)m.id));
}

/* The problems as a table to download, in the reader's language. */
static int report_get(struct req *r)
{
	const struct fval *fmt = req_val(r, K_FORMAT);
	struct import_row m;
	struct detail_ctx x = {r, NULL};
	xmlNodePtr n;
	int st;
	enum perr e;

	REQUIRE(r, A_READ);
	if (import_of(r, &m, &st) != 0)
		return st;
	if ((n = import_xml(r, r->root, &m)) == NULL || (x.list = xml_elem(n, "problems")) == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_import_problems(r->arena, m.id, REPORT_MAX, problem_row, &x)) != PERR_OK)
		return page_fail(r, e);
	return page_table(r, fmt ? fmt->s : "csv",
	                  arena_printf(r->arena, "import-%llu-report", (unsigned long long)m.id));
}

/* ---------------------------------------------------------------- exports */

struct csv_stream {
	unsigned org;
	enum export_what what;
	const char *from, *to;
};

/* CSV is written as the rows come: after the headers, nothing is held. */
static enum perr csv_stream(struct req *r, void *arg, int (*put)(void *, const char *, size_t),
                            void *ctx)
{
	struct csv_stream *x = arg;

	(void)r;
	return export_csv(x->org, x->what, x->from, x->to, put, ctx);
}

/* An XLSX file is made whole first (a temporary file, in constant memory), then sent. */
static enum perr file_stream(struct req *r, void *arg, int (*put)(void *, const char *, size_t),
                             void *ctx)
{
	int *fd = arg;
	char buf[65536];
	ssize_t k;

	(void)r;
	while ((k = read(*fd, buf, sizeof(buf))) > 0)
		if (put(ctx, buf, (size_t)k) != 0)
			return PERR_SYS;
	return k == 0 ? PERR_OK : PERR_SYS;
}

/* The temporary workbook: closed and removed when the request's arena is. */
struct tmp_file {
	int fd;
	char path[32];
};

static void tmp_file_drop(void *p)
{
	struct tmp_file *t = p;

	if (t->fd >= 0)
		close(t->fd);
	unlink(t->path);
}

static int xlsx_file(struct req *r, struct csv_stream *x, const char *name)
{
	struct tmp_file *t = arena_alloc(r->arena, sizeof(*t));
	int fd;
	enum perr e;

	if (t == NULL)
		return page_error(r, 500, "internal");
	snprintf(t->path, sizeof(t->path), "/tmp/kabinet-export-XXXXXX");
	if ((fd = mkstemp(t->path)) < 0)
		return page_error(r, 500, "internal");
	close(fd); /* the name is reserved; libxlsxwriter writes the file when it closes */
	t->fd = -1;
	if (arena_defer(r->arena, tmp_file_drop, t) != 0) {
		unlink(t->path);
		return page_error(r, 500, "internal");
	}
	if ((e = export_xlsx(x->org, x->what, x->from, x->to, t->path)) != PERR_OK)
		return page_fail(r, e);
	if ((t->fd = open(t->path, O_RDONLY | O_CLOEXEC)) < 0)
		return page_error(r, 500, "internal");
	return page_stream(r, name,
	                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	                   file_stream, &t->fd);
}

static int export_get(struct req *r)
{
	static const size_t typed[] = {K_WHAT, K_FROM, K_TO, K_FORMAT};
	const struct fval *what = req_val(r, K_WHAT), *from = req_val(r, K_FROM),
	                  *to = req_val(r, K_TO), *fmt = req_val(r, K_FORMAT);
	int xlsx = fmt != NULL && strcmp(fmt->s, "xlsx") == 0;
	struct csv_stream *x;
	xmlNodePtr f;
	char first[11], today[11];
	const char *name;
	int st, w;
	unsigned org;
	enum perr e;

	REQUIRE(r, A_EXCHANGE);
	if ((org = org_of(r, &st)) == 0)
		return st;
	/* The form proposes this month so far. */
	day_format(day_today(), today);
	memcpy(first, today, 8);
	memcpy(first + 8, "01", 3);
	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if (xml_typed(r, typed, 4) != 0 || (f = xml_elem(r->root, "export")) == NULL ||
	    xml_attr_int(f, "org", org) || xml_attr(f, "from", first) || xml_attr(f, "to", today))
		return page_error(r, 500, "internal");
	if (what == NULL && !r->bad[K_WHAT] && from == NULL && !r->bad[K_FROM] && to == NULL &&
	    !r->bad[K_TO])
		return 200;
	w = what ? export_what(what->s) : -1;
	if ((w < 0 && xml_form_error(r, "what", what || r->bad[K_WHAT] ? "invalid" : "required")) ||
	    (from == NULL && xml_form_error(r, "from", r->bad[K_FROM] ? "invalid" : "required")) ||
	    (to == NULL && xml_form_error(r, "to", r->bad[K_TO] ? "invalid" : "required")) ||
	    (from && to && from->i > to->i && xml_form_error(r, "to", "period-order")) ||
	    (fmt && !xlsx && strcmp(fmt->s, "csv") != 0 && !r->want_xml &&
	     xml_form_error(r, "format", "invalid")))
		return page_error(r, 500, "internal");
	if (w < 0 || from == NULL || to == NULL || from->i > to->i ||
	    (fmt && !xlsx && strcmp(fmt->s, "csv") != 0 && !r->want_xml) || r->bad[K_FORMAT])
		return page_status(r, 400);
	if (r->want_xml)
		return 200; /* the request as the page reads it; nothing is exported */
	if ((x = arena_alloc(r->arena, sizeof(*x))) == NULL)
		return page_error(r, 500, "internal");
	x->org = org;
	x->what = (enum export_what)w;
	x->from = from->s;
	x->to = to->s;
	if ((e = console_audit(r, org, "export", "export", export_name(x->what), NULL,
	                       arena_printf(r->arena, "%s..%s %s", from->s, to->s,
	                                    xlsx ? "xlsx" : "csv"))) != PERR_OK)
		return page_fail(r, e);
	name = arena_printf(r->arena, "%s-%s-%s.%s", export_name(x->what), from->s, to->s,
	                    xlsx ? "xlsx" : "csv");
	if (xlsx)
		return xlsx_file(r, x, name);
	return page_stream(r, name, "text/csv; charset=utf-8", csv_stream, x);
}

/* ---------------------------------------------------------------- API keys */

static const struct {
	size_t k;
	const char *scope;
} scope_fields[] = {
        {K_S_READ_READINGS, "read:readings"},
        {K_S_READ_PAYMENTS, "read:payments"},
        {K_S_READ_PROMISES, "read:promises"},
        {K_S_WRITE_ACCOUNTS, "write:accounts"},
        {K_S_WRITE_CHARGES, "write:charges"},
        {K_S_WRITE_PAYMENTS, "write:payments"},
        /* The lines' details and use (issue 25). */
        {K_S_WRITE_CONNECTIONS, "write:connections"},
        {K_S_WRITE_OBJECTS, "write:objects"},
        {K_S_WRITE_EVENTS, "write:events"},
        {K_S_WRITE_USAGE, "write:usage"},
};
#define NSCOPES      (sizeof(scope_fields) / sizeof(scope_fields[0]))
#define RATE_DEFAULT 60

static enum perr key_row(void *p, const struct api_key *k)
{
	struct detail_ctx *x = p;
	xmlNodePtr n = xml_elem(x->list, "key");

	if (n == NULL || u64_attr(x->r, n, "id", k->id) || xml_attr(n, "prefix", k->prefix) ||
	    xml_attr_int(n, "rate", k->rate) || xml_text(n, "name", k->name) == NULL ||
	    xml_text(n, "scopes", k->scopes) == NULL || console_time(n, "created", k->created_at) ||
	    console_time(n, "used", k->last_used_at) || console_time(n, "revoked", k->revoked_at))
		return PERR_NOMEM;
	return PERR_OK;
}

static int keys_page(struct req *r, unsigned org, int status)
{
	static const size_t typed[] = {K_NAME,
	                               K_RATE,
	                               K_S_READ_READINGS,
	                               K_S_READ_PAYMENTS,
	                               K_S_READ_PROMISES,
	                               K_S_WRITE_ACCOUNTS,
	                               K_S_WRITE_CHARGES,
	                               K_S_WRITE_PAYMENTS,
	                               K_S_WRITE_CONNECTIONS,
	                               K_S_WRITE_OBJECTS,
	                               K_S_WRITE_EVENTS,
	                               K_S_WRITE_USAGE};
	struct detail_ctx x = {r, NULL};
	xmlNodePtr sc;
	size_t i;
	enum perr e;

	if ((e = console_staff_xml(r)) != PERR_OK)
		return page_fail(r, e);
	if (xml_done(r, K_DONE) != 0 ||
	    xml_typed(r, typed, sizeof(typed) / sizeof(typed[0])) != 0 ||
	    (x.list = xml_elem(r->root, "keys")) == NULL || xml_attr_int(x.list, "org", org) ||
	    xml_attr_int(x.list, "rate-default", RATE_DEFAULT) ||
	    (sc = xml_elem(r->root, "scopes")) == NULL)
		return page_error(r, 500, "internal");
	for (i = 0; i < NSCOPES; i++) {
		xmlNodePtr n = xml_text(sc, "scope", scope_fields[i].scope);

		if (n == NULL || xml_attr(n, "field", fields[scope_fields[i].k].name))
			return page_error(r, 500, "internal");
	}
	if ((e = db_api_keys(r->arena, org, key_row, &x)) != PERR_OK)
		return page_fail(r, e);
	return status == 200 ? 200 : page_status(r, status);
}

static int keys_get(struct req *r)
{
	int st;
	unsigned org;

	REQUIRE(r, A_KEYS);
	if ((org = org_of(r, &st)) == 0)
		return st;
	return keys_page(r, org, 200);
}

/* A new key: asked for the password (or a fresh code) again, shown once, kept as a hash. */
static int keys_post(struct req *r)
{
	const struct fval *name = req_val(r, K_NAME), *rate = req_val(r, K_RATE);
	unsigned char raw[32], hash[32];
	char token[64], scopes[200] = "", prefix[12]; /* api_keys.scopes is 200 */
	uint64_t id = 0;
	xmlNodePtr shown;
	size_t i;
	int st, ok = 0;
	unsigned org;
	enum perr e;

	REQUIRE(r, A_KEYS);
	if ((org = org_of(r, &st)) == 0)
		return st;
	for (i = 0; i < NSCOPES; i++)
		if (req_val(r, scope_fields[i].k) != NULL)
			snprintf(scopes + strlen(scopes), sizeof(scopes) - strlen(scopes), "%s%s",
			         scopes[0] ? " " : "", scope_fields[i].scope);
	if (name == NULL || r->bad[K_RATE] || scopes[0] == '\0') {
		if ((name == NULL &&
		     xml_form_error(r, "key_name", r->bad[K_NAME] ? "invalid" : "required")) ||
		    (r->bad[K_RATE] && xml_form_error(r, "rate", "invalid")) ||
		    (scopes[0] == '\0' && xml_form_error(r, "scopes", "scopes-required")))
			return page_error(r, 500, "internal");
		return keys_page(r, org, 400);
	}
	if ((st = console_password_again(r, req_val(r, K_PASSWORD), &ok)) != 0)
		return st;
	if (!ok) {
		if (xml_form_error(r, "password", "password-wrong") != 0)
			return page_error(r, 500, "internal");
		return keys_page(r, org, 422);
	}
	/* 32 random bytes: a key is looked up by its hash, no slow hash is needed. */
	randombytes_buf(raw, sizeof(raw));
	memcpy(token, "kb_", 3);
	sodium_bin2base64(token + 3, sizeof(token) - 3, raw, sizeof(raw),
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	crypto_generichash(hash, sizeof(hash), (const unsigned char *)token, strlen(token), NULL,
	                   0);
	snprintf(prefix, sizeof(prefix), "%.11s", token);
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_api_key_new(org, name->s, prefix, hash, scopes,
	                        rate ? (unsigned)rate->i : RATE_DEFAULT, r->staff->staff_id,
	                        &id)) != PERR_OK ||
	    (e = console_audit(r, org, "api-key-create", "api-key", console_u64(r->arena, id), NULL,
	                       arena_printf(r->arena, "%s: %s, %s", prefix, name->s, scopes))) !=
	            PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		sodium_memzero(token, sizeof(token));
		return page_fail(r, e);
	}
	/* Shown on this answer only (no-store, like every page); never again. */
	shown = xml_text(r->root, "new-key", token);
	sodium_memzero(token, sizeof(token));
	if (shown == NULL || xml_attr(shown, "prefix", prefix))
		return page_error(r, 500, "internal");
	return keys_page(r, org, 200);
}

static int keys_handler(struct req *r)
{
	return r->method == M_POST ? keys_post(r) : keys_get(r);
}

static int keys_revoke_post(struct req *r)
{
	const struct fval *id = req_val(r, K_ID);
	int st;
	unsigned org;
	enum perr e;

	REQUIRE(r, A_KEYS);
	if ((org = org_of(r, &st)) == 0)
		return st;
	if (id == NULL)
		return page_error(r, 404, "not-found");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	if ((e = db_api_key_revoke((uint64_t)id->i, org)) != PERR_OK ||
	    (e = console_audit(r, org, "api-key-revoke", "api-key", id->s, NULL, NULL)) !=
	            PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	return page_redirect(
	        r, arena_printf(r->arena, "/admin/exchange/keys?org=%u&done=revoked", org));
}

/* ---------------------------------------------------------------- the program */

static const struct page pages[] = {
        {"/admin/exchange", M_GET, PAGE_SESSION, "exchange", list_get},
        {"/admin/exchange/upload", M_POST, PAGE_SESSION | PAGE_UPLOAD, "exchange", upload_post},
        {"/admin/exchange/import", M_GET, PAGE_SESSION, "import", import_get},
        {"/admin/exchange/apply", M_POST, PAGE_SESSION, "import", apply_post},
        {"/admin/exchange/report", M_GET, PAGE_SESSION, "import-report", report_get},
        {"/admin/exchange/export", M_GET, PAGE_SESSION, "export", export_get},
        {"/admin/exchange/keys", M_GET | M_POST, PAGE_SESSION, "api-keys", keys_handler},
        {"/admin/exchange/keys/revoke", M_POST, PAGE_SESSION, "api-keys", keys_revoke_post},
};

static const struct section section = {
        .name = "admin",
        .program = "exchange",
        .pages = pages,
        .npages = sizeof(pages) / sizeof(pages[0]),
        .fields = fields,
        .nfields = K__MAX,
        .load_session = staff_session_load,
        .login_path = "/admin/login",
        .nav = console_nav,
        .upload = upload_open,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
