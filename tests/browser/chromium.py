"""Debian's headless Chromium for the browser tests, started one way."""
import shutil
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# Without the background-networking flags Chromium keeps calling Google's
# hosts, which this machine's closed network refuses.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-dev-shm-usage", "--window-size=1100,760")


def start(lang=None):
    """(driver, profile directory) with a fresh profile; lang sets the browser's languages."""
    profile = tempfile.mkdtemp(prefix="kabinet-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in FLAGS + ("--user-data-dir=" + profile,):
        opts.add_argument(a)
    if lang:
        opts.add_argument("--lang=%s-%s" % (lang, lang.upper()))
        opts.add_experimental_option("prefs",
                                     {"intl.accept_languages": "%s-%s,%s" % (lang, lang.upper(), lang)})
    d = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=opts)
    d.set_page_load_timeout(30)
    return d, profile


def stop(d, profile):
    d.quit()
    shutil.rmtree(profile, ignore_errors=True)
