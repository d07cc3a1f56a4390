/* web/serve.h: the program loop. */
#ifndef WEB_SERVE_H
#define WEB_SERVE_H

#include "web/req.h"

/* ------------------------------------------------------------------ main */

/*
 * Run a section program: as a pre-forking FastCGI server when started with
 * --socket PATH (or on an inherited FastCGI socket on fd 0), otherwise as a
 * plain CGI program answering the one request in its environment.
 */
int portal_main(int argc, char **argv, const struct section *);

#endif
