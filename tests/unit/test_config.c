/* Unit tests: the ini file: defaults, every key, and the errors that must stop start-up. */
#include <string.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/config.h"
#include "core/parse.h"

static char path[64];
static char dir[64];    /* the secrets directory */
static char secret[96]; /* dir/home.ini */

/* The shared file, naming a secrets directory whose home.ini holds secret_text. */
static int load_with_secrets(const char *text, const char *secret_text, unsigned mode,
                             struct config *c, char *err, size_t errlen)
{
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/kabinet-test-%ld.ini", (long)getpid());
	snprintf(dir, sizeof(dir), "/tmp/kabinet-test-%ld.d", (long)getpid());
	snprintf(secret, sizeof(secret), "%s/home.ini", dir);
	(void)mkdir(dir, 0700);
	(void)unlink(secret);
	f = fopen(secret, "w");
	assert_non_null(f);
	fputs(secret_text, f);
	fclose(f);
	assert_int_equal(chmod(secret, mode), 0);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "[site]\nsecrets = %s\n%s", dir, text);
	fclose(f);
	config_defaults(c);
	snprintf(c->program, sizeof(c->program), "home");
	return config_load(c, path, err, errlen);
}

static int load(const char *text, struct config *c, char *err, size_t errlen)
{
	FILE *f;

	snprintf(path, sizeof(path), "/tmp/kabinet-test-%ld.ini", (long)getpid());
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	config_defaults(c);
	return config_load(c, path, err, errlen);
}

static int teardown(void **st)
{
	(void)st;
	unlink(path);
	if (secret[0] != '\0') {
		unlink(secret);
		rmdir(dir);
	}
	return 0;
}

static void defaults(void **st)
{
	struct config c;

	(void)st;
	config_defaults(&c);
	assert_int_equal(c.session_idle, 30 * 60);
	assert_int_equal(c.session_absolute, 12 * 3600);
	assert_int_equal(c.login_max_fail_login, 5);
	assert_int_equal(c.login_max_fail_ip, 20);
	assert_int_equal(c.login_window, 15 * 60);
	assert_int_equal(c.limits.body_max, limits_default.body_max);
	assert_false(c.have_secret);
	assert_string_equal(c.time_zone, "Europe/Moscow");
}

static void every_key(void **st)
{
	struct config c;
	char err[256];

	(void)st;
	assert_int_equal(
	        load_with_secrets(
	                "; comment\n[db]\nsocket = /tmp/x.sock\nname = kb\n"
	                "connect_timeout = 3\nrw_timeout = 7\njob_timeout = 900\n"
	                "[site]\nxsl_dir = /srv/xsl\nworkers = 8\n"
	                "[session]\nidle_minutes = 10\nabsolute_hours = 2\n"
	                "[login]\nmax_failures_per_login = 3\nmax_failures_per_address = 9\n"
	                "window_minutes = 5\n"
	                "[limits]\nbody_bytes = 2048\nquery_bytes = 512\nfields = 10\n"
	                "field_bytes = 100\n",
	                "[db]\nuser = u\npassword = p w\n[site]\nsecret = "
	                "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n",
	                0400, &c, err, sizeof(err)),
	        0);
	assert_string_equal(c.db_socket, "/tmp/x.sock");
	assert_string_equal(c.db_name, "kb");
	assert_string_equal(c.db_user, "u");
	assert_string_equal(c.db_password, "p w");
	assert_int_equal(c.db_connect_timeout, 3);
	assert_int_equal(c.db_rw_timeout, 7);
	assert_int_equal(c.db_job_timeout, 900);
	assert_string_equal(c.xsl_dir, "/srv/xsl");
	assert_int_equal(c.workers, 8);
	assert_true(c.have_secret);
	assert_int_equal(c.secret[1], 0x11);
	assert_int_equal(c.secret[31], 0xff);
	assert_int_equal(c.session_idle, 600);
	assert_int_equal(c.session_absolute, 7200);
	assert_int_equal(c.login_max_fail_login, 3);
	assert_int_equal(c.login_max_fail_ip, 9);
	assert_int_equal(c.login_window, 300);
	assert_int_equal(c.limits.body_max, 2048);
	assert_int_equal(c.limits.query_max, 512);
	assert_int_equal(c.limits.fields_max, 10);
	assert_int_equal(c.limits.value_max, 100);
}

static void each_program_has_its_own_secrets(void **st)
{
	struct config c;
	char err[256];

	(void)st;
	assert_int_equal(load_with_secrets("", "[db]\nuser = kb_home\npassword = ph\n", 0400, &c,
	                                   err, sizeof(err)),
	                 0);
	assert_string_equal(c.db_user, "kb_home");
	assert_string_equal(c.db_password, "ph");
	/* A program whose file is not there does not start with someone else's. */
	config_defaults(&c);
	snprintf(c.program, sizeof(c.program), "accounts");
	assert_int_equal(config_load(&c, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "accounts.ini: cannot open"));
	/* Secrets are not read from the shared file, and nothing else from the secret file. */
	assert_int_equal(
	        load_with_secrets("[payments]\nsecret_key = s\n", "", 0400, &c, err, sizeof(err)),
	        -1);
	assert_non_null(strstr(err, "is a secret"));
	assert_int_equal(load_with_secrets("[db]\npassword = s\n", "", 0400, &c, err, sizeof(err)),
	                 -1);
	assert_int_equal(load_with_secrets("", "[db]\nsocket = /x\n", 0400, &c, err, sizeof(err)),
	                 -1);
	assert_non_null(strstr(err, "is not a secret"));
	/* A secret file others may read is refused. */
	assert_int_equal(load_with_secrets("", "[db]\npassword = p\n", 0440, &c, err, sizeof(err)),
	                 -1);
	assert_non_null(strstr(err, "may be read by others"));
	assert_int_equal(
	        load_with_secrets("", "[site]\nsecret = 0011\n", 0600, &c, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "bad value for [site] secret"));
}

/* Shared hosting: one user, one database account, one file of secrets for every program. */
static void one_secrets_file_for_every_program(void **st)
{
	static const char *const programs[] = {"home", "payments", "kabinet-import"};
	struct config c;
	char err[256], text[256];
	size_t i;

	(void)st;
	/* load_with_secrets writes dir/home.ini; every program is pointed at it. */
	assert_int_equal(load_with_secrets("", "[db]\nuser = kb\npassword = pw\n", 0600, &c, err,
	                                   sizeof(err)),
	                 0);
	for (i = 0; i < sizeof(programs) / sizeof(programs[0]); i++) {
		FILE *f = fopen(path, "w");

		assert_non_null(f);
		fprintf(f, "[db]\nhost = db.example.net\nport = 3307\n[site]\nsecrets_file = %s\n",
		        secret);
		fclose(f);
		config_defaults(&c);
		snprintf(c.program, sizeof(c.program), "%s", programs[i]);
		assert_int_equal(config_load(&c, path, err, sizeof(err)), 0);
		assert_string_equal(c.db_user, "kb");
		assert_string_equal(c.db_password, "pw");
		assert_string_equal(c.db_host, "db.example.net");
		assert_int_equal(c.db_port, 3307);
	}
	/* Still refused when others may read it. */
	assert_int_equal(chmod(secret, 0644), 0);
	assert_int_equal(config_load(&c, path, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "may be read by others"));
	/* A directory and a file of secrets: which one was meant is not guessed. */
	snprintf(text, sizeof(text), "[site]\nsecrets = %s\nsecrets_file = %s\n", dir, secret);
	assert_int_equal(load(text, &c, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "one or the other"));
}

/* A cluster's other nodes, tried in turn. */
static void failover_nodes(void **st)
{
	struct config c;
	char err[256];

	(void)st;
	assert_int_equal(load("[db]\nsocket = /run/a.sock\n"
	                      "failover = /run/b.sock  db3.example.net:3307 ::1 10.0.0.4\n",
	                      &c, err, sizeof(err)),
	                 0);
	assert_string_equal(c.db_failover, "/run/b.sock  db3.example.net:3307 ::1 10.0.0.4");
}

static void payments(void **st)
{
	struct config c;
	char err[256];

	(void)st;
	config_defaults(&c);
	assert_string_equal(c.pay_provider, "");
	assert_string_equal(c.pay_api_url, "https://api.yookassa.ru/v3");
	assert_int_equal(load_with_secrets(
	                         "[payments]\nprovider = yookassa\n"
	                         "api_url = http://127.0.0.1:8082/v3\n"
	                         "shop_id = 100500\ntimeout = 7\n"
	                         "site_url = https://lk.example.org\nmin_amount_minor = 1000\n"
	                         "max_amount_minor = 200000\n",
	                         "[payments]\nsecret_key = test_abc\n", 0400, &c, err, sizeof(err)),
	                 0);
	assert_string_equal(c.pay_provider, "yookassa");
	assert_string_equal(c.pay_api_url, "http://127.0.0.1:8082/v3");
	assert_string_equal(c.pay_shop_id, "100500");
	assert_string_equal(c.pay_secret, "test_abc");
	assert_string_equal(c.site_url, "https://lk.example.org");
	assert_int_equal(c.pay_timeout, 7);
	assert_int_equal(c.pay_min, 1000);
	assert_int_equal(c.pay_max, 200000);
}

static void retention(void **st)
{
	struct config c;
	char err[256];

	(void)st;
	config_defaults(&c);
	assert_int_equal(c.keep_sign_ins, 365);
	assert_int_equal(c.keep_messages, 365);
	assert_int_equal(
	        load("[retention]\nsign_in_days = 90\nmessage_days = 30\n", &c, err, sizeof(err)),
	        0);
	assert_int_equal(c.keep_sign_ins, 90);
	assert_int_equal(c.keep_messages, 30);
}

/* argon2id's cost: libsodium's interactive limits, or any of OWASP's settings or above. */
static void password_cost(void **st)
{
	static const char *const least[] = {
	        "[passwords]\nmemory_kib = 47104\npasses = 1\n",
	        "[passwords]\nmemory_kib = 19456\npasses = 2\n",
	        "[passwords]\nmemory_kib = 12288\npasses = 3\n",
	        "[passwords]\nmemory_kib = 9216\npasses = 4\n",
	        "[passwords]\nmemory_kib = 7168\npasses = 5\n",
	};
	static const char *const under[] = {
	        "[passwords]\nmemory_kib = 47103\npasses = 1\n",
	        "[passwords]\nmemory_kib = 17919\npasses = 2\n",
	        "[passwords]\nmemory_kib = 7168\npasses = 4\n",
	        "[passwords]\nmemory_kib = 7167\npasses = 16\n",
	        "[passwords]\npasses = 0\n",
	        "[passwords]\nmemory_kib = 4194305\n",
	};
	struct config c;
	char err[256];
	size_t i;

	(void)st;
	config_defaults(&c);
	assert_int_equal(c.pw_memory_kib, crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024);
	assert_int_equal(c.pw_passes, crypto_pwhash_OPSLIMIT_INTERACTIVE);
	for (i = 0; i < sizeof(least) / sizeof(least[0]); i++)
		assert_int_equal(load(least[i], &c, err, sizeof(err)), 0);
	assert_int_equal(c.pw_memory_kib, 7168);
	assert_int_equal(c.pw_passes, 5);
	for (i = 0; i < sizeof(under) / sizeof(under[0]); i++) {
		assert_int_equal(load(under[i], &c, err, sizeof(err)), -1);
		assert_true(strlen(err) > 0);
	}
	assert_non_null(strstr(err, "[passwords]"));
}

static void refuses_mistakes(void **st)
{
	static const char *const bad[] = {
	        "[db]\nsocktet = /x\n",            /* typo in a key */
	        "[session]\nidle_minutes = 0\n",   /* out of range */
	        "[session]\nidle_minutes = 10m\n", /* junk after the number */
	        "[session]\nidle_minutes = -5\n",  /* negative */
	        "[site]\nsecret = 0011\n",         /* short secret */
	        "[site]\nsecret = "
	        "zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n",
	        "[limits]\nbody_bytes = 99999999999\n", /* overflow */
	        "[db]\nname = "                         /* longer than the field */
	        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	        "\n",
	        "this is not ini\n",
	        "[payments]\nprovider = paypal\n",       /* a provider we do not have */
	        "[payments]\napi_url = ftp://x/v3\n",    /* not http(s) */
	        "[payments]\napi_url = https://x/v3/\n", /* paths are appended to it */
	        "[payments]\nsite_url = https://a b\n",  /* a space in a URL */
	        "[payments]\nmin_amount_minor = 0\n",
	        "[payments]\ntimeout = 0\n",
	        "[retention]\nsign_in_days = 0\n", /* the rate limits need the last hour */
	        "[retention]\nmessage_days = 100000\n",
	        "[site]\ntime_zone = Mars/Olympus\n",     /* no such zone */
	        "[site]\ntime_zone = ../../etc/passwd\n", /* a path, not a name */
	        "[site]\ntime_zone = /etc/localtime\n",
	        "[site]\ntime_zone = Europe/Moscow;rm\n",
	        "[db]\nhost = \n",        /* empty */
	        "[db]\nhost = db host\n", /* a space */
	        "[db]\nhost = db;drop\n",
	        "[db]\nport = 0\n",
	        "[db]\nport = 65536\n",
	        "[db]\nfailover = \n",
	        "[db]\nfailover = db;x\n",
	        "[db]\nfailover = db:0\n",
	        "[db]\nfailover = db:http\n",
	        "[db]\nfailover = a b c d e f g h\n", /* more than DB_NODES_MAX in all */
	};
	struct config c;
	char err[256];
	size_t i;

	(void)st;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(load(bad[i], &c, err, sizeof(err)), -1);
		assert_true(strlen(err) > 0);
	}
	config_defaults(&c);
	assert_int_equal(config_load(&c, "/nonexistent/kabinet.ini", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "cannot open"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(defaults),
	        cmocka_unit_test_teardown(every_key, teardown),
	        cmocka_unit_test_teardown(each_program_has_its_own_secrets, teardown),
	        cmocka_unit_test_teardown(one_secrets_file_for_every_program, teardown),
	        cmocka_unit_test_teardown(failover_nodes, teardown),
	        cmocka_unit_test_teardown(payments, teardown),
	        cmocka_unit_test_teardown(retention, teardown),
	        cmocka_unit_test_teardown(password_cost, teardown),
	        cmocka_unit_test_teardown(refuses_mistakes, teardown),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
