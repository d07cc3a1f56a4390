/* web/form.h: forms and periods. */
#ifndef WEB_FORM_H
#define WEB_FORM_H

#include "core/attrs.h"
#include "core/month.h"
#include "web/req.h"

/* Longest period one page shows: five years of months. */
#define PERIOD_MAX_MONTHS 60

/*
 * The period filter of a history page: fields k_from and k_to (valid_month,
 * named "from" and "to"), default the twelve months up to default_to.  Puts
 * <period> on the page and returns 0; or refuses (a bad month 400, a reversed
 * or too long period 422, the message beside the field) and returns the
 * handler's status.
 */
int page_period(struct req *, size_t k_from, size_t k_to, month_t default_to, month_t *from,
		month_t *to);
/*
 * <done>value</done> under the page when field k (a "done" token) was sent:
 * what the action a 303 came from did, for the page's notice.  The
 * stylesheet shows only the words it has.  0, or -1 out of memory.
 */
int xml_done(struct req *, size_t k) PORTAL_WUR;
/* <error field="..." code="..."/> under the page, for forms. */
int xml_form_error(struct req *, const char *field, const char *code) PORTAL_WUR;
/* The handler's form again with one message (field NULL: above the form), answered
 * with status; the handler returns what this returns. */
int page_refuse(struct req *, int status, const char *field, const char *code);
/* <typed name="...">value</typed> for each of keys that was sent, valid or not
 * (req_typed): a form shown again keeps what was typed. */
int xml_typed(struct req *, const size_t *keys, size_t n) PORTAL_WUR;
/* An "invalid" message beside each of the required keys that is missing or was refused:
 * 1 if there was one, 0 if none, -1 if the page could not say so. */
int xml_required(struct req *, const size_t *keys, size_t n) PORTAL_WUR;

/*
 * A form's new password, fields k_new and k_confirm, against every rule (the
 * person's login and what else of theirs personal lists, as for
 * password_weakness, are not to be in it): its
 * hash into hash and 0; or the form refused beside the field at fault, and
 * the handler's status.
 */
int page_new_password(struct req *, size_t k_new, size_t k_confirm, const char *login,
		      const char *const personal[], size_t npersonal, char *hash,
		      size_t cap) PORTAL_WUR;

#endif
