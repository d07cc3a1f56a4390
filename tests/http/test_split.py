"""Per-service balances and how a payment is shared between services.

Rules 354 (the Rules for utility services, Government of Russia decree 354 of
06.05.2011), p. 118: a payment that does not cover what the receipt asks is
shared between the kinds of service in proportion to what the receipt asks
for each, unless the payer said otherwise.  And each supplier is owed its own:
an advance on one service never pays another's debt.

The subscriber "splitter" has one generated account (2998) whose latest month
is put in credit on service 1 for the module, the others owing.
"""
import pytest
import requests

from conftest import BASE, csrf_of, doc, make_subscriber, signed_in, sql, wait_until, written_in

ACCOUNT = 2998
CREDIT = 50000  # service 1 holds 500,00 in advance


def one(q):
    return sql(q)[0]


def latest():
    return one("SELECT MAX(period) FROM ledger WHERE account_id = %d" % ACCOUNT)[0]


def closings():
    """{service: closing} of the account's latest month."""
    return {int(s): int(c) for s, c in sql(
        "SELECT service_id, closing FROM ledger WHERE account_id = %d AND period = '%s' "
        "ORDER BY service_id" % (ACCOUNT, latest()))}


@pytest.fixture(scope="module", autouse=True)
def splitter():
    period = latest()
    closing = int(one("SELECT closing FROM ledger WHERE account_id = %d AND service_id = 1 "
                      "AND period = '%s'" % (ACCOUNT, period))[0])
    # Service 1 recalculated in the subscriber's favour, into credit, the way the billing
    # system records it: a correction with its reason, and the row still balancing.
    amount = -(closing + CREDIT)
    sql("INSERT INTO corrections (account_id, service_id, period, amount, reason) VALUES "
        "(%d, 1, '%s', %d, 'Перерасчёт по акту')" % (ACCOUNT, period, amount))
    sql("UPDATE ledger SET corrections = corrections + %d, closing = closing + %d "
        "WHERE account_id = %d AND service_id = 1 AND period = '%s'"
        % (amount, amount, ACCOUNT, period))
    make_subscriber("splitter", "splitter-password-1", [ACCOUNT])
    yield


def client(lang=None):
    return signed_in("splitter", "splitter-password-1", lang)


def proportional(weights, amount):
    """split.c's largest remainder: shares floor, the minor units left to the largest rests."""
    total = sum(weights)
    shares = [amount * w // total for w in weights]
    rests = [amount * w % total for w in weights]
    for _ in range(amount - sum(shares)):
        best = max(range(len(weights)), key=lambda i: (rests[i], -i))
        shares[best] += 1
        rests[best] = -1
    return shares


def preview(s, data, status=200):
    r = s.get(BASE + "/payments/pay")
    token = csrf_of(r)
    key = doc(r).xpath('//input[@name="key"]/@value')[0]
    r = s.post(BASE + "/payments/pay?format=xml",
               data=dict(data, csrf=token, key=key, action="preview"))
    assert r.status_code == status, r.text[:500]
    return doc(r), token, key


def shares_of(x):
    return {int(l.get("service")): int(l.find("share").get("minor"))
            for l in x.xpath("//pay/account[@id='%d']/split/line" % ACCOUNT)}


def test_an_advance_on_one_service_does_not_lower_what_the_others_owe():
    s = client()
    c = closings()
    due = sum(v for v in c.values() if v > 0)
    advance = -sum(v for v in c.values() if v < 0)
    assert c[1] == -CREDIT and due > 0
    x = doc(s.get(BASE + "/accounts?format=xml"))
    a = x.xpath("//accounts/account[@id='%d']" % ACCOUNT)[0]
    assert int(a.find("due").get("minor")) == due
    assert int(a.find("advance").get("minor")) == advance
    assert int(x.xpath("string(//accounts/to-pay/@minor)")) == due
    # The page says both: what is owed, and what is held ahead.
    text = doc(s.get(BASE + "/accounts")).get_element_by_id("account-%d" % ACCOUNT).text_content()
    assert "переплата" in text
    # The dashboard asks for the debts, not the debts less the advance.
    home = doc(s.get(BASE + "/?format=xml"))
    assert int(home.xpath("string(//accounts/to-pay/@minor)")) == due
    # The pay form fills in what is due, and paying exactly that pays each service its debt.
    form = doc(s.get(BASE + "/payments/pay?format=xml"))
    assert int(form.xpath("string(//pay/account[@id='%d']/due/@minor)" % ACCOUNT)) == due
    assert int(form.xpath("string(//pay/account[@id='%d']/advance/@minor)" % ACCOUNT)) == advance
    x, _, _ = preview(s, {"a%d" % ACCOUNT: "%d.%02d" % divmod(due, 100)})
    assert shares_of(x) == {k: max(v, 0) for k, v in c.items()}
    assert int(x.xpath("string(//split/due-after/@minor)")) == 0


def test_a_short_payment_is_shared_in_proportion_to_what_each_service_asks():
    s = client()
    c = closings()
    services = sorted(c)
    asks = [max(c[k], 0) for k in services]
    amount = sum(asks) // 3 + 7  # a third and some kopecks: remainders to place
    x, token, key = preview(s, {"a%d" % ACCOUNT: "%d.%02d" % divmod(amount, 100)})
    want = dict(zip(services, proportional(asks, amount)))
    assert shares_of(x) == want and want[1] == 0  # the service in credit gets nothing
    # Paying it records that split, to the kopeck, when the money arrives.
    r = s.post(BASE + "/payments/pay", allow_redirects=False, data={
        "csrf": token, "key": key, "action": "pay", "a%d" % ACCOUNT: "%d.%02d" % divmod(amount, 100)})
    assert r.status_code == 303
    oid = int(one("SELECT id FROM online_payments WHERE idem_key = '%s'" % key)[0])
    assert not sql("SELECT 1 FROM payment_choices pc JOIN payments p ON p.id = pc.payment_id "
                   "WHERE p.online_id = %d" % oid)  # the rule's split is not a choice
    pay_by_card(r.headers["Location"], oid)
    got = {int(sv): int(a) for sv, a in sql(
        "SELECT pl.service_id, pl.amount FROM payment_lines pl JOIN payments p "
        "ON p.id = pl.payment_id WHERE p.online_id = %d" % oid)}
    assert got == {k: v for k, v in want.items() if v}


def pay_by_card(url, oid):
    r = requests.post(url, data={"card": "5555555555554444", "expiry": "12/30", "cvc": "123",
                                 "do": "pay"}, allow_redirects=False, timeout=10)
    assert r.status_code == 303
    wait_until(lambda: one("SELECT status FROM online_payments WHERE id = %d" % oid)[0] ==
               "succeeded", 10, "the webhook")


def test_the_payer_may_share_the_payment_otherwise():
    s = client()
    c = closings()
    owing = [k for k in sorted(c) if c[k] > 0]
    first, second = owing[0], owing[1]
    x, token, key = preview(s, {"a%d" % ACCOUNT: "100"})
    fields = {int(l.get("service")): l.get("field")
              for l in x.xpath("//pay/account[@id='%d']/split/line" % ACCOUNT)}
    assert fields[first] == "s%d-%d" % (ACCOUNT, first)
    # All of it to one supplier, and a little to another: the amount becomes their sum.
    mine = {fields[k]: "" for k in fields}
    mine.update({fields[first]: "120,50", fields[second]: "0.50"})
    r = s.post(BASE + "/payments/pay?format=xml",
               data=dict(mine, csrf=token, key=key, action="preview", **{"a%d" % ACCOUNT: "100"}))
    assert r.status_code == 200
    x = doc(r)
    got = shares_of(x)
    assert got[first] == 12050 and got[second] == 50 and sum(got.values()) == 12100
    assert x.xpath("//pay/account[@id='%d']/split/@own" % ACCOUNT) == ["1"]
    assert x.xpath("string(//pay/total/@minor)") == "12100"
    # The rendered preview keeps what was typed, for the Pay button.
    page = doc(s.post(BASE + "/payments/pay",
                      data=dict(mine, csrf=token, key=key, action="preview")))
    assert page.xpath('//input[@name="%s"]/@value' % fields[first]) == ["120,50"]
    r = s.post(BASE + "/payments/pay", allow_redirects=False,
               data=dict(mine, csrf=token, key=key, action="pay"))
    assert r.status_code == 303
    oid = int(one("SELECT id FROM online_payments WHERE idem_key = '%s'" % key)[0])
    assert one("SELECT amount FROM online_payments WHERE id = %d" % oid) == ("12100",)
    pay_by_card(r.headers["Location"], oid)
    lines = {int(sv): int(a) for sv, a in sql(
        "SELECT pl.service_id, pl.amount FROM payment_lines pl JOIN payments p "
        "ON p.id = pl.payment_id WHERE p.online_id = %d" % oid)}
    assert lines == {first: 12050, second: 50}


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("typed", ["abc", "-5", "1,234", "10.555"])
def test_a_bad_share_is_refused_on_the_preview_in_the_users_language(lang, typed):
    s = client(lang)
    c = closings()
    first = [k for k in sorted(c) if c[k] > 0][0]
    name = "s%d-%d" % (ACCOUNT, first)
    before = one("SELECT COUNT(*) FROM online_payments")
    r = s.get(BASE + "/payments/pay")
    token, key = csrf_of(r), doc(r).xpath('//input[@name="key"]/@value')[0]
    for action in ("preview", "pay"):
        r = s.post(BASE + "/payments/pay", data={"csrf": token, "key": key, "action": action,
                                                 name: typed}, allow_redirects=False)
        assert r.status_code == 422, (action, r.status_code)
        d = doc(r)
        msg = d.xpath('string(//p[@id="error-%s"])' % name)
        assert msg and written_in(msg, lang), msg
        assert d.xpath('//input[@name="%s"]/@value' % name) == [typed]  # kept as typed
    assert one("SELECT COUNT(*) FROM online_payments") == before
