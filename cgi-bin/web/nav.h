/* web/nav.h: the navigation every page carries. */
#ifndef WEB_NAV_H
#define WEB_NAV_H

#include "web/req.h"

/* Navigation entries of the sections this site has. */
void nav_add(struct req *);

#endif
