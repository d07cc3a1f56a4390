/*
 * db/receipt_doc.c: storing receipts as issued (sql/025).
 *
 * A month's receipts are stored when the organization issues it, batch by
 * batch of accounts (a range of ids), in the transaction that queues the
 * batch's notices: set-based INSERT ... SELECT, a statement per table, so a
 * million accounts cost a few statements per batch, not a million round
 * trips, and no transaction holds a million accounts' locks.  An account
 * billed in an issued month that has no stored receipt yet (its charges
 * came after the month was issued) has it stored the first time it is
 * asked for.  A receipt
 * issued again is stored as a new version with its reason, and the one
 * before it is marked replaced.
 *
 * Each statement is written once, for three scopes: an organization's
 * month (version 1), one account's issued months still missing (version 1),
 * and one account's month again (the next version).  The parts of the
 * document go in before its head, whose absence is what "missing" means.
 */
#include <stdint.h>

#include "core/arena.h"
#include "core/month.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/month_readings.h"
#include "db/own_payee.h"
#include "db/receipt_doc.h"

/* Where a receipt is to be stored: the accounts and their issued months. */
#define DOC_FROM                                                                            \
	"FROM accounts a JOIN receipt_issues ri ON ri.organization_id = a.organization_id "
#define DOC_MISSING                                                                         \
	"NOT EXISTS (SELECT 1 FROM receipt_documents d WHERE d.account_id = a.id "          \
	"AND d.period = ri.period)"
#define DOC_BILLED                                                                          \
	"EXISTS (SELECT 1 FROM ledger b WHERE b.account_id = a.id AND b.period = ri.period)"
#define SCOPE_ORG                                                                           \
	"a.organization_id = ? AND ri.period = ? AND a.id > ? AND a.id <= ? AND " DOC_MISSING
#define SCOPE_ACCOUNT "a.id = ? AND " DOC_MISSING
#define SCOPE_AGAIN "a.id = ? AND ri.period = ?"

#define LINES(version, scope)                                                               \
	"INSERT INTO receipt_document_lines (account_id, period, version, service_id, "     \
	"name_ru, name_en, supplier, unit, tariff, quantity, opening, accrued, corrections, " \
	"penalties, paid, closing, payee_id) SELECT a.id, ri.period, " version ", l.service_id, " \
	"sv.name_ru, sv.name_en, su.name, sv.unit, l.tariff, l.quantity, l.opening, "          \
	"l.accrued, l.corrections, (SELECT COALESCE(SUM(p.amount), 0) FROM corrections p "    \
	"WHERE p.account_id = a.id AND p.service_id = l.service_id AND p.period = ri.period " \
	"AND p.kind = 'penalty'), l.paid, l.closing, " PAYEE_OF("su") " "                     \
	DOC_FROM                                                                              \
	"JOIN ledger l ON l.account_id = a.id AND l.period = ri.period "                     \
	"JOIN services sv ON sv.id = l.service_id JOIN suppliers su ON su.id = sv.supplier_id " \
	"WHERE " scope

/* The suppliers paid to their own accounts (sql/046), with their details as they are now. */
#define PAYEES(version, scope)                                                              \
	"INSERT INTO receipt_document_payees (account_id, period, version, supplier_id, name, " \
	"short_name, inn, kpp, bank_name, bic, bank_account, corr_account) SELECT DISTINCT "   \
	"a.id, ri.period, " version ", su.id, su.name, su.short_name, su.inn, su.kpp, "        \
	"su.bank_name, su.bic, su.bank_account, su.corr_account " DOC_FROM                    \
	"JOIN ledger l ON l.account_id = a.id AND l.period = ri.period "                     \
	"JOIN services sv ON sv.id = l.service_id JOIN suppliers su ON su.id = sv.supplier_id " \
	"WHERE " PAID_DIRECTLY("su") " AND " scope

/* The volumes behind each line, by zone and tier (sql/045), as billed. */
#define VOLUMES(version, scope)                                                             \
	"INSERT INTO receipt_document_volumes (account_id, period, version, service_id, zone, " \
	"tier, tariff, quantity, amount) SELECT a.id, ri.period, " version ", x.service_id, "  \
	"x.zone, x.tier, x.tariff, x.quantity, x.amount " DOC_FROM                           \
	"JOIN ledger_lines x ON x.account_id = a.id AND x.period = ri.period WHERE " scope

#define CORRECTIONS(version, scope)                                                         \
	"INSERT INTO receipt_document_corrections (account_id, period, version, seq, "      \
	"service_id, name_ru, name_en, amount, reason, kind) SELECT a.id, ri.period, "       \
	version ", c.id, c.service_id, sv.name_ru, sv.name_en, c.amount, c.reason, c.kind "   \
	DOC_FROM                                                                              \
	"JOIN corrections c ON c.account_id = a.id AND c.period = ri.period "                \
	"JOIN services sv ON sv.id = c.service_id WHERE " DOC_BILLED " AND " scope

/*
 * Each register of each meter in use during the month, with the last
 * accepted reading taken in the month and the last one before it.
 */
#define READINGS(version, scope)                                                            \
	"INSERT INTO receipt_document_readings (account_id, period, version, seq, meter, kind, " \
	"zone, zones, digits, decimals, prev, prev_on, curr, curr_on) SELECT a.id, ri.period, " \
	version ", m.id * 3 + z.seq, m.number, m.kind, z.seq, m.zones, m.digits, m.decimals, "  \
	"p.value, p.taken_on, c.value, c.taken_on " DOC_FROM                                  \
	"JOIN meters m ON m.account_id = a.id AND m.installed_on < ri.period + INTERVAL 1 MONTH " \
	"AND (m.removed_on IS NULL OR m.removed_on >= ri.period) "                           \
	"JOIN (SELECT 0 seq UNION ALL SELECT 1 UNION ALL SELECT 2) z ON z.seq < m.zones "     \
	"LEFT JOIN readings c ON c.id = " READING_IN_MONTH("id", "z.seq", "ri.period") " "   \
	"LEFT JOIN readings p ON p.id = " READING_BEFORE("id", "z.seq", "ri.period")         \
	" WHERE " DOC_BILLED " AND " scope

#define HEAD(version, reason, scope)                                                        \
	"INSERT INTO receipt_documents (account_id, period, version, organization_id, "     \
	"issued_at, reason, payer_name, address, residents, area_centi_m2, org_name, "       \
	"org_short_name, inn, kpp, org_address, phones, email, website, bank_name, bic, "    \
	"bank_account, corr_account, currency, receipt_note, qr_category, qr_tech_code, "    \
	"due_on) SELECT a.id, ri.period, " version ", o.id, UTC_TIMESTAMP(6), " reason ", "  \
	"a.payer_name, a.address, a.residents, a.area_centi_m2, o.name, o.short_name, o.inn, " \
	"o.kpp, o.address, o.phones, o.email, o.website, o.bank_name, o.bic, o.bank_account, " \
	"o.corr_account, o.currency, o.receipt_note, o.qr_category, o.qr_tech_code, ri.due_on " \
	DOC_FROM "JOIN organizations o ON o.id = a.organization_id "                         \
	"WHERE " DOC_BILLED " AND " scope

static struct db_stmt org_lines = {"receipt_doc.org_lines", LINES("1", SCOPE_ORG), NULL, 0, NULL};
static struct db_stmt org_payees = {"receipt_doc.org_payees", PAYEES("1", SCOPE_ORG), NULL, 0,
				    NULL};
static struct db_stmt org_volumes = {"receipt_doc.org_volumes", VOLUMES("1", SCOPE_ORG), NULL,
				     0, NULL};
static struct db_stmt org_corrections = {"receipt_doc.org_corrections",
					 CORRECTIONS("1", SCOPE_ORG), NULL, 0, NULL};
static struct db_stmt org_readings = {"receipt_doc.org_readings", READINGS("1", SCOPE_ORG), NULL,
				      0, NULL};
static struct db_stmt org_head = {"receipt_doc.org_head", HEAD("1", "NULL", SCOPE_ORG), NULL, 0,
				  NULL};

static struct db_stmt acc_lines = {"receipt_doc.account_lines", LINES("1", SCOPE_ACCOUNT), NULL,
				   0, NULL};
static struct db_stmt acc_payees = {"receipt_doc.account_payees", PAYEES("1", SCOPE_ACCOUNT),
				    NULL, 0, NULL};
static struct db_stmt acc_volumes = {"receipt_doc.account_volumes",
				     VOLUMES("1", SCOPE_ACCOUNT), NULL, 0, NULL};
static struct db_stmt acc_corrections = {"receipt_doc.account_corrections",
					 CORRECTIONS("1", SCOPE_ACCOUNT), NULL, 0, NULL};
static struct db_stmt acc_readings = {"receipt_doc.account_readings",
				      READINGS("1", SCOPE_ACCOUNT), NULL, 0, NULL};
static struct db_stmt acc_head = {"receipt_doc.account_head", HEAD("1", "NULL", SCOPE_ACCOUNT),
				  NULL, 0, NULL};

static struct db_stmt again_lines = {"receipt_doc.again_lines", LINES("?", SCOPE_AGAIN), NULL, 0,
				     NULL};
static struct db_stmt again_payees = {"receipt_doc.again_payees", PAYEES("?", SCOPE_AGAIN), NULL,
				      0, NULL};
static struct db_stmt again_volumes = {"receipt_doc.again_volumes", VOLUMES("?", SCOPE_AGAIN),
				       NULL, 0, NULL};
static struct db_stmt again_corrections = {"receipt_doc.again_corrections",
					   CORRECTIONS("?", SCOPE_AGAIN), NULL, 0, NULL};
static struct db_stmt again_readings = {"receipt_doc.again_readings",
					READINGS("?", SCOPE_AGAIN), NULL, 0, NULL};
static struct db_stmt again_head = {"receipt_doc.again_head", HEAD("?", "?", SCOPE_AGAIN), NULL,
				    0, NULL};

/* Whether any is missing: a read, so a list shown again and again writes nothing. */
static struct db_stmt acc_missing = {
	"receipt_doc.account_missing",
	"SELECT 1 " DOC_FROM "WHERE " DOC_BILLED " AND " SCOPE_ACCOUNT " LIMIT 1", NULL, 0, NULL};

static struct db_stmt latest_version = {
	"receipt_doc.latest_version",
	"SELECT COALESCE(MAX(version), 0) FROM receipt_documents WHERE account_id = ? AND period = ? "
	"FOR UPDATE",
	NULL, 0, NULL};

static struct db_stmt replaced = {
	"receipt_doc.replaced",
	"UPDATE receipt_documents SET replaced_at = UTC_TIMESTAMP(6) "
	"WHERE account_id = ? AND period = ? AND version = ?",
	NULL, 0, NULL};

static struct db_stmt pdf_first = {
	"receipt_doc.pdf_first",
	"UPDATE receipt_documents SET pdf_sha256 = ? "
	"WHERE account_id = ? AND period = ? AND version = ? AND pdf_sha256 IS NULL",
	NULL, 0, NULL};

static struct db_stmt pdf_same = {
	"receipt_doc.pdf_same",
	"SELECT pdf_sha256 = ? FROM receipt_documents "
	"WHERE account_id = ? AND period = ? AND version = ?",
	NULL, 0, NULL};

/* The statements of one scope, parts first and the head last; args: what each takes. */
#define PARTS 5
static enum perr store(struct db_stmt *const st[PARTS + 1], const struct db_arg *parts,
		       size_t nparts, const struct db_arg *head, size_t nhead,
		       unsigned long long *stored)
{
	enum perr e = PERR_OK;
	size_t i;

	for (i = 0; i < PARTS && e == PERR_OK; i++)
		e = db_exec(st[i], parts, nparts, NULL, NULL);
	return e != PERR_OK ? e : db_exec(st[PARTS], head, nhead, stored, NULL);
}

enum perr db_receipt_docs_issue(uint64_t org, month_t m, uint64_t after, uint64_t through,
				unsigned long long *stored)
{
	static struct db_stmt *const st[PARTS + 1] = {&org_lines,	&org_payees,   &org_volumes,
						      &org_corrections, &org_readings, &org_head};
	char d[11];
	struct db_arg a[4];

	month_date(m, d);
	a[0] = DBA_U64(org);
	a[1] = DBA_STR(d);
	a[2] = DBA_U64(after);
	a[3] = DBA_U64(through);
	return store(st, a, 4, a, 4, stored);
}

enum perr db_receipt_docs_missing(struct arena *ar, uint64_t account)
{
	static struct db_stmt *const st[PARTS + 1] = {&acc_lines,	&acc_payees,   &acc_volumes,
						      &acc_corrections, &acc_readings, &acc_head};
	struct db_arg a[] = {DBA_U64(account)};
	long long one = 0;
	struct db_col c[] = {DBC_INT(&one)};
	enum perr e = db_row(ar, &acc_missing, a, 1, c, 1);

	if (e == PERR_NOT_FOUND)
		return PERR_OK; /* every issued month stored already: the usual case */
	if (e != PERR_OK || (e = db_begin()) != PERR_OK)
		return e;
	if ((e = store(st, a, 1, a, 1, NULL)) == PERR_OK)
		e = db_commit();
	if (e != PERR_OK)
		db_rollback();
	return e;
}

enum perr db_receipt_doc_again(struct arena *ar, uint64_t account, month_t m, const char *reason,
			       unsigned *version)
{
	static struct db_stmt *const st[PARTS + 1] = {&again_lines,	  &again_payees,
						      &again_volumes,	  &again_corrections,
						      &again_readings,	  &again_head};
	long long last = 0;
	unsigned long long n = 0;
	char d[11];
	struct db_col c[] = {DBC_INT(&last)};
	enum perr e;

	month_date(m, d);
	*version = 0;
	if ((e = db_begin()) != PERR_OK)
		return e;
	/* The account's row of the month locked: two reissues take turns. */
	e = db_row(ar, &latest_version, (struct db_arg[]){DBA_U64(account), DBA_STR(d)}, 2, c, 1);
	if (e == PERR_OK && last <= 0)
		e = PERR_NOT_FOUND; /* never issued: nothing to issue again */
	if (e == PERR_OK) {
		struct db_arg parts[] = {DBA_INT(last + 1), DBA_U64(account), DBA_STR(d)};
		struct db_arg head[] = {DBA_INT(last + 1), DBA_STR(reason), DBA_U64(account),
					DBA_STR(d)};

		e = store(st, parts, 3, head, 4, &n);
		if (e == PERR_OK && n != 1)
			e = PERR_NOT_FOUND; /* not billed that month any more */
	}
	if (e == PERR_OK)
		e = db_exec(&replaced, (struct db_arg[]){DBA_U64(account), DBA_STR(d), DBA_INT(last)},
			    3, NULL, NULL);
	if (e == PERR_OK)
		e = db_commit();
	if (e != PERR_OK) {
		db_rollback();
		return e;
	}
	*version = (unsigned)(last + 1);
	return PERR_OK;
}

enum perr db_receipt_pdf_hash(struct arena *ar, uint64_t account, month_t m, unsigned version,
			      const unsigned char hash[32], int *same)
{
	char d[11];
	unsigned long long n = 0;
	long long eq = 0;
	struct db_col c[] = {DBC_INT(&eq)};
	enum perr e;

	month_date(m, d);
	*same = 1;
	e = db_exec(&pdf_first,
		    (struct db_arg[]){DBA_BLOB(hash, 32), DBA_U64(account), DBA_STR(d),
				      DBA_INT(version)},
		    4, &n, NULL);
	if (e != PERR_OK || n == 1)
		return e; /* the first: kept */
	e = db_row(ar, &pdf_same,
		   (struct db_arg[]){DBA_BLOB(hash, 32), DBA_U64(account), DBA_STR(d),
				     DBA_INT(version)},
		   4, c, 1);
	if (e == PERR_OK)
		*same = eq != 0;
	return e;
}
