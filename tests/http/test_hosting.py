"""Shared hosting (issue 23): what `make install-hosting` lays out, served by a
real Apache 2.4 (mod_fcgid, then plain CGI) running as an unprivileged user,
with one database account that may not grant, on the test stack's MariaDB
server.  The schema is made by kabinet-migrate through that account; the
journey is the subscriber's: sign in, the dashboard, pay, the receipt's PDF.
"""
import os
import pathlib
import re
import subprocess

import pytest
import requests

from conftest import BASE, ENV, ROOT, csrf_of, doc, raw_http, root_query, wait_until

PORT = int(re.search(r":(\d+)$", BASE).group(1)) + 10
SITE = "http://127.0.0.1:%d" % PORT
EMU = "http://127.0.0.1:%d" % (PORT + 2)
HOSTING = os.path.join(ROOT, "var", "test-hosting")
HOME = os.path.join(HOSTING, "home")
DB = "kabinet_hosting"
BUILD = os.path.relpath(os.environ.get("KABINET_RELEASE", "build/release"), ROOT)


def hosting(*args):
    subprocess.run([os.path.join(ROOT, "tools", "stack.sh"), args[0], HOSTING] + list(args[1:]),
                   check=True, timeout=300, stdout=subprocess.DEVNULL)


def db(query, database=DB):
    return root_query(os.path.join(ENV, "run", "db.sock"), query, database)


@pytest.fixture(scope="module", autouse=True)
def host():
    db("DROP DATABASE IF EXISTS %s" % DB, "kabinet")
    db("DROP USER IF EXISTS 'kb_hosting'@'localhost'", "kabinet")
    subprocess.run(["rm", "-rf", HOSTING], check=True)
    try:
        yield
    finally:
        hosting("hosting-down")
        db("DROP DATABASE IF EXISTS %s" % DB, "kabinet")
        db("DROP USER IF EXISTS 'kb_hosting'@'localhost'", "kabinet")


_running = {"mode": None}


def up(mode):
    """The host in mode, started once (about 4 s) for every test that needs it."""
    if _running["mode"] != mode:
        hosting("hosting-up", str(PORT), BUILD, os.path.relpath(ENV, ROOT), mode)
        _running["mode"] = mode


def signed_in():
    s = requests.Session()
    r = s.get(SITE + "/login", timeout=30)
    assert r.status_code == 200
    r = s.post(SITE + "/login", data={"csrf": csrf_of(r), "login": "demo",
                                      "password": "demo-password"},
               allow_redirects=False, timeout=30)
    assert r.status_code == 303 and r.headers["Location"] == "/", (r.status_code, r.text[:300])
    return s


def test_the_layout_keeps_code_and_secrets_out_of_the_web_root():
    up("fcgid")
    public = os.path.join(HOME, "public_html")
    programs = ("login home accounts services calculator readings payments receipts settings "
                "appeals admin exchange api").split()
    for p in programs:
        w = os.path.join(public, "cgi-bin", p + ".fcgi")
        assert os.access(w, os.X_OK), w
        # A wrapper: the program itself and its configuration are outside the web root.
        assert "../../kabinet/libexec/%s\" --workers 0\n" % p in open(w).read()
    for p in "payjobs receiptjobs deliver remind tidy kabinet-import kabinet-export " \
             "kabinet-migrate kabinet-passwd".split():
        assert os.access(os.path.join(HOME, "kabinet", "bin", p), os.X_OK), p
    for dirpath, _, files in os.walk(public):
        for f in files:
            assert not f.endswith(".ini") and not f.endswith(".sql"), os.path.join(dirpath, f)
            assert not open(os.path.join(dirpath, f), "rb").read().startswith(b"\x7fELF"), f
    secrets = os.path.join(HOME, "kabinet", "secrets.ini")
    assert os.stat(secrets).st_mode & 0o077 == 0
    # Neither the server's files nor the programs' are served by name.
    for path in ("/.htaccess", "/cgi-bin/.htaccess", "/cgi-bin/login.fcgi", "/cgi-bin/",
                 "/cgi-bin/home.fcgi/accounts", "/../kabinet/kabinet.ini"):
        r = requests.get(SITE + path, allow_redirects=False, timeout=30)
        assert r.status_code in (403, 404), (path, r.status_code)
        assert b"[db]" not in r.content and b"#!/bin/sh" not in r.content


def normalized(database):
    """The schema as the server keeps it, line comments in bodies left out (the
    mariadb client drops them; kabinet-migrate keeps them)."""
    def strip(text):
        text = re.sub(r"--[ \t][^\n]*", "", text or "")
        return "\n".join(l.rstrip() for l in text.splitlines() if l.strip())
    out = {}
    for (t,) in db("SELECT table_name FROM information_schema.tables WHERE table_schema = '%s'"
                   % database, database):
        create = db("SHOW CREATE TABLE `%s`" % t, database)[0][1]
        out["table " + t] = re.sub(r" AUTO_INCREMENT=\d+", "", create)
    for name, body, event, timing, table in db(
            "SELECT trigger_name, action_statement, event_manipulation, action_timing, "
            "event_object_table FROM information_schema.triggers WHERE trigger_schema = '%s'"
            % database, database):
        out["trigger " + name] = (strip(body), event, timing, table)
    for name, body, kind in db(
            "SELECT routine_name, routine_definition, routine_type FROM "
            "information_schema.routines WHERE routine_schema = '%s'" % database, database):
        out["routine " + name] = (strip(body), kind)
    return out


def test_kabinet_migrate_makes_the_schema_the_mariadb_client_makes():
    up("fcgid")
    made, reference = normalized(DB), normalized("kabinet")
    assert len(made) > 100
    assert sorted(made) == sorted(reference)
    for k in reference:
        assert made[k] == reference[k], k
    applied = [r[0] for r in db("SELECT version FROM schema_migrations WHERE version LIKE '0%'")]
    assert applied == sorted(f for f in os.listdir(os.path.join(ROOT, "sql"))
                             if re.match(r"\d+-.*\.sql$", f))


def migrate(*args, sql_dir=None):
    cmd = [os.path.join(HOME, "kabinet", "bin", "kabinet-migrate")] + list(args)
    if sql_dir is not None:
        cmd = [os.path.join(HOME, "kabinet", "libexec", "kabinet-migrate"), "--dir", sql_dir]
    env = dict(os.environ, PORTAL_CONFIG=os.path.join(HOME, "kabinet", "kabinet.ini"))
    if os.geteuid() == 0:  # as the host's user, who owns the secrets file
        cmd = ["setpriv", "--reuid=kabinet", "--regid=kabinet", "--clear-groups"] + cmd
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)


def test_kabinet_migrate_applies_what_is_missing_and_stops_at_an_error():
    up("fcgid")
    r = migrate("--check")
    assert r.returncode == 0 and "0 of" in r.stdout, r.stdout + r.stderr
    # Where the host's user can read (pytest's own temporary directories are root's alone).
    d = pathlib.Path(HOSTING) / "probe-sql"
    subprocess.run(["rm", "-rf", str(d)], check=True)
    d.mkdir()
    os.chmod(d, 0o755)
    (d / "900-good.sql").write_text(
        "-- a comment; with a semicolon\nCREATE TABLE hosting_probe (a INT);\n"
        "DELIMITER //\nCREATE TRIGGER hosting_probe_bi BEFORE INSERT ON hosting_probe "
        "FOR EACH ROW BEGIN\n  SET NEW.a = NEW.a + 1;\nEND//\nDELIMITER ;\n"
        "INSERT INTO hosting_probe VALUES (1);\nINSERT INTO hosting_probe SELECT LENGTH('a;b');\n")
    (d / "901-bad.sql").write_text("INSERT INTO hosting_probe VALUES (10);\n\n"
                                   "INSERT INTO no_such_table VALUES (1);\n")
    (d / "902-never.sql").write_text("INSERT INTO hosting_probe VALUES (100);\n")
    for f in d.iterdir():
        os.chmod(f, 0o644)
    try:
        r = migrate(sql_dir=str(d))
        assert r.returncode == 1
        assert "applying 900-good.sql" in r.stdout and "902" not in r.stdout
        # The file, the statement's line and the server's error.
        assert "901-bad.sql:3: 1146 " in r.stderr, r.stderr
        assert [x[0] for x in db("SELECT a FROM hosting_probe ORDER BY a")] == [2, 4, 11]
        versions = [x[0] for x in db("SELECT version FROM schema_migrations "
                                     "WHERE version LIKE '90%'")]
        assert versions == ["900-good.sql"]
        # Mended, it goes on from the file that failed.
        (d / "901-bad.sql").write_text("DELETE FROM hosting_probe WHERE a = 11;\n")
        r = migrate(sql_dir=str(d))
        assert r.returncode == 0 and "2 applied" in r.stdout, r.stdout + r.stderr
        assert [x[0] for x in db("SELECT a FROM hosting_probe ORDER BY a")] == [2, 4, 101]
        # An unclosed quote is said, with its line, before anything of the file runs.
        (d / "903-open.sql").write_text("SELECT 1;\nSELECT 'open;\n")
        r = migrate(sql_dir=str(d))
        assert r.returncode == 1 and "903-open.sql:2: a quote" in r.stderr, r.stderr
    finally:
        db("DROP TABLE IF EXISTS hosting_probe")
        db("DELETE FROM schema_migrations WHERE version LIKE '90%'")


def raw_post(path, source):
    """A POST to the site from another loopback address: its status."""
    return int(raw_http(PORT, ("POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                               "application/json\r\nContent-Length: 2\r\nConnection: close"
                               "\r\n\r\n{}" % path).encode(), source, timeout=30).split()[1])


def test_the_webhook_answers_only_the_providers_addresses():
    up("fcgid")
    # 127.0.0.1 is this installation's (WEBHOOK_ALLOW): the program answers (and refuses
    # the empty notification); from anywhere else Apache refuses it first.
    assert raw_post("/payments/webhook", "127.0.0.1") == 400
    assert raw_post("/payments/webhook", "127.0.0.2") == 403
    # The pages are everyone's: the program answers (a form must be a form).
    assert raw_post("/login", "127.0.0.2") == 415


@pytest.mark.parametrize("mode", ["fcgid", "cgi"])
def test_sign_in_dashboard_pay_and_receipt_through_apache(mode):
    up(mode)
    s = signed_in()
    home = s.get(SITE + "/", timeout=30)
    assert home.status_code == 200
    assert "Иванова Мария Петровна" in home.text
    for name in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options",
                 "Referrer-Policy"):
        assert name in home.headers, name
    x = doc(s.get(SITE + "/?format=xml", timeout=30))
    assert x.xpath("//account")

    # Pay: the form, the provider's page, the webhook through Apache, credited once.
    r = s.get(SITE + "/payments/pay", timeout=30)
    assert r.status_code == 200
    d = doc(r)
    field = [n for n in d.xpath('//form//input/@name') if re.match(r"a\d+$", n)][0]
    key = d.xpath('//input[@name="key"]/@value')[0]
    r = s.post(SITE + "/payments/pay", data={field: "123.45", "csrf": csrf_of(r), "key": key,
                                             "action": "pay"},
               allow_redirects=False, timeout=30)
    assert r.status_code == 303 and r.headers["Location"].startswith(EMU + "/checkout/"), \
        (r.status_code, r.text[:300])
    (oid,) = db("SELECT id FROM online_payments WHERE idem_key = '%s'" % key)[0]
    back = requests.post(r.headers["Location"], data={"card": "5555555555554444",
                                                      "expiry": "12/30", "cvc": "123",
                                                      "do": "pay"},
                         allow_redirects=False, timeout=30)
    assert back.headers["Location"] == SITE + "/payments/result?id=%d" % oid
    wait_until(lambda: db("SELECT status FROM online_payments WHERE id = %d" % oid)[0][0]
               == "succeeded", 30, "the webhook through Apache")
    # One payment, its lines (split over the services) the amount paid.
    assert db("SELECT COUNT(DISTINCT p.id), SUM(pl.amount) FROM payments p JOIN payment_lines "
              "pl ON pl.payment_id = p.id WHERE p.online_id = %d" % oid)[0] == (1, 12345)
    r = s.get(back.headers["Location"], timeout=30)
    assert r.status_code == 200 and doc(r).xpath('//*[@id="result-succeeded"]')

    # The receipt, print-ready.
    r = s.get(SITE + "/receipts", timeout=30)
    assert r.status_code == 200
    pdf = doc(r).xpath('//a[contains(@href, "/receipts/pdf")]/@href')
    assert pdf, "no receipt to download"
    r = s.get(SITE + pdf[0], timeout=60)
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/pdf"
    assert r.content.startswith(b"%PDF-")

    # Signed out, the pages send to sign-in; an unknown path is the site's own 404.
    r = requests.get(SITE + "/accounts", allow_redirects=False, timeout=30)
    assert r.status_code == 303 and r.headers["Location"].startswith("/login")
    r = requests.get(SITE + "/no/such/page", timeout=30)
    assert r.status_code == 404 and "<html" in r.text
