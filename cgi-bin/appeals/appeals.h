/* appeals/appeals.h: what the appeals section's pages share: the form fields'
 * keys and each page's handler, for the route table in appeals.c. */
#ifndef APPEALS_APPEALS_H
#define APPEALS_APPEALS_H

#include "web/req.h"

enum key {
	K_ID,
	K_TOPIC,
	K_ACCOUNT,
	K_TEXT,
	K_DONE,
	K_BEFORE,
	/* a service request's fields (sql/036) */
	K_ACTION,
	K_PHONE,
	K_START_ON,
	K_DAY,
	K_FROM_ON,
	K_TO_ON,
	K_METER,
	K_WORK,
	K_PREFERRED_ON,
	K_CHANGE,
	K_NEW_OWNER,
	K_RESIDENTS,
	K__MAX
};

/* a new appeal (appeals/new.c) */
int new_page(struct req *r);

/* one appeal, and its files back (appeals/thread.c) */
int view_get(struct req *r);
int reply_post(struct req *r);
int close_post(struct req *r);
int reopen_post(struct req *r);
int file_get(struct req *r);

/* news (appeals/news.c) */
int news(struct req *r);
int news_item(struct req *r);
int news_read_all(struct req *r);

/* the inbox (appeals/inbox.c) */
int inbox(struct req *r);
int inbox_message(struct req *r);
int inbox_read_all(struct req *r);

/* contacts and help (appeals/contacts.c) */
int contacts(struct req *r);
int contacts_form(struct req *r);

#endif
