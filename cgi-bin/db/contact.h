/* db/contact.h: contact-detail change requests. */
#ifndef DB_CONTACT_H
#define DB_CONTACT_H

#include <stdint.h>

#include "core/attrs.h"
#include "core/perr.h"

/* A request to change the mobile phone, replacing one still pending. */
enum perr db_contact_request(uint64_t subscriber, const char *field, const char *value) PORTAL_WUR;

#endif
