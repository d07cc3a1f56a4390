/*
 * serve.c: how a section program runs.
 *
 *  - FastCGI: a master binds the socket (or takes one on fd 0), compiles the
 *    stylesheet, and forks N workers that each loop on FCGX_Accept_r.  The
 *    master replaces a worker that dies (at most once a second per slot, so a
 *    crashing request cannot turn it into a fork bomb) and on SIGTERM lets
 *    every worker finish the request it holds, then exits.
 *  - CGI: with no FastCGI socket the program answers the one request in its
 *    environment and exits, for hosting that only runs plain CGI.
 *
 * Every process is single-threaded: a worker serves one connection at a time.
 */
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <mysql.h>
#include <sodium.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/config.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/module.h"
#include "core/privilege.h"
#include "db/db.h"
#include "doc/render.h"
#include "doc/xmlmem.h"
#include "web/io.h"
#include "web/req.h"
#include "web/sandbox.h"
#include "web/serve.h"

#define ARENA_LIMIT (16u << 20)
#define MAX_WORKERS 256

static volatile sig_atomic_t stopping;

static void on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static void on_child(int sig)
{
	(void)sig;
}

/*
 * A worker idle in accept() can simply leave; one busy has SIGTERM blocked
 * until its request is done.  Serving in the master itself (--workers 0, for
 * valgrind) stops through libfcgi instead, so that everything is freed.
 */
static int in_master;
static int listen_fd = -1;

static void worker_on_term(int sig)
{
	(void)sig;
	if (!in_master)
		_exit(0);
	stopping = 1;
	FCGX_ShutdownPending();
	/*
	 * libfcgi may be just about to call accept(): shutting the listening
	 * socket down makes that accept() (or one already blocked) fail at once.
	 * Only done here, where no other process shares the socket.
	 */
	if (listen_fd >= 0)
		shutdown(listen_fd, SHUT_RDWR);
}

/* SIGTERM and SIGINT to on_term, SIGCHLD to on_chld; no SA_RESTART, so they interrupt. */
static void set_handlers(void (*on_term)(int), void (*on_chld)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_chld;
	sigaction(SIGCHLD, &sa, NULL);
}

/* ---------------------------------------------------------------- I/O */

static const char *fcgi_param(void *ctx, const char *name)
{
	return FCGX_GetParam(name, ((FCGX_Request *)ctx)->envp);
}

static long fcgi_read(void *ctx, char *buf, size_t n)
{
	int k = FCGX_GetStr(buf, n > INT32_MAX ? INT32_MAX : (int)n, ((FCGX_Request *)ctx)->in);

	return k < 0 ? -1 : k;
}

static int fcgi_write(void *ctx, const char *buf, size_t n)
{
	FCGX_Request *rq = ctx;

	return FCGX_PutStr(buf, (int)n, rq->out) == (int)n ? 0 : -1;
}

/* A request whose answer may be finished before the handler's work is (io.finish). */
struct fcgi_ctx {
	FCGX_Request rq; /* first: the functions above take the context as the request */
	int finished;
};

static void fcgi_finish(void *ctx)
{
	struct fcgi_ctx *c = ctx;

	if (!c->finished)
		FCGX_Finish_r(&c->rq);
	c->finished = 1;
}

static const char *cgi_param(void *ctx, const char *name)
{
	(void)ctx;
	return getenv(name);
}

static long cgi_read(void *ctx, char *buf, size_t n)
{
	size_t k = fread(buf, 1, n, stdin);

	(void)ctx;
	return k == 0 && ferror(stdin) ? -1 : (long)k;
}

static int cgi_write(void *ctx, const char *buf, size_t n)
{
	(void)ctx;
	return fwrite(buf, 1, n, stdout) == n ? 0 : -1;
}

static void worker_loop(const struct section *sec, int fd)
{
	struct fcgi_ctx c = {0};
	FCGX_Request *rq = &c.rq;
	struct arena *a;
	sigset_t term;

	set_handlers(worker_on_term, SIG_DFL);
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigaddset(&term, SIGINT);

	if ((a = arena_new(ARENA_LIMIT)) == NULL || FCGX_InitRequest(rq, fd, 0) != 0) {
		log_msg(LOG_ERR, "worker cannot start: out of memory");
		arena_free(a);
		return;
	}
	/* Before the first request: whatever a request makes it do, it does confined. */
	if (!in_master && sandbox_confine() != 0) {
		FCGX_Free(rq, 1);
		arena_free(a);
		return;
	}
	for (;;) {
		int rc;

		sigprocmask(SIG_UNBLOCK, &term, NULL);
		/* A SIGTERM held back during the last request is delivered just above. */
		if (stopping)
			break;
		rc = FCGX_Accept_r(rq);
		c.finished = 0;
		/* From here to the end of the request a SIGTERM waits its turn. */
		sigprocmask(SIG_BLOCK, &term, NULL);
		if (rc < 0)
			break;
		xmlmem_begin();
		sec->serve(sec, a, &(struct io){&c, fcgi_param, fcgi_read, fcgi_write, fcgi_finish});
		fcgi_finish(&c);
		arena_reset(a);
		/* After the arena's cleanups, which free the request's documents. */
		xmlmem_end();
		if (stopping)
			break;
	}
	FCGX_Free(rq, 1);
	arena_free(a);
}

/* ---------------------------------------------------------------- master */

struct slot {
	pid_t pid;
	time_t started;
	time_t respawn_at; /* 0: running or not due */
};

static pid_t spawn(const struct section *sec, int fd)
{
	pid_t master = getpid();
	pid_t pid = fork();

	if (pid == 0) {
		sigset_t none;

		/* A master that dies (killed, out of memory) takes its workers with it, as a
		 * SIGTERM: none goes on serving unsupervised on a socket no one restarts. */
		if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid() != master)
			_exit(0);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		worker_loop(sec, fd);
		db_disconnect();
		render_done();
		modules_stop();
		mysql_library_end();
		_exit(0);
	}
	if (pid < 0)
		log_msg(LOG_ERR, "fork: %s", strerror(errno));
	return pid;
}

static void reap(struct slot *slots, unsigned n)
{
	pid_t pid;
	int st;
	unsigned i;
	time_t now = time(NULL);

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
		for (i = 0; i < n; i++) {
			if (slots[i].pid != pid)
				continue;
			slots[i].pid = 0;
			if (!stopping) {
				if (WIFSIGNALED(st))
					log_msg(LOG_ERR, "worker %ld killed by signal %d; replacing it",
						(long)pid, WTERMSIG(st));
				else
					log_msg(LOG_ERR, "worker %ld exited with %d; replacing it",
						(long)pid, WEXITSTATUS(st));
			}
			/* A worker that dies young waits a second: no fork bomb. */
			slots[i].respawn_at = now - slots[i].started < 1 ? now + 1 : now;
		}
	}
}

static int master(const struct section *sec, int fd, unsigned n)
{
	struct slot slots[MAX_WORKERS];
	sigset_t block, orig;
	unsigned i, alive;
	int waited;

	memset(slots, 0, sizeof(slots));
	set_handlers(on_stop, on_child);
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &orig);

	for (i = 0; i < n; i++) {
		slots[i].started = time(NULL);
		slots[i].pid = spawn(sec, fd);
		if (slots[i].pid < 0)
			slots[i].respawn_at = slots[i].started + 1;
	}
	log_msg(LOG_INFO, "serving with %u workers", n);
	while (!stopping) {
		struct timespec tick = {1, 0};
		time_t now;

		/* Waits for a signal or a second, with the signals unblocked only here. */
		pselect(0, NULL, NULL, NULL, &tick, &orig);
		reap(slots, n);
		now = time(NULL);
		for (i = 0; i < n && !stopping; i++) {
			if (slots[i].pid != 0 || slots[i].respawn_at > now)
				continue;
			slots[i].started = now;
			slots[i].pid = spawn(sec, fd);
			slots[i].respawn_at = slots[i].pid < 0 ? now + 1 : 0;
		}
	}

	log_msg(LOG_INFO, "stopping: letting workers finish their requests");
	for (i = 0; i < n; i++)
		if (slots[i].pid > 0)
			kill(slots[i].pid, SIGTERM);
	for (waited = 0; waited < 100; waited++) {
		struct timespec t = {0, 100 * 1000 * 1000};

		reap(slots, n);
		for (alive = 0, i = 0; i < n; i++)
			alive += slots[i].pid > 0;
		if (alive == 0)
			break;
		nanosleep(&t, NULL);
	}
	for (i = 0; i < n; i++)
		if (slots[i].pid > 0) {
			log_msg(LOG_WARN, "worker %ld did not stop in 10 s; killing it",
				(long)slots[i].pid);
			kill(slots[i].pid, SIGKILL);
			waitpid(slots[i].pid, NULL, 0);
		}
	return 0;
}

/* ---------------------------------------------------------------- main */

static int write_pidfile(const char *path)
{
	char tmp[512];
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if ((f = fopen(tmp, "w")) == NULL)
		return -1;
	fprintf(f, "%ld\n", (long)getpid());
	if (fclose(f) != 0)
		return -1;
	return rename(tmp, path);
}

/* Started as root: the socket becomes [site] user's, so that a web server
 * running as that user (not as root) may connect. */
static int socket_hand_over(const char *sock)
{
	uid_t uid;
	gid_t gid;
	int t = privilege_target(cfg.run_as, &uid, &gid);

	if (t != 0)
		return t > 0 ? 0 : -1;
	if (chown(sock, uid, gid) != 0) {
		log_msg(LOG_ERR, "cannot hand %s over to %s: %s", sock, cfg.run_as, strerror(errno));
		return -1;
	}
	return 0;
}

static void usage(const char *argv0)
{
	fprintf(stderr,
		"usage: %s [--socket PATH] [--workers N] [--pidfile PATH]\n"
		"  Without --socket, serves FastCGI on fd 0 if it is a socket,\n"
		"  otherwise answers one CGI request from the environment.\n"
		"  --workers 0 serves in the master process itself (for valgrind).\n"
		"  The configuration file is named by $PORTAL_CONFIG.\n",
		argv0);
}

int serve_main(int argc, char **argv, const struct section *sec)
{
	const char *sock = NULL, *pidfile = NULL, *cpath = getenv("PORTAL_CONFIG");
	long workers = -1;
	char err[512];
	int i, fd = 0, rc = 1, fcgi;
	const char *prog = sec->program ? sec->program : sec->name;

	log_open(prog);
	/* Before libxml2 allocates anything: its memory during a request is a region. */
	if (xmlmem_install() != 0)
		return 1;
	/*
	 * A worker's big buffers (a PDF's zlib state and output, a long page)
	 * stay in its heap for the next request: mapping and unmapping them on
	 * every request costs more in page faults than the memory is worth.
	 */
	mallopt(M_MMAP_THRESHOLD, 8 << 20);
	mallopt(M_TRIM_THRESHOLD, 32 << 20);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--socket") == 0 && i + 1 < argc)
			sock = argv[++i];
		else if (strcmp(argv[i], "--pidfile") == 0 && i + 1 < argc)
			pidfile = argv[++i];
		else if (strcmp(argv[i], "--workers") == 0 && i + 1 < argc) {
			char *end;

			workers = strtol(argv[++i], &end, 10);
			if (*end || workers < 0 || workers > MAX_WORKERS) {
				usage(argv[0]);
				return 2;
			}
		} else {
			usage(argv[0]);
			return 2;
		}
	}
	if (sodium_init() < 0) {
		log_msg(LOG_ERR, "libsodium cannot initialise");
		return 1;
	}
	config_defaults(&cfg);
	snprintf(cfg.program, sizeof(cfg.program), "%s", prog);
	if (cpath != NULL && config_load(&cfg, cpath, err, sizeof(err)) != 0) {
		log_msg(LOG_ERR, "config: %s", err);
		return 1;
	}
	time_zone_use(cfg.time_zone);
	if (password_cost_set(cfg.pw_passes, cfg.pw_memory_kib) != 0) {
		log_msg(LOG_ERR, "config: [passwords] cannot be used by libsodium");
		return 1;
	}
	/* Pages sign their CSRF tokens with it; the API has no forms and is not given it. */
	if (sec->pages != NULL && !cfg.have_secret) {
		log_msg(LOG_ERR, "config: [site] secret (64 hex digits) is required");
		return 1;
	}
	if (workers < 0)
		workers = cfg.workers;
	if (mysql_library_init(0, NULL, NULL) != 0) {
		log_msg(LOG_ERR, "MariaDB client library cannot initialise");
		return 1;
	}
	/* Compiled once, before fork: every worker inherits the same compiled sheet. */
	if (sec->pages != NULL && render_init(cfg.xsl_dir, sec->name) != 0)
		goto out;
	if (FCGX_Init() != 0) {
		log_msg(LOG_ERR, "libfcgi cannot initialise");
		goto out;
	}
	fcgi = sock != NULL || !FCGX_IsCGI();
	if (!fcgi) {
		struct arena *a = arena_new(ARENA_LIMIT);

		if (a == NULL)
			goto out;
		sec->serve(sec, a, &(struct io){NULL, cgi_param, cgi_read, cgi_write, NULL});
		fflush(stdout);
		arena_free(a);
		db_disconnect();
		rc = 0;
		goto out;
	}
	if (sock != NULL) {
		mode_t old;

		unlink(sock);
		/* Only our own user (nginx's, in deployment) may talk to the socket. */
		old = umask(0117);
		fd = FCGX_OpenSocket(sock, 128);
		umask(old);
		if (fd < 0) {
			log_msg(LOG_ERR, "cannot listen on %s: %s", sock, strerror(errno));
			goto out;
		}
		if (socket_hand_over(sock) != 0)
			goto out;
	}
	if (pidfile != NULL && write_pidfile(pidfile) != 0) {
		log_msg(LOG_ERR, "cannot write %s: %s", pidfile, strerror(errno));
		goto out;
	}
	/* Socket and pid file open, secrets read, stylesheets compiled: root
	 * (if we had it) is given up here, before any request is read. */
	if (privilege_drop(cfg.run_as) != 0)
		goto out;
	if (workers == 0) {
		in_master = 1;
		listen_fd = fd;
		worker_loop(sec, fd);
		db_disconnect();
		rc = 0;
	} else {
		rc = master(sec, fd, (unsigned)workers);
	}
	if (sock != NULL)
		unlink(sock);
	if (pidfile != NULL)
		unlink(pidfile);
out:
	render_done();
	modules_stop();
	mysql_library_end();
	return rc;
}
