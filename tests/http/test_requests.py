"""Request handling: limits, malformed input, CSRF, injection strings, headers, languages.

Every bad input must get a rendered page with the right status, in the
visitor's language: never a crash, a 502, a stack trace or a half-written row.
"""
import re
import socket
import urllib.parse

import lxml.etree
import lxml.html
import pytest
import requests

from fcgi import read_all
from pages import every_page, visit
from conftest import (BASE, DEMO, XSLT_BASE, cgi, csrf_of, doc, error_message, login, new_client,
                      signed_in, sql)

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def assert_rendered_error(r, status, lang="ru"):
    """A page of ours (layout, language) and nothing that leaks internals."""
    assert r.status_code == status, (r.status_code, r.text[:300])
    assert r.headers["Content-Type"].startswith("text/html")
    d = doc(r)
    assert d.xpath("string(//html/@lang)") == lang
    assert d.xpath("//header[@class='top']"), "not our layout"
    body = r.text.lower()
    for leak in ("mariadb", "mysql", "sql syntax", "traceback", "/work/", "segmentation"):
        assert leak not in body
    return d


# ------------------------------------------------------------------ CSRF

def test_post_without_token_is_refused():
    s = new_client()
    s.get(BASE + "/login")
    r = s.post(BASE + "/login", data={"login": DEMO[0], "password": DEMO[1]},
               allow_redirects=False)
    d = assert_rendered_error(r, 403)
    assert "Форма устарела" in d.xpath("string(//h1)")
    assert s.cookies.get("sid") is None
    assert sql("SELECT COUNT(*) FROM login_attempts")[0][0] == "0"


@pytest.mark.parametrize("token", ["", "x" * 43, "A" * 42, "%00" * 43])
def test_post_with_a_bad_token_is_refused(token):
    s = new_client()
    s.get(BASE + "/login")
    r = s.post(BASE + "/login", data="csrf=%s&login=demo&password=demo-password" % token,
               headers=FORM, allow_redirects=False)
    assert r.status_code in (400, 403)
    assert s.cookies.get("sid") is None


def test_token_without_its_cookie_is_refused():
    a = new_client()
    token = csrf_of(a.get(BASE + "/login"))
    b = new_client()  # another browser, no pre-session cookie of a's
    r = b.post(BASE + "/login", data={"csrf": token, "login": DEMO[0], "password": DEMO[1]},
               allow_redirects=False)
    assert r.status_code == 403


def test_cross_site_posts_are_refused_even_with_a_valid_token():
    for headers in ({"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"},
                    {"Origin": "null"}, {"Origin": "https://127.0.0.1:18080"}):
        s = new_client()
        token = csrf_of(s.get(BASE + "/login"))
        r = s.post(BASE + "/login", data={"csrf": token, "login": DEMO[0], "password": DEMO[1]},
                   headers=headers, allow_redirects=False)
        assert r.status_code == 403, headers
    # Same origin is fine.
    s = new_client()
    token = csrf_of(s.get(BASE + "/login"))
    r = s.post(BASE + "/login", data={"csrf": token, "login": DEMO[0], "password": DEMO[1]},
               headers={"Origin": BASE, "Sec-Fetch-Site": "same-origin"}, allow_redirects=False)
    assert r.status_code == 303


def test_logout_needs_the_sessions_own_token():
    s = signed_in()
    other = signed_in()
    other_token = csrf_of(other.get(BASE + "/"))
    for data in ({"x": "1"}, {"csrf": ""}, {"csrf": other_token}):
        r = s.post(BASE + "/logout", data=data, allow_redirects=False)
        assert r.status_code == 403
    # No body at all is not even a form.
    assert s.post(BASE + "/logout", allow_redirects=False).status_code == 415
    assert s.get(BASE + "/", allow_redirects=False).status_code == 200


def test_token_changes_with_the_session():
    s = new_client()
    before = csrf_of(s.get(BASE + "/login"))
    login(s)
    after = csrf_of(s.get(BASE + "/"))
    assert before != after


# ------------------------------------------------------------------ injection strings

ATTACKS = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "' OR '1'='1' -- ",
    "demo'; DROP TABLE subscribers; --",
    "1) UNION SELECT password_hash FROM subscribers #",
    "{{7*7}}${7*7}<%= 7*7 %>",
    "&lt;b&gt;&amp;",
    "]]><x>",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_attack_strings_in_the_login_form_are_plain_text(attack):
    count = sql("SELECT COUNT(*) FROM subscribers")[0][0]
    s = new_client()
    r = login(s, attack, attack, next_=attack)
    assert r.status_code in (400, 422)
    d = doc(r)
    # Echoed back exactly, as text: the DOM holds no element the string tried to make.
    if r.status_code == 422:
        assert d.xpath('string(//input[@name="login"]/@value)') == attack.strip()
    assert not d.xpath("//script") and not d.xpath("//img") and not d.xpath("//x")
    assert sql("SELECT COUNT(*) FROM subscribers")[0][0] == count


@pytest.mark.parametrize("attack", ATTACKS)
def test_attack_strings_in_query_values_are_plain_text(attack):
    r = new_client().get(BASE + "/login", params={"next": attack, "format": attack})
    assert r.status_code == 200
    d = doc(r)
    assert not d.xpath("//script") and not d.xpath("//img")
    assert d.xpath('string(//form[@id="login-form"]//input[@name="next"]/@value)') == "/"


def test_attack_strings_in_a_stored_name_are_escaped():
    (name,) = sql("SELECT full_name FROM subscribers WHERE login = 'demo2'")[0]
    evil = "<script>alert(1)</script> & \"Ж\""
    try:
        sql("UPDATE subscribers SET full_name = '%s' WHERE login = 'demo2'"
            % evil.replace("'", "''").replace('"', '\\"'))
        s = signed_in("demo2", "demo2-password")
        r = s.get(BASE + "/")
        assert "<script>alert(1)</script>" not in r.text
        assert "&lt;script&gt;" in r.text
        assert evil in doc(r).xpath("string(//h1[@id='greeting'])")
    finally:
        sql("UPDATE subscribers SET full_name = '%s' WHERE login = 'demo2'" % name)


def test_unknown_language_is_a_400():
    r = new_client().get(BASE + "/lang", params={"to": "<script>", "next": "/login"},
                         allow_redirects=False)
    assert_rendered_error(r, 400)


# ------------------------------------------------------------------ limits and malformed input

def test_body_over_the_programs_limit_is_413():
    r = new_client().post(BASE + "/login", data="csrf=x&login=" + "a" * 70000, headers=FORM,
                          allow_redirects=False)
    assert_rendered_error(r, 413)


def test_body_over_nginxs_limit_is_a_rendered_413():
    r = new_client().post(BASE + "/login", data="x=" + "a" * (1024 * 1024 + 10), headers=FORM,
                          allow_redirects=False)
    d = assert_rendered_error(r, 413)
    assert "Слишком большой запрос" in d.xpath("string(//h1)")


def test_body_over_nginxs_limit_in_english():
    r = new_client("en").post(BASE + "/login", data="x=" + "a" * (1024 * 1024 + 10),
                              headers=FORM, allow_redirects=False)
    d = assert_rendered_error(r, 413, "en")
    assert "Request too large" in d.xpath("string(//h1)")


def test_too_many_fields_is_413():
    s = new_client()
    token = csrf_of(s.get(BASE + "/login"))
    body = "csrf=%s&" % token + "&".join("f%d=1" % i for i in range(100))
    r = s.post(BASE + "/login", data=body, headers=FORM, allow_redirects=False)
    assert_rendered_error(r, 413)


def test_a_field_over_its_byte_limit_is_413():
    s = new_client()
    token = csrf_of(s.get(BASE + "/login"))
    r = s.post(BASE + "/login", data="csrf=%s&login=%s" % (token, "a" * 9000), headers=FORM,
               allow_redirects=False)
    assert_rendered_error(r, 413)


def test_a_field_over_its_character_limit_is_400():
    s = new_client()
    token = csrf_of(s.get(BASE + "/login"))
    r = s.post(BASE + "/login", data={"csrf": token, "login": "ж" * 65, "password": "x"},
               allow_redirects=False)
    assert r.status_code == 400
    assert error_message(r) == "Введите логин и пароль."


def test_password_over_128_characters_is_refused_not_truncated():
    s = new_client()
    token = csrf_of(s.get(BASE + "/login"))
    r = s.post(BASE + "/login", data={"csrf": token, "login": DEMO[0],
                                       "password": DEMO[1] + "x" * 120}, allow_redirects=False)
    assert r.status_code == 400


@pytest.mark.parametrize("body", [
    "login=%ZZ", "login=%", "login=%C0%AF", "login=%ED%A0%80", "login=a%00b", "=x",
    "login=%FF%FE",
])
def test_malformed_bodies_are_400(body):
    s = new_client()
    token = csrf_of(s.get(BASE + "/login"))
    r = s.post(BASE + "/login", data="csrf=%s&%s" % (token, body), headers=FORM,
               allow_redirects=False)
    d = assert_rendered_error(r, 400)
    assert "Некорректный запрос" in d.xpath("string(//h1)")


class RawResponse:
    """Enough of a requests.Response for assert_rendered_error."""

    def __init__(self, r):
        self.status_code = r.status
        self.headers = requests.structures.CaseInsensitiveDict(r.getheaders())
        self.content = r.read()
        self.text = self.content.decode("utf-8", "replace")


def raw_get(path, headers=None):
    """GET a path exactly as written (requests would re-encode a bad escape)."""
    import http.client
    host, port = BASE.split("//")[1].split(":")
    c = http.client.HTTPConnection(host, int(port), timeout=30)
    c.putrequest("GET", path, skip_accept_encoding=True)
    for k, v in (headers or {}).items():
        c.putheader(k, v)
    c.endheaders()
    r = RawResponse(c.getresponse())
    c.close()
    return r


@pytest.mark.parametrize("query", ["next=%ZZ", "a=%C3%28", "x=%00", "%=", "a=%E2%82"])
def test_malformed_query_strings_are_400(query):
    r = raw_get("/login?" + query, {"Cookie": "lang=en"})
    d = assert_rendered_error(r, 400, "en")
    assert "Bad request" in d.xpath("string(//h1)")


def test_repeated_fields_are_400():
    s = new_client()
    token = csrf_of(s.get(BASE + "/login"))
    r = s.post(BASE + "/login", data="csrf=%s&login=demo&login=admin&password=x" % token,
               headers=FORM, allow_redirects=False)
    assert_rendered_error(r, 400)


def test_a_long_query_string_is_414():
    r = new_client().get(BASE + "/login?next=/" + "a" * 5000, allow_redirects=False)
    assert_rendered_error(r, 414)


def test_wrong_content_type_is_415():
    s = new_client()
    token = csrf_of(s.get(BASE + "/login"))
    for ctype in ("text/plain", "application/json", "multipart/form-data; boundary=x"):
        r = s.post(BASE + "/login", data="csrf=%s&login=demo&password=x" % token,
                   headers={"Content-Type": ctype}, allow_redirects=False)
        assert_rendered_error(r, 415)


def test_charset_parameter_on_a_form_is_fine():
    s = new_client()
    token = csrf_of(s.get(BASE + "/login"))
    r = s.post(BASE + "/login", data="csrf=%s&login=demo&password=demo-password" % token,
               headers={"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"},
               allow_redirects=False)
    assert r.status_code == 303


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS"])
def test_other_methods_are_405(method):
    r = requests.request(method, BASE + "/login", allow_redirects=False)
    assert_rendered_error(r, 405)
    assert r.headers["Allow"] == "GET, HEAD, POST"


def test_head_has_headers_and_no_body():
    r = requests.head(BASE + "/login")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"
    assert r.content == b""


def test_unknown_pages_are_a_rendered_404():
    for path in ("/nope", "/login/", "/index.php", "/.git/config", "/static/../../etc/passwd",
                 "/%2e%2e/%2e%2e/etc/passwd", "/login%00"):
        r = new_client().get(BASE + path, allow_redirects=False)
        assert r.status_code in (400, 404), path
        if r.status_code == 404:
            assert_rendered_error(r, 404)


def test_404_for_a_signed_in_subscriber_keeps_the_header():
    s = signed_in()
    d = assert_rendered_error(s.get(BASE + "/nope"), 404)
    assert DEMO[2] in d.xpath("string(//*[@class='who-name'])")


def test_a_cookie_header_full_of_junk_is_harmless():
    r = requests.get(BASE + "/login", headers={"Cookie": "a; b=; =c; sid=%%%; lang=xx; " * 20})
    assert r.status_code == 200


@pytest.mark.parametrize("pre", ["garbage", "A" * 42, "!" * 43, ""])
def test_a_forged_pre_session_cookie_is_replaced(pre):
    s = new_client()
    s.cookies.set("pre", pre, domain="127.0.0.1", path="/")
    r = s.get(BASE + "/login")
    assert r.status_code == 200
    assert r.headers["Set-Cookie"].startswith("pre=")
    # The new cookie and the form's token belong together: signing in works.
    assert login(s).status_code == 303


def test_a_forged_session_cookie_is_no_session():
    for sid in ("A" * 43, "short", "!" * 43, "A" * 44):
        c = new_client()
        c.cookies.set("sid", sid)
        r = c.get(BASE + "/", allow_redirects=False)
        assert r.status_code == 303


def test_a_truncated_body_never_reaches_a_program():
    """A client that announces more than it sends and leaves: nginx drops it, the site goes on."""
    host, port = BASE.split("//")[1].split(":")
    s = socket.create_connection((host, int(port)), timeout=30)
    s.sendall(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded"
              b"\r\nContent-Length: 100\r\nConnection: close\r\n\r\nlogin=a")
    s.shutdown(socket.SHUT_WR)
    data = read_all(s)
    s.close()
    assert data == b"" or int(data.split(b" ")[1]) in (400, 408), data[:200]
    assert new_client().get(BASE + "/login").status_code == 200


# ------------------------------------------------------------------ headers

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


@pytest.mark.parametrize("path", ["/login", "/", "/nope", "/static/site.css", "/logout"])
def test_security_headers_everywhere(path):
    r = new_client().get(BASE + path, allow_redirects=False)
    csp = r.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp and "script-src" not in csp
    for k, v in SECURITY_HEADERS.items():
        assert r.headers[k] == v
    assert "Server" not in r.headers or "nginx/" not in r.headers["Server"]


def test_pages_have_no_inline_script_or_style():
    s = signed_in()
    for path in ("/login", "/", "/nope"):
        d = doc(s.get(BASE + path))
        assert not d.xpath("//script") and not d.xpath("//style") and not d.xpath("//@style")
        assert not [a for a in d.xpath("//@*") if a.attrname.startswith("on")]


def test_static_files_are_cached_long():
    r = requests.get(BASE + "/static/site.css")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/css")
    m = re.search(r"max-age=(\d+)", r.headers["Cache-Control"])
    assert m and int(m.group(1)) >= 7 * 24 * 3600
    assert requests.get(BASE + "/static/favicon.svg").status_code == 200


def test_no_directory_listing():
    r = requests.get(BASE + "/static/", allow_redirects=False)
    assert r.status_code in (403, 404)
    assert "Index of" not in r.text


# ------------------------------------------------------------------ languages

def test_accept_language_picks_english():
    r = requests.get(BASE + "/login", headers={"Accept-Language": "en-GB,en;q=0.9,ru;q=0.5"})
    d = doc(r)
    assert d.xpath("string(//html/@lang)") == "en"
    assert d.xpath("string(//h1)") == "Sign in"
    assert r.headers["Content-Language"] == "en"


def test_language_switch_is_remembered():
    s = new_client()
    r = s.get(BASE + "/lang", params={"to": "en", "next": "/login?next=/x"}, allow_redirects=False)
    assert r.status_code == 303
    assert r.headers["Location"] == "/login?next=/x"
    cookie = r.headers["Set-Cookie"]
    assert cookie.startswith("lang=en;") and "Max-Age=31536000" in cookie
    d = doc(s.get(BASE + "/login"))
    assert d.xpath("string(//h1)") == "Sign in"
    assert d.xpath("string(//button[@aria-pressed='true'])") == "EN"
    # The cookie wins over the browser's preference; switching back works.
    r = s.get(BASE + "/login", headers={"Accept-Language": "ru"})
    assert doc(r).xpath("string(//h1)") == "Sign in"
    s.get(BASE + "/lang", params={"to": "ru", "next": "/login"})
    assert doc(s.get(BASE + "/login")).xpath("string(//h1)") == "Вход в личный кабинет"


def test_language_switch_refuses_foreign_targets():
    r = new_client().get(BASE + "/lang", params={"to": "en", "next": "//evil.example"},
                         allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/"


def test_both_catalogs_have_every_key_used():
    """Same keys in both languages, each in the same part (common, or one section's),
    and every key a stylesheet names is in the part its pages build."""
    import glob
    import os
    xsl = os.path.join(os.path.dirname(__file__), "..", "..", "xsl")
    xslns = "{http://www.w3.org/1999/XSL/Transform}"
    parts = {}
    for lang in ("ru", "en"):
        cat = lxml.etree.parse(os.path.join(xsl, "messages.%s.xsl" % lang))
        for tpl in cat.getroot().findall(xslns + "template"):
            part = tpl.get("name")[len("messages-%s" % lang):].lstrip("-") or "common"
            msgs = [m for m in tpl if isinstance(m.tag, str)]
            keys = [m.tag for m in msgs]
            assert len(keys) == len(set(keys)), "duplicate key in %s %s" % (lang, part)
            for m in msgs:  # a message, or a list of them (<months>)
                texts = [m.text] if len(m) == 0 else [c.text for c in m]
                assert all(t and t.strip() for t in texts), (lang, m.tag)
            parts.setdefault(lang, {})[part] = set(keys)
    assert parts["ru"] == parts["en"]
    cat = lxml.etree.parse(os.path.join(xsl, "messages.ru.xsl"))
    assert len(cat.xpath("//months/m")) == 12
    common = parts["ru"]["common"]
    every = set().union(*parts["ru"].values())
    # A section's sheet may use common keys and its own; the shared sheets, common only
    # (error.xsl has the error part).
    sheet_part = {"login.xsl": "login", "home.xsl": "home", "accounts.xsl": "accounts",
                  "services.xsl": "services", "error.xsl": "error",
                  "calculator.xsl": "calculator", "readings.xsl": "readings",
                  "payments.xsl": "payments", "receipts.xsl": "receipts",
                  "receipt-volume.xsl": "receipts",
                  "settings.xsl": "settings", "mail.xsl": "mail", "admin.xsl": "admin",
                  "appeals.xsl": "appeals",
                  "exchange.xsl": "admin",  # the console's second program, the same section
                  # Downloads of several sections' pages: each page loads its own part.
                  "pdf.xsl": ("receipts", "services"),
                  "sheet.xsl": ("services", "payments", "readings", "admin")}
    for f in glob.glob(os.path.join(xsl, "*.xsl")):
        name = os.path.basename(f)
        if name.startswith("messages."):
            continue
        text = re.sub(r"<!--.*?-->", "", open(f).read(), flags=re.S)
        used = set(re.findall(r"\$M/([A-Za-z][\w.-]*)", text))
        own = sheet_part.get(name, "common")
        allowed = common.union(*(parts["ru"].get(p, set())
                                 for p in (own if isinstance(own, tuple) else (own,))))
        if name == "mail.xsl":  # a message can carry a receipt: i18n.xsl loads both parts
            allowed |= parts["ru"]["receipts"]
        assert used <= allowed, (name, used - allowed)
    # Every error code a program can emit has a title and a message on the error page,
    # and every form error code a message in the part of its section.
    codes = set()
    for f in glob.glob(os.path.join(xsl, "..", "cgi-bin", "**", "*.c"), recursive=True):
        codes |= set(re.findall(r'page_error\(r, \d+, "([a-z-]+)"\)', open(f).read()))
    for c in codes | {"not-found", "db-down", "internal"}:
        assert {"error.%s.title" % c, "error.%s" % c} <= parts["ru"]["error"], c
    forms = {"login.c": "login", "accounts.c": "accounts", "services.c": "services",
             "calculator.c": "calculator", "readings.c": "readings", "payments.c": "payments",
             "receipts.c": "receipts", "settings.c": "settings", "appeals.c": "appeals"}
    for f, part in forms.items():
        src = open(os.path.join(xsl, "..", "cgi-bin", f)).read()
        found = set(re.findall(r'(?:xml_form_error|field_error)\(r, [^,]+, "([a-z-]+)"\)', src)) | \
            set(re.findall(r'(?:refuse|add_refuse)\(r, [^"]*"([a-z-]+)"\)', src))
        for m in re.finditer(r'field_error\(&?[cs], (?:"[a-z0-9]+"|\w+), (.*?)\)\s*(?:;|&&)', src):
            found |= set(re.findall(r'"([a-z-]+)"', m.group(1)))
        # A section with a period filter shows the library's messages for it too.
        if "page_period(" in src:
            lib = open(os.path.join(xsl, "..", "cgi-bin", "web", "period.c")).read()
            found |= set(re.findall(r'xml_form_error\(r, [^,]+, "([a-z-]+)"\)', lib))
        for c in found:
            if c != "invalid":
                assert "error.%s" % c in common | parts["ru"][part], (f, c)
    assert every


def test_no_stylesheet_disables_output_escaping():
    import glob
    import os
    for f in glob.glob(os.path.join(os.path.dirname(__file__), "..", "..", "xsl", "*.xsl")):
        assert not re.search(r"disable-output-escaping\s*=", open(f).read()), f


def test_the_finishing_pass_tries_a_pattern_only_on_nodes_of_its_name():
    """Every node of every page's content goes through finish.xsl: a pattern whose last
    step is * or @* (other than the copy itself) would be tried on each of them."""
    import os
    from lxml import etree
    path = os.path.join(os.path.dirname(__file__), "..", "..", "xsl", "finish.xsl")
    ns = {"xsl": "http://www.w3.org/1999/XSL/Transform"}
    patterns = etree.parse(path).xpath("//xsl:template[@mode = 'finish']/@match", namespaces=ns)
    assert "@*|node()" in patterns and len(patterns) >= 5
    for p in patterns:
        if p == "@*|node()":
            continue
        for alt in p.split(" | "):
            last = re.split(r"/(?![^\[]*\])", alt.strip())[-1]
            assert re.match(r"@?[a-z]", last), (p, last)


def test_each_program_compiles_only_its_own_sections_sheets():
    """site.xsl marks a section's sheet kb:section; a program compiles the unmarked
    (shared) sheets and its own (doc/render.c).  Each mark names a program's section,
    every section's sheet is marked, and the shared ones are the few every page needs."""
    import glob
    import os
    from lxml import etree
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    ns = {"xsl": "http://www.w3.org/1999/XSL/Transform", "kb": "urn:kabinet:site"}
    site = etree.parse(os.path.join(root, "xsl", "site.xsl"))
    sections = set()
    for c in glob.glob(os.path.join(root, "cgi-bin", "*.c")):
        m = re.search(r'\.name = "([a-z]+)",\s*(?:\.pages|\n)', open(c).read())
        if m and "pages" in open(c).read():
            sections.add(m.group(1))
    assert {"home", "login", "admin", "services"} <= sections
    marked, shared = {}, set()
    for inc in site.xpath("/xsl:stylesheet/xsl:include", namespaces=ns):
        of = inc.get("{urn:kabinet:site}section")
        if of is None:
            shared.add(inc.get("href"))
        else:
            assert of in sections, (inc.get("href"), of)
            marked[inc.get("href")] = of
    assert shared == {"i18n.xsl", "common.xsl", "finish.xsl", "error.xsl"}
    assert set(marked.values()) == sections - {"api"}
    assert marked["home.xsl"] == "home" and marked["exchange.xsl"] == "admin"


# ------------------------------------------------------------------ the two renderers agree

def test_nginx_applies_each_locations_own_sheet():
    """Each location of the XSLT server applies site.xsl as its program compiles it: its
    own section's sheet and the shared ones, no other section's (tools/stack.sh)."""
    import os
    from conftest import ENV
    conf = open(os.path.join(ENV, "nginx", "locations-xslt.conf")).read()
    template = open(os.path.join(os.path.dirname(__file__), "..", "..", "nginx",
                                 "locations.conf.in")).read()
    blocks = re.findall(r"\nlocation [^{]*\{(.*?)\n\}", conf, re.S)
    filtered = [b for b in blocks if "xslt_stylesheet" in b]
    assert len(filtered) == len(re.findall(r"^\s+@XSLT@", template, re.M)) > 30
    seen = set()
    for block in filtered:
        m = re.search(r"fastcgi_pass kabinet_([a-z]+);", block)
        sheet = re.search(r"xslt_stylesheet (\S+);", block)
        if m.group(1) == "api":  # JSON: the general sheet, never applied
            continue
        section = "admin" if m.group(1) == "exchange" else m.group(1)
        assert sheet and sheet.group(1) == os.path.join(ENV, "xsl", "site-%s.xsl" % section), block
        incs = lxml.etree.parse(sheet.group(1)).xpath(
            "/*/*[local-name() = 'include']/@href")
        own = {os.path.basename(h) for h in incs} - {"i18n.xsl", "common.xsl", "finish.xsl",
                                                      "error.xsl"}
        assert own == ({"admin.xsl", "exchange.xsl"} if section == "admin"
                       else {section + ".xsl"}), (section, incs)
        assert all(os.path.isabs(h) and os.path.exists(h) for h in incs), incs
        seen.add(section)
    assert {"home", "login", "accounts", "payments", "admin"} <= seen, seen


@pytest.mark.parametrize("path,method,data,needs_session,lang", every_page())
def test_nginx_xslt_gives_the_same_html(path, method, data, needs_session, lang):
    bodies = []
    # A GET that marks something read (a news item, an appeal, a message) shows it
    # unread only the first time: that first answer is not compared.
    bases = (BASE, BASE, XSLT_BASE) if method == "GET" else (BASE, XSLT_BASE)
    for r in visit((path, method, data, needs_session, lang), bases)[-2:]:
        # A blank payment form carries a fresh idempotency key each time it is made.
        body = re.sub(rb'(name="key" value=")[^"]*"', rb'\1(fresh)"', r.content)
        bodies.append((r.status_code, r.headers.get("Content-Type"), body))
    assert bodies[0][0] == bodies[1][0]
    # nginx spells it UTF-8; a redirect has none
    assert (bodies[0][1] or "").lower() == (bodies[1][1] or "").lower()
    assert bodies[0][2] == bodies[1][2]


PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=()"


@pytest.mark.parametrize("path,method,data,needs_session,lang", every_page())
def test_every_page_has_the_security_headers_and_cookie_flags(path, method, data, needs_session,
                                                              lang):
    (r,) = visit((path, method, data, needs_session, lang))
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "script-src" not in csp
    for k, v in dict(SECURITY_HEADERS, **{"Cross-Origin-Opener-Policy": "same-origin",
                                          "Permissions-Policy": PERMISSIONS}).items():
        assert r.headers.get(k) == v, (k, r.headers.get(k))
    # Pages carry personal data and tokens: nothing keeps them.
    if not r.headers.get("Content-Type", "").startswith(("application/pdf", "text/csv",
                                                         "application/vnd")):
        assert r.headers.get("Cache-Control") == "no-store", r.headers.get("Cache-Control")
    # Plain HTTP here: HSTS is the HTTPS template's (test_attack checks it there).
    assert "Strict-Transport-Security" not in r.headers
    for c in r.raw.headers.getlist("Set-Cookie"):
        attrs = [a.strip() for a in c.split(";")]
        assert "HttpOnly" in attrs, c
        assert "SameSite=Lax" in attrs or "SameSite=Strict" in attrs, c
        assert any(a.startswith("Path=") for a in attrs) and not any(
            a.startswith("Domain=") for a in attrs), c


def test_over_https_every_cookie_is_secure_and_the_session_a_host_cookie():
    env = {"REQUEST_METHOD": "GET", "PATH_INFO": "/login", "REMOTE_ADDR": "192.0.2.9",
           "HTTPS": "on"}
    st, h, body, _ = cgi("login", env)
    assert st == 200 and h["set-cookie"]
    for c in h["set-cookie"]:
        assert "; Secure" in c and "HttpOnly" in c, c
    cookie = "; ".join(c.split(";")[0] for c in h["set-cookie"])
    token = lxml.html.fromstring(body).xpath('//input[@name="csrf"]/@value')[0]
    post = dict(env, REQUEST_METHOD="POST", HTTP_COOKIE=cookie,
                CONTENT_TYPE="application/x-www-form-urlencoded")
    form = urllib.parse.urlencode({"csrf": token, "login": "demo2",
                                   "password": "demo2-password"}).encode()
    st, h, _, _ = cgi("login", post, form)
    assert st == 303
    names = {c.split("=")[0] for c in h["set-cookie"]}
    assert "__Host-sid" in names and "dev" in names
    for c in h["set-cookie"]:
        assert "; Secure" in c and "HttpOnly" in c, c
        if c.startswith("__Host-"):
            assert "Path=/" in c and "Domain" not in c


def test_request_log_has_status_and_time():
    import os
    import time
    from conftest import ENV
    marker = "/nope-%d" % int(time.time() * 1000)
    new_client().get(BASE + marker)
    time.sleep(0.2)
    log = open(os.path.join(ENV, "log", "home.log"), encoding="utf-8", errors="replace").read()
    line = [l for l in log.splitlines() if marker in l]
    assert line, "no log line for the request"
    assert re.search(r' INFO 127\.0\.0\.1 "GET %s" 404 \d+\.\d+ms not-found$' % marker, line[-1])


def test_web_app_manifest_lets_a_phone_add_the_portal_to_its_home_screen():
    import struct
    d = doc(new_client().get(BASE + "/login"))
    assert d.xpath('//link[@rel="manifest"]/@href') == ["/static/manifest.webmanifest"]
    r = requests.get(BASE + "/static/manifest.webmanifest", timeout=10)
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("application/manifest+json")
    assert "manifest-src 'self'" in r.headers["Content-Security-Policy"]
    m = r.json()
    assert m["start_url"] == "/" and m["display"] == "standalone" and m["name"]
    sizes = {}
    for icon in m["icons"]:
        got = requests.get(BASE + icon["src"], timeout=10)
        assert got.status_code == 200, icon["src"]
        if icon["type"] == "image/png":
            assert got.content[:8] == b"\x89PNG\r\n\x1a\n"
            w, h = struct.unpack(">II", got.content[16:24])
            assert icon["sizes"] == "%dx%d" % (w, h)
            sizes[w] = icon
    assert 192 in sizes and 512 in sizes  # what Android asks for
