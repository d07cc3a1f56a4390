/*
 * payqr.c: the text of a payment QR code by GOST R 56042-2014.
 *
 *   ST00012|Name=...|PersonalAcc=...|BankName=...|BIC=...|CorrespAcc=...|PayeeINN=...|...
 *
 * "ST", version "0001", encoding "2" (UTF-8), then the separator and
 * Key=Value pairs: the five required ones first, in the standard's order,
 * then the optional ones a receipt carries.  A value may not contain the
 * separator, so when one contains '|' the first character from the
 * standard's list that no value contains separates instead (§5.2.1); there
 * is no escaping.  No trailing separator.  The required block may not
 * exceed 300 bytes.
 */
#include <stdio.h>
#include <string.h>

#include "billing/payqr.h"
#include "core/utf8.h"

#define REQUIRED_MAX 300

static const char separators[] = "|#;:^_~{}!$%&()*+,/@";

struct pair {
	const char *key;
	const char *value;
	size_t max; /* characters; 0: the standard sets no limit */
};

/* No control characters (a QR payload is one line of text) and valid UTF-8. */
static int value_ok(const char *v, size_t max)
{
	size_t n = strlen(v), i;

	if (n == 0 || !utf8_valid(v, n) || (max && utf8_len(v, n) > max))
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7F)
			return 0;
	return 1;
}

static int digits_only(const char *v, size_t min, size_t max)
{
	size_t n = strlen(v), i;

	for (i = 0; i < n; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	return n >= min && n <= max;
}

int payqr_build(const struct payqr *q, char *out, size_t cap)
{
	char sum[24];
	struct pair p[20];
	size_t n = 0, i, len, required_bytes = 0;
	const char *sep;
	int k;

	if (q->name == NULL || q->personal_acc == NULL || q->bank_name == NULL || q->bic == NULL ||
	    q->corresp_acc == NULL)
		return PAYQR_MISSING;
	if (!digits_only(q->personal_acc, 20, 20))
		return PAYQR_ACCOUNT;
	if (!digits_only(q->bic, 9, 9))
		return PAYQR_BIC;
	if (!digits_only(q->corresp_acc, 1, 20))
		return PAYQR_CORR;
	p[n++] = (struct pair){"Name", q->name, 160};
	p[n++] = (struct pair){"PersonalAcc", q->personal_acc, 20};
	p[n++] = (struct pair){"BankName", q->bank_name, 45};
	p[n++] = (struct pair){"BIC", q->bic, 9};
	p[n++] = (struct pair){"CorrespAcc", q->corresp_acc, 20};
	if (q->payee_inn) {
		if (!digits_only(q->payee_inn, 10, 12))
			return PAYQR_INN;
		p[n++] = (struct pair){"PayeeINN", q->payee_inn, 12};
	}
	if (q->kpp) {
		if (!digits_only(q->kpp, 9, 9))
			return PAYQR_KPP;
		p[n++] = (struct pair){"KPP", q->kpp, 9};
	}
	if (q->pers_acc)
		p[n++] = (struct pair){"PersAcc", q->pers_acc, 0};
	if (q->last_name)
		p[n++] = (struct pair){"LastName", q->last_name, 0};
	if (q->first_name)
		p[n++] = (struct pair){"FirstName", q->first_name, 0};
	if (q->middle_name)
		p[n++] = (struct pair){"MiddleName", q->middle_name, 0};
	if (q->payer_address)
		p[n++] = (struct pair){"PayerAddress", q->payer_address, 0};
	if (q->sum >= 0) {
		if (q->sum > 999999999999999999LL)
			return PAYQR_SUM;
		snprintf(sum, sizeof(sum), "%lld", q->sum);
		p[n++] = (struct pair){"Sum", sum, 18};
	}
	if (q->purpose)
		p[n++] = (struct pair){"Purpose", q->purpose, 210};
	if (q->paym_period)
		p[n++] = (struct pair){"PaymPeriod", q->paym_period, 0};
	if (q->category)
		p[n++] = (struct pair){"Category", q->category, 0};
	if (q->tech_code)
		p[n++] = (struct pair){"TechCode", q->tech_code, 2};

	for (i = 0; i < n; i++) {
		if (!value_ok(p[i].value, p[i].max))
			return PAYQR_VALUE;
		if (i < 5)
			required_bytes += 1 + strlen(p[i].key) + 1 + strlen(p[i].value);
	}
	if (required_bytes > REQUIRED_MAX)
		return PAYQR_TOO_LONG;
	/* The first separator no value contains. */
	for (sep = separators; *sep; sep++) {
		for (i = 0; i < n && strchr(p[i].value, *sep) == NULL; i++)
			;
		if (i == n)
			break;
	}
	if (*sep == '\0')
		return PAYQR_SEPARATOR;
	len = 0;
	k = snprintf(out, cap, "ST00012");
	if (k < 0 || (size_t)k >= cap)
		return PAYQR_TOO_LONG;
	len = (size_t)k;
	for (i = 0; i < n; i++) {
		k = snprintf(out + len, cap - len, "%c%s=%s", *sep, p[i].key, p[i].value);
		if (k < 0 || (size_t)k >= cap - len)
			return PAYQR_TOO_LONG;
		len += (size_t)k;
	}
	return PAYQR_OK;
}
