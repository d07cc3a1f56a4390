/*
 * receipts.c: monthly receipts (payment documents) of the current account.
 *
 *   GET  /receipts          the receipts of months from..to (default: the last
 *                           12 issued) with what each asks and whether it is
 *                           paid; receipts by e-mail on or off
 *   GET  /receipts/view     ?month=[&account=]: the receipt, front and back
 *   GET  /receipts/print    the same alone on an A4 sheet, for the browser to print
 *   GET  /receipts/pdf      the same as a PDF file
 *   POST /receipts/email    email=1|0: receipts of the current account by e-mail
 *
 * A receipt is read for the session's subscriber only: an account that is
 * not linked to them, or a month that was not issued or billed, is a 404.
 */
#include <stdint.h>

#include "app/receipt.h"
#include "app/receipt_pdf.h"
#include "billing/account.h"
#include "billing/receipt.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/money.h"
#include "core/month.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/receipt.h"
#include "db/receipt_doc.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"
#include "web/serve.h"

enum key { K_FROM, K_TO, K_MONTH, K_ACCOUNT, K_EMAIL, K_DONE, K_VERSION, K__MAX };

static const struct field fields[K__MAX] = {
	[K_FROM] = {"from", valid_month, 7, 7},
	[K_TO] = {"to", valid_month, 7, 7},
	[K_MONTH] = {"month", valid_month, 7, 7},
	[K_ACCOUNT] = {"account", valid_int, 1, 4294967295LL},
	[K_EMAIL] = {"email", valid_int, 0, 1},
	[K_DONE] = {"done", valid_token, 1, 16}, /* what the last action did: "email-on", ... */
	[K_VERSION] = {"version", valid_int, 1, 65535}, /* a receipt issued again: an earlier one */
};

struct list {
	struct req *r;
	const struct currency *cur;
	xmlNodePtr parent;
};

static int no_account(struct req *r)
{
	return xml_elem(r->root, "no-account") == NULL ? page_error(r, 500, "internal") : 200;
}

static enum perr item_row(void *p, const struct receipt_item *x)
{
	struct list *l = p;
	xmlNodePtr n = xml_elem(l->parent, "receipt");
	char m[8];

	month_format(x->month, m);
	if (n == NULL || xml_attr(n, "month", m) ||
	    xml_attr(n, "status", receipt_status_name(x->status)) ||
	    (x->version > 1 && xml_attr_int(n, "version", x->version)) ||
	    xml_text(n, "due-on", x->due_on) == NULL ||
	    xml_money(n, "to-pay", x->to_pay, l->cur, l->r->lang) == NULL ||
	    xml_money(n, "paid-since", x->paid_since, l->cur, l->r->lang) == NULL)
		return PERR_NOMEM;
	return PERR_OK;
}

static int account_head(struct req *r, const struct account *a, int by_email)
{
	xmlNodePtr h = xml_elem(r->root, "account-head");

	if (h == NULL || xml_attr_int(h, "id", (long long)a->id) ||
	    xml_text(h, "number", a->number) == NULL || xml_text(h, "payer", a->payer) == NULL ||
	    xml_text(h, "address", a->address) == NULL ||
	    xml_text(h, "organization", a->org.name) == NULL ||
	    (by_email && xml_attr(h, "by-email", "1")) ||
	    (r->sess->shared && xml_attr(h, "shared", "1")) ||
	    (r->sess->email != NULL && xml_attr(h, "email", r->sess->email)))
		return -1;
	return 0;
}

static int list(struct req *r)
{
	struct list l = {.r = r};
	struct account a;
	month_t latest, from = 0, to = 0;
	int st, by_email = 0;
	enum perr e;

	if (r->sess->account_id == 0)
		return no_account(r);
	e = db_account_get(r->arena, r->sess->subscriber_id, r->sess->account_id, RIGHT_VIEW, &a);
	/* Receipts by e-mail are the holder's choice, kept with their link. */
	if (e == PERR_OK && !r->sess->shared)
		e = db_receipt_email_get(r->arena, r->sess->subscriber_id, a.id, &by_email);
	/* Months issued before the account's charges came: stored now, as they are. */
	if (e == PERR_OK)
		e = db_receipt_docs_missing(r->arena, a.id);
	if (e == PERR_OK)
		e = db_receipt_latest(r->arena, a.id, &latest);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (account_head(r, &a, by_email) != 0)
		return page_error(r, 500, "internal");
	if ((st = page_period(r, K_FROM, K_TO, latest ? latest : month_today_in(NULL) - 1, &from, &to)) != 0)
		return st;
	l.cur = a.org.cur;
	if ((l.parent = xml_elem(r->root, "receipts")) == NULL)
		return page_error(r, 500, "internal");
	if ((e = db_receipts(r->arena, a.id, from, to, item_row, &l)) != PERR_OK)
		return page_fail(r, e);
	if (xml_done(r, K_DONE) != 0)
		return page_error(r, 500, "internal");
	return 200;
}

/* The receipt the query names, on the page; 0 or the handler's status. */
static int receipt(struct req *r, struct receipt *rc)
{
	const struct fval *m = req_val(r, K_MONTH), *acc = req_val(r, K_ACCOUNT);
	uint64_t account = acc ? (uint64_t)acc->i : r->sess->account_id;
	const char *bad;
	enum perr e;

	if (r->bad[K_MONTH])
		return page_error(r, 400, "bad-month");
	if (m == NULL || r->bad[K_ACCOUNT] || account == 0)
		return page_fail(r, PERR_NOT_FOUND);
	if (r->bad[K_VERSION])
		return page_fail(r, PERR_NOT_FOUND);
	e = receipt_load(r->arena, r->sess->subscriber_id, account, (month_t)m->i,
			 req_val(r, K_VERSION) ? (unsigned)req_val(r, K_VERSION)->i : 0, r->lang, rc);
	if (e != PERR_OK)
		return page_fail(r, e);
	/* Checked when the month was issued; details changed since must not reach a payer. */
	if ((bad = payee_check(&rc->acc.org)) != NULL) {
		log_msg(LOG_ERR, "organization %llu: bank details fail the %s check; receipts withheld",
			(unsigned long long)rc->acc.org.id, bad);
		return page_error(r, 503, "payee-details");
	}
	if (xml_receipt(r->root, r->arena, rc, r->lang) != 0)
		return page_error(r, 500, "internal");
	return 0;
}

static int view(struct req *r)
{
	struct receipt rc;
	int st = receipt(r, &rc);

	return st ? st : 200;
}

/* The receipt element's attribute as a number; 0 if absent. */
static int pdf(struct req *r)
{
	struct receipt rc;
	char m[8];
	const char *name;
	int st = receipt(r, &rc);

	if (st)
		return st;
	month_format(rc.month, m);
	name = arena_printf(r->arena, "receipt-%s-%s.pdf", rc.acc.number, m);
	return name ? page_download(r, name, "application/pdf", receipt_pdf_kept)
		    : page_error(r, 500, "internal");
}

static int email(struct req *r)
{
	const struct fval *on = req_val(r, K_EMAIL);
	enum perr e;

	if (r->sess->account_id == 0 || on == NULL)
		return page_error(r, 400, "bad-request");
	if (on->i && r->sess->email == NULL)
		return page_error(r, 422, "no-email");
	e = db_receipt_email_set(r->sess->subscriber_id, r->sess->account_id, (int)on->i);
	return e != PERR_OK ? page_fail(r, e)
			    : page_redirect(r, on->i ? "/receipts?done=email-on" : "/receipts?done=email-off");
}

static const struct page pages[] = {
        {"/receipts", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "list", list},
        {"/receipts/view", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "view", view},
        {"/receipts/print", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "print", view},
        {"/receipts/pdf", M_GET, PAGE_SESSION | PAGE_NEEDS(RIGHT_VIEW), "pdf", pdf},
        {"/receipts/email", M_POST, PAGE_SESSION | PAGE_NEEDS(RIGHT_HOLDER), "email", email},
};

static const struct section section = {
	.name = "receipts", .pages = pages, .npages = sizeof(pages) / sizeof(pages[0]), .fields = fields,
	.nfields = K__MAX,
};

int main(int argc, char **argv)
{
	return portal_main(argc, argv, &section);
}
