/* web/form_password.c: a form's new password against every rule. */
#include <string.h>

#include "app/password.h"
#include "core/crypto.h"
#include "core/perr.h"
#include "core/valid.h"
#include "web/form.h"
#include "web/req.h"

int page_new_password(struct req *r, size_t k_new, size_t k_confirm, const char *login,
		      const char *const personal[], size_t npersonal, char *hash, size_t cap)
{
	const struct fval *pw = req_val(r, k_new), *confirm = req_val(r, k_confirm);
	const char *why;
	enum perr e;

	if (pw == NULL)
		return page_refuse(r, 400, r->sec->fields[k_new].name, "invalid");
	why = password_refusal(pw->s, pw->len, confirm ? confirm->s : NULL,
			       confirm ? confirm->len : 0, login, personal, npersonal, &e);
	if (e != PERR_OK)
		return page_fail(r, e);
	if (why != NULL)
		return page_refuse(r, 422,
				   r->sec->fields[strcmp(why, "password-mismatch") ? k_new : k_confirm]
					   .name,
				   why);
	if (password_hash(pw->s, pw->len, hash, cap) != 0)
		return page_error(r, 500, "internal");
	return 0;
}
