/* doc/enrol.c: the enrolment of an authenticator app as XML (see the header). */
#include <sodium.h>

#include "core/arena.h"
#include "core/totp.h"
#include "doc/enrol.h"
#include "doc/qr.h"
#include "doc/xml.h"

int enrol_xml(struct arena *a, xmlNodePtr parent, const char *login,
	      const unsigned char secret[TOTP_SECRET_BYTES])
{
	char b32[TOTP_BASE32_CHARS + 1];
	const char *uri, *path;
	struct qr q;
	xmlNodePtr n;
	int rc = -1;

	totp_secret_text(secret, b32);
	uri = arena_printf(a,
			   "otpauth://totp/kabinet:%s?secret=%s&issuer=kabinet&algorithm=SHA1"
			   "&digits=%d&period=%d",
			   login, b32, TOTP_DIGITS, TOTP_STEP);
	if (uri != NULL && qr_encode(a, uri, &q) == 0 && (path = qr_svg_path(a, &q)) != NULL &&
	    (n = xml_elem(parent, "enrol")) != NULL && xml_text(n, "secret", b32) != NULL &&
	    xml_text(n, "uri", uri) != NULL && (n = xml_text(n, "qr", path)) != NULL &&
	    xml_attr_int(n, "size", q.width + 8) == 0)
		rc = 0;
	sodium_memzero(b32, sizeof(b32));
	return rc;
}
