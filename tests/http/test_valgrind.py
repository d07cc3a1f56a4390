"""valgrind: hundreds of requests through one worker of the release build, no leaks.

The program serves in its own process (--workers 0) on a private socket and
is driven directly over FastCGI; SIGTERM makes it finish and free everything,
so that anything valgrind still finds lost was lost while serving.
"""
import os
import re
import signal
import subprocess
import urllib.parse

import pytest

from conftest import BASE, ENV, RELEASE, ROOT, csrf_of, signed_in, wait_until
from fcgi import request

pytestmark = pytest.mark.skipif(not os.path.exists(os.path.join(RELEASE, "home")),
                                reason="release build missing")


def run_under_valgrind(program, drive):
    sock = os.path.join(ENV, "sock", "vg-%s.sock" % program)
    log = os.path.join(ENV, "log", "valgrind-%s.log" % program)
    env = dict(os.environ, PORTAL_CONFIG=os.path.join(ENV, "portal.ini"))
    if os.path.exists(sock):
        os.unlink(sock)  # left by an earlier run that was killed
    p = subprocess.Popen(
        ["valgrind", "--quiet", "--leak-check=full", "--show-leak-kinds=definite,indirect",
         "--errors-for-leak-kinds=definite,indirect", "--error-exitcode=99",
         "--suppressions=" + os.path.join(ROOT, "tests", "valgrind.supp"),
         "--log-file=" + log, os.path.join(RELEASE, program), "--socket", sock, "--workers", "0"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until(lambda: os.path.exists(sock), 60, "the program under valgrind")
        served = drive(sock)
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            code = p.wait(timeout=120)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            raise AssertionError("the program did not stop on SIGTERM")
    report = open(log).read()
    assert code == 0, "valgrind reported errors:\n" + report[-4000:]
    assert not re.search(r"definitely lost: [1-9]", report), report[-4000:]
    assert not re.search(r"indirectly lost: [1-9]", report), report[-4000:]
    return served


def params(path, method="GET", query="", cookie="", body=b"", ctype=""):
    return {
        "REQUEST_METHOD": method, "DOCUMENT_URI": path, "REQUEST_URI": path,
        "QUERY_STRING": query, "HTTP_COOKIE": cookie, "CONTENT_TYPE": ctype,
        "REMOTE_ADDR": "127.0.0.1", "HTTP_HOST": "127.0.0.1", "HTTP_ACCEPT_LANGUAGE": "en",
    }


FORM = "application/x-www-form-urlencoded"


def post_form(sock, path, fields, cookie=""):
    """POST fields as an urlencoded form; (status, headers, body)."""
    body = urllib.parse.urlencode(fields).encode()
    return request(sock, params(path, "POST", cookie=cookie, ctype=FORM), body)


def test_home_serves_300_requests_without_leaking():
    s = signed_in()
    cookie = "sid=" + s.cookies.get("sid")

    def drive(sock):
        n = 0
        for i in range(300):
            kind = i % 6
            if kind == 0:
                st, _, body = request(sock, params("/", cookie=cookie))
                assert st == 200 and "Иванова".encode() in body
            elif kind == 1:
                st, _, _ = request(sock, params("/", query="format=xml", cookie=cookie))
                assert st == 200
            elif kind == 2:
                st, _, _ = request(sock, params("/nope%d" % i, cookie=cookie))
                assert st == 404
            elif kind == 3:
                st, _, _ = request(sock, params("/", cookie="sid=" + "A" * 43))
                assert st == 303
            elif kind == 4:
                st, _, _ = request(sock, params("/", method="POST", cookie=cookie,
                                                body=b"a=1", ctype="text/plain"), b"a=1")
                assert st == 405
            else:
                st, _, _ = request(sock, params("/", query="x=%ZZ&" + "y=1&" * 10))
                assert st == 400
            n += 1
        return n

    assert run_under_valgrind("home", drive) == 300


def test_login_serves_requests_without_leaking():
    s = signed_in()
    token = csrf_of(s.get(BASE + "/"))
    cookie = "sid=" + s.cookies.get("sid")

    def drive(sock):
        n = 0
        for i in range(200):
            kind = i % 5
            if kind == 0:
                st, _, _ = request(sock, params("/login", query="next=/x%3Fa"))
                assert st == 200
            elif kind == 1:  # no token: refused before any password work
                body = b"login=demo&password=x"
                st, _, _ = request(sock, params("/login", "POST", ctype=FORM), body)
                assert st == 403
            elif kind == 2:
                st, _, _ = request(sock, params("/lang", query="to=en&next=/login"))
                assert st == 303
            elif kind == 3:
                body = ("a=" + "x" * 70000).encode()
                st, _, _ = request(sock, params("/login", "POST", ctype=FORM), body)
                assert st == 413
            else:
                st, _, _ = request(sock, params("/logout", cookie=cookie))
                assert st == 405
            n += 1
        # Signing in and out for real, a few times (argon2id is slow under valgrind).
        for _ in range(2):
            st, _, _ = post_form(sock, "/login", {"csrf": token, "login": "demo",
                                                  "password": "wrong"}, cookie)
            assert st == 422
            n += 1
        return n

    assert run_under_valgrind("login", drive) == 202


def test_accounts_and_services_serve_requests_without_leaking():
    s = signed_in()
    token = csrf_of(s.get(BASE + "/accounts"))
    cookie = "sid=" + s.cookies.get("sid")

    def accounts(sock):
        n = 0
        for i in range(120):
            kind = i % 6
            if kind == 0:
                st, _, body = request(sock, params("/accounts", cookie=cookie))
                assert st == 200 and b"1000456701" in body
            elif kind == 1:
                st, _, _ = request(sock, params("/accounts/info", query="id=%d" % (i % 5),
                                                cookie=cookie))
                assert st in (200, 404)
            elif kind == 2:
                st, _, _ = request(sock, params("/accounts/add", cookie=cookie))
                assert st == 200
            elif kind == 3:  # a refused form: every field bad
                st, _, _ = post_form(sock, "/accounts/add", {
                    "csrf": token, "org": "x", "number": "1/2", "month": "13", "year": "1",
                    "amount": "-1"}, cookie)
                assert st == 400
            elif kind == 4:
                st, _, _ = post_form(sock, "/accounts/remove",
                                     {"csrf": token, "id": "2", "answer": "no"}, cookie)
                assert st == 303
            else:
                st, _, _ = post_form(sock, "/accounts/current", {"csrf": token, "id": "1"}, cookie)
                assert st == 303
            n += 1
        return n

    def services(sock):
        n = 0
        for i in range(120):
            kind = i % 5
            if kind == 0:
                st, _, _ = request(sock, params("/services", cookie=cookie))
                assert st == 200
            elif kind == 1:
                st, _, _ = request(sock, params("/services", query="service=1&format=xml",
                                                cookie=cookie))
                assert st == 200
            elif kind == 2:
                # The page, and the same statement as each kind of download.
                fmt = ("", "&format=csv", "&format=xlsx", "&format=pdf")[(i // 5) % 4]
                st, _, _ = request(sock, params("/services/statement", query="service=1" + fmt,
                                                cookie=cookie))
                assert st == 200
            elif kind == 3:
                # A bad period; the reconciliation act and the act of services rendered,
                # as pages and as PDFs.
                st, _, _ = request(sock, params("/services", query="from=2026-05&to=2026-01",
                                                cookie=cookie))
                assert st == 422
                fmt = ("", "format=pdf")[(i // 5) % 2]
                for page in ("/services/reconciliation", "/services/rendered"):
                    st, _, _ = request(sock, params(page, query=fmt, cookie=cookie))
                    assert st == 200
            else:
                st, _, _ = request(sock, params("/services/statement", query="service=6",
                                                cookie=cookie))
                assert st == 404
                # The usage statement as a page, each download and a bad kind; the events.
                q, want = (("", 200), ("format=csv", 200), ("kind=call&format=xlsx", 200),
                           ("kind=fax", 400))[(i // 5) % 4]
                st, _, _ = request(sock, params("/usage", query=q, cookie=cookie))
                assert st == want, (q, st)
                st, _, _ = request(sock, params("/events", cookie=cookie))
                assert st == 200
            n += 1
        return n

    assert run_under_valgrind("accounts", accounts) == 120
    assert run_under_valgrind("services", services) == 120


def test_calculator_serves_requests_without_leaking():
    from conftest import new_client
    s = new_client()
    token = csrf_of(s.get(BASE + "/calculator"))
    cookie = "; ".join("%s=%s" % (k, v) for k, v in s.cookies.items())
    good = {"csrf": token, "org": "1", "plan": "3", "residents": "3", "household": "gas",
            "from": "2026-06-16", "to": "2026-07-17", "prev1": "1000", "curr1": "1120",
            "prev2": "500", "curr2": "580", "prev3": "200", "curr3": "300"}

    def drive(sock):
        n = 0
        for i in range(120):
            kind = i % 4
            if kind == 0:
                st, _, _ = request(sock, params("/calculator", query="org=%d" % (i % 3),
                                                cookie=cookie))
                assert st in (200, 404)
            elif kind == 1:
                st, _, body_out = post_form(sock, "/calculator", good, cookie)
                assert st == 200 and b"calc-total" in body_out
            elif kind == 2:
                bad = dict(good, curr1="5", residents="0", to="2099-01-01")
                st, _, _ = post_form(sock, "/calculator", bad, cookie)
                assert st == 400
            else:
                late = dict(good, **{"from": "2020-01-01", "to": "2020-02-01"})
                st, _, _ = post_form(sock, "/calculator", late, cookie)
                assert st == 422
            n += 1
        return n

    assert run_under_valgrind("calculator", drive) == 120


def test_readings_serve_requests_without_leaking():
    s = signed_in()
    token = csrf_of(s.get(BASE + "/readings"))
    cookie = "sid=" + s.cookies.get("sid")

    def drive(sock):
        n = 0
        for i in range(90):
            kind = i % 3
            if kind == 0:
                st, _, _ = request(sock, params("/readings", cookie=cookie))
                assert st == 200
            elif kind == 1:
                st, _, _ = post_form(sock, "/readings", {
                    "csrf": token, "action": "preview", "m1z1": "99999999", "m1z2": "x",
                    "m1z3": "", "m2z1": "1.5", "m3z1": "120", "m3r": "1"}, cookie)
                assert st in (200, 400)
            else:
                fmt = ("", "&format=csv", "&format=xlsx")[(i // 3) % 3]
                st, _, _ = request(sock, params("/readings/history",
                                                query="meter=%d%s" % (i % 5, fmt), cookie=cookie))
                assert st in (200, 404)
            n += 1
        return n

    assert run_under_valgrind("readings", drive) == 90


def test_payments_serve_requests_without_leaking():
    import json
    import secrets
    import requests
    from conftest import EMU, make_subscriber, sql
    make_subscriber("vgpayer", "vgpayer-password", [1003])
    s = signed_in("vgpayer", "vgpayer-password")
    token = csrf_of(s.get(BASE + "/payments"))
    cookie = "sid=" + s.cookies.get("sid")
    hook = {"type": "notification", "event": "payment.succeeded", "object": {"id": ""}}

    def drive(sock):
        n = 0
        for i in range(60):
            kind = i % 6
            if kind == 0:
                # Every order, filtered now and then, as the page and as each download.
                fmt = ("", "&format=csv", "&format=xlsx")[(i // 6) % 3]
                how = ("&sort=largest&channel=card", "&sort=oldest&service=1", "&sort=smallest",
                       "")[(i // 6) % 4]
                st, _, _ = request(sock, params("/payments", query="all=1&from=2025-01" + fmt + how,
                                                cookie=cookie))
                assert st == 200
            elif kind == 1:
                st, _, _ = request(sock, params("/payments/pay", cookie=cookie))
                assert st == 200
            elif kind == 2:
                st, _, _ = post_form(sock, "/payments/pay", {
                    "csrf": token, "action": "preview", "key": "k" * 43,
                    "a1003": "10,5" if i % 4 else "x"}, cookie)
                assert st in (200, 422)
            elif kind == 3:
                # A payment at the provider (libcurl, jansson), then its return page.
                key = secrets.token_urlsafe(32)
                st, hdr, _ = post_form(sock, "/payments/pay", {
                    "csrf": token, "action": "pay", "key": key, "a1003": "1.01", "save": "1"},
                    cookie)
                assert st == 303 and hdr["location"].startswith(EMU), (st, hdr)
                requests.post(hdr["location"], data={"card": "5555555555554444", "expiry": "12/30",
                                                     "cvc": "123", "do": "pay"},
                              allow_redirects=False, timeout=10)
                oid = sql("SELECT id FROM online_payments WHERE idem_key = '%s'" % key)[0][0]
                st, _, _ = request(sock, params("/payments/result", query="id=" + oid,
                                                cookie=cookie))
                assert st == 200
                hook["object"]["id"] = sql("SELECT provider_id FROM online_payments WHERE id = %s"
                                           % oid)[0][0]
            elif kind == 4:
                st, _, _ = request(sock, params("/payments/webhook", "POST",
                                                ctype="application/json"),
                                   json.dumps(hook).encode() if i % 12 < 6 else b"{x")
                assert st in (200, 400)
            else:
                st, _, _ = request(sock, params("/payments/autopay", cookie=cookie))
                assert st == 200
            n += 1
        return n

    assert run_under_valgrind("payments", drive) == 60


def test_receipts_serve_pages_and_pdfs_without_leaking():
    import datetime
    d = datetime.date.today().replace(day=1) - datetime.timedelta(days=1)
    month = d.strftime("%Y-%m")
    s = signed_in()
    token = csrf_of(s.get(BASE + "/receipts"))
    cookie = "sid=" + s.cookies.get("sid")

    def drive(sock):
        n = 0
        for i in range(48):
            kind = i % 8
            if kind == 0:
                st, _, _ = request(sock, params("/receipts", query="from=2025-01", cookie=cookie))
                assert st == 200
            elif kind == 1:
                st, _, body = request(sock, params("/receipts/view", query="month=" + month,
                                                   cookie=cookie))
                assert st == 200 and b"<svg" in body
            elif kind == 2:
                st, hdr, body = request(sock, params("/receipts/pdf", query="month=" + month,
                                                     cookie=cookie))
                assert st == 200 and body.startswith(b"%PDF-")
            elif kind == 3:
                st, _, _ = request(sock, params("/receipts/print", query="month=" + month,
                                                cookie=cookie))
                assert st == 200
            elif kind == 4:
                st, _, _ = request(sock, params("/receipts/pdf", query="month=2026-13",
                                                cookie=cookie))
                assert st == 400
            elif kind == 5:
                st, _, _ = request(sock, params("/receipts/view",
                                                query="month=%s&account=3" % month, cookie=cookie))
                assert st == 404
            elif kind == 6:
                st, _, _ = post_form(sock, "/receipts/email",
                                     {"csrf": token, "email": str(i % 2)}, cookie)
                assert st == 303
            else:
                st, _, _ = request(sock, params("/receipts/pdf", query="month=%s&format=xml"
                                                % month, cookie=cookie))
                assert st == 200
            n += 1
        return n

    try:
        assert run_under_valgrind("receipts", drive) == 48
    finally:
        body = urllib.parse.urlencode({"csrf": token, "email": "0"})
        s.post(BASE + "/receipts/email", data=body, headers={"Content-Type": FORM})


def test_settings_serve_forms_without_leaking():
    s = signed_in()
    token = csrf_of(s.get(BASE + "/settings"))
    cookie = "sid=" + s.cookies.get("sid")

    def drive(sock):
        def post(path, data):
            return post_form(sock, path, dict(data, csrf=token), cookie)[0]

        n = 0
        for i in range(60):
            kind = i % 6
            if kind == 0:
                st, _, body = request(sock, params("/settings", cookie=cookie))
                assert st == 200 and b"notifications-form" in body
            elif kind == 1:
                assert post("/settings/profile", {"full_name": "", "mobile": "x"}) == 400
            elif kind == 2:
                assert post("/settings/notifications", {"email_payment": "1",
                                                        "email_autopay": "1"}) == 303
            elif kind == 3:
                st, _, _ = request(sock, params("/settings/sessions", cookie=cookie))
                assert st == 200
            elif kind == 4:
                assert post("/settings/email", {"email": "not an address"}) == 400
            else:
                st, _, _ = request(sock, params("/settings/password", cookie=cookie))
                assert st == 200
            n += 1
        # The password checks for real, twice (argon2id is slow under valgrind).
        for _ in range(2):
            assert post("/settings/password", {"current_password": "wrong",
                                               "new_password": "a long new password",
                                               "confirm_password": "a long new password"}) == 422
            n += 1
        return n

    assert run_under_valgrind("settings", drive) == 62


def test_registration_and_recovery_serve_without_leaking():
    from conftest import new_client, sql
    c = new_client()
    token = csrf_of(c.get(BASE + "/register"))
    cookie = "pre=" + c.cookies.get("pre")

    def drive(sock):
        n = 0
        for i in range(40):
            kind = i % 5
            if kind == 0:
                st, _, body = request(sock, params("/register", cookie=cookie))
                assert st == 200 and b"register-form" in body
            elif kind == 1:
                st, _, _ = post_form(sock, "/register", {"csrf": token, "org": "1", "number": "",
                                                         "email": "x", "phone": "1"}, cookie)
                assert st == 400
            elif kind == 2:
                st, _, _ = request(sock, params("/email/confirm", query="token=" + "A" * 43))
                assert st == 410
            elif kind == 3:
                st, _, _ = request(sock, params("/recover/code", query="h=" + "A" * 42 + "E"))
                assert st == 200
            else:
                st, hdr, _ = post_form(sock, "/recover", {"csrf": token, "who": "nobody-%d" % i,
                                                          "method": "sms"}, cookie)
                assert st == 303
            n += 1
        return n

    try:
        assert run_under_valgrind("login", drive) == 40
    finally:
        sql("DELETE FROM form_attempts")


def test_admin_serves_the_console_without_leaking():
    """The console's pages, its TOTP sign-in (liboath), a search, the audit CSV and a
    refused form, through one worker under valgrind."""
    from conftest import STAFF, new_client, sql, totp

    def drive(sock):
        n = 0
        # Signing in through this worker: password, then a code.
        sql("UPDATE staff SET totp_last_step = 0 WHERE login = 'admin'")
        pre = new_client()
        r = pre.get(BASE + "/admin/login")
        token = csrf_of(r)
        cookie = "pre=" + pre.cookies.get("pre")
        st, headers, _ = post_form(sock, "/admin/login", {
            "csrf": token, "login": "admin", "password": STAFF["admin"][0]}, cookie)
        assert st == 303, st
        staff = re.search(r"staff=([A-Za-z0-9_-]{43})", str(headers)).group(1)
        cookie = "staff=" + staff
        st, _, body = request(sock, params("/admin/login/code", cookie=cookie))
        token = re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()
        st, headers, _ = post_form(sock, "/admin/login/code",
                                   {"csrf": token, "code": totp(STAFF["admin"][1])}, cookie)
        assert st == 303, st
        cookie = "staff=" + re.search(r"staff=([A-Za-z0-9_-]{43})", str(headers)).group(1)
        n += 4
        st, _, body = request(sock, params("/admin", cookie=cookie))
        token = re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()
        pages = [("/admin", ""), ("/admin/subscribers", "by=login&q=demo"),
                 ("/admin/subscriber", "id=1"), ("/admin/requests", ""), ("/admin/news", ""),
                 ("/admin/organization", ""), ("/admin/staff", ""), ("/admin/audit", ""),
                 ("/admin/audit", "format=csv"), ("/admin/readings", ""),
                 ("/admin/payments", "by=account&q=1000456701")]
        for i in range(44):
            path, query = pages[i % len(pages)]
            st, _, _ = request(sock, params(path, query=query, cookie=cookie))
            assert st == 200, (path, st)
            n += 1
        for _ in range(4):
            st, _, _ = post_form(sock, "/admin/news/new", {"csrf": token, "org": "1",
                                                           "title_ru": "", "body_ru": "x"},
                                 cookie)
            assert st == 400
            n += 1
        return n

    assert run_under_valgrind("admin", drive) == 52


def test_exchange_serves_uploads_reports_and_exports_without_leaking():
    """The console's Exchange: an upload read as it arrives (multipart), the import
    page, its report as CSV and XLSX, a streamed export and an XLSX export."""
    from conftest import staff_signed_in

    s = staff_signed_in("admin")
    cookie = "staff=" + s.cookies.get("staff")
    token = csrf_of(s.get(BASE + "/admin/exchange"))
    imp = None

    def drive(sock):
        nonlocal imp
        n = 0
        boundary = "----vgboundary"
        text = "account,service,period,opening,charge,closing\n1,electricity,2026-13,x,1,1\n"
        body = ("--%s\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n"
                "--%s\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\ncharges\r\n"
                "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.csv\"\r\n"
                "Content-Type: text/csv\r\n\r\n%s\r\n--%s--\r\n"
                % (boundary, token, boundary, boundary, text, boundary)).encode()
        for _ in range(3):
            st, headers, _ = request(sock, params(
                "/admin/exchange/upload", "POST", query="org=1", cookie=cookie,
                ctype="multipart/form-data; boundary=" + boundary), body)
            assert st == 303, st
            imp = re.search(r"id=(\d+)", str(headers)).group(1)
            n += 1
        wait_until(lambda: sql_status(imp) == "refused", 30, "the check")
        pages = [("/admin/exchange", ""), ("/admin/exchange/import", "id=" + imp),
                 ("/admin/exchange/report", "id=%s&format=csv" % imp),
                 ("/admin/exchange/report", "id=%s&format=xlsx" % imp),
                 ("/admin/exchange/export", "org=1"),
                 ("/admin/exchange/export",
                  "org=1&what=readings&from=2026-01-01&to=2026-12-31&format=csv"),
                 ("/admin/exchange/export",
                  "org=1&what=payments&from=2026-01-01&to=2026-12-31&format=xlsx"),
                 ("/admin/exchange/keys", "org=1")]
        for i in range(24):
            path, query = pages[i % len(pages)]
            st, _, _ = request(sock, params(path, query=query, cookie=cookie))
            assert st == 200, (path, query, st)
            n += 1
        return n

    assert run_under_valgrind("exchange", drive) == 27


def sql_status(imp):
    from conftest import sql
    return sql("SELECT status FROM imports WHERE id = %s" % imp)[0][0]


def test_api_serves_feeds_and_pushes_without_leaking():
    import json

    def drive(sock):
        n = 0
        auth = {"HTTP_AUTHORIZATION": "Bearer demo-exchange-key"}
        for i in range(20):
            p = dict(params("/api/v1/readings" if i % 2 else "/api/v1/payments",
                            query="limit=50"), **auth)
            st, _, body = request(sock, p)
            assert st == 200 and json.loads(body)["items"]
            n += 1
        rows = {"rows": [{"number": "VG%08d" % i, "street": "x", "house": "1", "area": "1",
                          "residents": "1", "payer_name": "Вэ Гэ"} for i in range(5)]}
        bad = {"rows": [{"account": "x", "service": "y", "period": "2026-13", "opening": 0,
                         "charge": 1, "closing": 2}]}
        for i in range(6):
            p = dict(params("/api/v1/accounts" if i % 2 else "/api/v1/charges", "POST",
                            ctype="application/json"), **auth)
            if i % 3 == 0:
                p["HTTP_IDEMPOTENCY_KEY"] = "vg-%d" % (i // 3)
            st, _, _ = request(sock, p, json.dumps(rows if i % 2 else bad).encode())
            assert st in (200, 422), st
            n += 1
        st, _, _ = request(sock, params("/api/v1/readings"))
        assert st == 401
        return n + 1

    assert run_under_valgrind("api", drive) == 27


def multipart(fields, files):
    """A multipart/form-data body: fields first, then the files; (body, content type)."""
    b = "----vgboundary7"
    out = b""
    for k, v in fields.items():
        out += ('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
                % (b, k, v)).encode()
    for name, data in files:
        out += ('--%s\r\nContent-Disposition: form-data; name="files"; filename="%s"\r\n'
                'Content-Type: application/octet-stream\r\n\r\n' % (b, name)).encode()
        out += data + b"\r\n"
    out += ("--%s--\r\n" % b).encode()
    return out, "multipart/form-data; boundary=" + b


def test_appeals_serve_uploads_threads_and_files_without_leaking():
    from appeal_files import pdf, png, program
    from conftest import sql
    s = signed_in("demo2", "demo2-password")
    token = csrf_of(s.get(BASE + "/appeals/new"))
    cookie = "sid=" + s.cookies.get("sid")
    me = sql("SELECT id FROM subscribers WHERE login = 'demo2'")[0][0]
    before = int(sql("SELECT COALESCE(MAX(id), 0) FROM appeals")[0][0])
    account, topic = sql("SELECT a.id, tp.id FROM subscriber_accounts sa JOIN accounts a ON "
                         "a.id = sa.account_id JOIN appeal_topics tp ON tp.organization_id = "
                         "a.organization_id WHERE sa.subscriber_id = %s AND tp.form IS NULL "
                         "ORDER BY tp.id LIMIT 1" % me)[0]

    def drive(sock):
        def upload(path, fields, files):
            body, ctype = multipart(dict(fields, csrf=token), files)
            p = params(path, "POST", cookie=cookie, ctype=ctype)
            p["CONTENT_LENGTH"] = str(len(body))
            return request(sock, p, body)

        n = 0
        form = {"topic": topic, "account": account, "text": "Проверка под valgrind"}
        for i in range(12):
            kind = i % 4
            if kind == 0:  # a photo and a scan: kept, the thread shown, a file given back
                st, hdr, _ = upload("/appeals/new", form, [("a.png", png(8 + i, 8)),
                                                           ("b.pdf", pdf())])
                assert st == 303, st
                aid = re.search(r"id=(\d+)", hdr["location"]).group(1)
                st, _, body = request(sock, params("/appeals/view", query="id=" + aid,
                                                   cookie=cookie))
                assert st == 200 and b"thread" in body
                fid = sql("SELECT MIN(id) FROM appeal_files WHERE appeal_id = %s" % aid)[0][0]
                st, _, body = request(sock, params("/appeals/file", query="id=" + fid,
                                                   cookie=cookie))
                assert st == 200 and body.startswith(b"\x89PNG")
            elif kind == 1:  # a program called .pdf: refused, nothing kept
                st, _, _ = upload("/appeals/new", form, [("x.pdf", program()[:65536])])
                assert st == 415, st
            elif kind == 2:  # an image whose header claims a million pixels a side
                st, _, _ = upload("/appeals/new", form, [("big.png", png(1000000, 1000000))])
                assert st == 422, st
            else:  # the lists, the news, the inbox, the contacts page
                for path in ("/appeals", "/news", "/inbox", "/contacts", "/contacts/form"):
                    st, _, _ = request(sock, params(path, cookie=cookie,
                                                    query="id=1" if "form" in path else ""))
                    assert st == 200, (path, st)
            sql("DELETE FROM appeals WHERE subscriber_id = %s AND id > %d" % (me, before)) \
                if kind == 3 else None
            n += 1
        return n

    try:
        assert run_under_valgrind("appeals", drive) == 12
    finally:
        sql("DELETE FROM appeals WHERE subscriber_id = %s AND id > %d" % (me, before))
