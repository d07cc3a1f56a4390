/* web/req.h: a request and its answer. */
#ifndef WEB_REQ_H
#define WEB_REQ_H

#include <libxml/tree.h>
#include <stddef.h>

#include "billing/access.h"
#include "core/arena.h"
#include "core/attrs.h"
#include "core/lang.h"
#include "core/parse.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/session.h"
#include "db/staff.h"

struct req;
struct io;

enum method { M_GET = 1, M_HEAD = 2, M_POST = 4, M_OTHER = 8 };

/* Page flags. */
#define PAGE_SESSION 0x01 /* only for a signed-in subscriber */
#define PAGE_PUBLIC 0x02  /* may be served without a session */
/*
 * A machine's endpoint (a provider's notification): a POST of JSON, no
 * session, no CSRF token (nothing a browser could be tricked into sending:
 * the handler trusts no field of it), answered with a bare XML status.
 */
#define PAGE_HOOK 0x04
/*
 * A POST that changes nothing (the public calculator computes and shows).
 * A visitor's needs no CSRF token: there is nothing to forge, and a form
 * left open past its pre-session cookie must not answer "form expired".
 * A signed-in subscriber's POST is still checked, as every POST is.
 */
#define PAGE_READ_ONLY_POST 0x08
/* Signing out: the one POST a staff member viewing as a subscriber may make. */
#define PAGE_SIGN_OUT 0x10
/*
 * A form with a file (multipart/form-data): the fields before the file are
 * read into the form and checked as any POST's (CSRF included) before the
 * handler runs; the handler then reads the file as it arrives
 * (req_upload_read), never held whole.  The form puts its file input last.
 */
#define PAGE_UPLOAD 0x20
/*
 * What a page needs on the session's current account (billing/access.h),
 * kept in the flags' upper bits: PAGE_SESSION | PAGE_NEEDS(RIGHT_PAY).  A
 * subscriber the account was shared with without that right gets 404, as
 * for an account that is not theirs, before the handler runs.  A page that
 * names none is open to anyone signed in; its statements decide what they
 * show (those of subscriber_accounts show a delegate nothing, sql/049).
 */
#define PAGE_RIGHTS_SHIFT  8
#define PAGE_NEEDS(rights) ((unsigned)(rights) << PAGE_RIGHTS_SHIFT)

/* What of a User-Agent is kept: the sessions' column holds 255 characters. */
#define USER_AGENT_MAX 255

/* The longest ?next= a sign-in form carries back; a longer one is dropped. */
#define NEXT_MAX 512

struct page {
	const char *path;   /* exact match against the request path */
	unsigned methods;   /* M_GET | M_POST ... (HEAD follows GET) */
	unsigned flags;     /* PAGE_* */
	const char *name;   /* the page's name in the XML (page/@name) */
	int (*handler)(struct req *);
};

struct section {
	const char *name; /* page/@section: its stylesheet templates and messages */
	/* The program serving it, when not name: its log prefix, secrets file and
	 * database account (the console is one section served by two programs). */
	const char *program;
	const struct page *pages;
	size_t npages;
	const struct field *fields;
	size_t nfields;
	/*
	 * Who is signed in, from the request's cookies (NULL: a subscriber,
	 * session_load() in web/session.c); where a signed-out visitor is sent
	 * (NULL: /login); the navigation of every page (NULL: the subscriber's,
	 * nav_add()).  The operator console has its own three.
	 */
	enum perr (*load_session)(struct req *);
	const char *login_path;
	void (*nav)(struct req *);
	/* How a PAGE_UPLOAD page's body is read (web/upload.c); NULL if it has none. */
	int (*upload)(struct req *, const struct io *, const char *content_type);
	/* A program that is not pages (the JSON API) serves each request itself. */
	void (*serve)(const struct section *, struct arena *, const struct io *);
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
	const char *user_agent; /* valid UTF-8, at most USER_AGENT_MAX bytes */
	/*
	 * Work done after the answer has gone (set by a handler): the answer
	 * then takes the same time whatever the work finds (password recovery
	 * must not tell whether a login exists).  It may use the arena and the
	 * database, not the request's parameters.
	 */
	void (*after)(struct req *);
	void *after_arg;
	int https;
	enum lang lang;
	int want_xml; /* ?format=xml */

	struct kvlist query;
	struct kvlist form;
	const char *body; /* PAGE_HOOK: the raw request body, NUL-terminated */
	size_t body_len;
	struct kvlist cookies;
	struct upload *upload; /* PAGE_UPLOAD: the file part, if one was sent */

	struct fval *vals; /* indexed like sec->fields */
	unsigned char *bad; /* 1 where a field was sent but failed validation */

	struct session *sess; /* NULL when not signed in */
	struct staff_session *staff; /* the operator console's: NULL when not signed in */
	/* The token hash of whichever session is in force (CSRF tokens bind to
	 * it), NULL if none; signed_in once it may see PAGE_SESSION pages. */
	const unsigned char *sess_hash;
	int signed_in;

	xmlDocPtr doc;
	xmlNodePtr root; /* <page> */

	/* response */
	int status;
	const char *location;
	const char *err_code; /* error page's code, set by page_error() */
	int keep_doc;         /* render the handler's document whatever the status */
	/*
	 * A download instead of the page (page_pdf(), page_table()):
	 * its file name, its type, and what makes it from the page's document.
	 * Set by those functions, so only programs that offer a download link
	 * the code that makes it.
	 */
	const char *dl_name;
	const char *dl_type;
	enum perr (*make_dl)(struct arena *, xmlDocPtr, const unsigned char **, size_t *);
	/* A download written as it is made (page_stream()): its writer and argument. */
	enum perr (*stream)(struct req *, void *arg, int (*put)(void *, const char *, size_t),
			    void *put_ctx);
	void *stream_arg;
	struct header headers[16];
	size_t nheaders;
	char incident[17];
};

/* The value of field k if it passed validation, else NULL. */
const struct fval *req_val(const struct req *, size_t k);
/*
 * What was typed into field k, for a form shown again: its value if valid,
 * else the text as sent (a refused value too, cut to REQ_TYPED_MAX bytes;
 * "" for a blank input).  NULL if the field was not sent.  Never trust it:
 * it is for echoing into the page (xml.c cleans what XML cannot carry).
 */
#define REQ_TYPED_MAX 256
const char *req_typed(const struct req *, size_t k);
/* The same for a field by its name (a form whose fields are made per row). */
const char *req_sent(const struct req *, const char *name);
/* PAGE_UPLOAD: the file's own name ("" when no file was chosen), and its bytes:
 * how many were read, 0 at its end, -1 if the body broke off. */
const char *req_upload_name(const struct req *);
long req_upload_read(struct req *, char *, size_t);
/* Several files: on to the next chosen file (1), none left (0), a broken body (-1). */
int req_upload_next(struct req *);
/* Add a response header (name and value are copied). */
int req_header(struct req *, const char *name, const char *value) PORTAL_WUR;
/* Set-Cookie with our fixed attributes: max_age > 0 persists, 0 lasts the
 * browser session, < 0 deletes the cookie. */
int req_cookie(struct req *, const char *name, const char *value, long max_age,
	       int http_only) PORTAL_WUR;
/* The same for a cookie of one path only, SameSite=Strict, HttpOnly. */
int req_cookie_path(struct req *, const char *name, const char *value, long max_age,
		    const char *path) PORTAL_WUR;
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
 * Answer 200 with the page as a download named filename (letters, digits,
 * '-', '.' only); ?format=xml still answers with the XML.  A PDF:
 * xsl/pdf.xsl lays the document out and doc/pdf.c draws it.  A table
 * (CSV, XLSX): xsl/sheet.xsl picks its rows, doc/sheet.c and doc/xlsx.c
 * write them.
 */
int page_pdf(struct req *, const char *filename);
/* format "csv" or "xlsx": the page's table as base.csv or base.xlsx; else 200, the page. */
int page_table(struct req *, const char *format, const char *base);
/*
 * Answer 200 with a download of type named filename, written by stream(r,
 * arg, put, ctx) after the headers, as it is made (an export of a million
 * rows is never held).  A failure inside stream cuts the download short:
 * check what can be checked before.  ?format=xml still gives the page.
 */
int page_stream(struct req *, const char *filename, const char *type,
		enum perr (*stream)(struct req *, void *, int (*)(void *, const char *, size_t), void *),
		void *arg);
/*
 * What page_pdf() and page_table() share: answer with a download named
 * filename (NULL, the arena out of memory, or a name with anything but
 * letters, digits, '-' and '.': 500), of type, made by make from the
 * page's document.
 */
int page_download(struct req *, const char *filename, const char *type,
		  enum perr (*make)(struct arena *, xmlDocPtr, const unsigned char **, size_t *));

#endif
