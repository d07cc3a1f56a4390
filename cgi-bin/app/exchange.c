/*
 * exchange.c: an import from file to live tables.
 *
 *   store     the bytes go to the database in chunks (any host's worker can
 *             read them); checksum, size and line count on the way
 *   check     the file streams through the CSV reader; each row is
 *             validated field by field in C and staged in batches; then the
 *             checks that need the live tables or the whole file run as a
 *             few statements over the staged rows; then the dry run's counts
 *   apply     one transaction: every change of the file or none of it
 *
 * A file with any refused row is not applied at all: a month's charges are
 * never half there.  The organization's import lock (db_import_lock) keeps
 * two imports of one organization apart; a worker that dies drops it with
 * its connection, and the next run does the step again from the start.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <sodium.h>

#include "app/credit.h"
#include "app/exchange.h"
#include "app/exchange_format.h"
#include "billing/account.h"
#include "billing/receipt.h"
#include "core/arena.h"
#include "core/csvin.h"
#include "core/date.h"
#include "core/decimal.h"
#include "core/log.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "core/utf8.h"
#include "core/valid.h"
#include "db/audit.h"
#include "db/db.h"
#include "db/exchange.h"

#define PROBLEMS_MAX 10000 /* written; every refused row is counted */
#define PAYMENT_PAGE 200

/* ---------------------------------------------------------------- storing */

enum perr exchange_store(uint64_t id, long (*read)(void *, char *, size_t), void *ctx, uint64_t max,
                         int queue, uint64_t *bytes)
{
	static char buf[IMPORT_CHUNK];
	crypto_hash_sha256_state sha;
	unsigned char digest[crypto_hash_sha256_BYTES];
	char hex[2 * crypto_hash_sha256_BYTES + 1];
	uint64_t total = 0, lines = 0;
	unsigned seq = 0;
	int last_nl = 1;
	enum perr e;

	crypto_hash_sha256_init(&sha);
	for (;;) {
		size_t n = 0;
		long k = 0;
		const char *p;

		/* A chunk is filled before it is stored: a slow client's small reads
		 * do not become many small rows. */
		while (n < sizeof(buf) && (k = read(ctx, buf + n, sizeof(buf) - n)) > 0)
			n += (size_t)k;
		if (k < 0)
			return PERR_BAD_INPUT; /* the sender stopped halfway */
		if (n == 0)
			break;
		total += n;
		if (total > max)
			return PERR_TOO_LARGE;
		crypto_hash_sha256_update(&sha, (const unsigned char *)buf, n);
		for (p = buf; (p = memchr(p, '\n', (size_t)(buf + n - p))) != NULL; p++)
			lines++;
		last_nl = buf[n - 1] == '\n';
		if ((e = db_import_chunk(id, seq++, buf, n)) != PERR_OK)
			return e;
		if (n < sizeof(buf))
			break;
	}
	if (!last_nl)
		lines++;
	crypto_hash_sha256_final(&sha, digest);
	sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
	*bytes = total;
	/* Lines after the header: the progress bar's end. */
	return db_import_stored(id, hex, total, lines > 0 ? lines - 1 : 0, queue);
}

/* ---------------------------------------------------------------- checking */

struct val {
	int present;
	long long i;
	const char *s;
	size_t len;
};

struct checker {
	struct arena *ar;      /* the run's */
	struct arena *scratch; /* staged text, until its batch is sent */
	const struct import_row *imp;
	enum stage_kind kind;
	int map[CSVIN_FIELDS_MAX]; /* file column -> spec column, -1: ignored */
	size_t ncols;              /* columns in the header */
	int header_ok;
	uint64_t rows, refused, problems, staged, bytes;
	enum perr err;
	struct timespec last;
	void (*progress)(void *, const struct exchange_progress *);
	void *pctx;
	const struct currency *cur; /* the organization's: a supplier's bank details are checked by it */
};

/* At most 200 characters of what was in the file, fit to show: bytes that
 * are not UTF-8 and control characters become '?'. */
static const char *shown(struct arena *ar, const char *s, size_t len)
{
	char *out = arena_alloc(ar, 200 * 4 + 1);
	size_t o = 0, i = 0, chars = 0;

	if (out == NULL)
		return "";
	while (i < len && chars < 200) {
		unsigned char c = (unsigned char)s[i];
		size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;

		if (c >= 0x80 && (i + k > len || !utf8_valid(s + i, k)))
			k = 0;
		if (k == 0 || (k == 1 && (c < 0x20 || c == 0x7F))) {
			out[o++] = '?';
			i++;
		} else {
			memcpy(out + o, s + i, k);
			o += k;
			i += k;
		}
		chars++;
	}
	out[o] = '\0';
	return out;
}

static enum perr problem(struct checker *c, uint64_t line, const char *col, const char *value,
                         size_t vlen, const char *code, const char *detail)
{
	struct import_problem p = {line, col, shown(c->ar, value, vlen), code, detail};

	if (c->problems >= PROBLEMS_MAX)
		return PERR_OK;
	c->problems++;
	return db_import_problem(c->imp->id, &p);
}

static int in_choices(const char *const *ch, const char *s, size_t len)
{
	for (; *ch; ch++)
		if (strlen(*ch) == len && memcmp(*ch, s, len) == 0)
			return 1;
	return 0;
}

/* "2026-10-05", "05.10.2026", either with " 14:30" or " 14:30:15". */
static int stamp_parse(const char *s, size_t len, char out[20])
{
	day_t d;
	int hh = 0, mm = 0, ss = 0, y, mo, dd;

	if (len < 10 || day_parse_file(s, 10, &d) != 0)
		return -1;
	if (len > 10) {
		if (s[10] != ' ' && s[10] != 'T')
			return -1;
		if (len == 16 && sscanf(s + 11, "%2d:%2d", &hh, &mm) != 2)
			return -1;
		if (len == 19 && sscanf(s + 11, "%2d:%2d:%2d", &hh, &mm, &ss) != 3)
			return -1;
		if ((len != 16 && len != 19) || hh > 23 || mm > 59 || ss > 59 || hh < 0 || mm < 0 ||
		    ss < 0)
			return -1;
	}
	day_to_civil(d, &y, &mo, &dd);
	snprintf(out, 20, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, dd, hh, mm, ss);
	return 0;
}

/* One field by its column's rule; the problem's code, or NULL if it passed. */
static const char *field(struct checker *c, const struct col *k, const char *s, size_t len,
                         struct val *v)
{
	struct field f = {k->name, NULL, k->min, k->max};
	struct fval fv = {0, NULL, 0, 0};
	const struct currency *two = currency_find("RUB"); /* every currency has two decimals */
	day_t d;
	month_t m;
	char buf[20];

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	if (len == 0)
		return k->required ? "required" : NULL;
	v->present = 1;
	switch (k->t) {
	case T_TEXT:
		if (valid_text(&f, s, len, c->scratch, &fv) != 0)
			return !utf8_valid(s, len)                 ? "encoding"
			       : utf8_len(s, len) > (size_t)k->max ? "too-long"
			                                           : "text";
		break;
	case T_NUMBER:
		if (valid_code(&f, s, len, c->scratch, &fv) != 0)
			return "number";
		break;
	case T_CODE:
		if (valid_token(&f, s, len, c->scratch, &fv) != 0)
			return "code";
		break;
	case T_EMAIL:
		if (valid_email(&f, s, len, c->scratch, &fv) != 0)
			return "email";
		break;
	case T_INN:
		if ((len != 10 && len != 12) || valid_token(&f, s, len, c->scratch, &fv) != 0 ||
		    strspn(s, "0123456789") < len)
			return "inn";
		break;
	case T_CHOICE:
		if (!in_choices(k->choices, s, len))
			return "choice";
		fv.s = s;
		fv.len = len;
		break;
	case T_INT:
		if (decimal_parse(s, len, 0, 0, &fv.i) != 0)
			return "integer";
		if (fv.i < k->min || fv.i > k->max)
			return "range";
		break;
	case T_QTY1:
	case T_QTY2:
	case T_QTY3:
	case T_PRICE:
		if (decimal_parse(s, len,
		                  k->t == T_QTY1   ? 1
		                  : k->t == T_QTY2 ? 2
		                  : k->t == T_QTY3 ? 3
		                                   : 2 + PRICE_DIGITS,
		                  k->min < 0, &fv.i) != 0)
			return "decimal";
		if (fv.i < k->min || fv.i > k->max)
			return "range";
		break;
	case T_MONEY:
		if (money_parse(s, len, two, k->min < 0, &fv.i) != 0)
			return "money";
		if (fv.i < k->min || fv.i > k->max)
			return "range";
		break;
	case T_DATE:
		if (day_parse_file(s, len, &d) != 0)
			return "date";
		day_format(d, buf);
		fv.s = arena_strdup(c->scratch, buf);
		fv.len = 10;
		break;
	case T_MONTH:
		if (month_parse(s, len, &m) != 0) {
			int y, mo, dd;

			if (day_parse_file(s, len, &d) != 0)
				return "month";
			day_to_civil(d, &y, &mo, &dd);
			m = y * 12 + mo - 1;
		}
		month_date(m, buf);
		fv.s = arena_strdup(c->scratch, buf);
		fv.len = 10;
		break;
	case T_STAMP:
		if (stamp_parse(s, len, buf) != 0)
			return "stamp";
		fv.s = arena_strdup(c->scratch, buf);
		fv.len = 19;
		break;
	}
	if (fv.s == NULL && k->t != T_INT && k->t != T_QTY1 && k->t != T_QTY2 && k->t != T_QTY3 &&
	    k->t != T_PRICE && k->t != T_MONEY)
		return "text";
	v->i = fv.i;
	v->len = fv.len;
	/* A validator may hand back the record's own text, which the next record
	 * overwrites: what is staged is a copy, kept until its batch is sent. */
	if (fv.s != NULL && (v->s = arena_strndup(c->scratch, fv.s, fv.len)) == NULL)
		return "text";
	return NULL;
}

#define TXT(v)       ((struct stage_cell){!(v).present, 0, (v).s, (v).len})
#define NUM(v, dflt) ((struct stage_cell){0, (v).present ? (v).i : (dflt), NULL, 0})

static int ip_address_valid(const char *s)
{
	unsigned char buf[sizeof(struct in6_addr)];

	return inet_pton(AF_INET, s, buf) == 1 || inet_pton(AF_INET6, s, buf) == 1;
}

/* The services file's column that holds the detail payee_check() found wrong. */
static const char *payee_column(const char *bad)
{
	static const char *const map[][2] = {
	        {"bic", "supplier_bic"},           {"bank-account", "supplier_account"},
	        {"corr-account", "supplier_corr_account"}, {"inn", "supplier_inn"},
	        {"kpp", "supplier_kpp"},           {"bank-name", "supplier_bank_name"},
	        {"qr-name", "supplier_qr_name"},   {"name", "supplier_name"},
	};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i][0], bad) == 0)
			return map[i][1];
	return "supplier_account";
}

/* The row's staged cells, in its staging table's order; a problem's code and
 * column when a rule across fields fails. */
static const char *cells_of(struct checker *c, const struct val *v, struct stage_cell *out,
                            const char **col, const char **detail)
{
	char *addr;
	long long sum;

	switch (c->kind) {
	case SK_ACCOUNTS:
		addr = v[3].present ? arena_printf(c->scratch, "%s, д. %s, кв. %s", v[1].s, v[2].s,
		                                   v[3].s)
		                    : arena_printf(c->scratch, "%s, д. %s", v[1].s, v[2].s);
		if (addr == NULL || strlen(addr) > 300)
			return *col = "street", "too-long";
		out[0] = TXT(v[0]);
		out[1] = (struct stage_cell){0, 0, addr, strlen(addr)};
		out[2] = NUM(v[4], 0);
		out[3] = NUM(v[5], 0);
		out[4] = TXT(v[6]);
		out[5] = TXT(v[7]);
		out[6] = TXT(v[8]);
		return NULL;
	case SK_SERVICES:
		if (v[8].present || v[9].present || v[10].present || v[11].present) {
			/* Paid directly: the details a payment order needs, checked as
			 * the organization's are, the QR code's limits included. */
			struct organization o;
			const char *bad;

			if (!v[8].present || !v[9].present || !v[10].present)
				return *col = !v[8].present ? "supplier_bank_name"
				              : !v[9].present ? "supplier_bic"
				                              : "supplier_account",
				       "required";
			memset(&o, 0, sizeof(o));
			o.name = v[4].s;
			o.inn = v[5].s;
			o.kpp = v[7].present ? v[7].s : NULL;
			o.bank_name = v[8].s;
			o.bic = v[9].s;
			o.bank_account = v[10].s;
			o.corr_account = v[11].present ? v[11].s : "";
			o.short_name = v[12].present ? v[12].s : NULL;
			o.cur = c->cur;
			if ((bad = payee_check(&o)) != NULL) {
				*detail = bad;
				return *col = payee_column(bad), "bank-details";
			}
		}
		for (size_t i = 0; i < 13; i++)
			out[i] = TXT(v[i]);
		return NULL;
	case SK_METERS:
		out[0] = TXT(v[0]);
		out[1] = TXT(v[1]);
		out[2] = TXT(v[2]);
		out[3] = TXT(v[3]);
		out[4] = NUM(v[4], 1);
		out[5] = NUM(v[5], 0);
		/* Electricity registers count whole kWh; water, gas and heat thousandths. */
		out[6] = NUM(v[6], strcmp(v[3].s, "electricity") == 0 ? 0 : 3);
		out[7] = TXT(v[7]);
		out[8] = TXT(v[8]);
		return NULL;
	case SK_CHARGES:
		/* The roll-forward: closing = opening + charge + recalculation + penalties - paid.
		 */
		sum = v[3].i + v[6].i + (v[7].present ? v[7].i : 0) + (v[9].present ? v[9].i : 0) -
		      (v[10].present ? v[10].i : 0);
		if (sum != v[11].i) {
			*detail = decimal_text(c->scratch, sum, 2);
			return *col = "closing", "roll-forward";
		}
		if (v[7].present && v[7].i != 0 && !v[8].present)
			return *col = "recalculation_reason", "reason-required";
		out[0] = TXT(v[0]);
		out[1] = TXT(v[1]);
		out[2] = TXT(v[2]);
		out[3] = NUM(v[5], 0); /* rate */
		out[4] = NUM(v[4], 0); /* quantity */
		out[5] = NUM(v[3], 0); /* opening */
		out[6] = NUM(v[6], 0); /* charge */
		out[7] = NUM(v[7], 0); /* recalculation */
		out[8] = TXT(v[8]);
		out[9] = NUM(v[9], 0);   /* penalties */
		out[10] = NUM(v[10], 0); /* paid */
		out[11] = NUM(v[11], 0);
		return NULL;
	case SK_PAYMENTS:
		out[0] = TXT(v[1]);
		out[1] = TXT(v[2]);
		out[2] = NUM(v[3], 0);
		out[3] = TXT(v[4]);
		out[4] = TXT(v[5]);
		out[5] = TXT(v[0]);
		return NULL;
	case SK_READINGS:
		out[0] = TXT(v[0]);
		out[1] = TXT(v[1]);
		out[2] = NUM(v[2], 1);
		out[2].i -= 1; /* the file counts zones from 1, the tables from 0 */
		out[3] = TXT(v[3]);
		out[4] = NUM(v[4], 0);
		return NULL;
	case SK_TARIFFS:
		if (strcmp(v[7].s, v[6].s) < 0)
			return *col = "valid_to", "period";
		if (v[12].i > v[8].i)
			return *col = "tier", "tier-range";
		if (v[13].i > v[4].i)
			return *col = "zone", "zone-range";
		/* A tier below the last has its upper bounds, one per household. */
		if (v[12].i < v[8].i &&
		    (!v[15].present || !v[16].present || !v[17].present || !v[18].present))
			return *col = "limit_gas", "limits-required";
		for (size_t i = 0; i < 4; i++)
			out[i] = TXT(v[i]);
		out[4] = NUM(v[4], 1);
		out[5] = NUM(v[5], 1);
		out[6] = TXT(v[6]);
		out[7] = TXT(v[7]);
		out[8] = NUM(v[8], 1);
		out[9] = NUM(v[9], 0);
		out[10] = NUM(v[10], 0);
		/* Left empty: the organization's default (sql/039), not 0. */
		out[11] = v[11].present ? NUM(v[11], 0) : (struct stage_cell){1, 0, NULL, 0};
		/* Tiers and zones count from 1 in the file, from 0 in the tables. */
		out[12] = NUM(v[12], 1);
		out[12].i -= 1;
		out[13] = NUM(v[13], 1);
		out[13].i -= 1;
		out[14] = NUM(v[14], 0);
		for (size_t i = 15; i < 19; i++) /* the last tier has no upper bound */
			out[i] = v[12].i < v[8].i ? NUM(v[i], 0)
			                          : (struct stage_cell){1, 0, NULL, 0};
		out[19] = NUM(v[19], 0);
		out[20] = NUM(v[20], 0);
		return NULL;
	case SK_TARIFF_LIMITS:
		out[0] = TXT(v[0]);
		out[1] = TXT(v[1]);
		out[2] = TXT(v[2]);
		out[3] = NUM(v[3], 0);
		out[4] = v[4].present ? TXT(v[4]) : (struct stage_cell){0, 0, "any", 3};
		out[5] = NUM(v[5], 1);
		out[5].i -= 1; /* tiers count from 1 in the file, from 0 in the tables */
		out[6] = NUM(v[6], 0);
		return NULL;
	case SK_CHARGE_LINES:
		for (size_t i = 0; i < 3; i++)
			out[i] = TXT(v[i]);
		out[3] = NUM(v[3], 0); /* 0: the line is not by zone */
		out[4] = NUM(v[4], 0);
		out[5] = NUM(v[5], 0);
		out[6] = NUM(v[6], 0);
		out[7] = NUM(v[7], 0);
		return NULL;
	case SK_CONNECTIONS:
		/* The line's address: IPv4 or IPv6 in their usual forms, not a host name. */
		if (v[6].present && !ip_address_valid(v[6].s))
			return *col = "ip_address", "ip-address";
		for (size_t i = 0; i < 3; i++)
			out[i] = TXT(v[i]);
		out[3] = NUM(v[3], 0);
		out[4] = NUM(v[4], 0);
		out[5] = TXT(v[5]);
		out[6] = TXT(v[6]);
		out[7] = TXT(v[7]);
		return NULL;
	case SK_OBJECTS:
		for (size_t i = 0; i < 5; i++)
			out[i] = TXT(v[i]);
		return NULL;
	case SK_EVENTS:
		for (size_t i = 0; i < 7; i++)
			out[i] = TXT(v[i]);
		return NULL;
	case SK_USAGE:
		/* Both stamps are "YYYY-MM-DD HH:MM:SS": as text, in time order. */
		if (strcmp(v[5].s, v[4].s) < 0)
			return *col = "ended_at", "period";
		if (strcmp(v[3].s, "call") == 0 && !v[6].present)
			return *col = "number", "number-required";
		for (size_t i = 0; i < 7; i++)
			out[i] = TXT(v[i]);
		for (size_t i = 7; i < 10; i++) /* empty stays NULL: not known, not zero */
			out[i] = (struct stage_cell){!v[i].present, v[i].i, NULL, 0};
		return NULL;
	case SK__N: break;
	}
	return "internal";
}

static enum perr header(struct checker *c, const struct csvin_rec *r)
{
	size_t n, i, j;
	const struct col *cols = exchange_cols(c->kind, &n);
	int seen[24] = {0};
	enum perr e;

	c->ncols = r->n;
	c->header_ok = 1;
	for (i = 0; i < r->n; i++) {
		char name[40];
		size_t len = r->len[i], o = 0;
		const char *s = r->f[i];

		while (len > 0 && (*s == ' ' || *s == '"'))
			s++, len--;
		while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\r'))
			len--;
		for (j = 0; j < len && o + 1 < sizeof(name); j++)
			name[o++] = (char)(s[j] >= 'A' && s[j] <= 'Z' ? s[j] - 'A' + 'a' : s[j]);
		name[o] = '\0';
		c->map[i] = -1;
		for (j = 0; j < n; j++)
			if (strcmp(name, cols[j].name) == 0)
				break;
		if (j == n || seen[j]) {
			c->header_ok = 0;
			if ((e = problem(c, 1, "-", r->f[i], r->len[i],
			                 j == n ? "unknown-column" : "column-twice", NULL)) !=
			    PERR_OK)
				return e;
			continue;
		}
		seen[j] = 1;
		c->map[i] = (int)j;
	}
	for (j = 0; j < n; j++) {
		if (cols[j].required && !seen[j]) {
			c->header_ok = 0;
			if ((e = problem(c, 1, cols[j].name, "", 0, "missing-column", NULL)) !=
			    PERR_OK)
				return e;
		}
	}
	return PERR_OK;
}

static void report(struct checker *c, const char *status)
{
	struct exchange_progress p = {c->imp->id,          status,   c->rows,
	                              c->imp->lines_total, c->bytes, c->imp->bytes};

	if (c->progress)
		c->progress(c->pctx, &p);
}

/*
 * The rows staged so far, and the count shown to whoever watches, committed
 * together; the next second's rows go into a new transaction.  A batch a
 * transaction made every staged row wait for its own commit's flush to
 * disk: 7 876 of them for a million rows, 1.6 ms each on a quiet day and 5
 * on a busy one.  A worker that dies loses only uncommitted staging, which
 * a step redone starts again anyway (db_import_reset).
 */
static enum perr staged_so_far(struct checker *c)
{
	enum perr e;

	if ((e = db_import_progress(c->imp->id, c->rows, c->bytes)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK)
		return e;
	return db_begin();
}

static enum perr maybe_report(struct checker *c)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec == c->last.tv_sec)
		return PERR_OK;
	c->last = now;
	report(c, "checking");
	return staged_so_far(c);
}

static int each_record(void *p, const struct csvin_rec *r)
{
	struct checker *c = p;
	size_t ncols, i;
	const struct col *cols = exchange_cols(c->kind, &ncols);
	struct val v[24];
	struct stage_cell cells[24];
	const char *code = NULL, *col = NULL, *detail = NULL;

	if (r->line == 1 || c->ncols == 0) {
		c->err = header(c, r);
		return c->err != PERR_OK || !c->header_ok;
	}
	c->rows++;
	memset(v, 0, sizeof(v));
	if (r->too_many || r->n != c->ncols) {
		char got[24], want[24];

		snprintf(got, sizeof(got), "%zu%s", r->n, r->too_many ? "+" : "");
		snprintf(want, sizeof(want), "%zu", c->ncols);
		c->refused++;
		c->err = problem(c, r->line, "-", got, strlen(got), "columns",
		                 arena_strdup(c->ar, want));
		goto next;
	}
	for (i = 0; i < r->n; i++) {
		const char *bad;

		if (c->map[i] < 0)
			continue;
		bad = field(c, &cols[c->map[i]], r->f[i], r->len[i], &v[c->map[i]]);
		if (bad != NULL && code == NULL) {
			code = bad;
			col = cols[c->map[i]].name;
			if ((c->err = problem(c, r->line, col, r->f[i], r->len[i], bad, NULL)) !=
			    PERR_OK)
				return 1;
		}
	}
	/* A required column may be missing from the header only if refused there. */
	for (i = 0; code == NULL && i < ncols; i++)
		if (cols[i].required && !v[i].present) {
			code = "required";
			c->err = problem(c, r->line, cols[i].name, "", 0, code, NULL);
		}
	if (code == NULL && (code = cells_of(c, v, cells, &col, &detail)) != NULL) {
		size_t k;

		for (k = 0; k < ncols && strcmp(cols[k].name, col) != 0; k++)
			;
		for (i = 0; i < r->n && c->map[i] != (int)k; i++)
			;
		c->err = problem(c, r->line, col, i < r->n ? r->f[i] : "", i < r->n ? r->len[i] : 0,
		                 code, detail);
	}
	if (code != NULL) {
		c->refused++;
		goto next;
	}
	if ((c->err = db_stage_row(c->kind, c->imp->id, r->line, cells)) != PERR_OK)
		return 1;
	if (++c->staged % DB_STAGE_BATCH == 0)
		arena_reset(c->scratch);
next:
	if (c->err == PERR_OK)
		c->err = maybe_report(c);
	return c->err != PERR_OK;
}

static const char *csv_error_code(enum csvin_status st)
{
	switch (st) {
	case CSVIN_TOO_LONG: return "line-too-long";
	case CSVIN_BAD_QUOTE: return "quote";
	default: return "unreadable";
	}
}

static enum perr check(struct arena *ar, const struct import_row *imp, enum stage_kind kind,
                       void (*progress)(void *, const struct exchange_progress *), void *pctx)
{
	static unsigned char buf[IMPORT_CHUNK];
	struct checker c;
	struct csvin *in = csvin_new(0);
	enum csvin_status st = CSVIN_OK;
	uint64_t bad = 0, n_new = 0, changed = 0, unchanged = 0;
	unsigned seq;
	char delim[2] = "";
	enum perr e;

	memset(&c, 0, sizeof(c));
	c.ar = ar;
	c.imp = imp;
	c.kind = kind;
	c.progress = progress;
	c.pctx = pctx;
	c.scratch = arena_new(4u << 20);
	if (in == NULL || c.scratch == NULL) {
		e = PERR_NOMEM;
		goto out;
	}
	/* Only a services file has bank details to check by the country's rules. */
	if (kind == SK_SERVICES && (e = db_import_currency(ar, imp->org, &c.cur)) != PERR_OK)
		goto out;
	if ((e = db_import_reset(kind, imp->id)) != PERR_OK || (e = db_begin()) != PERR_OK)
		goto out;
	for (seq = 0; st == CSVIN_OK; seq++) {
		size_t len = 0;

		e = db_import_read_chunk(imp->id, seq, buf, sizeof(buf), &len);
		if (e == PERR_NOT_FOUND)
			break;
		if (e != PERR_OK)
			goto out;
		c.bytes += len;
		st = csvin_feed(in, (const char *)buf, len, each_record, &c);
	}
	if (st == CSVIN_OK)
		st = csvin_finish(in, each_record, &c);
	if (c.err != PERR_OK) {
		e = c.err;
		goto out;
	}
	if ((e = db_stage_flush(kind)) != PERR_OK)
		goto out;
	arena_reset(c.scratch);
	delim[0] = csvin_delimiter(in);
	if ((e = db_import_found(imp->id, csvin_encoding(in), delim)) != PERR_OK ||
	    (e = db_import_progress(imp->id, c.rows, c.bytes)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK)
		goto out;
	if (st != CSVIN_OK && st != CSVIN_STOPPED) {
		/* The file cannot be read on: it is refused as a whole. */
		if ((e = problem(&c, c.rows + 2, "-", "", 0, csv_error_code(st), NULL)) != PERR_OK)
			goto out;
		c.refused = c.rows + 1;
	}
	if (c.ncols == 0 && (e = problem(&c, 1, "-", "", 0, "empty", NULL)) != PERR_OK)
		goto out;
	if (!c.header_ok) {
		c.refused = imp->lines_total > c.rows ? imp->lines_total : c.rows;
		if (c.refused == 0)
			c.refused = 1;
	} else if ((e = db_stage_check(kind, imp->id, imp->org, &bad)) != PERR_OK) {
		goto out;
	}
	c.refused += bad;
	if (c.refused == 0 &&
	    (e = db_stage_diff(kind, imp->id, imp->org, &n_new, &changed, &unchanged)) != PERR_OK)
		goto out;
	if ((e = db_import_counts(imp->id, n_new, changed, unchanged, c.refused)) != PERR_OK)
		goto out;
	if (c.refused > 0 && (e = db_stage_clear(kind, imp->id)) != PERR_OK)
		goto out;
	e = db_import_status(imp->id, "checking", c.refused > 0 ? "refused" : "checked");
	report(&c, c.refused > 0 ? "refused" : "checked");
out:
	/* Staging's transaction, if it failed there (after it, ROLLBACK does nothing). */
	if (e != PERR_OK)
		db_rollback();
	csvin_free(in);
	arena_free(c.scratch);
	return e;
}

/* ---------------------------------------------------------------- applying */

struct pay_page {
	struct stage_payment p[PAYMENT_PAGE];
	size_t n;
	struct arena *ar;
};

static enum perr keep_payment(void *v, const struct stage_payment *p)
{
	struct pay_page *pg = v;

	pg->p[pg->n++] = *p;
	return PERR_OK;
}

/* Each new payment is recorded and credited to the ledger as a payment made
 * online is: the subscriber sees it before the next month's charges. */
static enum perr apply_payments(struct arena *ar, const struct import_row *imp)
{
	struct pay_page *pg = arena_alloc(ar, sizeof(*pg));
	uint64_t after = 0;
	size_t i;
	enum perr e;

	if (pg == NULL)
		return PERR_NOMEM;
	do {
		pg->n = 0;
		if ((e = db_stage_new_payments(ar, imp->id, imp->org, after, PAYMENT_PAGE,
		                               keep_payment, pg)) != PERR_OK)
			return e;
		for (i = 0; i < pg->n; i++) {
			struct credit cr;
			uint64_t pid = 0;

			after = pg->p[i].line;
			if ((e = db_exchange_lock_account(pg->p[i].account)) != PERR_OK ||
			    (e = credit_plan(ar, pg->p[i].account, pg->p[i].amount, &cr)) !=
			            PERR_OK ||
			    (e = db_payment_insert_source(&pg->p[i], imp->org, &pid)) != PERR_OK ||
			    (e = credit_apply(&cr, pid)) != PERR_OK)
				return e;
		}
	} while (pg->n == PAYMENT_PAGE);
	return PERR_OK;
}

static enum perr apply(struct arena *ar, const struct import_row *imp, enum stage_kind kind,
                       const char *actor)
{
	char after[200];
	struct audit_entry a = {0,        actor, "-",  imp->org, "import-applied",
	                        "import", NULL,  NULL, after};
	enum perr e;

	snprintf(after, sizeof(after), "%s %s: new %llu, changed %llu, unchanged %llu", imp->kind,
	         imp->sha256 ? imp->sha256 : "-", (unsigned long long)imp->n_new,
	         (unsigned long long)imp->n_changed, (unsigned long long)imp->n_unchanged);
	a.object_id = arena_printf(ar, "%llu", (unsigned long long)imp->id);
	if (a.object_id == NULL)
		return PERR_NOMEM;
	if ((e = db_begin()) != PERR_OK)
		return e;
	e = kind == SK_PAYMENTS ? apply_payments(ar, imp) : db_stage_apply(kind, imp->id, imp->org);
	if (e == PERR_OK)
		e = db_audit_add(&a);
	if (e == PERR_OK)
		e = db_import_status(imp->id, "applying", "applied");
	/* The staged rows go with the same commit: a worker killed after it and
	 * before a separate delete left them for good, as no one redoes an
	 * applied import. */
	if (e == PERR_OK)
		e = db_stage_clear(kind, imp->id);
	if (e == PERR_OK)
		e = db_commit();
	if (e != PERR_OK)
		db_rollback();
	return e;
}

enum perr exchange_run(struct arena *ar, uint64_t id, const char *actor,
                       void (*progress)(void *, const struct exchange_progress *), void *ctx)
{
	struct import_row imp;
	int kind;
	enum perr e, e2;

	if ((e = db_import_get(ar, id, 0, &imp)) != PERR_OK)
		return e;
	if ((kind = exchange_kind(imp.kind)) < 0)
		return PERR_BAD_INPUT;
	if (strcmp(imp.status, "queued") != 0 && strcmp(imp.status, "checking") != 0 &&
	    strcmp(imp.status, "applying") != 0 && strcmp(imp.status, "uploading") != 0)
		return PERR_OK; /* nothing to do: done, refused, or waiting for a decision */
	if ((e = db_import_lock(imp.org, id)) != PERR_OK)
		return e;
	if (strcmp(imp.status, "applying") != 0) {
		if ((e = db_import_status(id, imp.status, "checking")) != PERR_OK ||
		    (e = check(ar, &imp, (enum stage_kind)kind, progress, ctx)) != PERR_OK)
			goto out;
		if ((e = db_import_get(ar, id, 0, &imp)) != PERR_OK)
			goto out;
		if (strcmp(imp.status, "checked") != 0 || strcmp(imp.mode, "apply") != 0)
			goto out;
		if ((e = db_import_status(id, "checked", "applying")) != PERR_OK)
			goto out;
	}
	if (progress) {
		struct exchange_progress p = {id,        "applying", imp.rows_done, imp.lines_total,
		                              imp.bytes, imp.bytes};

		progress(ctx, &p);
	}
	e = apply(ar, &imp, (enum stage_kind)kind, actor ? actor : imp.created_by);
out:
	if (e != PERR_OK && e != PERR_DB_DOWN && db_import_fail(id, perr_str(e)) != PERR_OK)
		log_msg(LOG_ERR, "import %llu: could not record its failure",
		        (unsigned long long)id);
	if ((e2 = db_import_unlock(imp.org)) != PERR_OK && e == PERR_OK)
		e = e2;
	return e;
}
