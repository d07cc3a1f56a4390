/*
 * split.c: how a payment is spread over an account's services.
 *
 * The rule is the one the Rules for utility services set (Rules 354,
 * approved by Government decree 354 of 06.05.2011, p. 118): a payment that
 * does not cover the receipt is shared between the services in proportion to
 * what the receipt asks for each.  A payment that covers every service pays
 * each what it asks; the rest is an advance, kept on the services in
 * proportion to their last month's charges, so that it is used up by the bills
 * it is most likely to meet.  A service in credit asks for nothing: its
 * advance stays its own and never pays another supplier's debt.
 *
 * Proportional shares are rounded down and the minor units left over go to
 * the largest remainders (ties to the earlier service): the shares always add
 * up to exactly what was paid.
 */

#include "billing/split.h"
#include "core/money.h"

typedef __int128 i128;

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

#define SPLIT_MONEY_MAX 1000000000000000LL /* 10^15 minor units: beyond any bill */

int payment_split(const money_t *ask, const money_t *weight, size_t n, money_t amount, money_t *out)
{
	size_t index[SPLIT_MAX_SERVICES], i;
	money_t asked = 0;
	int any_weight = 0;

	if (n == 0 || n > SPLIT_MAX_SERVICES || amount <= 0 || amount > SPLIT_MONEY_MAX)
		return -1;
	for (i = 0; i < n; i++) {
		if (ask[i] < 0 || ask[i] > SPLIT_MONEY_MAX || weight[i] < 0 ||
		    weight[i] > SPLIT_MONEY_MAX)
			return -1;
		asked += ask[i]; /* at most 16 x 10^15: no overflow */
		any_weight |= weight[i] > 0;
		index[i] = i;
		out[i] = 0;
	}
	if (amount <= asked) {
		proportional(ask, index, n, amount, out);
		return 0;
	}
	for (i = 0; i < n; i++)
		out[i] = ask[i];
	if (!any_weight)
		out[0] += amount - asked;
	else
		proportional(weight, index, n, amount - asked, out);
	return 0;
}

int split_chosen_valid(const money_t *chosen, size_t n, money_t amount)
{
	money_t sum = 0;
	size_t i;

	if (n == 0 || n > SPLIT_MAX_SERVICES)
		return -1;
	for (i = 0; i < n; i++) {
		if (chosen[i] < 0 || chosen[i] > SPLIT_MONEY_MAX)
			return -1;
		sum += chosen[i];
	}
	return sum == amount ? 0 : -1;
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
