/* core/login.h: how logins are compared. */
#ifndef CORE_LOGIN_H
#define CORE_LOGIN_H

#include <stddef.h>

#include "core/attrs.h"

/* Bytes of a login as stored (the column holds 64 characters). */
#define LOGIN_BYTES 256

/*
 * The login as it is stored and compared: Unicode NFKC, then Unicode case
 * folding.  Width and case do not matter ("ＤＥＭＯ2" is "demo2"); accents do
 * ("démo2" is not "demo2"): a letter with an accent is another letter in
 * the languages our subscribers write in, and a login that differs only in
 * one must not sign in to the other.  Registration, sign-in and recovery
 * all apply it.  0, or -1 when in is not valid UTF-8 or out (cap bytes) is
 * too small.
 */
int login_normalize(const char *in, char *out, size_t cap) PORTAL_WUR;

#endif
