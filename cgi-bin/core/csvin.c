/*
 * csvin.c: a CSV file read as it streams in (libcsv does the quoting).
 *
 * Bytes go through three steps: the encoding is decided at the first byte
 * outside ASCII (a valid UTF-8 sequence there means UTF-8, anything else
 * Windows-1251) and the text converted to UTF-8; the header line is held
 * until its end to choose the separator; then libcsv splits records and
 * fields, fed at most a slice at a time so that a record that never ends is
 * noticed before it has taken more than CSVIN_RECORD_MAX bytes.
 */
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "core/csvin.h"

#define SLICE 4096

enum enc { ENC_UNDECIDED, ENC_UTF8, ENC_CP1251 };

struct csvin {
	struct csv_parser p;
	int p_ready;
	char delim;
	enum enc enc;
	int at_start; /* a BOM may still come: bom holds what came of it */
	unsigned char bom[3];
	size_t nbom;
	unsigned char carry[4]; /* an undecided sequence cut by the end of a feed */
	size_t ncarry;

	char head[CSVIN_RECORD_MAX]; /* the header line, until the separator is known */
	size_t nhead;

	/* the record being assembled */
	char rec[CSVIN_RECORD_MAX + CSVIN_FIELDS_MAX];
	size_t nrec;
	struct csvin_rec r;
	size_t since_record; /* bytes fed since the last record ended */
	int overflow;

	uint64_t lines_done;
	int (*each)(void *, const struct csvin_rec *);
	void *ctx;
	int stopped;
};

/* Windows-1251's upper half in Unicode (0x98 is unassigned: U+FFFD). */
static const unsigned short cp1251[128] = {
        0x0402,
        0x0403,
        0x201A,
        0x0453,
        0x201E,
        0x2026,
        0x2020,
        0x2021,
        0x20AC,
        0x2030,
        0x0409,
        0x2039,
        0x040A,
        0x040C,
        0x040B,
        0x040F,
        0x0452,
        0x2018,
        0x2019,
        0x201C,
        0x201D,
        0x2022,
        0x2013,
        0x2014,
        0xFFFD,
        0x2122,
        0x0459,
        0x203A,
        0x045A,
        0x045C,
        0x045B,
        0x045F,
        0x00A0,
        0x040E,
        0x045E,
        0x0408,
        0x00A4,
        0x0490,
        0x00A6,
        0x00A7,
        0x0401,
        0x00A9,
        0x0404,
        0x00AB,
        0x00AC,
        0x00AD,
        0x00AE,
        0x0407,
        0x00B0,
        0x00B1,
        0x0406,
        0x0456,
        0x0491,
        0x00B5,
        0x00B6,
        0x00B7,
        0x0451,
        0x2116,
        0x0454,
        0x00BB,
        0x0458,
        0x0405,
        0x0455,
        0x0457,
        /* 0xC0..0xFF: А..я */
        0x0410,
        0x0411,
        0x0412,
        0x0413,
        0x0414,
        0x0415,
        0x0416,
        0x0417,
        0x0418,
        0x0419,
        0x041A,
        0x041B,
        0x041C,
        0x041D,
        0x041E,
        0x041F,
        0x0420,
        0x0421,
        0x0422,
        0x0423,
        0x0424,
        0x0425,
        0x0426,
        0x0427,
        0x0428,
        0x0429,
        0x042A,
        0x042B,
        0x042C,
        0x042D,
        0x042E,
        0x042F,
        0x0430,
        0x0431,
        0x0432,
        0x0433,
        0x0434,
        0x0435,
        0x0436,
        0x0437,
        0x0438,
        0x0439,
        0x043A,
        0x043B,
        0x043C,
        0x043D,
        0x043E,
        0x043F,
        0x0440,
        0x0441,
        0x0442,
        0x0443,
        0x0444,
        0x0445,
        0x0446,
        0x0447,
        0x0448,
        0x0449,
        0x044A,
        0x044B,
        0x044C,
        0x044D,
        0x044E,
        0x044F,
};

static void field_cb(void *s, size_t len, void *data)
{
	struct csvin *c = data;

	if (c->r.n == CSVIN_FIELDS_MAX) {
		c->r.too_many = 1;
		return;
	}
	if (c->nrec + len + 1 > sizeof(c->rec)) {
		c->overflow = 1;
		return;
	}
	if (len > 0)
		memcpy(c->rec + c->nrec, s, len);
	c->rec[c->nrec + len] = '\0';
	c->r.f[c->r.n] = c->rec + c->nrec;
	c->r.len[c->r.n] = len;
	c->r.n++;
	c->nrec += len + 1;
}

static void record_cb(int term, void *data)
{
	struct csvin *c = data;

	(void)term;
	c->r.line = c->lines_done + 1;
	if (!c->stopped && !c->overflow && c->each(c->ctx, &c->r) != 0)
		c->stopped = 1;
	c->nrec = 0;
	c->r.n = 0;
	c->r.too_many = 0;
	c->since_record = 0;
}

struct csvin *csvin_new(char delim)
{
	struct csvin *c = calloc(1, sizeof(*c));

	if (c == NULL)
		return NULL;
	c->delim = delim;
	c->at_start = 1;
	return c;
}

void csvin_free(struct csvin *c)
{
	if (c == NULL)
		return;
	if (c->p_ready)
		csv_free(&c->p);
	free(c);
}

const char *csvin_encoding(const struct csvin *c)
{
	return c->enc == ENC_UTF8 ? "utf-8" : c->enc == ENC_CP1251 ? "windows-1251" : NULL;
}

char csvin_delimiter(const struct csvin *c)
{
	return c->delim;
}

static enum csvin_status status_of(struct csvin *c)
{
	if (c->overflow || c->since_record > CSVIN_RECORD_MAX)
		return CSVIN_TOO_LONG;
	if (c->stopped)
		return CSVIN_STOPPED;
	if (c->p_ready && csv_error(&c->p) == CSV_EPARSE)
		return CSVIN_BAD_QUOTE;
	if (c->p_ready && csv_error(&c->p) == CSV_ENOMEM)
		return CSVIN_NOMEM;
	return CSVIN_OK;
}

/* UTF-8 text to libcsv, a line (or a slice of one) at a time. */
static enum csvin_status parse(struct csvin *c, const char *s, size_t n)
{
	enum csvin_status st;

	while (n > 0) {
		const char *nl = memchr(s, '\n', n < SLICE ? n : SLICE);
		size_t k = nl ? (size_t)(nl - s) + 1 : (n < SLICE ? n : SLICE);

		c->since_record += k;
		if (csv_parse(&c->p, s, k, field_cb, record_cb, c) != k &&
		    (st = status_of(c)) != CSVIN_OK)
			return st;
		if (nl)
			c->lines_done++;
		if ((st = status_of(c)) != CSVIN_OK)
			return st;
		s += k;
		n -= k;
	}
	return CSVIN_OK;
}

/* The separator most used outside quotes in the header line. */
static char guess_delim(const char *s, size_t n)
{
	size_t comma = 0, semi = 0, tab = 0, i;
	int quoted = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && s[i] == ',')
			comma++;
		else if (!quoted && s[i] == ';')
			semi++;
		else if (!quoted && s[i] == '\t')
			tab++;
	}
	if (semi >= comma && semi >= tab && semi > 0)
		return ';';
	if (tab > comma)
		return '\t';
	return ',';
}

static enum csvin_status start_parser(struct csvin *c)
{
	if (c->delim == 0)
		c->delim = guess_delim(c->head, c->nhead);
	if (csv_init(&c->p, CSV_APPEND_NULL) != 0)
		return CSVIN_NOMEM;
	c->p_ready = 1;
	csv_set_delim(&c->p, (unsigned char)c->delim);
	return parse(c, c->head, c->nhead);
}

/* Converted text: held while the header line is incomplete, else parsed. */
static enum csvin_status text(struct csvin *c, const char *s, size_t n)
{
	const char *nl;
	size_t k;
	enum csvin_status st;

	if (c->p_ready)
		return parse(c, s, n);
	nl = memchr(s, '\n', n);
	k = nl ? (size_t)(nl - s) + 1 : n;
	if (c->nhead + k > sizeof(c->head))
		return CSVIN_TOO_LONG;
	memcpy(c->head + c->nhead, s, k);
	c->nhead += k;
	if (nl == NULL)
		return CSVIN_OK;
	if ((st = start_parser(c)) != CSVIN_OK)
		return st;
	return parse(c, s + k, n - k);
}

/* Length of the UTF-8 sequence at s if valid, 0 if invalid, -1 if cut short. */
static int utf8_seq(const unsigned char *s, size_t n)
{
	int need, i;

	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		need = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		need = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		need = 4;
	else
		return 0;
	for (i = 1; i < need; i++) {
		if ((size_t)i >= n)
			return -1;
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	}
	if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xF0 && s[1] < 0x90) ||
	    (s[0] == 0xF4 && s[1] > 0x8F) || (s[0] == 0xED && s[1] > 0x9F))
		return 0; /* overlong, beyond U+10FFFF, or a surrogate */
	return need;
}

static enum csvin_status from_cp1251(struct csvin *c, const unsigned char *s, size_t n)
{
	char out[SLICE * 3];
	size_t i = 0;
	enum csvin_status st;

	while (i < n) {
		size_t o = 0;

		for (; i < n && o + 3 <= sizeof(out); i++) {
			unsigned u = s[i] < 0x80 ? s[i] : cp1251[s[i] - 0x80];

			if (u < 0x80) {
				out[o++] = (char)u;
			} else if (u < 0x800) {
				out[o++] = (char)(0xC0 | (u >> 6));
				out[o++] = (char)(0x80 | (u & 0x3F));
			} else {
				out[o++] = (char)(0xE0 | (u >> 12));
				out[o++] = (char)(0x80 | ((u >> 6) & 0x3F));
				out[o++] = (char)(0x80 | (u & 0x3F));
			}
		}
		if ((st = text(c, out, o)) != CSVIN_OK)
			return st;
	}
	return CSVIN_OK;
}

static enum csvin_status decoded(struct csvin *c, const unsigned char *s, size_t n)
{
	return c->enc == ENC_CP1251 ? from_cp1251(c, s, n) : text(c, (const char *)s, n);
}

/* Bytes while the encoding is undecided: ASCII passes; the first other byte decides. */
static enum csvin_status undecided(struct csvin *c, const unsigned char *s, size_t n)
{
	size_t i;
	int k;
	enum csvin_status st;

	for (i = 0; i < n && s[i] < 0x80; i++)
		;
	if (i > 0 && (st = text(c, (const char *)s, i)) != CSVIN_OK)
		return st;
	if (i == n)
		return CSVIN_OK;
	k = utf8_seq(s + i, n - i);
	if (k < 0) {
		memcpy(c->carry, s + i, n - i); /* at most three bytes */
		c->ncarry = n - i;
		return CSVIN_OK;
	}
	c->enc = k > 0 ? ENC_UTF8 : ENC_CP1251;
	return decoded(c, s + i, n - i);
}

enum csvin_status csvin_feed(struct csvin *c, const char *buf, size_t n,
                             int (*each)(void *, const struct csvin_rec *), void *ctx)
{
	const unsigned char *s = (const unsigned char *)buf;
	enum csvin_status st;

	c->each = each;
	c->ctx = ctx;
	if (c->stopped)
		return CSVIN_STOPPED;
	/* A UTF-8 byte order mark, perhaps cut by the feeds, is dropped. */
	while (c->at_start && n > 0) {
		static const unsigned char mark[3] = {0xEF, 0xBB, 0xBF};

		if (s[0] != mark[c->nbom]) {
			unsigned char held[3];
			size_t k = c->nbom;

			c->at_start = 0;
			memcpy(held, c->bom, k);
			if (k > 0 &&
			    (st = csvin_feed(c, (const char *)held, k, each, ctx)) != CSVIN_OK)
				return st;
			break;
		}
		c->bom[c->nbom++] = s[0];
		s++;
		n--;
		if (c->nbom == 3) {
			c->at_start = 0;
			c->enc = ENC_UTF8;
		}
	}
	if (c->at_start)
		return CSVIN_OK;
	if (c->ncarry > 0) {
		/* Complete the cut sequence from the new bytes, then go on. */
		unsigned char join[8];
		size_t take = n < 4 ? n : 4, had = c->ncarry;

		memcpy(join, c->carry, had);
		memcpy(join + had, s, take);
		c->ncarry = 0;
		if (utf8_seq(join, had + take) < 0 && take == n) {
			memcpy(c->carry, join, had + take);
			c->ncarry = had + take;
			return CSVIN_OK;
		}
		c->enc = utf8_seq(join, had + take) > 0 ? ENC_UTF8 : ENC_CP1251;
		if ((st = decoded(c, join, had)) != CSVIN_OK)
			return st;
	}
	if (c->enc == ENC_UNDECIDED)
		return undecided(c, s, n);
	return decoded(c, s, n);
}

enum csvin_status csvin_finish(struct csvin *c, int (*each)(void *, const struct csvin_rec *),
                               void *ctx)
{
	enum csvin_status st;

	c->each = each;
	c->ctx = ctx;
	if (c->at_start && c->nbom > 0) {
		/* The file was only the start of a mark: its bytes are text. */
		c->at_start = 0;
		if ((st = csvin_feed(c, (const char *)c->bom, c->nbom, each, ctx)) != CSVIN_OK)
			return st;
	}
	if (c->ncarry > 0) {
		/* A file ending inside a sequence is not UTF-8. */
		if (c->enc == ENC_UNDECIDED)
			c->enc = ENC_CP1251;
		st = decoded(c, c->carry, c->ncarry);
		c->ncarry = 0;
		if (st != CSVIN_OK)
			return st;
	}
	if (!c->p_ready) {
		if (c->nhead == 0)
			return CSVIN_OK;
		if ((st = start_parser(c)) != CSVIN_OK)
			return st;
	}
	c->since_record = 0;
	if (csv_fini(&c->p, field_cb, record_cb, c) != 0 && csv_error(&c->p) == CSV_EPARSE)
		return CSVIN_BAD_QUOTE;
	return status_of(c);
}
