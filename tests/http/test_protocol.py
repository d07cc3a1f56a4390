"""The programs below nginx: plain CGI mode, HTTPS cookies, connection reuse."""
import os
import re

import requests

from conftest import BASE, ENV, cgi, pids, signed_in, sql
from fcgi import request


def test_plain_cgi_serves_one_request():
    st, h, body, log = cgi("login", {"REQUEST_METHOD": "GET", "PATH_INFO": "/login",
                                     "QUERY_STRING": "next=/x", "HTTP_ACCEPT_LANGUAGE": "en"})
    assert st == 200
    assert h["content-type"] == ["text/html; charset=utf-8"]
    assert b"<h1>Sign in</h1>" in body
    assert int(h["content-length"][0]) == len(body)
    assert re.search(r'"GET -?/?[^"]*" 200 ', log)


def test_plain_cgi_post_and_errors():
    st, _, body, _ = cgi("login", {"REQUEST_METHOD": "POST", "PATH_INFO": "/login",
                                   "CONTENT_TYPE": "application/x-www-form-urlencoded"},
                         b"login=demo&password=x")
    assert st == 403  # no CSRF token: refused before any password work
    st, _, _, _ = cgi("home", {"REQUEST_METHOD": "GET", "PATH_INFO": "/nope"})
    assert st == 404
    st, h, _, _ = cgi("home", {"REQUEST_METHOD": "GET", "PATH_INFO": "/"})
    assert st == 303 and h["location"] == ["/login"]


def test_plain_cgi_signed_in_home():
    s = signed_in()
    st, _, body, _ = cgi("home", {"REQUEST_METHOD": "GET", "PATH_INFO": "/",
                                  "HTTP_COOKIE": "sid=" + s.cookies.get("sid")})
    assert st == 200 and "Иванова Мария Петровна".encode() in body


def fcgi_params(path, method="GET", cookie="", https=True, ctype=""):
    p = {"REQUEST_METHOD": method, "DOCUMENT_URI": path, "REQUEST_URI": path,
         "QUERY_STRING": "", "HTTP_COOKIE": cookie, "REMOTE_ADDR": "127.0.0.1",
         "HTTP_HOST": "portal.example", "CONTENT_TYPE": ctype}
    if https:
        p["HTTPS"] = "on"
    return p


def test_over_https_cookies_are_secure_and_host_bound():
    sock = os.path.join(ENV, "sock", "login.sock")
    st, h, body = request(sock, fcgi_params("/login"))
    assert st == 200
    pre = h["set-cookie"]
    assert pre.startswith("pre=") and "; Secure" in pre
    token = re.search(rb'name="csrf" value="([^"]+)"', body).group(1).decode()
    pre_value = pre.split(";")[0]
    form = "csrf=%s&login=demo&password=demo-password" % token
    st, h, _ = request(sock, fcgi_params("/login", "POST", cookie=pre_value,
                                         ctype="application/x-www-form-urlencoded"),
                       form.encode())
    assert st == 303
    # The raw header block: every Set-Cookie line.
    assert h["set-cookie"].startswith("__Host-sid=")
    assert "; Secure" in h["set-cookie"] and "; Path=/" in h["set-cookie"]
    assert "Domain" not in h["set-cookie"]


def test_each_worker_reuses_its_database_connection():
    s = signed_in()
    (before,) = sql("SHOW GLOBAL STATUS LIKE 'Connections'")[0][1:]
    for _ in range(40):
        assert s.get(BASE + "/", allow_redirects=False).status_code == 200
    (after,) = sql("SHOW GLOBAL STATUS LIKE 'Connections'")[0][1:]
    # Lazily opened: at most one per worker (plus our own status query), not one per page.
    workers = len(pids("home")[1])
    assert int(after) - int(before) <= workers + 1


def test_connection_speaks_utf8mb4_in_utc():
    rows = sql("SELECT COUNT(*) FROM information_schema.processlist WHERE user LIKE 'kb\\_%'")
    assert int(rows[0][0]) >= 1
    # A four-byte character survives the round trip through a program.
    (name,) = sql("SELECT full_name FROM subscribers WHERE login = 'demo2'")[0]
    try:
        sql("UPDATE subscribers SET full_name = 'Тест 🙂 UTF-8' WHERE login = 'demo2'")
        s = signed_in("demo2", "demo2-password")
        assert "Тест 🙂 UTF-8" in s.get(BASE + "/").text
    finally:
        sql("UPDATE subscribers SET full_name = '%s' WHERE login = 'demo2'" % name)
    # Times are written in UTC: a session row's age is seconds, not the server's offset.
    (age,) = sql("SELECT MIN(TIMESTAMPDIFF(SECOND, created_at, UTC_TIMESTAMP())) FROM sessions")[0]
    assert 0 <= int(age) < 600


def test_each_status_line_says_its_own_reason():
    """nginx passes on the reason phrase a program writes; a page gone or a
    method refused is not answered as "410 Error" (web/status.c)."""
    seen = {}
    for method, path, want in (("GET", "/recover/link?token=zzz", 410),
                               ("GET", "/no-such-page", 404),
                               ("PUT", "/login", 405),
                               ("GET", "/api/v1/readings", 401)):
        r = requests.request(method, BASE + path, allow_redirects=False)
        seen[path] = (r.status_code, r.reason)
    assert seen == {"/recover/link?token=zzz": (410, "Gone"),
                    "/no-such-page": (404, "Not Found"),
                    "/login": (405, "Method Not Allowed"),
                    "/api/v1/readings": (401, "Unauthorized")}, seen
