/*
 * ledger.c: the arithmetic of the monthly ledger.  A row balances when
 * closing = opening + accrued + corrections - paid; a run of months is
 * continuous when each opens with the previous one's closing, and its total
 * is then a row that balances too: the first opening, the sums of the
 * movements, the last closing.  The database keeps the first rule with a
 * CHECK; the pages check both again, so a broken import shows up in the log
 * instead of as a statement that does not add up.
 */
#include <string.h>

#include "billing/ledger.h"
#include "core/money.h"

int ledger_balanced(const struct ledger_row *r)
{
	money_t v;

	return money_add(r->opening, r->accrued, &v) == 0 &&
	       money_add(v, r->corrections, &v) == 0 && money_sub(v, r->paid, &v) == 0 &&
	       v == r->closing;
}

void ledger_total_init(struct ledger_total *t)
{
	memset(t, 0, sizeof(*t));
	t->continuous = 1;
}

int ledger_total_add(struct ledger_total *t, const struct ledger_row *r)
{
	if (t->months == 0) {
		t->sum.opening = r->opening;
	} else if (r->opening != t->sum.closing || r->month != t->sum.month + 1) {
		t->continuous = 0;
	}
	if (money_add(t->sum.accrued, r->accrued, &t->sum.accrued) != 0 ||
	    money_add(t->sum.corrections, r->corrections, &t->sum.corrections) != 0 ||
	    money_add(t->sum.paid, r->paid, &t->sum.paid) != 0)
		return -1;
	t->sum.closing = r->closing;
	t->sum.month = r->month;
	if (!ledger_balanced(r))
		t->unbalanced++;
	t->months++;
	return 0;
}
