"""Payments: history, paying through the provider emulator, webhooks, reconciliation, autopay.

The subscriber "payer" has two generated accounts (1001 and 1002) and an Almaty
account that cannot be paid online, so the demo data stays as other tests expect.
"""
import datetime
import json
import os
import subprocess
import threading
import time

import pytest
import requests

from conftest import (BASE, EMU, ENV, ROOT, csrf_of, doc, make_subscriber, new_client,
                      refused_in_words, signed_in, sql, stack, wait_until, written_in)

PAYJOBS = os.path.join(ROOT, "build", "asan", "payjobs")
SUCCESS, DECLINE, DELAYED = "5555555555554444", "5555555555554592", "5555555555554535"
KZT_ACCOUNT = 950


def one(q):
    return sql(q)[0]


def this_month():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-01")


def paid_now(account):
    """What the ledger says was paid on the account this month."""
    return int(one("SELECT COALESCE(SUM(paid), 0) FROM ledger WHERE account_id = %d "
                   "AND period = '%s'" % (account, this_month()))[0])


def balance(account):
    return int(one("SELECT SUM(closing) FROM ledger WHERE account_id = %d AND period = "
                   "(SELECT MAX(period) FROM ledger WHERE account_id = %d)" % (account, account))[0])


@pytest.fixture(scope="module", autouse=True)
def payer():
    # Debts on both accounts, put in the latest month's accrual so the ledger still balances.
    for a in (1001, 1002):
        sql("UPDATE ledger SET accrued = accrued + 500000, closing = closing + 500000 "
            "WHERE account_id = %d AND service_id = 1 AND period = (SELECT p FROM (SELECT "
            "MAX(period) p FROM ledger WHERE account_id = %d) x)" % (a, a))
    sql("DELETE FROM ledger WHERE account_id = %d" % KZT_ACCOUNT)
    sql("DELETE FROM subscriber_accounts WHERE account_id = %d" % KZT_ACCOUNT)
    sql("DELETE FROM accounts WHERE id = %d" % KZT_ACCOUNT)
    sql("INSERT INTO accounts (id, organization_id, number, payer_name, address, residents, "
        "area_centi_m2, household) VALUES (%d, 2, 'KZ0000950', 'Тестов', 'г. Алматы', 2, 5000, "
        "'gas')" % KZT_ACCOUNT)
    sql("INSERT INTO ledger VALUES (%d, 7, '%s', 200000, 100000, 0, 200000, 0, 0, 200000)"
        % (KZT_ACCOUNT, this_month()))
    make_subscriber("payer", "payer-password-1", [1001, 1002, KZT_ACCOUNT],
                    email="payer@example.org")
    sql("UPDATE subscribers SET current_account_id = 1001 WHERE login = 'payer'")
    yield
    sql("DELETE FROM subscriber_accounts WHERE account_id = %d" % KZT_ACCOUNT)
    sql("DELETE FROM ledger WHERE account_id = %d" % KZT_ACCOUNT)
    sql("DELETE FROM accounts WHERE id = %d" % KZT_ACCOUNT)


def payer_client(lang=None):
    return signed_in("payer", "payer-password-1", lang)


def form(s, lang=None):
    r = s.get(BASE + "/payments/pay")
    assert r.status_code == 200
    d = doc(r)
    return d, csrf_of(r), d.xpath('//input[@name="key"]/@value')[0]


def start(s, amounts, save=False):
    """Post the payment form; returns the provider's page and the online payment's id."""
    _, token, key = form(s)
    data = dict(amounts, csrf=token, key=key, action="pay")
    if save:
        data["save"] = "1"
    r = s.post(BASE + "/payments/pay", data=data, allow_redirects=False)
    assert r.status_code == 303, (r.status_code, r.text[:400])
    assert r.headers["Location"].startswith(EMU + "/checkout/"), r.headers["Location"]
    oid = one("SELECT id FROM online_payments WHERE idem_key = '%s'" % key)[0]
    return r.headers["Location"], int(oid)


def card_page(url, card=SUCCESS):
    r = requests.post(url, data={"card": card, "expiry": "12/30", "cvc": "123", "do": "pay"},
                      allow_redirects=False, timeout=10)
    assert r.status_code == 303, r.text[:300]
    return r.headers["Location"]


def status(oid):
    return one("SELECT status FROM online_payments WHERE id = %d" % oid)[0]


def provider_id(oid):
    return one("SELECT provider_id FROM online_payments WHERE id = %d" % oid)[0]


def lines_total(oid):
    return int(one("SELECT COALESCE(SUM(pl.amount), 0) FROM payment_lines pl JOIN payments p "
                   "ON p.id = pl.payment_id WHERE p.online_id = %d" % oid)[0])


def outbox(oid):
    return sql("SELECT kind, address FROM outbox WHERE params LIKE '<payment id=\"%d\" %%'" % oid)


# ------------------------------------------------------------------ history

def test_history_shows_loaded_payments_with_their_split():
    s = payer_client()
    r = s.get(BASE + "/payments?format=xml&from=2024-12")
    assert r.status_code == 200
    x = doc(r)
    pays = x.xpath("//payments/payment")
    assert pays and {p.get("account-id") for p in pays} == {"1001"}
    want = int(one("SELECT COUNT(*) FROM payments WHERE account_id = 1001 AND paid_at >= "
                   "'2024-12-01'")[0])
    assert len(pays) == want
    for p in pays:
        if p.get("status") != "succeeded":
            continue
        lines = p.xpath("line/amount/@minor")
        assert lines and sum(map(int, lines)) == int(p.find("amount").get("minor"))
        assert p.get("channel") in ("card", "bank", "cash", "autopay")
    # All accounts: both of the payer's.
    x = doc(s.get(BASE + "/payments?format=xml&all=1&from=2024-12"))
    assert {p.get("account-id") for p in x.xpath("//payment")} == {"1001", "1002"}
    # The page itself, in both languages.
    for lang, word in (("ru", "Платежи"), ("en", "Payments")):
        r = payer_client(lang).get(BASE + "/payments")
        assert r.status_code == 200 and word in doc(r).xpath("string(//h1)")
        assert doc(r).xpath('//table[@id="payments"]//tr[starts-with(@id, "payment-")]')


@pytest.mark.parametrize("query,status,code", [
    ("from=2026-13", 400, "bad-month"), ("to=abc", 400, "bad-month"),
    ("from=2026-05&to=2026-01", 422, "period-reversed"),
    ("from=2010-01&to=2026-01", 422, "period-too-long"),
])
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_history_refuses_a_bad_period_in_words(query, status, code, lang):
    r = payer_client(lang).get(BASE + "/payments?" + query)
    assert r.status_code == status
    msg = doc(r).xpath("string(//p[starts-with(@id, 'error-')])")
    assert msg
    assert written_in(msg, lang)


def test_history_rejects_a_bad_scope():
    assert payer_client().get(BASE + "/payments?all=2").status_code == 400


def history_of(s, query):
    """The payer's history of both accounts since 2024-12, with a query's filters:
    the document, and (id, channel, amount, services of its lines) per payment."""
    x = doc(s.get(BASE + "/payments?format=xml&all=1&from=2024-12&" + query))
    return x, [(p.get("id"), p.get("channel"), int(p.find("amount").get("minor")),
                frozenset(p.xpath("line/@service"))) for p in x.xpath("//payments/payment")]


def test_history_is_filtered_by_service_and_by_channel_and_ordered():
    s = payer_client()
    x, every = history_of(s, "")
    assert len(every) > 10
    ids = [p[0] for p in every]
    # The choices are what the period holds.
    services = x.xpath("//payments/services/service/@id")
    channels = x.xpath("//payments/channels/channel/text()")
    assert set(services) == set().union(*(p[3] for p in every)) and len(services) > 1
    assert set(channels) == {p[1] for p in every} and len(channels) > 1
    for c in channels:
        assert [p[0] for p in history_of(s, "channel=" + c)[1]] == \
            [p[0] for p in every if p[1] == c]
    for sv in services:
        assert [p[0] for p in history_of(s, "service=" + sv)[1]] == \
            [p[0] for p in every if sv in p[3]]
    both = "service=%s&channel=%s" % (services[0], channels[0])
    assert [p[0] for p in history_of(s, both)[1]] == \
        [p[0] for p in every if services[0] in p[3] and p[1] == channels[0]]
    # Newest first by default; oldest first is the same, reversed (ties by id).
    assert [p[0] for p in history_of(s, "sort=newest")[1]] == ids
    assert [p[0] for p in history_of(s, "sort=oldest")[1]] == ids[::-1]
    for order, step in (("largest", -1), ("smallest", 1)):
        got = history_of(s, "sort=" + order)[1]
        assert sorted(p[0] for p in got) == sorted(ids)
        amounts = [p[2] for p in got]
        assert amounts == sorted(amounts, reverse=step < 0), order
    # The form keeps what was chosen, and the downloads carry it.
    page = doc(s.get(BASE + "/payments?all=1&from=2024-12&%s&sort=largest" % both))
    assert page.xpath('//select[@id="service"]/option[@selected]/@value') == [services[0]]
    assert page.xpath('//select[@id="channel"]/option[@selected]/@value') == [channels[0]]
    assert page.xpath('//select[@id="sort"]/option[@selected]/@value') == ["largest"]
    csv = page.xpath('//a[contains(@href, "format=csv")]/@href')
    assert csv and all(("service=%s" % services[0]) in h and ("channel=" + channels[0]) in h
                       and "sort=largest" in h for h in csv)
    # "Every service" and "any way" send empty values: no filter.
    assert [p[0] for p in history_of(s, "service=&channel=&sort=")[1]] == ids


@pytest.mark.parametrize("query", ["channel=telegraph", "channel=%27%20OR%201", "sort=up",
                                   "service=abc", "service=0", "service=99999999999"])
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_history_refuses_a_bad_filter_in_the_users_language(query, lang):
    refused_in_words(payer_client(lang).get(BASE + "/payments?" + query), 400, lang)


# ------------------------------------------------------------------ the form

def test_the_form_fills_in_what_is_due_for_the_current_account():
    s = payer_client()
    x = doc(s.get(BASE + "/payments/pay?format=xml"))
    acc = {a.get("id"): a for a in x.xpath("//pay/account")}
    assert set(acc) == {"1001", "1002", str(KZT_ACCOUNT)}
    due = balance(1001)
    assert acc["1001"].get("value") == "%d,%02d" % (due // 100, due % 100)
    assert acc["1002"].get("value") is None
    assert acc["1001"].get("payable") == "1" and acc[str(KZT_ACCOUNT)].get("payable") is None
    # Chosen by the address: another account's due.
    x = doc(s.get(BASE + "/payments/pay?format=xml&account=1002"))
    assert x.xpath("//pay/account[@id='1002']/@value")
    # The page: the tenge account says why it cannot be paid here.
    d = doc(s.get(BASE + "/payments/pay"))
    assert d.xpath('//input[@name="a1001"]') and not d.xpath('//input[@name="a950"]')
    assert d.xpath('//*[@id="not-payable-950"]')


def test_the_preview_splits_each_amount_over_services():
    s = payer_client()
    _, token, key = form(s)
    r = s.post(BASE + "/payments/pay?format=xml", data={
        "csrf": token, "key": key, "action": "preview", "a1001": "1 000,50", "a1002": "20"})
    assert r.status_code == 200
    x = doc(r)
    for acc, minor in (("1001", 100050), ("1002", 2000)):
        a = x.xpath("//pay/account[@id='%s']" % acc)[0]
        assert int(a.find("amount").get("minor")) == minor
        shares = [int(v) for v in a.xpath("split/line/share/@minor")]
        assert sum(shares) == minor and all(v >= 0 for v in shares)
    assert x.xpath("string(//pay/total/@minor)") == "102050"
    # The rendered preview keeps the key and amounts for the Pay button.
    r = s.post(BASE + "/payments/pay", data={"csrf": token, "key": key, "action": "preview",
                                             "a1001": "1000.50"})
    d = doc(r)
    assert d.xpath('//form[@id="pay-confirm"]//input[@name="key"]/@value') == [key]
    assert d.xpath('//form[@id="pay-confirm"]//input[@name="a1001"]/@value') == ["1000.50"]
    assert not sql("SELECT id FROM online_payments WHERE idem_key = '%s'" % key)


@pytest.mark.parametrize("amounts,field,code", [
    ({"a1001": "abc"}, "a1001", "bad-amount"),
    ({"a1001": "10.555"}, "a1001", "bad-amount"),
    ({"a1001": "-5"}, "a1001", "bad-amount"),
    ({"a1001": "0.50"}, "a1001", "amount-too-small"),
    ({"a1001": "600000"}, "a1001", "amount-too-large"),
    ({"a1001": "400000", "a1002": "200000"}, "a1002", "amount-too-large"),
    ({"a950": "100"}, "a950", "not-payable"),
    ({}, None, "nothing-to-pay"),
    ({"a1001": "0"}, None, "nothing-to-pay"),
    ({"a3": "100"}, None, "nothing-to-pay"),  # someone else's account is not on the form
])
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_bad_amounts_get_a_message_in_the_users_language(amounts, field, code, lang):
    s = payer_client(lang)
    _, token, key = form(s)
    before = int(one("SELECT COUNT(*) FROM online_payments")[0])
    for action in ("preview", "pay"):
        r = s.post(BASE + "/payments/pay", data=dict(amounts, csrf=token, key=key, action=action),
                   allow_redirects=False)
        assert r.status_code == 422, (action, r.status_code)
        d = doc(r)
        where = '//p[@id="error-%s"]' % field if field else '//p[@id="form-error"]'
        msg = d.xpath("string(%s)" % where)
        assert msg, (action, code)
        assert written_in(msg, lang), msg
        xml = doc(s.post(BASE + "/payments/pay?format=xml",
                         data=dict(amounts, csrf=token, key=key, action=action)))
        assert code in xml.xpath("//error/@code")
    assert int(one("SELECT COUNT(*) FROM online_payments")[0]) == before


def test_a_form_without_its_key_or_token_is_refused():
    s = payer_client()
    _, token, key = form(s)
    assert s.post(BASE + "/payments/pay", data={"csrf": token, "action": "pay", "a1001": "10"},
                  allow_redirects=False).status_code == 400
    assert s.post(BASE + "/payments/pay", data={"csrf": token, "key": "short", "action": "pay",
                                                "a1001": "10"}).status_code == 400
    assert s.post(BASE + "/payments/pay", data={"key": key, "action": "pay", "a1001": "10"},
                  allow_redirects=False).status_code == 403
    assert s.post(BASE + "/payments/pay", data={"csrf": token, "key": key, "action": "steal",
                                                "a1001": "10"}).status_code == 400


def test_signed_out_visitors_are_sent_to_sign_in():
    r = new_client().get(BASE + "/payments/pay", allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].startswith("/login?next=")


# ------------------------------------------------------------------ paying

def test_a_card_payment_is_credited_once_with_its_split():
    s = payer_client()
    before = paid_now(1001)
    url, oid = start(s, {"a1001": "1234.56"}, save=False)
    assert status(oid) == "pending"
    assert paid_now(1001) == before  # nothing until the provider says so
    # The provider's page shows the amount; the portal never sees the card.
    page = requests.get(url, timeout=10)
    assert "1234.56" in page.text
    back = card_page(url)
    assert back == BASE + "/payments/result?id=%d" % oid
    wait_until(lambda: status(oid) == "succeeded", 10, "the webhook")
    r = s.get(back)
    assert r.status_code == 200 and doc(r).xpath('//*[@id="result-succeeded"]')
    assert paid_now(1001) == before + 123456
    assert lines_total(oid) == 123456
    assert one("SELECT status, channel, bank FROM payments WHERE online_id = %d" % oid) == \
        ("succeeded", "card", "ЮKassa")
    assert outbox(oid) == [("payment-succeeded", "payer@example.org")]
    # The return page, opened again, changes nothing.
    s.get(back)
    assert paid_now(1001) == before + 123456 and len(outbox(oid)) == 1
    # And the history shows it.
    x = doc(s.get(BASE + "/payments?format=xml"))
    p = x.xpath("//payment[amount/@minor='123456']")
    assert p and p[0].get("status") == "succeeded"


def test_several_accounts_in_one_payment():
    s = payer_client()
    b1, b2 = paid_now(1001), paid_now(1002)
    url, oid = start(s, {"a1001": "10", "a1002": "20.05"})
    assert one("SELECT amount FROM online_payments WHERE id = %d" % oid)[0] == "3005"
    card_page(url)
    wait_until(lambda: status(oid) == "succeeded", 10, "the webhook")
    assert (paid_now(1001), paid_now(1002)) == (b1 + 1000, b2 + 2005)


def test_a_declined_card_credits_nothing_and_says_why():
    for lang, word in (("ru", "Недостаточно средств"), ("en", "Not enough money")):
        s = payer_client(lang)
        before = paid_now(1001)
        url, oid = start(s, {"a1001": "50"})
        back = card_page(url, DECLINE)
        r = s.get(back)
        assert r.status_code == 200
        assert word in doc(r).xpath("string(//*[@id='result-canceled'])")
        assert status(oid) == "canceled" and paid_now(1001) == before
        assert lines_total(oid) == 0
        assert one("SELECT status FROM payments WHERE online_id = %d" % oid) == ("canceled",)
        wait_until(lambda: outbox(oid) == [("payment-failed", "payer@example.org")], 10,
                   "the failure notice")


def test_a_delayed_confirmation_is_pending_then_credited():
    s = payer_client()
    before = paid_now(1002)
    url, oid = start(s, {"a1002": "77"})
    back = card_page(url, DELAYED)
    r = s.get(back)
    assert doc(r).xpath('//*[@id="result-pending"]') and status(oid) == "pending"
    x = doc(s.get(BASE + "/payments?format=xml&all=1"))
    assert x.xpath("//payment[amount/@minor='7700'][@status='pending']")
    wait_until(lambda: status(oid) == "succeeded", 30, "the delayed confirmation")
    assert paid_now(1002) == before + 7700


def test_a_subscriber_who_closes_the_browser_is_credited_by_the_webhook():
    s = payer_client()
    before = paid_now(1001)
    url, oid = start(s, {"a1001": "31.40"})
    card_page(url)  # and never comes back
    wait_until(lambda: status(oid) == "succeeded", 10, "the webhook")
    assert paid_now(1001) == before + 3140


def test_two_quick_clicks_make_one_payment():
    s = payer_client()
    _, token, key = form(s)
    data = {"csrf": token, "key": key, "action": "pay", "a1001": "15"}
    out = []

    def click():
        out.append(s.post(BASE + "/payments/pay", data=data, allow_redirects=False))

    threads = [threading.Thread(target=click) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.status_code == 303 for r in out), [r.status_code for r in out]
    assert len({r.headers["Location"] for r in out}) == 1
    assert one("SELECT COUNT(*) FROM online_payments WHERE idem_key = '%s'" % key) == ("1",)
    # And once more after paying: the result, not a new payment.
    oid = int(one("SELECT id FROM online_payments WHERE idem_key = '%s'" % key)[0])
    card_page(out[0].headers["Location"])
    wait_until(lambda: status(oid) == "succeeded", 10, "the webhook")
    r = s.post(BASE + "/payments/pay", data=data, allow_redirects=False)
    assert r.headers["Location"] == "/payments/result?id=%d" % oid
    emu = requests.get(EMU + "/_emu/payments", timeout=10).json()["items"]
    assert len([p for p in emu if p["metadata"].get("kabinet_id") == str(oid)]) == 1


def notification(pid, event="payment.succeeded", status_="succeeded"):
    return json.dumps({"type": "notification", "event": event, "object": {
        "id": pid, "status": status_, "amount": {"value": "999999.00", "currency": "RUB"}}})


def test_a_replayed_webhook_credits_once():
    s = payer_client()
    before = paid_now(1001)
    url, oid = start(s, {"a1001": "42"})
    card_page(url)
    wait_until(lambda: status(oid) == "succeeded", 10, "the webhook")
    pid = provider_id(oid)
    for _ in range(10):
        requests.post(EMU + "/_emu/notify/" + pid, timeout=10)
    results = []

    def hook():
        results.append(requests.post(BASE + "/payments/webhook", data=notification(pid),
                                     headers={"Content-Type": "application/json"}, timeout=20))

    threads = [threading.Thread(target=hook) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status_code for r in results] == [200] * 10
    time.sleep(1)
    assert paid_now(1001) == before + 4200
    assert lines_total(oid) == 4200 and len(outbox(oid)) == 1


def test_concurrent_webhooks_of_a_fresh_payment_credit_once():
    s = payer_client()
    before = paid_now(1002)
    requests.post(EMU + "/_emu/webhooks", data="off", timeout=10)
    try:
        url, oid = start(s, {"a1002": "12.34"})
        card_page(url)
        time.sleep(0.3)
        assert status(oid) == "pending"
        pid = provider_id(oid)
        results = []

        def hook():
            results.append(requests.post(BASE + "/payments/webhook", data=notification(pid),
                                         headers={"Content-Type": "application/json"},
                                         timeout=20).status_code)

        threads = [threading.Thread(target=hook) for _ in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert results == [200] * 12
        assert status(oid) == "succeeded" and paid_now(1002) == before + 1234
        assert len(outbox(oid)) == 1
    finally:
        requests.post(EMU + "/_emu/webhooks", data="on", timeout=10)


def test_a_forged_webhook_changes_nothing():
    s = payer_client()
    before = paid_now(1001)
    url, oid = start(s, {"a1001": "66"})
    pid = provider_id(oid)
    # It claims success; the provider says the payer has not paid yet.
    r = requests.post(BASE + "/payments/webhook", data=notification(pid),
                      headers={"Content-Type": "application/json"}, timeout=10)
    assert r.status_code == 200
    assert status(oid) == "pending" and paid_now(1001) == before
    hook = BASE + "/payments/webhook"
    # An id we never stored is refused without asking the provider.
    reads = requests.get(EMU + "/_emu/payments", timeout=10).json()["reads"]
    for _ in range(5):
        assert requests.post(hook, data=notification("deadbeef-0000-0000-0000-000000000000"),
                             headers={"Content-Type": "application/json"}).status_code == 400
    assert requests.get(EMU + "/_emu/payments", timeout=10).json()["reads"] == reads
    assert requests.post(hook, data="{not json", headers={"Content-Type": "application/json"}
                         ).status_code == 400
    assert requests.post(hook, data=notification(pid)).status_code == 415
    assert requests.post(hook, data=notification("../../etc"),
                         headers={"Content-Type": "application/json"}).status_code == 400
    assert requests.get(hook).status_code == 405
    # Not signed in, no token: the endpoint takes no session and sets no cookie.
    r = requests.post(hook, data=notification(pid), headers={"Content-Type": "application/json"})
    assert "Set-Cookie" not in r.headers
    requests.post(url, data={"do": "cancel"}, allow_redirects=False, timeout=10)
    wait_until(lambda: status(oid) == "canceled", 10, "the cancellation")


def test_a_webhook_while_the_database_is_down_is_retried_and_credits():
    s = payer_client()
    before = paid_now(1002)
    url, oid = start(s, {"a1002": "88.80"})
    stack("db-stop")
    try:
        card_page(url)  # the emulator's notification gets a 503 and will come again
        time.sleep(1.5)
        r = requests.post(BASE + "/payments/webhook", data=notification(provider_id_from_emu(oid)),
                          headers={"Content-Type": "application/json"}, timeout=20)
        assert r.status_code == 503
    finally:
        stack("db-start")
    wait_until(lambda: status(oid) == "succeeded", 60, "the retried webhook")
    assert paid_now(1002) == before + 8880
    assert "503" in open(os.path.join(ENV, "log", "nginx-access.log")).read()


def provider_id_from_emu(oid):
    items = requests.get(EMU + "/_emu/payments", timeout=10).json()["items"]
    return [p["id"] for p in items if p["metadata"].get("kabinet_id") == str(oid)][0]


def payjobs(*args):
    return subprocess.run([PAYJOBS] + list(args), env=dict(os.environ, PORTAL_CONFIG=os.path.join(
        ENV, "portal.ini"), ASAN_OPTIONS="detect_leaks=1"), capture_output=True, text=True,
        timeout=120)


def test_reconciliation_credits_what_no_webhook_reported():
    s = payer_client()
    before = paid_now(1001)
    requests.post(EMU + "/_emu/webhooks", data="off", timeout=10)
    try:
        url, oid = start(s, {"a1001": "19.99"})
        card_page(url)
        time.sleep(0.3)
        assert status(oid) == "pending" and paid_now(1001) == before
        # Not yet old enough for a run that looks at payments older than 15 minutes.
        out = payjobs("reconcile")
        assert out.returncode == 0, out.stderr
        assert status(oid) == "pending"
        out = payjobs("reconcile", "--older", "0")
        assert out.returncode == 0, out.stderr
        assert "payment %d: succeeded" % oid in out.stdout
        assert status(oid) == "succeeded" and paid_now(1001) == before + 1999
        out = payjobs("reconcile", "--older", "0")
        assert "payment %d" % oid not in out.stdout
    finally:
        requests.post(EMU + "/_emu/webhooks", data="on", timeout=10)


def test_a_payment_that_never_reached_the_provider_is_closed_by_reconciliation():
    sid = one("SELECT id FROM subscribers WHERE login = 'payer'")[0]
    sql("INSERT INTO online_payments (subscriber_id, idem_key, kind, provider, status, amount, "
        "currency, lang, created_at) VALUES (%s, '%s', 'card', 'yookassa', 'created', 500, 'RUB', "
        "'ru', NOW(6) - INTERVAL 1 HOUR)" % (sid, "n" * 43))
    oid = int(one("SELECT id FROM online_payments WHERE subscriber_id = %s AND idem_key = '%s'"
                  % (sid, "n" * 43))[0])
    sql("INSERT INTO payments (account_id, paid_at, amount, channel, bank, status, online_id) "
        "VALUES (1001, NOW(), 500, 'card', 'ЮKassa', 'pending', %d)" % oid)
    out = payjobs("reconcile")
    assert out.returncode == 0, out.stderr
    assert status(oid) == "canceled"
    assert one("SELECT cancel_reason FROM online_payments WHERE id = %d" % oid) == ("not-sent",)


def test_payjobs_refuses_bad_arguments():
    for args in (["autopay", "--date", "2026-13-01"], ["reconcile", "--older", "x"], ["sell"], []):
        assert payjobs(*args).returncode == 2


# ------------------------------------------------------------------ autopay

def test_autopay_charges_what_is_due_within_its_cap_once_a_month():
    s = payer_client()
    url, oid = start(s, {"a1002": "5"}, save=True)
    back = card_page(url)
    r = s.get(back)
    d = doc(r)
    assert d.xpath('//form[@id="autopay-form-1002"]')
    assert "Bank card *4444" in d.xpath("string(//section)")
    token = csrf_of(r)
    # Bad input first: a day past 28, no cap.
    for data, code in (({"day": "29", "max": "100"}, "bad-day"), ({"day": "5"}, "required"),
                       ({"day": "5", "max": "0.001"}, "bad-amount")):
        r = s.post(BASE + "/payments/autopay?format=xml",
                   data=dict(data, csrf=token, id=str(oid), account="1002", action="enable"))
        assert r.status_code == 422 and code in doc(r).xpath("//error/@code"), (data, r.status_code)
    r = s.post(BASE + "/payments/autopay", data={"csrf": token, "id": str(oid), "account": "1002",
                                                 "action": "enable", "day": "5", "max": "100"},
               allow_redirects=False)
    assert r.status_code == 303
    ap = one("SELECT id, day, max_amount, method_title FROM autopays WHERE account_id = 1002")
    assert ap[1:] == ("5", "10000", "Bank card *4444")
    # The method id now lives only with the autopay.
    assert one("SELECT method_id FROM online_payments WHERE id = %d" % oid) == ("NULL",)
    x = doc(s.get(BASE + "/payments/autopay?format=xml"))
    assert x.xpath("//autopay/card/text()") == ["Bank card *4444"]

    before = paid_now(1002)
    assert balance(1002) > 10000
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-05")
    out = payjobs("autopay", "--date", date)
    assert out.returncode == 0, out.stderr
    assert "10000 charged, succeeded" in out.stdout
    assert paid_now(1002) == before + 10000
    run = one("SELECT result, amount, online_id FROM autopay_runs WHERE autopay_id = %s" % ap[0])
    assert run[:2] == ("succeeded", "10000")
    assert outbox(int(run[2])) == [("autopay-succeeded", "payer@example.org")]
    assert one("SELECT channel FROM payments WHERE online_id = %s" % run[2]) == ("autopay",)
    # A second run the same month charges nobody.
    out = payjobs("autopay", "--date", date)
    assert out.returncode == 0 and "10000 charged" not in out.stdout
    assert paid_now(1002) == before + 10000
    # Another day of the month: not this autopay's.
    out = payjobs("autopay", "--date", date[:8] + "06")
    assert "autopay %s " % ap[0] not in out.stdout

    # Turned off: the row, and with it the card's id, is gone.
    r = s.get(BASE + "/payments/autopay")
    r = s.post(BASE + "/payments/autopay", data={"csrf": csrf_of(r), "id": ap[0],
                                                 "action": "disable"}, allow_redirects=False)
    assert r.status_code == 303
    assert not sql("SELECT id FROM autopays WHERE account_id = 1002")
    assert not sql("SELECT id FROM online_payments WHERE method_id IS NOT NULL AND id = %d" % oid)


def test_autopay_with_nothing_due_charges_nothing():
    s = payer_client()
    url, oid = start(s, {"a1001": "1"}, save=True)
    s.get(card_page(url))
    r = s.get(BASE + "/payments/autopay")
    assert s.post(BASE + "/payments/autopay", data={
        "csrf": csrf_of(r), "id": str(oid), "account": "1001", "action": "enable", "day": "7",
        "max": "50"}, allow_redirects=False).status_code == 303
    ap = one("SELECT id FROM autopays WHERE account_id = 1001")[0]
    # Paid up: every service's debt paid, service 1 far ahead (an advance on one
    # service alone would leave the others owing: each supplier is owed its own).
    owing = sql("SELECT service_id, closing FROM ledger WHERE account_id = 1001 AND period = "
                "'%s' AND service_id <> 1 AND closing > 0" % this_month())
    for service, closing in owing:
        sql("UPDATE ledger SET paid = paid + %s, closing = 0 WHERE account_id = 1001 AND "
            "service_id = %s AND period = '%s'" % (closing, service, this_month()))
    sql("UPDATE ledger SET paid = paid + 100000000, closing = closing - 100000000 "
        "WHERE account_id = 1001 AND service_id = 1 AND period = '%s'" % this_month())
    try:
        date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-07")
        out = payjobs("autopay", "--date", date)
        assert out.returncode == 0, out.stderr
        assert "account 2000001001: nothing due" in out.stdout
        assert one("SELECT result, amount FROM autopay_runs WHERE autopay_id = %s" % ap) == \
            ("nothing-due", "0")
    finally:
        sql("UPDATE ledger SET paid = paid - 100000000, closing = closing + 100000000 "
            "WHERE account_id = 1001 AND service_id = 1 AND period = '%s'" % this_month())
        for service, closing in owing:
            sql("UPDATE ledger SET paid = paid - %s, closing = %s WHERE account_id = 1001 AND "
                "service_id = %s AND period = '%s'" % (closing, closing, service, this_month()))
        sql("DELETE FROM autopays WHERE id = %s" % ap)


def test_a_late_confirmation_of_an_autopay_charge_completes_its_run():
    s = payer_client()
    url, oid = start(s, {"a1001": "2"}, save=True)
    card_page(url, DELAYED)  # a card whose charges the bank confirms a moment later
    wait_until(lambda: status(oid) == "succeeded", 30, "the first payment")
    r = s.get(BASE + "/payments/result?id=%d" % oid)
    assert s.post(BASE + "/payments/autopay", data={
        "csrf": csrf_of(r), "id": str(oid), "account": "1001", "action": "enable", "day": "9",
        "max": "25"}, allow_redirects=False).status_code == 303
    ap = one("SELECT id FROM autopays WHERE account_id = 1001")[0]
    try:
        before = paid_now(1001)
        date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-09")
        out = payjobs("autopay", "--date", date)
        assert out.returncode == 0, out.stderr
        assert "2500 charged, pending" in out.stdout
        run = lambda: one("SELECT result, online_id FROM autopay_runs WHERE autopay_id = %s" % ap)
        assert run()[0] == "pending"
        # The provider's notification settles it, and the run says so.
        wait_until(lambda: run()[0] == "succeeded", 30, "the late confirmation")
        assert paid_now(1001) == before + 2500
        assert outbox(int(run()[1])) == [("autopay-succeeded", "payer@example.org")]
    finally:
        sql("DELETE FROM autopays WHERE id = %s" % ap)


def test_someone_elses_payment_and_autopay_are_not_found():
    s = payer_client()
    url, oid = start(s, {"a1001": "3"}, save=True)
    s.get(card_page(url))
    other = signed_in("demo2", "demo2-password")
    assert other.get(BASE + "/payments/result?id=%d" % oid).status_code == 404
    r = other.get(BASE + "/payments/autopay")
    token = csrf_of(r)
    assert other.post(BASE + "/payments/autopay", data={
        "csrf": token, "id": str(oid), "account": "3", "action": "enable", "day": "5",
        "max": "10"}).status_code == 404
    # The payer cannot put an autopay on an account that is not theirs either.
    r = s.get(BASE + "/payments/autopay")
    assert s.post(BASE + "/payments/autopay", data={
        "csrf": csrf_of(r), "id": str(oid), "account": "3", "action": "enable", "day": "5",
        "max": "10"}).status_code == 404
    assert s.post(BASE + "/payments/autopay", data={
        "csrf": csrf_of(r), "id": "999999", "action": "disable"}).status_code == 404
    assert other.get(BASE + "/payments/result?id=abc").status_code == 404


def test_money_still_balances_after_all_of_it():
    assert one("SELECT COUNT(*) FROM ledger WHERE closing <> opening + accrued + corrections - paid"
               ) == ("0",)
    # Every succeeded online payment is in the ledger exactly once, split to the kopeck.
    assert one("SELECT COUNT(*) FROM online_payments o WHERE o.status = 'succeeded' AND o.amount <> "
               "(SELECT COALESCE(SUM(pl.amount), 0) FROM payments p JOIN payment_lines pl "
               "ON pl.payment_id = p.id WHERE p.online_id = o.id)") == ("0",)
    assert one("SELECT COUNT(*) FROM online_payments o WHERE o.status <> 'succeeded' AND EXISTS "
               "(SELECT 1 FROM payments p JOIN payment_lines pl ON pl.payment_id = p.id "
               "WHERE p.online_id = o.id)") == ("0",)
    # What this month's ledger says was paid is what was received this month.
    assert one("SELECT COUNT(*) FROM (SELECT account_id, SUM(paid) s FROM ledger WHERE period = "
               "'%s' GROUP BY account_id) l LEFT JOIN (SELECT account_id, SUM(amount) s FROM "
               "payments WHERE status = 'succeeded' AND paid_at >= '%s' GROUP BY account_id) p "
               "ON p.account_id = l.account_id WHERE l.s <> COALESCE(p.s, 0)"
               % (this_month(), this_month())) == ("0",)


def test_history_shows_times_in_the_sites_zone_in_the_languages_format():
    s = signed_in()
    d = doc(s.get(BASE + "/payments"))
    row = d.xpath('//table[@id="payments"]/tbody/tr')[0]
    pid = int(row.get("id").split("-")[1])
    (local,) = sql("SELECT DATE_FORMAT(paid_at + INTERVAL 3 HOUR, '%%d.%%m.%%Y %%H:%%i') "
                   "FROM payments WHERE id = %d" % pid)[0]
    assert row.xpath("string(td[1])").strip() == local
    assert row.xpath("string(td[1]/time/@datetime)").endswith("+03:00")


def test_a_payment_to_another_organization_is_shown_in_its_time_zone():
    """An Almaty organization's payment at 18:05 UTC was made at 23:05 there (+05:00)."""
    from conftest import make_subscriber
    sql("UPDATE organizations SET time_zone = 'Asia/Almaty' WHERE id = 2")  # as the demo has it
    sql("DELETE FROM accounts WHERE id = 990")
    sql("INSERT INTO accounts (id, organization_id, number, payer_name, address, residents, "
        "area_centi_m2) VALUES (990, 2, 'KZ-990', 'Тестов', 'г. Алматы', 1, 4000)")
    try:
        make_subscriber("tz-test", "tz-test-password-1", [990])
        sql("INSERT INTO payments (account_id, paid_at, amount, channel) "
            "VALUES (990, UTC_DATE() - INTERVAL 3 DAY + INTERVAL '18:05' HOUR_MINUTE, 150000, 'cash')")
        (want,) = sql("SELECT DATE_FORMAT(UTC_DATE() - INTERVAL 3 DAY + INTERVAL '23:05' "
                      "HOUR_MINUTE, '%d.%m.%Y %H:%i')")[0]
        s = signed_in("tz-test", "tz-test-password-1")
        row = doc(s.get(BASE + "/payments?all=1")).xpath('//table[@id="payments"]/tbody/tr')[0]
        assert row.xpath("string(td[1])").strip() == want
        assert row.xpath("string(td[1]/time/@datetime)").endswith("+05:00")
        # The worker's own zone is back for the next page: a Энск payment in Moscow time.
        test_history_shows_times_in_the_sites_zone_in_the_languages_format()
    finally:
        sql("DELETE FROM payments WHERE account_id = 990")
        sql("DELETE FROM subscribers WHERE login = 'tz-test'")
        sql("DELETE FROM accounts WHERE id = 990")
