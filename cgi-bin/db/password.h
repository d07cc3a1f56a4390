/* db/password.h: the common-password list. */
#ifndef DB_PASSWORD_H
#define DB_PASSWORD_H

#include "core/attrs.h"
#include "core/perr.h"

/* 1 in *common if pw is one of the 10,000 most common passwords. */
enum perr db_password_common(const char *pw, int *common) PORTAL_WUR;

#endif
