"""Settings, self-registration, password recovery, and the messages they send.

Mail lands in the stack's SMTP sink (ENV/mail), text messages in its SMS
gateway emulator (ENV/sms); the tests run the delivery program themselves,
then read what arrived, follow the links and type the codes."""
import json
import os
import re
import subprocess
import time

import pytest

from conftest import (BASE, DEMO, ENV, csrf_of, doc, error_message, login, make_subscriber,
                      new_client, signed_in, sql, wait_until)
from test_delivery import deliver, drain, mails, read

SMSDIR = os.path.join(ENV, "sms")
USER = "settingsuser"
PASSWORD = "settings-password-1"
MAIL = "settings@example.org"
PHONE = "+7 912 000-11-22"


def texts():
    return sorted(f for f in os.listdir(SMSDIR) if f.endswith(".json"))


def new_texts(before):
    out = []
    for n in texts():
        if n not in before:
            with open(os.path.join(SMSDIR, n)) as f:
                out.append(json.load(f))
    return out


def body(m):
    return m.get_body(("plain",)).get_content()


NEW_BROWSER = ("Вход из нового браузера", "Sign-in from a new browser")


def send(new_browser=False):
    """Deliver what is queued; return (mails, texts) that arrived.  The notices
    of sign-ins from new browsers (most tests sign in from several) are left
    out unless asked for."""
    m, t = mails(), texts()
    out = deliver()
    assert out.returncode == 0, out.stdout + out.stderr
    got = [read(n) for n in mails() if n not in m]
    if not new_browser:
        got = [g for g in got if g["Subject"] not in NEW_BROWSER]
    return got, new_texts(t)


def post(s, path, data, form_path=None):
    r = s.get(BASE + (form_path or path))
    assert r.status_code == 200, (form_path or path, r.status_code)
    return s.post(BASE + path, data=dict(data, csrf=csrf_of(r)), allow_redirects=False)


def field_errors(r):
    return {e.get("id")[len("error-"):]: e.text_content().strip()
            for e in doc(r).xpath('//p[@class="field-error"]')}


@pytest.fixture()
def user():
    """A subscriber of their own, with a phone and an e-mail address, nothing queued before."""
    drain()
    sid = make_subscriber(USER, PASSWORD, [1001], email=MAIL)
    sql("UPDATE subscribers SET phone = '%s' WHERE id = %d" % (PHONE, sid))
    yield sid
    sql("DELETE FROM subscribers WHERE login = '%s'" % USER)
    sql("DELETE FROM outbox WHERE subscriber_id = %d" % sid)


@pytest.fixture(autouse=True)
def no_form_attempts():
    assert os.path.isdir(SMSDIR), "the stack runs an SMS gateway emulator"
    sql("DELETE FROM form_attempts")
    yield


# ------------------------------------------------------------------ the settings page

@pytest.mark.parametrize("lang,title", [("ru", "Настройки"), ("en", "Settings")])
def test_settings_show_what_is_on_file(user, lang, title):
    s = signed_in(USER, PASSWORD, lang=lang)
    r = s.get(BASE + "/settings")
    assert r.status_code == 200 and "no-store" in r.headers["Cache-Control"]
    d = doc(r)
    assert d.findtext(".//h1") == title
    assert d.get_element_by_id("login").text == USER
    assert d.get_element_by_id("email").text.strip() == MAIL
    assert d.get_element_by_id("mobile").get("value") == PHONE
    assert d.xpath('//input[@id="email_payment"]/@checked') == ["checked"]
    assert d.xpath('//input[@id="sms_payment"]/@checked') == []
    assert d.xpath('//form[@id="ereceipt-1001"]')
    assert new_client().get(BASE + "/settings", allow_redirects=False).status_code == 303


def test_profile_saves_name_and_landline_and_asks_for_a_new_mobile(user):
    s = signed_in(USER, PASSWORD)
    r = post(s, "/settings/profile", {"full_name": "Новое Имя <b>&'\"", "landline": "8 (495) 123-45-67",
                                      "mobile": "8 999 111-22-33"}, "/settings")
    assert r.status_code == 303 and r.headers["Location"] == "/settings?done=profile"
    name, landline, phone = sql("SELECT full_name, landline, phone FROM subscribers WHERE id = %d"
                                % user)[0]
    assert (name, landline, phone) == ("Новое Имя <b>&'\"", "+74951234567", PHONE)
    assert sql("SELECT field, value, status FROM contact_requests WHERE subscriber_id = %d"
               % user) == [("mobile", "+79991112233", "pending")]
    r = s.get(BASE + "/settings?done=profile")
    d = doc(r)
    assert d.get_element_by_id("done").text.strip() == "Личные данные сохранены."
    assert "+79991112233" in d.get_element_by_id("pending-mobile").text_content()
    assert d.get_element_by_id("full_name").get("value") == "Новое Имя <b>&'\""
    # A newer request replaces the pending one; the number on file asks for nothing.
    post(s, "/settings/profile", {"full_name": "Новое Имя", "mobile": "+7 999 555-66-77"}, "/settings")
    post(s, "/settings/profile", {"full_name": "Новое Имя", "mobile": PHONE}, "/settings")
    assert sql("SELECT value FROM contact_requests WHERE subscriber_id = %d" % user) == \
        [("+79995556677",)]
    # An empty landline clears it.
    assert sql("SELECT landline FROM subscribers WHERE id = %d" % user) == [("NULL",)]


@pytest.mark.parametrize("lang,message", [("ru", "Проверьте отмеченные поля."),
                                          ("en", "Please check the marked fields.")])
def test_profile_refuses_bad_input_beside_each_field(user, lang, message):
    s = signed_in(USER, PASSWORD, lang=lang)
    for data, fields in (({"full_name": "", "landline": "12"}, {"full_name", "landline"}),
                         ({"full_name": "Имя", "mobile": "call me"}, {"mobile"}),
                         ({"full_name": "x" * 201}, {"full_name"}),
                         ({"full_name": "Имя\x01"}, {"full_name"})):
        r = post(s, "/settings/profile", data, "/settings")
        assert r.status_code == 400, data
        assert error_message(r) == message
        assert set(field_errors(r)) == fields, data
    assert sql("SELECT full_name FROM subscribers WHERE id = %d" % user) == \
        [("Тестов Тест Тестович",)]
    assert sql("SELECT COUNT(*) FROM contact_requests WHERE subscriber_id = %d" % user) == [("0",)]


def test_notifications_are_chosen_per_channel_and_topic(user):
    s = signed_in(USER, PASSWORD)
    r = post(s, "/settings/notifications", {"email_receipt": "1", "sms_payment": "1",
                                            "sms_news": "1"}, "/settings")
    assert r.status_code == 303
    assert sql("SELECT notify_email, notify_sms FROM subscribers WHERE id = %d" % user) == \
        [("receipt", "payment,news")]
    d = doc(s.get(BASE + "/settings"))
    assert d.xpath('//input[@type="checkbox"][@checked]/@name') == \
        ["email_receipt", "sms_payment", "sms_news"]
    assert post(s, "/settings/notifications", {"sms_payment": "2"}, "/settings").status_code == 400


def test_a_payment_notice_goes_by_the_channels_chosen(user):
    sql("UPDATE subscribers SET notify_email = '', notify_sms = 'payment' WHERE id = %d" % user)
    sql("INSERT INTO outbox (subscriber_id, channel, address, lang, kind, params, "
        "next_attempt_at, created_at) SELECT id, 'sms', phone, lang, 'payment-succeeded', "
        "'<payment minor=\"123456\" currency=\"RUB\" accounts=\"2000001001\"/>', NOW(6), NOW(6) "
        "FROM subscribers WHERE id = %d AND FIND_IN_SET('payment', notify_sms)" % user)
    got_mail, got_sms = send()
    assert not got_mail
    assert [(t["to"], t["text"].replace("\u00a0", " ")) for t in got_sms] == \
        [("+79120001122", "Платёж зачислен: 1 234,56 ₽, лицевой счёт 2000001001")]


def test_electronic_receipts_per_account(user):
    s = signed_in(USER, PASSWORD)
    assert post(s, "/settings/ereceipt", {"account": "1001", "on": "1"}, "/settings").status_code == 303
    assert sql("SELECT receipt_email FROM subscriber_accounts WHERE subscriber_id = %d" % user) == \
        [("1",)]
    assert "Приходит на почту" in doc(s.get(BASE + "/settings")).get_element_by_id(
        "ereceipt-1001").text_content()
    # Someone else's account: the same 404 as one that does not exist.
    assert post(s, "/settings/ereceipt", {"account": "1", "on": "1"}, "/settings").status_code == 404
    assert post(s, "/settings/ereceipt", {"account": "1001"}, "/settings").status_code == 400
    sql("UPDATE subscribers SET email = NULL WHERE id = %d" % user)
    r = post(s, "/settings/ereceipt", {"account": "1001", "on": "1"}, "/settings")
    assert r.status_code == 422 and "почты" in error_message(r)


def test_language_is_kept_for_pages_and_messages(user):
    s = signed_in(USER, PASSWORD)
    r = post(s, "/settings/lang", {"to": "en"}, "/settings")
    assert r.status_code == 303 and s.cookies.get("lang") == "en"
    assert sql("SELECT lang FROM subscribers WHERE id = %d" % user) == [("en",)]
    assert doc(s.get(BASE + "/settings")).findtext(".//h1") == "Settings"
    assert post(s, "/settings/lang", {"to": "de"}, "/settings").status_code == 400
    # The switch in the page header (a POST with the token) is the subscriber's
    # choice as well, signed in.
    page = s.get(BASE + "/settings")
    form = doc(page).xpath('//form[@class="lang-switch"]')[0]
    assert form.get("method") == "post" and form.get("action") == "/lang"
    r = s.post(BASE + "/lang", data={"csrf": csrf_of(page), "to": "ru", "next": "/settings"},
               allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/settings"
    assert sql("SELECT lang FROM subscribers WHERE id = %d" % user) == [("ru",)]
    # Without the token, nothing changes.
    assert s.post(BASE + "/lang", data={"to": "en", "next": "/"},
                  allow_redirects=False).status_code == 403
    assert sql("SELECT lang FROM subscribers WHERE id = %d" % user) == [("ru",)]
    # A link (a GET, from anywhere) changes this browser's pages, never the stored choice.
    r = s.get(BASE + "/lang?to=en&next=/", allow_redirects=False)
    assert r.status_code == 303 and s.cookies.get("lang") == "en"
    assert sql("SELECT lang FROM subscribers WHERE id = %d" % user) == [("ru",)]
    # A notice follows the stored choice: an English one after choosing English.
    assert post(s, "/settings/lang", {"to": "en"}, "/settings").status_code == 303
    sql("INSERT INTO outbox (subscriber_id, channel, address, lang, kind, params, next_attempt_at, "
        "created_at) SELECT id, 'email', email, lang, 'payment-succeeded', "
        "'<payment minor=\"5000\" currency=\"RUB\" accounts=\"2000001001\"/>', NOW(6), NOW(6) "
        "FROM subscribers WHERE id = %d" % user)
    got, _ = send()
    assert [m["Subject"] for m in got] == ["Payment received: ₽50.00"]


# ------------------------------------------------------------------ password

def change_password(s, current, new, confirm=None):
    return post(s, "/settings/password", {"current_password": current, "new_password": new,
                                          "confirm_password": new if confirm is None else confirm})


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_new_password_must_be_long_uncommon_and_not_the_login(user, lang):
    s = signed_in(USER, PASSWORD, lang=lang)
    words = {"ru": ("не короче 12", "совпадать с логином", "соседние клавиши", "не совпадают",
                    "неверен", "последовательность", "повторяется", "логин, имя"),
             "en": ("at least 12", "not be your login", "keys next to each other", "do not match",
                    "is wrong", "a sequence", "repeats", "your login, name")}[lang]
    # The attack test's trivial passwords among them, each refused with its reason.
    for new, confirm, field, word in (("short-pw", None, "new_password", words[0]),
                                      ("SettingsUser", None, "new_password", words[1]),
                                      ("QwertyUiop12", None, "new_password", words[2]),
                                      ("123456789012", None, "new_password", words[5]),
                                      (" " * 12, None, "new_password", words[0]),
                                      ("aaaaaaaaaaaa", None, "new_password", words[6]),
                                      ("settingsusersettingsuser", None, "new_password", words[7]),
                                      ("settings@example.org", None, "new_password", words[7]),
                                      ("Тестович Тестов", None, "new_password", words[7]),
                                      ("a long new password", "another one", "confirm_password",
                                       words[3])):
        r = change_password(s, PASSWORD, new, confirm)
        assert r.status_code == 422, new
        assert word in field_errors(r)[field], (new, field_errors(r))
    r = change_password(s, "not-the-password", "a long new password")
    assert r.status_code == 422 and words[4] in field_errors(r)["current_password"]
    r = change_password(s, "", "a long new password")
    assert r.status_code == 400
    assert login(new_client(), USER, PASSWORD).status_code == 303  # unchanged


def test_changing_the_password_ends_other_sessions_and_says_so(user):
    other = signed_in(USER, PASSWORD)
    s = signed_in(USER, PASSWORD)
    r = change_password(s, PASSWORD, "четыре слова через пробел")
    assert r.status_code == 303 and r.headers["Location"] == "/settings?done=password"
    assert s.get(BASE + "/settings", allow_redirects=False).status_code == 200
    assert other.get(BASE + "/settings", allow_redirects=False).status_code == 303
    assert login(new_client(), USER, PASSWORD).status_code == 422
    assert login(new_client(), USER, "четыре слова через пробел").status_code == 303
    got, _ = send()
    assert [m["To"] for m in got] == [MAIL]
    assert got[0]["Subject"] == "Пароль изменён" and USER in body(got[0])


def test_wrong_current_passwords_lock_like_sign_ins(user):
    s = signed_in(USER, PASSWORD)
    for _ in range(5):
        assert change_password(s, "wrong-password", "a long new password").status_code == 422
    r = change_password(s, PASSWORD, "a long new password")
    assert r.status_code == 429 and r.headers["Retry-After"] == "900"


# ------------------------------------------------------------------ e-mail

def test_a_new_address_counts_only_once_confirmed_and_the_old_one_is_told(user):
    s = signed_in(USER, PASSWORD)
    r = post(s, "/settings/email", {"email": "New.Settings@Example.ORG", "current_password": PASSWORD})
    assert r.status_code == 303 and r.headers["Location"] == "/settings?done=email-sent"
    assert sql("SELECT email FROM subscribers WHERE id = %d" % user) == [(MAIL,)]
    d = doc(s.get(BASE + "/settings"))
    assert d.get_element_by_id("pending-email").text_content().strip().endswith(
        "New.Settings@example.org")
    got, _ = send()
    assert [m["To"] for m in got] == ["New.Settings@example.org"]
    link = re.search(r"(http://\S+/email/confirm\?token=\S+)", body(got[0])).group(1)
    assert link.startswith(BASE.rsplit(":", 1)[0])
    path = link.split("/", 3)[3]
    assert "token" not in sql("SELECT params FROM outbox WHERE kind = 'confirm-email' AND "
                              "subscriber_id = %d" % user)[0][0]  # the secret is gone once sent
    # Opened anywhere, signed in or not; a GET (a mail scanner's too) only shows the button.
    c = new_client()
    r = c.get(BASE + "/" + path)
    assert r.status_code == 200 and doc(r).get_element_by_id("address").text == \
        "New.Settings@example.org"
    assert c.get(BASE + "/" + path).status_code == 200
    assert sql("SELECT email FROM subscribers WHERE id = %d" % user) == [(MAIL,)]
    r = c.post(BASE + "/email/confirm", data={"csrf": csrf_of(r), "token": path.split("token=")[1]},
               allow_redirects=False)
    assert r.status_code == 200 and doc(r).get_element_by_id("confirmed").text == \
        "New.Settings@example.org"
    assert sql("SELECT email FROM subscribers WHERE id = %d" % user) == [("New.Settings@example.org",)]
    got, _ = send()
    assert [(m["To"], m["Subject"]) for m in got] == [(MAIL, "Адрес почты изменён")]
    assert "New.Settings@example.org" in body(got[0])
    r = new_client().get(BASE + "/" + path)
    assert r.status_code == 410 and "Ссылка" in doc(r).findtext(".//h1")


@pytest.mark.parametrize("token", ["", "x", "A" * 43, "A" * 44, "%00" * 43])
def test_a_bad_confirmation_link_is_a_plain_410(token):
    r = new_client("en").get(BASE + "/email/confirm?token=" + token)
    assert r.status_code in (400, 410), token
    if r.status_code == 410:
        assert doc(r).findtext(".//h1") == "The link is no longer valid"


def test_the_e_mail_form_refuses_bad_input(user):
    s = signed_in(USER, PASSWORD)
    for email_, pw, status, field in (("not-an-address", PASSWORD, 400, "email"),
                                      ("a@b", PASSWORD, 400, "email"),
                                      ("a b@example.org", PASSWORD, 400, "email"),
                                      ("x@example.org", "wrong", 422, "current_password"),
                                      (MAIL.upper().replace("EXAMPLE.ORG", "example.org").lower(),
                                       PASSWORD, 422, "email")):
        r = post(s, "/settings/email", {"email": email_, "current_password": pw})
        assert r.status_code == status, email_
        assert field in field_errors(r), (email_, field_errors(r))
    assert sql("SELECT COUNT(*) FROM subscriber_tokens WHERE subscriber_id = %d" % user) == [("0",)]


# ------------------------------------------------------------------ sessions

def test_sessions_are_listed_and_can_be_ended(user):
    other = new_client()
    other.headers["User-Agent"] = ("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 "
                                   "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36")
    assert login(other, USER, PASSWORD).status_code == 303
    s = signed_in(USER, PASSWORD)
    d = doc(s.get(BASE + "/settings/sessions"))
    rows = d.xpath('//table[@id="sessions"]/tbody/tr')
    assert len(rows) == 2
    # The browser and system by name, never the raw header; each "End" says which session.
    devices = [r.xpath('string(td[@class="device"])') for r in rows]
    assert sorted(devices) == ["Chrome на Android", "Неизвестный браузер"]
    assert "python-requests" not in d.xpath("string(//table)") and "Mozilla" not in d.xpath(
        "string(//table)")
    for r in rows:
        said = " ".join(r.xpath("string(.//button)").split())
        assert said.startswith("Завершить: " + r.xpath('string(td[@class="device"])') + ", ")
    mine = [r for r in rows if "этот сеанс" in r.text_content()]
    theirs = [r for r in rows if r not in mine]
    assert len(mine) == 1
    r = post(s, "/settings/sessions/end", {"id": theirs[0].get("id").split("-")[1]},
             "/settings/sessions")
    assert r.status_code == 303 and r.headers["Location"] == "/settings/sessions?done=ended"
    assert doc(s.get(BASE + r.headers["Location"])).xpath('string(//*[@id="done"])').strip() \
        .startswith("Сеанс завершён")
    assert other.get(BASE + "/settings", allow_redirects=False).status_code == 303
    assert s.get(BASE + "/settings", allow_redirects=False).status_code == 200
    # Another subscriber's session is nobody's to end.
    demo = signed_in()
    did = sql("SELECT MAX(id) FROM sessions WHERE subscriber_id = "
              "(SELECT id FROM subscribers WHERE login = 'demo')")[0][0]
    assert post(s, "/settings/sessions/end", {"id": did}, "/settings/sessions").status_code == 404
    assert demo.get(BASE + "/settings", allow_redirects=False).status_code == 200
    r = post(s, "/settings/sessions/end-all", {}, "/settings/sessions")
    assert r.status_code == 303 and r.headers["Location"] == "/login?done=out-all"
    assert s.get(BASE + "/settings", allow_redirects=False).status_code == 303
    assert sql("SELECT COUNT(*) FROM sessions WHERE subscriber_id = %d" % user) == [("0",)]


# ------------------------------------------------------------------ registration

@pytest.fixture()
def unregistered():
    """A generated account with a phone on file and no login of its own."""
    acc, number = sql("SELECT id, number FROM accounts WHERE organization_id = 1 "
                      "ORDER BY id DESC LIMIT 1")[0]
    sql("UPDATE accounts SET phone = '+7 (916) 555-44-33' WHERE id = %s" % acc)
    sql("DELETE FROM subscribers WHERE login = LOWER('%s')" % number)
    drain()
    yield int(acc), number
    sql("DELETE FROM outbox WHERE subscriber_id IN (SELECT id FROM subscribers WHERE login = LOWER('%s'))"
        % number)
    sql("DELETE FROM subscribers WHERE login = LOWER('%s')" % number)


def register(s, number, phone, email_="newcomer@example.org", org="1"):
    return post(s, "/register", {"org": org, "number": number, "email": email_, "phone": phone})


def test_registration_sends_a_password_by_sms_and_a_link_by_e_mail(unregistered):
    acc, number = unregistered
    s = new_client()
    r = register(s, number, "8 916 555 44 33")
    assert r.status_code == 303 and r.headers["Location"] == "/register/sent"
    assert "SMS" in doc(s.get(BASE + "/register/sent")).get_element_by_id("notice").text_content()
    got_mail, got_sms = send()
    assert [t["to"] for t in got_sms] == ["+79165554433"]
    password = re.search(r"пароль (\S+)\.", got_sms[0]["text"]).group(1)
    assert len(password) == 12 and "логин %s" % number in got_sms[0]["text"]
    assert [m["To"] for m in got_mail] == ["newcomer@example.org"]
    link = re.search(r"http://\S+(/email/confirm\?token=\S+)", body(got_mail[0])).group(1)
    # Nothing secret stays in the outbox once it is sent.
    assert {p for (p,) in sql("SELECT params FROM outbox WHERE subscriber_id = (SELECT id FROM "
                               "subscribers WHERE login = LOWER('%s'))" % number)} == {"<gone/>"}
    # The SMS password signs in to the account, named by its number.
    signed_in(number, password)
    assert sql("SELECT a.account_id FROM subscriber_accounts a JOIN subscribers s ON "
               "s.id = a.subscriber_id WHERE s.login = LOWER('%s')" % number) == [(str(acc),)]
    assert sql("SELECT email FROM subscribers WHERE login = LOWER('%s')" % number) == [("NULL",)]
    c = new_client()
    page = c.get(BASE + link)
    assert page.status_code == 200
    assert c.post(BASE + "/email/confirm", data={"csrf": csrf_of(page),
                                                 "token": link.split("token=")[1]}).status_code == 200
    assert sql("SELECT email FROM subscribers WHERE login = LOWER('%s')" % number) == \
        [("newcomer@example.org",)]
    # Registering again: the account has a login now.
    r = register(new_client(), number, "+79165554433")
    assert r.status_code == 409 and "восстановите" in error_message(r)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_another_phone_and_an_unknown_account_get_the_same_answer(unregistered, lang):
    acc, number = unregistered
    answers = []
    for num, phone in ((number, "+7 916 000-00-00"), ("99999999", "+7 916 555-44-33")):
        r = register(new_client(lang), num, phone)
        assert r.status_code == 422
        d = doc(r)
        answers.append((error_message(r), d.get_element_by_id("org-phones").text_content()))
    assert answers[0] == answers[1]
    assert "+7 800 100-20-30" in answers[0][1]
    assert ("телефон" if lang == "ru" else "phone") in answers[0][0]
    assert sql("SELECT COUNT(*) FROM subscribers WHERE login = LOWER('%s')" % number) == [("0",)]
    assert send() == ([], [])


def test_registration_refuses_bad_input_and_is_rate_limited(unregistered):
    acc, number = unregistered
    s = new_client("en")
    for data, fields in (({"org": "1", "number": "", "email": "x", "phone": "1"},
                          {"number", "email", "phone"}),
                         ({"org": "77", "number": number, "email": "a@example.org",
                           "phone": "+79165554433"}, {"org"}),
                         ({"org": "1", "number": "<script>", "email": "a@example.org",
                           "phone": "+79165554433"}, {"number"})):
        r = post(s, "/register", data)
        assert r.status_code == 400 and set(field_errors(r)) == fields, data
        assert error_message(r) == "Please check the marked fields."
    for _ in range(3):
        assert register(s, number, "+7 916 000-00-00").status_code == 422
    r = register(s, number, "+79165554433")
    assert r.status_code == 429 and r.headers["Retry-After"] == "3600"
    assert "an hour" in error_message(r)
    assert sql("SELECT COUNT(*) FROM subscribers WHERE login = LOWER('%s')" % number) == [("0",)]


# ------------------------------------------------------------------ recovery

def recoveries_handled():
    with open(os.path.join(ENV, "log", "login.log"), errors="replace") as f:
        return f.read().count("recovery request handled")


def recover(s, who, method):
    """The form, then (it answers first, works after) the work's end."""
    before = recoveries_handled()
    r = post(s, "/recover", {"who": who, "method": method})
    if r.status_code == 303:
        wait_until(lambda: recoveries_handled() > before, 10, "the recovery's work")
    return r


def test_recovery_by_e_mail_link_ends_every_session(user):
    old = signed_in(USER, PASSWORD)
    s = new_client()
    r = recover(s, MAIL.upper(), "email")  # an address works as well as the login
    assert r.status_code == 303 and r.headers["Location"] == "/recover/sent"
    got, _ = send()
    assert [m["To"] for m in got] == [MAIL]
    path = re.search(r"http://\S+(/recover/link\?token=\S+)", body(got[0])).group(1)
    r = s.get(BASE + path)
    assert r.status_code == 200 and doc(r).xpath('//form[@id="new-password-form"]')
    token = path.split("=", 1)[1]
    r = s.post(BASE + "/recover/link", data={"csrf": csrf_of(r), "token": token,
                                             "new_password": "qwertyuiop12",
                                             "confirm_password": "qwertyuiop12"},
               allow_redirects=False)
    assert r.status_code == 422 and "распространён" in field_errors(r)["new_password"]
    r = s.post(BASE + "/recover/link", data={"csrf": csrf_of(r), "token": token,
                                             "new_password": "a fresh recovered password",
                                             "confirm_password": "a fresh recovered password"},
               allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/recover/done"
    assert old.get(BASE + "/settings", allow_redirects=False).status_code == 303
    assert login(new_client(), USER, "a fresh recovered password").status_code == 303
    assert s.get(BASE + path).status_code == 410  # once only
    got, _ = send()
    assert [m["Subject"] for m in got] == ["Пароль изменён"]


def test_recovery_answers_the_same_for_anyone(user):
    before = sql("SELECT COUNT(*) FROM outbox")
    for who in ("nobody-at-all", "nobody@example.org"):
        r = recover(new_client(), who, "email")
        assert r.status_code == 303 and r.headers["Location"] == "/recover/sent"
        r = recover(new_client(), who, "sms")
        assert r.status_code == 303 and r.headers["Location"].startswith("/recover/code?h=")
        page = new_client().get(BASE + r.headers["Location"])
        assert page.status_code == 200 and doc(page).xpath('//form[@id="code-form"]')
    assert sql("SELECT COUNT(*) FROM outbox") == before


def test_recovery_answers_before_it_looks_anyone_up(user):
    """The answer goes before the lookup: with the subscribers' table locked
    the form still answers, for a login that exists and one that does not
    alike, so its time cannot tell them apart; the work follows."""
    lock = subprocess.Popen(
        ["mariadb", "--no-defaults", "--socket=" + os.path.join(ENV, "run", "db.sock"), "-uroot",
         "kabinet", "-e", "LOCK TABLES subscribers WRITE; SELECT SLEEP(3); UNLOCK TABLES;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        before = recoveries_handled()
        for who in (USER, "nobody-at-all"):
            c = new_client()
            page = c.get(BASE + "/recover", timeout=5)
            r = c.post(BASE + "/recover", data={"csrf": csrf_of(page), "who": who,
                                                "method": "email"},
                       allow_redirects=False, timeout=5)
            assert r.status_code == 303 and r.headers["Location"] == "/recover/sent"
        assert recoveries_handled() == before  # the lookups wait for the lock
    finally:
        lock.wait(30)
    wait_until(lambda: recoveries_handled() == before + 2, 20, "the work after the answers")
    got, _ = send()
    assert [m["To"] for m in got] == [MAIL]


def code_form(s, location, code, password="a password from a code"):
    r = s.get(BASE + location)
    assert r.status_code == 200
    return s.post(BASE + "/recover/code", data={
        "csrf": csrf_of(r), "h": location.split("h=")[1], "code": code,
        "new_password": password, "confirm_password": password}, allow_redirects=False)


def test_recovery_by_sms_code(user):
    old = signed_in(USER, PASSWORD)
    s = new_client()
    r = recover(s, USER, "sms")
    where = r.headers["Location"]
    _, got = send()
    assert [t["to"] for t in got] == ["+79120001122"]
    code = re.search(r"(\d{6})", got[0]["text"]).group(1)
    wrong = "%06d" % ((int(code) + 1) % 1000000)
    r = code_form(s, where, wrong)
    assert r.status_code == 422 and "неверен" in field_errors(r)["code"]
    assert doc(r).get_element_by_id("tries-left").text_content().strip().endswith("4")
    r = code_form(s, where, code)
    assert r.status_code == 303 and r.headers["Location"] == "/recover/done"
    assert old.get(BASE + "/settings", allow_redirects=False).status_code == 303
    assert login(new_client(), USER, "a password from a code").status_code == 303
    assert code_form(s, where, code).status_code == 422  # used


def test_five_wrong_codes_end_the_code(user):
    s = new_client("en")
    where = recover(s, USER, "sms").headers["Location"]
    _, got = send()
    code = re.search(r"(\d{6})", got[0]["text"]).group(1)
    wrong = "%06d" % ((int(code) + 1) % 1000000)
    for _ in range(5):
        r = code_form(s, where, wrong)
        assert r.status_code == 422 and "wrong or has expired" in field_errors(r)["code"]
    assert code_form(s, where, code).status_code == 422
    assert login(new_client(), USER, PASSWORD).status_code == 303
    for bad in ("", "12345", "1234567", "abcdef"):
        assert code_form(s, where, bad).status_code in (400, 422), bad


def test_an_sms_code_lasts_ten_minutes(user):
    recover(new_client(), USER, "sms")
    (left,) = sql("SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), expires_at) FROM "
                  "subscriber_tokens WHERE subscriber_id = %d AND purpose = 'code'" % user)[0]
    assert 590 <= int(left) <= 600, left


def test_parallel_code_tries_check_no_more_than_five(user):
    import concurrent.futures
    s = new_client()
    where = recover(s, USER, "sms").headers["Location"]
    _, got = send()
    code = re.search(r"(\d{6})", got[0]["text"]).group(1)
    wrong = "%06d" % ((int(code) + 1) % 1000000)
    page = s.get(BASE + where)
    data = {"csrf": csrf_of(page), "h": where.split("h=")[1], "code": wrong,
            "new_password": "a password from a code", "confirm_password": "a password from a code"}

    def attempt(_):
        return s.post(BASE + "/recover/code", data=data, allow_redirects=False).status_code
    with concurrent.futures.ThreadPoolExecutor(12) as pool:
        statuses = list(pool.map(attempt, range(12)))
    assert statuses == [422] * 12
    assert sql("SELECT attempts FROM subscriber_tokens WHERE subscriber_id = %d AND "
               "purpose = 'code'" % user) == [("5",)]
    # The right code now comes too late: its five tries were used.
    assert code_form(s, where, code).status_code == 422


def test_recovery_is_rate_limited_and_refuses_bad_input(user):
    s = new_client()
    assert recover(s, "", "email").status_code == 400
    assert recover(s, USER, "pigeon").status_code == 400
    # Asked for over and over: the answer never changes, the person is never
    # blocked, and five messages a day are all that are sent.
    for _ in range(7):
        assert recover(s, USER.upper(), "email").status_code == 303
    got, _ = send()
    assert [m["Subject"] for m in got] == ["Смена пароля"] * 5
    link = re.search(r"http://\S+(/recover/link\?token=\S+)", body(got[-1])).group(1)
    assert new_client().get(BASE + link).status_code == 200  # the last one still works
    # The address asking (ten times an hour) is refused, not the login.
    for _ in range(3):
        assert recover(s, "someone-else", "email").status_code == 303
    r = recover(s, "someone-else", "email")
    assert r.status_code == 429 and "через час" in error_message(r)
    assert new_client().get(BASE + "/recover/code?h=short").status_code in (400, 404)
    assert new_client().get(BASE + "/recover/link?token=" + "A" * 43).status_code == 410


def test_signed_out_forms_need_their_csrf_token():
    s = new_client()
    s.get(BASE + "/register")
    for path, data in (("/register", {"org": "1", "number": "1", "email": "a@example.org",
                                      "phone": "+79160000000"}),
                       ("/recover", {"who": DEMO[0], "method": "email"})):
        assert s.post(BASE + path, data=data, allow_redirects=False).status_code == 403


def test_registration_is_limited_per_address_too(unregistered):
    s = new_client()
    for i in range(10):  # ten accounts from one address, none of them matching
        assert register(s, "9000%04d" % i, "+7 916 000-00-00").status_code == 422
    r = register(s, unregistered[1], "+79165554433")
    assert r.status_code == 429
    assert sql("SELECT COUNT(*) FROM subscribers WHERE login = LOWER('%s')" % unregistered[1]) == [("0",)]


def test_links_expire(user):
    s = signed_in(USER, PASSWORD)
    post(s, "/settings/email", {"email": "late@example.org", "current_password": PASSWORD})
    recover(new_client(), USER, "email")
    got, _ = send()
    links = sorted(re.search(r"http://\S+(/(?:email/confirm|recover/link)\?token=\S+)",
                             body(m)).group(1) for m in got)
    assert len(links) == 2
    sql("UPDATE subscriber_tokens SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND "
        "WHERE subscriber_id = %d" % user)
    for link in links:
        assert new_client().get(BASE + link).status_code == 410, link
    assert sql("SELECT email FROM subscribers WHERE id = %d" % user) == [(MAIL,)]


# ------------------------------------------------------------------ secrets stay out of logs

def portal_logs():
    """nginx's and the programs' logs (not the emulators', which play the outside world)."""
    out = {}
    logs = os.path.join(ENV, "log")
    for n in os.listdir(logs):
        if n.endswith(".log") and not n.startswith(("mariadb", "sms-", "smtp-", "yookassa-")):
            with open(os.path.join(logs, n), errors="replace") as f:
                out[n] = f.read()
    return out


def test_links_and_handles_never_reach_a_log(user):
    secrets = []
    s = signed_in(USER, PASSWORD)
    post(s, "/settings/email", {"email": "logged@example.org", "current_password": PASSWORD})
    recover(new_client(), USER, "email")
    got, _ = send()
    for m in got:
        secrets.append(re.search(r"token=([A-Za-z0-9_-]+)", body(m)).group(1))
    for t in secrets:  # each link followed as a person would: the page, then its form
        c = new_client()
        path = "/email/confirm" if any("confirm" in body(m) and t in body(m) for m in got) \
            else "/recover/link"
        page = c.get(BASE + path + "?token=" + t)
        assert page.status_code == 200
    c = new_client()
    r = recover(c, USER, "sms")
    handle = r.headers["Location"].split("h=")[1]
    secrets.append(handle)
    _, texts_ = send()
    code = re.search(r"(\d{6})", texts_[0]["text"]).group(1)
    assert code_form(c, r.headers["Location"], code).status_code == 303
    time.sleep(1.5)  # nginx writes its access log at least every second
    logs = portal_logs()
    assert "nginx-access.log" in logs and "login.log" in logs
    assert "/recover/code" in logs["nginx-access.log"]
    assert len(secrets) == 3
    for name, text in logs.items():
        for secret in secrets:
            assert secret not in text, (name, secret)


def test_a_sign_in_from_a_new_browser_is_told_by_e_mail(user):
    chrome = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
              "Chrome/126.0.0.0 Mobile Safari/537.36")
    first = new_client()
    assert login(first, USER, PASSWORD).status_code == 303
    assert send(new_browser=True)[0] == []  # the first browser ever is no news
    again = new_client()  # the same browser, its session over, its "dev" cookie kept
    again.cookies.set("dev", first.cookies.get("dev"))
    assert login(again, USER, PASSWORD).status_code == 303
    assert send(new_browser=True)[0] == []  # nor is the same browser again
    second = new_client()
    second.headers["User-Agent"] = chrome
    assert login(second, USER, PASSWORD).status_code == 303
    got, _ = send(new_browser=True)
    assert [(m["To"], m["Subject"]) for m in got] == [(MAIL, "Вход из нового браузера")]
    text = body(got[0])
    assert "Chrome, Android" in text and "127.0.0.1" in text and USER in text
    assert "/recover" in text  # what to do if it was not them
    assert sql("SELECT COUNT(*) FROM subscriber_devices WHERE subscriber_id = %d" % user) == \
        [("2",)]
