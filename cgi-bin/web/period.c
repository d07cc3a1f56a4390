/*
 * period.c: the "from month, to month" filter the history pages share
 * (services, payments): the two fields, their defaults, and the refusals
 * with a message beside the field.
 */

#include "core/month.h"
#include "core/valid.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"

int page_period(struct req *r, size_t k_from, size_t k_to, month_t default_to, month_t *from,
		month_t *to)
{
	const struct fval *f = req_val(r, k_from), *t = req_val(r, k_to);
	xmlNodePtr p;
	int st = 0;

	if (r->bad[k_from] || r->bad[k_to]) {
		if ((r->bad[k_from] && xml_form_error(r, "from", "bad-month")) ||
		    (r->bad[k_to] && xml_form_error(r, "to", "bad-month")))
			return page_error(r, 500, "internal");
		return page_status(r, 400);
	}
	*to = t ? (month_t)t->i : default_to;
	*from = f ? (month_t)f->i : *to - 11;
	if (*from < MONTH_MIN)
		*from = MONTH_MIN;
	p = xml_elem(r->root, "period");
	if (p == NULL || xml_month(p, "from", *from) == NULL || xml_month(p, "to", *to) == NULL)
		return page_error(r, 500, "internal");
	if (*from > *to)
		st = xml_form_error(r, "from", "period-reversed") ? 500 : 422;
	else if (*to - *from >= PERIOD_MAX_MONTHS)
		st = xml_form_error(r, "from", "period-too-long") ? 500 : 422;
	if (st == 500)
		return page_error(r, 500, "internal");
	return st ? page_status(r, st) : 0;
}
