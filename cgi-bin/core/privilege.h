/*
 * core/privilege.h: giving up root.  A program started as root (a fresh
 * machine, CI, a root crontab) reads what only root may read (its secrets),
 * opens what it must open as root (its socket, a file named on its command
 * line), then becomes [site] user for good, before it reads a request or
 * touches the database's data.
 */
#ifndef CORE_PRIVILEGE_H
#define CORE_PRIVILEGE_H

#include <sys/types.h>

#include "core/attrs.h"

/* Root: become user (its groups only), for good; not root: nothing.  0, or -1 (logged). */
int privilege_drop(const char *user) PORTAL_WUR;
/* Root: the uid and gid privilege_drop() will take, to hand a file over first.
 * 0, or -1 (no such unprivileged user; logged).  Not root: 1, nothing to do. */
int privilege_target(const char *user, uid_t *uid, gid_t *gid) PORTAL_WUR;

#endif
