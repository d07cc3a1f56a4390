/*
 * deliver.c: sends the outbox, run by cron or kept running.
 *
 *   deliver [--every SECONDS] [--limit N]
 *
 * Each message due is claimed (so two runs never send the same one), made
 * into a subject and a text in the subscriber's language by xsl/mail.xsl,
 * with the receipt's PDF attached to a receipt's e-mail, and sent: e-mail
 * over SMTP, text messages through the SMS gateway.
 * A message that cannot be sent now is tried again later, after twice the
 * previous wait, and failed for good after [delivery] attempts; one that
 * can never be sent (its receipt is gone, its kind has no template) is
 * failed at once.  The inbox's copies are written in the same pass, as
 * the e-mail's subject and text (without attachments).
 * With --every it runs again every SECONDS until SIGTERM.
 * Exit status 0 when nothing went wrong on our side, 1 otherwise.
 */
#include <stdint.h>
#include <string.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <curl/curl.h>
#include <libxml/parser.h>

#include "app/job.h"
#include "app/news.h"
#include "app/receipt.h"
#include "app/receipt_pdf.h"
#include "billing/receipt.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/lang.h"
#include "core/log.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/inbox_write.h"
#include "db/outbox.h"
#include "doc/message.h"
#include "doc/pdf.h"
#include "doc/render.h"
#include "doc/xml.h"
#include "net/mail.h"
#include "net/sms.h"

#define BATCH 50
#define MAX_DELAY (6 * 3600)

static struct arena *arena;
static volatile sig_atomic_t stopping;
static unsigned n_sent, n_later, n_failed, n_errors;

static void on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

/* A message's parameters: an element we wrote ourselves, parsed without a network or DTD. */
static xmlDocPtr params_doc(const char *params)
{
	return xmlReadMemory(params, (int)strlen(params), "params.xml", "UTF-8",
			     XML_PARSE_NONET | XML_PARSE_NOERROR |
				     XML_PARSE_NOWARNING);
}

static const char *attr(xmlNodePtr n, const char *name, struct arena *a)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	const char *s = v ? arena_strdup(a, (const char *)v) : NULL;

	xmlFree(v);
	return s;
}

/*
 * <payment ...> as the page says it: the amount in the subscriber's format,
 * and its fiscal receipt as settling wrote it.  A receipt registered late
 * (payment-fiscal) comes without the amount.
 */
static int payment_page(xmlNodePtr page, xmlNodePtr p, enum lang lang)
{
	const char *minor = attr(p, "minor", arena), *cur = attr(p, "currency", arena);
	const struct currency *c = cur ? currency_find(cur) : NULL;
	xmlNodePtr n = xml_elem(page, "payment"), f;
	const char *v;
	char *end;
	long long amount;

	for (f = p->children; f != NULL && xmlStrcmp(f->name, BAD_CAST "fiscal") != 0; f = f->next)
		;
	if (n == NULL || (minor == NULL && f == NULL))
		return -1;
	if (f != NULL && xmlAddChild(n, xmlCopyNode(f, 1)) == NULL)
		return -1;
	if (minor != NULL) {
		amount = strtoll(minor, &end, 10);
		if (c == NULL || *end != '\0' || xml_money(n, "amount", amount, c, lang) == NULL)
			return -1;
	}
	if ((v = attr(p, "accounts", arena)) != NULL && xml_attr(n, "accounts", v))
		return -1;
	if ((v = attr(p, "status", arena)) != NULL && xml_attr(n, "status", v))
		return -1;
	return 0;
}

struct built {
	xmlDocPtr page;
	int receipt;
	const char *attach_name;
};

/*
 * The message's document.  PERR_NOT_FOUND when it can never be made (the
 * receipt is no longer the subscriber's, the parameters are not ours).
 */
static enum perr build(const struct outbox_msg *m, struct built *b)
{
	xmlDocPtr pd = params_doc(m->params);
	xmlNodePtr root = pd ? xmlDocGetRootElement(pd) : NULL, page;
	struct receipt rc;
	month_t month;
	const char *acc, *mon;
	char *end;
	enum perr e = PERR_NOT_FOUND;

	memset(b, 0, sizeof(*b));
	b->page = xmlNewDoc(BAD_CAST "1.0");
	page = b->page ? xmlNewNode(NULL, BAD_CAST "page") : NULL;
	if (page == NULL) {
		e = PERR_NOMEM;
		goto out;
	}
	xmlDocSetRootElement(b->page, page);
	if (xml_attr(page, "section", "mail") || xml_attr(page, "name", m->kind) ||
	    xml_attr(page, "channel", m->channel) ||
	    xml_attr(page, "lang", lang_code(m->lang)) || xml_text(page, "site", cfg.site_url) == NULL) {
		e = PERR_NOMEM;
		goto out;
	}
	if (root == NULL)
		goto out;
	if (xmlStrcmp(root->name, BAD_CAST "receipt") == 0) {
		acc = attr(root, "account", arena);
		mon = attr(root, "month", arena);
		if (acc == NULL || mon == NULL || month_parse(mon, strlen(mon), &month) != 0)
			goto out;
		e = receipt_load(arena, m->subscriber_id, strtoull(acc, &end, 10), month, 0, m->lang,
				 &rc);
		if (e != PERR_OK)
			goto out;
		if (payee_check(&rc.acc.org) != NULL) {
			e = PERR_CONFLICT; /* withheld until the details are corrected: later */
			goto out;
		}
		if (xml_receipt(page, arena, &rc, m->lang) != 0) {
			e = PERR_NOMEM;
			goto out;
		}
		/* The receipt itself goes by e-mail with its PDF; a notice of it goes alone. */
		if (strcmp(m->kind, "receipt") == 0 && strcmp(m->channel, "email") == 0) {
			b->receipt = 1;
			b->attach_name =
				arena_printf(arena, "receipt-%s-%s.pdf", rc.acc.number, mon);
		}
	} else if (xmlStrcmp(root->name, BAD_CAST "payment") == 0) {
		if (payment_page(page, root, m->lang) != 0)
			goto out;
	} else if (xmlStrcmp(root->name, BAD_CAST "note") == 0) {
		/* What the message says (a login, a link's token, a code), as we wrote it. */
		if (xmlAddChild(page, xmlDocCopyNode(root, b->page, 1)) == NULL) {
			e = PERR_NOMEM;
			goto out;
		}
	} else {
		goto out;
	}
	e = PERR_OK;
out:
	if (pd != NULL)
		xmlFreeDoc(pd);
	return e;
}

static xmlChar *child_text(xmlNodePtr n, const char *name)
{
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0)
			return xmlNodeGetContent(n);
	return NULL;
}

static unsigned delay_for(unsigned attempts)
{
	unsigned long d = cfg.mail_retry;

	while (attempts-- > 1 && d < MAX_DELAY)
		d *= 2;
	return d > MAX_DELAY ? MAX_DELAY : (unsigned)d;
}

static void later(const struct outbox_msg *m, int give_up, const char *why)
{
	char esc[160];

	if (db_outbox_retry(m->id, give_up, cfg.mail_attempts, delay_for(m->attempts), why) !=
	    PERR_OK) {
		n_errors++;
		return;
	}
	if (give_up || m->attempts >= cfg.mail_attempts) {
		n_failed++;
		log_msg(LOG_WARN, "outbox %llu (%s) failed for good after %u attempts: %s",
			(unsigned long long)m->id, m->kind, m->attempts, log_esc(esc, sizeof(esc), why));
	} else {
		n_later++;
		log_msg(LOG_INFO, "outbox %llu (%s): attempt %u failed, again in %u s: %s",
			(unsigned long long)m->id, m->kind, m->attempts, delay_for(m->attempts),
			log_esc(esc, sizeof(esc), why));
	}
}

/*
 * The message's subject (none for some SMS) and text, made from its document
 * by xsl/mail.xsl; the caller frees msg, subject and text whatever is
 * returned.  -1 when the kind has no template or the template made no text.
 */
static int message_text(xmlDocPtr page, xmlDocPtr *msg, xmlChar **subject, xmlChar **text)
{
	xmlNodePtr root;

	if (render_message(page, msg) != 0 || (root = xmlDocGetRootElement(*msg)) == NULL ||
	    xmlStrcmp(root->name, BAD_CAST "message") != 0)
		return -1;
	*subject = child_text(root, "subject");
	*text = child_text(root, "text");
	return *text == NULL ? -1 : 0;
}

static void deliver_one(uint64_t id)
{
	struct outbox_msg m;
	struct built b;
	xmlDocPtr msg = NULL;
	xmlChar *subject = NULL, *text = NULL;
	const unsigned char *pdf = NULL;
	size_t pdf_len = 0;
	char err[300];
	enum perr e;

	e = db_outbox_claim(arena, id, cfg.mail_timeout * 2 + 60, &m);
	if (e == PERR_CONFLICT)
		return;
	if (e != PERR_OK) {
		n_errors++;
		return;
	}
	e = build(&m, &b);
	if (e == PERR_NOT_FOUND) {
		later(&m, 1, "nothing to send: its receipt or parameters are gone");
		goto out;
	}
	if (e == PERR_CONFLICT) {
		later(&m, 0, "the receipt is withheld: the payee's bank details fail the check");
		goto out;
	}
	if (e != PERR_OK) {
		later(&m, 0, perr_str(e));
		goto out;
	}
	if (message_text(b.page, &msg, &subject, &text) != 0) {
		later(&m, 1, "no template for this kind of message");
		goto out;
	}
	if (subject == NULL && strcmp(m.channel, "email") == 0) {
		later(&m, 1, "the template made no subject or text");
		goto out;
	}
	/* The same file as the site's: its hash kept, or compared with the one kept. */
	if (b.receipt && (e = receipt_pdf_kept(arena, b.page, &pdf, &pdf_len)) != PERR_OK) {
		later(&m, 0, "cannot make the receipt's PDF");
		goto out;
	}
	if (strcmp(m.channel, "sms") == 0)
		e = sms_send(m.address, (const char *)text, m.id, err, sizeof(err));
	else
		e = mail_send(m.address, (const char *)subject, (const char *)text, b.attach_name,
			      "application/pdf", pdf, pdf_len, m.id, err, sizeof(err));
	if (e == PERR_BAD_INPUT) {
		later(&m, 1, err);
	} else if (e != PERR_OK) {
		later(&m, 0, err);
	} else if (db_outbox_sent(m.id) != PERR_OK) {
		n_errors++;
	} else {
		n_sent++;
		log_msg(LOG_INFO, "outbox %llu (%s) sent", (unsigned long long)m.id, m.kind);
	}
out:
	xmlFree(subject);
	xmlFree(text);
	if (msg != NULL)
		xmlFreeDoc(msg);
	if (b.page != NULL)
		xmlFreeDoc(b.page);
}

/*
 * The inbox's copy of one message, written as its e-mail would say it.  One
 * whose receipt is withheld waits for a later pass; one that can never be
 * written (what it told of is gone, its kind has no template) is dropped.
 */
static void inbox_one(uint64_t id)
{
	struct inbox_raw raw;
	struct outbox_msg m;
	struct built b;
	xmlDocPtr msg = NULL;
	xmlChar *subject = NULL, *text = NULL;
	enum perr e;

	memset(&b, 0, sizeof(b));
	if ((e = db_inbox_raw(arena, id, &raw)) != PERR_OK) {
		if (e != PERR_NOT_FOUND) /* written meanwhile by another run */
			n_errors++;
		return;
	}
	m = (struct outbox_msg){.id = id, .subscriber_id = raw.subscriber_id, .channel = "email",
				.address = "", .kind = raw.kind, .params = raw.params,
				.lang = raw.lang, .attempts = 1};
	e = build(&m, &b);
	if (e == PERR_OK && message_text(b.page, &msg, &subject, &text) != 0)
		e = PERR_NOT_FOUND;
	if (e == PERR_OK)
		e = db_inbox_write(id, subject ? (const char *)subject : raw.kind, (const char *)text);
	else if (e == PERR_NOT_FOUND)
		e = db_inbox_drop(id);
	else if (e == PERR_CONFLICT)
		e = PERR_OK; /* the receipt is withheld: written when it is corrected */
	if (e != PERR_OK)
		n_errors++;
	xmlFree(subject);
	xmlFree(text);
	if (msg != NULL)
		xmlFreeDoc(msg);
	if (b.page != NULL)
		xmlFreeDoc(b.page);
}

/* The next batch of up to max ids after `after`, from the outbox or the inbox. */
typedef enum perr (*batch_fn)(uint64_t after, uint64_t *ids, size_t max, size_t *n);

/* What is due goes: the outbox's rows still due are the next batch, whatever came before. */
static enum perr outbox_batch(uint64_t after, uint64_t *ids, size_t max, size_t *n)
{
	(void)after;
	return db_outbox_due(arena, ids, max, n);
}

/* The inbox's unwritten copies, each looked at once a pass (one that fails stays unwritten). */
static enum perr inbox_batch(uint64_t after, uint64_t *ids, size_t max, size_t *n)
{
	return db_inbox_unwritten(arena, after, ids, max, n);
}

/* Batch after batch, each id handled by one, up to limit; 1 if a batch cannot be read. */
static int drain(const char *what, batch_fn next, void (*one)(uint64_t), unsigned limit)
{
	uint64_t ids[BATCH], after = 0;
	size_t n, i;
	unsigned done = 0;
	enum perr e;

	while (!stopping && done < limit) {
		db_request_begin();
		e = next(after, ids, limit - done < BATCH ? limit - done : BATCH, &n);
		arena_reset(arena);
		if (e != PERR_OK) {
			fprintf(stderr, "deliver: %s: %s\n", what, perr_str(e));
			return 1;
		}
		if (n == 0)
			break;
		for (i = 0; i < n && !stopping; i++) {
			db_request_begin();
			one(ids[i]);
			arena_reset(arena);
		}
		after = ids[n - 1];
		done += (unsigned)n;
	}
	return 0;
}

/* Everything due now, a batch at a time, up to limit messages. */
static int pass(unsigned limit)
{
	unsigned news = 0;
	enum perr e;

	/* Announcements whose time has come join the outbox first. */
	db_request_begin();
	if ((e = news_send_due(arena, &news)) != PERR_OK)
		fprintf(stderr, "deliver: announcements: %s\n", perr_str(e));
	else if (news > 0)
		printf("deliver: %u announcements queued\n", news);
	arena_reset(arena);
	if (drain("outbox", outbox_batch, deliver_one, limit) != 0 ||
	    drain("inbox", inbox_batch, inbox_one, limit) != 0)
		return 1;
	return n_errors ? 1 : 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: deliver [--every SECONDS] [--limit N]\n"
			"  The configuration file is named by $PORTAL_CONFIG.\n");
	return 2;
}

static int number(const char *s, unsigned max, unsigned *out)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtoul(s, &end, 10);
	if (*end || v < 1 || v > max)
		return -1;
	*out = (unsigned)v;
	return 0;
}

int main(int argc, char **argv)
{
	unsigned every = 0, limit = 100000;
	int i, rc;

	for (i = 1; i < argc; i += 2) {
		if (i + 1 >= argc)
			return usage();
		if (strcmp(argv[i], "--every") == 0) {
			if (number(argv[i + 1], 3600, &every) != 0)
				return usage();
		} else if (strcmp(argv[i], "--limit") == 0) {
			if (number(argv[i + 1], 1000000, &limit) != 0)
				return usage();
		} else {
			return usage();
		}
	}
	if ((arena = job_start("deliver")) == NULL)
		return 1;
	signal(SIGTERM, on_term);
	signal(SIGINT, on_term);
	/* The stylesheets read, root (if it started so) is given up. */
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0 || render_init(cfg.xsl_dir, NULL) != 0 ||
	    job_unroot() != 0) {
		job_end(arena);
		return 1;
	}
	do {
		rc = pass(limit);
		if (every == 0)
			break;
		for (i = 0; i < (int)every && !stopping; i++)
			sleep(1);
	} while (!stopping);
	if (every == 0)
		printf("deliver: %u sent, %u to try again, %u failed for good, %u errors\n", n_sent,
		       n_later, n_failed, n_errors);
	render_done();
	curl_global_cleanup();
	job_end(arena);
	return rc;
}
