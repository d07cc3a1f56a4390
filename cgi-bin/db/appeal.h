/* db/appeal.h: subscribers' appeals, their messages and files (sql/033). */
#ifndef DB_APPEAL_H
#define DB_APPEAL_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/attrs.h"
#include "core/perr.h"

struct appeal_topic {
	uint64_t id;
	unsigned org;
	const char *code, *name_ru, *name_en;
	const char *form; /* a service request's form (sql/036), NULL for a plain appeal */
};

struct appeal {
	uint64_t id, subscriber_id;
	unsigned org;
	const char *number;              /* the account's */
	const char *topic_ru, *topic_en;
	const char *status;              /* new, in-progress, waiting, resolved, closed */
	const char *created_at, *updated_at; /* "YYYY-MM-DD HH:MM:SS" UTC */
	long long unread;                /* 1: something the subscriber has not seen */
	long long reopenable;            /* 1: closed less than 14 days ago */
	const char *assigned;            /* the staff member's login, or NULL */
	const char *login, *full_name;   /* the subscriber's (staff pages) */
};

struct appeal_message {
	uint64_t id;
	const char *author;              /* subscriber, staff, note */
	const char *staff;               /* the staff member's name, or NULL */
	const char *body;
	const char *created_at;
};

struct appeal_file {
	uint64_t id, message_id, appeal_id;
	const char *name, *type;
	long long size;
};

/* The topics of the organizations of the subscriber's linked accounts. */
enum perr db_appeal_topics(struct arena *, uint64_t subscriber,
			   enum perr (*each)(void *, const struct appeal_topic *), void *) PORTAL_WUR;
/* The organization of account, if linked to subscriber and topic is one of its
 * organization's, and the topic's form (NULL: none); PERR_NOT_FOUND if not. */
enum perr db_appeal_target(struct arena *, uint64_t subscriber, uint64_t account, uint64_t topic,
			   unsigned *org, const char **form) PORTAL_WUR;
/* Appeals the subscriber opened in the last 24 hours. */
enum perr db_appeals_today(struct arena *, uint64_t subscriber, long long *n) PORTAL_WUR;
enum perr db_appeal_new(unsigned org, uint64_t subscriber, uint64_t account, uint64_t topic,
			uint64_t *id) PORTAL_WUR;
/* author "subscriber", "staff" or "note"; staff 0 for the subscriber. */
enum perr db_appeal_message_add(uint64_t appeal, const char *author, uint64_t staff,
				const char *body, uint64_t *id) PORTAL_WUR;
/* PERR_CONFLICT: the same file (by SHA-256) is in this message already. */
enum perr db_appeal_file_add(uint64_t appeal, uint64_t message, const char *name,
			     const char *type, size_t size, const unsigned char sha256[32],
			     uint64_t *id) PORTAL_WUR;
enum perr db_appeal_chunk_add(uint64_t file, unsigned seq, const void *, size_t) PORTAL_WUR;

/* The subscriber's appeals, the latest change first. */
enum perr db_appeals_of(struct arena *, uint64_t subscriber,
			enum perr (*each)(void *, const struct appeal *), void *) PORTAL_WUR;
/* The subscriber's appeal; PERR_NOT_FOUND for anyone else's. */
enum perr db_appeal_of_subscriber(struct arena *, uint64_t subscriber, uint64_t id,
				  struct appeal *) PORTAL_WUR;
/* An appeal of one of the staff member's organizations; PERR_NOT_FOUND otherwise. */
enum perr db_appeal_of_staff(struct arena *, uint64_t staff, uint64_t id,
			     struct appeal *) PORTAL_WUR;
/* The staff member's organizations' appeals in status (NULL: all), the latest first. */
enum perr db_appeals_of_staff(struct arena *, uint64_t staff, const char *status,
			      enum perr (*each)(void *, const struct appeal *), void *) PORTAL_WUR;
/* The thread, oldest first; notes only when notes is 1. */
enum perr db_appeal_messages(struct arena *, uint64_t appeal, int notes,
			     enum perr (*each)(void *, const struct appeal_message *),
			     void *) PORTAL_WUR;
/* The files of the appeal's messages that the reader may see (notes: staff). */
enum perr db_appeal_files(struct arena *, uint64_t appeal,
			  enum perr (*each)(void *, const struct appeal_file *), void *) PORTAL_WUR;
/* One file, if the subscriber's (or, staff non-zero, of the staff member's organizations). */
enum perr db_appeal_file_of(struct arena *, uint64_t subscriber, uint64_t staff, uint64_t file,
			    struct appeal_file *) PORTAL_WUR;
/* The file's bytes, a chunk at a time, in order. */
enum perr db_appeal_chunks(struct arena *, uint64_t file,
			   enum perr (*each)(void *, const unsigned char *, size_t),
			   void *) PORTAL_WUR;

/* The subscriber has seen the appeal as it is now. */
enum perr db_appeal_seen(uint64_t appeal) PORTAL_WUR;
/* A subscriber's message: changed now and seen; waiting or resolved becomes new again. */
enum perr db_appeal_subscriber_wrote(uint64_t appeal) PORTAL_WUR;
/* Closed by the subscriber; reopened (PERR_CONFLICT past 14 days or if not closed). */
enum perr db_appeal_close(uint64_t appeal) PORTAL_WUR;
enum perr db_appeal_reopen(uint64_t appeal) PORTAL_WUR;
/* A staff answer: the new status, changed now (unread for the subscriber), and
 * the appeal the staff member's if nobody's. */
enum perr db_appeal_answered(uint64_t appeal, const char *status, uint64_t staff) PORTAL_WUR;
/* Assigned to staff (0: nobody). */
enum perr db_appeal_assign(uint64_t appeal, uint64_t staff) PORTAL_WUR;

#endif
