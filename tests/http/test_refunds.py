"""Refunds from the operator console: through the provider's refunds API, the
ledger written once when the provider confirms, never more than was paid."""
import secrets
import threading

import pytest
import requests

from conftest import BASE, EMU, csrf_of, doc, make_subscriber, signed_in, sql, staff_signed_in, \
    wait_until
from test_payments import card_page, paid_now, start

ACCOUNTS = (1005, 1006)


@pytest.fixture(scope="module", autouse=True)
def refunder():
    make_subscriber("refunder", "refunder-password-1", list(ACCOUNTS),
                    email="refunder@example.org")
    sql("UPDATE subscribers SET current_account_id = %d WHERE login = 'refunder'" % ACCOUNTS[0])
    requests.post(EMU + "/_emu/refunds", data="up", timeout=10)
    yield
    requests.post(EMU + "/_emu/refunds", data="up", timeout=10)


def paid(amounts):
    """A succeeded card payment of amounts ({account: "300.00"}); its online id."""
    s = signed_in("refunder", "refunder-password-1")
    url, oid = start(s, {"a%d" % a: v for a, v in amounts.items()})
    card_page(url)
    wait_until(lambda: sql("SELECT status FROM online_payments WHERE id = %d" % oid)[0][0] ==
               "succeeded", 10, "the payment")
    return oid


def refund(s, oid, amount, reason="Ошибочный платёж", password="admin-password", key=None):
    r = s.get(BASE + "/admin/payment?id=%d" % oid)
    assert r.status_code == 200, r.status_code
    shown = doc(r).xpath('//form[@id="refund-form"]//input[@name="key"]/@value')
    # Without the form (nothing left to refund), a crafted POST with a key of its own.
    data = {"csrf": csrf_of(r), "id": str(oid), "amount": amount, "reason": reason,
            "password": password, "key": key or (shown or [secrets.token_urlsafe(32)])[0]}
    return s.post(BASE + "/admin/payment/refund", data=data, allow_redirects=False)


def refunded_rows(oid):
    """The negative payments rows refunds of oid wrote: (account, amount)."""
    return sql("SELECT p.account_id, p.amount FROM payments p JOIN refunds r ON r.id = p.refund_id "
               "WHERE r.online_id = %d ORDER BY p.id" % oid)


def lines_of_refunds(oid):
    return int(sql("SELECT COALESCE(SUM(pl.amount), 0) FROM payment_lines pl JOIN payments p ON "
                   "p.id = pl.payment_id JOIN refunds r ON r.id = p.refund_id WHERE r.online_id = %d"
                   % oid)[0][0])


def test_a_full_refund_takes_back_from_each_account_once():
    oid = paid({1005: "300.00", 1006: "200.00"})
    before = [paid_now(a) for a in ACCOUNTS]
    s = staff_signed_in("admin")
    r = refund(s, oid, "500,00")
    assert r.headers["location"] == "/admin/payment?id=%d&done=refunded" % oid
    assert sorted(refunded_rows(oid)) == [("1005", "-30000"), ("1006", "-20000")]
    assert [paid_now(a) for a in ACCOUNTS] == [before[0] - 30000, before[1] - 20000]
    assert lines_of_refunds(oid) == -50000
    assert sql("SELECT status, amount, provider_id IS NOT NULL FROM refunds WHERE online_id = %d"
               % oid) == [("succeeded", "50000", "1")]
    emu = requests.get(EMU + "/_emu/refunds", timeout=10).json()["items"]
    pid = sql("SELECT provider_id FROM online_payments WHERE id = %d" % oid)[0][0]
    assert [x["amount"]["value"] for x in emu if x["payment_id"] == pid] == ["500.00"]
    # The subscriber is told, and sees it in the history.
    assert sql("SELECT kind, address FROM outbox WHERE kind = 'refund' AND params LIKE "
               "'%%payment=\"%d\"%%'" % oid) == [("refund", "refunder@example.org")]
    audit = sql("SELECT staff_login, after_value FROM audit_log WHERE action = 'refund' AND "
                "object_id = '%d'" % oid)
    assert audit == [("admin", "50000: Ошибочный платёж")]
    d = doc(s.get(BASE + "/admin/payment?id=%d" % oid))
    assert not d.xpath('//form[@id="refund-form"]')  # nothing left to refund
    # Checking with the provider again writes nothing more.
    r = s.post(BASE + "/admin/payment/recheck", data={"csrf": csrf_of(s.get(BASE + "/admin")),
                                                      "id": str(oid)}, allow_redirects=False)
    assert r.status_code == 303 and len(refunded_rows(oid)) == 2


def test_partial_refunds_never_exceed_what_was_paid():
    oid = paid({1005: "100.00"})
    s = staff_signed_in("admin")
    assert refund(s, oid, "30.00").headers["location"].endswith("done=refunded")
    r = refund(s, oid, "70.01")
    assert r.status_code == 422
    assert doc(r).xpath('//input[@id="amount"]/@value') == ["70.01"]
    assert "Больше, чем осталось вернуть" in r.text
    assert refund(s, oid, "70.00").headers["location"].endswith("done=refunded")
    assert [a for _, a in refunded_rows(oid)] == ["-3000", "-7000"]
    r = refund(s, oid, "0.01")  # the form is gone, but a crafted POST is refused too
    assert r.status_code in (409, 422)
    assert len(refunded_rows(oid)) == 2


def test_the_same_form_sent_twice_refunds_once():
    oid = paid({1005: "80.00"})
    s = staff_signed_in("admin")
    key = doc(s.get(BASE + "/admin/payment?id=%d" % oid)).xpath(
        '//form[@id="refund-form"]//input[@name="key"]/@value')[0]
    assert refund(s, oid, "10.00", key=key).headers["location"].endswith("done=refunded")
    assert refund(s, oid, "10.00", key=key).headers["location"].endswith("done=already")
    assert refunded_rows(oid) == [("1005", "-1000")]


def test_two_staff_refunding_at_once_take_back_at_most_the_payment():
    oid = paid({1006: "90.00"})
    sessions = [staff_signed_in("admin") for _ in range(4)]
    pages = []
    for s in sessions:
        r = s.get(BASE + "/admin/payment?id=%d" % oid)
        d = doc(r)
        pages.append((csrf_of(r), d.xpath('//form[@id="refund-form"]//input[@name="key"]/@value')[0]))
    results = []

    def go(s, token, key):
        r = s.post(BASE + "/admin/payment/refund", allow_redirects=False, data={
            "csrf": token, "id": str(oid), "amount": "90.00", "reason": "Двойной платёж",
            "password": "admin-password", "key": key})
        results.append(r.status_code)

    threads = [threading.Thread(target=go, args=(s, t, k)) for s, (t, k) in zip(sessions, pages)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [303, 422, 422, 422], results
    assert refunded_rows(oid) == [("1006", "-9000")]


def test_provider_down_writes_nothing_and_a_recheck_finishes_it_once():
    oid = paid({1005: "40.00"})
    before = paid_now(1005)
    s = staff_signed_in("admin")
    requests.post(EMU + "/_emu/refunds", data="down", timeout=10)
    try:
        r = refund(s, oid, "40.00")
        assert r.headers["location"].endswith("done=refund-unknown")
        assert refunded_rows(oid) == [] and paid_now(1005) == before
        assert sql("SELECT status FROM refunds WHERE online_id = %d" % oid) == [("created",)]
        d = doc(s.get(BASE + r.headers["location"]))
        assert "Ничего не списано" in d.xpath('string(//*[@id="done"])')
        # What is asked for and unanswered is held: no second refund of the same money.
        assert refund(s, oid, "0.01").status_code in (409, 422)
    finally:
        requests.post(EMU + "/_emu/refunds", data="up", timeout=10)
    for _ in range(2):
        r = s.post(BASE + "/admin/payment/recheck", allow_redirects=False, data={
            "csrf": csrf_of(s.get(BASE + "/admin")), "id": str(oid)})
        assert r.headers["location"].endswith("done=rechecked")
    assert refunded_rows(oid) == [("1005", "-4000")] and paid_now(1005) == before - 4000
    assert sql("SELECT status FROM refunds WHERE online_id = %d" % oid) == [("succeeded",)]


def test_refunds_need_the_password_and_the_role():
    oid = paid({1006: "20.00"})
    admin = staff_signed_in("admin")
    r = refund(admin, oid, "20.00", password="wrong")
    assert r.status_code == 422 and refunded_rows(oid) == []
    assert sql("SELECT COUNT(*) FROM refunds WHERE online_id = %d" % oid) == [("0",)]
    op = staff_signed_in("operator")
    assert op.get(BASE + "/admin/payment?id=%d" % oid).status_code == 200
    assert not doc(op.get(BASE + "/admin/payment?id=%d" % oid)).xpath('//form[@id="refund-form"]')
    r = op.post(BASE + "/admin/payment/refund", allow_redirects=False, data={
        "csrf": csrf_of(op.get(BASE + "/admin")), "id": str(oid), "amount": "20.00",
        "reason": "x" * 5, "password": "operator-password", "key": "k" * 43})
    assert r.status_code == 403 and refunded_rows(oid) == []


def test_payments_are_found_each_way():
    oid = paid({1005: "12.34"})
    s = staff_signed_in("operator")
    pid = sql("SELECT provider_id FROM online_payments WHERE id = %d" % oid)[0][0]
    number = sql("SELECT number FROM accounts WHERE id = 1005")[0][0]
    day = sql("SELECT DATE(created_at) FROM online_payments WHERE id = %d" % oid)[0][0]
    for by, q in (("id", str(oid)), ("provider", pid), ("account", number), ("day", day)):
        d = doc(s.get(BASE + "/admin/payments", params={"by": by, "q": q}))
        assert d.xpath('//a[@href="/admin/payment?id=%d"]' % oid), by
    assert s.get(BASE + "/admin/payments", params={"by": "day", "q": "2026-02-30"}).status_code \
        == 400
    assert s.get(BASE + "/admin/payment?id=999999999").status_code == 404


def test_money_still_balances_after_the_refunds():
    from test_payments import one, this_month
    assert one("SELECT COUNT(*) FROM ledger WHERE closing <> opening + accrued + corrections - paid"
               ) == ("0",)
    # Every succeeded refund is in the ledger exactly once, split to the kopeck; no other is.
    assert one("SELECT COUNT(*) FROM refunds r WHERE r.status = 'succeeded' AND -r.amount <> "
               "(SELECT COALESCE(SUM(pl.amount), 0) FROM payments p JOIN payment_lines pl "
               "ON pl.payment_id = p.id WHERE p.refund_id = r.id)") == ("0",)
    assert one("SELECT COUNT(*) FROM refunds r WHERE r.status <> 'succeeded' AND EXISTS "
               "(SELECT 1 FROM payments p WHERE p.refund_id = r.id)") == ("0",)
    # No payment refunded beyond what was paid.
    assert one("SELECT COUNT(*) FROM online_payments o WHERE o.amount < (SELECT "
               "COALESCE(SUM(r.amount), 0) FROM refunds r WHERE r.online_id = o.id "
               "AND r.status = 'succeeded')") == ("0",)
    # This month's ledger still says what was received, refunds taken off.
    assert one("SELECT COUNT(*) FROM (SELECT account_id, SUM(paid) s FROM ledger WHERE period = "
               "'%s' GROUP BY account_id) l LEFT JOIN (SELECT account_id, SUM(amount) s FROM "
               "payments WHERE status = 'succeeded' AND paid_at >= '%s' GROUP BY account_id) p "
               "ON p.account_id = l.account_id WHERE l.s <> COALESCE(p.s, 0)"
               % (this_month(), this_month())) == ("0",)
