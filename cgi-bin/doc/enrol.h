/* doc/enrol.h: enrolling an authenticator app, as the page shows it. */
#ifndef DOC_ENROL_H
#define DOC_ENROL_H

#include <libxml/tree.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/totp.h"

/*
 * <enrol><secret/><uri/><qr size=""/></enrol> under parent: the secret as
 * typed into an app, the otpauth URI every app reads, and that URI as a QR
 * code's SVG path.  For staff and subscribers alike.  0, or -1.
 */
int enrol_xml(struct arena *, xmlNodePtr parent, const char *login,
	      const unsigned char secret[TOTP_SECRET_BYTES]) PORTAL_WUR;

#endif
