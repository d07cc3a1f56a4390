/* core/config.h: the configuration. */
#ifndef CORE_CONFIG_H
#define CORE_CONFIG_H

#include "core/attrs.h"
#include "core/money.h"
#include "core/parse.h"

/* The database nodes a program may use: [db]'s own and [db] failover's. */
#define DB_NODES_MAX 8

/* argon2id's least cost, OWASP's table (Password Storage Cheat Sheet): 46 MiB with one
 * pass, or else at least 7 MiB and memory times passes at least 7168 x 5 KiB. */
#define PW_MEMORY_KIB_MIN   7168
#define PW_ONE_PASS_KIB_MIN 47104
#define PW_WORK_MIN         35840

struct config {
	char program[32];      /* whose secret file is read: set before loading */
	char secrets_dir[256]; /* [site] secrets: <program>.ini there holds the program's secrets */
	/* [site] secrets_file: one file of secrets for every program, where they all run as
	 * one user with one database account (shared hosting); instead of secrets_dir */
	char secrets_file[256];
	char db_socket[256];
	char db_host[256]; /* [db] host: over TCP when set, else through db_socket */
	unsigned db_port;  /* [db] port: 0 is the client library's default, 3306 */
	/* [db] failover: more nodes of a cluster (Galera), tried in turn when the one
	 * in use cannot be reached: socket paths or host[:port], separated by spaces */
	char db_failover[512];
	char db_name[64];
	char db_user[64];
	char db_password[128];
	unsigned db_connect_timeout; /* seconds */
	unsigned db_rw_timeout;      /* seconds: what a page waits for one statement */
	unsigned db_job_timeout;     /* seconds: what a scheduled program waits */

	char xsl_dir[256];
	char run_as[64];          /* [site] user: whom a program started as root becomes */
	unsigned char secret[32]; /* MAC key for CSRF tokens */
	int have_secret;

	unsigned session_idle;     /* seconds */
	unsigned session_absolute; /* seconds */

	unsigned login_max_fail_login; /* failures per login within the window */
	unsigned login_max_fail_ip;    /* failures per address within the window */
	unsigned login_window;         /* seconds */

	/* [passwords]: argon2id's cost for new hashes (older ones are replaced at sign-in) */
	unsigned pw_memory_kib; /* memory_kib: libsodium's interactive 65536 by default */
	unsigned pw_passes;     /* passes: 2 by default */

	unsigned workers;
	char time_zone[64]; /* [site] time_zone: a tz database name; times are shown in it */
	struct limits limits;

	/* [payments] */
	char site_url[256];    /* the portal as the payer's browser reaches it: return URLs */
	char pay_provider[16]; /* "yookassa"; empty: paying online is off */
	char pay_api_url[256]; /* https://api.yookassa.ru/v3 */
	char pay_shop_id[64];
	char pay_secret[128];
	char pay_ca_file[256]; /* extra CA bundle, or empty for the system's */
	/* The fiscal data operator's page of a receipt, {fn} {fd} {fp} filled in; empty: none */
	char pay_check_url[256];
	unsigned pay_timeout;  /* seconds for one call */
	money_t pay_min;       /* minor units, per account */
	money_t pay_max;

	/* [delivery] */
	char smtp_url[256];  /* smtp://host:port or smtps://; STARTTLS is used when offered */
	char smtp_from[254]; /* the envelope and From: address */
	char smtp_user[128]; /* empty: no authentication */
	char smtp_password[128];
	char smtp_ca_file[256];
	unsigned mail_timeout;  /* seconds for one message */
	unsigned mail_attempts; /* tries before a message is failed for good */
	unsigned mail_retry;    /* seconds before the first retry; doubled each time */

	/* [sms] */
	char sms_url[256]; /* the gateway's send URL; empty: SMS cannot be sent */
	char sms_key[128]; /* its API key (a bearer token) */
	char sms_ca_file[256];
	unsigned sms_timeout; /* seconds for one message */

	/* [retention]: how long tidy keeps records whose use is over */
	unsigned keep_sign_ins; /* days of login_attempts: the sign-in record */
	unsigned keep_messages; /* days of sent or failed outbox rows */
	/* [admin]: the operator console */
	unsigned char totp_key[32]; /* seals the staff's TOTP secrets (secret) */
	int have_totp_key;
	unsigned staff_idle;     /* seconds a staff session lasts unused */
	unsigned staff_absolute; /* seconds a staff session lasts at most */
	unsigned staff_reauth;   /* seconds a password or code given again counts */
};

extern struct config cfg;

void config_defaults(struct config *);
/*
 * Load the shared ini file over the defaults, then, if it names a [site]
 * secrets directory, the program's own <program>.ini there: the only place
 * its secrets (database account, CSRF key, payment, SMTP and SMS keys) are
 * read from, refused if others may read it.  -1 with a message in err.
 */
int config_load(struct config *, const char *path, char *err, size_t errlen) PORTAL_WUR;

#endif
