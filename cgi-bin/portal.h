/*
 * portal.h: the one public header of kabinet's shared library.
 *
 * A section program (login.c, home.c, ...) includes only this file.  It
 * declares a page table and a field table, writes handlers that read
 * validated fields, call db_* functions and add elements to the page's XML
 * document, and hands everything to portal_main().
 *
 * Conventions used throughout:
 *  - Functions that can fail return enum perr (PERR_OK == 0) or 0 / -1 and
 *    are marked PORTAL_WUR: a caller must look at the result.
 *  - Memory handed out during a request comes from the request's arena and
 *    is released when the request ends; nothing returned by the library is
 *    freed by the caller unless its comment says so.
 *  - Strings are NUL-terminated UTF-8.  Lengths, where given, exclude the NUL.
 */
#ifndef PORTAL_H
#define PORTAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#define PORTAL_WUR __attribute__((warn_unused_result))
#define PORTAL_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* ------------------------------------------------------------------ errors */

enum perr {
	PERR_OK = 0,
	PERR_NOMEM,     /* allocation failed or the request arena is full */
	PERR_TOO_LARGE, /* input over a hard limit */
	PERR_BAD_INPUT, /* malformed input: encoding, syntax */
	PERR_NOT_FOUND, /* no such row */
	PERR_CONFLICT,  /* a unique key already holds that value */
	PERR_DB,        /* the database answered with an error */
	PERR_DB_DOWN,   /* the database cannot be reached */
	PERR_SYS,       /* an operating-system call failed */
	PERR_BUSY,      /* a lock wait or deadlock: the transaction may be retried */
	PERR_UPSTREAM,  /* the payment provider cannot be reached or refused the call */
	PERR__MAX
};

const char *perr_str(enum perr);

/* ------------------------------------------------------------------ arena */

/*
 * A request-scoped allocator: bump allocation in chunks plus a list of
 * cleanup callbacks for foreign objects (xmlDoc, result buffers).  Everything
 * is released by arena_reset() at the end of every request, so a long-lived
 * FastCGI worker cannot leak across requests.
 */
struct arena;

struct arena *arena_new(size_t limit) PORTAL_WUR;
void arena_free(struct arena *);  /* accepts NULL */
void arena_reset(struct arena *); /* runs cleanups, keeps the first chunk */
void *arena_alloc(struct arena *, size_t) PORTAL_WUR;
char *arena_strndup(struct arena *, const char *, size_t) PORTAL_WUR;
char *arena_strdup(struct arena *, const char *) PORTAL_WUR;
char *arena_printf(struct arena *, const char *, ...) PORTAL_PRINTF(2, 3) PORTAL_WUR;
int arena_defer(struct arena *, void (*)(void *), void *) PORTAL_WUR;

/* ------------------------------------------------------------------ parsing */

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

/* First value of key, or NULL. */
const struct kv *kv_find(const struct kvlist *, const char *key);
/* How many times key occurs. */
size_t kv_count(const struct kvlist *, const char *key);

/* 1 if s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
int utf8_valid(const char *, size_t);
/* Number of code points in valid UTF-8. */
size_t utf8_len(const char *, size_t);

/* ------------------------------------------------------------------ fields */

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

/* ------------------------------------------------------------------ request */

enum method { M_GET = 1, M_HEAD = 2, M_POST = 4, M_OTHER = 8 };
enum lang { LANG_RU = 0, LANG_EN, LANG__MAX };

const char *lang_code(enum lang);
/* Parse "ru"/"en"; -1 if unknown. */
int lang_parse(const char *, size_t);
/* Best supported language in an Accept-Language header; LANG_RU if none. */
enum lang lang_from_accept(const char *);

/* The signed-in subscriber, filled by the session check. */
struct session {
	uint64_t id;
	uint64_t subscriber_id;
	unsigned char token_hash[32];
	const char *login;
	const char *full_name;
	const char *email; /* NULL if none on file */
	const char *phone; /* NULL if none on file */
	/* The successful sign-in before this session began (NULL: the first). */
	const char *prev_login_at; /* ISO 8601, UTC */
	const char *prev_login_ip;
	/* The account the sections show: the chosen one, else the first linked; 0 if none. */
	uint64_t account_id;
};

struct req;

/* Page flags. */
#define PAGE_SESSION 0x01 /* only for a signed-in subscriber */
#define PAGE_PUBLIC 0x02  /* may be served without a session */
/*
 * A machine's endpoint (a provider's notification): a POST of JSON, no
 * session, no CSRF token (nothing a browser could be tricked into sending:
 * the handler trusts no field of it), answered with a bare XML status.
 */
#define PAGE_HOOK 0x04

struct page {
	const char *path;   /* exact match against the request path */
	unsigned methods;   /* M_GET | M_POST ... (HEAD follows GET) */
	unsigned flags;     /* PAGE_* */
	const char *name;   /* the page's name in the XML (page/@name) */
	int (*handler)(struct req *);
};

struct section {
	const char *name; /* page/@section, log prefix */
	const struct page *pages;
	size_t npages;
	const struct field *fields;
	size_t nfields;
};

/* Header lines kept for the response. */
struct header {
	const char *name;
	const char *value;
};

struct req {
	struct arena *arena;
	const struct section *sec;
	const struct page *page;

	enum method method;
	const char *path; /* decoded path, as nginx matched it */
	const char *uri;  /* path and query as sent, if a plain local URI; else path */
	const char *remote_addr;
	const char *user_agent;
	int https;
	enum lang lang;
	int want_xml; /* ?format=xml */

	struct kvlist query;
	struct kvlist form;
	const char *body; /* PAGE_HOOK: the raw request body, NUL-terminated */
	size_t body_len;
	struct kvlist cookies;

	struct fval *vals; /* indexed like sec->fields */
	unsigned char *bad; /* 1 where a field was sent but failed validation */

	struct session *sess; /* NULL when not signed in */

	xmlDocPtr doc;
	xmlNodePtr root; /* <page> */

	/* response */
	int status;
	const char *location;
	const char *err_code; /* error page's code, set by page_error() */
	int keep_doc;         /* render the handler's document whatever the status */
	const char *pdf_name; /* page_pdf(): answer with the page as a PDF of this file name */
	struct header headers[16];
	size_t nheaders;
	char incident[17];
};

/* The value of field k if it passed validation, else NULL. */
const struct fval *req_val(const struct req *, size_t k);
/* Add a response header (name and value are copied). */
int req_header(struct req *, const char *name, const char *value) PORTAL_WUR;
/* Set-Cookie with our fixed attributes: max_age > 0 persists, 0 lasts the
 * browser session, < 0 deletes the cookie. */
int req_cookie(struct req *, const char *name, const char *value, long max_age,
	       int http_only) PORTAL_WUR;
/* Name of the session cookie (__Host-sid over HTTPS, sid otherwise). */
const char *req_session_cookie_name(const struct req *);

/*
 * Handler results: an HTTP status.  200 renders r->doc; 303 redirects to
 * r->location; any 4xx/5xx renders the standard error page unless the
 * handler built its own content and called page_keep().
 */
int page_redirect(struct req *, const char *local_path);
/* 303 to another site (the payment provider's page): an absolute http(s) URL
 * from a trusted source, never from the request.  500 if it is not one. */
int page_redirect_external(struct req *, const char *url);
int page_error(struct req *, int status, const char *code);
/* The error page for a failed call: 404 for PERR_NOT_FOUND, 503 when the
 * database is down, else 500. */
int page_fail(struct req *, enum perr);
/* Render the handler's own document with a non-200 status (form errors). */
int page_status(struct req *, int status);
/*
 * Answer 200 with the page as a PDF download named filename (letters,
 * digits, '-', '.' only): xsl/pdf.xsl lays the document out and lib/pdf.c
 * draws it.  ?format=xml still answers with the XML.
 */
int page_pdf(struct req *, const char *filename);

/* ------------------------------------------------------------------ money */

/*
 * An amount in minor units (kopecks, tiyn, cents).  Never a double.  long
 * long rather than int64_t so that the database layer binds it directly.
 */
typedef long long money_t;
_Static_assert(sizeof(money_t) == 8, "money_t is 64 bits");

struct currency {
	const char *code;     /* ISO 4217 */
	const char *symbol;   /* UTF-8 */
	unsigned minor_digits; /* 2 for every currency we serve */
};

/* The currency with this ISO code, or NULL. */
const struct currency *currency_find(const char *code);
/* Sum and difference; -1 (out untouched) past +-10^15 minor units. */
int money_add(money_t, money_t, money_t *) PORTAL_WUR;
int money_sub(money_t, money_t, money_t *) PORTAL_WUR;
/*
 * price x quantity, the quantity given as an integer with scale decimals
 * (12.345 kWh = 12345, scale 3), rounded half away from zero to a minor
 * unit: the rounding of every bill line.
 */
int money_mul_qty(money_t price, int64_t qty, unsigned scale, money_t *) PORTAL_WUR;
/*
 * What a person typed: "1234", "1234.5", "1 234,56".  More decimals than the
 * currency has is refused, not rounded.  -1 on anything else.
 */
int money_parse(const char *, size_t, const struct currency *, int allow_negative,
		money_t *) PORTAL_WUR;
/* ru: "1 234,56 ₽" (no-break spaces), en: "₽1,234.56".  -1 if buf is too small. */
int money_format(char *buf, size_t cap, money_t, const struct currency *, enum lang) PORTAL_WUR;

/* ------------------------------------------------------------------ months */

/* A calendar month as one integer, year * 12 + (month - 1): ranges are arithmetic. */
typedef int month_t;

#define MONTH_MIN (2000 * 12)
#define MONTH_MAX (2099 * 12 + 11)

/* "2026-10" or "10.2026" (what a Russian subscriber types), years 2000..2099. */
int month_parse(const char *, size_t, month_t *) PORTAL_WUR;
/* This month in UTC. */
month_t month_today(void);
/* "2026-10" into buf (8 bytes). */
void month_format(month_t, char buf[8]);
/* "2026-10-01", the DATE the ledger keys a month by, into buf (11 bytes). */
void month_date(month_t, char buf[11]);

/* ------------------------------------------------------------------ dates */

/* A calendar day as days since 1970-01-01 (proleptic Gregorian). */
typedef int32_t day_t;

day_t day_from_civil(int year, int month, int mday);
void day_to_civil(day_t, int *year, int *month, int *mday);
/* "2026-03-05"; years 2000..2099; -1 on anything else. */
int day_parse(const char *, size_t, day_t *) PORTAL_WUR;
/* "2026-03-05" into buf (11 bytes). */
void day_format(day_t, char buf[11]);
/* Today in UTC. */
day_t day_today(void);
/* Days in that month of that year. */
unsigned month_length(int year, int month);

/* ------------------------------------------------------------------ tariffs */

/*
 * The tariff engine: pure arithmetic, no database.  Quantities are
 * thousandths of the unit (kWh, m3); prices are minor units per unit.
 * Nothing but money is ever rounded: a prorated limit, a tier's share of a
 * zone or a day's share of a period stay exact fractions, and each line's
 * money is rounded once, half away from zero, then the lines are summed.
 */
#define TARIFF_ZONES 3 /* T1 day or peak, T2 night, T3 semi-peak (the registers' numbering) */
#define TARIFF_TIERS 3 /* volume levels; a social norm is two */

/* The household categories that volume thresholds depend on (Almaty's table). */
enum household { HH_GAS, HH_GAS_ALONE, HH_ESTOVE, HH_ESTOVE_ALONE, HH__MAX };

/* "gas", "gas-alone", "estove", "estove-alone" (as sql/004 spells them); -1 if none. */
int household_parse(const char *);

struct tariff {
	const char *name;
	day_t valid_from; /* first day it applies */
	day_t valid_to;   /* last day it applies */
	unsigned zones;   /* 1, 2 or 3 */
	unsigned tiers;   /* 1 flat, 2 social norm, 3 volume levels */
	money_t price[TARIFF_TIERS][TARIFF_ZONES];
	/* Upper bounds of tiers 1 and 2 per registered resident per month, in
	 * thousandths of the unit, cumulative (90 000 and 160 000 for 90/160 kWh). */
	long long limit[HH__MAX][TARIFF_TIERS - 1];
	unsigned month_days_x10; /* 305: limits prorate by days / 30.5; 0: by the month's own days */
	unsigned vat_bp;         /* VAT in basis points: 1200 is 12 % */
	int vat_included;        /* the prices include VAT; otherwise it is added to each line */
};

struct usage {
	long long zone[TARIFF_ZONES]; /* consumption per zone, thousandths of the unit */
	unsigned residents;
	enum household household;
	day_t from, to; /* the period: first and last day, inclusive */
	int whole_month; /* the period is one calendar month: limits apply as they are */
};

struct charge_line {
	const struct tariff *tariff;
	unsigned zone, tier; /* 0-based */
	long long qty;       /* thousandths of the unit, rounded for display only */
	money_t price;
	money_t amount; /* the line's money, VAT included */
	money_t vat;    /* the VAT within amount */
};

#define CHARGE_MAX_LINES (2 * TARIFF_ZONES * TARIFF_TIERS)

struct charge {
	struct charge_line line[CHARGE_MAX_LINES];
	size_t n;
	money_t total, vat;
};

/*
 * Charge usage under the tariffs that cover its period (ordered by date, at
 * most two: a period crossing a tariff change is split by days, consumption
 * and limits alike).  -1 when no tariff covers a day of it, on a bad tariff
 * or usage, or past the money limit.
 */
int tariff_charge(const struct tariff *const *, size_t, const struct usage *, struct charge *)
	PORTAL_WUR;

/*
 * Consumption between two readings of a register with digits whole digits
 * and scale decimals, values in 10^-scale units.  A current reading below the
 * previous one is a rollover only when the subscriber confirmed it, and only
 * if it implies less than half the register's range.  -1 otherwise.
 */
int reading_consumption(long long prev, long long curr, unsigned digits, unsigned scale,
			int rollover, long long *out) PORTAL_WUR;
/* A meter replaced mid-period: the old one's run to its final reading plus the new one's. */
int reading_replaced(long long old_prev, long long old_final, long long new_initial,
		     long long new_curr, long long *out) PORTAL_WUR;

/* ------------------------------------------------------------------ payment split */

#define SPLIT_MAX_SERVICES 16 /* services one account can have */

/* One service's debt from one month. */
struct split_debt {
	size_t service; /* index into the caller's services */
	month_t month;  /* when it was charged: older debt is paid first */
	money_t amount; /* > 0 */
};

/*
 * Age a service's closing debt first in, first out: charges[k] is what was
 * charged k months before the latest month (newest first); ages[k] gets the
 * part of the debt from that month and ages[months] what is older than all of
 * them.  A closing of zero or less (paid up, an advance) has no age.
 */
void debt_ages(money_t closing, const money_t *charges, size_t months, money_t *ages);
/*
 * Spread amount over nservices services: debts (sorted by month, oldest
 * first) are paid oldest first, a month's debts in proportion to their size;
 * the rest is an advance in proportion to weight (the last charges), or all
 * on service 0 if no weight is positive.  out[i] is service i's share; the
 * shares sum to amount exactly.  -1 on bad input.
 */
int payment_split(const struct split_debt *, size_t ndebts, const money_t *weight,
		  size_t nservices, money_t amount, money_t *out) PORTAL_WUR;

/* ------------------------------------------------------------------ payment provider */

/*
 * The acquirer behind "Pay": it shows the card form, takes the money and
 * tells us.  The portal never sees a card number.  A provider is a table of
 * calls; lib/yookassa.c speaks YooKassa's API v3.  Every call is made outside
 * any database transaction.
 */
#define PAY_ID_MAX 64
#define PAY_MAX_ACCOUNTS 20 /* accounts one payment may pay for */

/* What we ask the provider to take. */
struct pay_order {
	const char *key; /* Idempotence-Key: the same key never takes money twice */
	money_t amount;
	const struct currency *cur;
	const char *description; /* shown to the payer; at most 128 characters */
	const char *return_url;  /* where the payer comes back to; NULL with method_id */
	const char *method_id;   /* autopay: charge this saved method, no payer present */
	int save_method;         /* ask the provider to keep the method for autopay */
	uint64_t ref;            /* our online payment id, carried in the metadata */
};

enum pay_status { PAY_PENDING = 1, PAY_SUCCEEDED, PAY_CANCELED };

/* A payment as the provider reports it. */
struct pay_state {
	char id[PAY_ID_MAX + 1];
	enum pay_status status;
	money_t amount;
	char currency[4];
	char confirmation_url[1001]; /* the provider's card page, while pending */
	char method_id[PAY_ID_MAX + 1];
	char method_title[101]; /* masked: "Bank card *4444" */
	int method_saved;
	char cancel_reason[65];
	uint64_t ref; /* from the metadata; 0 if absent */
};

struct provider {
	const char *name;     /* as stored with each payment */
	const char *title;    /* who took the money, as the history shows it */
	const char *currency; /* the one currency it takes, ISO 4217 */
	/* Create a payment.  PERR_UPSTREAM when the provider cannot be reached or refuses. */
	enum perr (*create)(const struct pay_order *, struct pay_state *);
	/* The payment as the provider has it now. */
	enum perr (*get)(const char *id, struct pay_state *);
	/* The payment id a notification names; -1 if the body is not a payment notification. */
	int (*notice)(const char *body, size_t len, char id[PAY_ID_MAX + 1]);
};

/* The configured provider ([payments] provider); NULL if none is configured. */
/* Close the provider's kept connection (at exit). */
void provider_done(void);
const struct provider *provider_get(void);
/* YooKassa's payment object (a create or get answer, or a notification's object). */
int yookassa_parse_payment(const char *json, size_t len, struct pay_state *) PORTAL_WUR;
int yookassa_parse_notice(const char *json, size_t len, char id[PAY_ID_MAX + 1]) PORTAL_WUR;
/* "1234.50" (the API's form of an amount) -> 123450; -1 unless exactly that form. */
int yookassa_parse_amount(const char *, money_t *) PORTAL_WUR;

/* ------------------------------------------------------------------ receipts */

/* 9 digits. */
int bic_valid(const char *bic);
/* The Bank of Russia's control key of a settlement account (20 digits) at a BIC. */
int bank_account_valid(const char *bic, const char *account);
/* ... and of the bank's correspondent account (301...). */
int corr_account_valid(const char *bic, const char *account);
/* An INN of 10 (organization) or 12 (person) digits with its check digits. */
int inn_valid(const char *inn);

/* What a payment QR code (GOST R 56042-2014) carries; NULL fields are left out. */
struct payqr {
	/* required, in this order */
	const char *name, *personal_acc, *bank_name, *bic, *corresp_acc;
	/* optional, in the order they are written */
	const char *payee_inn, *kpp, *pers_acc, *last_name, *first_name, *middle_name,
		*payer_address;
	money_t sum; /* kopecks; -1: none */
	const char *purpose, *paym_period, *category, *tech_code;
};

enum payqr_err {
	PAYQR_OK = 0,
	PAYQR_MISSING,   /* a required field is absent */
	PAYQR_ACCOUNT,   /* PersonalAcc is not 20 digits */
	PAYQR_BIC,       /* BIC is not 9 digits */
	PAYQR_CORR,      /* CorrespAcc is not 1..20 digits */
	PAYQR_INN,       /* PayeeINN is not 10 or 12 digits */
	PAYQR_KPP,       /* KPP is not 9 digits */
	PAYQR_SUM,       /* Sum over 18 digits */
	PAYQR_VALUE,     /* empty, too long, control characters or bad UTF-8 */
	PAYQR_SEPARATOR, /* every separator the standard allows occurs in some value */
	PAYQR_TOO_LONG,  /* the required block over 300 bytes, or out too small */
};

/* The payload, "ST00012|Name=...", into out (NUL-terminated). */
int payqr_build(const struct payqr *, char *out, size_t cap) PORTAL_WUR;

/* A QR code's modules, made with libqrencode at error correction level M. */
struct qr {
	int width; /* modules per side, without the quiet zone */
	const unsigned char *dark; /* width * width bytes, row by row: 1 is a dark module */
};

/* Encode text as 8-bit data.  The modules live in the arena.  -1 if it does not fit. */
int qr_encode(struct arena *, const char *text, struct qr *) PORTAL_WUR;
/* The dark modules as SVG path data ("M0 0h7v1h-7z..."), one run per rectangle. */
const char *qr_svg_path(struct arena *, const struct qr *);

/*
 * A PDF from a layout document (xsl/pdf.xsl writes them; lib/pdf.c says
 * what the elements mean): A4 pages, DejaVu Sans through pango, text kept as
 * text.  The bytes live in the arena.
 */
enum perr pdf_render(struct arena *, xmlDocPtr layout, const unsigned char **pdf,
		     size_t *len) PORTAL_WUR;
/* Release the fonts (at exit). */
void pdf_done(void);

/*
 * The stylesheets (site.xsl, pdf.xsl, mail.xsl), compiled once per process:
 * portal_main() does it for a section; a scheduled program that renders
 * calls it itself.  -1 if one does not compile (logged).
 */
int render_init(const char *xsl_dir) PORTAL_WUR;
void render_done(void);
/* A page document as a PDF (pdf.xsl, then pdf_render()). */
enum perr render_pdf(struct arena *, xmlDocPtr page, const unsigned char **pdf,
		     size_t *len) PORTAL_WUR;
/* An outbox message's document as <message> (mail.xsl): subject, text, attachment. */
int render_message(xmlDocPtr page, xmlDocPtr *out) PORTAL_WUR;

/* ------------------------------------------------------------------ XML */

/* Child element with text content (escaped; invalid XML characters replaced). */
xmlNodePtr xml_text(xmlNodePtr parent, const char *name, const char *text);
xmlNodePtr xml_textn(xmlNodePtr parent, const char *name, const char *text, size_t len);
/* Empty child element. */
xmlNodePtr xml_elem(xmlNodePtr parent, const char *name);
/* Child element holding a decimal integer. */
xmlNodePtr xml_int(xmlNodePtr parent, const char *name, long long);
/* Attribute (escaped; invalid XML characters replaced). */
int xml_attr(xmlNodePtr, const char *name, const char *value) PORTAL_WUR;
int xml_attr_int(xmlNodePtr, const char *name, long long) PORTAL_WUR;
/* <name minor="-12345" currency="RUB">−123,45 ₽</name>: machine and human forms. */
xmlNodePtr xml_money(xmlNodePtr parent, const char *name, money_t, const struct currency *,
		     enum lang);
/* A fixed-point integer as text: 12345 with 3 decimals is "12.345", with 0
 * "12345".  In the arena; NULL if it is full. */
const char *decimal_text(struct arena *, long long, unsigned decimals);
/* <name>2026-10</name> */
xmlNodePtr xml_month(xmlNodePtr parent, const char *name, month_t);
/* Longest period one page shows: five years of months. */
#define PERIOD_MAX_MONTHS 60

/*
 * The period filter of a history page: fields k_from and k_to (valid_month,
 * named "from" and "to"), default the twelve months up to default_to.  Puts
 * <period> on the page and returns 0; or refuses (a bad month 400, a reversed
 * or too long period 422, the message beside the field) and returns the
 * handler's status.
 */
int page_period(struct req *, size_t k_from, size_t k_to, month_t default_to, month_t *from,
		month_t *to);
/* <error field="..." code="..."/> under the page, for forms. */
int xml_form_error(struct req *, const char *field, const char *code) PORTAL_WUR;
/* The handler's form again with one message (field NULL: above the form), answered
 * with status; the handler returns what this returns. */
int page_refuse(struct req *, int status, const char *field, const char *code);
/* <typed name="...">value</typed> for each of keys that was sent and valid: a form
 * shown again keeps what was typed. */
int xml_typed(struct req *, const size_t *keys, size_t n) PORTAL_WUR;
/* An "invalid" message beside each of the required keys that is missing or was refused:
 * 1 if there was one, 0 if none, -1 if the page could not say so. */
int xml_required(struct req *, const size_t *keys, size_t n) PORTAL_WUR;

/* ------------------------------------------------------------------ config */

struct config {
	char program[32]; /* whose [db.<program>] account applies; set before loading */
	char db_socket[256];
	char db_name[64];
	char db_user[64];
	char db_password[128];
	unsigned db_connect_timeout; /* seconds */
	unsigned db_rw_timeout;      /* seconds: what a page waits for one statement */
	unsigned db_job_timeout;     /* seconds: what a scheduled program waits */

	char xsl_dir[256];
	unsigned char secret[32]; /* MAC key for CSRF tokens */
	int have_secret;

	unsigned session_idle;     /* seconds */
	unsigned session_absolute; /* seconds */

	unsigned login_max_fail_login; /* failures per login within the window */
	unsigned login_max_fail_ip;    /* failures per address within the window */
	unsigned login_window;         /* seconds */

	unsigned workers;
	struct limits limits;

	/* [payments] */
	char site_url[256];      /* the portal as the payer's browser reaches it: return URLs */
	char pay_provider[16];   /* "yookassa"; empty: paying online is off */
	char pay_api_url[256];   /* https://api.yookassa.ru/v3 */
	char pay_shop_id[64];
	char pay_secret[128];
	char pay_ca_file[256];   /* extra CA bundle, or empty for the system's */
	unsigned pay_timeout;    /* seconds for one call */
	money_t pay_min;         /* minor units, per account */
	money_t pay_max;

	/* [delivery] */
	char smtp_url[256];      /* smtp://host:port or smtps://; STARTTLS is used when offered */
	char smtp_from[254];     /* the envelope and From: address */
	char smtp_user[128];     /* empty: no authentication */
	char smtp_password[128];
	char smtp_ca_file[256];
	unsigned mail_timeout;   /* seconds for one message */
	unsigned mail_attempts;  /* tries before a message is failed for good */
	unsigned mail_retry;     /* seconds before the first retry; doubled each time */

	/* [sms] */
	char sms_url[256]; /* the gateway's send URL; empty: SMS cannot be sent */
	char sms_key[128]; /* its API key (a bearer token) */
	char sms_ca_file[256];
	unsigned sms_timeout; /* seconds for one message */

	/* [retention]: how long tidy keeps records whose use is over */
	unsigned keep_sign_ins;  /* days of login_attempts: the sign-in record */
	unsigned keep_messages;  /* days of sent or failed outbox rows */
};

extern struct config cfg;

void config_defaults(struct config *);
/* Load an ini file over the defaults.  -1 with a message in err on failure. */
int config_load(struct config *, const char *path, char *err, size_t errlen) PORTAL_WUR;

/* ------------------------------------------------------------------ log */

enum log_level { LOG_ERR, LOG_WARN, LOG_INFO };
void log_open(const char *program);
/* Send log lines somewhere other than stderr (tests and fuzzers). */
void log_stream(FILE *);
void log_msg(enum log_level, const char *, ...) PORTAL_PRINTF(2, 3);
/* Copy s into buf with control characters and quotes escaped (for logs). */
const char *log_esc(char *buf, size_t len, const char *s);

/* ------------------------------------------------------------------ crypto */

/* base64url without padding: 32 bytes -> 43 characters. */
#define TOKEN_BYTES 32
#define TOKEN_CHARS 43

/* Random token, its text form and its SHA-512/256-style hash (BLAKE2b-256). */
int token_new(unsigned char raw[TOKEN_BYTES], char text[TOKEN_CHARS + 1]) PORTAL_WUR;
int token_decode(const char *text, size_t len, unsigned char raw[TOKEN_BYTES]) PORTAL_WUR;
void token_hash(const unsigned char *raw, size_t len, unsigned char out[32]);

/* Hash a password with argon2id (interactive limits).  out: crypto_pwhash_STRBYTES. */
int password_hash(const char *pw, size_t len, char *out, size_t outlen) PORTAL_WUR;
/*
 * 0 if pw matches hash, -1 if not.  *rehash is set when the hash was made
 * with other parameters and should be replaced.  With hash == NULL a fixed
 * dummy hash is verified so that an unknown login costs the same time.
 */
int password_verify(const char *hash, const char *pw, size_t len, int *rehash) PORTAL_WUR;

/* ------------------------------------------------------------------ passwords, codes */

#define PASSWORD_MIN 10          /* characters of a new password */
#define PASSWORD_MAX 128         /* characters of any password */
#define GENERATED_PASSWORD_LEN 12 /* a password we make (registration by SMS) */
#define CODE_DIGITS 6            /* a code sent by SMS */

/* Why a new password is refused without the database ("password-short",
 * "password-login"), or NULL. */
const char *password_weakness(const char *pw, size_t len, const char *login);
/*
 * Every rule for a new password and its confirmation: the code of the first
 * one broken ("password-short", "password-login", "password-common",
 * "password-mismatch"), or NULL when it may be used.  *e says whether the
 * common-password lookup worked; NULL with *e != PERR_OK is a failure.
 */
const char *password_refusal(const char *pw, size_t len, const char *confirm, size_t confirm_len,
			     const char *login, enum perr *e) PORTAL_WUR;
/*
 * A form's new password, fields k_new and k_confirm, against every rule: its
 * hash into hash and 0; or the form refused beside the field at fault, and
 * the handler's status.
 */
int page_new_password(struct req *, size_t k_new, size_t k_confirm, const char *login, char *hash,
		      size_t cap) PORTAL_WUR;
/* 12 random characters from an alphabet without look-alikes. */
void password_generate(char out[GENERATED_PASSWORD_LEN + 1]);
/* Six random decimal digits. */
void code_generate(char out[CODE_DIGITS + 1]);
/* The MAC a code is stored as, keyed by the token it was sent with. */
void code_mac(const unsigned char token[TOKEN_BYTES], const char *code, size_t len,
	      unsigned char out[32]);
/* 1 if code is the one mac was made from (constant time). */
int code_matches(const unsigned char token[TOKEN_BYTES], const char *code, size_t len,
		 const unsigned char mac[32]);

/* Links sent by e-mail: confirming an address, recovering a password. */
#define EMAIL_LINK_TTL (24 * 3600)
#define RECOVERY_TTL 3600

/*
 * Inside the caller's transaction: a new single-use link of purpose (valid
 * ttl seconds, value kept with it) for subscriber, the older ones ended, and
 * an e-mail of kind carrying it (and the login) queued to address.
 */
enum perr link_send(struct arena *, uint64_t subscriber, const char *login, const char *purpose,
		    const char *value, unsigned ttl, const char *address,
		    const char *kind) PORTAL_WUR;

/* CSRF token of this request's session (or pre-session cookie). */
const char *csrf_token(struct req *);
/* 0 if the form's csrf field matches, -1 otherwise (constant time). */
int csrf_check(struct req *) PORTAL_WUR;

/* ------------------------------------------------------------------ session */

/* Start a session for subscriber: new token, row, cookie; ends the old one. */
enum perr session_start(struct req *, uint64_t subscriber_id) PORTAL_WUR;
/* End this request's session: delete the row, clear the cookie. */
enum perr session_end(struct req *) PORTAL_WUR;
/* Whether signing in as login from this address is locked out now (too many
 * failures); when it is, the answer carries Retry-After. */
enum perr login_locked(struct req *, const char *login, int *locked) PORTAL_WUR;
/* The language chosen: the cookie, and a signed-in subscriber's row, which their
 * messages follow. */
enum perr lang_remember(struct req *, enum lang) PORTAL_WUR;

/* ------------------------------------------------------------------ database */

/*
 * A statement lives in a static struct in cgi-bin/db/ and is prepared on its
 * first use in each worker; the handle is kept until the connection is lost.
 */
struct db_stmt {
	const char *name;
	const char *sql;
	void *handle; /* MYSQL_STMT *, owned by lib/db.c */
	unsigned gen; /* connection generation the handle belongs to */
	struct db_stmt *next;
};

enum db_type { DB_NULL, DB_INT, DB_STR, DB_BLOB };

/* A bound parameter. */
struct db_arg {
	enum db_type type;
	long long i;
	const void *p;
	unsigned long len;
};

#define DBA_INT(v) ((struct db_arg){DB_INT, (long long)(v), NULL, 0})
#define DBA_STR(s) ((struct db_arg){DB_STR, 0, (s), (unsigned long)strlen(s)})
#define DBA_STRN(s, n) ((struct db_arg){DB_STR, 0, (s), (unsigned long)(n)})
#define DBA_BLOB(b, n) ((struct db_arg){DB_BLOB, 0, (b), (unsigned long)(n)})
#define DBA_NULL ((struct db_arg){DB_NULL, 0, NULL, 0})

/* A result column: integers into *i, strings copied into the arena. */
struct db_col {
	enum db_type type;
	long long *i;
	const char **s;     /* DB_STR: NUL-terminated copy, NULL for SQL NULL */
	unsigned char *buf; /* DB_BLOB: fixed-size buffer */
	unsigned long cap;
	unsigned long *len;
	int is_null;
};

#define DBC_INT(p) ((struct db_col){DB_INT, (p), NULL, NULL, 0, NULL, 0})
#define DBC_STR(p) ((struct db_col){DB_STR, NULL, (p), NULL, 0, NULL, 0})
#define DBC_BLOB(b, n, l) ((struct db_col){DB_BLOB, NULL, NULL, (b), (n), (l), 0})

/* Open the worker's connection if it is not open.  PERR_DB_DOWN if unreachable. */
enum perr db_connect(void) PORTAL_WUR;
void db_disconnect(void);
/* Call at the start of each request: allows one transparent reconnect. */
void db_request_begin(void);

/* Run a statement without a result set.  affected may be NULL. */
enum perr db_exec(struct db_stmt *, const struct db_arg *, size_t, unsigned long long *affected,
		  unsigned long long *insert_id) PORTAL_WUR;
/* Run a query expected to return at most one row.  PERR_NOT_FOUND if none. */
enum perr db_row(struct arena *, struct db_stmt *, const struct db_arg *, size_t,
		 struct db_col *, size_t) PORTAL_WUR;
/* Run a query and call each(ctx) after every fetched row; each returns 0 to go on. */
enum perr db_rows(struct arena *, struct db_stmt *, const struct db_arg *, size_t,
		  struct db_col *, size_t, int (*each)(void *), void *ctx) PORTAL_WUR;

enum perr db_begin(void) PORTAL_WUR;
/* A transaction that reads the latest committed rows and takes no gap locks:
 * for short ones that lock what they change (crediting a payment). */
enum perr db_begin_read_committed(void) PORTAL_WUR;
enum perr db_commit(void) PORTAL_WUR;
void db_rollback(void);

/* ------------------------------------------------------------------ db/ */

struct subscriber {
	uint64_t id;
	const char *login;
	const char *full_name;
	const char *email;
	const char *phone;
	const char *password_hash;
};

enum perr db_subscriber_by_login(struct arena *, const char *login, struct subscriber *) PORTAL_WUR;
enum perr db_subscriber_set_password(uint64_t id, const char *hash) PORTAL_WUR;

enum perr db_session_insert(const unsigned char hash[32], uint64_t subscriber_id,
			    const char *ip, const char *user_agent) PORTAL_WUR;
/* Live session by token hash, joined with its subscriber. */
enum perr db_session_lookup(struct arena *, const unsigned char hash[32], unsigned idle,
			    unsigned absolute, struct session *, long long *idle_for) PORTAL_WUR;
enum perr db_session_touch(uint64_t id) PORTAL_WUR;
enum perr db_session_delete(const unsigned char hash[32]) PORTAL_WUR;

enum login_result { LOGIN_OK, LOGIN_FAIL, LOGIN_LOCKED };
/* Failures within window seconds for this login and for this address. */
enum perr db_login_failures(struct arena *, const char *login, const char *ip, unsigned window,
			    long long *by_login, long long *by_ip) PORTAL_WUR;
enum perr db_login_record(const char *login, const char *ip, enum login_result,
			  uint64_t subscriber_id) PORTAL_WUR;

/*
 * Billing.  Every function that takes a subscriber id returns only what is
 * linked to that subscriber: access control lives in the SQL, and an id that
 * is not theirs is PERR_NOT_FOUND, the same as one that does not exist.
 * Functions that take an account id alone expect the session's current
 * account, which the session lookup has already checked is linked.
 */
struct organization {
	uint64_t id;
	const char *name, *inn, *address, *phones, *email;
	const char *bank_name, *bic, *bank_account, *corr_account;
	const struct currency *cur;
	/* What a receipt prints as well (read by receipt_load() only; may be NULL). */
	const char *kpp, *website, *receipt_note, *qr_category, *qr_tech_code;
};

struct account {
	uint64_t id;
	const char *number, *payer, *address, *phone;
	const char *meters_replaced_on; /* YYYY-MM-DD or NULL */
	long long residents;
	long long area_centi_m2; /* 54.30 m2 = 5430 */
	const char *household;   /* gas, gas-alone, estove, estove-alone */
	struct organization org;
};

/* One linked account with one of its services in its latest month. */
struct account_service {
	struct account acc;      /* id, number, payer, address, org.name, org.cur */
	uint64_t service_id;     /* 0: the account has no history yet */
	const char *service;     /* name in the page's language */
	const char *supplier;
	const char *unit;        /* catalog key: kWh, m3, Gcal */
	money_t tariff, closing; /* closing > 0: the subscriber owes */
	month_t month;
};

struct ledger_row {
	month_t month;
	money_t tariff;     /* one service only */
	long long quantity; /* thousandths of the unit; one service only */
	money_t opening, accrued, corrections, paid, closing;
};

/* 1 if closing = opening + accrued + corrections - paid (without overflow). */
int ledger_balanced(const struct ledger_row *);

/* The totals of a run of months, and what was wrong with it. */
struct ledger_total {
	struct ledger_row sum; /* first opening, summed movements, last closing */
	size_t months;
	size_t unbalanced; /* rows that do not balance */
	int continuous;    /* every month opens with the previous closing, none missing */
};

void ledger_total_init(struct ledger_total *);
/* Add the next month; -1 if a sum would overflow. */
int ledger_total_add(struct ledger_total *, const struct ledger_row *) PORTAL_WUR;

struct correction {
	month_t month;
	money_t amount;
	const char *reason;
};

struct payment {
	uint64_t id, account_id;
	const char *account_number;
	const struct currency *cur;
	const char *paid_at; /* YYYY-MM-DD (recent) or YYYY-MM-DD HH:MM (history), UTC */
	money_t amount;
	const char *channel; /* card, bank, cash, autopay: a catalog key */
	const char *bank;    /* who took the money; may be NULL */
	const char *status;  /* pending, succeeded, canceled */
	/* history only: one line of the split (service_id 0: none) */
	uint64_t service_id;
	const char *service, *supplier;
	money_t line;
};

struct month_total {
	const struct currency *cur;
	month_t month;
	money_t accrued; /* accrued + corrections */
	money_t paid;
};

enum perr db_organizations(struct arena *, int (*each)(void *, const struct organization *),
			   void *) PORTAL_WUR;
/* Every linked account x service in the account's latest month, by account id. */
enum perr db_linked_services(struct arena *, uint64_t subscriber, enum lang,
			     int (*each)(void *, const struct account_service *), void *) PORTAL_WUR;
/* A linked account as the payment form shows it. */
struct payable {
	uint64_t id;
	const char *number, *address, *org;
	const struct currency *cur;
	int pay_online; /* its organization takes payments through the portal */
	int billed;     /* it has a ledger */
	money_t balance; /* the latest month's closings: > 0 is owed */
};

/* Every linked account with its balance, by id. */
enum perr db_payable_accounts(struct arena *, uint64_t subscriber,
			      int (*each)(void *, const struct payable *), void *) PORTAL_WUR;
/* One linked account with its organization. */
enum perr db_account_get(struct arena *, uint64_t subscriber, uint64_t account,
			 struct account *) PORTAL_WUR;
/*
 * The account numbered number at organization org, if its most recent
 * payment was made in month for exactly amount.  *linked says whether the
 * subscriber has it already.  PERR_NOT_FOUND for any mismatch.
 */
enum perr db_account_verify(struct arena *, uint64_t subscriber, uint64_t org, const char *number,
			    month_t month, money_t amount, uint64_t *account, int *linked) PORTAL_WUR;
enum perr db_account_link(uint64_t subscriber, uint64_t account) PORTAL_WUR;
/* <organizations> under parent, every one with its id and phones, @selected on want;
 * *chosen (and *found = 1) is that one if there is one. */
enum perr xml_organizations(struct arena *, xmlNodePtr parent, uint64_t want,
			    struct organization *chosen, int *found) PORTAL_WUR;
/* An account of org by its number: id, payer and the phone on file (may be NULL). */
enum perr db_account_by_number(struct arena *, uint64_t org, const char *number,
			       struct account *) PORTAL_WUR;
/* PERR_NOT_FOUND if the account was not linked. */
enum perr db_account_unlink(uint64_t subscriber, uint64_t account) PORTAL_WUR;
enum perr db_subscriber_set_current(uint64_t subscriber, uint64_t account) PORTAL_WUR;
/* Failed link checks within the last hour; record one check. */
enum perr db_link_failures(struct arena *, uint64_t subscriber, long long *) PORTAL_WUR;
enum perr db_link_record(uint64_t subscriber, int ok) PORTAL_WUR;

/* The services of the current account in its latest month. */
enum perr db_account_services(struct arena *, uint64_t account, enum lang,
			      int (*each)(void *, const struct account_service *), void *) PORTAL_WUR;
/* One service of the current account (service, supplier, unit); NOT_FOUND if it has none. */
enum perr db_account_service(struct arena *, uint64_t account, uint64_t service, enum lang,
			     struct account_service *) PORTAL_WUR;
/* Months from..to of one service, or of all (service 0) summed. */
enum perr db_ledger_months(struct arena *, uint64_t account, uint64_t service, month_t from,
			   month_t to, int (*each)(void *, const struct ledger_row *),
			   void *) PORTAL_WUR;
enum perr db_corrections(struct arena *, uint64_t account, uint64_t service, month_t from,
			 month_t to, int (*each)(void *, const struct correction *), void *) PORTAL_WUR;
/* The newest payments over all linked accounts. */
enum perr db_payments_recent(struct arena *, uint64_t subscriber, unsigned limit,
			     int (*each)(void *, const struct payment *), void *) PORTAL_WUR;
/*
 * Payments of months from..to with their split, newest first, one call per
 * line of a split (a payment without lines once).  account 0: every linked
 * account.  At most limit calls.
 */
enum perr db_payment_history(struct arena *, uint64_t subscriber, uint64_t account, month_t from,
			     month_t to, enum lang, unsigned limit,
			     int (*each)(void *, const struct payment *), void *) PORTAL_WUR;
/* Accrued and paid per currency and month over all linked accounts. */
enum perr db_monthly_totals(struct arena *, uint64_t subscriber, month_t from, month_t to,
			    int (*each)(void *, const struct month_total *), void *) PORTAL_WUR;

/* A tariff as a subscriber picks it; its dated versions are struct tariff. */
struct tariff_plan {
	uint64_t id;
	const char *name;
	unsigned zones;
};

/* Organizations with tariffs anyone may see. */
enum perr db_public_organizations(struct arena *, int (*each)(void *, const struct organization *),
				  void *) PORTAL_WUR;
/* The plans of an organization; with_private adds those only its subscribers see. */
enum perr db_tariff_plans(struct arena *, uint64_t org, int with_private, enum lang,
			  int (*each)(void *, const struct tariff_plan *), void *) PORTAL_WUR;
/* The versions of a plan valid on any day of [from, to], by date, with prices and
 * limits; at most max, *n of them (PERR_TOO_LARGE if there are more). */
enum perr db_tariffs(struct arena *, uint64_t plan, day_t from, day_t to, struct tariff *,
		     size_t max, size_t *n) PORTAL_WUR;

/* A meter on a linked account, with what the readings form needs. */
struct meter {
	uint64_t id, account_id, plan_id; /* plan_id 0: no tariff to estimate with */
	uint64_t org_id;
	const char *account_number, *address, *kind, *number;
	const char *verification_due; /* YYYY-MM-DD or NULL */
	unsigned zones, digits, decimals;
	long long last[TARIFF_ZONES];   /* last accepted reading, 10^-decimals units; -1: none */
	day_t last_on[TARIFF_ZONES];
	long long avg_delta[TARIFF_ZONES]; /* consumption over the last six months' readings */
	long long avg_days[TARIFF_ZONES];  /* ... and the days it took; 0: too few readings */
	unsigned window_from, window_to;   /* the organization's days for submitting */
	long long residents;
	const char *household;
	const struct currency *cur;
};

struct reading_row {
	unsigned zone;
	const char *taken_on; /* YYYY-MM-DD */
	long long value;
	const char *source, *status, *reason;
};

/* The meters in use on the subscriber's linked accounts (meter 0), or one of them. */
enum perr db_meters(struct arena *, uint64_t subscriber, uint64_t meter,
		    int (*each)(void *, const struct meter *), void *) PORTAL_WUR;
/* A meter's readings, oldest first, if the meter is on a linked account. */
enum perr db_reading_history(struct arena *, uint64_t subscriber, uint64_t meter,
			     int (*each)(void *, const struct reading_row *), void *) PORTAL_WUR;
/* Record today's reading of one register, from the subscriber, accepted. */
enum perr db_reading_insert(uint64_t meter, unsigned zone, long long value,
			    uint64_t subscriber) PORTAL_WUR;

/* ------------------------------------------------------------------ receipt documents */

#define RECEIPT_MAX_CORRECTIONS 32
#define RECEIPT_MAX_READINGS 48 /* meters x registers shown on the back */

/* One service's line of the calculation. */
struct receipt_line {
	uint64_t service_id;
	const char *service, *supplier, *unit; /* NULL on the totals line */
	money_t tariff;
	long long quantity; /* thousandths of the unit */
	money_t opening, accrued, corrections, paid, closing;
};

struct receipt_correction {
	const char *service;
	money_t amount;
	const char *reason;
};

/* A meter register's readings used for the month. */
struct receipt_reading {
	const char *meter, *kind;
	unsigned zone, zones, digits, decimals;
	long long prev, curr; /* 10^-decimals of the unit; -1: none */
	const char *prev_on, *curr_on; /* YYYY-MM-DD or NULL */
	long long used; /* consumption, same units; -1 when it cannot be told */
};

/*
 * paid: what the receipt asked for has been paid since (payments after the
 * month cover its closing balance, oldest debt first); partly: some of it.
 * A receipt that asks for nothing is paid.
 */
enum receipt_status { RECEIPT_UNPAID, RECEIPT_PARTLY, RECEIPT_PAID };

const char *receipt_status_name(enum receipt_status);
enum receipt_status receipt_status_of(money_t to_pay, money_t paid_since);

/* An account's receipt for a month: the payment document. */
struct receipt {
	struct account acc; /* with its organization, the payee */
	month_t month;
	const char *due_on, *issued_on; /* YYYY-MM-DD */
	int by_email; /* this subscriber takes the account's receipts by e-mail */
	size_t n;
	struct receipt_line line[SPLIT_MAX_SERVICES];
	struct receipt_line total; /* the lines summed */
	money_t to_pay;            /* the total closing if positive, else 0 */
	money_t paid_since;        /* paid in the months after */
	enum receipt_status status;
	size_t ncorr;
	struct receipt_correction corr[RECEIPT_MAX_CORRECTIONS];
	size_t nread;
	struct receipt_reading read[RECEIPT_MAX_READINGS];
	const char *qr; /* the GOST R 56042 payload; NULL for a payee outside it (not roubles) */
};

/* One line of the receipts list. */
struct receipt_item {
	month_t month;
	const char *due_on;
	money_t to_pay, paid_since;
	enum receipt_status status;
};

/*
 * What is wrong with a payee's bank details, as an error code ("bic",
 * "bank-account", "corr-account", "inn", "kpp", "name", "bank-name"); NULL
 * if nothing.  Rouble payees are checked by the Bank of Russia's rules (the
 * control keys); others only for presence.
 */
const char *payee_check(const struct organization *);
/*
 * The receipt of account (linked to subscriber) for month: NOT_FOUND unless
 * the organization issued that month and the account was billed in it.  The
 * QR payload is made only for rouble payees whose details pass payee_check().
 */
enum perr receipt_load(struct arena *, uint64_t subscriber, uint64_t account, month_t, enum lang,
		       struct receipt *) PORTAL_WUR;
/* <receipt> under parent: everything the page, the print view and the PDF show. */
int xml_receipt(xmlNodePtr parent, struct arena *, const struct receipt *, enum lang) PORTAL_WUR;

/* db/receipt.c */
struct receipt_head {
	const char *due_on, *issued_on;
	int by_email;
};
enum perr db_receipt_head(struct arena *, uint64_t subscriber, uint64_t account, month_t,
			  struct account *, struct receipt_head *) PORTAL_WUR;
enum perr db_receipt_lines(struct arena *, uint64_t account, month_t, enum lang,
			   int (*each)(void *, const struct receipt_line *), void *) PORTAL_WUR;
/* Payments credited to the account in the months after month. */
enum perr db_receipt_paid_since(struct arena *, uint64_t account, month_t, money_t *) PORTAL_WUR;
enum perr db_receipt_corrections(struct arena *, uint64_t account, month_t, enum lang,
				 int (*each)(void *, const struct receipt_correction *),
				 void *) PORTAL_WUR;
/* Every register of the meters in use on the account in month, with its
 * latest accepted reading in the month and the one before it. */
enum perr db_receipt_readings(struct arena *, uint64_t account, month_t,
			      int (*each)(void *, const struct receipt_reading *), void *) PORTAL_WUR;
/* The account's receipts of months from..to, newest first. */
enum perr db_receipts(struct arena *, uint64_t account, month_t from, month_t to,
		      int (*each)(void *, const struct receipt_item *), void *) PORTAL_WUR;
/* The newest month the account has a receipt for; 0 if none. */
enum perr db_receipt_latest(struct arena *, uint64_t account, month_t *) PORTAL_WUR;
/* Receipts by e-mail for one linked account, on or off. */
enum perr db_receipt_email_set(uint64_t subscriber, uint64_t account, int on) PORTAL_WUR;
enum perr db_receipt_email_get(struct arena *, uint64_t subscriber, uint64_t account,
			       int *on) PORTAL_WUR;

/* A linked account and whether its receipts come by e-mail. */
struct ereceipt {
	uint64_t account;
	const char *number, *address;
	int on;
};

enum perr db_receipt_email_list(struct arena *, uint64_t subscriber,
				int (*each)(void *, const struct ereceipt *), void *) PORTAL_WUR;

/* Issuing (receiptjobs). */
struct issue_org {
	struct organization org;
	unsigned pay_by_day;
	int issued; /* the month is issued already */
};
/* Organizations with accounts billed in month, by id.  Whether any is, not
 * how many: counting a million accounts' month takes minutes. */
enum perr db_issue_orgs(struct arena *, month_t, int (*each)(void *, const struct issue_org *),
			void *) PORTAL_WUR;
/* Record the month issued and queue the e-mails of its subscribers, in one transaction.
 * PERR_CONFLICT if it was issued meanwhile. *mailed: e-mails queued. */
enum perr db_issue(uint64_t org, month_t, day_t due_on, unsigned long long *mailed) PORTAL_WUR;

/* ------------------------------------------------------------------ paying */

/* A ledger row as crediting sees it. */
struct credit_row {
	uint64_t service;
	month_t month;
	money_t tariff;
	money_t charge; /* accrued + corrections */
	money_t closing;
};

/* The account's ledger rows from month from on, newest month first. */
enum perr db_credit_rows(struct arena *, uint64_t account, month_t from,
			 int (*each)(void *, const struct credit_row *), void *) PORTAL_WUR;
/*
 * shares: a JSON array [{"s":service,"a":amount},...] of n services.  Credit
 * them in month (each row must exist: PERR_NOT_FOUND otherwise); or open month
 * from month from's rows (opening = its closing, nothing accrued, the share
 * paid); and record the payment's lines (shares that are not zero).
 */
enum perr db_ledger_credit(uint64_t account, month_t, const char *shares, size_t n) PORTAL_WUR;
enum perr db_ledger_open_month(uint64_t account, month_t from, month_t, const char *shares,
			       size_t n) PORTAL_WUR;
enum perr db_payment_lines(uint64_t payment, month_t, const char *shares) PORTAL_WUR;

/*
 * How an amount would be, or is, spread over one account's services: its
 * services in the latest billed month with their balances, the split by
 * payment_split()'s rule, and what is due.
 */
struct credit {
	uint64_t account;
	month_t latest; /* the latest billed month; 0: the account has no bills */
	size_t n;
	uint64_t service[SPLIT_MAX_SERVICES];
	money_t tariff[SPLIT_MAX_SERVICES];
	money_t closing[SPLIT_MAX_SERVICES];
	money_t share[SPLIT_MAX_SERVICES];
	money_t due; /* the balance (sum of the closings) if positive: "к оплате" */
};

/* Read the ledger and split amount (0: only read what is due). */
enum perr credit_plan(struct arena *, uint64_t account, money_t amount, struct credit *) PORTAL_WUR;
/* Write a planned split: the ledger of the month it arrives in, and the payment's lines.
 * Call inside a transaction, with the account locked before credit_plan(). */
enum perr credit_apply(const struct credit *, uint64_t payment_id, month_t now) PORTAL_WUR;

/* An online payment as stored. */
struct online_payment {
	uint64_t id, subscriber_id;
	const char *kind;     /* card, autopay */
	const char *provider;
	const char *provider_id; /* "" until the provider has it */
	const char *status;   /* created, pending, succeeded, canceled */
	money_t amount;
	const struct currency *cur;
	int save_method;
	int has_method; /* a saved method id is held, waiting for autopay */
	const char *confirmation_url, *method_title, *cancel_reason; /* may be NULL */
	enum lang lang;
};

/* One account an online payment pays for: its payments row. */
struct online_item {
	uint64_t payment_id, account_id;
	money_t amount;
	const char *account_number;
};

enum perr db_online_insert(uint64_t subscriber, const char *key, const char *kind,
			   const char *provider, money_t amount, const char *currency,
			   int save_method, enum lang, uint64_t *id) PORTAL_WUR;
enum perr db_online_insert_item(uint64_t online, uint64_t account, money_t amount,
				const char *channel, const char *bank) PORTAL_WUR;
enum perr db_online_by_key(struct arena *, uint64_t subscriber, const char *key,
			   struct online_payment *) PORTAL_WUR;
/* One of the subscriber's own online payments. */
enum perr db_online_get(struct arena *, uint64_t subscriber, uint64_t id,
			struct online_payment *) PORTAL_WUR;
/* Any online payment with the accounts it pays for (by account id), all locked
 * for the rest of the transaction.  NOT_FOUND if there is no such payment. */
enum perr db_online_lock_items(struct arena *, uint64_t id, struct online_payment *,
			       int (*each)(void *, const struct online_item *), void *) PORTAL_WUR;
enum perr db_online_by_provider(const char *provider, const char *provider_id,
				uint64_t *id) PORTAL_WUR;
/* created or pending for longer than older_minutes, with ids above after, by id. */
enum perr db_online_unfinished(struct arena *, unsigned older_minutes, uint64_t after,
			       unsigned limit, int (*each)(void *, const struct online_payment *),
			       void *) PORTAL_WUR;
enum perr db_online_set_pending(uint64_t id, const char *provider_id, const char *url) PORTAL_WUR;
/* created or pending -> succeeded or canceled, with its payments rows;
 * PERR_CONFLICT if it had already left those states. */
enum perr db_online_finish(uint64_t id, int succeeded, const char *method_id,
			   const char *method_title, const char *reason) PORTAL_WUR;
enum perr db_online_items(struct arena *, uint64_t online,
			  int (*each)(void *, const struct online_item *), void *) PORTAL_WUR;
/* The method a succeeded payment of the subscriber's saved; NOT_FOUND if none is held. */
enum perr db_online_method(struct arena *, uint64_t online, uint64_t subscriber,
			   const char **provider, const char **method_id,
			   const char **title) PORTAL_WUR;
enum perr db_online_forget_method(uint64_t online) PORTAL_WUR;
/* Drop saved methods that were not made into autopay within a day. */
enum perr db_online_forget_unused(unsigned long long *n) PORTAL_WUR;

enum settle_result {
	SETTLE_PENDING,   /* the provider has not decided */
	SETTLE_SUCCEEDED, /* credited now */
	SETTLE_CANCELED,  /* marked failed now */
	SETTLE_ALREADY,   /* it was final before: nothing changed */
};

/*
 * Apply what the provider says of payment online_id: on success credit every
 * account it pays for and mark it succeeded, in one transaction; on failure
 * mark it canceled; either way queue the subscriber's notification.  Safe to
 * call any number of times, concurrently: it changes things once.
 * PERR_CONFLICT if the provider's payment does not match ours (amount,
 * currency, id): nothing is credited and the mismatch is logged.
 */
enum perr payment_settle(struct arena *, uint64_t online_id, const struct pay_state *,
			 enum settle_result *) PORTAL_WUR;

/* Monthly autopay of one account. */
struct autopay {
	uint64_t id, subscriber_id, account_id;
	const char *account_number, *address;
	const struct currency *cur;
	const char *method_title;
	unsigned day;
	money_t max_amount;
	const char *provider, *method_id; /* the scheduled program's query only */
};

/* Set (or replace) the autopay of an account; call inside a transaction. */
enum perr db_autopay_set(uint64_t subscriber, uint64_t account, const char *provider,
			 const char *method_id, const char *title, unsigned day,
			 money_t max) PORTAL_WUR;
/* The subscriber's autopays on linked accounts. */
enum perr db_autopays(struct arena *, uint64_t subscriber,
		      int (*each)(void *, const struct autopay *), void *) PORTAL_WUR;
/* End one (the method id goes with the row); NOT_FOUND if it is not theirs. */
enum perr db_autopay_delete(uint64_t subscriber, uint64_t id) PORTAL_WUR;
/* Autopays of that day of the month with no run in month. */
enum perr db_autopays_due(struct arena *, unsigned day, month_t, unsigned limit,
			  int (*each)(void *, const struct autopay *), void *) PORTAL_WUR;
/* The month's run, recorded before charging; PERR_CONFLICT if it ran already. */
enum perr db_autopay_run_begin(uint64_t autopay, month_t, uint64_t account, money_t amount,
			       const char *result) PORTAL_WUR;
enum perr db_autopay_run_end(uint64_t autopay, month_t, const char *result,
			     uint64_t online) PORTAL_WUR;
/* The run whose charge is online payment online ended so (no run yet: nothing). */
enum perr db_autopay_run_settled(uint64_t online, int succeeded) PORTAL_WUR;

/*
 * Queue a notification on topic (receipt, payment, autopay, news) by every
 * channel the subscriber chose for it, to the address and phone on file, in
 * the language they last chose.
 */
enum perr db_outbox_notify(uint64_t subscriber, const char *topic, const char *kind,
			   const char *params) PORTAL_WUR;
/* Queue a message to one address (channel "email" or "sms"), in the subscriber's
 * language, whatever their choices: what they must be told. */
enum perr db_outbox_to(uint64_t subscriber, const char *channel, const char *address,
		       const char *kind, const char *params) PORTAL_WUR;
/* A message's parameters, <name a="v" .../>, escaped; pairs is n name, value pairs. */
const char *outbox_params(struct arena *, const char *name, const char *const *pairs, size_t n);

/* An outbox message claimed for sending. */
struct outbox_msg {
	uint64_t id, subscriber_id;
	const char *channel, *address, *kind, *params;
	enum lang lang;
	unsigned attempts; /* this one included */
};

/* Up to max messages due now, by id into ids; *n of them. */
enum perr db_outbox_due(struct arena *, uint64_t *ids, size_t max, size_t *n) PORTAL_WUR;
/* Claim one for lease seconds; PERR_CONFLICT if another run has it or it is done. */
enum perr db_outbox_claim(struct arena *, uint64_t id, unsigned lease,
			  struct outbox_msg *) PORTAL_WUR;
enum perr db_outbox_sent(uint64_t id) PORTAL_WUR;
/* Not sent: again in delay seconds, or failed for good (give_up, or the last attempt). */
enum perr db_outbox_retry(uint64_t id, int give_up, unsigned max_attempts, unsigned delay,
			  const char *error) PORTAL_WUR;

/*
 * Send an e-mail through [delivery] smtp_url (STARTTLS when the server
 * offers it): a text/plain UTF-8 body and, if attach is not NULL, one
 * attachment.  msgid makes the Message-ID, the same on every attempt.
 * PERR_UPSTREAM with the server's or libcurl's words in err when it fails.
 */
enum perr mail_send(const char *to, const char *subject, const char *text, const char *attach_name,
		    const char *attach_type, const unsigned char *attach, size_t attach_len,
		    uint64_t msgid, char *err, size_t errlen) PORTAL_WUR;

/*
 * Send a text message through the [sms] gateway: POST of JSON
 * {"to","text","client_id"} with the key as a bearer token.  The gateway
 * keeps client_id ("kabinet-<msgid>"), so a repeat is not sent twice.
 * PERR_BAD_INPUT when it refuses the message for good, PERR_UPSTREAM when
 * it cannot take it now; its words in err.
 */
enum perr sms_send(const char *to, const char *text, uint64_t msgid, char *err,
		   size_t errlen) PORTAL_WUR;

/* ------------------------------------------------------------------ settings, tokens */

/* Everything the settings page shows of a subscriber. */
struct profile {
	uint64_t id;
	const char *login, *full_name, *email, *phone, *landline; /* NULL when none */
	enum lang lang;
	const char *notify_email, *notify_sms; /* "payment,autopay": topics on */
	const char *pending_mobile, *pending_mobile_at;  /* a change staff have not made */
	const char *pending_email, *pending_email_until; /* an address not yet confirmed */
};

enum perr db_profile_get(struct arena *, uint64_t subscriber, struct profile *) PORTAL_WUR;
/* The name and the landline (NULL: none). */
enum perr db_profile_set(uint64_t subscriber, const char *full_name,
			 const char *landline) PORTAL_WUR;
enum perr db_subscriber_set_lang(uint64_t subscriber, enum lang) PORTAL_WUR;
/* The topics on for each channel, as SET text ("payment,news"). */
enum perr db_subscriber_set_notify(uint64_t subscriber, const char *email,
				   const char *sms) PORTAL_WUR;
enum perr db_subscriber_set_email(uint64_t subscriber, const char *email) PORTAL_WUR;
/* Inside a transaction: the subscriber's new password hash, every session but
 * keep_session ended (0: all), and the subscriber told by e-mail. */
enum perr password_replace(struct arena *, const struct subscriber *, const char *hash,
			   uint64_t keep_session) PORTAL_WUR;
/* One subscriber by id (active ones only), with the password hash. */
enum perr db_subscriber_get(struct arena *, uint64_t id, struct subscriber *) PORTAL_WUR;
/* By login, else by an e-mail address only one subscriber has. */
enum perr db_subscriber_find(struct arena *, const char *login_or_email,
			     struct subscriber *) PORTAL_WUR;
/* PERR_CONFLICT if the login is taken. */
enum perr db_subscriber_create(const char *login, const char *hash, const char *full_name,
			       const char *phone, enum lang, uint64_t *id) PORTAL_WUR;
/* A request to change the mobile phone, replacing one still pending. */
enum perr db_contact_request(uint64_t subscriber, const char *field, const char *value) PORTAL_WUR;

/* 1 in *common if pw is one of the 10,000 most common passwords. */
enum perr db_password_common(const char *pw, int *common) PORTAL_WUR;

/* A single-use secret sent to a subscriber. */
struct sub_token {
	uint64_t id, subscriber_id;
	const char *value; /* 'email': the address to confirm */
	unsigned char code_mac[32];
	unsigned long mac_len;
	long long attempts;
};

/* Store a token (its hash) for purpose, valid ttl seconds.  value and mac may be NULL. */
enum perr db_token_insert(const unsigned char hash[32], uint64_t subscriber, const char *purpose,
			  const char *value, const unsigned char *mac, unsigned ttl) PORTAL_WUR;
/* A token of purpose that is unused, unexpired and tried fewer than max_attempts times. */
enum perr db_token_live(struct arena *, const unsigned char hash[32], const char *purpose,
			unsigned max_attempts, struct sub_token *) PORTAL_WUR;
/* Count a try (SMS codes). */
enum perr db_token_attempt(uint64_t id) PORTAL_WUR;
/* Use it: PERR_CONFLICT if it was used meanwhile. */
enum perr db_token_use(uint64_t id) PORTAL_WUR;
/* End every live token of purpose the subscriber has (a newer one replaces them). */
enum perr db_token_drop(uint64_t subscriber, const char *purpose) PORTAL_WUR;

/* Uses of a signed-out form within window seconds, from ip and for subject. */
enum perr db_form_attempts(struct arena *, const char *form, const char *ip, const char *subject,
			   unsigned window, long long *by_ip, long long *by_subject) PORTAL_WUR;
enum perr db_form_attempt_record(const char *form, const char *ip, const char *subject) PORTAL_WUR;

/* A live session, as the settings list it. */
struct session_row {
	uint64_t id;
	const char *created_at, *last_seen, *ip, *user_agent; /* times ISO 8601 UTC */
};

enum perr db_sessions_of(struct arena *, uint64_t subscriber,
			 int (*each)(void *, const struct session_row *), void *) PORTAL_WUR;
/* End one of the subscriber's sessions; PERR_NOT_FOUND if it is not theirs. */
enum perr db_session_end_id(uint64_t subscriber, uint64_t id) PORTAL_WUR;
/* End all the subscriber's sessions but except (0: all). */
enum perr db_sessions_end_all(uint64_t subscriber, uint64_t except) PORTAL_WUR;

/*
 * <accounts> under the page: each linked account (number, payer, address,
 * organization, month, services, balance; @current on the current one) and
 * one <to-pay> per currency.  *latest (may be NULL) gets the newest month
 * any of them was billed for, 0 if none.
 */
enum perr xml_accounts(struct req *, month_t *latest) PORTAL_WUR;

/* ------------------------------------------------------------------ retention */

enum tidy_kind {
	/* Sessions idle longer than age.  One past its absolute limit is refused
	 * at once and, never touched again, goes once it has been idle as long. */
	TIDY_SESSIONS,
	TIDY_TOKENS,        /* e-mail links and SMS codes, by when they expired */
	TIDY_FORM_ATTEMPTS, /* sign-up and recovery rate-limit records */
	TIDY_LINK_ATTEMPTS, /* account-linking rate-limit records */
	TIDY_SIGN_INS,      /* the sign-in record (login_attempts) */
	TIDY_MESSAGES,      /* sent or failed outbox messages, by when queued */
};
/* Deletes up to batch rows of kind older than age seconds; deleted (may be NULL) says how many. */
enum perr db_tidy(enum tidy_kind, unsigned age, unsigned batch,
		  unsigned long long *deleted) PORTAL_WUR;

/* ------------------------------------------------------------------ main */

/*
 * Run a section program: as a pre-forking FastCGI server when started with
 * --socket PATH (or on an inherited FastCGI socket on fd 0), otherwise as a
 * plain CGI program answering the one request in its environment.
 */
int portal_main(int argc, char **argv, const struct section *);

/*
 * A scheduled program: log as program, load $PORTAL_CONFIG with its
 * [db.<program>] account, and make its arena; NULL (said on stderr) if it
 * cannot.  job_end() closes what the run opened.
 */
struct arena *job_start(const char *program) PORTAL_WUR;
void job_end(struct arena *);

#endif
