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
/*
 * The same loop for a section whose serve hook answers each request itself
 * (the JSON API: no pages, no stylesheet).  portal_main() is this with the
 * pages' request_serve() (web/request.c).
 */
int serve_main(int argc, char **argv, const struct section *);

#endif
