/*
 * kabinet-import: load a billing system's file, or run the imports that wait.
 *
 *   kabinet-import --org N --kind KIND [--dry-run] [--as NAME] FILE   (- for stdin)
 *       store the file, check it, and unless --dry-run apply it if every
 *       row passed; the same steps the console's upload takes
 *   kabinet-import --queue [--every SECONDS]
 *       the scheduled program: check what was uploaded, apply what an
 *       operator asked to apply, and redo a step whose worker died
 *   kabinet-import --run ID     run import ID now (after a kill, say)
 *
 * Progress goes to stderr: a bar on a terminal, a line every few seconds
 * otherwise.  Exit status: 0 done (checked or applied), 1 refused rows (the
 * first ones are listed), 2 usage, 75 another import of the organization is
 * running (try again later), 70 anything else.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/exchange.h"
#include "app/exchange_format.h"
#include "app/job.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/perr.h"
#include "db/db.h"
#include "db/exchange.h"

#define EX_REFUSED  1
#define EX_USAGE    2
#define EX_SOFTWARE 70
#define EX_TEMPFAIL 75
#define FILE_MAX    (4ULL << 30) /* 4 GiB: far beyond any month of any organization */

static volatile sig_atomic_t stopping;

static void on_term(int sig)
{
	(void)sig;
	stopping = 1;
}

static int usage(void)
{
	fprintf(stderr, "usage: kabinet-import --org N --kind KIND [--dry-run] [--as NAME] FILE\n"
	                "       kabinet-import --queue [--every SECONDS]\n"
	                "       kabinet-import --run ID\n"
	                "KIND: accounts services meters charges payments readings\n");
	return EX_USAGE;
}

static long read_fd(void *ctx, char *buf, size_t n)
{
	int fd = *(int *)ctx;

	for (;;) {
		ssize_t k = read(fd, buf, n);

		if (k >= 0 || errno != EINTR)
			return (long)k;
	}
}

struct bar {
	int tty;
	time_t started, last;
};

static void show(void *ctx, const struct exchange_progress *p)
{
	struct bar *b = ctx;
	time_t now = time(NULL);
	double el = difftime(now, b->started), rate = el > 0 ? (double)p->rows / el : 0;
	double frac = p->bytes_total ? (double)p->bytes / (double)p->bytes_total : 1;
	long left = rate > 0 && p->lines_total > p->rows
	                    ? (long)((double)(p->lines_total - p->rows) / rate)
	                    : 0;

	if (b->tty) {
		char fill[31];
		int i, w = (int)(frac * 30);

		for (i = 0; i < 30; i++)
			fill[i] = i < w ? '#' : '.';
		fill[30] = '\0';
		fprintf(stderr, "\r%-9s [%s] %3d%% %llu/%llu rows %.0f/s %ld:%02ld left ",
		        p->status, fill, (int)(frac * 100), (unsigned long long)p->rows,
		        (unsigned long long)p->lines_total, rate, left / 60, left % 60);
		if (strcmp(p->status, "checking") != 0)
			fputc('\n', stderr);
	} else if (now - b->last >= 5 || strcmp(p->status, "checking") != 0) {
		fprintf(stderr, "import %llu: %s %llu of %llu rows (%.0f/s)\n",
		        (unsigned long long)p->id, p->status, (unsigned long long)p->rows,
		        (unsigned long long)p->lines_total, rate);
	}
	b->last = now;
}

static enum perr print_problem(void *ctx, const struct import_problem *p)
{
	(void)ctx;
	fprintf(stderr, "  line %llu, column %s, value \"%s\": %s%s%s\n",
	        (unsigned long long)p->line, p->column, p->value, p->code, p->detail ? " " : "",
	        p->detail ? p->detail : "");
	return PERR_OK;
}

/* What became of the import, said on stdout, as an exit status. */
static int outcome(struct arena *a, uint64_t id, enum perr e)
{
	struct import_row r;

	if (e == PERR_CONFLICT) {
		/* Queued: the scheduled program runs it once the other is done. */
		if (db_import_queue(id) != PERR_OK)
			return EX_SOFTWARE;
		fprintf(stderr,
		        "kabinet-import: another import of this organization is running; "
		        "import %llu is queued (or run it with --run %llu)\n",
		        (unsigned long long)id, (unsigned long long)id);
		return EX_TEMPFAIL;
	}
	if (e != PERR_OK || db_import_get(a, id, 0, &r) != PERR_OK) {
		fprintf(stderr, "kabinet-import: import %llu: %s\n", (unsigned long long)id,
		        perr_str(e));
		return EX_SOFTWARE;
	}
	printf("import %llu %s: %s, %s; new %llu, changed %llu, unchanged %llu, refused %llu\n",
	       (unsigned long long)r.id, r.kind, r.status, r.file_name, (unsigned long long)r.n_new,
	       (unsigned long long)r.n_changed, (unsigned long long)r.n_unchanged,
	       (unsigned long long)r.n_refused);
	if (strcmp(r.status, "refused") == 0) {
		fprintf(stderr, "refused rows (the first 20):\n");
		if (db_import_problems(a, id, 20, print_problem, NULL) != PERR_OK)
			return EX_SOFTWARE;
		return EX_REFUSED;
	}
	return strcmp(r.status, "failed") == 0 ? EX_SOFTWARE : 0;
}

/* The file at path (opened by main, before root was given up) stored and imported. */
static int one_file(struct arena *a, unsigned org, const char *kind, int dry, const char *as,
                    const char *path, int fd)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	struct bar b = {isatty(2), time(NULL), 0};
	uint64_t id = 0, bytes = 0;
	enum perr e;

	if ((e = db_import_new(org, kind, dry ? "check" : "apply",
	                       strcmp(path, "-") ? base : "stdin", 0, 0, as, &id)) != PERR_OK ||
	    (e = exchange_store(id, read_fd, &fd, FILE_MAX, 0, &bytes)) != PERR_OK) {
		if (fd > 0)
			close(fd);
		fprintf(stderr, "kabinet-import: storing %s: %s\n", path, perr_str(e));
		if (id != 0 && db_import_fail(id, perr_str(e)) != PERR_OK)
			log_msg(LOG_ERR, "import %llu: could not record its failure",
			        (unsigned long long)id);
		return EX_SOFTWARE;
	}
	if (fd > 0)
		close(fd);
	return outcome(a, id, exchange_run(a, id, NULL, show, &b));
}

/* Everything that waits, once; an organization that is busy is left for later. */
static int queue_once(struct arena *a)
{
	uint64_t after = 0, id;
	enum perr e = PERR_NOT_FOUND;
	int status = 0;

	while (!stopping && (e = db_import_next(after, &id)) == PERR_OK) {
		after = id;
		e = exchange_run(a, id, NULL, NULL, NULL);
		if (e != PERR_OK && e != PERR_CONFLICT) {
			log_msg(LOG_ERR, "import %llu: %s", (unsigned long long)id, perr_str(e));
			status = EX_SOFTWARE;
		}
		arena_reset(a);
	}
	if (e != PERR_OK && e != PERR_NOT_FOUND) {
		log_msg(LOG_ERR, "imports: %s", perr_str(e));
		db_disconnect(); /* the next round connects again */
		return EX_SOFTWARE;
	}
	return status;
}

static int number(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return *end || errno || *out > max ? -1 : 0;
}

int main(int argc, char **argv)
{
	unsigned long long org = 0, every = 0, run = 0;
	const char *kind = NULL, *path = NULL, *as = NULL;
	int queue = 0, dry = 0, i, status, fd = -1;
	char who[64];
	struct arena *a;

	for (i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(argv[i], "--org") == 0 && number(v, 4294967295ULL, &org) == 0)
			i++;
		else if (strcmp(argv[i], "--kind") == 0 && v && exchange_kind(v) >= 0)
			kind = argv[++i];
		else if (strcmp(argv[i], "--as") == 0 && v && strlen(v) < 40)
			as = argv[++i];
		else if (strcmp(argv[i], "--every") == 0 && number(v, 3600, &every) == 0)
			i++;
		else if (strcmp(argv[i], "--run") == 0 && number(v, UINT64_MAX >> 1, &run) == 0)
			i++;
		else if (strcmp(argv[i], "--dry-run") == 0)
			dry = 1;
		else if (strcmp(argv[i], "--queue") == 0)
			queue = 1;
		else if (argv[i][0] != '-' || strcmp(argv[i], "-") == 0)
			path = argv[i];
		else
			return usage();
	}
	if (!queue && run == 0 && (org == 0 || kind == NULL || path == NULL))
		return usage();
	/* The file is opened as whoever started the import; then root, if it was
	 * root, is given up before anything is read. */
	if (path != NULL && !queue && run == 0 &&
	    (fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		fprintf(stderr, "kabinet-import: %s: %s\n", path, strerror(errno));
		return EX_USAGE;
	}
	if ((a = job_start("kabinet-import")) == NULL)
		return EX_SOFTWARE;
	if (job_unroot() != 0) {
		job_end(a);
		return EX_SOFTWARE;
	}
	if (as == NULL) {
		const char *u = getenv("USER");

		snprintf(who, sizeof(who), "cli:%s", u && strlen(u) < 32 ? u : "-");
		as = who;
	}
	if (run != 0) {
		struct bar b = {isatty(2), time(NULL), 0};

		status = outcome(a, run, exchange_run(a, run, NULL, show, &b));
	} else if (!queue) {
		status = one_file(a, (unsigned)org, kind, dry, as, path, fd);
	} else {
		signal(SIGTERM, on_term);
		signal(SIGINT, on_term);
		do {
			status = queue_once(a);
			for (i = 0; i < (int)every && !stopping; i++)
				sleep(1);
		} while (every > 0 && !stopping);
	}
	job_end(a);
	return status;
}
