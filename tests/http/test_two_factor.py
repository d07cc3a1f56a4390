"""Two-step sign-in for subscribers: enrolling an authenticator app, signing
in with its code or a recovery code, remembering a browser for 30 days,
turning it off with the password and a code, and the code tries counted."""
import re

import pytest

from conftest import (BASE, csrf_of, doc, login, make_subscriber, new_client, signed_in, sql,
                      totp)

USER, PASSWORD = "twostep-user", "twostep-password-Kq7"


@pytest.fixture()
def user():
    sid = make_subscriber(USER, PASSWORD, [1003], email="twostep@example.org")
    sql("DELETE FROM signin_throttles")
    yield sid
    sql("DELETE FROM outbox WHERE subscriber_id = %d" % sid)
    sql("DELETE FROM subscribers WHERE id = %d" % sid)


def post(s, path, data, form_path):
    page = s.get(BASE + form_path)
    return s.post(BASE + path, data=dict(data, csrf=csrf_of(page)), allow_redirects=False)


def step(sid, seconds):
    """Make the last code used look older, so that the next one is taken (a code is good once)."""
    sql("UPDATE subscriber_totp SET last_step = last_step - %d WHERE subscriber_id = %d"
        % (seconds, sid))


def turn_on(s, sid):
    r = post(s, "/settings/2fa/on", {"current_password": PASSWORD}, "/settings/2fa")
    assert r.status_code == 303 and r.headers["Location"] == "/settings/2fa/enrol"
    page = s.get(BASE + "/settings/2fa/enrol")
    d = doc(page)
    secret = d.get_element_by_id("totp-secret").text
    assert d.xpath("//svg//path/@d") and len(secret) == 32
    r = s.post(BASE + "/settings/2fa/enrol", data={"csrf": csrf_of(page), "code": "000000"
                                                   if totp(secret) != "000000" else "111111"},
               allow_redirects=False)
    assert r.status_code == 422
    r = s.post(BASE + "/settings/2fa/enrol", data={"csrf": csrf_of(page), "code": totp(secret)},
               allow_redirects=False)
    assert r.status_code == 200
    codes = doc(r).xpath('//ul[@id="recovery-codes"]/li/code/text()')
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z0-9]{5}-[a-z0-9]{5}", c) for c in codes)
    step(sid, 10)
    return secret, codes


def sign_in_with_code(code, remember=False, c=None):
    c = c or new_client()
    r = login(c, USER, PASSWORD)
    assert r.status_code == 303 and r.headers["Location"] == "/login/code", r.headers
    assert c.cookies.get("sid") is None  # the password alone opens nothing
    page = c.get(BASE + "/login/code")
    data = {"csrf": csrf_of(page), "code": code}
    if remember:
        data["remember"] = "1"
    return c, c.post(BASE + "/login/code", data=data, allow_redirects=False)


def test_enrol_then_sign_in_takes_the_code_once(user):
    s = signed_in(USER, PASSWORD)
    secret, codes = turn_on(s, user)
    assert doc(s.get(BASE + "/settings/2fa")).get_element_by_id("two-factor-state") \
        .text_content().strip().startswith("Двухэтапный вход включён")
    assert sql("SELECT LENGTH(secret) > 32, enabled_at IS NOT NULL FROM subscriber_totp "
               "WHERE subscriber_id = %d" % user) == [("1", "1")]
    c, r = sign_in_with_code("123456" if totp(secret) != "123456" else "654321")
    assert r.status_code == 422 and c.cookies.get("sid") is None
    code = totp(secret)
    c, r = sign_in_with_code(code)
    assert r.status_code == 303 and r.headers["Location"] == "/" and c.cookies.get("sid")
    assert c.get(BASE + "/settings", allow_redirects=False).status_code == 200
    # The same code again is refused: a code is good once.
    c, r = sign_in_with_code(code)
    assert r.status_code == 422
    # A recovery code works once.
    c, r = sign_in_with_code(codes[0].upper().replace("-", ""))
    assert r.status_code == 303
    c, r = sign_in_with_code(codes[0])
    assert r.status_code == 422
    assert sql("SELECT COUNT(*) FROM subscriber_recovery_codes WHERE subscriber_id = %d AND "
               "used_at IS NULL" % user) == [("9",)]


def test_a_remembered_browser_skips_the_code_for_thirty_days(user):
    s = signed_in(USER, PASSWORD)
    secret, _ = turn_on(s, user)
    mine, r = sign_in_with_code(totp(secret), remember=True)
    assert r.status_code == 303
    assert sql("SELECT TIMESTAMPDIFF(DAY, UTC_TIMESTAMP(), second_factor_until) FROM "
               "subscriber_devices WHERE subscriber_id = %d AND second_factor_until IS NOT NULL"
               % user) in ([("29",)], [("30",)])
    again = new_client()
    again.cookies.set("dev", mine.cookies.get("dev"))
    r = login(again, USER, PASSWORD)
    assert r.status_code == 303 and r.headers["Location"] == "/"
    # Another browser still needs the code.
    r = login(new_client(), USER, PASSWORD)
    assert r.headers["Location"] == "/login/code"


def test_code_tries_count_like_passwords(user):
    s = signed_in(USER, PASSWORD)
    secret, _ = turn_on(s, user)
    sql("DELETE FROM signin_throttles")
    c = new_client()
    assert login(c, USER, PASSWORD).headers["Location"] == "/login/code"
    page = c.get(BASE + "/login/code")
    wrong = "%06d" % ((int(totp(secret)) + 500000) % 1000000)
    statuses = [c.post(BASE + "/login/code", data={"csrf": csrf_of(page), "code": wrong},
                       allow_redirects=False).status_code for _ in range(5)]
    assert statuses == [422] * 4 + [429], statuses  # the password was the first try


def test_turning_it_off_needs_the_password_and_a_code(user):
    s = signed_in(USER, PASSWORD)
    secret, codes = turn_on(s, user)
    r = post(s, "/settings/2fa/off", {"current_password": PASSWORD, "code": "000000"},
             "/settings/2fa")
    assert r.status_code == 422
    r = post(s, "/settings/2fa/off", {"current_password": "wrong-password", "code": codes[1]},
             "/settings/2fa")
    assert r.status_code == 422
    r = post(s, "/settings/2fa/off", {"current_password": PASSWORD, "code": codes[1]},
             "/settings/2fa")
    assert r.status_code == 303 and r.headers["Location"] == "/settings/2fa?done=off"
    assert sql("SELECT COUNT(*) FROM subscriber_totp WHERE subscriber_id = %d" % user) == [("0",)]
    assert login(new_client(), USER, PASSWORD).headers["Location"] == "/"
    kinds = [k for (k,) in sql("SELECT kind FROM outbox WHERE subscriber_id = %d ORDER BY id"
                               % user)]
    assert "two-factor-on" in kinds and "two-factor-off" in kinds


def test_the_code_page_without_a_password_step_goes_back_to_sign_in():
    r = new_client().get(BASE + "/login/code", allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/login"
    c = new_client()
    c.cookies.set("step2", "A" * 43, path="/login")
    assert c.get(BASE + "/login/code", allow_redirects=False).headers["Location"] == "/login"
