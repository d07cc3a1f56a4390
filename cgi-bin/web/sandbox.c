/* web/sandbox.c: the workers' seccomp filter (see the header). */
#include <errno.h>
#include <sched.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include <seccomp.h>

#include "core/log.h"
#include "web/sandbox.h"

/* <sched.h> names it only with _GNU_SOURCE, which the rest of the code does without. */
#ifndef CLONE_THREAD
#define CLONE_THREAD 0x00010000
#endif

/*
 * What a worker does: read and write its sockets and files, map memory, tell
 * the time, wait, get random bytes, start the threads libcurl's resolver
 * uses, and end: the calls glibc, libmariadb, libxml2, libcurl, cairo,
 * fontconfig and the sanitizers make while serving.  A call not listed
 * fails with EPERM, so one missed here shows as an error in a test, not a
 * crash.
 */
static const int allowed[] = {
	SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(readv), SCMP_SYS(writev), SCMP_SYS(pread64),
	SCMP_SYS(pwrite64), SCMP_SYS(openat), SCMP_SYS(open), SCMP_SYS(close), SCMP_SYS(fstat),
	SCMP_SYS(newfstatat), SCMP_SYS(stat), SCMP_SYS(lstat), SCMP_SYS(statx), SCMP_SYS(lseek),
	SCMP_SYS(access), SCMP_SYS(faccessat), SCMP_SYS(faccessat2), SCMP_SYS(readlink),
	SCMP_SYS(readlinkat), SCMP_SYS(getdents64), SCMP_SYS(getcwd), SCMP_SYS(fcntl),
	SCMP_SYS(dup), SCMP_SYS(dup2), SCMP_SYS(dup3), SCMP_SYS(pipe), SCMP_SYS(pipe2),
	SCMP_SYS(ioctl), SCMP_SYS(fsync), SCMP_SYS(fdatasync), SCMP_SYS(ftruncate),
	SCMP_SYS(fadvise64), SCMP_SYS(mkdir), SCMP_SYS(rename), SCMP_SYS(unlink), SCMP_SYS(umask),
	SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mprotect), SCMP_SYS(mremap), SCMP_SYS(brk),
	SCMP_SYS(madvise), SCMP_SYS(mincore), SCMP_SYS(rt_sigaction), SCMP_SYS(rt_sigprocmask),
	SCMP_SYS(rt_sigreturn), SCMP_SYS(sigaltstack), SCMP_SYS(getpid), SCMP_SYS(gettid),
	SCMP_SYS(getppid), SCMP_SYS(getuid), SCMP_SYS(geteuid), SCMP_SYS(getgid),
	SCMP_SYS(getegid), SCMP_SYS(getrlimit), SCMP_SYS(prlimit64), SCMP_SYS(getrusage),
	SCMP_SYS(uname), SCMP_SYS(sysinfo), SCMP_SYS(clock_gettime), SCMP_SYS(clock_getres),
	SCMP_SYS(gettimeofday), SCMP_SYS(time), SCMP_SYS(nanosleep), SCMP_SYS(clock_nanosleep),
	SCMP_SYS(getrandom), SCMP_SYS(futex), SCMP_SYS(set_robust_list), SCMP_SYS(get_robust_list),
	SCMP_SYS(rseq), SCMP_SYS(sched_yield), SCMP_SYS(sched_getaffinity), SCMP_SYS(membarrier),
	SCMP_SYS(set_tid_address), SCMP_SYS(poll), SCMP_SYS(ppoll), SCMP_SYS(select),
	SCMP_SYS(pselect6), SCMP_SYS(epoll_create1), SCMP_SYS(epoll_ctl), SCMP_SYS(epoll_wait),
	SCMP_SYS(epoll_pwait), SCMP_SYS(eventfd2), SCMP_SYS(connect), SCMP_SYS(accept),
	SCMP_SYS(accept4), SCMP_SYS(sendto), SCMP_SYS(recvfrom), SCMP_SYS(sendmsg),
	SCMP_SYS(recvmsg), SCMP_SYS(sendmmsg), SCMP_SYS(recvmmsg), SCMP_SYS(shutdown),
	SCMP_SYS(getsockname), SCMP_SYS(getpeername), SCMP_SYS(setsockopt), SCMP_SYS(getsockopt),
	SCMP_SYS(bind), SCMP_SYS(socketpair), SCMP_SYS(restart_syscall), SCMP_SYS(exit),
	SCMP_SYS(exit_group), SCMP_SYS(tgkill), SCMP_SYS(prctl), SCMP_SYS(arch_prctl),
	SCMP_SYS(setitimer), SCMP_SYS(alarm), SCMP_SYS(wait4), SCMP_SYS(sched_getparam),
	SCMP_SYS(sched_getscheduler),
};

/* Whatever else is asked for fails; these kill at once (not even glibc calls them). */
static const int fatal[] = {
	SCMP_SYS(execve), SCMP_SYS(execveat), SCMP_SYS(fork), SCMP_SYS(vfork), SCMP_SYS(ptrace),
	SCMP_SYS(process_vm_readv), SCMP_SYS(process_vm_writev), SCMP_SYS(setuid),
	SCMP_SYS(setgid), SCMP_SYS(setreuid), SCMP_SYS(setregid), SCMP_SYS(setresuid),
	SCMP_SYS(setresgid), SCMP_SYS(setgroups), SCMP_SYS(mount), SCMP_SYS(umount2),
	SCMP_SYS(chroot), SCMP_SYS(pivot_root), SCMP_SYS(unshare), SCMP_SYS(setns),
	SCMP_SYS(bpf), SCMP_SYS(init_module), SCMP_SYS(finit_module), SCMP_SYS(kexec_load),
	SCMP_SYS(reboot), SCMP_SYS(kill),
};

int sandbox_confine(void)
{
	scmp_filter_ctx f = seccomp_init(SCMP_ACT_ERRNO(EPERM));
	size_t i;
	int rc = -1;

	if (f == NULL) {
		log_msg(LOG_ERR, "seccomp: cannot make a filter");
		return -1;
	}
	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		if (seccomp_rule_add(f, SCMP_ACT_ALLOW, allowed[i], 0) != 0)
			goto out;
	for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		if (seccomp_rule_add(f, SCMP_ACT_KILL_PROCESS, fatal[i], 0) != 0)
			goto out;
	/* Sockets of the kinds a worker uses: the database and nginx (Unix, or
	 * TCP to a database elsewhere), the provider (TCP), the resolver's
	 * interface list (netlink). */
	if (seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(socket), 1,
			     SCMP_A0(SCMP_CMP_EQ, AF_UNIX)) != 0 ||
	    seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(socket), 1,
			     SCMP_A0(SCMP_CMP_EQ, AF_INET)) != 0 ||
	    seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(socket), 1,
			     SCMP_A0(SCMP_CMP_EQ, AF_INET6)) != 0 ||
	    seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(socket), 1,
			     SCMP_A0(SCMP_CMP_EQ, AF_NETLINK)) != 0)
		goto out;
	/* Threads, not processes: clone only with CLONE_THREAD; clone3 (whose
	 * flags a filter cannot see) answers ENOSYS, and glibc then uses clone. */
	if (seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
			     SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD)) != 0 ||
	    seccomp_rule_add(f, SCMP_ACT_KILL_PROCESS, SCMP_SYS(clone), 1,
			     SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0)) != 0 ||
	    seccomp_rule_add(f, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) != 0)
		goto out;
	if (seccomp_load(f) != 0)
		goto out;
	rc = 0;
out:
	if (rc != 0)
		log_msg(LOG_ERR, "seccomp: the filter could not be installed");
	seccomp_release(f);
	return rc;
}
