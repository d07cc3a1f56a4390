"""The findings of the attack test (issue: security), each kept fixed by a test.

Every test here failed against the code the attack test saw.
"""
import http.client
import os
import socket
import subprocess

import lxml.etree

from conftest import (BASE, DEMO, ENV, ROOT, csrf_of, make_subscriber, new_client, raw_http,
                      signed_in, sql)


def raw_request(head):
    """One request written byte for byte (requests would refuse the bytes)."""
    return raw_http(int(BASE.rsplit(":", 1)[1]), head)


def test_sign_in_with_a_user_agent_of_invalid_utf8_starts_a_session():
    s = new_client()
    r = s.get(BASE + "/login")
    body = "csrf=%s&login=%s&password=%s" % (csrf_of(r), DEMO[0], DEMO[1])
    cookie = "; ".join("%s=%s" % (k, v) for k, v in s.cookies.items())
    head = ("POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n"
            "Cookie: %s\r\nUser-Agent: " % (len(body), cookie)).encode()
    ua = b"Mozilla/5.0 \xff\xfe\xc0\x80 " + "Ёлка".encode() + b" \xd0" + b"x" * 400
    answer = raw_request(head + ua + b"\r\n\r\n" + body.encode())
    status = answer.split(b"\r\n", 1)[0]
    assert b" 303 " in status, answer[:300]
    stored = sql("SELECT user_agent FROM sessions ORDER BY created_at DESC LIMIT 1")[0][0]
    assert stored.startswith("Mozilla/5.0 ??") and "Ёлка" in stored
    assert len(stored.encode()) <= 255


def test_a_long_link_signed_out_redirects_to_login_without_the_next():
    s = new_client()
    # Under 512 characters as asked, three times that once encoded.
    path = "/accounts?" + "&" * 400 + "a=1"
    r = s.get(BASE + path, allow_redirects=False)
    assert r.status_code == 303, r.status_code
    assert r.headers["Location"] == "/login"
    short = s.get(BASE + "/accounts?x=1", allow_redirects=False)
    assert short.status_code == 303
    assert short.headers["Location"] == "/login?next=/accounts%3Fx%3D1"


def test_unlinking_an_account_ends_its_autopay_and_relinking_does_not_bring_it_back():
    sub = make_subscriber("attack-unlink", "unlink-password-Zq81", [1007])
    sql("INSERT INTO autopays (subscriber_id, account_id, provider, method_id, method_title, day, "
        "max_amount, created_at) VALUES (%d, 1007, 'yookassa', 'pm-saved-1', 'Bank card *4444', "
        "5, 500000, NOW(6))" % sub)
    s = signed_in("attack-unlink", "unlink-password-Zq81")
    r = s.get(BASE + "/accounts/remove", params={"id": "1007"})
    r = s.post(BASE + "/accounts/remove", data={"csrf": csrf_of(r), "id": "1007", "answer": "yes"},
               allow_redirects=False)
    assert r.status_code == 303, r.status_code
    assert sql("SELECT COUNT(*) FROM autopays WHERE subscriber_id = %d" % sub) == [("0",)]
    assert sql("SELECT COUNT(*) FROM autopays WHERE method_id = 'pm-saved-1'") == [("0",)]
    # Linked again (as the operator or the add form would), nothing is charged.
    sql("INSERT INTO subscriber_accounts (subscriber_id, account_id, linked_at) "
        "VALUES (%d, 1007, NOW())" % sub)
    x = lxml.etree.fromstring(s.get(BASE + "/payments/autopay?format=xml").content)
    assert x.xpath("//autopay") == []


# ------------------------------------------------------------------ limits per address

def from_address(addr, method, path, body=None, headers=None):
    """One request from another loopback address (the tests' own, 127.0.0.1, is not limited)."""
    host, port = BASE.split("//")[1].split(":")
    c = http.client.HTTPConnection(host, int(port), timeout=10, source_address=(addr, 0))
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        return r.status, r.read().decode(errors="replace")
    finally:
        c.close()


def test_a_flood_of_slow_connections_leaves_the_site_answering_others():
    host, port = BASE.split("//")[1].split(":")
    held = []
    try:
        # Slow headers: a request line, then nothing (nginx closes them after 5 s).
        for _ in range(3000):
            c = socket.create_connection((host, int(port)), timeout=5,
                                         source_address=("127.0.0.2", 0))
            c.sendall(b"GET /login HTTP/1.1\r\nHost: localhost\r\n")
            held.append(c)
        # Slow bodies: whole headers, then one byte of a large body.
        refused = 0
        for _ in range(60):
            c = socket.create_connection((host, int(port)), timeout=5,
                                         source_address=("127.0.0.3", 0))
            c.sendall(b"POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                      b"application/x-www-form-urlencoded\r\nContent-Length: 900000\r\n\r\nx")
            held.append(c)
        for c in held[-60:]:
            c.settimeout(0.05)
            try:
                if c.recv(64).startswith(b"HTTP/1.1 429"):
                    refused += 1
            except socket.timeout:
                pass
        # At most 20 connections per address get as far as a request.
        assert refused >= 40, refused
        # Meanwhile another client reads pages and signs in as usual.
        s = signed_in()
        for path in ("/", "/accounts", "/receipts"):
            assert s.get(BASE + path, timeout=10).status_code == 200
    finally:
        for c in held:
            c.close()


def test_sign_in_posts_are_limited_per_address_with_the_portal_page():
    statuses = []
    for _ in range(15):
        st, text = from_address("127.0.0.4", "POST", "/login", body="login=x&password=y",
                                headers={"Content-Type": "application/x-www-form-urlencoded"})
        statuses.append(st)
    assert 429 in statuses and statuses.count(429) >= 4, statuses
    assert "Слишком много запросов" in text and "Too many requests" in text
    assert 'href="/static/site.css"' in text
    # Pages from there are still served: only the form is limited that hard.
    assert from_address("127.0.0.4", "GET", "/login")[0] == 200
    # And another address is not touched by the first one's limit.
    assert from_address("127.0.0.6", "POST", "/login", body="login=x&password=y",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 403


def test_pages_are_limited_per_address_too():
    statuses = [from_address("127.0.0.7", "GET", "/robots.txt")[0] for _ in range(120)]
    assert statuses[0] == 200 and 429 in statuses, statuses


def test_the_webhook_answers_only_the_providers_addresses():
    body = '{"type":"notification","event":"payment.succeeded","object":{"id":"x"}}'
    st, text = from_address("127.0.0.5", "POST", "/payments/webhook", body=body,
                            headers={"Content-Type": "application/json"})
    assert st == 403 and "Доступ запрещён" in text
    with open(os.path.join(ROOT, "nginx", "provider-addresses.conf")) as f:
        assert "allow 185.71.76.0/27;" in f.read()


def test_nginx_refusals_are_the_portals_pages():
    st, text = from_address("127.0.0.8", "GET", "/static/no-such-file.css")
    assert st == 404 and "Страница не найдена" in text and "Page not found" in text
    answer = raw_request(b"GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                         b"X-Big: " + b"a" * 9000 + b"\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 400") and "Неверный запрос".encode() in answer


def test_the_https_template_is_valid_nginx_and_sends_hsts(tmp_path):
    """nginx/https.conf.in filled in with a throw-away certificate: nginx -t accepts it."""
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=lk.example.org", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    with open(os.path.join(ENV, "nginx", "portal.conf")) as f:
        portal = f.read()
    with open(os.path.join(ROOT, "nginx", "https.conf.in")) as f:
        https = f.read().replace("@HOST@", "lk.example.org").replace("@CERT@", str(cert)) \
            .replace("@KEY@", str(key)).replace("@SHARE@", ENV) \
            .replace("@NGINX_LOG@", str(tmp_path))
    assert 'set $portal_hsts "max-age=63072000; includeSubDomains";' in https
    (tmp_path / "https.conf").write_text(https)
    # The stack's own configuration, its plain server swapped for the template's two.
    start = portal.index("    server {")
    end = portal.index("    include " + ENV + "/nginx/extra-servers.conf;")
    conf = portal[:start] + "    include %s;\n" % (tmp_path / "https.conf") + portal[end:]
    conf = conf.replace("pid " + ENV + "/run/nginx.pid", "pid %s/nginx.pid" % tmp_path)
    (tmp_path / "portal.conf").write_text(conf)
    out = subprocess.run(["nginx", "-t", "-q", "-p", str(tmp_path), "-c",
                          str(tmp_path / "portal.conf"), "-e", str(tmp_path / "error.log")],
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    with open(os.path.join(ROOT, "nginx", "locations.conf.in")) as f:
        assert "add_header Strict-Transport-Security $portal_hsts always;" in f.read()
    # Over plain HTTP the header is not sent.
    assert "Strict-Transport-Security" not in new_client().get(BASE + "/login").headers
