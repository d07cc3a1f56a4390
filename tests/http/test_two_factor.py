"""Two-step sign-in for subscribers: enrolling an authenticator app, signing
in with its code or a recovery code, remembering a browser for 30 days,
turning it off with the password and a code, and the code tries counted."""
import json
import os
import re

import pytest

from conftest import (BASE, ENV, csrf_of, doc, login, make_subscriber, new_client, signed_in,
                      sql, totp)
from test_delivery import deliver

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


# ---------------------------------------------------------------- codes by SMS

def sms_codes(sid):
    """The sign-in codes queued for the subscriber's phone, newest first."""
    rows = sql("SELECT address, params FROM outbox WHERE subscriber_id = %d AND "
               "kind = 'signin-code' ORDER BY id DESC" % sid)
    return [(a, re.search(r'code="(\d{6})"', p).group(1)) for a, p in rows]


def let_a_minute_pass(sid):
    sql("UPDATE subscriber_totp SET sms_sent_at = sms_sent_at - INTERVAL 61 SECOND "
        "WHERE subscriber_id = %d" % sid)


@pytest.fixture()
def phone_user(user):
    sql("UPDATE subscribers SET phone = '+7 912 000-43-21' WHERE id = %d" % user)
    return user


def turn_on_sms(s, sid):
    r = post(s, "/settings/2fa/on", {"current_password": PASSWORD, "method": "sms"},
             "/settings/2fa")
    assert r.status_code == 303 and r.headers["Location"] == "/settings/2fa/enrol?done=sent"
    (address, code), = sms_codes(sid)
    assert address == "+7 912 000-43-21"
    page = s.get(BASE + "/settings/2fa/enrol?done=sent")
    d = doc(page)
    assert "4321" in d.get_element_by_id("sms-enter").text_content()
    assert not d.xpath("//svg")  # nothing to scan
    wrong = "%06d" % ((int(code) + 1) % 1000000)
    r = s.post(BASE + "/settings/2fa/enrol", data={"csrf": csrf_of(page), "code": wrong},
               allow_redirects=False)
    assert r.status_code == 422
    r = s.post(BASE + "/settings/2fa/enrol", data={"csrf": csrf_of(page), "code": code},
               allow_redirects=False)
    assert r.status_code == 200
    codes = doc(r).xpath('//ul[@id="recovery-codes"]/li/code/text()')
    assert len(codes) == 10
    assert sql("SELECT method, enabled_at IS NOT NULL, sms_code_mac IS NULL FROM "
               "subscriber_totp WHERE subscriber_id = %d" % sid) == [("sms", "1", "1")]
    return codes


def test_sms_is_offered_only_with_a_mobile_number(user):
    s = signed_in(USER, PASSWORD)
    d = doc(s.get(BASE + "/settings/2fa"))
    assert not d.xpath('//input[@id="method-sms"]') and d.get_element_by_id("no-phone") is not None
    r = post(s, "/settings/2fa/on", {"current_password": PASSWORD, "method": "sms"},
             "/settings/2fa")
    assert r.status_code == 422
    assert doc(r).get_element_by_id("error-method").text_content().strip() == \
        "Для кодов в SMS нужен номер мобильного телефона в профиле."
    assert sql("SELECT COUNT(*) FROM subscriber_totp WHERE subscriber_id = %d" % user) == [("0",)]


def test_sign_in_with_a_code_by_sms_takes_it_once(phone_user):
    s = signed_in(USER, PASSWORD)
    turn_on_sms(s, phone_user)
    assert "4321" in doc(s.get(BASE + "/settings/2fa")).get_element_by_id(
        "two-factor-state").text_content()
    let_a_minute_pass(phone_user)
    c = new_client()
    r = login(c, USER, PASSWORD)
    assert r.status_code == 303 and r.headers["Location"] == "/login/code?done=sent"
    (_, code), _ = sms_codes(phone_user)
    page = c.get(BASE + r.headers["Location"])
    d = doc(page)
    assert "4321" in d.get_element_by_id("code-intro").text_content()
    assert d.get_element_by_id("sms-sent").text_content().strip().startswith("Код отправлен")
    # The SMS carries the code and nothing of the account but the login.
    r = c.post(BASE + "/login/code", data={"csrf": csrf_of(page), "code": code},
               allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/" and c.cookies.get("sid")
    # Good once: the same code in another browser's second step is refused.
    let_a_minute_pass(phone_user)
    c2 = new_client()
    assert login(c2, USER, PASSWORD).status_code == 303
    page = c2.get(BASE + "/login/code")
    r = c2.post(BASE + "/login/code", data={"csrf": csrf_of(page), "code": code},
                allow_redirects=False)
    assert r.status_code == 422 and c2.cookies.get("sid") is None
    # The gateway gets the code in the subscriber's language; once sent, the outbox
    # forgets it (a secret kind).
    smsdir = os.path.join(ENV, "sms")
    before = set(os.listdir(smsdir))
    out = deliver()
    assert out.returncode == 0, out.stderr
    texts = [json.load(open(os.path.join(smsdir, n))) for n in sorted(os.listdir(smsdir))
             if n.endswith(".json") and n not in before]
    assert any("Код для входа в личный кабинет: %s." % code in json.dumps(t, ensure_ascii=False)
               for t in texts), texts
    assert sql("SELECT COUNT(*) FROM outbox WHERE subscriber_id = %d AND kind = 'signin-code' "
               "AND params LIKE '%%code=%%'" % phone_user) == [("0",)]


def test_an_sms_code_expires_and_a_new_one_waits_a_minute(phone_user):
    s = signed_in(USER, PASSWORD)
    turn_on_sms(s, phone_user)
    let_a_minute_pass(phone_user)
    c = new_client()
    assert login(c, USER, PASSWORD).headers["Location"] == "/login/code?done=sent"
    page = c.get(BASE + "/login/code")
    # Asking again at once: no new SMS; the one sent stands.
    r = c.post(BASE + "/login/code", data={"csrf": csrf_of(page), "resend": "1"},
               allow_redirects=False)
    assert r.headers["Location"] == "/login/code?done=too-soon"
    assert len(sms_codes(phone_user)) == 2
    let_a_minute_pass(phone_user)
    r = c.post(BASE + "/login/code", data={"csrf": csrf_of(page), "resend": "1"},
               allow_redirects=False)
    assert r.headers["Location"] == "/login/code?done=sent"
    (_, newest), (_, older), _ = sms_codes(phone_user)
    if older != newest:  # the older code was replaced by the new one
        r = c.post(BASE + "/login/code", data={"csrf": csrf_of(page), "code": older},
                   allow_redirects=False)
        assert r.status_code == 422
    # Ten minutes later the code is no longer good.
    sql("UPDATE subscriber_totp SET sms_code_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND "
        "WHERE subscriber_id = %d" % phone_user)
    r = c.post(BASE + "/login/code", data={"csrf": csrf_of(page), "code": newest},
               allow_redirects=False)
    assert r.status_code == 422
    assert doc(r).get_element_by_id("error-code").text_content().strip() == \
        "Код неверен или устарел."


def test_sms_codes_are_limited_per_day_and_a_recovery_code_still_signs_in(phone_user):
    s = signed_in(USER, PASSWORD)
    codes = turn_on_sms(s, phone_user)
    for _ in range(9):
        let_a_minute_pass(phone_user)
        assert login(new_client(), USER, PASSWORD).headers["Location"] == \
            "/login/code?done=sent"
        sql("DELETE FROM signin_throttles")
    let_a_minute_pass(phone_user)
    c = new_client()
    r = login(c, USER, PASSWORD)
    assert r.headers["Location"] == "/login/code?done=too-many"
    assert len(sms_codes(phone_user)) == 10
    page = c.get(BASE + r.headers["Location"])
    assert "код восстановления" in doc(page).get_element_by_id("sms-sent").text_content()
    r = c.post(BASE + "/login/code", data={"csrf": csrf_of(page), "code": codes[0]},
               allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/"


def test_turning_sms_off_takes_the_password_and_a_code_sent_for_it(phone_user):
    s = signed_in(USER, PASSWORD)
    turn_on_sms(s, phone_user)
    let_a_minute_pass(phone_user)
    r = post(s, "/settings/2fa/send", {}, "/settings/2fa")
    assert r.status_code == 303 and r.headers["Location"] == "/settings/2fa?done=sent"
    (_, code), _ = sms_codes(phone_user)
    r = post(s, "/settings/2fa/off", {"current_password": "wrong-password-x", "code": code},
             "/settings/2fa")
    assert r.status_code == 422
    r = post(s, "/settings/2fa/off", {"current_password": PASSWORD, "code": code},
             "/settings/2fa")
    assert r.status_code == 303 and r.headers["Location"] == "/settings/2fa?done=off"
    assert sql("SELECT COUNT(*) FROM subscriber_totp WHERE subscriber_id = %d" % phone_user) \
        == [("0",)]
    assert login(new_client(), USER, PASSWORD).headers["Location"] == "/"


def test_resend_means_nothing_to_an_app_user(user):
    s = signed_in(USER, PASSWORD)
    turn_on(s, user)
    c = new_client()
    assert login(c, USER, PASSWORD).headers["Location"] == "/login/code"
    page = c.get(BASE + "/login/code")
    assert not doc(page).xpath('//form[@id="resend-form"]')
    r = c.post(BASE + "/login/code", data={"csrf": csrf_of(page), "resend": "1"},
               allow_redirects=False)
    assert r.headers["Location"] == "/login/code"
    assert sms_codes(user) == []
