/*
 * Unit tests: the worker's seccomp filter (web/sandbox.c), applied to a child
 * of the test, which then makes the calls an attacker's code would.
 * tests/http/test_sandbox.py makes the same calls in a running worker through
 * gdb where gdb can call into a process; this one needs no debugger.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "web/sandbox.h"

/* The child's end: its exit status, or the signal that ended it (as 1000 + the signal). */
static int confined_child(int (*attempt)(void))
{
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		/* _exit, not exit: no atexit handler (LeakSanitizer's) runs under the filter. */
		if (sandbox_confine() != 0)
			_exit(90);
		_exit(attempt());
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFSIGNALED(status) ? 1000 + WTERMSIG(status) : WEXITSTATUS(status);
}

static int start_a_program(void)
{
	char *const argv[] = {(char *)"true", NULL};

	execve("/bin/true", argv, NULL);
	return 91; /* not reached when the filter kills */
}

static int change_directory(void)
{
	return chdir("/") == -1 && errno == EPERM ? 0 : 92;
}

static int read_the_time_and_a_pipe(void)
{
	int fds[2];
	char c = 'x';

	if (getpid() <= 0 || pipe(fds) != 0 || write(fds[1], &c, 1) != 1 ||
	    read(fds[0], &c, 1) != 1)
		return 93;
	return 0;
}

/* Starting a program kills the worker (the master replaces it). */
static void execve_kills(void **state)
{
	(void)state;
	assert_int_equal(confined_child(start_a_program), 1000 + SIGSYS);
}

/* A call not on the list fails with EPERM, and the worker goes on. */
static void an_unlisted_call_fails(void **state)
{
	(void)state;
	assert_int_equal(confined_child(change_directory), 0);
}

/* What a page needs still works under the filter. */
static void what_a_page_needs_works(void **state)
{
	(void)state;
	assert_int_equal(confined_child(read_the_time_and_a_pipe), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(execve_kills),
	        cmocka_unit_test(an_unlisted_call_fails),
	        cmocka_unit_test(what_a_page_needs_works),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
