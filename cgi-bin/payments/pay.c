/*
 * payments/pay.c: the form to pay (GET and POST /payments/pay): an amount per
 * linked account, split over its services by the rule or by the payer, a
 * preview, then the payment recorded once per form key and the payer sent
 * to the provider.
 */
#include <stdint.h>
#include <string.h>
#include <stdio.h>

#include "app/credit.h"
#include "billing/split.h"
#include "core/arena.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/money.h"
#include "core/parse.h"
#include "core/perr.h"
#include "core/valid.h"
#include "db/account.h"
#include "db/db.h"
#include "db/online.h"
#include "doc/xml.h"
#include "net/provider.h"
#include "web/form.h"
#include "web/req.h"
#include "payments/payments.h"

/* Each account's amount (amount_<id>: one field a row, so not in fields[]). */
static const struct field amount_field = {"amount", valid_text, 1, 24};

struct entry {
	struct payable acc;
	int payable;
	const char *typed; /* what was in its field, for showing the form again */
	money_t amount;    /* > 0: paid for in this payment */
	/* The per-service fields of the preview, when they were sent. */
	size_t nparts;
	uint64_t service[SPLIT_MAX_SERVICES];
	money_t part[SPLIT_MAX_SERVICES];
	const char *typed_part[SPLIT_MAX_SERVICES];
	int own; /* the parts differ from the rule's split: the payer's choice */
};

struct form {
	struct req *r;
	struct entry e[PAY_MAX_ACCOUNTS];
	size_t n;
	money_t total;
	const struct currency *cur;
	int parts_sent; /* the preview's per-service fields came back */
};

static enum perr payable_row(void *p, const struct payable *a)
{
	struct form *f = p;

	if (f->n == PAY_MAX_ACCOUNTS) /* more linked accounts than a payment may cover */
		return PERR_TOO_LARGE;
	memset(&f->e[f->n], 0, sizeof(f->e[f->n]));
	f->e[f->n].acc = *a;
	/* Only where the provider takes the organization's currency (YooKassa: roubles). */
	f->e[f->n].payable = a->pay_online && a->billed && a->cur != NULL &&
	                     provider_get() != NULL &&
	                     strcmp(a->cur->code, provider_get()->currency) == 0;
	f->n++;
	return PERR_OK;
}

static int load_accounts(struct form *f)
{
	enum perr e = db_payable_accounts(f->r->arena, f->r->sess->subscriber_id, payable_row, f);

	return e == PERR_OK ? 0 : page_fail(f->r, e);
}

static const char *amount_name(struct req *r, const struct entry *e)
{
	return arena_printf(r->arena, "a%llu", (unsigned long long)e->acc.id);
}

int field_error(struct req *r, const char *field, const char *code)
{
	return xml_form_error(r, field, code) != 0 ? -1 : 1;
}

static const char *part_name(struct req *r, const struct entry *e, uint64_t service)
{
	return arena_printf(r->arena, "s%llu-%llu", (unsigned long long)e->acc.id,
	                    (unsigned long long)service);
}

/*
 * The per-service fields of one account, if the preview sent them: the
 * amount becomes their sum, and own says whether they differ from the rule's
 * split of that sum.  0 read (or none sent), 1 refused, -1 failed.
 */
static int read_parts(struct form *f, struct entry *e)
{
	struct req *r = f->r;
	struct credit c;
	money_t sum = 0;
	size_t i, sent = 0;
	int rc = 0;

	if (credit_plan(r->arena, e->acc.id, 0, &c) != PERR_OK)
		return -1;
	for (i = 0; i < c.n; i++) {
		const char *name = part_name(r, e, c.service[i]);
		const struct kv *kv;
		struct fval v;

		if (name == NULL)
			return -1;
		e->service[i] = c.service[i];
		e->part[i] = 0;
		e->typed_part[i] = NULL;
		if ((kv = kv_find(&r->form, name)) == NULL)
			continue;
		sent++;
		e->nparts = c.n; /* shown again even if refused */
		f->parts_sent = 1;
		if (kv->vlen == 0)
			continue; /* an empty field is nothing for that service */
		if (kv_count(&r->form, name) > 1 ||
		    amount_field.valid(&amount_field, kv->val, kv->vlen, r->arena, &v) != 0) {
			rc = field_error(r, name, "bad-amount");
			continue;
		}
		e->typed_part[i] = v.s;
		if (money_parse(v.s, v.len, e->acc.cur, 0, &e->part[i]) != 0 ||
		    money_add(sum, e->part[i], &sum) != 0 || sum > cfg.pay_max)
			rc = field_error(r, name, "bad-amount");
	}
	e->amount = sum;
	if (sent == 0 || rc != 0)
		return rc;
	/* The rule's split of the sum, from the plan already read. */
	if (sum > 0) {
		if (payment_split(c.ask, c.weight, c.n, sum, c.share) != 0)
			return -1;
		for (i = 0; i < c.n; i++)
			e->own |= c.share[i] != e->part[i];
	}
	return 0;
}
/* Read every amount; 0 when all are usable and at least one is given, 1 refused, -1 failed. */
static int read_amounts(struct form *f)
{
	struct req *r = f->r;
	int bad = 0, rc;
	size_t i, given = 0;

	for (i = 0; i < f->n; i++) {
		struct entry *e = &f->e[i];
		const char *name = amount_name(r, e);
		const struct kv *kv;
		struct fval v;

		if (name == NULL)
			return -1;
		kv = kv_find(&r->form, name);
		if (e->payable && (rc = read_parts(f, e)) != 0)
			goto refused;
		if (e->nparts > 0) {
			char buf[48];

			/* The account's amount is what its services were given. */
			if (money_input(buf, sizeof(buf), e->amount, e->acc.cur, r->lang) != 0)
				return -1;
			e->typed = arena_strdup(r->arena, buf);
		} else {
			if (kv == NULL || kv->vlen == 0)
				continue;
			if (kv_count(&r->form, name) > 1 ||
			    amount_field.valid(&amount_field, kv->val, kv->vlen, r->arena, &v) !=
			            0) {
				rc = field_error(r, name, "bad-amount");
				goto refused;
			}
			e->typed = v.s;
			if (!e->payable) {
				rc = field_error(r, name, "not-payable");
				goto refused;
			}
			if (money_parse(v.s, v.len, e->acc.cur, 0, &e->amount) != 0) {
				rc = field_error(r, name, "bad-amount");
				goto refused;
			}
		}
		if (e->amount == 0) /* 0 means "not this one" */
			continue;
		if (e->amount < cfg.pay_min) {
			rc = field_error(r, name, "amount-too-small");
			goto refused;
		}
		if (e->amount > cfg.pay_max) {
			rc = field_error(r, name, "amount-too-large");
			goto refused;
		}
		if (f->cur != NULL && f->cur != e->acc.cur) {
			rc = field_error(r, name, "one-currency");
			goto refused;
		}
		f->cur = e->acc.cur;
		if (money_add(f->total, e->amount, &f->total) != 0 || f->total > cfg.pay_max) {
			rc = field_error(r, name, "amount-too-large");
			goto refused;
		}
		given++;
		continue;
	refused:
		if (e->nparts == 0)
			e->amount = 0;
		if (rc < 0)
			return -1;
		bad = 1;
	}
	if (!bad && given == 0)
		return field_error(r, NULL, "nothing-to-pay");
	return bad;
}

/* The limits in the account's currency, for the page to state. */
static int limits_xml(struct req *r, const struct currency *cur)
{
	xmlNodePtr n = xml_elem(r->root, "limits");

	return n == NULL || xml_money(n, "min", cfg.pay_min, cur, r->lang) == NULL ||
	                       xml_money(n, "max", cfg.pay_max, cur, r->lang) == NULL
	               ? -1
	               : 0;
}

struct svc_names {
	struct req *r;
	xmlNodePtr parent;
	const struct credit *c;
	const struct entry *e;
	money_t due_after;
};

static enum perr split_row(void *p, const struct account_service *s)
{
	struct svc_names *x = p;
	size_t i;

	for (i = 0; i < x->c->n; i++) {
		xmlNodePtr n;

		if (x->c->service[i] != s->service_id)
			continue;
		const char *value = i < x->e->nparts ? x->e->typed_part[i] : NULL;
		money_t after = x->c->closing[i] - x->c->share[i]; /* both within 10^15 */
		char buf[48];

		if (value == NULL) {
			if (money_input(buf, sizeof(buf), x->c->share[i], s->acc.org.cur,
			                x->r->lang))
				return PERR_NOMEM;
			value = buf;
		}
		if (after > 0)
			x->due_after += after;
		n = xml_elem(x->parent, "line");
		if (n == NULL || xml_attr_int(n, "service", (long long)s->service_id) ||
		    xml_attr(n, "field", part_name(x->r, x->e, s->service_id)) ||
		    xml_attr(n, "value", value) || xml_text(n, "service", s->service) == NULL ||
		    xml_text(n, "supplier", s->supplier) == NULL ||
		    xml_money(n, "balance", x->c->closing[i], s->acc.org.cur, x->r->lang) == NULL ||
		    xml_money(n, "share", x->c->share[i], s->acc.org.cur, x->r->lang) == NULL ||
		    xml_money(n, "after", after, s->acc.org.cur, x->r->lang) == NULL)
			return PERR_NOMEM;
	}
	return PERR_OK;
}

/*
 * <split> of one account: each service's balance, its share of the amount
 * (the rule's, or the payer's own) with a field to change it, and what it
 * will owe after; @own when the payer's split is not the rule's.
 */
static int split_xml(struct req *r, xmlNodePtr n, const struct entry *e)
{
	struct credit c;
	struct svc_names x = {.r = r, .e = e};
	enum perr err = credit_plan(r->arena, e->acc.id, e->amount, &c);

	if (err != PERR_OK)
		return page_fail(r, err);
	if (e->nparts > 0 && e->amount > 0 &&
	    credit_choose(&c, e->service, e->part, e->nparts, e->amount) != 0)
		return page_error(r, 500, "internal");
	x.parent = xml_elem(n, "split");
	x.c = &c;
	if (x.parent == NULL || (e->own && xml_attr(x.parent, "own", "1")))
		return page_error(r, 500, "internal");
	err = db_account_services(r->arena, e->acc.id, r->lang, split_row, &x);
	if (err != PERR_OK)
		return page_fail(r, err);
	if (xml_money(x.parent, "due-after", x.due_after, e->acc.cur, r->lang) == NULL)
		return page_error(r, 500, "internal");
	return 0;
}

/* The form (or the preview) with every linked account. */
static int form_xml(struct form *f, int preview)
{
	struct req *r = f->r;
	const struct fval *want = req_val(r, K_ACCOUNT), *key = req_val(r, K_KEY);
	uint64_t chosen = want ? (uint64_t)want->i : r->sess->account_id;
	xmlNodePtr list = xml_elem(r->root, "pay");
	char fresh[TOKEN_CHARS + 1];
	unsigned char raw[TOKEN_BYTES];
	size_t i;
	int st;

	/* A new key per blank form; the same key through preview and pay. */
	if (key == NULL && token_new(raw, fresh) != 0)
		return page_error(r, 500, "internal");
	if (list == NULL || xml_attr(list, "key", key ? key->s : fresh) ||
	    (req_val(r, K_SAVE) && xml_attr(list, "save", "1")) ||
	    (preview && xml_attr(list, "preview", "1")) ||
	    (provider_get() == NULL && xml_attr(list, "off", "1")))
		return page_error(r, 500, "internal");
	for (i = 0; i < f->n; i++) {
		struct entry *e = &f->e[i];
		xmlNodePtr n = xml_elem(list, "account");
		const char *value = e->typed;
		money_t due = e->acc.due;
		char buf[48];

		if (value == NULL && r->method != M_POST && e->acc.id == chosen && e->payable &&
		    due > 0) {
			if (e->acc.cur == NULL ||
			    money_input(buf, sizeof(buf), due, e->acc.cur, r->lang))
				return page_error(r, 500, "internal");
			value = buf;
		}
		if (n == NULL || xml_attr_int(n, "id", (long long)e->acc.id) ||
		    xml_attr(n, "field", amount_name(r, e)) ||
		    (e->payable && xml_attr(n, "payable", "1")) ||
		    (e->acc.id == r->sess->account_id && xml_attr(n, "current", "1")) ||
		    (value && xml_attr(n, "value", value)) ||
		    xml_text(n, "number", e->acc.number) == NULL ||
		    xml_text(n, "address", e->acc.address) == NULL ||
		    xml_text(n, "organization", e->acc.org) == NULL ||
		    xml_money(n, "advance", e->acc.advance, e->acc.cur, r->lang) == NULL ||
		    xml_money(n, "due", due, e->acc.cur, r->lang) == NULL)
			return page_error(r, 500, "internal");
		if (preview && (e->amount > 0 || e->nparts > 0)) {
			if (xml_money(n, "amount", e->amount, e->acc.cur, r->lang) == NULL)
				return page_error(r, 500, "internal");
			if ((st = split_xml(r, n, e)) != 0)
				return st;
		}
	}
	if (preview && f->cur != NULL &&
	    xml_money(list, "total", f->total, f->cur, r->lang) == NULL)
		return page_error(r, 500, "internal");
	if (limits_xml(r, f->cur ? f->cur : currency_find("RUB")) != 0)
		return page_error(r, 500, "internal");
	return 0;
}

/* "Оплата по л/с 1000456701, 1000456702": at most 128 characters, as the provider allows. */
static const char *description(struct form *f)
{
	struct req *r = f->r;
	char buf[129];
	size_t i, len;
	int first = 1;

	len = (size_t)snprintf(buf, sizeof(buf), "%s",
	                       r->lang == LANG_EN ? "Payment for account" : "Оплата по л/с");
	for (i = 0; i < f->n; i++) {
		int k;

		if (f->e[i].amount <= 0)
			continue;
		k = snprintf(buf + len, sizeof(buf) - len, "%s%s", first ? " " : ", ",
		             f->e[i].acc.number);
		if (k < 0 || (size_t)k >= sizeof(buf) - len)
			break;
		len += (size_t)k;
		first = 0;
	}
	return arena_strdup(r->arena, buf);
}

/* Send the payer to the provider's page for an online payment we hold. */
int to_provider(struct req *r, const struct online_payment *op, const char *description)
{
	const struct provider *pv = provider_get();
	const struct fval *key = req_val(r, K_KEY);
	struct pay_order o;
	struct pay_state st;
	enum perr e;

	if (strcmp(op->status, "pending") == 0 && op->confirmation_url != NULL)
		return page_redirect_external(r, op->confirmation_url);
	if (strcmp(op->status, "created") != 0 || pv == NULL || key == NULL)
		return page_redirect(r, arena_printf(r->arena, "/payments/result?id=%llu",
		                                     (unsigned long long)op->id));
	memset(&o, 0, sizeof(o));
	/*
	 * The provider's key names our row, not only the form: unique over the
	 * shop even if a form's key were sent again by someone else, or ids
	 * were reused after a database was rebuilt.
	 */
	o.key = arena_printf(r->arena, "%llu-%.32s", (unsigned long long)op->id, key->s);
	o.amount = op->amount;
	o.cur = op->cur;
	o.description = description;
	o.return_url = arena_printf(r->arena, "%s/payments/result?id=%llu", cfg.site_url,
	                            (unsigned long long)op->id);
	o.save_method = op->save_method;
	o.ref = op->id;
	if (o.return_url == NULL || o.key == NULL)
		return page_error(r, 500, "internal");
	/* The same key again (a second click) gets the same payment back from the provider. */
	if ((e = pv->create(&o, &st)) != PERR_OK)
		return page_fail(r, e == PERR_NOT_FOUND ? PERR_UPSTREAM : e);
	if (st.confirmation_url[0] == '\0' && st.status == PAY_PENDING) {
		log_msg(LOG_ERR, "payment %llu: the provider gave no page to send the payer to",
		        (unsigned long long)op->id);
		return page_fail(r, PERR_UPSTREAM);
	}
	if ((e = db_online_set_pending(op->id, st.id, st.confirmation_url)) != PERR_OK)
		return page_fail(r, e);
	if (st.status != PAY_PENDING || st.confirmation_url[0] == '\0')
		return page_redirect(r, arena_printf(r->arena, "/payments/result?id=%llu",
		                                     (unsigned long long)op->id));
	return page_redirect_external(r, arena_strdup(r->arena, st.confirmation_url));
}

/* Record the payment (once per form key) and go to the provider. */
static int pay(struct form *f)
{
	struct req *r = f->r;
	const struct fval *key = req_val(r, K_KEY);
	const struct provider *pv = provider_get();
	struct online_payment op;
	uint64_t id = 0;
	size_t i;
	enum perr e;

	if (key == NULL || pv == NULL)
		return page_error(r, 400, "bad-request");
	if ((e = db_begin()) != PERR_OK)
		return page_fail(r, e);
	e = db_online_insert(r->sess->subscriber_id, key->s, "card", pv->name, f->total,
	                     f->cur->code, req_val(r, K_SAVE) != NULL, r->lang, &id);
	if (e == PERR_CONFLICT) {
		/* The same form sent again: the payment it made, not a second one. */
		db_rollback();
		if ((e = db_online_by_key(r->arena, r->sess->subscriber_id, key->s, &op)) !=
		    PERR_OK)
			return page_fail(r, e);
		return to_provider(r, &op, description(f));
	}
	for (i = 0; e == PERR_OK && i < f->n; i++) {
		const struct entry *x = &f->e[i];
		uint64_t payment = 0;

		if (x->amount <= 0)
			continue;
		e = db_online_insert_item(id, x->acc.id, x->amount, "card", pv->title, &payment);
		if (e == PERR_OK && x->own)
			e = db_payment_choose(payment, x->service, x->part, x->nparts);
	}
	if (e == PERR_OK)
		e = db_commit();
	if (e != PERR_OK) {
		db_rollback();
		return page_fail(r, e);
	}
	if ((e = db_online_get(r->arena, r->sess->subscriber_id, id, &op)) != PERR_OK)
		return page_fail(r, e);
	return to_provider(r, &op, description(f));
}

int pay_page(struct req *r)
{
	const struct fval *action = req_val(r, K_ACTION);
	struct form *f = arena_alloc(r->arena, sizeof(*f));
	int st, bad;

	if (f == NULL)
		return page_error(r, 500, "internal");
	memset(f, 0, sizeof(*f));
	f->r = r;
	if (r->bad[K_ACCOUNT] || r->bad[K_KEY] || r->bad[K_SAVE])
		return page_error(r, 400, "bad-request");
	if ((st = load_accounts(f)) != 0)
		return st;
	if (r->method != M_POST)
		return (st = form_xml(f, 0)) != 0 ? st : 200;
	if (action == NULL || (strcmp(action->s, "preview") != 0 && strcmp(action->s, "pay") != 0 &&
	                       strcmp(action->s, "back") != 0))
		return page_error(r, 400, "bad-request");
	if (req_val(r, K_KEY) == NULL)
		return page_error(r, 400, "bad-request");
	if ((bad = read_amounts(f)) < 0)
		return page_error(r, 500, "internal");
	if (bad && f->parts_sent) /* a service's field: the preview again, with its error */
		return (st = form_xml(f, 1)) != 0 ? st : page_status(r, 422);
	if (bad || strcmp(action->s, "back") == 0) {
		f->total = 0;
		if ((st = form_xml(f, 0)) != 0)
			return st;
		return bad ? page_status(r, 422) : 200;
	}
	if (strcmp(action->s, "preview") == 0)
		return (st = form_xml(f, 1)) != 0 ? st : 200;
	return pay(f);
}
