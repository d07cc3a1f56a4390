/* app/invoice.c: issuing an invoice on demand, and its payment QR code. */
#include <stdint.h>
#include <stdio.h>

#include "app/invoice.h"
#include "billing/payqr.h"
#include "core/date.h"
#include "core/log.h"
#include "db/db.h"

/* Bytes of a payload: far above what an invoice carries. */
#define QR_TEXT_MAX 1200

enum perr invoice_issue(struct arena *ar, uint64_t subscriber, const struct account *a,
                        uint64_t service, money_t amount, long long quantity, money_t tariff,
                        uint64_t *id)
{
	struct invoice v = {.account_id = a->id,
	                    .org_id = a->org.id,
	                    .service_id = service,
	                    .amount = amount,
	                    .quantity = quantity,
	                    .tariff = tariff};
	const char *tz = NULL;
	int year, month, mday;
	enum perr e;

	if ((e = db_invoice_zone(ar, a->org.id, &tz)) != PERR_OK)
		return e;
	/* The organization's calendar: an invoice at 01:00 on 1 January in Moscow is
	 * the new year's, though it is still 31 December in UTC. */
	day_to_civil(day_today_in(tz), &year, &month, &mday);
	v.year = (unsigned)year;
	if ((e = db_begin()) != PERR_OK)
		return e;
	if ((e = db_invoice_next_number(ar, a->org.id, v.year, &v.number)) != PERR_OK ||
	    (e = db_invoice_insert(&v, subscriber, id)) != PERR_OK ||
	    (e = db_commit()) != PERR_OK) {
		db_rollback();
		return e;
	}
	return PERR_OK;
}

const char *invoice_qr_text(struct arena *ar, const struct invoice *v, const struct account *a)
{
	const struct organization *o = &a->org;
	struct payqr q = {.sum = -1};
	char buf[QR_TEXT_MAX], day[26];
	int e;

	q.name = o->name;
	q.personal_acc = o->bank_account;
	q.bank_name = o->bank_name;
	q.bic = o->bic;
	q.corresp_acc = o->corr_account;
	q.payee_inn = o->inn;
	q.pers_acc = a->number;
	q.payer_address = a->address;
	q.sum = v->amount;
	/* Read by the payer's bank, whatever the page's language; dated as the
	 * invoice is printed, where the site is. */
	if (instant_local(v->created_at, day) != 0)
		return NULL;
	q.purpose = arena_printf(ar, "Оплата по счёту № %u от %.2s.%.2s.%.4s, лицевой счёт %s",
	                         v->number, day + 8, day + 5, day, a->number);
	if (q.purpose == NULL)
		return NULL;
	if ((e = payqr_build(&q, buf, sizeof(buf))) != PAYQR_OK) {
		log_msg(LOG_ERR, "invoice %llu: no QR code (payqr error %d)",
		        (unsigned long long)v->id, e);
		return NULL;
	}
	return arena_strdup(ar, buf);
}
