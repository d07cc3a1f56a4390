/*
 * split.c: how a payment is spread over an account's services.
 *
 * The rule the payment form shows and the ledger applies: the oldest debt is
 * paid first; debts of the same month share what is left in proportion to
 * their size; what remains after every debt is an advance, kept on the
 * services in proportion to their last month's charges (so it is used up by
 * the bills it is most likely to meet).
 *
 * A service's debt has no dates of its own in a monthly ledger: it is aged
 * first in, first out, so a debt of 300 after monthly charges of 100 is the
 * last three months' charges, and anything beyond the history is older still.
 *
 * Proportional shares are rounded down and the minor units left over go to
 * the largest remainders (ties to the earlier service): the shares always add
 * up to exactly what was paid.
 */

#include "billing/split.h"
#include "core/money.h"

typedef __int128 i128;

void debt_ages(money_t closing, const money_t *charges, size_t months, money_t *ages)
{
	money_t left = closing > 0 ? closing : 0;
	size_t k;

	for (k = 0; k < months; k++) {
		money_t c = charges[k] > 0 ? charges[k] : 0;

		ages[k] = c < left ? c : left;
		left -= ages[k];
	}
	ages[months] = left;
}

/*
 * Give part (0 <= part <= sum of w) to the entries of w in proportion, adding
 * each share to out[index[i]].  Largest remainder; n is small (services).
 */
static void proportional(const money_t *w, const size_t *index, size_t n, money_t part,
			 money_t *out)
{
	money_t total = 0, given = 0;
	i128 rem[SPLIT_MAX_SERVICES];
	size_t i;

	for (i = 0; i < n; i++)
		total += w[i];
	if (total <= 0)
		return;
	for (i = 0; i < n; i++) {
		i128 num = (i128)part * w[i];
		money_t share = (money_t)(num / total);

		rem[i] = num % total;
		out[index[i]] += share;
		given += share;
	}
	/* part - given < n: one minor unit each to the largest remainders. */
	while (given < part) {
		size_t best = 0;

		for (i = 1; i < n; i++)
			if (rem[i] > rem[best])
				best = i;
		out[index[best]] += 1;
		rem[best] = -1;
		given++;
	}
}

int payment_split(const struct split_debt *debts, size_t ndebts, const money_t *weight,
		  size_t nservices, money_t amount, money_t *out)
{
	money_t left = amount, w[SPLIT_MAX_SERVICES];
	size_t index[SPLIT_MAX_SERVICES], i, j, n;
	int any_weight = 0;

	if (nservices == 0 || nservices > SPLIT_MAX_SERVICES || amount <= 0 ||
	    amount > 1000000000000000LL)
		return -1;
	for (i = 0; i < nservices; i++) {
		out[i] = 0;
		if (weight[i] < 0 || weight[i] > 1000000000000000LL)
			return -1;
		any_weight |= weight[i] > 0;
	}
	for (i = 0; i < ndebts; i++)
		if (debts[i].service >= nservices || debts[i].amount <= 0 ||
		    debts[i].amount > 1000000000000000LL || (i > 0 && debts[i].month < debts[i - 1].month))
			return -1;
	/* Month by month, oldest first (the caller sorted them). */
	for (i = 0; i < ndebts && left > 0; i = j) {
		money_t month_total = 0;

		n = 0;
		for (j = i; j < ndebts && debts[j].month == debts[i].month; j++) {
			if (n == SPLIT_MAX_SERVICES)
				return -1;
			w[n] = debts[j].amount;
			index[n++] = debts[j].service;
			month_total += debts[j].amount;
		}
		if (month_total <= left) {
			for (n = 0; i + n < j; n++)
				out[index[n]] += w[n];
			left -= month_total;
		} else {
			proportional(w, index, n, left, out);
			left = 0;
		}
	}
	if (left > 0) {
		if (!any_weight) {
			out[0] += left;
			return 0;
		}
		for (i = 0; i < nservices; i++)
			index[i] = i;
		proportional(weight, index, nservices, left, out);
	}
	return 0;
}

int split_in_proportion(const money_t *weight, size_t n, money_t amount, money_t *out)
{
	size_t index[SPLIT_MAX_SERVICES], i;
	money_t total = 0;

	if (n == 0 || n > SPLIT_MAX_SERVICES || amount < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (weight[i] < 0)
			return -1;
		total += weight[i];
		index[i] = i;
		out[i] = 0;
	}
	if (amount > total)
		return -1;
	proportional(weight, index, n, amount, out);
	return 0;
}
