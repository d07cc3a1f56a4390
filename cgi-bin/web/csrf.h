/* web/csrf.h: CSRF tokens. */
#ifndef WEB_CSRF_H
#define WEB_CSRF_H

#include "core/attrs.h"
#include "web/req.h"

/* CSRF token of this request's session (or pre-session cookie). */
const char *csrf_token(struct req *);
/* 0 if the form's csrf field matches, -1 otherwise (constant time). */
int csrf_check(struct req *) PORTAL_WUR;

#endif
