"""Every page in headless Chromium: axe-core's WCAG 2.1 A/AA rules find
nothing, and at 320 and 375 CSS pixels the page never scrolls sideways and
its chart labels stay readable.

The pages come from tests/http/pages.py, the list the renderer parity test
and the HTML checker walk too.  A POST page is reached the way a person
reaches it: a form with the page's CSRF token, submitted in the browser.
axe-core is the npm package in tests/a11y (installed by the Makefile).
"""
import json
import os
import sys

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "http"))
from conftest import STAFF, sql, totp  # noqa: E402
from pages import DEMO2, MULTIPART, every_page, home_of, prepare, tidy  # noqa: E402
import chromium  # noqa: E402  (tests/browser/chromium.py)

BASE = os.environ.get("KABINET_URL", "http://127.0.0.1:18080")
AXE = os.path.join(os.path.dirname(__file__), "..", "a11y", "node_modules", "axe-core",
                   "axe.min.js")
WIDTHS = (320, 375)
WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class Walker:
    """One browser for the whole walk; it signs in or out as each page needs."""

    def __init__(self):
        self.d, self.profile = chromium.start()
        self.d.set_script_timeout(60)
        self.signed_in = False
        self.lang = None
        # axe-core is given to the browser once, to run in every document it
        # loads before the page's own scripts (and despite the page's CSP):
        # sent with each page, its half a megabyte took a quarter of a second.
        with open(AXE) as f:
            self.d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": f.read()})

    def close(self):
        chromium.stop(self.d, self.profile)

    def wait_for_new_page(self, old, action):
        action()
        WebDriverWait(self.d, 15).until(
            lambda d: old.id != d.find_element(By.TAG_NAME, "html").id
            and d.execute_script("return document.readyState") == "complete")

    def set_lang(self, lang):
        if self.lang != lang:
            self.d.get(BASE + "/nope")  # any page of the site, for its cookie jar
            self.d.add_cookie({"name": "lang", "value": lang, "path": "/"})
            self.lang = lang

    def sign(self, needs_session):
        if needs_session == self.signed_in:
            return
        self.d.delete_all_cookies()
        self.lang = None
        self.signed_in = False
        if needs_session == "staff":
            self.staff_sign_in()
            self.signed_in = needs_session
        elif isinstance(needs_session, str):
            self.two_step(needs_session)
        elif needs_session:
            self.password_form()
            assert self.d.find_elements(By.ID, "greeting"), self.d.current_url
            self.signed_in = True

    def password_form(self):
        sql("DELETE FROM login_attempts")
        sql("DELETE FROM signin_throttles")
        self.d.get(BASE + "/login")
        self.d.find_element(By.ID, "login").send_keys(DEMO2[0])
        self.d.find_element(By.ID, "password").send_keys(DEMO2[1])
        old = self.d.find_element(By.TAG_NAME, "html")
        self.wait_for_new_page(old, lambda: self.d.find_element(
            By.CSS_SELECTOR, "#login-form button[type=submit]").click())

    def two_step(self, kind):
        """demo2 halfway through a two-step sign-in (step-*) or enrolling (enrol-*):
        a state made for one page, which tidy() undoes after it."""
        if kind.startswith("step-"):
            prepare(kind)
            self.password_form()
            assert "/login/code" in self.d.current_url, self.d.current_url
        else:
            self.password_form()
            self.signed_in = True
            if kind == "enrol-app":
                self.post("/settings/2fa/on", {"current_password": DEMO2[1]})
            else:
                prepare(kind)
        self.signed_in = kind

    def staff_sign_in(self):
        """The demo administrator, with a password and a code (the last code's
        step forgotten first: a code is good once per 30 seconds)."""
        password, secret = STAFF["admin"]
        sql("DELETE FROM staff_login_attempts")
        sql("UPDATE staff SET totp_last_step = 0 WHERE login = 'admin'")
        self.d.get(BASE + "/admin/login")
        self.d.find_element(By.ID, "login").send_keys("admin")
        self.d.find_element(By.ID, "password").send_keys(password)
        old = self.d.find_element(By.TAG_NAME, "html")
        self.wait_for_new_page(old, lambda: self.d.find_element(By.ID, "signin-submit").click())
        self.d.find_element(By.ID, "code").send_keys(totp(secret))
        old = self.d.find_element(By.TAG_NAME, "html")
        self.wait_for_new_page(old, lambda: self.d.find_element(By.ID, "code-submit").click())
        assert self.d.current_url.endswith("/admin"), self.d.current_url

    def post(self, path, data):
        """Submit data to path from a page that carries the session's CSRF token."""
        home = home_of(self.signed_in)
        self.d.get(BASE + home)
        token = self.d.find_element(By.CSS_SELECTOR, 'input[name="csrf"]').get_attribute("value")
        fields = dict({"csrf": token}, **data)  # a page may bring its own (a forged one)
        old = self.d.find_element(By.TAG_NAME, "html")
        self.wait_for_new_page(old, lambda: self.d.execute_script(
            """const f = document.createElement('form');
               f.method = 'post'; f.action = arguments[0];
               if (arguments[2]) f.enctype = 'multipart/form-data';
               for (const [k, v] of Object.entries(arguments[1])) {
                   const i = document.createElement('input');
                   i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i);
               }
               document.body.appendChild(f); f.submit();""", path, fields,
            path.split("?")[0] in MULTIPART))

    def open(self, path, method, data, needs_session, lang):
        self.sign(needs_session)
        self.set_lang(lang)
        if method == "GET":
            self.d.get(BASE + path)
        else:
            self.post(path, data)

    def phone_problems(self):
        """What is wrong at each phone width: the page scrolls sideways, or a chart's
        text (drawn in an SVG that shrinks with the screen) is too small to read."""
        problems = []
        for w in WIDTHS:
            self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": w, "height": 640, "deviceScaleFactor": 2, "mobile": True})
            sw = self.d.execute_script("return document.documentElement.scrollWidth")
            if sw > w:
                problems.append("scrolls sideways at %d px: %d px wide" % (w, sw))
            tiny = self.d.execute_script(
                """return [...document.querySelectorAll('svg text')]
                       .map(t => t.getBoundingClientRect().height)
                       .filter(h => h > 0 && h < 9).length""")
            if tiny:
                problems.append("%d chart labels under 9 px tall at %d px" % (tiny, w))
        return problems

    def axe_violations(self):
        result = self.d.execute_async_script(
            """const done = arguments[arguments.length - 1];
               axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},
                                  resultTypes: ['violations']})
                  .then(r => done(JSON.stringify(r.violations)))
                  .catch(e => done(JSON.stringify([{id: 'axe-error', help: String(e),
                                                     nodes: []}])));""", WCAG21_AA)
        return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5])
                for v in json.loads(result)]

    def reset_viewport(self):
        self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.fixture(scope="module")
def walker():
    w = Walker()
    try:
        yield w
    finally:
        w.close()


def page_id(p):
    path, method, data, needs_session, lang = p
    who = {"staff": " staff", True: " signed-in"}.get(needs_session, "")
    return "%s %s %s%s" % (method, path, lang, who)


@pytest.mark.parametrize("page", every_page(), ids=page_id)
def test_page_fits_phones_and_passes_axe(walker, page):
    try:
        walker.open(*page)
        problems = walker.phone_problems()
        violations = walker.axe_violations()
    finally:
        walker.reset_viewport()
        if isinstance(page[3], str) and page[3] != "staff":
            tidy(page[3])
            walker.signed_in = None  # made for one page: the next one starts again
    sql("DELETE FROM link_attempts")
    problems += ["axe %s: %s %s" % v for v in violations]
    assert not problems, "\n".join(problems)
