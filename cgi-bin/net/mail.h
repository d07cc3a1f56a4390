/* net/mail.h: e-mail over SMTP. */
#ifndef NET_MAIL_H
#define NET_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "core/attrs.h"
#include "core/perr.h"

/*
 * Send an e-mail through [delivery] smtp_url (STARTTLS when the server
 * offers it): a text/plain UTF-8 body and, if attach is not NULL, one
 * attachment.  msgid makes the Message-ID, the same on every attempt.
 * PERR_UPSTREAM with the server's or libcurl's words in err when it fails.
 */
enum perr mail_send(const char *to, const char *subject, const char *text, const char *attach_name,
		    const char *attach_type, const unsigned char *attach, size_t attach_len,
		    uint64_t msgid, char *err, size_t errlen) PORTAL_WUR;

#endif
