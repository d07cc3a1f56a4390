/* web/form.c: a form's messages and what was typed into it. */

#include "core/valid.h"
#include "doc/xml.h"
#include "web/form.h"
#include "web/req.h"

int xml_form_error(struct req *r, const char *field, const char *code)
{
	xmlNodePtr e = xml_elem(r->root, "error");

	if (e == NULL || (field && xml_attr(e, "field", field)) || xml_attr(e, "code", code))
		return -1;
	return 0;
}

int page_refuse(struct req *r, int status, const char *field, const char *code)
{
	if (xml_form_error(r, field, code) != 0)
		return page_error(r, 500, "internal");
	return page_status(r, status);
}

int xml_done(struct req *r, size_t k)
{
	const struct fval *done = req_val(r, k);

	return done != NULL && xml_text(r->root, "done", done->s) == NULL ? -1 : 0;
}

int xml_typed(struct req *r, const size_t *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *v = req_typed(r, keys[i]);
		xmlNodePtr t;

		if (v == NULL)
			continue;
		if ((t = xml_text(r->root, "typed", v)) == NULL ||
		    xml_attr(t, "name", r->sec->fields[keys[i]].name))
			return -1;
	}
	return 0;
}

int xml_required(struct req *r, const size_t *keys, size_t n)
{
	int any = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (req_val(r, keys[i]) != NULL)
			continue;
		if (xml_form_error(r, r->sec->fields[keys[i]].name, "invalid") != 0)
			return -1;
		any = 1;
	}
	return any;
}
