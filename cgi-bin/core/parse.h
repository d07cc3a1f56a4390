/* core/parse.h: form and cookie parsing. */
#ifndef CORE_PARSE_H
#define CORE_PARSE_H

#include <stddef.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

struct kv {
	const char *key;
	const char *val;
	size_t vlen;
};

struct kvlist {
	struct kv *v;
	size_t n;
	size_t cap;
};

struct limits {
	size_t body_max;   /* request body bytes */
	size_t query_max;  /* query string bytes */
	size_t fields_max; /* fields in one query string or body */
	size_t name_max;   /* bytes of one field name */
	size_t value_max;  /* bytes of one decoded field value */
	size_t cookies_max; /* cookies kept from one Cookie header */
	unsigned long long upload_max; /* bytes of a multipart upload (a file to import) */
};

extern const struct limits limits_default;

/*
 * application/x-www-form-urlencoded (also used for query strings).  Values
 * are percent-decoded, '+' is a space, and each name and value must be valid
 * UTF-8 without NUL.  PERR_TOO_LARGE when a count or length limit is passed,
 * PERR_BAD_INPUT for a bad escape or bad UTF-8.
 */
enum perr parse_urlencoded(struct arena *, const char *, size_t, const struct limits *,
			   struct kvlist *) PORTAL_WUR;

/*
 * A Cookie header.  Malformed pairs are skipped rather than refused: other
 * software on the same host may set cookies we do not control.
 */
enum perr parse_cookies(struct arena *, const char *, size_t, const struct limits *,
			struct kvlist *) PORTAL_WUR;

/* Add a pair (not copied) to a list. */
enum perr kv_add(struct arena *, struct kvlist *, const char *key, const char *val,
		 size_t vlen) PORTAL_WUR;

/* First value of key, or NULL. */
const struct kv *kv_find(const struct kvlist *, const char *key);
/* How many times key occurs. */
size_t kv_count(const struct kvlist *, const char *key);

/* 1 if s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */

#endif
