"""Receipts: the list and its filter, the document (front, back, QR code), the print view, the
PDF (read back with poppler and zbar), receipts by e-mail, and issuing a month with the bank
details checked first."""
import datetime
from decimal import Decimal
import hashlib
import os
import re
import subprocess
import tempfile

import lxml.etree
import pytest

from conftest import (BASE, ENV, ROOT, doc, csrf_of, error_message, make_subscriber, new_client,
                      signed_in, sql, sql_script)

RECEIPTJOBS = os.path.join(ROOT, "build", "asan", "receiptjobs")
TEST_ORG = 97          # an organization of this file's own, with accounts 970..
TEST_ACCOUNT = 970
OLD_MONTH = "2021-03"  # a month nobody else bills or issues


def month_add(m, k):
    y, mo = int(m[:4]), int(m[5:7]) - 1 + k
    return "%04d-%02d" % (y + mo // 12, mo % 12 + 1)


def last_month():
    d = datetime.date.today().replace(day=1) - datetime.timedelta(days=1)
    return d.strftime("%Y-%m")


def xml(s, path, status=200):
    r = s.get(BASE + path + ("&" if "?" in path else "?") + "format=xml")
    assert r.status_code == status, (path, r.status_code, r.text[:300])
    return lxml.etree.fromstring(r.content)


def minor(node, name):
    return int(node.find(name).get("minor"))


def plain(text):
    """pdftotext and the formatter write no-break spaces; compare with plain ones."""
    return re.sub(r"[\u00a0\u202f]", " ", text)


def receiptjobs(*args):
    return subprocess.run([RECEIPTJOBS] + list(args), env=dict(
        os.environ, PORTAL_CONFIG=os.path.join(ENV, "portal.ini"), ASAN_OPTIONS="detect_leaks=1"),
        capture_output=True, text=True, timeout=120)


# ------------------------------------------------------------------ the list

def test_list_shows_the_last_twelve_issued_months_newest_first():
    s = signed_in()
    x = xml(s, "/receipts")
    months = [r.get("month") for r in x.findall("receipts/receipt")]
    want = [month_add(last_month(), -k) for k in range(12)]
    assert months == want
    assert x.findtext("period/from") == want[-1] and x.findtext("period/to") == want[0]
    for r in x.findall("receipts/receipt"):
        m = r.get("month")
        # Each service asks for its own debt; what was paid to it later covers that only.
        asks = sql("SELECT l.service_id, GREATEST(l.closing, 0), (SELECT COALESCE(SUM(n.paid), 0) "
                   "FROM ledger n WHERE n.account_id = 1 AND n.service_id = l.service_id "
                   "AND n.period > l.period) FROM ledger l WHERE l.account_id = 1 "
                   "AND l.period = '%s-01'" % m)
        to_pay = sum(int(a) for _, a, _ in asks)
        covered = sum(min(int(a), max(0, int(p))) for _, a, p in asks)
        assert minor(r, "to-pay") == to_pay
        assert minor(r, "paid-since") == covered
        want_status = ("paid" if to_pay == 0 or covered >= to_pay
                       else "partly" if covered > 0 else "unpaid")
        assert r.get("status") == want_status, m
        assert r.findtext("due-on") == month_add(m, 1) + "-10"
    page = doc(s.get(BASE + "/receipts"))
    row = page.xpath('//tr[@id="receipt-%s"]' % want[0])[0]
    assert row.xpath('.//a[not(contains(@class, "pay"))]/@href') == [
        "/receipts/view?month=" + want[0], "/receipts/print?month=" + want[0],
        "/receipts/pdf?month=" + want[0]]


def test_list_status_follows_payments_made_after_the_month():
    """What is paid to a service later covers that service's part of the receipt only."""
    make_subscriber("split-r", "split-password-1", [2999])
    s = signed_in("split-r", "split-password-1")
    m = last_month()
    r = xml(s, "/receipts").find("receipts/receipt[@month='%s']" % m)
    asks = [(int(sv), int(a)) for sv, a in sql(
        "SELECT service_id, closing FROM ledger WHERE account_id = 2999 AND period = '%s-01' "
        "AND closing > 0 ORDER BY service_id" % m)]
    assert len(asks) >= 2 and r.get("status") == "unpaid" and minor(r, "to-pay") == sum(
        a for _, a in asks)
    later = "2099-01-01"  # a month after every other: nothing else in it
    try:
        # Money on a service the receipt did not bill is that service's advance: still unpaid.
        sql("INSERT INTO ledger (account_id, service_id, period, tariff, quantity, opening, "
            "accrued, corrections, paid, closing) VALUES (2999, 99, '%s', 0, 0, 0, 0, 0, %d, -%d)"
            % (later, 10 ** 9, 10 ** 9))
        r = xml(s, "/receipts").find("receipts/receipt[@month='%s']" % m)
        assert r.get("status") == "unpaid" and minor(r, "paid-since") == 0
        # One service paid in full, beyond its ask: partly, and the rest is the others' asks.
        first, ask = asks[0]
        sql("INSERT INTO ledger (account_id, service_id, period, tariff, quantity, opening, "
            "accrued, corrections, paid, closing) VALUES (2999, %d, '%s', 0, 0, 0, 0, 0, %d, -%d)"
            % (first, later, ask * 3, ask * 3))
        r = xml(s, "/receipts").find("receipts/receipt[@month='%s']" % m)
        assert r.get("status") == "partly" and minor(r, "paid-since") == ask
        view = xml(s, "/receipts/view?month=%s&account=2999" % m).find("receipt")
        assert minor(view, "remaining") == sum(a for _, a in asks) - ask
        # The QR code of the service's payee asks for what remains of its part, not
        # the full sum (the water utility's services, 3 and 4, are paid to it).
        mine = [a for sv, a in asks if (sv in (3, 4)) == (first in (3, 4))]
        payee = view.find("payees/payee[@id='%d']" % (2 if first in (3, 4) else 0))
        assert minor(payee, "remaining") == sum(mine) - ask
        if sum(mine) > ask:
            assert "|Sum=%d|" % (sum(mine) - ask) in payee.find("qr").get("payload")
        else:
            assert "|Sum=" not in payee.find("qr").get("payload")
        page = doc(s.get(BASE + "/receipts/view?month=%s&account=2999" % m))
        assert view.findtext("remaining") in page.get_element_by_id(
            "receipt-remaining").text_content()
        for service, a in asks[1:]:
            sql("INSERT INTO ledger (account_id, service_id, period, tariff, quantity, opening, "
                "accrued, corrections, paid, closing) VALUES (2999, %d, '%s', 0, 0, 0, 0, 0, %d, "
                "-%d)" % (service, later, a, a))
        assert xml(s, "/receipts").find("receipts/receipt[@month='%s']" % m).get("status") == "paid"
    finally:
        sql("DELETE FROM ledger WHERE account_id = 2999 AND period = '%s'" % later)


def test_list_period_filter_and_its_errors_in_both_languages():
    s = signed_in()
    m = last_month()
    x = xml(s, "/receipts?from=%s&to=%s" % (month_add(m, -2), m))
    assert len(x.findall("receipts/receipt")) == 3
    x = xml(s, "/receipts?from=2001-01&to=2001-12")
    assert x.findall("receipts/receipt") == []
    assert doc(s.get(BASE + "/receipts?from=2001-01&to=2001-12")).xpath('//*[@id="no-receipts"]')
    for lang, words in (("ru", "ГГГГ-ММ"), ("en", "YYYY-MM")):
        c = signed_in(lang=lang)
        r = c.get(BASE + "/receipts?from=2026-13")
        assert r.status_code == 400 and words in doc(r).xpath('string(//*[@id="error-from"])')
        r = c.get(BASE + "/receipts?from=2026-05&to=2026-01")
        assert r.status_code == 422 and doc(r).xpath('//*[@id="error-from"]')
        r = c.get(BASE + "/receipts?from=2001-01&to=2026-01")
        assert r.status_code == 422 and doc(r).xpath('//*[@id="error-from"]')
    assert s.get(BASE + "/receipts?from=a&from=b").status_code == 400


def test_signed_out_goes_to_login_and_no_account_is_explained():
    r = new_client().get(BASE + "/receipts/pdf?month=2026-01", allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].startswith("/login?next=")
    make_subscriber("noaccount-r", "noaccount-password", [])
    s = signed_in("noaccount-r", "noaccount-password")
    assert xml(s, "/receipts").find("no-account") is not None
    assert s.get(BASE + "/receipts/view?month=" + last_month()).status_code == 404


# ------------------------------------------------------------------ someone else's receipt

@pytest.mark.parametrize("page", ["view", "print", "pdf"])
def test_foreign_unissued_and_malformed_receipts(page):
    s = signed_in()                       # demo: accounts 1 and 2
    m = last_month()
    for q, status in (("month=%s&account=3" % m, 404),        # demo2's account
                      ("month=%s&account=1001" % m, 404),     # nobody's of theirs
                      ("month=%s&account=99999999" % m, 404),
                      ("month=2019-01", 404),                  # never issued
                      ("month=" + month_add(m, 1), 404),       # this month: not yet issued
                      ("", 404),
                      ("month=2026-13", 400), ("month=abc", 400),
                      ("month=%s&account=x" % m, 404),
                      ("month=%s&account=2" % m, 200)):         # their second account
        r = s.get(BASE + "/receipts/%s?%s" % (page, q))
        assert r.status_code == status, (page, q, r.status_code)
        if status != 200:
            assert r.headers["Content-Type"].startswith("text/html")
            assert error_message(r), (page, q)
    r = signed_in(lang="en").get(BASE + "/receipts/%s?month=2026-13" % page)
    assert "YYYY-MM" in error_message(r)


# ------------------------------------------------------------------ the document

def qr_expected(account, month, payee=0):
    """The QR payload of a receipt's payee: the organization (0), or a supplier paid to
    its own account (sql/046), asking for its own services' debts."""
    if payee == 0:
        o = sql("SELECT o.name, o.bank_account, o.bank_name, o.bic, o.corr_account, o.inn, "
                "o.kpp, o.qr_category, o.qr_tech_code, a.number, a.payer_name, a.address "
                "FROM accounts a JOIN organizations o ON o.id = a.organization_id "
                "WHERE a.id = %d" % account)[0]
    else:
        o = sql("SELECT COALESCE(su.short_name, su.name), su.bank_account, su.bank_name, su.bic, "
                "su.corr_account, su.inn, su.kpp, NULL, NULL, a.number, a.payer_name, a.address "
                "FROM accounts a JOIN suppliers su ON su.id = %d WHERE a.id = %d"
                % (payee, account))[0]
    total = int(sql("SELECT COALESCE(SUM(GREATEST(l.closing, 0)), 0) FROM ledger l "
                    "JOIN services sv ON sv.id = l.service_id "
                    "JOIN suppliers su ON su.id = sv.supplier_id WHERE l.account_id = %d "
                    "AND l.period = '%s-01' AND IF(su.bank_account IS NULL, 0, su.id) = %d"
                    % (account, month, payee))[0][0])
    last, first, middle = o[10].split(" ")
    mm, yyyy = month[5:7], month[:4]
    fields = [("Name", o[0]), ("PersonalAcc", o[1]), ("BankName", o[2]), ("BIC", o[3]),
              ("CorrespAcc", o[4]), ("PayeeINN", o[5]), ("KPP", o[6]), ("PersAcc", o[9]),
              ("LastName", last), ("FirstName", first), ("MiddleName", middle),
              ("PayerAddress", o[11])]
    if total > 0:
        fields.append(("Sum", str(total)))
    fields += [("Purpose", "Оплата за %s.%s, лицевой счёт %s" % (mm, yyyy, o[9])),
               ("PaymPeriod", mm + yyyy), ("Category", o[7]), ("TechCode", o[8])]
    return "ST00012|" + "|".join("%s=%s" % f for f in fields if f[1] != "NULL")


DEMO_PAYEES = (0, 2)  # the organization, and the water utility paid to its own account


def test_receipt_front_and_back_add_up_and_carry_the_qr_payload():
    s = signed_in()
    m = last_month()
    x = xml(s, "/receipts/view?month=" + m)
    rc = x.find("receipt")
    assert rc.get("month") == m and rc.findtext("number") == "1000456701-" + m.replace("-", "")
    assert rc.findtext("payer/account") == "1000456701"
    assert rc.findtext("payer/name") == "Иванова Мария Петровна"
    assert rc.findtext("payer/area") == "54.30" and rc.findtext("payer/residents") == "3"
    assert rc.findtext("payee/kpp") == "770701001" and rc.findtext("payee/bic") == "044525225"
    assert rc.findtext("due-on") == month_add(m, 1) + "-10"
    rows = sql("SELECT service_id, opening, accrued, corrections, paid, closing FROM ledger "
               "WHERE account_id = 1 AND period = '%s-01' ORDER BY service_id" % m)
    lines = rc.findall("lines/line")
    assert [int(l.get("service")) for l in lines] == [int(r[0]) for r in rows]
    for col, k in (("opening", 1), ("accrued", 2), ("corrections", 3), ("paid", 4),
                   ("closing", 5)):
        assert [minor(l, col) for l in lines] == [int(r[k]) for r in rows]
        assert minor(rc.find("totals"), col) == sum(int(r[k]) for r in rows)
    assert minor(rc, "to-pay") == max(0, sum(int(r[5]) for r in rows))
    # The back: every register of the account's meters with the month's readings.
    readings = rc.findall("readings/reading")
    assert len(readings) == 4  # a three-zone electricity meter and a cold-water meter
    for r in readings:
        prev, curr = float(r.findtext("prev")), float(r.findtext("curr"))
        assert r.find("curr").get("on").startswith(m)
        assert abs(float(r.findtext("used")) - (curr - prev)) < 1e-9
    # The front bills the back (the demo's billing system, tools/kabinet-demo-bill.c):
    # each register's consumption is its zone's volume, split by the social norm, and
    # the volumes and their money add up to the line's.
    used = {(r.findtext("kind"), int(r.get("zone"))): Decimal(r.findtext("used"))
            for r in readings}
    for service, kind in ((1, "electricity"), (3, "cold-water")):
        line = [l for l in lines if l.get("service") == str(service)][0]
        zones = {}
        for v in line.findall("volume"):
            z = int(v.get("zone", "1"))
            zones[z] = zones.get(z, 0) + Decimal(v.findtext("quantity"))
        assert zones == {z: u for (k, z), u in used.items() if k == kind}, (kind, zones, used)
        assert sum(zones.values()) == Decimal(line.findtext("quantity"))
        assert sum(minor(v, "amount") for v in line.findall("volume")) == minor(line, "accrued")
    tiers = {v.get("tier") for v in lines[0].findall("volume")}
    assert tiers == {"1", "2"}  # 300 kWh: within the norm of 50 per resident, and above it
    assert "15 по 25" in rc.findtext("payee/note")
    # Two payees, each with its own code: no code for the whole.
    assert rc.find("qr") is None
    payees = rc.findall("payees/payee")
    assert tuple(int(p.get("id")) for p in payees) == DEMO_PAYEES
    for p in payees:
        assert p.find("qr").get("payload") == qr_expected(1, m, int(p.get("id")))
        assert int(p.find("qr").get("modules")) in range(21, 178, 4)
    assert sum(minor(p, "to-pay") for p in payees) == minor(rc, "to-pay")
    # The page: the same document in HTML, the QR codes drawn inline.
    page = doc(s.get(BASE + "/receipts/view?month=" + m))
    assert page.xpath('string(//*[@id="receipt-account"])') == "1000456701"
    paths = page.xpath('//section[@id="receipt-payees"]//figure/svg/path/@d')
    assert len(paths) == 2 and all(d.startswith("M") for d in paths)
    assert page.xpath('//*[@id="receipt-lines"]//tr[starts-with(@id, "line-")]')
    assert page.xpath('//*[@id="receipt-how"]//li')
    assert page.xpath('//nav[@class="sections"]')


def test_an_issued_receipt_never_changes_and_a_reissue_is_a_new_version(tsj_org):
    """A recalculation loaded after the month was issued does not touch the receipt;
    issued again, with a reason, it is a new version, and the old one is kept."""
    assert receiptjobs("issue", "--month", OLD_MONTH, "--org", str(TEST_ORG)).returncode == 0
    s = signed_in("tsj-paper", "tsj-password-2")
    view = "/receipts/view?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT)
    before = xml(s, view).find("receipt")
    assert before.get("version") == "1" and before.findall("corrections/correction") == []
    pdf_before = s.get(BASE + "/receipts/pdf?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT))
    sql("INSERT INTO corrections (account_id, service_id, period, amount, reason) VALUES "
        "(%d, %d, '%s-01', -1234, 'Перерасчёт по акту проверки <b>№ 5</b>')"
        % (TEST_ACCOUNT, TEST_ORG, OLD_MONTH))
    sql("INSERT INTO corrections (account_id, service_id, period, amount, reason, kind) VALUES "
        "(%d, %d, '%s-01', 210, 'Пени', 'penalty')" % (TEST_ACCOUNT, TEST_ORG, OLD_MONTH))
    sql("UPDATE ledger SET corrections = corrections - 1234 + 210, closing = closing - 1024 "
        "WHERE account_id = %d AND period = '%s-01'" % (TEST_ACCOUNT, OLD_MONTH))
    sql("UPDATE accounts SET payer_name = 'Другой Плательщик' WHERE id = %d" % TEST_ACCOUNT)
    after = xml(s, view).find("receipt")
    assert lxml.etree.tostring(after) == lxml.etree.tostring(before)
    assert s.get(BASE + "/receipts/pdf?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT)
                 ).content == pdf_before.content
    # The first PDF's SHA-256 is kept with the receipt as issued.
    assert sql("SELECT HEX(pdf_sha256) FROM receipt_documents WHERE account_id = %d AND "
               "period = '%s-01' AND version = 1" % (TEST_ACCOUNT, OLD_MONTH)) == [
        (hashlib.sha256(pdf_before.content).hexdigest().upper(),)]
    # Issued again, for a reason: the correction, the payer as now, and the reason printed.
    out = receiptjobs("reissue", "--account", str(TEST_ACCOUNT), "--month", OLD_MONTH,
                      "--reason", "Перерасчёт по акту проверки № 5")
    assert out.returncode == 0 and "version 2" in out.stdout, out.stderr
    x = xml(s, view).find("receipt")
    assert x.get("version") == "2" and x.findtext("reason") == "Перерасчёт по акту проверки № 5"
    c = x.findall("corrections/correction")
    assert [(minor(e, "amount"), e.findtext("reason"), e.get("kind")) for e in c] == \
        [(-1234, "Перерасчёт по акту проверки <b>№ 5</b>", None), (210, "Пени", "penalty")]
    assert minor(x, "to-pay") == minor(before, "to-pay") - 1024
    # Penalties are a column of their own; recalculations without them.
    line = x.find("lines/line")
    assert (minor(line, "penalties"), minor(line, "recalculations")) == (210, -1234)
    assert (minor(x.find("totals"), "penalties"), minor(x.find("totals"), "corrections")) == \
        (210, -1024)
    r = s.get(BASE + view)
    assert b"&lt;b&gt;" in r.content and b"<b>\xe2\x84\x96" not in r.content
    assert "Перерасчёт по акту проверки № 5" in doc(r).get_element_by_id(
        "receipt-version").text_content()
    assert doc(r).xpath('//p[@id="receipt-earlier"]/a/@href') == [
        "/receipts/view?month=%s&version=1" % OLD_MONTH]
    # The old version is kept as it was, and says it was replaced.
    old = xml(s, view + "&version=1").find("receipt")
    assert old.findtext("replaced-on") and old.findall("corrections/correction") == []
    assert doc(s.get(BASE + view + "&version=1")).get_element_by_id("receipt-replaced") \
        is not None
    assert s.get(BASE + view + "&version=3").status_code == 404
    # The list shows the current version only.
    rows = xml(s, "/receipts?from=%s&to=%s" % (OLD_MONTH, OLD_MONTH)).findall(
        "receipts/receipt")
    assert [(r.get("month"), r.get("version")) for r in rows] == [(OLD_MONTH, "2")]
    # Nothing to issue again where nothing was issued.
    out = receiptjobs("reissue", "--account", str(TEST_ACCOUNT), "--month", "2020-01",
                      "--reason", "проверка")
    assert out.returncode == 1 and "no issued receipt" in out.stderr
    assert receiptjobs("reissue", "--account", str(TEST_ACCOUNT), "--month", OLD_MONTH
                       ).returncode == 2


def test_print_view_is_the_document_alone():
    s = signed_in()
    r = s.get(BASE + "/receipts/print?month=" + last_month())
    assert r.status_code == 200
    page = doc(r)
    assert page.xpath('//body[@class="print-view"]')
    assert not page.xpath('//nav') and not page.xpath('//header[@class="top"]')
    assert len(page.xpath('//article[@id="receipt"]//section[@id="receipt-payees"]//figure/svg')) == 2


def test_a_payee_outside_roubles_gets_no_qr_code():
    m = OLD_MONTH
    sql("DELETE FROM ledger WHERE account_id = 951")
    sql("DELETE FROM subscriber_accounts WHERE account_id = 951")
    sql("DELETE FROM accounts WHERE id = 951")
    sql("INSERT INTO accounts (id, organization_id, number, payer_name, address, residents, "
        "area_centi_m2, household) VALUES (951, 2, 'KZ0000951', 'Тестова Алия', 'г. Алматы', 1, "
        "4000, 'gas')")
    # 100 kWh at 13,4456 тенге (a rate with four decimals, as Kazakh tariffs are published).
    sql("INSERT INTO ledger VALUES (951, 7, '%s-01', 134456, 100000, 0, 134456, 0, 0, 134456)"
        % m)
    sql("INSERT IGNORE INTO receipt_issues (organization_id, period, due_on, issued_at) "
        "VALUES (2, '%s-01', '%s-25', NOW())" % (m, month_add(m, 1)))
    try:
        make_subscriber("kzt-r", "kzt-password-1", [951])
        s = signed_in("kzt-r", "kzt-password-1")
        x = xml(s, "/receipts/view?month=%s&account=951" % m)
        assert x.find("receipt/qr") is None and minor(x.find("receipt"), "to-pay") == 134456
        assert x.find("receipt/to-pay").get("currency") == "KZT"
        rate = x.find("receipt/lines/line/tariff")
        assert (rate.get("units"), rate.text) == ("134456", "13,4456\u00a0₸")
        r = s.get(BASE + "/receipts/pdf?month=%s&account=951" % m)
        assert r.status_code == 200 and r.content.startswith(b"%PDF-")
        assert "13,4456" in plain(pdf_tool(["pdftotext", "-layout"], r.content).decode())
    finally:
        sql("DELETE FROM receipt_issues WHERE organization_id = 2 AND period = '%s-01'" % m)
        sql("DELETE FROM subscriber_accounts WHERE account_id = 951")
        sql("DELETE FROM ledger WHERE account_id = 951")
        sql("DELETE FROM accounts WHERE id = 951")


# ------------------------------------------------------------------ the PDF

def pdf_tool(args, data):
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "r.pdf")
        open(f, "wb").write(data)
        return subprocess.run(args + [f] + (["-"] if args[0] == "pdftotext" else []),
                              capture_output=True, timeout=60, check=True).stdout


def decode_qr(data, dpi):
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, "r.pdf")
        open(f, "wb").write(data)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", f,
                        os.path.join(d, "p")], check=True, timeout=60)
        png = [os.path.join(d, n) for n in os.listdir(d) if n.endswith(".png")][0]
        out = subprocess.run(["zbarimg", "--raw", "-q", "-Sbinary", png], capture_output=True,
                             timeout=60)
        assert out.returncode == 0, out.stderr
        return out.stdout


def test_pdf_is_one_a4_page_of_text_with_the_exact_qr_payload():
    s = signed_in()
    m = last_month()
    r = s.get(BASE + "/receipts/pdf?month=" + m)
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "application/pdf"
    assert r.headers["Content-Disposition"] == \
        'attachment; filename="receipt-1000456701-%s.pdf"' % m
    assert r.headers["Cache-Control"] == "no-store"
    assert r.content.startswith(b"%PDF-1.5")
    assert 10_000 < len(r.content) < 60_000, len(r.content)  # a few tens of KB
    info = pdf_tool(["pdfinfo"], r.content).decode()
    assert re.search(r"Pages:\s+1\n", info) and "595.276 x 841.89 pts (A4)" in info
    assert re.search(r"Title:\s+Платёжный документ \(единый\) за ", info)
    # Every font embedded, as a subset, with its Unicode map: the text can be copied.
    fonts = pdf_tool(["pdffonts"], r.content).decode().splitlines()[2:]
    assert fonts and all("DejaVuSans" in f and f.split()[-5:-2] == ["yes"] * 3 for f in fonts)
    text = plain(pdf_tool(["pdftotext", "-layout", "-enc", "UTF-8"], r.content).decode())
    x = xml(s, "/receipts/view?month=" + m).find("receipt")
    names = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
             "октябрь", "ноябрь", "декабрь"]
    assert "за %s %s" % (names[int(m[5:]) - 1], m[:4]) in text
    assert "1000456701" in text and "Иванова Мария Петровна" in text
    assert "Итого к оплате: " + plain(x.findtext("to-pay")) in text
    assert "40702810138250123017" in text and "044525225" in text
    assert "Показания приборов учёта" in text and "ЦЭ6803В 011234567" in text
    # Each code on the page says exactly what the receipt's XML says, byte for byte.
    codes = decode_qr(r.content, 150)
    for p in DEMO_PAYEES:
        assert qr_expected(1, m, p).encode() in codes


def test_a_payment_qr_code_is_made_once_and_kept_by_its_text():
    """A receipt's codes are encoded the first time its texts are seen and kept under
    their SHA-256 (sql/060); after that the page, the print view and the PDF read them.
    A kept code is the one encoding would make, module for module, and scans as its
    text; the text itself is not kept."""
    s = signed_in()
    m = last_month()
    payloads = [q.get("payload") for q in
                xml(s, "/receipts/view?month=" + m).findall("receipt/payees/payee/qr")]
    assert len(payloads) == 2
    shas = ", ".join("x'%s'" % hashlib.sha256(p.encode()).hexdigest() for p in payloads)
    sql("DELETE FROM qr_codes WHERE text_sha256 IN (%s)" % shas)

    def paths():
        x = xml(s, "/receipts/view?month=" + m)
        return [(q.get("payload"), q.get("modules"), q.findtext("path"))
                for q in x.findall("receipt/payees/payee/qr")]
    made = paths()  # encoded, and kept
    kept = sql("SELECT HEX(text_sha256), modules, LENGTH(dark) FROM qr_codes "
               "WHERE text_sha256 IN (%s) ORDER BY 1" % shas)
    assert sorted(r[0].lower() for r in kept) == sorted(
        hashlib.sha256(p.encode()).hexdigest() for p in payloads)
    for p, modules, _ in made:
        row = [r for r in kept if r[0].lower() == hashlib.sha256(p.encode()).hexdigest()][0]
        assert int(row[1]) == int(modules) and int(row[2]) == (int(modules) ** 2 + 7) // 8
    assert paths() == made  # read back: the same modules
    assert sql("SELECT COUNT(*) FROM qr_codes WHERE text_sha256 IN (%s)" % shas)[0][0] == "2"
    # The PDF draws the kept codes, and each scans as its text.
    r = s.get(BASE + "/receipts/pdf?month=" + m)
    assert r.status_code == 200
    codes = decode_qr(r.content, 150)
    for p in payloads:
        assert p.encode() in codes


def test_pdf_speaks_the_subscribers_language():
    s = signed_in(lang="en")
    m = last_month()
    r = s.get(BASE + "/receipts/pdf?month=" + m)
    assert r.status_code == 200
    text = plain(pdf_tool(["pdftotext", "-enc", "UTF-8"], r.content).decode())
    names = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
    assert "Payment document for %s %s" % (names[int(m[5:]) - 1], m[:4]) in text
    assert "Total to pay" in text and "Meter readings" in text
    # The QR codes are for a Russian bank, whatever the page's language.
    codes = decode_qr(r.content, 150)
    for p in DEMO_PAYEES:
        assert qr_expected(1, m, p).encode() in codes


def test_pdf_api_is_the_xml():
    x = xml(signed_in(), "/receipts/pdf?month=" + last_month())
    assert x.get("name") == "pdf" and len(x.findall("receipt/payees/payee/qr")) == 2


# ------------------------------------------------------------------ receipts by e-mail

def test_receipts_by_email_on_and_off():
    s = signed_in()
    page = s.get(BASE + "/receipts")
    token = csrf_of(page)
    assert doc(page).xpath('//*[@id="email-on"]')
    r = s.post(BASE + "/receipts/email", data={"csrf": token, "email": "1"}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/receipts?done=email-on"
    assert doc(s.get(BASE + r.headers["Location"])).xpath('string(//*[@id="done"])').strip() == \
        "Готово: квитанции по этому счёту будут приходить по электронной почте."
    try:
        x = xml(s, "/receipts")
        assert x.find("account-head").get("by-email") == "1"
        assert x.find("account-head").get("email") == "demo@example.org"
        assert sql("SELECT receipt_email FROM subscriber_accounts sa JOIN subscribers s ON "
                   "s.id = sa.subscriber_id WHERE s.login = 'demo' AND sa.account_id = 1") == [("1",)]
        assert doc(s.get(BASE + "/receipts")).xpath('//*[@id="email-off"]')
        # Only the account chosen: the other one keeps paper.
        assert sql("SELECT receipt_email FROM subscriber_accounts sa JOIN subscribers s ON "
                   "s.id = sa.subscriber_id WHERE s.login = 'demo' AND sa.account_id = 2") == [("0",)]
        for data, status in (({"email": "2"}, 400), ({"email": "x"}, 400), ({}, 400)):
            r = s.post(BASE + "/receipts/email", data=dict(data, csrf=token), allow_redirects=False)
            assert r.status_code == status, data
        r = s.post(BASE + "/receipts/email", data={"email": "0"}, allow_redirects=False)
        assert r.status_code == 403
        assert xml(s, "/receipts").find("account-head").get("by-email") == "1"
    finally:
        r = s.post(BASE + "/receipts/email", data={"csrf": token, "email": "0"},
                   allow_redirects=False)
        assert r.status_code == 303
    assert xml(s, "/receipts").find("account-head").get("by-email") is None


def test_receipts_by_email_need_an_address():
    make_subscriber("noemail-r", "noemail-password", [1003])
    s = signed_in("noemail-r", "noemail-password", lang="en")
    page = s.get(BASE + "/receipts")
    assert "e-mail address" in doc(page).xpath('string(//*[@id="email-state"])')
    assert not doc(page).xpath('//*[@id="email-on"]')
    r = s.post(BASE + "/receipts/email", data={"csrf": csrf_of(page), "email": "1"},
               allow_redirects=False)
    assert r.status_code == 422 and "e-mail" in error_message(r)
    r = s.post(BASE + "/receipts/email", data={"csrf": csrf_of(page), "email": "0"},
               allow_redirects=False)
    assert r.status_code == 303


# ------------------------------------------------------------------ issuing a month

@pytest.fixture
def tsj_org():
    """Organization 97 with one account billed in OLD_MONTH and a subscriber taking its
    receipts by e-mail, another on paper."""
    def clean():
        sql("DELETE FROM outbox WHERE kind = 'receipt' AND params LIKE '%%account=\"%d\"%%'"
            % TEST_ACCOUNT)
        sql("DELETE FROM receipt_issues WHERE organization_id = %d" % TEST_ORG)
        for t in ("receipt_documents", "receipt_document_lines", "receipt_document_corrections",
                  "receipt_document_readings", "receipt_document_volumes", "ledger_lines",
                  "receipt_document_payees"):
            sql("DELETE FROM %s WHERE account_id = %d" % (t, TEST_ACCOUNT))
        sql("DELETE l FROM payment_lines l JOIN payments p ON p.id = l.payment_id "
            "WHERE p.account_id = %d" % TEST_ACCOUNT)
        sql("DELETE FROM payments WHERE account_id = %d" % TEST_ACCOUNT)
        for t in ("import_chunks", "import_problems", "stage_payments"):
            sql("DELETE x FROM %s x JOIN imports i ON i.id = x.import_id "
                "WHERE i.organization_id = %d" % (t, TEST_ORG))
        sql("DELETE FROM imports WHERE organization_id = %d" % TEST_ORG)
        sql("DELETE FROM subscriber_accounts WHERE account_id = %d" % TEST_ACCOUNT)
        sql("DELETE FROM ledger WHERE account_id = %d" % TEST_ACCOUNT)
        sql("DELETE FROM corrections WHERE account_id = %d" % TEST_ACCOUNT)
        sql("DELETE FROM accounts WHERE id = %d" % TEST_ACCOUNT)
        sql("DELETE FROM services WHERE organization_id = %d" % TEST_ORG)
        sql("DELETE FROM suppliers WHERE organization_id = %d" % TEST_ORG)
        sql("DELETE FROM organizations WHERE id = %d" % TEST_ORG)
    clean()
    sql("INSERT INTO organizations (id, name, inn, kpp, address, phones, email, bank_name, bic, "
        "bank_account, corr_account, currency) VALUES (%d, 'ТСЖ «Проверка»', '7707083893', "
        "'770701001', 'г. Энск', '+7 495 000-00-00', 'tsj@example.org', 'ОАО \"БАНК\"', "
        "'044030827', '40702810900000002851', '30101810200000000827', 'RUB')" % TEST_ORG)
    sql("INSERT INTO suppliers (id, organization_id, name, inn, phone) VALUES (%d, %d, "
        "'ТСЖ «Проверка»', '7707083893', '-')" % (TEST_ORG, TEST_ORG))
    sql("INSERT INTO services (id, organization_id, supplier_id, code, name_ru, name_en, unit) "
        "VALUES (%d, %d, %d, 'upkeep', 'Содержание жилья', 'Upkeep', 'm2')"
        % (TEST_ORG, TEST_ORG, TEST_ORG))
    sql("INSERT INTO accounts (id, organization_id, number, payer_name, address, residents, "
        "area_centi_m2, household) VALUES (%d, %d, '9700000001', 'Проверкин Пётр', "
        "'г. Энск, ул. Тестовая, д. 1, кв. 1', 2, 4500, 'gas')" % (TEST_ACCOUNT, TEST_ORG))
    sql("INSERT INTO ledger VALUES (%d, %d, '%s-01', 300000, 45000, 500, 1350, 0, 0, 1850)"
        % (TEST_ACCOUNT, TEST_ORG, OLD_MONTH))
    mailed = make_subscriber("tsj-mail", "tsj-password-1", [TEST_ACCOUNT], email="tsj@example.org")
    make_subscriber("tsj-paper", "tsj-password-2", [TEST_ACCOUNT], email="paper@example.org")
    sql("UPDATE subscriber_accounts SET receipt_email = 1 WHERE subscriber_id = %d" % mailed)
    yield mailed
    clean()


def issued(month):
    return sql("SELECT DATE_FORMAT(due_on, '%%Y-%%m-%%d') FROM receipt_issues WHERE "
               "organization_id = %d AND period = '%s-01'" % (TEST_ORG, month))


def test_bad_bank_details_stop_issuing_with_a_message_staff_can_act_on(tsj_org):
    for column, value, what in (
            ("bank_account", "40702810000000002851", "bank-account 40702810000000002851 fails"),
            ("corr_account", "30101810300000000827", "corr-account 30101810300000000827 is not"),
            ("bic", "04403082", "bic 04403082 is not a 9-digit BIC"),
            ("inn", "7707083894", "inn 7707083894 fails"),
            ("kpp", "77070100", "kpp 77070100 is not 9 digits")):
        good = sql("SELECT %s FROM organizations WHERE id = %d" % (column, TEST_ORG))[0][0]
        sql("UPDATE organizations SET %s = '%s' WHERE id = %d" % (column, value, TEST_ORG))
        try:
            out = receiptjobs("issue", "--month", OLD_MONTH, "--org", str(TEST_ORG))
            assert out.returncode == 1, out
            assert what in out.stderr and "NOT issued" in out.stderr, out.stderr
            assert "ТСЖ «Проверка»" in out.stderr
            assert issued(OLD_MONTH) == []
            assert sql("SELECT COUNT(*) FROM outbox WHERE kind = 'receipt' AND params LIKE "
                       "'%%account=\"%d\"%%'" % TEST_ACCOUNT) == [("0",)]
        finally:
            sql("UPDATE organizations SET %s = '%s' WHERE id = %d" % (column, good, TEST_ORG))
    s = signed_in("tsj-paper", "tsj-password-2")
    assert s.get(BASE + "/receipts/view?month=" + OLD_MONTH).status_code == 404


def test_issuing_records_the_month_once_and_mails_who_asked(tsj_org):
    out = receiptjobs("issue", "--month", OLD_MONTH, "--org", str(TEST_ORG))
    assert out.returncode == 0, out
    assert "organization %d: receipts issued, 1 e-mailed" % TEST_ORG in out.stdout
    assert issued(OLD_MONTH) == [(month_add(OLD_MONTH, 1) + "-10",)]
    mail = sql("SELECT subscriber_id, channel, address, kind, params, status FROM outbox WHERE "
               "kind = 'receipt' AND params LIKE '%%account=\"%d\"%%'" % TEST_ACCOUNT)
    assert mail == [(str(tsj_org), "email", "tsj@example.org", "receipt",
                     '<receipt account="%d" month="%s"/>' % (TEST_ACCOUNT, OLD_MONTH), "queued")]
    # Again: nothing issued or mailed twice.
    out = receiptjobs("issue", "--month", OLD_MONTH, "--org", str(TEST_ORG))
    assert out.returncode == 0 and "issued already" in out.stdout
    assert len(sql("SELECT 1 FROM outbox WHERE kind = 'receipt' AND params LIKE "
                   "'%%account=\"%d\"%%'" % TEST_ACCOUNT)) == 1
    # Both subscribers see the receipt; the QR code carries the payee's own details.
    s = signed_in("tsj-paper", "tsj-password-2")
    x = xml(s, "/receipts/view?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT))
    payload = x.find("receipt/qr").get("payload")
    assert payload.startswith("ST00012|Name=ТСЖ «Проверка»|PersonalAcc=40702810900000002851|"
                              "BankName=ОАО \"БАНК\"|BIC=044030827|CorrespAcc=30101810200000000827|")
    assert "|LastName=Проверкин|FirstName=Пётр|" in payload and "|Sum=1850|" in payload
    # No Category or TechCode: this payee configured none.
    assert payload.endswith("|PaymPeriod=%s%s" % (OLD_MONTH[5:], OLD_MONTH[:4]))


def test_issuing_in_batches_stops_part_way_and_goes_on_without_doubling(tsj_org):
    """A month is issued a batch of accounts per transaction (a million accounts in one
    exceeded InnoDB's lock table).  A run that fails part-way leaves whole batches issued
    and none half; the next runs, two at once here, go on from there: every account's
    receipt stored once, every notice queued once, and the month recorded issued last."""
    extra = list(range(TEST_ACCOUNT + 1, TEST_ACCOUNT + 13))  # 971..982
    many = None

    def count(query):
        return int(sql(query)[0][0])
    try:
        for a in extra:
            sql("INSERT INTO accounts (id, organization_id, number, payer_name, address, "
                "residents, area_centi_m2, household) VALUES (%d, %d, '97000000%02d', "
                "'Проверкин Пётр', 'г. Энск, ул. Тестовая, д. 1, кв. %d', 1, 3000, 'gas')"
                % (a, TEST_ORG, a - TEST_ACCOUNT + 1, a - TEST_ACCOUNT + 1))
            sql("INSERT INTO ledger VALUES (%d, %d, '%s-01', 300000, 30000, 0, 900, 0, 0, 900)"
                % (a, TEST_ORG, OLD_MONTH))
        many = make_subscriber("tsj-many", "tsj-password-3", extra, email="many@example.org")
        sql("UPDATE subscriber_accounts SET receipt_email = 1 WHERE subscriber_id = %d" % many)
        # A fault in the third batch of three (accounts 976..978): its receipt cannot be stored.
        sql_script("CREATE TRIGGER test_issue_fault BEFORE INSERT ON receipt_documents "
                   "FOR EACH ROW SET NEW.account_id = IF(NEW.account_id = 977, NULL, "
                   "NEW.account_id);")
        try:
            out = receiptjobs("issue", "--month", OLD_MONTH, "--org", str(TEST_ORG),
                              "--batch", "3")
        finally:
            sql("DROP TRIGGER IF EXISTS test_issue_fault")
        assert out.returncode == 1 and "organization %d" % TEST_ORG in out.stderr, out
        assert sql("SELECT stored_through FROM receipt_issues WHERE organization_id = %d AND "
                   "period = '%s-01'" % (TEST_ORG, OLD_MONTH)) == [(str(TEST_ACCOUNT + 5),)]
        stored = [int(a) for (a,) in sql(
            "SELECT account_id FROM receipt_documents WHERE organization_id = %d ORDER BY 1"
            % TEST_ORG)]
        assert stored == list(range(TEST_ACCOUNT, TEST_ACCOUNT + 6))
        assert count("SELECT COUNT(*) FROM receipt_document_lines WHERE account_id BETWEEN "
                     "%d AND %d" % (TEST_ACCOUNT + 6, extra[-1])) == 0
        mailed = lambda: [int(a) for (a,) in sql(  # noqa: E731
            "SELECT SUBSTRING_INDEX(SUBSTRING_INDEX(params, '\"', 2), '\"', -1) FROM outbox "
            "WHERE kind = 'receipt' AND subscriber_id = %d ORDER BY 1" % many)]
        assert mailed() == extra[:5]
        # A receipt stored is shown already, before the month is issued whole.
        s = signed_in("tsj-many", "tsj-password-3")
        assert xml(s, "/receipts/view?month=%s&account=%d" % (OLD_MONTH, extra[0])).find(
            "receipt").get("version") == "1"
        # Two runs at once share what is left.
        runs = [subprocess.Popen(
            [RECEIPTJOBS, "issue", "--month", OLD_MONTH, "--org", str(TEST_ORG), "--batch", "2"],
            env=dict(os.environ, PORTAL_CONFIG=os.path.join(ENV, "portal.ini")),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        outs = [r.communicate(timeout=120) for r in runs]
        assert [r.returncode for r in runs] == [0, 0], outs
        assert any("going on from a run that stopped" in o for o, _ in outs), outs
        assert sql("SELECT stored_through IS NULL FROM receipt_issues WHERE organization_id = "
                   "%d AND period = '%s-01'" % (TEST_ORG, OLD_MONTH)) == [("1",)]
        assert sql("SELECT account_id, COUNT(*) FROM receipt_documents WHERE organization_id "
                   "= %d GROUP BY account_id ORDER BY 1" % TEST_ORG) == [
                       (str(a), "1") for a in [TEST_ACCOUNT] + extra]
        assert count("SELECT COUNT(*) FROM receipt_document_lines WHERE account_id BETWEEN "
                     "%d AND %d" % (TEST_ACCOUNT, extra[-1])) == 13
        assert mailed() == extra
        assert count("SELECT COUNT(*) FROM inbox WHERE subscriber_id = %d AND kind = "
                     "'receipt-ready'" % many) == len(extra)
        out = receiptjobs("issue", "--month", OLD_MONTH, "--org", str(TEST_ORG))
        assert out.returncode == 0 and "issued already" in out.stdout, out
    finally:
        if many is not None:
            sql("DELETE FROM outbox WHERE subscriber_id = %d" % many)
            sql("DELETE FROM inbox WHERE subscriber_id = %d" % many)
        ids = ",".join(str(a) for a in extra)
        for t in ("receipt_document_lines", "receipt_document_corrections",
                  "receipt_document_readings", "receipt_document_volumes",
                  "receipt_document_payees", "receipt_documents", "subscriber_accounts", "ledger",
                  "accounts"):
            sql("DELETE FROM %s WHERE %s IN (%s)" % (t, "id" if t == "accounts" else
                                                     "account_id", ids))


def test_a_line_shows_its_volumes_by_tier_as_issued(tsj_org):
    """The billing system's lines behind a charge (sql/045): 45 m² of upkeep, 30 within
    a first tier and 15 in a second, each at 0,30 ₽, printed under the service on
    the page and in the PDF; lines loaded after issuing change only a new version."""
    sql("INSERT INTO ledger_lines VALUES (%d, '%s-01', %d, 0, 1, 3000, 30000, 900), "
        "(%d, '%s-01', %d, 0, 2, 3000, 15000, 450)"
        % (TEST_ACCOUNT, OLD_MONTH, TEST_ORG, TEST_ACCOUNT, OLD_MONTH, TEST_ORG))
    assert receiptjobs("issue", "--month", OLD_MONTH, "--org", str(TEST_ORG)).returncode == 0
    s = signed_in("tsj-paper", "tsj-password-2")
    view = "/receipts/view?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT)
    line = xml(s, view).find("receipt/lines/line")
    vols = [(v.get("zone"), v.get("tier"), v.findtext("quantity"), v.findtext("tariff"),
             minor(v, "amount")) for v in line.findall("volume")]
    assert vols == [(None, "1", "30.000", "0,30\u00a0₽", 900),
                    (None, "2", "15.000", "0,30\u00a0₽", 450)]
    page = doc(s.get(BASE + view))
    row = page.get_element_by_id("volume-%d-2" % TEST_ORG)
    assert [plain(c.text_content()) for c in row][:6] == [
        "в т. ч. диапазон 2", "", "15,000", "0,30 ₽", "", "4,50 ₽"]
    pdf = plain(pdf_tool(["pdftotext", "-layout"], s.get(
        BASE + "/receipts/pdf?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT)).content).decode())
    assert "в т. ч. диапазон 1" in pdf and "в т. ч. диапазон 2" in pdf
    # The PDF's line has the page's columns in the page's order, ten of them.
    # (Until this test, the PDF skipped penalties and printed the closing balance, an
    # advance too, where the page prints what the line asks.)
    row = [l for l in pdf.splitlines() if "Содержание жилья" in l][0]
    assert re.split(r"\s{2,}", row.split("m2", 1)[1].strip()) == [
        "45,000", "30,00 ₽", "5,00 ₽", "13,50 ₽", "0,00 ₽", "0,00 ₽", "0,00 ₽", "18,50 ₽"]
    # The billing system sends other lines after the month was issued: the receipt keeps
    # its own, and a receipt issued again shows the new ones.
    sql("DELETE FROM ledger_lines WHERE account_id = %d" % TEST_ACCOUNT)
    sql("INSERT INTO ledger_lines VALUES (%d, '%s-01', %d, 0, 0, 3000, 45000, 1350)"
        % (TEST_ACCOUNT, OLD_MONTH, TEST_ORG))
    assert len(xml(s, view).findall("receipt/lines/line/volume")) == 2
    out = receiptjobs("reissue", "--account", str(TEST_ACCOUNT), "--month", OLD_MONTH,
                      "--reason", "объёмы по диапазонам уточнены")
    assert out.returncode == 0, out
    vols = xml(s, view).findall("receipt/lines/line/volume")
    assert [(v.get("zone"), v.get("tier"), v.findtext("quantity")) for v in vols] == \
        [(None, None, "45.000")]
    # A single line of the whole volume would only repeat the service's: not printed.
    assert not doc(s.get(BASE + view)).xpath('//tr[@class="receipt-volume"]')
    assert len(xml(s, view + "&version=1").findall("receipt/lines/line/volume")) == 2


WATER = TEST_ORG + 1  # the fixture organization's water supplier, paid to its own account


def water_paid_directly():
    """A second supplier of the fixture organization with its own bank account
    (sql/046): its cold water, 4,5 m³ at 43,10 ₽, is owed to it, not to the ТСЖ."""
    sql("INSERT INTO suppliers (id, organization_id, name, inn, phone, kpp, bank_name, bic, "
        "bank_account, corr_account, short_name) VALUES (%d, %d, 'МУП «Водоканал Проверки»', "
        "'3803201800', '-', '380301001', 'ПАО Сбербанк', '044525225', '40702810938000012345', "
        "'30101810400000000225', 'Водоканал')" % (WATER, TEST_ORG))
    sql("INSERT INTO services (id, organization_id, supplier_id, code, name_ru, name_en, unit) "
        "VALUES (%d, %d, %d, 'cold-water', 'Холодная вода', 'Cold water', 'm3')"
        % (WATER, TEST_ORG, WATER))
    sql("INSERT INTO ledger VALUES (%d, %d, '%s-01', 431000, 4500, 0, 19395, 0, 0, 19395)"
        % (TEST_ACCOUNT, WATER, OLD_MONTH))


def test_a_supplier_paid_directly_has_its_own_section_sum_and_qr_code(tsj_org, tmp_path):
    """A receipt with two payees: the ТСЖ for its upkeep (18,50 ₽) and the water utility
    for its water (193,95 ₽), each with its bank details, its sum and its own QR code;
    a payment of both is recorded per payee, and each payee's part is then paid.
    Sources: the model single payment document (Minstroy of Russia order No. 43/пр of
    26.01.2018) gives each payee its bank details and the sum owed to it; GOST R
    56042-2014 §5.2, a code's required block is one payee's Name, PersonalAcc, BankName,
    BIC and CorrespAcc, so a code can pay one payee only."""
    from exchange_util import run_import, write
    water_paid_directly()
    out = receiptjobs("issue", "--month", OLD_MONTH, "--org", str(TEST_ORG))
    assert out.returncode == 0, out
    s = signed_in("tsj-paper", "tsj-password-2")
    view = "/receipts/view?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT)
    rc = xml(s, view).find("receipt")
    assert rc.find("qr") is None  # no one code for the whole: whose account would it pay?
    assert [(l.get("service"), l.get("payee")) for l in rc.findall("lines/line")] == [
        (str(TEST_ORG), "0"), (str(WATER), str(WATER))]
    payees = rc.findall("payees/payee")
    assert [(p.get("id"), p.findtext("name"), p.findtext("account"), minor(p, "remaining"))
            for p in payees] == [
        ("0", "ТСЖ «Проверка»", "40702810900000002851", 1850),
        (str(WATER), "МУП «Водоканал Проверки»", "40702810938000012345", 19395)]
    tsj, water = (p.find("qr").get("payload") for p in payees)
    assert "|Name=ТСЖ «Проверка»|PersonalAcc=40702810900000002851|" in tsj
    assert "|Sum=1850|" in tsj and "|PayeeINN=7707083893|" in tsj
    # The short name for the QR code, the supplier's own INN and KPP, its own sum.
    assert water.startswith("ST00012|Name=Водоканал|PersonalAcc=40702810938000012345|"
                            "BankName=ПАО Сбербанк|BIC=044525225|CorrespAcc=30101810400000000225|")
    assert "|Sum=19395|" in water and "|PayeeINN=3803201800|KPP=380301001|" in water
    assert "|PersAcc=9700000001|" in water
    assert minor(rc, "to-pay") == 1850 + 19395
    # The page: the organization issues it; each payee has its section and its code.
    page = doc(s.get(BASE + view))
    assert page.xpath('string(//section[@id="payee"]/h2)') == "Исполнитель, выставивший квитанцию"
    assert not page.xpath('//figure[@id="qr"]/svg')
    section = page.get_element_by_id("payee-%d" % WATER)
    assert "Холодная вода" in section.text_content() and "193,95" in section.text_content()
    assert "Содержание жилья" not in section.text_content()
    assert len(page.xpath('//section[@id="receipt-payees"]//figure/svg')) == 2
    # The PDF: both sections, both codes, each decoding to its payload.
    pdf = s.get(BASE + "/receipts/pdf?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT)).content
    text = plain(pdf_tool(["pdftotext", "-layout"], pdf).decode())
    assert "Получатели платежа" in text and "МУП «Водоканал Проверки»" in text
    codes = decode_qr(pdf, 150)
    assert tsj.encode() in codes and water.encode() in codes
    # A payment of both, loaded from the bank: each service's share is recorded with its
    # payee, and each payee's part of the receipt is then paid.
    path = write(tmp_path, "p.csv", "id,account,paid_at,amount,channel\n"
                 "tsj-%d,9700000001,%s-05,212.45,bank\n" % (TEST_ACCOUNT, month_add(OLD_MONTH, 1)))
    rc_, got, err = run_import(path, "payments", org=TEST_ORG)
    assert got["status"] == "applied", (got, err)
    assert sql("SELECT l.service_id, l.amount, COALESCE(l.payee_id, 0) FROM payment_lines l "
               "JOIN payments p ON p.id = l.payment_id WHERE p.account_id = %d "
               "ORDER BY l.service_id" % TEST_ACCOUNT) == [
        (str(TEST_ORG), "1850", "0"), (str(WATER), "19395", str(WATER))]
    rc = xml(s, view).find("receipt")
    assert rc.get("status") == "paid"
    assert [minor(p, "remaining") for p in rc.findall("payees/payee")] == [0, 0]


def test_a_supplier_with_bad_details_stops_issuing_and_is_named(tsj_org):
    water_paid_directly()
    sql("UPDATE suppliers SET bank_account = '40702810938000012346' WHERE id = %d" % WATER)
    out = receiptjobs("issue", "--month", OLD_MONTH, "--org", str(TEST_ORG))
    assert out.returncode == 1, out
    assert 'supplier %d "МУП «Водоканал Проверки»" of organization %d' % (WATER, TEST_ORG) \
        in out.stderr, out.stderr
    assert "bank-account 40702810938000012346 fails" in out.stderr
    assert "Correct the supplier's bank details" in out.stderr
    assert issued(OLD_MONTH) == []


def test_details_broken_after_issuing_withhold_the_receipt(tsj_org):
    assert receiptjobs("issue", "--month", OLD_MONTH, "--org", str(TEST_ORG)).returncode == 0
    sql("UPDATE organizations SET bank_account = '40702810900000002852' WHERE id = %d" % TEST_ORG)
    # The receipt as issued keeps the details it was issued with...
    s = signed_in("tsj-paper", "tsj-password-2")
    x = xml(s, "/receipts/view?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT))
    assert x.findtext("receipt/payee/account") == "40702810900000002851"
    # ... and one issued again with broken details never reaches a payer.
    assert receiptjobs("reissue", "--account", str(TEST_ACCOUNT), "--month", OLD_MONTH,
                       "--reason", "new bank details").returncode == 0
    for lang, words in (("ru", "реквизиты"), ("en", "bank details")):
        s = signed_in("tsj-paper", "tsj-password-2", lang=lang)
        for page in ("view", "print", "pdf"):
            r = s.get(BASE + "/receipts/%s?month=%s&account=%d" % (page, OLD_MONTH, TEST_ACCOUNT))
            assert r.status_code == 503, (page, r.status_code)
            assert r.headers["Content-Type"].startswith("text/html")
            assert words in error_message(r)
    log = open(os.path.join(ENV, "log", "receipts.log")).read()
    assert "organization %d: bank details fail the bank-account check" % TEST_ORG in log


def test_a_payee_too_long_for_the_qr_code_is_refused_until_it_has_a_short_name(tsj_org):
    # GOST R 56042-2014: the required block (Name ... CorrespAcc) is at most 300 bytes.
    long_name = "ТСЖ «Проверка» " + "Ж" * 130
    sql("UPDATE organizations SET name = '%s', short_name = NULL WHERE id = %d"
        % (long_name, TEST_ORG))
    out = receiptjobs("issue", "--month", OLD_MONTH, "--org", str(TEST_ORG))
    assert out.returncode == 1 and "qr-name" in out.stderr and "300 bytes" in out.stderr
    assert "ТСЖ «Проверка»" in out.stderr and issued(OLD_MONTH) == []
    sql("UPDATE organizations SET short_name = 'ТСЖ «Проверка»' WHERE id = %d" % TEST_ORG)
    out = receiptjobs("issue", "--month", OLD_MONTH, "--org", str(TEST_ORG))
    assert out.returncode == 0, out.stderr
    s = signed_in("tsj-paper", "tsj-password-2")
    x = xml(s, "/receipts/view?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT))
    payload = x.find("receipt/qr").get("payload")
    assert payload.startswith("ST00012|Name=ТСЖ «Проверка»|PersonalAcc=")
    assert x.findtext("receipt/payee/name") == long_name  # printed whole on the receipt


def test_receiptjobs_refuses_bad_arguments():
    for args in ([], ["issue", "--month"], ["issue", "--month", "2026-13"],
                 ["issue", "--month", "2099-01"], ["issue", "--org", "0"],
                 ["issue", "--org", "-1"], ["issue", "--org", "x"], ["issue", "--from", "abc"],
                 ["issue", "--batch", "0"], ["issue", "--batch", "100001"],
                 ["issue", "--batch", "-5"], ["issue", "--batch"],
                 ["reissue"], ["issue", "--bogus", "1"]):
        out = receiptjobs(*args)
        assert out.returncode == 2, args
        assert "usage: receiptjobs" in out.stderr


def test_quantities_use_the_languages_decimal_separator():
    """13,5 in Russian, 13.5 in English: one separator per language, never both."""
    import re as re_
    from pages import last_month
    for lang, sep, other in (("ru", ",", "."), ("en", ".", ",")):
        s = signed_in(lang=lang)
        d = doc(s.get(BASE + "/receipts/view?month=" + last_month()))
        cells = [c.text_content().strip()
                 for c in d.xpath('//table[@id="receipt-lines"]/tbody/tr/td[@data-label][2]')]
        numbers = [c for c in cells if re_.fullmatch(r"\d+[.,]\d+", c)]
        assert numbers, cells
        assert all(sep in c and other not in c for c in numbers), (lang, numbers)
        area = d.xpath('string(//*[@id="receipt"]//dd[contains(., "%s")])' % sep)
        assert area, lang


def test_a_pdf_that_differs_from_the_first_made_of_a_receipt_is_logged(tsj_org):
    assert receiptjobs("issue", "--month", OLD_MONTH, "--org", str(TEST_ORG)).returncode == 0
    s = signed_in("tsj-paper", "tsj-password-2")
    path = "/receipts/pdf?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT)
    assert s.get(BASE + path).status_code == 200
    # As if the first file had been another: the next one is still served, and logged.
    sql("UPDATE receipt_documents SET pdf_sha256 = UNHEX(REPEAT('00', 32)) WHERE "
        "account_id = %d" % TEST_ACCOUNT)
    r = s.get(BASE + path)
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    log = open(os.path.join(ENV, "log", "receipts.log")).read()
    assert "receipt of account %d, %s, version 1: its PDF differs" % (TEST_ACCOUNT, OLD_MONTH) \
        in log
