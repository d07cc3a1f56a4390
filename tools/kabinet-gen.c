/*
 * kabinet-gen: realistic billing histories for demo data and benchmarks.
 *
 *   kabinet-gen history FIRST COUNT END OUTDIR    ledger, payments, corrections
 *   kabinet-gen accounts FIRST COUNT END OUTDIR   the accounts themselves too
 *
 * Accounts FIRST .. FIRST+COUNT-1 of organization 1 get 24 months of history
 * ending with month END (YYYY-MM), written as tab-separated files for LOAD
 * DATA: ledger.tsv (in primary-key order, so InnoDB appends), payments.tsv
 * and payment_lines.tsv (payment ids are account id x 100 + month, so the
 * lines can name them), corrections.tsv and, with "accounts", accounts.tsv, meters.tsv (one
 * electricity meter each, with the account's id) and readings.tsv (its last
 * six monthly readings).  Everything follows
 * from the account id through a seeded generator, so a run is repeatable.
 *
 * The service ids and tariffs are those of sql/demo/002-billing.sql.
 * Each subscriber behaves in one of four ways: pays every bill in full
 * (most), sometimes skips a month and then pays the whole debt, pays a round
 * sum that is a little short, or pays the same round sum every month (ahead
 * in summer, behind in winter).  Tariffs rise on 1 July each year, as
 * Russian utility tariffs do; heating is charged October to April only.
 */
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "billing/split.h"
#include "core/money.h"

#define MONTHS 24
#define NSERV 6

enum { S_ELEC = 1, S_ELEC_COMMON, S_COLD, S_SEWER, S_HEAT, S_HOT };

/* Minor units per unit before July 2025; quantity scale is thousandths. */
static const money_t base_tariff[NSERV + 1] = {
	0, 643, 643, 4518, 3629, 263408, 23050,
};

/* Whom each service is paid to: the water utility (supplier 2 of
 * sql/demo/002) takes its money to its own account; the rest goes through the
 * organization (\N is NULL to LOAD DATA). */
static const char *const payee[NSERV + 1] = {"\\N", "\\N", "\\N", "2", "2", "\\N", "\\N"};

static const char *const surnames[] = {
	"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов",
	"Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев",
};
static const char *const names_m[] = {"Александр", "Сергей", "Дмитрий", "Андрей",
				      "Алексей", "Николай", "Михаил", "Игорь"};
static const char *const names_f[] = {"Елена", "Ольга", "Татьяна", "Наталья",
				      "Ирина", "Светлана", "Анна", "Марина"};
static const char *const patr_m[] = {"Иванович", "Петрович", "Сергеевич", "Андреевич",
				     "Викторович", "Николаевич"};
static const char *const patr_f[] = {"Ивановна", "Петровна", "Сергеевна", "Андреевна",
				     "Викторовна", "Николаевна"};
static const char *const streets[] = {
	"ул. Ленина", "ул. Мира", "пр. Победы", "ул. Гагарина", "ул. Садовая",
	"ул. Советская", "ул. Молодёжная", "ул. Лесная", "ул. Школьная", "пр. Строителей",
};
static const char *const banks[] = {"ПАО Сбербанк", "Банк ВТБ (ПАО)", "АО «Почта Банк»",
				     "АО «Т-Банк»", "АО «Альфа-Банк»"};
static const char *const reasons[] = {
	"Перерасчёт по показаниям прибора учёта",
	"Перерасчёт за период временного отсутствия",
	"Перерасчёт за услугу ненадлежащего качества",
	"Доначисление по результатам проверки прибора учёта",
};

#define PICK(rng, a) ((a)[next(rng) % (sizeof(a) / sizeof((a)[0]))])

/* splitmix64: small, fast, good enough for made-up bills. */
static uint64_t next(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [lo, hi]. */
static long range(uint64_t *s, long lo, long hi)
{
	return lo + (long)(next(s) % (uint64_t)(hi - lo + 1));
}

static money_t tariff_at(int service, int year, int month)
{
	money_t t = base_tariff[service];

	/* +11.9% from July 2025, +9.9% from July 2026, rounded to the kopeck. */
	if (year > 2025 || (year == 2025 && month >= 7))
		t = (t * 1119 + 500) / 1000;
	if (year > 2026 || (year == 2026 && month >= 7))
		t = (t * 1099 + 500) / 1000;
	return t;
}

struct gen_account {
	unsigned id;
	int residents;
	long area; /* hundredths of m2 */
	int has[NSERV + 1];
	int habit; /* 0 pays in full, 1 skips now and then, 2 short, 3 standing order */
};

struct row {
	money_t tariff, opening, accrued, corr, paid, closing;
	int64_t qty;
};

struct out {
	FILE *accounts, *meters, *readings, *ledger, *payments, *lines, *corrections;
};

static int season_heat(int month)
{
	return month >= 10 || month <= 4;
}

static int64_t quantity(uint64_t *rng, const struct gen_account *a, int service, int month)
{
	long noise = range(rng, 85, 115); /* percent */
	long winter = (month >= 11 || month <= 2) ? 125 : 100;

	switch (service) {
	case S_ELEC:
		return (int64_t)(80 + 60 * a->residents) * winter * noise * 10 / 100;
	case S_ELEC_COMMON:
		return range(rng, 3000, 8000);
	case S_COLD:
		return (int64_t)3400 * a->residents * noise / 100;
	case S_HOT:
		return (int64_t)2500 * a->residents * noise / 100;
	case S_HEAT:
		/* The heating norm: 0.0212 Gcal per m2 per month, in thousandths. */
		return season_heat(month) ? (int64_t)a->area * 212 / 10000 : 0;
	default:
		return 0;
	}
}

/* Spread a payment over the services by the portal's own rule (billing/split.c,
 * Rules 354 p. 118): what each owes, in proportion when short; the rest an
 * advance by this month's charges. */
static void allocate(struct row *r[], const struct gen_account *a, money_t amount)
{
	money_t ask[NSERV], weight[NSERV], share[NSERV];
	int s, idx[NSERV];
	size_t n = 0, i;

	for (s = 1; s <= NSERV; s++) {
		if (!a->has[s])
			continue;
		idx[n] = s;
		ask[n] = r[s]->opening > 0 ? r[s]->opening : 0;
		weight[n] = r[s]->accrued > 0 ? r[s]->accrued : 0;
		n++;
	}
	if (n == 0 || payment_split(ask, weight, n, amount, share) != 0)
		return;
	for (i = 0; i < n; i++)
		r[idx[i]]->paid += share[i];
}

static void account_make(unsigned id, struct gen_account *a)
{
	uint64_t rng = id * 2654435761ULL;
	int s;

	memset(a, 0, sizeof(*a));
	a->id = id;
	a->residents = (int)range(&rng, 1, 5);
	a->area = range(&rng, 2800, 9500);
	for (s = 1; s <= NSERV; s++)
		a->has[s] = 1;
	/* A flat with its own boiler has no central heating or hot water. */
	if (range(&rng, 0, 9) < 2)
		a->has[S_HEAT] = a->has[S_HOT] = 0;
	s = (int)range(&rng, 0, 19);
	a->habit = s < 13 ? 0 : s < 16 ? 1 : s < 18 ? 2 : 3;
	/* demo's second flat pays ahead, so the demo shows an overpayment too. */
	if (id == 2)
		a->habit = 3;
}

static void account_write(FILE *f, const struct gen_account *a)
{
	uint64_t rng = a->id * 40503ULL + 7;
	int female = (int)range(&rng, 0, 1);
	const char *sur = PICK(&rng, surnames);

	fprintf(f, "%u\t1\t%010u\t%s%s %s %s\tг. Энск, %s, д. %ld, кв. %ld\t%d\t%ld\t",
		a->id, 2000000000u + a->id, sur, female ? "а" : "",
		female ? PICK(&rng, names_f) : PICK(&rng, names_m),
		female ? PICK(&rng, patr_f) : PICK(&rng, patr_m), PICK(&rng, streets),
		range(&rng, 1, 120), range(&rng, 1, 300), a->residents, a->area);
	if (range(&rng, 0, 3) > 0)
		fprintf(f, "+7 9%02ld %03ld-%02ld-%02ld\t", range(&rng, 0, 99),
			range(&rng, 0, 999), range(&rng, 0, 99), range(&rng, 0, 99));
	else
		fputs("\\N\t", f);
	fprintf(f, "20%02ld-%02ld-%02ld\n", range(&rng, 15, 24), range(&rng, 1, 12),
		range(&rng, 1, 28));
}

/* One single-zone electricity meter per account, on the single-rate plan. */
static void meter_write(FILE *f, const struct gen_account *a)
{
	uint64_t rng = a->id * 7919ULL + 3;

	fprintf(f, "%u\t%u\t1\t1\telectricity\t%08ld\t1\t6\t0\t20%02ld-%02ld-01\t2019-01-01\n", a->id,
		a->id, range(&rng, 0, 99999999), range(&rng, 27, 35), range(&rng, 1, 12));
}

static void history(const struct gen_account *a, int end_y, int end_m, struct out *o)
{
	static struct row rows[NSERV + 1][MONTHS];
	uint64_t rng = a->id * 0x2545F4914F6CDD1DULL + 1;
	money_t standing = 0;
	int s, m;

	memset(rows, 0, sizeof(rows));
	for (m = 0; m < MONTHS; m++) {
		int k = end_y * 12 + (end_m - 1) - (MONTHS - 1) + m;
		int y = k / 12, mon = k % 12 + 1;
		struct row *r[NSERV + 1] = {0};
		money_t owed = 0, pay = 0;

		for (s = 1; s <= NSERV; s++) {
			if (!a->has[s])
				continue;
			r[s] = &rows[s][m];
			r[s]->opening = m > 0 ? rows[s][m - 1].closing
					      : (a->habit == 0 ? 0 : range(&rng, 0, 150000));
			/* A rate is a price: four decimals (core/money.h). */
			r[s]->tariff = tariff_at(s, y, mon) * PRICE_PER_MINOR;
			r[s]->qty = quantity(&rng, a, s, mon);
			if (s == S_SEWER)
				r[s]->qty = rows[S_COLD][m].qty + (a->has[S_HOT] ? rows[S_HOT][m].qty : 0);
			if (money_mul_qty(r[s]->tariff, r[s]->qty, 3 + PRICE_DIGITS, &r[s]->accrued) !=
			    0)
				r[s]->accrued = 0;
			if (r[s]->accrued > 0 && range(&rng, 0, 99) < 2) {
				const char *why = PICK(&rng, reasons);

				r[s]->corr = (strncmp(why, "Доначисление", 24) == 0 ? 1 : -1) *
					     r[s]->accrued * range(&rng, 5, 40) / 100;
				fprintf(o->corrections, "%u\t%d\t%04d-%02d-01\t%lld\t%s\n", a->id, s, y,
					mon, (long long)r[s]->corr, why);
			}
			owed += r[s]->opening;
		}
		/* This month's payment settles the bill issued for last month. */
		if (a->habit == 3) {
			pay = standing;
		} else if (owed > 0) {
			long roll = range(&rng, 0, 99);

			pay = owed;
			if (a->habit == 1 && roll < 25)
				pay = 0;
			else if (a->habit == 2)
				pay = (owed * 9 / 10) / 10000 * 10000;
			else if (roll < 5)
				pay = (owed + 9999) / 10000 * 10000; /* rounded up: a small advance */
		}
		if (pay > 0) {
			unsigned long long pid = (unsigned long long)a->id * 100 + (unsigned)m;
			const char *channel = range(&rng, 0, 2) == 0 ? "cash" : range(&rng, 0, 1) ? "card" : "bank";
			const char *bank = strcmp(channel, "cash") == 0 ? "Касса РЦ Энск" : PICK(&rng, banks);

			fprintf(o->payments, "%llu\t%u\t%04d-%02d-%02ld %02ld:%02ld:%02ld\t%lld\t%s\t%s\n", pid,
				a->id, y, mon, range(&rng, 5, 25), range(&rng, 8, 21), range(&rng, 0, 59),
				range(&rng, 0, 59), (long long)pay, channel, bank);
			allocate(r, a, pay);
			for (s = 1; s <= NSERV; s++)
				if (r[s] != NULL && r[s]->paid != 0)
					fprintf(o->lines, "%llu\t%d\t%04d-%02d-01\t%lld\t%s\n", pid, s, y,
						mon, (long long)r[s]->paid, payee[s]);
		}
		for (s = 1; s <= NSERV; s++)
			if (r[s] != NULL) {
				r[s]->closing = r[s]->opening + r[s]->accrued + r[s]->corr - r[s]->paid;
				/* The standing order: the first bill, rounded up to whole thousands. */
				if (m == 0 && a->habit == 3)
					standing += r[s]->accrued;
			}
		if (m == 0 && a->habit == 3)
			standing = (standing + 99999) / 100000 * 100000;
	}
	/* The meter's readings on the 20th of the last six months, from what was billed. */
	if (o->readings != NULL) {
		long long value = 1000 + (long long)(a->id % 5000) * 10;

		for (m = MONTHS - 6; m < MONTHS; m++) {
			int k = end_y * 12 + (end_m - 1) - (MONTHS - 1) + m;

			value += rows[S_ELEC][m].qty / 1000;
			fprintf(o->readings, "%u\t0\t%04d-%02d-20\t%lld\timport\taccepted\t%04d-%02d-20\n",
				a->id, k / 12, k % 12 + 1, value, k / 12, k % 12 + 1);
		}
	}
	/* In the ledger's key order (account, month, service), so InnoDB appends. */
	for (m = 0; m < MONTHS; m++) {
		int k = end_y * 12 + (end_m - 1) - (MONTHS - 1) + m;

		for (s = 1; s <= NSERV; s++) {
			const struct row *x = &rows[s][m];

			if (!a->has[s])
				continue;
			fprintf(o->ledger, "%u\t%d\t%04d-%02d-01\t%lld\t%lld\t%lld\t%lld\t%lld\t%lld\t%lld\n",
				a->id, s, k / 12, k % 12 + 1, (long long)x->tariff, (long long)x->qty,
				(long long)x->opening, (long long)x->accrued, (long long)x->corr,
				(long long)x->paid, (long long)x->closing);
		}
	}
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL)
		fprintf(stderr, "kabinet-gen: %s: %s\n", path, strerror(errno));
	return f;
}

static int usage(void)
{
	fprintf(stderr, "usage: kabinet-gen history|accounts FIRST COUNT YYYY-MM OUTDIR\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct out o = {0};
	unsigned long first, count, i;
	int with_accounts, y, m, rc = 0;
	char *end;

	if (argc != 6)
		return usage();
	with_accounts = strcmp(argv[1], "accounts") == 0;
	if (!with_accounts && strcmp(argv[1], "history") != 0)
		return usage();
	first = strtoul(argv[2], &end, 10);
	if (*end || first == 0 || first > 4000000000UL)
		return usage();
	count = strtoul(argv[3], &end, 10);
	if (*end || count > 10000000UL || first + count > 4000000000UL)
		return usage();
	if (sscanf(argv[4], "%4d-%2d", &y, &m) != 2 || y < 2000 || y > 2100 || m < 1 || m > 12)
		return usage();
	if ((with_accounts && (o.accounts = open_out(argv[5], "accounts.tsv")) == NULL) ||
	    (with_accounts && (o.meters = open_out(argv[5], "meters.tsv")) == NULL) ||
	    (with_accounts && (o.readings = open_out(argv[5], "readings.tsv")) == NULL) ||
	    (o.ledger = open_out(argv[5], "ledger.tsv")) == NULL ||
	    (o.payments = open_out(argv[5], "payments.tsv")) == NULL ||
	    (o.lines = open_out(argv[5], "payment_lines.tsv")) == NULL ||
	    (o.corrections = open_out(argv[5], "corrections.tsv")) == NULL)
		rc = 1;
	for (i = 0; rc == 0 && i < count; i++) {
		struct gen_account a;

		account_make((unsigned)(first + i), &a);
		if (o.accounts) {
			account_write(o.accounts, &a);
			meter_write(o.meters, &a);
		}
		history(&a, y, m, &o);
	}
	if (o.accounts && fclose(o.accounts) != 0)
		rc = 1;
	if (o.meters && fclose(o.meters) != 0)
		rc = 1;
	if (o.readings && fclose(o.readings) != 0)
		rc = 1;
	if (o.ledger && fclose(o.ledger) != 0)
		rc = 1;
	if (o.payments && fclose(o.payments) != 0)
		rc = 1;
	if (o.lines && fclose(o.lines) != 0)
		rc = 1;
	if (o.corrections && fclose(o.corrections) != 0)
		rc = 1;
	if (rc)
		fprintf(stderr, "kabinet-gen: could not write to %s\n", argv[5]);
	return rc;
}
