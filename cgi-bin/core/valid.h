/* core/valid.h: field validators. */
#ifndef CORE_VALID_H
#define CORE_VALID_H

#include <stddef.h>

#include "core/arena.h"
#include "core/attrs.h"

/* The value of a field that passed its validator. */
struct fval {
	int present;   /* the field was sent and valid */
	const char *s; /* normalised text (arena) */
	size_t len;
	long long i; /* for integer fields */
};

struct field;
typedef int (*validator)(const struct field *, const char *, size_t, struct arena *,
			 struct fval *);

/*
 * One input a section accepts.  GET pages read fields from the query string,
 * POST pages from the body; a field sent twice is a 400.
 */
struct field {
	const char *name;
	validator valid;
	long long min; /* characters for text, value for integers */
	long long max;
};

/* Single-line text: no control characters, trimmed, min..max characters. */
int valid_text(const struct field *, const char *, size_t, struct arena *, struct fval *);
/* Text of several lines (a message): line breaks made LF, tabs spaces, no other
 * control characters, trimmed, min..max characters. */
int valid_lines(const struct field *, const char *, size_t, struct arena *, struct fval *);
/* A secret (password): any printable text, not trimmed, min..max characters. */
int valid_secret(const struct field *, const char *, size_t, struct arena *, struct fval *);
/* Integer in min..max, decimal digits only. */
int valid_int(const struct field *, const char *, size_t, struct arena *, struct fval *);
/* A local path for redirects: starts with one '/', printable ASCII, no '\'. */
int valid_local_path(const struct field *, const char *, size_t, struct arena *, struct fval *);
/* A language code we have a catalog for. */
int valid_lang(const struct field *, const char *, size_t, struct arena *, struct fval *);
/* A month, "2026-10" or "10.2026"; i holds month_t and s the "2026-10" form. */
int valid_month(const struct field *, const char *, size_t, struct arena *, struct fval *);
/* A date, "2026-03-05"; i holds day_t. */
int valid_date(const struct field *, const char *, size_t, struct arena *, struct fval *);
/* A non-negative decimal with at most three decimals, "," or "."; i holds thousandths,
 * max is the largest whole part. */
int valid_decimal(const struct field *, const char *, size_t, struct arena *, struct fval *);
/* A printed identifier (account number): letters and digits, spaces and '-' dropped. */
int valid_code(const struct field *, const char *, size_t, struct arena *, struct fval *);
/* An opaque token: base64url characters only, min..max long. */
int valid_token(const struct field *, const char *, size_t, struct arena *, struct fval *);
/* A phone number as E.164, "+79123456789": digits with spaces, dashes and brackets,
 * "8 912 ..." and "912 ..." read as Russian numbers. */
int valid_phone(const struct field *, const char *, size_t, struct arena *, struct fval *);
/* An e-mail address (ASCII, one '@', a dotted domain, lower-cased), min..max bytes. */
int valid_email(const struct field *, const char *, size_t, struct arena *, struct fval *);

#define PHONE_MAX 16 /* "+" and up to 15 digits */
/* The E.164 form of a typed or stored phone number into out; -1 if it is not one. */
int phone_normalize(const char *, size_t, char out[PHONE_MAX + 1]) PORTAL_WUR;
/* 1 if a phone number as stored (any format, or NULL) is the E.164 number e164. */
int phone_same(const char *stored, const char *e164);
/* The last four digits of a phone number as stored, to say which phone a code
 * went to without showing the number; -1 if it has fewer. */
int phone_last4(const char *stored, char out[5]) PORTAL_WUR;

/*
 * Why a refused value was refused, so that its message is the right one:
 * valid_only_too_large() is 1 when s is a well-formed decimal (digits, at
 * most one '.' or ',' and up to three digits after it) and so could only
 * have been too large; valid_date_shape() is 1 when s is YYYY-MM-DD with a
 * month and day that exist, and so could only have been out of range.
 */
int valid_only_too_large(const char *s);
int valid_date_shape(const char *s);

#endif
