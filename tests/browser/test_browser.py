"""Browser journey in headless Debian Chromium: sign in, see the name, sign out.

The pages need no JavaScript; this proves the forms, cookies and redirects
work in a real browser, with the CSP in force.
"""
import os
import re
import subprocess
import sys

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "http"))
from conftest import sql  # noqa: E402  (database helper shared with the HTTP tests)
import chromium  # noqa: E402  (tests/browser/chromium.py)

BASE = os.environ.get("KABINET_URL", "http://127.0.0.1:18080")
SHOTS = os.path.join(os.path.dirname(__file__), "..", "..", "var", "test", "screenshots")


@pytest.fixture
def browser():
    d, profile = chromium.start("ru")
    os.makedirs(SHOTS, exist_ok=True)
    try:
        yield d
    finally:
        chromium.stop(d, profile)


def click_and_wait(browser, by, what, until):
    """Click, then wait for the next page: a click does not wait for navigation."""
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(by, what).click()
    WebDriverWait(browser, 15).until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id
                                     and until(d))


def sign_in_as_demo(browser):
    browser.get(BASE + "/login")
    browser.find_element(By.ID, "login").send_keys("demo")
    browser.find_element(By.ID, "password").send_keys("demo-password")
    click_and_wait(browser, By.CSS_SELECTOR, "#login-form button[type=submit]",
                   lambda d: d.find_elements(By.ID, "greeting"))


def test_sign_in_see_name_sign_out(browser):
    sql("DELETE FROM login_attempts")
    browser.get(BASE + "/")
    assert browser.current_url.endswith("/login")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Вход в личный кабинет"
    browser.save_screenshot(os.path.join(SHOTS, "login.png"))

    # A wrong password first: the plain message, the login kept.
    browser.find_element(By.ID, "login").send_keys("demo")
    browser.find_element(By.ID, "password").send_keys("not-the-password")
    click_and_wait(browser, By.CSS_SELECTOR, "#login-form button[type=submit]",
                   lambda d: d.find_elements(By.ID, "form-error"))
    assert browser.find_element(By.ID, "form-error").text == "Неверный логин или пароль"
    assert browser.find_element(By.ID, "login").get_attribute("value") == "demo"

    browser.find_element(By.ID, "password").send_keys("demo-password")
    click_and_wait(browser, By.CSS_SELECTOR, "#login-form button[type=submit]",
                   lambda d: d.find_elements(By.ID, "greeting"))
    assert browser.current_url == BASE + "/"
    assert "Иванова Мария Петровна" in browser.find_element(By.ID, "greeting").text
    assert browser.find_element(By.CLASS_NAME, "who-name").text == "Иванова Мария Петровна"
    browser.save_screenshot(os.path.join(SHOTS, "home.png"))

    # The language switch, remembered across pages.
    click_and_wait(browser, By.ID, "lang-en",
                   lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    assert browser.find_element(By.ID, "greeting").text.startswith("Hello")
    browser.get(BASE + "/")
    assert browser.find_element(By.ID, "logout").text == "Sign out"
    click_and_wait(browser, By.ID, "lang-ru",
                   lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru")

    click_and_wait(browser, By.ID, "logout", lambda d: d.current_url.endswith("/login?done=out"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Вход в личный кабинет"
    assert browser.find_element(By.ID, "done").text == "Вы вышли из кабинета."
    # The back button does not bring the session back.
    browser.back()
    browser.get(BASE + "/")
    assert browser.current_url.endswith("/login")
    # No CSP violation was reported while doing all that.
    logs = browser.get_log("browser") if hasattr(browser, "get_log") else []
    assert not [l for l in logs if "Content Security Policy" in l.get("message", "")]


def test_add_an_account_switch_to_it_and_print_its_statement(browser):
    import base64
    from selenium.webdriver.support.ui import Select

    sql("DELETE FROM login_attempts")
    sql("DELETE FROM link_attempts")
    sql("DELETE sa FROM subscriber_accounts sa JOIN subscribers s ON s.id = sa.subscriber_id "
        "WHERE s.login = 'demo' AND sa.account_id = 4")
    y, m, amount = sql("SELECT YEAR(paid_at), MONTH(paid_at), amount FROM payments "
                       "WHERE account_id = 4 AND status = 'succeeded' "
                       "ORDER BY paid_at DESC, id DESC LIMIT 1")[0]
    try:
        sign_in_as_demo(browser)
        assert browser.find_elements(By.CSS_SELECTOR, "#chart-RUB svg rect")

        browser.get(BASE + "/accounts")
        click_and_wait(browser, By.ID, "add-account", lambda d: d.find_elements(By.ID, "add-form"))
        Select(browser.find_element(By.ID, "org")).select_by_value("1")
        browser.find_element(By.ID, "number").send_keys("1000 789 004")
        Select(browser.find_element(By.ID, "month")).select_by_value(m)
        browser.find_element(By.ID, "year").send_keys(y)
        rub, kop = divmod(int(amount), 100)
        browser.find_element(By.ID, "amount").send_keys("%d,%02d" % (rub, kop))
        browser.save_screenshot(os.path.join(SHOTS, "add-account.png"))
        click_and_wait(browser, By.ID, "add-submit",
                       lambda d: d.find_elements(By.ID, "account-4"))
        assert browser.current_url == BASE + "/accounts?done=added"
        assert browser.find_element(By.ID, "done").text == "Лицевой счёт добавлен и выбран текущим"
        assert "is-current" in browser.find_element(By.ID, "account-4").get_attribute("class")

        # Switch away and back with the buttons.
        click_and_wait(browser, By.ID, "choose-1", lambda d: d.find_elements(By.ID, "choose-4"))
        click_and_wait(browser, By.ID, "choose-4", lambda d: d.find_elements(By.ID, "choose-1"))
        browser.save_screenshot(os.path.join(SHOTS, "accounts.png"))

        browser.get(BASE + "/services")
        assert "1000789004" in browser.find_element(By.ID, "account-head").text
        click_and_wait(browser, By.ID, "statement-1",
                       lambda d: d.find_elements(By.ID, "statement"))
        assert "Выписка по услуге" in browser.find_element(By.TAG_NAME, "h1").text
        assert len(browser.find_elements(By.CSS_SELECTOR, "#months tbody tr")) == 12
        browser.save_screenshot(os.path.join(SHOTS, "statement.png"))

        # Printed: the print stylesheet hides the navigation, and Chromium makes a PDF of it.
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        assert not browser.find_element(By.CSS_SELECTOR, "header.top").is_displayed()
        assert not browser.find_element(By.ID, "print-hint").is_displayed()
        assert browser.find_element(By.ID, "months").is_displayed()
        pdf = browser.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69,
                                                          "preferCSSPageSize": True})
        data = base64.b64decode(pdf["data"])
        assert data.startswith(b"%PDF") and len(data) > 10000
        with open(os.path.join(SHOTS, "statement.pdf"), "wb") as f:
            f.write(data)
        # The whole table is on the A4 page: the closing balance, the last column, included.
        text = subprocess.run(["pdftotext", "-layout", os.path.join(SHOTS, "statement.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "Исходящий остаток" in text
        totals = [line for line in text.splitlines() if line.strip().startswith("Итого")]
        assert totals and len(re.findall(r"\d+,\d\d ₽", totals[0])) == 5, totals
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    finally:
        sql("DELETE sa FROM subscriber_accounts sa JOIN subscribers s ON s.id = sa.subscriber_id "
            "WHERE s.login = 'demo' AND sa.account_id = 4")
        sql("UPDATE subscribers SET current_account_id = NULL WHERE login = 'demo'")
        sql("DELETE FROM link_attempts")


def test_submit_three_zone_readings_with_preview_and_history(browser):
    sql("DELETE FROM login_attempts")
    sql("DELETE FROM readings WHERE source = 'subscriber'")
    sql("UPDATE organizations SET readings_from = 1, readings_to = 31 WHERE id = 1")
    last = [int(sql("SELECT value FROM readings WHERE meter_id = 1 AND zone = %d ORDER BY "
                    "taken_on DESC, id DESC LIMIT 1" % z)[0][0]) for z in range(3)]
    try:
        sign_in_as_demo(browser)
        browser.get(BASE + "/readings")
        # Usual use however few days have passed since the demo's reading on the
        # 20th (under a third of each zone's month), so it is taken, not questioned.
        for z, add in ((1, 11), (2, 7), (3, 9)):
            field = browser.find_element(By.ID, "m1z%d" % z)
            assert field.get_attribute("value") == str(last[z - 1])  # prefilled
            field.clear()
            field.send_keys(str(last[z - 1] + add))
        click_and_wait(browser, By.ID, "readings-preview",
                       lambda d: d.find_elements(By.ID, "preview-title"))
        meter = browser.find_element(By.ID, "meter-1").text
        # Each zone's consumption, as a number of its own.
        assert all(re.search(r"\b%d\b" % n, meter) for n in (11, 7, 9)), meter
        assert "₽" in browser.find_element(By.ID, "estimate-1").text
        browser.save_screenshot(os.path.join(SHOTS, "readings-preview.png"))
        click_and_wait(browser, By.ID, "readings-submit",
                       lambda d: d.find_elements(By.ID, "readings-done"))
        assert browser.find_element(By.ID, "m1z1").get_attribute("value") == str(last[0] + 11)
        click_and_wait(browser, By.ID, "history-1", lambda d: d.find_elements(By.ID, "history"))
        rows = browser.find_elements(By.CSS_SELECTOR, "#history tbody tr")
        assert len(rows) >= 3 and "абонент" in rows[0].text and "принято" in rows[0].text
        browser.save_screenshot(os.path.join(SHOTS, "readings-history.png"))
    finally:
        sql("DELETE FROM readings WHERE source = 'subscriber'")
        sql("UPDATE organizations SET readings_from = 15, readings_to = 25 WHERE id = 1")


def test_pay_by_card_on_the_providers_page_and_turn_on_autopay(browser):
    from conftest import make_subscriber
    from selenium.webdriver.support.ui import Select
    make_subscriber("browserpayer", "browser-payer-pw", [1004, 1005], email="bp@example.org")
    sql("UPDATE subscribers SET current_account_id = 1004 WHERE login = 'browserpayer'")
    sql("DELETE FROM login_attempts")
    browser.get(BASE + "/login")
    browser.find_element(By.ID, "login").send_keys("browserpayer")
    browser.find_element(By.ID, "password").send_keys("browser-payer-pw")
    click_and_wait(browser, By.CSS_SELECTOR, "#login-form button[type=submit]",
                   lambda d: d.find_elements(By.ID, "greeting"))

    browser.get(BASE + "/payments")
    click_and_wait(browser, By.ID, "pay-button", lambda d: d.find_elements(By.ID, "pay-form"))
    amount = browser.find_element(By.ID, "a1004")
    amount.clear()
    amount.send_keys("250,75")
    browser.find_element(By.ID, "save").click()
    click_and_wait(browser, By.ID, "pay-next", lambda d: d.find_elements(By.ID, "pay-confirm"))
    assert "250,75" in browser.find_element(By.ID, "pay-total").text
    assert browser.find_elements(By.CSS_SELECTOR, "table.split tbody tr")
    browser.save_screenshot(os.path.join(SHOTS, "pay-preview.png"))

    # The form posts to us and we send the browser on to the provider: the CSP allows it.
    click_and_wait(browser, By.ID, "pay-go", lambda d: d.find_elements(By.ID, "card"))
    assert "/checkout/" in browser.current_url
    assert "250.75" in browser.find_element(By.ID, "amount").text
    browser.find_element(By.ID, "card").send_keys("5555 5555 5555 4444")
    browser.find_element(By.ID, "expiry").send_keys("12/30")
    browser.find_element(By.ID, "cvc").send_keys("123")
    click_and_wait(browser, By.ID, "pay", lambda d: d.find_elements(By.ID, "result-succeeded"))
    assert browser.current_url.startswith(BASE + "/payments/result?id=")
    assert "250,75" in browser.find_element(By.ID, "result-succeeded").text
    browser.save_screenshot(os.path.join(SHOTS, "pay-result.png"))

    Select(browser.find_element(By.ID, "day-1004")).select_by_value("10")
    browser.find_element(By.ID, "max-1004").send_keys("3000")
    click_and_wait(browser, By.ID, "autopay-enable-1004",
                   lambda d: d.find_elements(By.ID, "autopay-done"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#autopays tbody tr")
    assert len(rows) == 1 and "Bank card *4444" in rows[0].text

    browser.get(BASE + "/payments")
    first = browser.find_element(By.CSS_SELECTOR, "#payments tbody tr")
    assert "250,75" in first.text and "зачислен" in first.text


def test_open_a_receipt_and_print_it_on_one_a4_sheet(browser):
    import base64
    import datetime
    import re
    import subprocess
    from selenium.webdriver.common.print_page_options import PrintOptions

    sql("DELETE FROM login_attempts")
    month = (datetime.date.today().replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
    sign_in_as_demo(browser)
    click_and_wait(browser, By.CSS_SELECTOR, 'nav.sections a[href="/receipts"]',
                   lambda d: d.find_elements(By.ID, "receipts"))
    click_and_wait(browser, By.ID, "view-" + month, lambda d: d.find_elements(By.ID, "receipt"))
    # A code per payee: the organization's and the water utility's (sql/046).
    codes = browser.find_elements(By.CSS_SELECTOR, "#receipt-payees figure svg")
    assert len(codes) == 2
    for qr in codes:
        assert qr.size["width"] >= 140 and qr.size["height"] == qr.size["width"]
    assert browser.find_element(By.ID, "receipt-account").text == "1000456701"
    click_and_wait(browser, By.ID, "print-link", lambda d: d.find_elements(By.ID, "receipt"))
    assert not browser.find_elements(By.CSS_SELECTOR, "nav.sections")
    browser.save_screenshot(os.path.join(SHOTS, "receipt-print.png"))
    # What the browser's Print command makes of it on A4 paper: one sheet.
    opts = PrintOptions()
    opts.page_width, opts.page_height = 21.0, 29.7
    opts.margin_top = opts.margin_bottom = opts.margin_left = opts.margin_right = 0
    pdf = base64.b64decode(browser.print_page(opts))
    path = os.path.join(SHOTS, "receipt-print.pdf")
    with open(path, "wb") as f:
        f.write(pdf)
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+1\n", info), info
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "1000456701" in text and "Итого к оплате" in text and "Как оплатить" in text
    assert "Квитанции" not in text.split("Платёжный документ")[0]  # no site furniture above it


def test_settings_journey_name_notifications_password_and_sessions(browser):
    from conftest import make_subscriber
    sql("DELETE FROM login_attempts")
    sid = make_subscriber("browsersettings", "browser-password-1", [1001],
                          email="browser@example.org")
    try:
        browser.get(BASE + "/login")
        browser.find_element(By.ID, "login").send_keys("browsersettings")
        browser.find_element(By.ID, "password").send_keys("browser-password-1")
        click_and_wait(browser, By.CSS_SELECTOR, "#login-form button[type=submit]",
                       lambda d: d.find_elements(By.ID, "greeting"))
        click_and_wait(browser, By.CSS_SELECTOR, 'nav.sections a[href="/settings"]',
                       lambda d: d.find_elements(By.ID, "profile-form"))

        name = browser.find_element(By.ID, "full_name")
        name.clear()
        name.send_keys("Браузеров Борис")
        browser.find_element(By.ID, "landline").send_keys("+7 495 123-45-67")
        click_and_wait(browser, By.ID, "profile-submit", lambda d: d.find_elements(By.ID, "done"))
        assert browser.find_element(By.ID, "done").text == "Личные данные сохранены."
        assert browser.find_element(By.ID, "full_name").get_attribute("value") == "Браузеров Борис"

        browser.find_element(By.ID, "sms_payment").click()
        browser.find_element(By.ID, "email_news").click()
        click_and_wait(browser, By.ID, "notifications-submit", lambda d: d.find_elements(By.ID, "done"))
        assert browser.find_element(By.ID, "sms_payment").is_selected()
        assert browser.find_element(By.ID, "email_news").is_selected()
        assert sql("SELECT notify_email, notify_sms FROM subscribers WHERE id = %d" % sid) == \
            [("payment,autopay,news,appeal", "payment")]
        browser.save_screenshot(os.path.join(SHOTS, "settings.png"))

        # A common password is refused beside its field; a good one is taken.
        click_and_wait(browser, By.ID, "change-password",
                       lambda d: d.find_elements(By.ID, "password-form"))
        for field, value in (("current_password", "browser-password-1"),
                             ("new_password", "qwertyuiop12"), ("confirm_password", "qwertyuiop12")):
            browser.find_element(By.ID, field).send_keys(value)
        click_and_wait(browser, By.ID, "password-submit",
                       lambda d: d.find_elements(By.ID, "error-new_password"))
        assert "распространён" in browser.find_element(By.ID, "error-new_password").text
        for field, value in (("current_password", "browser-password-1"),
                             ("new_password", "синий трамвай идёт"),
                             ("confirm_password", "синий трамвай идёт")):
            browser.find_element(By.ID, field).send_keys(value)
        click_and_wait(browser, By.ID, "password-submit", lambda d: d.find_elements(By.ID, "done"))
        assert "Пароль изменён" in browser.find_element(By.ID, "done").text

        click_and_wait(browser, By.ID, "sessions-link", lambda d: d.find_elements(By.ID, "sessions"))
        rows = browser.find_elements(By.CSS_SELECTOR, "#sessions tbody tr")
        assert len(rows) == 1 and "этот сеанс" in rows[0].text
        click_and_wait(browser, By.ID, "end-all", lambda d: d.find_elements(By.ID, "login-form"))
        browser.get(BASE + "/settings")
        assert browser.current_url.startswith(BASE + "/login")
    finally:
        sql("DELETE FROM subscribers WHERE id = %d" % sid)


def test_staff_approve_a_phone_change_and_publish_news(browser):
    """The console end to end: a subscriber asks for a new mobile number; the
    operator signs in with a password and a TOTP code, approves it and
    publishes an announcement; the subscriber sees the number and the news."""
    from conftest import STAFF, make_subscriber, totp  # noqa: E402
    sql("DELETE FROM login_attempts")
    sql("DELETE FROM staff_login_attempts")
    login = "journey-phone"
    make_subscriber(login, "journey-password-1", [3])
    sql("UPDATE subscribers SET phone = '+79000000011', notify_email = 'news', "
        "email = 'journey@example.org' WHERE login = '%s'" % login)
    sql("DELETE FROM contact_requests WHERE subscriber_id = "
        "(SELECT id FROM subscribers WHERE login = '%s')" % login)

    # The subscriber asks for the change.
    browser.get(BASE + "/login")
    browser.find_element(By.ID, "login").send_keys(login)
    browser.find_element(By.ID, "password").send_keys("journey-password-1")
    click_and_wait(browser, By.CSS_SELECTOR, "#login-form button[type=submit]",
                   lambda d: d.find_elements(By.ID, "greeting"))
    browser.get(BASE + "/settings")
    mobile = browser.find_element(By.ID, "mobile")
    mobile.clear()
    mobile.send_keys("+7 900 000-00-12")
    click_and_wait(browser, By.ID, "profile-submit", lambda d: d.find_elements(By.ID, "done"))
    assert browser.find_elements(By.ID, "pending-mobile")

    # The operator, in the same browser: the console has its own cookie.
    password, secret = STAFF["operator"]
    sql("UPDATE staff SET totp_last_step = 0 WHERE login = 'operator'")
    browser.get(BASE + "/admin/login")
    browser.find_element(By.ID, "login").send_keys("operator")
    browser.find_element(By.ID, "password").send_keys(password)
    click_and_wait(browser, By.ID, "signin-submit", lambda d: d.find_elements(By.ID, "code"))
    browser.find_element(By.ID, "code").send_keys(totp(secret))
    click_and_wait(browser, By.ID, "code-submit",
                   lambda d: d.find_elements(By.CSS_SELECTOR, "section[id^=org-]"))
    browser.save_screenshot(os.path.join(SHOTS, "admin-overview.png"))
    browser.get(BASE + "/admin/requests")
    req = sql("SELECT id FROM contact_requests WHERE status = 'pending' AND subscriber_id = "
              "(SELECT id FROM subscribers WHERE login = '%s')" % login)[0][0]
    section = browser.find_element(By.ID, "request-" + req)
    assert "+79000000012" in section.text
    click_and_wait(browser, By.ID, "approve-" + req, lambda d: d.find_elements(By.ID, "done"))
    assert browser.find_element(By.ID, "done").text == \
        "Номер изменён, абоненту отправлено сообщение."

    browser.get(BASE + "/admin/news/new")
    browser.find_element(By.ID, "title_ru").send_keys("Плановое отключение воды")
    browser.find_element(By.ID, "body_ru").send_keys("3 декабря с 10:00 до 14:00.")
    browser.find_element(By.ID, "title_en").send_keys("Planned water outage")
    browser.find_element(By.ID, "body_en").send_keys("3 December, 10:00 to 14:00.")
    browser.save_screenshot(os.path.join(SHOTS, "admin-news.png"))
    click_and_wait(browser, By.ID, "news-submit", lambda d: d.find_elements(By.ID, "done"))
    assert "Плановое отключение воды" in browser.find_element(By.TAG_NAME, "main").text

    # The subscriber sees both.
    browser.get(BASE + "/settings")
    assert browser.find_element(By.ID, "mobile").get_attribute("value") == "+79000000012"
    browser.get(BASE + "/news")
    assert "Плановое отключение воды" in browser.find_element(By.TAG_NAME, "main").text
    assert sql("SELECT COUNT(*) FROM outbox WHERE kind = 'news' AND subscriber_id = "
               "(SELECT id FROM subscribers WHERE login = '%s')" % login) == [("1",)]


def test_open_an_appeal_with_a_photo_staff_answer_and_the_counter_shows_it(browser, tmp_path):
    """A subscriber opens an appeal with a photo from the form; the operator
    reads it, writes a note and answers; the subscriber's menu counts the
    answered appeal, the thread shows the answer and never the note, and the
    count goes once the thread is read."""
    from conftest import STAFF, make_subscriber, totp  # noqa: E402
    from appeal_files import png  # noqa: E402
    sql("DELETE FROM login_attempts")
    sql("DELETE FROM signin_throttles")
    sql("DELETE FROM staff_login_attempts")
    login = "journey-appeal"
    make_subscriber(login, "journey-password-1", [3])
    photo = tmp_path / "счётчик.png"
    photo.write_bytes(png(320, 240))

    browser.get(BASE + "/login")
    browser.find_element(By.ID, "login").send_keys(login)
    browser.find_element(By.ID, "password").send_keys("journey-password-1")
    click_and_wait(browser, By.CSS_SELECTOR, "#login-form button[type=submit]",
                   lambda d: d.find_elements(By.ID, "greeting"))
    browser.get(BASE + "/appeals")
    click_and_wait(browser, By.ID, "new-appeal", lambda d: d.find_elements(By.ID, "appeal-form"))
    from selenium.webdriver.support.ui import Select
    Select(browser.find_element(By.ID, "topic")).select_by_index(1)
    browser.find_element(By.ID, "text").send_keys("Счётчик показывает странное, фото прилагаю.")
    browser.find_element(By.ID, "files").send_keys(str(photo))
    click_and_wait(browser, By.ID, "appeal-submit", lambda d: d.find_elements(By.ID, "done"))
    assert "счётчик.png" in browser.find_element(By.ID, "thread").text
    aid = re.search(r"id=(\d+)", browser.current_url).group(1)
    browser.save_screenshot(os.path.join(SHOTS, "appeal.png"))
    unread = ".nav-wide .nav-count[data-for=appeals]"
    assert not browser.find_elements(By.CSS_SELECTOR, unread)

    password, secret = STAFF["operator"]
    sql("UPDATE staff SET totp_last_step = 0 WHERE login = 'operator'")
    browser.get(BASE + "/admin/login")
    browser.find_element(By.ID, "login").send_keys("operator")
    browser.find_element(By.ID, "password").send_keys(password)
    click_and_wait(browser, By.ID, "signin-submit", lambda d: d.find_elements(By.ID, "code"))
    browser.find_element(By.ID, "code").send_keys(totp(secret))
    click_and_wait(browser, By.ID, "code-submit",
                   lambda d: d.find_elements(By.CSS_SELECTOR, "section[id^=org-]"))
    browser.get(BASE + "/admin/appeals")
    click_and_wait(browser, By.CSS_SELECTOR, "#appeal-%s a" % aid,
                   lambda d: d.find_elements(By.ID, "answer-form"))
    assert "счётчик.png" in browser.find_element(By.ID, "thread").text
    browser.find_element(By.ID, "note-text").send_keys("Внутреннее: вызвать контролёра")
    click_and_wait(browser, By.ID, "note-submit", lambda d: d.find_elements(By.ID, "done"))
    browser.find_element(By.ID, "text").send_keys("Контролёр придёт в четверг.")
    Select(browser.find_element(By.ID, "status-after")).select_by_value("in-progress")
    click_and_wait(browser, By.ID, "answer-submit", lambda d: d.find_elements(By.ID, "done"))
    browser.save_screenshot(os.path.join(SHOTS, "admin-appeal.png"))

    browser.get(BASE + "/")
    assert browser.find_element(By.CSS_SELECTOR, unread).get_attribute("textContent") \
        .startswith("1")
    browser.get(BASE + "/appeals/view?id=" + aid)
    thread = browser.find_element(By.ID, "thread").text
    assert "Контролёр придёт в четверг." in thread and "Внутреннее" not in thread
    browser.get(BASE + "/")
    assert not browser.find_elements(By.CSS_SELECTOR, unread)
    sql("DELETE FROM subscribers WHERE login = '%s'" % login)
