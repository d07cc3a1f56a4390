/* app/job.h: scheduled programs. */
#ifndef APP_JOB_H
#define APP_JOB_H

#include "core/arena.h"
#include "core/attrs.h"

/*
 * A scheduled program: log as program, load $PORTAL_CONFIG with its
 * [db.<program>] account, and make its arena; NULL (said on stderr) if it
 * cannot.  job_end() closes what the run opened.
 */
struct arena *job_start(const char *program) PORTAL_WUR;
void job_end(struct arena *);
/*
 * Started as root (a root crontab, CI): become [site] user for good
 * (core/privilege.h), once the job has read its secrets and opened what it
 * was named on its command line.  0, or -1 (logged): the job must stop.
 */
int job_unroot(void) PORTAL_WUR;

#endif
