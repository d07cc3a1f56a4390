/*
 * job.c: the start and end of a scheduled program (payjobs, receiptjobs):
 * what portal_main() does for a served section, without the serving.
 */
#include <stdio.h>
#include <stdlib.h>

#include <mysql.h>
#include <sodium.h>

#include "app/job.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/config.h"
#include "core/log.h"
#include "core/module.h"
#include "core/privilege.h"
#include "db/db.h"

struct arena *job_start(const char *program)
{
	const char *cpath = getenv("PORTAL_CONFIG");
	struct arena *a;
	char err[512];

	log_open(program);
	if (sodium_init() < 0)
		return NULL;
	config_defaults(&cfg);
	snprintf(cfg.program, sizeof(cfg.program), "%s", program);
	if (cpath != NULL && config_load(&cfg, cpath, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: config: %s\n", program, err);
		return NULL;
	}
	time_zone_use(cfg.time_zone);
	/* A month's receipts or a year's clean-up over a million accounts is
	 * minutes of work a page must never wait for, and a job may. */
	cfg.db_rw_timeout = cfg.db_job_timeout;
	if (mysql_library_init(0, NULL, NULL) != 0)
		return NULL;
	if ((a = arena_new(16u << 20)) == NULL)
		mysql_library_end();
	return a;
}

void job_end(struct arena *a)
{
	arena_free(a);
	db_disconnect();
	modules_stop();
	mysql_library_end();
}

int job_unroot(void)
{
	return privilege_drop(cfg.run_as);
}
