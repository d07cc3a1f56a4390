"""Signing in and out: the login section end to end against the real stack."""
import os
import urllib.parse

import lxml.etree
import lxml.html
import pytest

from conftest import (BASE, DEMO, DEMO2, ENV, blake2b_hex, cgi, csrf_of, doc, error_message, login,
                      new_client, password_hash, signed_in, sql)


def test_login_page_is_russian_by_default_and_sets_a_pre_session_cookie():
    s = new_client()
    r = s.get(BASE + "/login", allow_redirects=False)
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/html; charset=utf-8"
    assert r.headers["Cache-Control"] == "no-store"
    d = doc(r)
    assert d.xpath("string(//html/@lang)") == "ru"
    assert "Вход в личный кабинет" in d.xpath("string(//h1)")
    assert d.xpath('//form[@id="login-form"]/@method') == ["post"]
    assert d.xpath('//input[@name="login"]') and d.xpath('//input[@name="password"]')
    assert len(csrf_of(r)) == 43
    cookie = r.headers["Set-Cookie"]
    assert cookie.startswith("pre=") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    # Nobody is signed in: no navigation, no sign-out button.
    assert not d.xpath("//nav[@class='sections']") and not d.xpath('//*[@id="logout"]')


def test_sign_in_lands_on_home_with_name_and_navigation():
    s = new_client()
    r = login(s)
    assert r.status_code == 303
    assert r.headers["Location"] == "/"
    sid = s.cookies.get("sid")
    assert sid and len(sid) == 43
    set_cookie = [c for c in r.raw.headers.getlist("Set-Cookie") if c.startswith("sid=")][0]
    for attr in ("HttpOnly", "SameSite=Lax", "Path=/"):
        assert attr in set_cookie
    assert "Domain" not in set_cookie and "Max-Age" not in set_cookie
    home = s.get(BASE + "/", allow_redirects=False)
    assert home.status_code == 200
    d = doc(home)
    assert DEMO[2] in d.xpath("string(//h1[@id='greeting'])")
    sections = ["/", "/news", "/inbox", "/appeals", "/accounts", "/services", "/readings",
                "/payments", "/receipts", "/documents", "/calculator", "/settings"]
    # Contacts and help, with the site map, are in every page's footer instead.
    assert d.xpath("//footer//a[@id='footer-contacts']/@href") == ["/contacts"]
    # The wide list and the narrow screens' menu hold the same links.
    assert d.xpath("//nav[@class='sections']/ul[@class='nav-wide']//a/@href") == sections
    assert d.xpath("//nav[@class='sections']/details[@class='nav-menu']//a/@href") == sections
    assert d.xpath('//*[@id="logout"]')
    assert home.headers["Cache-Control"] == "no-store"


def test_only_a_hash_of_the_session_token_is_stored():
    s = signed_in()
    sid = s.cookies.get("sid")
    rows = sql("SELECT HEX(token_hash) FROM sessions")
    stored = {r[0].lower() for r in rows}
    assert blake2b_hex(sid) in stored
    assert sid not in str(rows)
    assert not sql("SELECT id FROM sessions WHERE token_hash = '%s'" % sid)


@pytest.mark.parametrize("user,password", [
    (DEMO[0], "wrong-password"),
    ("no-such-login", "wrong-password"),
    (DEMO[0], DEMO[1] + " "),
    (DEMO[0].upper() + "x", DEMO[1]),
])
def test_wrong_credentials_get_one_plain_message(user, password):
    s = new_client()
    r = login(s, user, password)
    assert r.status_code == 422
    assert error_message(r) == "Неверный логин или пароль"
    assert s.cookies.get("sid") is None
    # The login is kept in the form, the password never is.
    d = doc(r)
    assert d.xpath('string(//input[@name="login"]/@value)') == user
    assert d.xpath('string(//input[@name="password"]/@value)') == ""


def test_unknown_login_and_wrong_password_look_the_same():
    pages = []
    for user in (DEMO[0], "no-such-login-x"):
        r = login(new_client(), user, "wrong-password")
        d = doc(r)
        for el in d.xpath('//input[@name="login" or @name="csrf"]'):
            el.set("value", "")
        pages.append((r.status_code, lxml.etree.tostring(d)))
    assert pages[0] == pages[1]


def test_wrong_credentials_in_english():
    r = login(new_client("en"), DEMO[0], "nope")
    assert r.status_code == 422
    assert error_message(r) == "Invalid login or password"


def test_empty_fields_are_a_clear_400():
    s = new_client()
    r = s.get(BASE + "/login")
    r = s.post(BASE + "/login", data={"csrf": csrf_of(r), "login": "", "password": ""},
               allow_redirects=False)
    assert r.status_code == 400
    assert error_message(r) == "Введите логин и пароль."


def test_login_is_case_insensitive():
    r = login(new_client(), "DeMo", DEMO[1])
    assert r.status_code == 303


def test_every_attempt_is_recorded():
    login(new_client(), DEMO[0], "wrong")
    login(new_client(), DEMO[0], DEMO[1])
    rows = sql("SELECT login, ip, result, subscriber_id IS NOT NULL FROM login_attempts ORDER BY id")
    assert [r[2] for r in rows] == ["fail", "ok"]
    assert all(r[1] == "127.0.0.1" and r[3] == "1" for r in rows)


def test_logout_really_ends_the_session():
    s = signed_in()
    sid = s.cookies.get("sid")
    home = s.get(BASE + "/")
    r = s.post(BASE + "/logout", data={"csrf": csrf_of(home)}, allow_redirects=False)
    assert r.status_code == 303
    assert r.headers["Location"] == "/login?done=out"
    assert doc(s.get(BASE + r.headers["Location"])).xpath('string(//*[@id="done"])').strip() == \
        "Вы вышли из кабинета."
    assert "sid=;" in r.headers["Set-Cookie"] and "Max-Age=0" in r.headers["Set-Cookie"]
    assert not sql("SELECT id FROM sessions WHERE token_hash = UNHEX('%s')" % blake2b_hex(sid))
    # Replaying the old cookie (a back button, a copied cookie) gets nothing.
    c = new_client()
    c.cookies.set("sid", sid)
    r = c.get(BASE + "/", allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].startswith("/login")


def test_logout_by_get_is_refused():
    s = signed_in()
    r = s.get(BASE + "/logout", allow_redirects=False)
    assert r.status_code == 405
    assert r.headers["Allow"] == "POST"
    assert "Действие недоступно" in doc(r).xpath("string(//h1)")
    assert s.get(BASE + "/", allow_redirects=False).status_code == 200


def test_signed_out_visitor_is_sent_to_login_and_back():
    s = new_client()
    r = s.get(BASE + "/", allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/login"
    r = s.get(BASE + "/?tab=1", allow_redirects=False)
    assert r.headers["Location"] == "/login?next=/%3Ftab%3D1"
    form = s.get(BASE + r.headers["Location"])
    assert doc(form).xpath('string(//form[@id="login-form"]//input[@name="next"]/@value)') \
        == "/?tab=1"
    # The language switch comes back to the same page, query included.
    assert doc(form).xpath('string(//form[@class="lang-switch"]//input[@name="next"]/@value)') \
        == "/login?next=/%3Ftab%3D1"
    r = login(s, next_="/?tab=1")
    assert r.headers["Location"] == "/?tab=1"


@pytest.mark.parametrize("column,offset", [("last_seen", "31 MINUTE"), ("created_at", "13 HOUR")])
def test_expired_sessions_are_refused(column, offset):
    s = signed_in()
    h = blake2b_hex(s.cookies.get("sid"))
    assert s.get(BASE + "/", allow_redirects=False).status_code == 200
    sql("UPDATE sessions SET %s = UTC_TIMESTAMP(6) - INTERVAL %s WHERE token_hash = UNHEX('%s')"
        % (column, offset, h))
    r = s.get(BASE + "/", allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].startswith("/login")


def test_activity_keeps_an_idle_session_alive():
    s = signed_in()
    h = blake2b_hex(s.cookies.get("sid"))
    sql("UPDATE sessions SET last_seen = UTC_TIMESTAMP(6) - INTERVAL 29 MINUTE "
        "WHERE token_hash = UNHEX('%s')" % h)
    assert s.get(BASE + "/", allow_redirects=False).status_code == 200
    (age,) = sql("SELECT TIMESTAMPDIFF(SECOND, last_seen, UTC_TIMESTAMP(6)) FROM sessions "
                 "WHERE token_hash = UNHEX('%s')" % h)[0]
    assert int(age) < 60


def test_a_new_session_id_at_every_login():
    s = new_client()
    s.cookies.set("sid", "A" * 43, domain="127.0.0.1", path="/")  # planted by an attacker
    login(s)
    sid = s.cookies.get("sid")
    assert sid != "A" * 43
    first = sid
    home = s.get(BASE + "/")
    # Signing in again while signed in replaces the session; the old id dies.
    r = s.post(BASE + "/login", data={"csrf": csrf_of(home),
                                       "login": DEMO[0], "password": DEMO[1]},
               allow_redirects=False)
    assert home.status_code == 200
    assert r.status_code == 303
    assert s.cookies.get("sid") != first
    old = new_client()
    old.cookies.set("sid", first)
    assert old.get(BASE + "/", allow_redirects=False).status_code == 303


def test_sessions_in_two_browsers_are_independent():
    a, b = signed_in(), signed_in()
    assert a.cookies.get("sid") != b.cookies.get("sid")
    a.post(BASE + "/logout", data={"csrf": csrf_of(a.get(BASE + "/"))})
    assert b.get(BASE + "/", allow_redirects=False).status_code == 200


def test_session_tokens_are_distinct_and_long():
    sids = set()
    for _ in range(30):
        sids.add(signed_in().cookies.get("sid"))
    assert len(sids) == 30 and all(len(x) == 43 for x in sids)


def test_previous_login_is_shown():
    signed_in(*DEMO2[:2])
    s = signed_in(*DEMO2[:2])
    d = doc(s.get(BASE + "/"))
    prev = d.xpath("string(//*[@id='previous-login'])")
    assert "127.0.0.1" in prev and "UTC" not in prev
    # In the site's time zone (Moscow unless [site] time_zone says otherwise), never raw UTC.
    (utc,) = sql("SELECT DATE_FORMAT(MAX(prev_login_at) + INTERVAL 3 HOUR, '%d.%m.%Y %H:%i') "
                 "FROM sessions s JOIN subscribers u ON u.id = s.subscriber_id "
                 "WHERE u.login = 'demo2'")[0]
    assert utc in prev, (utc, prev)
    assert d.xpath("string(//*[@id='previous-login']//time/@datetime)").endswith("+03:00")


def test_retry_after_follows_the_configured_window(tmp_path):
    """The lock lasts as long as the window failures count in: 7 minutes here, not 15."""
    conf = tmp_path / "portal.ini"
    text = open(os.path.join(ENV, "portal.ini")).read()
    assert "[login]" not in text
    conf.write_text(text + "\n[login]\nwindow_minutes = 7\n")
    env = {"REQUEST_METHOD": "GET", "PATH_INFO": "/login", "REMOTE_ADDR": "192.0.2.77"}
    st, h, body, _ = cgi("login", env, config=str(conf))
    assert st == 200
    cookie = "; ".join(c.split(";")[0] for c in h["set-cookie"])
    token = lxml.html.fromstring(body).xpath('//input[@name="csrf"]/@value')[0]
    post = dict(env, REQUEST_METHOD="POST", HTTP_COOKIE=cookie,
                CONTENT_TYPE="application/x-www-form-urlencoded")
    form = urllib.parse.urlencode({"csrf": token, "login": "nobody-7", "password": "x"}).encode()
    for _ in range(5):
        st, h, _, _ = cgi("login", post, form, config=str(conf))
        assert st == 422 and "retry-after" not in h
    st, h, _, _ = cgi("login", post, form, config=str(conf))
    assert st == 429 and h["retry-after"] == ["420"]


def test_weak_hash_is_replaced_at_sign_in():
    argon2 = pytest.importorskip("argon2")
    weak = argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1,
                                 type=argon2.Type.ID).hash(DEMO2[1])
    (before,) = sql("SELECT password_hash FROM subscribers WHERE login = 'demo2'")[0]
    try:
        sql("UPDATE subscribers SET password_hash = '%s' WHERE login = 'demo2'" % weak)
        assert login(new_client(), *DEMO2[:2]).status_code == 303
        (after,) = sql("SELECT password_hash FROM subscribers WHERE login = 'demo2'")[0]
        # The cost of the site's configuration ([passwords]), as kabinet-passwd makes it.
        assert after != weak and after.split("$")[3] == password_hash("x").split("$")[3]
        assert login(new_client(), *DEMO2[:2]).status_code == 303
    finally:
        sql("UPDATE subscribers SET password_hash = '%s' WHERE login = 'demo2'" % before)


def test_lockout_after_five_failures_for_one_login():
    for _ in range(5):
        assert login(new_client(), DEMO2[0], "wrong").status_code == 422
    s = new_client()
    r = login(s, *DEMO2[:2])  # even the right password waits
    assert r.status_code == 429
    assert r.headers["Retry-After"] == "900"
    assert error_message(r).startswith("Слишком много неудачных попыток входа")
    assert s.cookies.get("sid") is None
    # Another login from the same address is not affected.
    assert login(new_client(), *DEMO[:2]).status_code == 303
    assert sql("SELECT COUNT(*) FROM login_attempts WHERE result = 'locked'")[0][0] == "1"


def test_lockout_applies_to_unknown_logins_alike():
    for _ in range(5):
        login(new_client(), "ghost-user", "wrong")
    assert login(new_client(), "ghost-user", "wrong").status_code == 429


def test_lockout_after_twenty_failures_from_one_address():
    for i in range(20):
        assert login(new_client(), "user%d" % i, "wrong").status_code == 422
    r = login(new_client("en"), *DEMO[:2])
    assert r.status_code == 429
    assert error_message(r).startswith("Too many failed sign-in attempts")


def test_lockout_expires_with_its_window():
    for _ in range(5):
        login(new_client(), DEMO2[0], "wrong")
    assert login(new_client(), *DEMO2[:2]).status_code == 429
    sql("UPDATE signin_throttles SET locked_until = locked_until - INTERVAL 16 MINUTE, "
        "window_start = window_start - INTERVAL 16 MINUTE")
    assert login(new_client(), *DEMO2[:2]).status_code == 303


@pytest.mark.parametrize("target", [
    "//evil.example/", "https://evil.example/", "/\\evil.example", "http:/evil.example",
    "javascript:alert(1)", "/ok\r\nSet-Cookie: x=1", " /x", "/login", "/logout",
])
def test_next_accepts_only_local_paths(target):
    r = login(new_client(), next_=target)
    assert r.status_code == 303
    assert r.headers["Location"] == "/"


def test_next_keeps_a_local_path():
    r = login(new_client(), next_="/accounts?id=3")
    assert r.headers["Location"] == "/accounts?id=3"


def test_already_signed_in_visitor_skips_the_form():
    s = signed_in()
    r = s.get(BASE + "/login", allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/"


def test_xml_api_of_the_login_page():
    r = new_client().get(BASE + "/login?format=xml&next=/x")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "application/xml; charset=utf-8"
    assert b"<!DOCTYPE" not in r.content
    x = lxml.etree.fromstring(r.content)
    assert x.tag == "page" and x.get("section") == "login" and x.get("lang") == "ru"
    assert x.findtext("login-form/next") == "/x"
    assert len(x.findtext("csrf")) == 43


def test_xml_api_of_home():
    s = signed_in()
    x = lxml.etree.fromstring(s.get(BASE + "/?format=xml").content)
    assert x.get("section") == "home"
    assert x.findtext("user/name") == DEMO[2]
    assert x.findtext("home/email") == "demo@example.org"
    assert [i.get("id") for i in x.findall("nav/item")] == [
        "home", "news", "inbox", "appeals", "accounts", "services", "readings", "payments",
        "receipts", "documents", "calculator", "settings"]


def test_a_form_posted_after_the_session_ended_returns_to_a_page_that_can_be_shown():
    """Signing in again lands on the form's page, never on a POST-only URL (405)."""
    s = new_client()
    token = csrf_of(s.get(BASE + "/login"))
    for path, back in (("/settings/profile", "/settings"), ("/accounts/current", "/accounts"),
                       ("/settings/sessions/end", "/settings/sessions"),
                       ("/readings", "/readings")):
        r = s.post(BASE + path, data={"csrf": token}, allow_redirects=False)
        assert r.status_code == 303, path
        assert r.headers["Location"] == "/login?next=" + back, path
        r = login(new_client(), next_=back, follow=False)
        assert r.status_code == 303 and r.headers["Location"] == back
    r = s.post(BASE + "/logout", data={"csrf": token}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/login"


# ------------------------------------------------------------------ the lock, redesigned

def throttle(scope):
    return sql("SELECT tries, locked_until, lock_level FROM signin_throttles WHERE scope = '%s'"
               % scope)


def test_refused_tries_during_a_lock_do_not_make_it_longer():
    for _ in range(5):
        assert login(new_client(), DEMO2[0], "wrong").status_code == 422
    assert login(new_client(), DEMO2[0], "wrong").status_code == 429
    (before,) = throttle("login")
    for _ in range(10):
        r = login(new_client(), DEMO2[0], "wrong")
        assert r.status_code == 429 and int(r.headers["Retry-After"]) <= 900
    assert throttle("login") == [before]
    # Only five passwords were ever checked; the rest were refused unchecked.
    assert sql("SELECT result, COUNT(*) FROM login_attempts WHERE login = 'demo2' "
               "GROUP BY result ORDER BY result") == [("fail", "5"), ("locked", "11")]


def test_a_browser_that_signed_in_before_is_not_locked_out_by_others():
    mine = new_client()
    assert login(mine, *DEMO2[:2]).status_code == 303
    assert mine.cookies.get("dev")
    mine.post(BASE + "/logout", data={"csrf": csrf_of(mine.get(BASE + "/"))})
    for _ in range(6):  # someone else, anywhere, trying passwords
        login(new_client(), DEMO2[0], "wrong")
    assert login(new_client(), *DEMO2[:2]).status_code == 429
    # The owner's browser counts its own tries, and its right password works.
    assert login(mine, DEMO2[0], "my typo").status_code == 422
    assert login(mine, *DEMO2[:2]).status_code == 303
    # A cookie of another subscriber's browser is worth nothing here.
    other = new_client()
    assert login(other, *DEMO[:2]).status_code == 303
    stranger = new_client()
    stranger.cookies.set("dev", other.cookies.get("dev"))
    assert login(stranger, *DEMO2[:2]).status_code == 429


def test_each_lock_after_the_first_lasts_twice_as_long():
    for level, seconds in ((1, 900), (2, 1800), (3, 3600)):
        for _ in range(5):
            login(new_client(), DEMO2[0], "wrong")
        r = login(new_client(), DEMO2[0], "wrong")
        assert r.status_code == 429 and r.headers["Retry-After"] == str(seconds), level
        assert throttle("login")[0][2] == str(level)
        sql("UPDATE signin_throttles SET locked_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND, "
            "window_start = window_start - INTERVAL 1 HOUR WHERE scope = 'login'")
    # A right password ends the back-off.
    assert login(new_client(), *DEMO2[:2]).status_code == 303
    assert throttle("login")[0][2] == "0"


def test_the_address_and_the_login_lock_apart():
    for i in range(20):
        assert login(new_client(), "nobody-%d" % i, "wrong").status_code == 422
    r = login(new_client(), *DEMO[:2])
    assert r.status_code == 429
    # Each login counts its one try; the refused one counted nowhere.
    assert sorted(t[0] for t in throttle("login")) == ["0"] + ["1"] * 20


def test_parallel_tries_are_counted_exactly():
    import concurrent.futures
    clients = []
    for _ in range(16):
        s = new_client()
        r = s.get(BASE + "/login")
        clients.append((s, csrf_of(r)))

    def attempt(c):
        s, token = c
        return s.post(BASE + "/login", data={"csrf": token, "login": DEMO2[0],
                                             "password": "wrong"}, allow_redirects=False).status_code
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(attempt, clients))
    assert statuses.count(422) == 5 and statuses.count(429) == 11, statuses
    assert sql("SELECT COUNT(*) FROM login_attempts WHERE login = 'demo2' AND result = 'fail'") \
        == [("5",)]


@pytest.mark.parametrize("typed,signs_in", [
    ("demo2", True), ("DEMO2", True), (" Demo2 ", True),
    ("\uff24\uff25\uff2d\uff2f\uff12", True),  # fullwidth: the same letters, wider
    ("d\u00e9mo2", False), ("de\u0301mo2", False),  # an accent makes another login
    ("demo\u2082", True),  # a subscript 2 is a 2 (NFKC)
])
def test_logins_compare_without_case_or_width_but_with_accents(typed, signs_in):
    r = login(new_client(), typed, DEMO2[1])
    assert r.status_code == (303 if signs_in else 422), (typed, r.status_code)
