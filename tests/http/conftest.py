"""Fixtures for the HTTP tests: the running stack started by `make test`.

KABINET_URL points at nginx, KABINET_ENV at the environment directory
(var/test) that holds the database socket, pids and logs.
"""
import hashlib
import os
import re
import subprocess
import time

import lxml.html
import pytest
import requests

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BASE = os.environ.get("KABINET_URL", "http://127.0.0.1:18080")
ENV = os.path.join(ROOT, os.environ.get("KABINET_ENV", "var/test"))
XSLT_BASE = re.sub(r":(\d+)$", lambda m: ":%d" % (int(m.group(1)) + 1), BASE)
RELEASE = os.path.join(ROOT, os.environ.get("KABINET_RELEASE", "build/release"))

DEMO = ("demo", "demo-password", "Иванова Мария Петровна")
DEMO2 = ("demo2", "demo2-password", "Сергеев Алексей Николаевич")
# The demo's staff (tools/stack.sh): login -> (password, TOTP secret).
STAFF = {"admin": ("admin-password", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"),
         "operator": ("operator-password", "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU")}


def sql(query):
    """Run SQL as the database's root over the stack's socket; rows as tuples of str."""
    out = subprocess.run(
        ["mariadb", "--no-defaults", "--socket=" + os.path.join(ENV, "run", "db.sock"),
         "-uroot", "--default-character-set=utf8mb4", "-N", "-B", "kabinet", "-e", query],
        check=True, capture_output=True, text=True, timeout=30).stdout
    return [tuple(line.split("\t")) for line in out.splitlines()]


def sql_script(text):
    """Run an SQL script (DELIMITER and all) as root."""
    subprocess.run(
        ["mariadb", "--no-defaults", "--socket=" + os.path.join(ENV, "run", "db.sock"),
         "-uroot", "--default-character-set=utf8mb4", "kabinet"], input=text, check=True, capture_output=True, text=True, timeout=30)


def stack(*args):
    subprocess.run([os.path.join(ROOT, "tools", "stack.sh"), args[0], ENV] + list(args[1:]),
                   check=True, timeout=120)


def doc(resp):
    return lxml.html.fromstring(resp.content)


def csrf_of(resp):
    tokens = doc(resp).xpath('//input[@name="csrf"]/@value')
    assert tokens, "page has no CSRF token"
    return tokens[0]


def new_client(lang=None):
    s = requests.Session()
    if lang:
        s.cookies.set("lang", lang)
    return s


def login(s, user=DEMO[0], password=DEMO[1], next_=None, follow=False):
    r = s.get(BASE + "/login", allow_redirects=False)
    assert r.status_code == 200, r.status_code
    data = {"csrf": csrf_of(r), "login": user, "password": password}
    if next_ is not None:
        data["next"] = next_
    return s.post(BASE + "/login", data=data, allow_redirects=follow)


def signed_in(user=DEMO[0], password=DEMO[1], lang=None):
    s = new_client(lang)
    r = login(s, user, password)
    assert r.status_code == 303, (r.status_code, r.text[:500])
    return s


def totp(secret, at=None):
    """The TOTP code of secret now (or at a "YYYY-MM-DD HH:MM:SS" UTC), by Debian's oathtool."""
    cmd = ["oathtool", "--totp", "-b", secret]
    if at:
        cmd.append("--now=" + at + " UTC")
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()


def staff_password_step(s, user, password, next_=None):
    r = s.get(BASE + "/admin/login", allow_redirects=False)
    assert r.status_code == 200, r.status_code
    data = {"csrf": csrf_of(r), "login": user, "password": password}
    if next_:
        data["next"] = next_
    return s.post(BASE + "/admin/login", data=data, allow_redirects=False)


def staff_code_step(s, code):
    r = s.get(BASE + "/admin/login/code", allow_redirects=False)
    assert r.status_code == 200, (r.status_code, r.headers.get("location"))
    return s.post(BASE + "/admin/login/code", data={"csrf": csrf_of(r), "code": code},
                  allow_redirects=False)


def staff_signed_in(user="admin", lang=None):
    """A staff member signed in with password and code.  A code is good once per
    30 seconds, so the last step used is forgotten first: tests sign in often."""
    password, secret = STAFF[user]
    sql("UPDATE staff SET totp_last_step = 0 WHERE login = '%s'" % user)
    s = new_client(lang)
    r = staff_password_step(s, user, password)
    assert r.status_code == 303 and r.headers["location"].startswith("/admin/login/code"), \
        (r.status_code, r.headers.get("location"), r.text[:300])
    r = staff_code_step(s, totp(secret))
    assert r.status_code == 303, (r.status_code, r.text[:500])
    return s


def blake2b_hex(token):
    import base64
    raw = base64.urlsafe_b64decode(token + "=")
    return hashlib.blake2b(raw, digest_size=32).hexdigest()


def error_message(resp):
    d = doc(resp)
    msg = d.xpath('//*[@id="error-message" or @id="form-error"]')
    return msg[0].text_content().strip() if msg else None


def cgi(program, env, body=b"", config=None):
    """Run a program as plain CGI: one request from the environment, answer on stdout."""
    e = {"PATH": "/usr/bin:/bin", "PORTAL_CONFIG": config or os.path.join(ENV, "portal.ini"),
         "GATEWAY_INTERFACE": "CGI/1.1", "REMOTE_ADDR": "127.0.0.1",
         "CONTENT_LENGTH": str(len(body))}
    e.update(env)
    p = subprocess.run([os.path.join(RELEASE, program)], env=e, input=body, capture_output=True,
                       timeout=60)
    assert p.returncode == 0, p.stderr
    head, _, payload = p.stdout.partition(b"\r\n\r\n")
    headers = {}
    for line in head.decode().split("\r\n"):
        k, _, v = line.partition(": ")
        headers.setdefault(k.lower(), []).append(v)
    return int(headers["status"][0].split()[0]), headers, payload, p.stderr.decode()


def pids(program):
    """The master's pid and its workers' pids."""
    master = int(open(os.path.join(ENV, "run", program + ".pid")).read())
    kids = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == master:
                    kids.append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    return master, sorted(kids)


def wait_until(pred, seconds=10, what="condition"):
    end = time.time() + seconds
    while time.time() < end:
        if pred():
            return
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


@pytest.fixture(autouse=True)
def fresh_attempts():
    """Lockout counts are per login and address; every test starts from none."""
    sql("DELETE FROM login_attempts")
    sql("DELETE FROM staff_login_attempts")
    sql("DELETE FROM signin_throttles")
    yield


EMU = re.sub(r":(\d+)$", lambda m: ":%d" % (int(m.group(1)) + 2), BASE)


def make_subscriber(login_, password, accounts, email=None, name="Тестов Тест Тестович"):
    """A subscriber linked to accounts (generated ones, so the demo stays as it is)."""
    h = subprocess.run([os.path.join(RELEASE, "kabinet-passwd")], input=password, text=True,
                       capture_output=True, check=True).stdout.strip()
    sql("DELETE FROM subscribers WHERE login = '%s'" % login_)
    sql("INSERT INTO subscribers (login, password_hash, full_name, email) VALUES "
        "('%s', '%s', '%s', %s)" % (login_, h, name, "'%s'" % email if email else "NULL"))
    sid = sql("SELECT id FROM subscribers WHERE login = '%s'" % login_)[0][0]
    for a in accounts:
        sql("INSERT INTO subscriber_accounts (subscriber_id, account_id, linked_at) "
            "VALUES (%s, %d, NOW())" % (sid, a))
    return int(sid)
