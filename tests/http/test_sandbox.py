"""Privilege separation: the programs never serve as root, and each worker
runs under a seccomp filter that allows what a page needs and kills a
worker that tries to start a program (web/sandbox.c).

The forbidden call is made from outside: gdb attaches to a worker and has it
call execve, as an attacker's code inside it would."""
import os
import subprocess

import pytest

from conftest import ENV, new_client, BASE, pids, signed_in, wait_until

PROGRAMS = ["login", "home", "accounts", "services", "calculator", "readings", "payments",
            "receipts", "settings", "admin", "exchange", "api"]


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


def test_a_call_not_on_the_list_fails_without_killing():
    master, workers = pids("login")
    victim = workers[0]
    out = gdb_call(victim, '(int)chdir("/")')  # not a call a page makes: refused
    assert "= -1" in out.stdout, out.stdout + out.stderr
    assert victim in pids("login")[1]
    assert new_client().get(BASE + "/login").status_code == 200
