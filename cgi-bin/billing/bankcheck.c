/*
 * bankcheck.c: the check digits of Russian bank details, so that a receipt
 * is never issued with a payee's account that cannot be right.
 *
 * The control key of the Bank of Russia (instruction 515 of 08.09.1997):
 * weights 7, 1, 3 repeated over 23 digits, the last digit of each product
 * summed; the details are valid when the sum ends in 0.  The 23 digits are
 *   - for a settlement account: the last 3 digits of the BIC + the account;
 *   - for a correspondent account: "0" + BIC digits 5 and 6 + the account.
 * INN: the tax office's weighted sums mod 11 (10 and 12 digits).
 *
 * Payees of the budget are paid through the Federal Treasury (since 2021):
 * the bank is a territorial body of the Treasury, whose BIC starts with 0
 * (004525988, 012520101) where a bank's starts with 04; the correspondent
 * account is the single treasury account (ЕКС, 40102...), which carries the
 * correspondent account's key; the payee's account is a treasury account
 * (03...), whose control key follows neither rule above in the published
 * examples, so it is checked for its form only: 03, a type, 643.
 *
 * Kazakh details are checked as Kazakh: the account is an IBAN (ISO 13616,
 * KZ + 2 check digits + bank code + account, 20 characters, mod 97 = 1); the
 * payee's BIN (or a person's IIN) has a check digit (weights 1..11 mod 11,
 * or 3..11,1,2 when the first gives 10); the bank's BIC is a SWIFT code in KZ.
 */
#include <string.h>

#include "billing/bankcheck.h"

static int digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return s[n] == '\0';
}

int bic_valid(const char *bic)
{
	return bic != NULL && digits(bic, 9);
}

/* The control sum over prefix (3 digits) + account (20), as instruction 515 defines it. */
static int key_ok(const char prefix[3], const char *account)
{
	static const int w[3] = {7, 1, 3};
	char s[23];
	int sum = 0, i;

	memcpy(s, prefix, 3);
	memcpy(s + 3, account, 20);
	for (i = 0; i < 23; i++)
		sum += ((s[i] - '0') * w[i % 3]) % 10;
	return sum % 10 == 0;
}

int bank_account_valid(const char *bic, const char *account)
{
	if (!bic_valid(bic) || account == NULL || !digits(account, 20))
		return 0;
	return key_ok(bic + 6, account);
}

/* A correspondent account's key: "0" + BIC digits 5 and 6 (the settlement
 * centre's number), then a 20-digit account starting with start. */
static int rkc_key_ok(const char *bic, const char *account, const char *start)
{
	const char prefix[3] = {'0', bic[4], bic[5]};

	return account != NULL && digits(account, 20) &&
	       strncmp(account, start, strlen(start)) == 0 && key_ok(prefix, account);
}

int corr_account_valid(const char *bic, const char *account)
{
	return bic_valid(bic) && rkc_key_ok(bic, account, "301");
}

int inn_valid(const char *inn)
{
	static const int w10[9] = {2, 4, 10, 3, 5, 9, 4, 6, 8};
	static const int w11[10] = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
	static const int w12[11] = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
	int i, s1 = 0, s2 = 0;

	if (inn != NULL && digits(inn, 10)) {
		for (i = 0; i < 9; i++)
			s1 += (inn[i] - '0') * w10[i];
		return s1 % 11 % 10 == inn[9] - '0';
	}
	if (inn != NULL && digits(inn, 12)) {
		for (i = 0; i < 10; i++)
			s1 += (inn[i] - '0') * w11[i];
		for (i = 0; i < 11; i++)
			s2 += (inn[i] - '0') * w12[i];
		return s1 % 11 % 10 == inn[10] - '0' && s2 % 11 % 10 == inn[11] - '0';
	}
	return 0;
}

int treasury_bic(const char *bic)
{
	return bic_valid(bic) && bic[0] == '0' && bic[1] != '4';
}

int treasury_account_valid(const char *account)
{
	return account != NULL && digits(account, 20) && strncmp(account, "03", 2) == 0 &&
	       strncmp(account + 5, "643", 3) == 0;
}

int single_treasury_account_valid(const char *bic, const char *account)
{
	return treasury_bic(bic) && rkc_key_ok(bic, account, "40102");
}

static int upper_or_digit(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int iban_kz_valid(const char *iban)
{
	unsigned rem = 0;
	size_t i;

	if (iban == NULL || strlen(iban) != 20 || strncmp(iban, "KZ", 2) != 0 ||
	    iban[2] < '0' || iban[2] > '9' || iban[3] < '0' || iban[3] > '9')
		return 0;
	/* The first four characters move to the end; letters count as 10..35. */
	for (i = 0; i < 20; i++) {
		char c = iban[(i + 4) % 20];

		if (!upper_or_digit(c))
			return 0;
		if (c <= '9')
			rem = (rem * 10 + (unsigned)(c - '0')) % 97;
		else
			rem = (rem * 100 + (unsigned)(c - 'A' + 10)) % 97;
	}
	return rem == 1;
}

int bin_kz_valid(const char *bin)
{
	static const int w2[11] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
	int i, s = 0;

	if (bin == NULL || !digits(bin, 12))
		return 0;
	for (i = 0; i < 11; i++)
		s += (bin[i] - '0') * (i + 1);
	s %= 11;
	if (s == 10) {
		for (s = 0, i = 0; i < 11; i++)
			s += (bin[i] - '0') * w2[i];
		s %= 11;
		if (s == 10)
			return 0; /* never issued */
	}
	return s == bin[11] - '0';
}

int bic_kz_valid(const char *bic)
{
	size_t i;

	if (bic == NULL || strlen(bic) != 8 || strncmp(bic + 4, "KZ", 2) != 0)
		return 0;
	for (i = 0; i < 8; i++)
		if (!upper_or_digit(bic[i]) || (i < 4 && bic[i] <= '9'))
			return 0;
	return 1;
}
