"""Fiscal receipts (issue 25): the provider's кассовый чек of each online
payment, kept with it, shown on its result page and in the history, and put
in its e-mail; one registered late is fetched by the payment jobs and sent
in a message of its own."""
import re

import pytest
import requests

from conftest import BASE, EMU, doc, make_subscriber, signed_in, sql, wait_until
from test_delivery import deliver, mails, new_mails
from test_payments import card_page, form, payjobs, status

USER, PASSWORD, ACCOUNT = "fiscal-payer", "fiscal-payer-password-1", 1017


@pytest.fixture
def payer():
    sid = make_subscriber(USER, PASSWORD, [ACCOUNT], email="fiscal@example.org")
    sql("UPDATE subscribers SET current_account_id = %d WHERE id = %d" % (ACCOUNT, sid))
    yield signed_in(USER, PASSWORD)
    requests.post(EMU + "/_emu/receipts", data=b"now", timeout=10)
    sql("DELETE FROM subscribers WHERE id = %d" % sid)


def pay(s, amount):
    _, token, key = form(s)
    r = s.post(BASE + "/payments/pay", data={"a%d" % ACCOUNT: amount, "csrf": token,
                                             "key": key, "action": "pay"},
               allow_redirects=False)
    assert r.status_code == 303, r.status_code
    oid = int(sql("SELECT id FROM online_payments WHERE idem_key = '%s'" % key)[0][0])
    back = card_page(r.headers["Location"])
    wait_until(lambda: status(oid) == "succeeded", 10, "the webhook")
    return oid, back


def receipt_of(oid):
    return sql("SELECT storage_number, document_number, fiscal_sign FROM fiscal_receipts "
               "WHERE online_id = %d" % oid)


def emulator_receipt(oid):
    pid = sql("SELECT provider_id FROM online_payments WHERE id = %d" % oid)[0][0]
    items = requests.get(EMU + "/_emu/payments", timeout=10).json()["items"]
    return [p["_receipt"] for p in items if p["id"] == pid][0]


def mail_to_payer(before):
    return [m for m in new_mails(before) if m["To"] == "fiscal@example.org"]


def test_the_receipt_is_kept_shown_and_mailed_with_the_payment(payer):
    assert deliver().returncode == 0  # what earlier tests queued
    before = mails()
    oid, back = pay(payer, "123.45")
    r = emulator_receipt(oid)
    fn, fd, fp = r["fiscal_storage_number"], r["fiscal_document_number"], r["fiscal_attribute"]
    assert receipt_of(oid) == [(fn, fd, fp)]
    # The result page: the three numbers, and the operator's page of the receipt.
    d = doc(payer.get(back))
    assert [d.get_element_by_id(i).text_content() for i in ("fiscal-fn", "fiscal-fd",
                                                            "fiscal-fp")] == [fn, fd, fp]
    link = d.get_element_by_id("fiscal-link").get("href")
    assert link == EMU + "/check/%s/%s/%s" % (fn, fd, fp)
    assert "Чек найден" in requests.get(link, timeout=10).text
    # The history, as HTML and as XML.
    row = sql("SELECT id FROM payments WHERE online_id = %d" % oid)[0][0]
    x = doc(payer.get(BASE + "/payments?format=xml"))
    f = x.xpath("//payment[@id='%s']/fiscal" % row)
    assert f and (f[0].get("fn"), f[0].get("fd"), f[0].get("fp")) == (fn, fd, fp)
    h = doc(payer.get(BASE + "/payments")).xpath("string(//table[@id='payments'])")
    assert "ФН %s, ФД %s, ФП %s" % (fn, fd, fp) in h
    # The payment's e-mail carries it.
    assert deliver().returncode == 0
    sent = mail_to_payer(before)
    assert len(sent) == 1, [m["Subject"] for m in sent]
    body = sent[0].get_body(preferencelist=("plain",)).get_content()
    assert "123,45" in body or "123.45" in body
    assert re.search(r"\(ФН\): %s\n.*\(ФД\): %s\n.*\(ФП\): %s" % (fn, fd, fp), body), body
    assert link in body


def test_a_receipt_registered_late_is_fetched_and_sent_on_its_own(payer):
    assert deliver().returncode == 0
    requests.post(EMU + "/_emu/receipts", data=b"late", timeout=10)
    before = mails()
    oid, back = pay(payer, "10")
    assert receipt_of(oid) == []
    d = doc(payer.get(back))
    assert d.xpath("//*[@id='fiscal-waiting']") and not d.xpath("//*[@id='fiscal']")
    row = sql("SELECT id FROM payments WHERE online_id = %d" % oid)[0][0]
    x = doc(payer.get(BASE + "/payments?format=xml"))
    assert x.xpath("//payment[@id='%s']" % row) and \
        not x.xpath("//payment[@id='%s']/fiscal" % row)
    # The jobs ask; still not registered: nothing kept, asked again only later.
    out = payjobs("reconcile", "--older", "0")
    assert out.returncode == 0, out.stderr
    assert re.search(r"\d+ fiscal receipts fetched, [1-9]\d* not yet", out.stdout), out.stdout
    assert receipt_of(oid) == []
    asked = sql("SELECT fiscal_asked_at FROM online_payments WHERE id = %d" % oid)[0][0]
    assert asked != "NULL"
    out = payjobs("reconcile", "--older", "60")
    assert out.returncode == 0, out.stderr
    assert sql("SELECT fiscal_asked_at FROM online_payments WHERE id = %d" % oid)[0][0] == \
        asked  # asked a moment ago: not again
    # Registered: the next run keeps it and tells the payer, once.
    pid = sql("SELECT provider_id FROM online_payments WHERE id = %d" % oid)[0][0]
    assert requests.post(EMU + "/_emu/register/" + pid, timeout=10).json()["ok"]
    out = payjobs("reconcile", "--older", "0")
    assert out.returncode == 0 and re.search(r"[1-9]\d* fiscal receipts fetched", out.stdout), \
        out.stdout
    r = emulator_receipt(oid)
    fn, fd, fp = r["fiscal_storage_number"], r["fiscal_document_number"], r["fiscal_attribute"]
    assert receipt_of(oid) == [(fn, fd, fp)]
    assert payjobs("reconcile", "--older", "0").returncode == 0
    assert sql("SELECT kind FROM outbox WHERE kind LIKE 'payment-%%' AND params LIKE "
               "'<payment id=\"%d\"%%' ORDER BY id" % oid) == \
        [("payment-succeeded",), ("payment-fiscal",)]
    d = doc(payer.get(back))
    assert d.get_element_by_id("fiscal-fd").text_content() == fd
    assert deliver().returncode == 0
    sent = mail_to_payer(before)
    assert len(sent) == 2
    late = [m for m in sent if "чек" in m["Subject"].lower()]
    assert len(late) == 1
    body = late[0].get_body(preferencelist=("plain",)).get_content()
    assert fn in body and fd in body and fp in body

