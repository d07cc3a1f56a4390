/*
 * receiptjobs.c: issuing a month's receipts, run by staff or cron after the
 * month's charges are loaded (README, "Deploying").
 *
 *   receiptjobs issue [--month YYYY-MM | --from YYYY-MM] [--org ID] [--batch N]
 *   receiptjobs reissue --account ID --month YYYY-MM --reason TEXT
 *
 * For each organization with accounts billed in the month (default: last
 * month; --from: every month from then to last month) that has not issued
 * it: check its bank details, store every billed account's receipt, queue
 * the PDF e-mail of every subscriber who takes that account's receipts by
 * e-mail and the notices of those who asked for one, and record the month
 * issued.  That is done --batch accounts (default 5,000) per transaction,
 * so a million accounts never hold a million accounts' locks; a run that
 * stops part-way (killed, the database gone) is resumed by the next, and
 * two at once share the batches.  An organization whose details fail the
 * check, or one of whose suppliers paid directly (sql/046) has details that
 * fail it, is not issued, and the message says whose detail and why.
 *
 * Issuing stores each account's receipt as issued (db/receipt_doc.c): it
 * never changes after.  reissue issues one account's receipt of a month
 * again from the ledger as it is now, as a new version with the reason
 * (printed on it); the old version is kept and shown as replaced.
 *
 * Running it again issues nothing twice.  Exit status 0 when every
 * organization was issued (or had been), 1 when one was refused or the
 * database failed, 2 on a bad command line.
 */
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/job.h"
#include "billing/account.h"
#include "billing/receipt.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/month.h"
#include "core/perr.h"
#include "core/utf8.h"
#include "db/db.h"
#include "db/receipt.h"
#include "db/receipt_doc.h"

#define MAX_ORGS 256
#define BATCH_DEFAULT 5000
#define BATCH_MAX 100000

static struct arena *arena;

#define MAX_PAYEES 64 /* an organization's suppliers paid directly */

struct org_list {
	struct issue_org v[MAX_ORGS];
	size_t n;
};

struct payee_list {
	struct receipt_payee v[MAX_PAYEES];
	size_t n;
};

static enum perr payee_row(void *p, const struct receipt_payee *x)
{
	struct payee_list *l = p;

	if (l->n == MAX_PAYEES)
		return PERR_TOO_LARGE;
	l->v[l->n++] = *x;
	return PERR_OK;
}

static enum perr org_row(void *p, const struct issue_org *o)
{
	struct org_list *l = p;

	if (l->n == MAX_ORGS)
		return PERR_TOO_LARGE;
	l->v[l->n++] = *o;
	return PERR_OK;
}

/*
 * What a staff member reads: whose detail (the organization's, or a supplier
 * of it paid directly), its value, and the rule it breaks.
 */
static void refuse(const struct organization *org, const struct receipt_payee *supplier,
		   const char *bad, const char *mon)
{
	const struct organization *g = supplier ? &supplier->org : org;
	const char *why = "is missing or too long";
	const char *value = "";

	int kz = g->cur != NULL && strcmp(g->cur->code, "KZT") == 0;

	if (strcmp(bad, "bic") == 0) {
		why = kz ? "is not a Kazakh bank's BIC (SWIFT, 8 characters)" : "is not a 9-digit BIC";
		value = g->bic;
	} else if (strcmp(bad, "bank-account") == 0) {
		why = kz ? "fails the IBAN check (KZ, 20 characters, mod 97)"
			 : "fails the Bank of Russia control key for the BIC (20 digits, CB 515), "
			   "or is not a treasury account (03...643...) at a Treasury BIC";
		value = g->bank_account;
	} else if (strcmp(bad, "corr-account") == 0) {
		why = "is not the correspondent account of the BIC (control key, CB 515), "
		      "or at a Treasury BIC the single treasury account (40102...)";
		value = g->corr_account;
	} else if (strcmp(bad, "inn") == 0) {
		why = kz ? "fails the BIN check digit" : "fails the INN check digits";
		value = g->inn;
	} else if (strcmp(bad, "qr-name") == 0) {
		why = "makes the payee's part of the QR code longer than GOST R 56042's 300 bytes; "
		      "give it a short name for the QR code";
		value = g->name;
	} else if (strcmp(bad, "kpp") == 0) {
		why = "is not 9 digits";
		value = g->kpp;
	} else if (strcmp(bad, "bank-name") == 0) {
		why = "is missing or longer than the 45 characters a payment QR code carries";
		value = g->bank_name;
	}
	if (supplier != NULL)
		fprintf(stderr, "receiptjobs: supplier %llu \"%s\" of organization %llu \"%s\", "
				"paid to its own account: ",
			(unsigned long long)supplier->id, g->name, (unsigned long long)org->id,
			org->name);
	else
		fprintf(stderr, "receiptjobs: organization %llu \"%s\": ", (unsigned long long)g->id,
			g->name);
	fprintf(stderr,
		"%s %s %s; its receipts for %s are NOT issued. Correct the %s's bank details "
		"and run again.\n",
		bad, value ? value : "", why, mon, supplier ? "supplier" : "organization");
}

/* The organization's own details, then its suppliers' paid directly: 0 if all pass. */
static int payees_pass(const struct organization *org, const char *mon)
{
	struct payee_list *l = malloc(sizeof(*l));
	const char *bad;
	size_t i;
	int ok = 1;
	enum perr e;

	if ((bad = payee_check(org)) != NULL) {
		refuse(org, NULL, bad, mon);
		free(l);
		return 0;
	}
	if (l == NULL)
		return 0;
	l->n = 0;
	if ((e = db_issue_payees(arena, org->id, payee_row, l)) != PERR_OK) {
		fprintf(stderr, "receiptjobs: organization %llu: %s\n", (unsigned long long)org->id,
			perr_str(e));
		ok = 0;
	}
	for (i = 0; ok && i < l->n; i++) {
		l->v[i].org.cur = org->cur;
		if ((bad = payee_check(&l->v[i].org)) != NULL) {
			refuse(org, &l->v[i], bad, mon);
			ok = 0;
		}
	}
	free(l);
	return ok;
}

static day_t due_day(month_t m, unsigned day)
{
	month_t next = m + 1;

	return day_from_civil(next / 12, next % 12 + 1, (int)day);
}

static int issue_month(month_t m, uint64_t only_org, unsigned batch)
{
	struct org_list *l = malloc(sizeof(*l));
	unsigned long long mailed;
	char mon[8];
	size_t i;
	int rc = 0;
	enum perr e;

	if (l == NULL)
		return 1;
	l->n = 0;
	month_format(m, mon);
	db_request_begin();
	if ((e = db_issue_orgs(arena, m, org_row, l)) != PERR_OK) {
		fprintf(stderr, "receiptjobs: %s: %s\n", mon, perr_str(e));
		free(l);
		return 1;
	}
	for (i = 0; i < l->n; i++) {
		const struct issue_org *o = &l->v[i];

		if (only_org != 0 && o->org.id != only_org)
			continue;
		if (o->issued) {
			printf("issue %s: organization %llu issued already\n", mon,
			       (unsigned long long)o->org.id);
			continue;
		}
		if (!payees_pass(&o->org, mon)) {
			rc = 1;
			continue;
		}
		if (o->partly)
			printf("issue %s: organization %llu: going on from a run that stopped\n", mon,
			       (unsigned long long)o->org.id);
		e = db_issue(o->org.id, m, due_day(m, o->pay_by_day), batch, &mailed);
		if (e == PERR_CONFLICT) {
			printf("issue %s: organization %llu issued meanwhile\n", mon,
			       (unsigned long long)o->org.id);
			continue;
		}
		if (e != PERR_OK) {
			fprintf(stderr, "receiptjobs: %s: organization %llu: %s\n", mon,
				(unsigned long long)o->org.id, perr_str(e));
			rc = 1;
			continue;
		}
		printf("issue %s: organization %llu: receipts issued, %llu e-mailed\n", mon,
		       (unsigned long long)o->org.id, mailed);
	}
	free(l);
	arena_reset(arena);
	return rc;
}

static int usage(void)
{
	fprintf(stderr, "usage: receiptjobs issue [--month YYYY-MM | --from YYYY-MM] [--org ID] "
			"[--batch N]\n"
			"       receiptjobs reissue --account ID --month YYYY-MM --reason TEXT\n"
			"  The configuration file is named by $PORTAL_CONFIG.\n");
	return 2;
}

/* One account's receipt of a month issued again, for a reason of 3 to 300 characters. */
static int reissue(int argc, char **argv)
{
	unsigned long long account = 0;
	const char *reason = NULL;
	month_t m = 0;
	unsigned version = 0;
	size_t len;
	char *end;
	enum perr e;
	int i;

	for (i = 2; i < argc; i += 2) {
		if (i + 1 >= argc)
			return usage();
		if (strcmp(argv[i], "--account") == 0) {
			account = strtoull(argv[i + 1], &end, 10);
			if (*end || account == 0 || argv[i + 1][0] == '-')
				return usage();
		} else if (strcmp(argv[i], "--month") == 0) {
			if (month_parse(argv[i + 1], strlen(argv[i + 1]), &m) != 0)
				return usage();
		} else if (strcmp(argv[i], "--reason") == 0) {
			reason = argv[i + 1];
		} else {
			return usage();
		}
	}
	len = reason ? strlen(reason) : 0;
	if (account == 0 || m == 0 || reason == NULL || !utf8_valid(reason, len) ||
	    utf8_len(reason, len) < 3 || utf8_len(reason, len) > 300)
		return usage();
	if ((arena = job_start("receiptjobs")) == NULL)
		return 1;
	if (job_unroot() != 0) {
		job_end(arena);
		return 1;
	}
	e = db_receipt_doc_again(arena, (uint64_t)account, m, reason, &version);
	job_end(arena);
	if (e == PERR_NOT_FOUND) {
		char mon[8];

		month_format(m, mon);
		fprintf(stderr, "receiptjobs: account %llu has no issued receipt for %s to issue "
				"again\n", account, mon);
		return 1;
	}
	if (e != PERR_OK) {
		fprintf(stderr, "receiptjobs: account %llu: %s\n", account, perr_str(e));
		return 1;
	}
	printf("reissue: account %llu: version %u issued\n", account, version);
	return 0;
}

int main(int argc, char **argv)
{
	month_t last = month_today_in(NULL) - 1, from = last, to = last, m;
	unsigned long long org = 0, batch = BATCH_DEFAULT;
	char *end;
	int i, rc = 0;

	if (argc >= 2 && strcmp(argv[1], "reissue") == 0)
		return reissue(argc, argv);
	if (argc < 2 || strcmp(argv[1], "issue") != 0)
		return usage();
	for (i = 2; i < argc; i += 2) {
		if (i + 1 >= argc)
			return usage();
		if (strcmp(argv[i], "--month") == 0 || strcmp(argv[i], "--from") == 0) {
			if (month_parse(argv[i + 1], strlen(argv[i + 1]), &m) != 0 || m > last)
				return usage();
			from = m;
			to = strcmp(argv[i], "--month") == 0 ? m : last;
		} else if (strcmp(argv[i], "--org") == 0) {
			org = strtoull(argv[i + 1], &end, 10);
			if (*end || org == 0 || argv[i + 1][0] == '-')
				return usage();
		} else if (strcmp(argv[i], "--batch") == 0) {
			batch = strtoull(argv[i + 1], &end, 10);
			if (*end || batch == 0 || batch > BATCH_MAX || argv[i + 1][0] == '-')
				return usage();
		} else {
			return usage();
		}
	}
	if ((arena = job_start("receiptjobs")) == NULL)
		return 1;
	if (job_unroot() != 0) {
		job_end(arena);
		return 1;
	}
	for (m = from; m <= to; m++)
		rc |= issue_month(m, (uint64_t)org, (unsigned)batch);
	job_end(arena);
	return rc;
}
