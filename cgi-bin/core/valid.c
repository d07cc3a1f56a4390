/*
 * valid.c: field validators.  Each checks and normalises one raw value; a
 * handler only ever sees what a validator accepted (kcgi's kvalid model).
 */
#include <string.h>
#include <errno.h>
#include <stdlib.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/lang.h"
#include "core/month.h"
#include "core/utf8.h"
#include "core/valid.h"

/* Any C0 control, DEL or C1 control (U+0080..U+009F as UTF-8 C2 80..9F). */
static int has_control(const char *s, size_t len, int allow_space)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7F)
			return 1;
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] <= 0x9F)
			return 1;
		if (!allow_space && c == ' ')
			return 1;
	}
	return 0;
}

static int chars_within(const struct field *f, const char *s, size_t len)
{
	size_t n = utf8_len(s, len);

	return (long long)n >= f->min && (long long)n <= f->max;
}

/* Well-formed, single-line text of min..max characters, copied into the arena. */
static int accept_text(const struct field *f, const char *s, size_t len, struct arena *a,
		       struct fval *out)
{
	if (!utf8_valid(s, len) || has_control(s, len, 1) || !chars_within(f, s, len))
		return -1;
	if ((out->s = arena_strndup(a, s, len)) == NULL)
		return -1;
	out->len = len;
	return 0;
}

/* Trim the spaces a paste or an autofill leaves around a value. */
static void trim(const char **s, size_t *len)
{
	while (*len > 0 && **s == ' ')
		(*s)++, (*len)--;
	while (*len > 0 && (*s)[*len - 1] == ' ')
		(*len)--;
}

int valid_text(const struct field *f, const char *s, size_t len, struct arena *a,
	       struct fval *out)
{
	trim(&s, &len);
	return accept_text(f, s, len, a, out);
}

int valid_lines(const struct field *f, const char *s, size_t len, struct arena *a,
		struct fval *out)
{
	char *t;
	size_t i, o = 0;

	/* CR LF (what browsers send for a textarea) and a lone CR become LF; a
	 * tab a space; any other control character refuses the text. */
	if (!utf8_valid(s, len) || (t = arena_alloc(a, len + 1)) == NULL)
		return -1;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\r') {
			t[o++] = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else if (c == '\t') {
			t[o++] = ' ';
		} else {
			t[o++] = (char)c;
		}
	}
	while (o > 0 && (t[o - 1] == ' ' || t[o - 1] == '\n'))
		o--;
	for (i = 0; i < o && (t[i] == ' ' || t[i] == '\n'); i++)
		;
	memmove(t, t + i, o - i);
	o -= i;
	t[o] = '\0';
	for (i = 0; i < o; i++)
		if (((unsigned char)t[i] < 0x20 && t[i] != '\n') || t[i] == 0x7F ||
		    ((unsigned char)t[i] == 0xC2 && i + 1 < o && (unsigned char)t[i + 1] <= 0x9F))
			return -1;
	if (!chars_within(f, t, o))
		return -1;
	out->s = t;
	out->len = o;
	return 0;
}

int valid_secret(const struct field *f, const char *s, size_t len, struct arena *a,
		 struct fval *out)
{
	/* Passwords are taken as typed: no trimming, no truncation. */
	return accept_text(f, s, len, a, out);
}

int valid_int(const struct field *f, const char *s, size_t len, struct arena *a,
	      struct fval *out)
{
	long long v = 0;
	size_t i;

	(void)a;
	if (len == 0 || len > 18)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v < f->min || v > f->max)
		return -1;
	out->i = v;
	out->s = s;
	out->len = len;
	return 0;
}

int valid_local_path(const struct field *f, const char *s, size_t len, struct arena *a,
		     struct fval *out)
{
	size_t i;

	/*
	 * Only "/x..." is local.  "//host" and "/\host" are read by browsers as
	 * another host, so both are refused, as is anything outside printable
	 * ASCII (a real path arrives percent-encoded).
	 */
	if (len < 1 || (long long)len > f->max || s[0] != '/')
		return -1;
	if (len > 1 && (s[1] == '/' || s[1] == '\\'))
		return -1;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c >= 0x7F || c == '\\')
			return -1;
	}
	if ((out->s = arena_strndup(a, s, len)) == NULL)
		return -1;
	out->len = len;
	return 0;
}

int valid_lang(const struct field *f, const char *s, size_t len, struct arena *a,
	       struct fval *out)
{
	int l = lang_parse(s, len);

	(void)f;
	(void)a;
	if (l < 0)
		return -1;
	out->i = l;
	out->s = lang_code((enum lang)l);
	out->len = 2;
	return 0;
}

int valid_token(const struct field *f, const char *s, size_t len, struct arena *a,
		struct fval *out)
{
	size_t i;

	(void)a;
	if ((long long)len < f->min || (long long)len > f->max)
		return -1;
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return -1;
	}
	out->s = s;
	out->len = len;
	return 0;
}

int valid_month(const struct field *f, const char *s, size_t len, struct arena *a,
		struct fval *out)
{
	month_t m;
	char buf[8];

	(void)f;
	if (month_parse(s, len, &m) != 0)
		return -1;
	month_format(m, buf);
	if ((out->s = arena_strdup(a, buf)) == NULL)
		return -1;
	out->len = 7;
	out->i = m;
	return 0;
}

int valid_code(const struct field *f, const char *s, size_t len, struct arena *a,
	       struct fval *out)
{
	char *d;
	size_t i, n = 0;

	if (len > 4 * (size_t)f->max || (d = arena_alloc(a, len + 1)) == NULL)
		return -1;
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c == ' ' || c == '-')
			continue;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			return -1;
		d[n++] = c;
	}
	d[n] = '\0';
	if ((long long)n < f->min || (long long)n > f->max)
		return -1;
	out->s = d;
	out->len = n;
	return 0;
}

int valid_date(const struct field *f, const char *s, size_t len, struct arena *a,
	       struct fval *out)
{
	day_t d;

	(void)f;
	if (day_parse(s, len, &d) != 0 || (out->s = arena_strndup(a, s, len)) == NULL)
		return -1;
	out->len = len;
	out->i = d;
	return 0;
}

int valid_decimal(const struct field *f, const char *s, size_t len, struct arena *a,
		  struct fval *out)
{
	long long whole = 0, frac = 0;
	size_t i = 0, digits = 0, decimals = 0;

	while (len > 0 && s[len - 1] == ' ')
		len--;
	while (i < len && s[i] == ' ')
		i++;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++)
		if (digits < 13)
			whole = whole * 10 + (s[i] - '0');
	if (digits == 0 || digits > 12)
		return -1;
	if (i < len && (s[i] == '.' || s[i] == ',')) {
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, decimals++)
			if (decimals < 3)
				frac = frac * 10 + (s[i] - '0');
		if (decimals == 0 || decimals > 3)
			return -1;
	}
	if (i != len || whole > f->max)
		return -1;
	while (decimals++ < 3)
		frac *= 10;
	out->i = whole * 1000 + frac;
	if ((out->s = arena_strndup(a, s, len)) == NULL)
		return -1;
	out->len = len;
	return 0;
}

int phone_normalize(const char *s, size_t len, char out[PHONE_MAX + 1])
{
	size_t i, n = 0;
	int plus = 0;
	char d[PHONE_MAX];

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9') {
			if (n == sizeof(d))
				return -1;
			d[n++] = c;
		} else if (c == '+' && n == 0 && !plus) {
			plus = 1;
		} else if (c != ' ' && c != '-' && c != '(' && c != ')') {
			return -1;
		}
	}
	/* What people type in Russia and Kazakhstan: 8 912 ..., 912 ..., 7 912 ... */
	if (!plus && n == 11 && d[0] == '8')
		d[0] = '7';
	else if (!plus && n == 10 && (d[0] == '9' || d[0] == '7')) {
		memmove(d + 1, d, n++);
		d[0] = '7';
	}
	if (n < 11 || n > 15 || d[0] == '0')
		return -1;
	out[0] = '+';
	memcpy(out + 1, d, n);
	out[n + 1] = '\0';
	return 0;
}

int phone_same(const char *stored, const char *e164)
{
	char a[PHONE_MAX + 1];

	return stored != NULL && phone_normalize(stored, strlen(stored), a) == 0 &&
	       strcmp(a, e164) == 0;
}

int phone_last4(const char *stored, char out[5])
{
	size_t i = stored ? strlen(stored) : 0, n = 4;

	out[4] = '\0';
	while (i > 0 && n > 0) {
		i--;
		if (stored[i] >= '0' && stored[i] <= '9')
			out[--n] = stored[i];
	}
	return n == 0 ? 0 : -1;
}

int valid_phone(const struct field *f, const char *s, size_t len, struct arena *a,
		struct fval *out)
{
	char e164[PHONE_MAX + 1];

	(void)f;
	if (phone_normalize(s, len, e164) != 0 || (out->s = arena_strdup(a, e164)) == NULL)
		return -1;
	out->len = strlen(e164);
	return 0;
}

/* A domain name of two or more labels of letters, digits and inner hyphens. */
static int domain_valid(const char *s, size_t len)
{
	size_t i, label = 0, labels = 1;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c == '.') {
			if (label == 0 || s[i - 1] == '-')
				return 0;
			label = 0;
			labels++;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			   (c == '-' && label > 0)) {
			if (++label > 63)
				return 0;
		} else {
			return 0;
		}
	}
	return label > 0 && s[len - 1] != '-' && labels >= 2;
}

/*
 * An address mail can be sent to and shown safely: ASCII, one '@', a local
 * part without quoting or spaces, a dotted domain (lower-cased).  Mailbox
 * names with non-ASCII (EAI) are refused rather than half-supported.
 */
int valid_email(const struct field *f, const char *s, size_t len, struct arena *a,
		struct fval *out)
{
	const char *at;
	size_t local, i;
	char *copy;

	trim(&s, &len);
	if ((long long)len < f->min || (long long)len > f->max || len > 254)
		return -1;
	at = memchr(s, '@', len);
	if (at == NULL || memchr(at + 1, '@', len - (size_t)(at - s) - 1) != NULL)
		return -1;
	local = (size_t)(at - s);
	if (local == 0 || local > 64 || s[0] == '.' || s[local - 1] == '.')
		return -1;
	for (i = 0; i < local; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c >= 0x7F || strchr("\"(),:;<>[\\]", c) != NULL ||
		    (c == '.' && s[i + 1] == '.'))
			return -1;
	}
	if (!domain_valid(at + 1, len - local - 1) || (copy = arena_strndup(a, s, len)) == NULL)
		return -1;
	for (i = local + 1; i < len; i++)
		if (copy[i] >= 'A' && copy[i] <= 'Z')
			copy[i] = (char)(copy[i] - 'A' + 'a');
	out->s = copy;
	out->len = len;
	return 0;
}

int valid_only_too_large(const char *s)
{
	size_t whole = 0, frac = 0;
	int sep = 0;

	if (s == NULL)
		return 0;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			sep ? frac++ : whole++;
		else if ((*s == '.' || *s == ',') && !sep)
			sep = 1;
		else
			return 0;
	}
	return whole > 0 && frac <= 3 && (!sep || frac > 0);
}

int valid_date_shape(const char *s)
{
	return s != NULL && day_exists(s, strlen(s));
}
