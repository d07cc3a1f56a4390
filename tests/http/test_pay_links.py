"""A Pay link wherever a debt is shown, opening the payment form filled in for that account."""
import re

from conftest import BASE, doc, signed_in
from pages import last_month


def pay_links(node):
    """The Pay links in a page's content, or in one part of it."""
    if node.tag == "html":
        node = node.xpath("//main")[0]
    return [a.get("href") for a in node.xpath('.//a[contains(@class, "pay")]')]


def test_dashboard_and_accounts_offer_to_pay_each_debt():
    s = signed_in("demo2", "demo2-password")
    d = doc(s.get(BASE + "/"))
    debt = d.xpath('string(//*[@id="to-pay"]//*[contains(@class, "big-amount")])')
    assert re.search(r"\d", debt)
    # The card's own link and the account's: both the one account in debt.
    assert pay_links(d) == ["/payments/pay?account=3", "/payments/pay?account=3"]
    # Links that all say "Pay" say whose debt, for those who hear them out of context.
    assert d.xpath('string(//li[@id="dash-account-3"]//a[contains(@class, "pay")])').split() == [
        "Оплатить:", "№", "1000789003"]
    d = doc(s.get(BASE + "/accounts"))
    assert pay_links(d) == ["/payments/pay?account=3"]


def test_no_pay_link_without_a_debt():
    s = signed_in()  # demo: account 1 in debt, account 2 paid in advance
    d = doc(s.get(BASE + "/accounts"))
    assert pay_links(d) == ["/payments/pay?account=1"]
    assert not d.xpath('//li[@id="account-2"]//a[contains(@class, "pay")]')


def test_unpaid_receipts_offer_to_pay_and_paid_ones_do_not():
    s = signed_in("demo2", "demo2-password", "en")
    d = doc(s.get(BASE + "/receipts"))
    for row in d.xpath('//table[@id="receipts"]/tbody/tr'):
        links = pay_links(row)
        if "status-paid" in row.get("class"):
            assert links == []
        else:
            assert links == ["/payments/pay?account=3"]
    d = doc(s.get(BASE + "/receipts/view?month=" + last_month()))
    assert d.xpath('string(//*[@id="receipt"]/@data-status)') in ("unpaid", "partly")
    assert pay_links(d) == ["/payments/pay?account=3"]


def test_the_link_fills_in_the_accounts_debt():
    s = signed_in("demo2", "demo2-password")
    d = doc(s.get(BASE + "/payments/pay?account=3"))
    field = d.xpath('//input[starts-with(@name, "a")][not(@type="hidden")]')[0]
    assert re.fullmatch(r"[\d ]+,\d\d", field.get("value", "")), field.get("value")
