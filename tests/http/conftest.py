"""Fixtures for the HTTP tests: the running stack started by `make test`.

KABINET_URL points at nginx, KABINET_ENV at the environment directory
(var/test) that holds the database socket, pids and logs.
"""
import functools
import hashlib
import os
import re
import socket
import subprocess
import threading
import time

import lxml.html
import pymysql
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


_db = threading.local()


def _connection():
    """This thread's root connection over the stack's socket, reconnected if the
    server restarted (test_resilience restarts it)."""
    conn = getattr(_db, "conn", None)
    if conn is not None:
        try:
            conn.ping(reconnect=False)
            return conn
        except pymysql.err.Error:
            conn = None
    # conv={}: every value comes back as the server's text, as the mariadb client
    # prints it (decimals, dates and fractions of seconds unchanged).
    conn = pymysql.connect(unix_socket=os.path.join(ENV, "run", "db.sock"), user="root",
                           database="kabinet", charset="utf8mb4", autocommit=True, conv={},
                           client_flag=pymysql.constants.CLIENT.MULTI_STATEMENTS,
                           read_timeout=30, write_timeout=30)
    _db.conn = conn
    return conn


def _as_client_prints(value):
    # mariadb -N -B: NULL as the word, and tab, newline, backslash and NUL escaped.
    if value is None:
        return "NULL"
    if isinstance(value, bytes):
        value = value.decode("utf-8")
    return (value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
            .replace("\0", "\\0"))


def sql(query):
    """Run SQL as the database's root; rows (of every statement) as tuples of str,
    exactly as `mariadb -N -B -e` prints them.  One connection per thread: a
    client process per statement made the suite spend most of its time starting
    clients.  An error raises CalledProcessError with the client's message."""
    conn = _connection()
    rows = []
    try:
        with conn.cursor() as cur:
            cur.execute(query)
            while True:
                rows.extend(tuple(_as_client_prints(v) for v in row) for row in cur.fetchall())
                if not cur.nextset():
                    break
    except pymysql.err.MySQLError as e:
        code, message = (e.args + ("",))[:2]
        _db.conn = None  # a statement that failed halfway leaves no state behind
        conn.close()
        raise subprocess.CalledProcessError(1, ["sql", query], "",
                                            "ERROR %s: %s" % (code, message)) from None
    return rows


def root_query(socket_path, query, database="kabinet"):
    """One statement as root on another server or database than the stack's (a
    cluster's node, the hosting test's database), on a connection of its own;
    values as pymysql converts them."""
    conn = pymysql.connect(unix_socket=socket_path, user="root", database=database,
                           charset="utf8mb4", autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute(query)
            return cur.fetchall()
    finally:
        conn.close()


def raw_http(port, data, source=None, timeout=10):
    """A request written byte for byte to 127.0.0.1:port (requests would refuse
    some of the bytes), from source's loopback address if given; the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout,
                                  source_address=(source, 0) if source else None) as c:
        c.sendall(data)
        answer = b""
        while True:
            chunk = c.recv(65536)
            if not chunk:
                break
            answer += chunk
    return answer


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


def written_in(text, lang):
    """Whether a message is in lang's script: Cyrillic letters for ru, none for en."""
    return any("а" <= ch <= "я" for ch in text.lower()) == (lang == "ru")


def refused_in_words(resp, status, lang):
    """A rendered error page: status, the page in lang, and its message in lang."""
    assert resp.status_code == status, (resp.status_code, status)
    d = doc(resp)
    assert d.xpath("/html/@lang") == [lang]
    msg = d.xpath("string(//p[starts-with(@id, 'error')])")
    assert msg and written_in(msg, lang), msg


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


def _month_index(day):
    return int(day[:4]) * 12 + int(day[5:7]) - 1


def account_summaries_wrong(where="1"):
    """Accounts whose summary (sql/048) is not their ledger and payments summed
    again here, apart from the triggers' SQL: the latest month, the twelve
    months ending with it, and the three newest succeeded payments.  where
    narrows the accounts (an SQL condition on account_id)."""
    want = {}
    for acc, period, charged, paid in sql(
            "SELECT account_id, period, SUM(accrued + corrections), SUM(paid) FROM ledger "
            "WHERE %s GROUP BY account_id, period" % where):
        want.setdefault(acc, {})[_month_index(period)] = (int(charged), int(paid))
    months = {}
    for acc, per in want.items():
        latest = max(per)
        billed = sum(1 << k for k in range(12) if latest - k in per)
        months[acc] = (latest, billed,
                       [per.get(latest - k, (0, 0))[0] for k in range(12)],
                       [per.get(latest - k, (0, 0))[1] for k in range(12)])
    got = {}
    for row in sql("SELECT account_id, latest_period, billed, %s, %s FROM account_summaries "
                   "WHERE %s" % (", ".join("charged_%d" % k for k in range(12)),
                                 ", ".join("paid_%d" % k for k in range(12)), where)):
        got[row[0]] = (_month_index(row[1]), int(row[2]), [int(v) for v in row[3:15]],
                       [int(v) for v in row[15:27]])
    wrong = sorted(a for a in set(months) | set(got) if months.get(a) != got.get(a))
    pays = {}
    for acc, pid, at, amount, channel in sql(
            "SELECT account_id, id, paid_at, amount, channel FROM payments "
            "WHERE status = 'succeeded' AND %s ORDER BY account_id, paid_at DESC, id DESC" % where):
        if len(pays.setdefault(acc, [])) < 3:
            pays[acc].append((pid, at, amount, channel))
    last = {}
    for row in sql("SELECT account_id, pay1_id, pay1_at, pay1_amount, pay1_channel, pay2_id, "
                   "pay2_at, pay2_amount, pay2_channel, pay3_id, pay3_at, pay3_amount, "
                   "pay3_channel FROM account_last_payments WHERE %s" % where):
        # A row left with none (its payments gone) is the same as no row.
        got_pays = [tuple(row[1 + 4 * i:5 + 4 * i]) for i in range(3) if row[1 + 4 * i] != "NULL"]
        if got_pays:
            last[row[0]] = got_pays
    wrong += sorted(a for a in set(pays) | set(last) if pays.get(a) != last.get(a))
    return wrong


@pytest.fixture(scope="session", autouse=True)
def accounts_before_the_tests():
    """The highest account id before the run's first test: the demo's and
    kabinet-gen's accounts, whose ledger only kabinet writes.  The accounts
    the tests' files bring hold what the billing system says (its openings,
    its payments), which kabinet's own rules need not match; the tests of
    those rules look at these accounts alone, so that they pass in any order."""
    return int(sql("SELECT COALESCE(MAX(id), 0) FROM accounts")[0][0])


@pytest.fixture(scope="session", autouse=True)
def summaries_match_the_ledger_at_the_end():
    """After every test of the run, each program's payments, files, refunds and
    corrections among them, the dashboard's summary (sql/047) is still the
    ledger added up, account by account and month by month."""
    yield
    wrong = sql("SELECT l.account_id, l.period "
                "FROM (SELECT account_id, period, SUM(accrued + corrections) charged, "
                "SUM(paid) paid, COUNT(*) n FROM ledger GROUP BY account_id, period) l "
                "LEFT JOIN account_months m USING (account_id, period) "
                "WHERE NOT (m.charged <=> l.charged AND m.paid <=> l.paid "
                "AND m.ledger_rows <=> l.n) "
                "UNION ALL SELECT m.account_id, m.period FROM account_months m "
                "WHERE NOT EXISTS (SELECT 1 FROM ledger x WHERE x.account_id = m.account_id "
                "AND x.period = m.period) LIMIT 20")
    assert not wrong, "account_months differs from the ledger at %s" % wrong
    wrong = account_summaries_wrong()
    assert not wrong, "account summaries differ from the ledger and payments at %s" % wrong[:20]
    wrong = unread_counts_wrong()
    assert not wrong, "the menu's kept counts differ from the rows at %s" % wrong[:20]


def unread_counts_wrong():
    """Subscribers whose kept counts of appeals changed since seen and of messages not
    read (sql/061) are not the rows counted again, apart from the triggers' SQL."""
    return sql("SELECT s.id, k.appeals, k.inbox, "
               "(SELECT COUNT(*) FROM appeals a WHERE a.subscriber_id = s.id "
               "AND a.updated_at > COALESCE(a.subscriber_seen_at, '1970-01-01')) ap, "
               "(SELECT COUNT(*) FROM inbox i WHERE i.subscriber_id = s.id "
               "AND i.read_at IS NULL AND i.written = 1) ib "
               "FROM subscribers s LEFT JOIN unread_counts k ON k.subscriber_id = s.id "
               "HAVING NOT (k.appeals <=> ap AND k.inbox <=> ib) LIMIT 20")


@pytest.fixture(autouse=True)
def fresh_attempts():
    """Lockout counts are per login and address; every test starts from none."""
    sql("DELETE FROM login_attempts")
    sql("DELETE FROM staff_login_attempts")
    sql("DELETE FROM signin_throttles")
    yield


EMU = re.sub(r":(\d+)$", lambda m: ":%d" % (int(m.group(1)) + 2), BASE)


@functools.lru_cache(maxsize=None)
def password_hash(password):
    """kabinet-passwd's argon2id hash; one per password for the whole run, since
    hashing is made slow on purpose and the salt does not matter to a test."""
    return subprocess.run([os.path.join(RELEASE, "kabinet-passwd"), "--config",
                           os.path.join(ENV, "portal.ini")], input=password, text=True,
                          capture_output=True, check=True).stdout.strip()


def make_subscriber(login_, password, accounts, email=None, name="Тестов Тест Тестович"):
    """A subscriber linked to accounts (generated ones, so the demo stays as it is)."""
    h = password_hash(password)
    sql("DELETE FROM subscribers WHERE login = '%s'" % login_)
    sql("INSERT INTO subscribers (login, password_hash, full_name, email) VALUES "
        "('%s', '%s', '%s', %s)" % (login_, h, name, "'%s'" % email if email else "NULL"))
    sid = sql("SELECT id FROM subscribers WHERE login = '%s'" % login_)[0][0]
    for a in accounts:
        sql("INSERT INTO subscriber_accounts (subscriber_id, account_id, linked_at) "
            "VALUES (%s, %d, NOW())" % (sid, a))
    return int(sid)
