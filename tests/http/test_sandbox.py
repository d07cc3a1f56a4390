"""Privilege separation: the programs never serve as root, and each worker
runs under a seccomp filter that allows what a page needs and kills a
worker that tries to start a program (web/sandbox.c).

The forbidden call is made from outside: gdb attaches to a worker and has it
call execve, as an attacker's code inside it would."""
import functools
import os
import subprocess

import pytest

from conftest import ENV, new_client, BASE, pids, signed_in, wait_until

PROGRAMS = ["login", "home", "accounts", "services", "calculator", "readings", "payments",
            "receipts", "settings", "appeals", "admin", "exchange", "api"]


def status(pid):
    with open("/proc/%d/status" % pid) as f:
        return dict(line.rstrip("\n").split(":\t", 1) for line in f if ":\t" in line)


@pytest.mark.parametrize("program", PROGRAMS)
def test_no_program_serves_as_root_and_every_worker_is_confined(program):
    master, workers = pids(program)
    assert workers, program
    for pid in [master] + workers:
        uids = status(pid)["Uid"].split()
        assert "0" not in uids, (program, pid, uids)  # real, effective, saved, fs
    for pid in workers:
        assert status(pid)["Seccomp"].strip() == "2", (program, pid)  # a filter
    if os.geteuid() == 0:  # started as root, they run as the stack's own user
        with open(os.path.join(ENV, "portal.ini")) as f:
            assert "\nuser = kabinet\n" in f.read()


def gdb_call(pid, expr):
    return subprocess.run(["gdb", "-p", str(pid), "-batch", "-ex", "call " + expr],
                          capture_output=True, text=True, timeout=120)


@functools.lru_cache(maxsize=None)
def gdb_can_call():
    """Whether gdb can make a process call a function on this machine: on some kernels
    and CPUs (AVX-512 state under a hypervisor) it answers "Couldn't write extended state
    status" for any process.  Asked once, of a sleeping process of our own."""
    p = subprocess.Popen(["sleep", "60"])
    try:
        return "= %d" % p.pid in gdb_call(p.pid, "(int)getpid()").stdout
    finally:
        p.kill()
        p.wait()


# Where gdb cannot, tests/unit/test_sandbox.c still checks the filter itself, in a child.
needs_gdb_calls = pytest.mark.skipif("not gdb_can_call()",
                                     reason="gdb cannot call into a process on this machine")


@needs_gdb_calls
def test_execve_kills_the_worker_and_the_master_replaces_it():
    master, workers = pids("home")
    victim = workers[0]
    out = gdb_call(victim, '(int)execve("/bin/true", (char **)0, (char **)0)')
    assert "SIGSYS" in out.stdout + out.stderr, out.stdout + out.stderr
    wait_until(lambda: victim not in pids("home")[1] and len(pids("home")[1]) == len(workers),
               15, "the worker's replacement")
    with open(os.path.join(ENV, "log", "home.log"), errors="replace") as f:
        assert "worker %d killed by signal 31; replacing it" % victim in f.read()
    # The site goes on as before, the new worker confined like the old.
    assert signed_in().get(BASE + "/").status_code == 200
    for pid in pids("home")[1]:
        assert status(pid)["Seccomp"].strip() == "2"


@needs_gdb_calls
def test_a_call_not_on_the_list_fails_without_killing():
    master, workers = pids("login")
    victim = workers[0]
    out = gdb_call(victim, '(int)chdir("/")')  # not a call a page makes: refused
    assert "= -1" in out.stdout, out.stdout + out.stderr
    assert victim in pids("login")[1]
    assert new_client().get(BASE + "/login").status_code == 200


# ------------------------------------------------------------------ scheduled programs

@pytest.mark.skipif(os.geteuid() != 0, reason="only a job started as root gives root up")
def test_a_job_started_as_root_runs_as_the_stacks_user_with_its_files_opened_first(tmp_path):
    """A scheduled program started by a root crontab reads its secrets and opens the
    files named on its command line as root, then becomes [site] user before it
    reads or writes anything else; files in a folder only root may enter still work."""
    from exchange_util import IMPORT, import_env
    private = tmp_path / "root-only"
    private.mkdir(mode=0o700)
    env = import_env()
    # The daily clean-up says whom it became.
    tidy = subprocess.run([os.path.join(os.path.dirname(IMPORT), "tidy")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert tidy.returncode == 0, tidy.stderr
    assert "running as kabinet" in tidy.stderr, tidy.stderr
    # An export into the root-only folder: CSV and a workbook, both complete.
    for fmt, magic in (("csv", b"account,"), ("xlsx", b"PK\x03\x04")):
        out = private / ("readings." + fmt)
        p = subprocess.run([os.path.join(os.path.dirname(IMPORT), "kabinet-export"), "--org",
                            "1", "--what", "readings", "--from", "2026-01-01", "--to",
                            "2026-12-31", "--format", fmt, "--out", str(out)], env=env,
                           capture_output=True, text=True, timeout=300)
        assert p.returncode == 0 and "running as kabinet" in p.stderr, p.stderr
        assert out.read_bytes().startswith(magic) and out.stat().st_size > 100
    # An import of a file only root may read: opened first, then checked as kabinet.
    src = private / "readings.csv"
    src.chmod(0o600)
    p = subprocess.run([IMPORT, "--org", "1", "--kind", "readings", "--dry-run", "--as", "test",
                        str(src)], env=env, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0 and "running as kabinet" in p.stderr, p.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="only a stack started as root chooses nginx's user")
def test_nginx_workers_run_as_the_programs_user_not_root():
    import re
    with open(os.path.join(ENV, "nginx", "portal.conf")) as f:
        user = re.search(r"^user (\S+) ", f.read(), re.M).group(1)
    if user == "root":
        pytest.skip("this checkout is one the programs' user cannot read (tools/stack.sh said so)")
    workers = subprocess.run(["pgrep", "-f", "nginx: worker process"], capture_output=True,
                             text=True).stdout.split()
    # This stack's workers: their master was started with this stack's prefix.
    mine = [int(p) for p in workers
            if ENV in open("/proc/%s/cmdline" % status(int(p))["PPid"].strip()).read()]
    assert mine
    for pid in mine:
        assert "0" not in status(pid)["Uid"].split(), pid
    assert all(oct(os.stat(os.path.join(ENV, "sock", s)).st_mode)[-3:] == "660"
               for s in os.listdir(os.path.join(ENV, "sock")))
