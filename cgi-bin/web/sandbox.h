/*
 * web/sandbox.h: what a program may do once it is serving.  Started as
 * root, a program gives root up for good (core/privilege.h) once its socket
 * and pid file are open and its secrets read; each worker then confines
 * itself with a seccomp filter: the system calls a page needs (files,
 * sockets, memory, time, threads), nothing else, and a call to start a
 * program, trace another or change who it runs as kills it.  The master,
 * which only forks and waits, replaces a worker that dies.
 */
#ifndef WEB_SANDBOX_H
#define WEB_SANDBOX_H

#include "core/attrs.h"

/* The worker's filter; 0, or -1 (logged). */
int sandbox_confine(void) PORTAL_WUR;

#endif
