/*
 * config.c: the shared ini file and the program's own secret file (libinih).
 * Every key has a default, so a missing key is never an error; an unknown
 * key or a bad value is, because a typo in a security setting must not pass
 * silently, and so is a secret in the shared file.
 */
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>

#include <sodium.h>

#include "core/config.h"
#include "core/date.h"
#include "core/money.h"
#include "core/parse.h"

struct config cfg;

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->db_socket, sizeof(c->db_socket), "%s", "/run/mysqld/mysqld.sock");
	snprintf(c->db_name, sizeof(c->db_name), "%s", "kabinet");
	snprintf(c->db_user, sizeof(c->db_user), "%s", "kabinet");
	snprintf(c->xsl_dir, sizeof(c->xsl_dir), "%s", "xsl");
	c->db_connect_timeout = 2;
	c->db_rw_timeout = 5;
	c->db_job_timeout = 600;
	c->session_idle = 30 * 60;
	c->session_absolute = 12 * 3600;
	c->staff_idle = 15 * 60;
	c->staff_absolute = 10 * 3600;
	c->staff_reauth = 5 * 60;
	c->login_max_fail_login = 5;
	c->login_max_fail_ip = 20;
	c->login_window = 15 * 60;
	c->pw_memory_kib = 65536;
	c->pw_passes = 2;
	c->workers = 4;
	snprintf(c->time_zone, sizeof(c->time_zone), "%s", "Europe/Moscow");
	c->limits = limits_default;
	snprintf(c->site_url, sizeof(c->site_url), "%s", "http://127.0.0.1:8080");
	snprintf(c->pay_api_url, sizeof(c->pay_api_url), "%s", "https://api.yookassa.ru/v3");
	c->pay_timeout = 15;
	c->pay_min = 100;      /* 1.00 */
	c->pay_max = 50000000; /* 500,000.00: above it, a bank transfer */
	snprintf(c->smtp_url, sizeof(c->smtp_url), "%s", "smtp://127.0.0.1:25");
	snprintf(c->smtp_from, sizeof(c->smtp_from), "%s", "kabinet@localhost");
	c->mail_timeout = 30;
	c->mail_attempts = 8;
	c->mail_retry = 60;
	c->sms_timeout = 15;
	c->keep_sign_ins = 365;
	c->keep_messages = 365;
}

struct load_ctx {
	struct config *c;
	char *err;
	size_t errlen;
	int secret_file; /* the program's own secret file, not the shared one */
};

/*
 * The keys whose values are secrets.  They are read from the program's own
 * file, <[site] secrets>/<program>.ini, readable by its owner only, and
 * refused in the shared file: a program can only read the secrets that were
 * written for it.
 */
static int is_secret(const char *sec, const char *key)
{
	static const char *const keys[][2] = {
	        {"db", "user"},
	        {"db", "password"},
	        {"site", "secret"},
	        {"payments", "secret_key"},
	        {"delivery", "smtp_password"},
	        {"sms", "key"},
	        {"admin", "totp_key"},
	};
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(sec, keys[i][0]) == 0 && strcmp(key, keys[i][1]) == 0)
			return 1;
	return 0;
}

static int set_str(char *dst, size_t cap, const char *v)
{
	size_t n = strlen(v);

	if (n >= cap)
		return -1;
	memcpy(dst, v, n + 1);
	return 0;
}

static int set_uint(unsigned *dst, const char *v, unsigned long min, unsigned long max)
{
	char *end;
	unsigned long x;

	if (*v < '0' || *v > '9')
		return -1;
	errno = 0;
	x = strtoul(v, &end, 10);
	if (errno || *end || x < min || x > max)
		return -1;
	*dst = (unsigned)x;
	return 0;
}

static int set_size(size_t *dst, const char *v, unsigned long min, unsigned long max)
{
	unsigned u;

	if (set_uint(&u, v, min, max))
		return -1;
	*dst = u;
	return 0;
}

static int set_u64(unsigned long long *dst, const char *v, unsigned long long min,
                   unsigned long long max)
{
	char *end;
	unsigned long long u;

	if (*v < '0' || *v > '9')
		return -1;
	errno = 0;
	u = strtoull(v, &end, 10);
	if (*end || errno || u < min || u > max)
		return -1;
	*dst = u;
	return 0;
}

static int set_money(money_t *dst, const char *v)
{
	unsigned u;

	if (set_uint(&u, v, 1, 4000000000UL))
		return -1;
	*dst = u;
	return 0;
}

/* An absolute http(s) URL without a trailing slash, so paths can be appended. */
static int set_url(char *dst, size_t cap, const char *v)
{
	size_t n = strlen(v);

	if ((strncmp(v, "https://", 8) != 0 && strncmp(v, "http://", 7) != 0) || n == 0 ||
	    v[n - 1] == '/' || strpbrk(v, " \t\"'<>") != NULL)
		return -1;
	return set_str(dst, cap, v);
}

/* A host name or an address: letters, digits, dots, hyphens, colons (IPv6). */
static int valid_host(const char *v)
{
	return *v != '\0' && v[strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                                 "0123456789.-:")] == '\0';
}

static int set_host(char *dst, size_t cap, const char *v)
{
	return valid_host(v) ? set_str(dst, cap, v) : -1;
}

/* Up to DB_NODES_MAX - 1 nodes: "/a/socket host host:3307", each checked as a path or a host. */
static int set_failover(char *dst, size_t cap, const char *v)
{
	char copy[512], *save = NULL, *t;
	unsigned n = 0;

	if (set_str(copy, sizeof(copy), v) != 0)
		return -1;
	for (t = strtok_r(copy, " \t", &save); t != NULL; t = strtok_r(NULL, " \t", &save)) {
		char host[256], *colon;
		unsigned port;

		if (++n >= DB_NODES_MAX)
			return -1;
		if (*t == '/')
			continue;
		if (set_str(host, sizeof(host), t) != 0)
			return -1;
		if ((colon = strrchr(host, ':')) != NULL && strchr(host, ':') == colon) {
			*colon = '\0';
			if (set_uint(&port, colon + 1, 1, 65535) != 0)
				return -1;
		}
		if (!valid_host(host))
			return -1;
	}
	return n > 0 ? set_str(dst, cap, v) : -1;
}

static int set_time_zone(struct config *c, const char *v)
{
	return time_zone_valid(v) ? set_str(c->time_zone, sizeof(c->time_zone), v) : -1;
}

static int set_secret(struct config *c, const char *v)
{
	size_t bin = 0;

	if (strlen(v) != 64 ||
	    sodium_hex2bin(c->secret, sizeof(c->secret), v, 64, NULL, &bin, NULL) != 0 ||
	    bin != sizeof(c->secret))
		return -1;
	c->have_secret = 1;
	return 0;
}

static int set_key32(unsigned char key[32], int *have, const char *v)
{
	size_t bin = 0;

	if (strlen(v) != 64 || sodium_hex2bin(key, 32, v, 64, NULL, &bin, NULL) != 0 || bin != 32)
		return -1;
	*have = 1;
	return 0;
}

static int on_key(void *user, const char *sec, const char *key, const char *v)
{
	struct load_ctx *x = user;
	struct config *c = x->c;
	int rc = -2;

#define IS(s, k) (strcmp(sec, s) == 0 && strcmp(key, k) == 0)
	if (is_secret(sec, key) != x->secret_file) {
		snprintf(x->err, x->errlen,
		         x->secret_file
		                 ? "[%s] %s is not a secret: it belongs in the shared file"
		                 : "[%s] %s is a secret: it belongs in the program's own file "
		                   "([site] secrets)",
		         sec, key);
		return 0;
	}
	if (IS("db", "socket"))
		rc = set_str(c->db_socket, sizeof(c->db_socket), v);
	else if (IS("db", "host"))
		rc = set_host(c->db_host, sizeof(c->db_host), v);
	else if (IS("db", "port"))
		rc = set_uint(&c->db_port, v, 1, 65535);
	else if (IS("db", "failover"))
		rc = set_failover(c->db_failover, sizeof(c->db_failover), v);
	else if (IS("db", "name"))
		rc = set_str(c->db_name, sizeof(c->db_name), v);
	else if (IS("db", "user"))
		rc = set_str(c->db_user, sizeof(c->db_user), v);
	else if (IS("db", "password"))
		rc = set_str(c->db_password, sizeof(c->db_password), v);
	else if (IS("db", "connect_timeout"))
		rc = set_uint(&c->db_connect_timeout, v, 1, 60);
	else if (IS("db", "rw_timeout"))
		rc = set_uint(&c->db_rw_timeout, v, 1, 600);
	else if (IS("db", "job_timeout"))
		rc = set_uint(&c->db_job_timeout, v, 1, 86400);
	else if (IS("site", "secrets"))
		rc = set_str(c->secrets_dir, sizeof(c->secrets_dir), v);
	else if (IS("site", "secrets_file"))
		rc = set_str(c->secrets_file, sizeof(c->secrets_file), v);
	else if (IS("site", "xsl_dir"))
		rc = set_str(c->xsl_dir, sizeof(c->xsl_dir), v);
	else if (IS("site", "secret"))
		rc = set_secret(c, v);
	else if (IS("admin", "totp_key"))
		rc = set_key32(c->totp_key, &c->have_totp_key, v);
	else if (IS("admin", "idle_minutes") && (rc = set_uint(&c->staff_idle, v, 1, 240)) == 0)
		c->staff_idle *= 60;
	else if (IS("admin", "absolute_hours") &&
	         (rc = set_uint(&c->staff_absolute, v, 1, 24)) == 0)
		c->staff_absolute *= 3600;
	else if (IS("site", "user"))
		rc = set_str(c->run_as, sizeof(c->run_as), v);
	else if (IS("site", "workers"))
		rc = set_uint(&c->workers, v, 1, 256);
	else if (IS("site", "time_zone"))
		rc = set_time_zone(c, v);
	else if (IS("session", "idle_minutes") &&
	         (rc = set_uint(&c->session_idle, v, 1, 1440)) == 0)
		c->session_idle *= 60;
	else if (IS("session", "absolute_hours") &&
	         (rc = set_uint(&c->session_absolute, v, 1, 720)) == 0)
		c->session_absolute *= 3600;
	else if (IS("login", "max_failures_per_login"))
		rc = set_uint(&c->login_max_fail_login, v, 1, 1000);
	else if (IS("login", "max_failures_per_address"))
		rc = set_uint(&c->login_max_fail_ip, v, 1, 100000);
	else if (IS("login", "window_minutes") &&
	         (rc = set_uint(&c->login_window, v, 1, 1440)) == 0)
		c->login_window *= 60;
	else if (IS("passwords", "memory_kib"))
		rc = set_uint(&c->pw_memory_kib, v, PW_MEMORY_KIB_MIN, 4u << 20);
	else if (IS("passwords", "passes"))
		rc = set_uint(&c->pw_passes, v, 1, 16);
	else if (IS("payments", "site_url"))
		rc = set_url(c->site_url, sizeof(c->site_url), v);
	else if (IS("payments", "provider"))
		rc = strcmp(v, "yookassa") == 0 || *v == '\0'
		             ? set_str(c->pay_provider, sizeof(c->pay_provider), v)
		             : -1;
	else if (IS("payments", "api_url"))
		rc = set_url(c->pay_api_url, sizeof(c->pay_api_url), v);
	else if (IS("payments", "shop_id"))
		rc = set_str(c->pay_shop_id, sizeof(c->pay_shop_id), v);
	else if (IS("payments", "secret_key"))
		rc = set_str(c->pay_secret, sizeof(c->pay_secret), v);
	else if (IS("payments", "check_url"))
		rc = set_url(c->pay_check_url, sizeof(c->pay_check_url), v);
	else if (IS("payments", "ca_file"))
		rc = set_str(c->pay_ca_file, sizeof(c->pay_ca_file), v);
	else if (IS("delivery", "smtp_url"))
		rc = strncmp(v, "smtp://", 7) == 0 || strncmp(v, "smtps://", 8) == 0
		             ? set_str(c->smtp_url, sizeof(c->smtp_url), v)
		             : -1;
	else if (IS("delivery", "smtp_from"))
		rc = strchr(v, '@') != NULL && strpbrk(v, " \t\r\n<>\"") == NULL
		             ? set_str(c->smtp_from, sizeof(c->smtp_from), v)
		             : -1;
	else if (IS("delivery", "smtp_user"))
		rc = set_str(c->smtp_user, sizeof(c->smtp_user), v);
	else if (IS("delivery", "smtp_password"))
		rc = set_str(c->smtp_password, sizeof(c->smtp_password), v);
	else if (IS("delivery", "smtp_ca_file"))
		rc = set_str(c->smtp_ca_file, sizeof(c->smtp_ca_file), v);
	else if (IS("sms", "url"))
		rc = set_url(c->sms_url, sizeof(c->sms_url), v);
	else if (IS("sms", "key"))
		rc = set_str(c->sms_key, sizeof(c->sms_key), v);
	else if (IS("sms", "ca_file"))
		rc = set_str(c->sms_ca_file, sizeof(c->sms_ca_file), v);
	else if (IS("sms", "timeout"))
		rc = set_uint(&c->sms_timeout, v, 1, 120);
	/* At least a day: the rate limits count these rows over an hour. */
	else if (IS("retention", "sign_in_days"))
		rc = set_uint(&c->keep_sign_ins, v, 1, 3650);
	else if (IS("retention", "message_days"))
		rc = set_uint(&c->keep_messages, v, 1, 3650);
	else if (IS("delivery", "timeout"))
		rc = set_uint(&c->mail_timeout, v, 1, 600);
	else if (IS("delivery", "attempts"))
		rc = set_uint(&c->mail_attempts, v, 1, 100);
	else if (IS("delivery", "retry_seconds"))
		rc = set_uint(&c->mail_retry, v, 1, 86400);
	else if (IS("payments", "timeout"))
		rc = set_uint(&c->pay_timeout, v, 1, 120);
	else if (IS("payments", "min_amount_minor"))
		rc = set_money(&c->pay_min, v);
	else if (IS("payments", "max_amount_minor"))
		rc = set_money(&c->pay_max, v);
	else if (IS("limits", "body_bytes"))
		rc = set_size(&c->limits.body_max, v, 1024, 16u << 20);
	else if (IS("limits", "upload_bytes"))
		rc = set_u64(&c->limits.upload_max, v, 1u << 20, 4ULL << 30);
	else if (IS("limits", "query_bytes"))
		rc = set_size(&c->limits.query_max, v, 256, 65536);
	else if (IS("limits", "fields"))
		rc = set_size(&c->limits.fields_max, v, 1, 10000);
	else if (IS("limits", "field_bytes"))
		rc = set_size(&c->limits.value_max, v, 64, 1u << 20);
#undef IS
	if (rc == 0)
		return 1;
	snprintf(x->err, x->errlen, rc == -2 ? "unknown key [%s] %s" : "bad value for [%s] %s", sec,
	         key);
	return 0;
}

/* Parse an open file; path names it in messages. */
static int parse(struct load_ctx *x, FILE *f, const char *path)
{
	int rc = ini_parse_file(f, on_key, x);

	if (rc != 0) {
		size_t n = strlen(x->err);

		snprintf(x->err + n, x->errlen - n, "%s%s: line %d", n ? " at " : "", path, rc);
		return -1;
	}
	return 0;
}

static FILE *open_or_say(struct load_ctx *x, const char *path)
{
	FILE *f = fopen(path, "r");

	if (f == NULL)
		snprintf(x->err, x->errlen, "%s: cannot open", path);
	return f;
}

int config_load(struct config *c, const char *path, char *err, size_t errlen)
{
	struct load_ctx x = {c, err, errlen, 0};
	char secrets[sizeof(c->secrets_dir) + sizeof(c->program) + 8]; /* >= secrets_file */
	struct stat st;
	FILE *f;
	int rc;

	err[0] = '\0';
	if ((f = open_or_say(&x, path)) == NULL)
		return -1;
	rc = parse(&x, f, path);
	fclose(f);
	if (rc != 0)
		return rc;
	if (c->pw_passes == 1 ? c->pw_memory_kib < PW_ONE_PASS_KIB_MIN
	                      : (unsigned long long)c->pw_memory_kib * c->pw_passes < PW_WORK_MIN) {
		snprintf(err, errlen,
		         "%s: [passwords] memory_kib x passes is under OWASP's least argon2id "
		         "cost (47104 x 1, 19456 x 2, 12288 x 3, 9216 x 4, 7168 x 5)",
		         path);
		return -1;
	}
	if (c->secrets_dir[0] != '\0' && c->secrets_file[0] != '\0') {
		snprintf(err, errlen, "%s: [site] secrets and secrets_file: one or the other",
		         path);
		return -1;
	}
	if (c->program[0] == '\0') /* a tool that needs no secret: kabinet-passwd */
		return 0;
	if (c->secrets_file[0] != '\0')
		snprintf(secrets, sizeof(secrets), "%s", c->secrets_file);
	else if (c->secrets_dir[0] != '\0')
		snprintf(secrets, sizeof(secrets), "%s/%s.ini", c->secrets_dir, c->program);
	else
		return 0;
	if ((f = open_or_say(&x, secrets)) == NULL)
		return -1;
	/* Like ssh's keys: a secret file others may read is refused, not used.  Checked on
	 * the file opened, so it cannot be swapped between the check and the reading. */
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || (st.st_mode & 077) != 0) {
		snprintf(err, errlen, "%s: may be read by others (it must be mode 0400 or 0600)",
		         secrets);
		fclose(f);
		return -1;
	}
	x.secret_file = 1;
	rc = parse(&x, f, secrets);
	fclose(f);
	return rc;
}
