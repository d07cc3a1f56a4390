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

int corr_account_valid(const char *bic, const char *account)
{
	char prefix[3];

	if (!bic_valid(bic) || account == NULL || !digits(account, 20) ||
	    strncmp(account, "301", 3) != 0)
		return 0;
	prefix[0] = '0';
	prefix[1] = bic[4];
	prefix[2] = bic[5];
	return key_ok(prefix, account);
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
