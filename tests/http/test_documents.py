"""Documents and invoices on demand (issue 24, sql/050).

/documents lists an account's receipts and acts by month and the invoices made
in a period.  An invoice (счёт на оплату) is asked for an amount, for one
service or the whole account; its number runs per organization and year with
no gaps, however many are asked for at once; it shows the payee's details and
a payment QR code, prints as a PDF, and is paid online once.
"""
import os
import re
import threading

import lxml.etree
import pytest
import requests

from conftest import (BASE, EMU, csrf_of, doc, error_message, make_subscriber, signed_in, sql,
                      wait_until, written_in)
from test_receipts import decode_qr, pdf_tool, plain

ACCOUNT = 1911    # generated, organization 1
OWNER = ("invoice-owner", "Invoice-pass-2026!")
STRANGER = ("invoice-stranger", "Stranger-pass-2026!")
SUCCESS = "5555555555554444"


@pytest.fixture(scope="module")
def other_org():
    """An account of the Almaty organization (organization 2, no online payments) of this
    file's own: the demo has none there, and another file's would make this one depend on
    the order the files run in."""
    number = "INV2-%d" % os.getpid()
    sql("INSERT IGNORE INTO accounts (organization_id, number, payer_name, address, residents, "
        "area_centi_m2) VALUES (2, '%s', 'Плательщик Счетов', 'г. Алматы, ул. Абая, д. 2', 1, "
        "4000)" % number)
    return int(sql("SELECT id FROM accounts WHERE organization_id = 2 AND number = '%s'"
                   % number)[0][0])


@pytest.fixture
def owner():
    sid = make_subscriber(OWNER[0], OWNER[1], [ACCOUNT], email="invoice-owner@example.org")
    sql("UPDATE subscribers SET current_account_id = %d WHERE id = %d" % (ACCOUNT, sid))
    return sid


def xml_of(s, path):
    r = s.get(BASE + path + ("&" if "?" in path else "?") + "format=xml", allow_redirects=False)
    assert r.status_code == 200, (path, r.status_code)
    return lxml.etree.fromstring(r.content)


def ask(s, amount, service=""):
    r = s.get(BASE + "/documents")
    return s.post(BASE + "/documents/invoices", data={"csrf": csrf_of(r), "amount": amount,
                                                      "service": service},
                  allow_redirects=False)


def made(r):
    assert r.status_code == 303, (r.status_code, error_message(r))
    return int(re.search(r"/documents/invoice\?id=(\d+)$", r.headers["Location"]).group(1))


def numbers(org=1):
    year = sql("SELECT MAX(year) FROM invoices WHERE organization_id = %d" % org)[0][0]
    return [int(n) for (n,) in sql("SELECT number FROM invoices WHERE organization_id = %d AND "
                                   "year = %s ORDER BY number" % (org, year))]


def test_documents_lists_each_month_billed_with_its_receipt_and_act(owner):
    s = signed_in(*OWNER)
    x = xml_of(s, "/documents?from=2026-01&to=2026-06")
    months = sorted(x.xpath("//documents/months/month/text()"))
    want = [m for (m,) in sql("SELECT DISTINCT DATE_FORMAT(period, '%%Y-%%m') FROM ledger "
                              "WHERE account_id = %d AND period BETWEEN '2026-01-01' AND "
                              "'2026-06-01' ORDER BY 1" % ACCOUNT)]
    assert months == want and months
    page = doc(s.get(BASE + "/documents?from=2026-01&to=2026-06"))
    for m in months:
        links = page.get_element_by_id("month-" + m).xpath(".//a/@href")
        assert "/receipts/view?month=" + m in links
        assert "/services/rendered?month=" + m in links
    assert "/services/reconciliation?from=2026-01&to=2026-06" in \
        page.get_element_by_id("period-act").xpath(".//a/@href")
    # A bad period is refused beside its field, in the user's language.
    r = signed_in(*OWNER, lang="en").get(BASE + "/documents?from=2026-13")
    assert r.status_code == 400 and written_in(doc(r).get_element_by_id("error-from")
                                               .text_content(), "en")


def test_an_invoice_has_the_payees_details_its_qr_code_and_a_pdf(owner):
    s = signed_in(*OWNER)
    service = sql("SELECT MIN(service_id) FROM ledger WHERE account_id = %d" % ACCOUNT)[0][0]
    inv = made(ask(s, "1 234,50", service))
    x = xml_of(s, "/documents/invoice?id=%d" % inv)
    v = x.xpath("//invoice")[0]
    assert v.xpath("amount/@minor") == ["123450"]
    assert v.xpath("service/text()") and v.xpath("inn/text()") == ["7707083893"]
    number = v.get("number")
    assert re.fullmatch(r"\d+/20\d\d", number)
    payload = v.xpath("qr/@payload")[0]
    assert "|Sum=123450|" in payload and "|PersAcc=%s|" % v.xpath("account/text()")[0] in \
        payload + "|"
    assert "Оплата по счёту № %s" % number.split("/")[0] in payload
    html = s.get(BASE + "/documents/invoice?id=%d" % inv)
    assert doc(html).get_element_by_id("invoice-qr") is not None
    # The PDF's code, scanned, is the same text.
    assert decode_qr(s.get(BASE + "/documents/invoice?id=%d&format=pdf" % inv).content, 200) \
        == payload.encode()
    text = plain(pdf_tool(["pdftotext", "-layout"],
                          s.get(BASE + "/documents/invoice?id=%d&format=pdf" % inv).content)
                 .decode())
    assert "Счёт на оплату № " + number in text and "1 234,50" in text
    # Listed among the period's documents, not paid.
    listed = xml_of(s, "/documents").xpath("//invoices/invoice[@id='%d']" % inv)
    assert listed and listed[0].get("paid") is None


@pytest.mark.parametrize("amount, service, field", [
    ("", "", "amount"), ("abc", "", "amount"), ("0", "", "amount"), ("-5", "", "amount"),
    ("1,001", "", "amount"), ("99999999999", "", "amount"), ("100", "999", "service"),
    ("100", "x", "service"),
])
def test_a_bad_invoice_is_refused_beside_the_field_and_takes_no_number(owner, amount, service,
                                                                       field):
    s = signed_in(*OWNER, lang="en")
    before = sql("SELECT COUNT(*), COALESCE(SUM(last_number), 0) FROM invoice_counters")
    count = sql("SELECT COUNT(*) FROM invoices")
    r = ask(s, amount, service)
    assert r.status_code == 400
    d = doc(r)
    assert written_in(d.get_element_by_id("error-" + field).text_content(), "en")
    assert d.get_element_by_id("amount").get("value") == amount
    assert sql("SELECT COUNT(*) FROM invoices") == count
    assert sql("SELECT COUNT(*), COALESCE(SUM(last_number), 0) FROM invoice_counters") == before


def test_numbers_run_without_gaps_however_many_are_asked_at_once(owner, other_org):
    s = signed_in(*OWNER)
    made(ask(s, "10"))  # the year's counter exists; the rest wait on it
    first = numbers()
    clients = [signed_in(*OWNER) for _ in range(3)]
    forms = [(c, csrf_of(c.get(BASE + "/documents"))) for c in clients]
    got, errors = [], []

    def one(c, token, i):
        try:
            r = c.post(BASE + "/documents/invoices", data={"csrf": token, "amount": str(11 + i)},
                       allow_redirects=False)
            got.append(r.status_code)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=one, args=(forms[i % 3][0], forms[i % 3][1], i))
               for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and got == [303] * 12, (got, errors)
    after = numbers()
    assert len(after) == len(first) + 12
    assert after == list(range(1, len(after) + 1)), after  # unique, from 1, no gap
    # Each organization counts its own.
    sql("INSERT IGNORE INTO subscriber_accounts (subscriber_id, account_id, linked_at) "
        "VALUES (%d, %d, NOW())" % (owner, other_org))
    sql("UPDATE subscribers SET current_account_id = %d WHERE id = %d" % (other_org, owner))
    org2 = int(sql("SELECT organization_id FROM accounts WHERE id = %d" % other_org)[0][0])
    was = numbers(org2) if sql("SELECT COUNT(*) FROM invoices WHERE organization_id = %d"
                               % org2)[0][0] != "0" else []
    made(ask(s, "100"))
    assert numbers(org2) == list(range(1, len(was) + 2))
    assert numbers() == after
    sql("DELETE FROM subscriber_accounts WHERE subscriber_id = %d AND account_id = %d"
        % (owner, other_org))


def test_an_invoice_is_paid_online_once(owner):
    s = signed_in(*OWNER)
    inv = made(ask(s, "250"))
    page = s.get(BASE + "/documents/invoice?id=%d" % inv)
    form = doc(page).get_element_by_id("invoice-pay")
    data = {i.get("name"): i.get("value") for i in form.xpath(".//input")}
    r = s.post(BASE + "/payments/invoice", data=data, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].startswith(EMU + "/checkout/")
    # A second click is the same payment.
    again = s.post(BASE + "/payments/invoice", data=data, allow_redirects=False)
    assert again.headers["Location"] == r.headers["Location"]
    oid = int(sql("SELECT online_id FROM invoice_payments WHERE invoice_id = %d" % inv)[0][0])
    assert sql("SELECT amount FROM online_payments WHERE id = %d" % oid) == [("25000",)]
    back = requests.post(r.headers["Location"], data={"card": SUCCESS, "expiry": "12/30",
                                                      "cvc": "123", "do": "pay"},
                         allow_redirects=False, timeout=10)
    assert back.status_code == 303
    wait_until(lambda: sql("SELECT status FROM online_payments WHERE id = %d" % oid)
               == [("succeeded",)], 10, "the webhook")
    assert xml_of(s, "/documents/invoice?id=%d" % inv).xpath("//invoice/@paid") == ["1"]
    assert doc(s.get(BASE + "/documents/invoice?id=%d" % inv)).xpath('//*[@id="invoice-pay"]') \
        == []
    data["key"] = "B" * 42 + "A"
    paid = s.post(BASE + "/payments/invoice", data=data, allow_redirects=False)
    assert paid.status_code == 409 and written_in(error_message(paid) or "оплачен", "ru")


def test_an_invoice_is_seen_only_by_who_may_view_its_account(owner):
    s = signed_in(*OWNER)
    inv = made(ask(s, "42"))
    make_subscriber(STRANGER[0], STRANGER[1], [1912])
    other = signed_in(*STRANGER)
    for path in ["/documents/invoice?id=%d" % inv, "/documents/invoice?id=%d&format=xml" % inv,
                 "/documents/invoice?id=%d&format=pdf" % inv]:
        assert other.get(BASE + path, allow_redirects=False).status_code == 404, path
    r = other.get(BASE + "/documents")
    assert other.post(BASE + "/payments/invoice",
                      data={"csrf": csrf_of(r), "id": inv, "key": "C" * 42 + "A"},
                      allow_redirects=False).status_code == 404
    # Not listed: no invoice of that id in the page's XML, no link to it in its HTML.
    # (Its id as text would be found in a year or an account number: invoice 20 in 2026.)
    assert not xml_of(other, "/documents").xpath("//invoice[@id=%d]" % inv)
    assert 'invoice?id=%d"' % inv not in other.get(BASE + "/documents").text
    for bad in ["abc", "0", "99999999999"]:
        assert s.get(BASE + "/documents/invoice?id=" + bad,
                     allow_redirects=False).status_code in (400, 404)


def test_an_invoice_of_a_quantity_at_the_services_tariff(owner):
    s = signed_in(*OWNER)
    service, tariff, unit = sql("SELECT l.service_id, l.tariff, sv.unit FROM ledger l JOIN "
                                "services sv ON sv.id = l.service_id WHERE l.account_id = %d "
                                "AND l.tariff > 0 ORDER BY l.period DESC, l.service_id LIMIT 1"
                                % ACCOUNT)[0]
    r = s.get(BASE + "/documents")
    inv = made(s.post(BASE + "/documents/invoices", data={"csrf": csrf_of(r), "service": service,
                                                          "quantity": "1000,5"},
                      allow_redirects=False))
    v = xml_of(s, "/documents/invoice?id=%d" % inv).xpath("//invoice")[0]
    # 1000.5 units at the price (in hundredths of a kopeck), rounded half away from zero.
    want = (int(tariff) * 10005 + 500) // 1000
    assert v.xpath("amount/@minor") == [str(want)]
    assert v.xpath("quantity/text()") == ["1000.5"] and v.xpath("unit/text()") == [unit]
    assert v.xpath("tariff/@units") == [tariff]
    assert sql("SELECT quantity, tariff FROM invoices WHERE id = %d" % inv) == \
        [("1000500", tariff)]
    assert "1000,5" in doc(s.get(BASE + "/documents/invoice?id=%d" % inv)) \
        .get_element_by_id("invoice-quantity").text_content()


@pytest.mark.parametrize("data, field", [
    ({"quantity": "10"}, "service"),                       # no service to take a tariff of
    ({"quantity": "abc", "service": "S"}, "quantity"),
    ({"quantity": "0", "service": "S"}, "quantity"),
    ({"quantity": "1.0001", "service": "S"}, "quantity"),
    ({"quantity": "10", "amount": "100", "service": "S"}, "amount"),  # which one?
])
def test_a_bad_quantity_is_refused_beside_its_field(owner, data, field):
    s = signed_in(*OWNER, lang="en")
    service = sql("SELECT MIN(service_id) FROM ledger WHERE account_id = %d AND tariff > 0"
                  % ACCOUNT)[0][0]
    data = {k: (service if v == "S" else v) for k, v in data.items()}
    count = sql("SELECT COUNT(*) FROM invoices")
    r = s.get(BASE + "/documents")
    r = s.post(BASE + "/documents/invoices", data=dict(data, csrf=csrf_of(r)),
               allow_redirects=False)
    assert r.status_code == 400
    assert written_in(doc(r).get_element_by_id("error-" + field).text_content(), "en")
    assert doc(r).get_element_by_id("quantity").get("value") == data["quantity"]
    assert sql("SELECT COUNT(*) FROM invoices") == count
