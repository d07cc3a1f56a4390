"""Shared access to an account (issue 24, sql/049): invitations, rights, revocation.

A holder invites someone by e-mail or phone with one of four choices of
rights; the invitee, signed in as the person it was sent to, accepts it once
within 24 hours and then sees the account with those rights only.  Every
page and action that needs a right refuses a delegate without it with 404,
HTML and XML alike; taking access back works at the delegate's next request.
"""
import re

import lxml.etree
import pytest

from conftest import (BASE, csrf_of, doc, error_message, make_subscriber, new_client, signed_in,
                      sql, staff_signed_in, written_in)

ACCOUNT = 1901   # generated: the demo's accounts stay as they are
OTHER = 1902     # the holder's second account, never shared
HOLDER = ("access-holder", "Holder-pass-2026!")
DELEGATE = ("access-delegate", "Delegate-pass-2026!")
STRANGER = ("access-stranger", "Stranger-pass-2026!")


@pytest.fixture
def people():
    sql("DELETE ap FROM appeals ap JOIN subscribers s ON s.id = ap.subscriber_id "
        "WHERE s.login LIKE 'access-%%'")
    sql("DELETE FROM access_invitations WHERE account_id IN (%d, %d)" % (ACCOUNT, OTHER))
    sql("DELETE FROM access_events WHERE account_id IN (%d, %d)" % (ACCOUNT, OTHER))
    sql("DELETE FROM readings WHERE source = 'subscriber' AND meter_id IN "
        "(SELECT id FROM meters WHERE account_id = %d)" % ACCOUNT)
    holder = make_subscriber(HOLDER[0], HOLDER[1], [ACCOUNT, OTHER], email="holder@example.org",
                             name="Владелец Счёта")
    delegate = make_subscriber(DELEGATE[0], DELEGATE[1], [], email="delegate@example.org",
                               name="Жилец Квартиры")
    # Written as a person would: the invitation's number is compared normalised.
    sql("UPDATE subscribers SET phone = '+7 912 000-09-01' WHERE id = %d" % delegate)
    stranger = make_subscriber(STRANGER[0], STRANGER[1], [], email="stranger@example.org")
    sql("UPDATE subscribers SET current_account_id = %d WHERE id = %d" % (ACCOUNT, holder))
    yield {"holder": holder, "delegate": delegate, "stranger": stranger}
    sql("DELETE FROM readings WHERE source = 'subscriber' AND meter_id IN "
        "(SELECT id FROM meters WHERE account_id = %d)" % ACCOUNT)


def refused(resp, status, lang):
    """The page refused with status, in lang, saying why above the form."""
    assert resp.status_code == status, (resp.status_code, status)
    assert doc(resp).xpath("/html/@lang") == [lang]
    msg = error_message(resp)
    assert msg and written_in(msg, lang), msg


def invite(s, contact, rights, follow=False):
    r = s.get(BASE + "/access")
    assert r.status_code == 200, r.status_code
    return s.post(BASE + "/access/invite", data={"csrf": csrf_of(r), "contact": contact,
                                                 "rights": rights}, allow_redirects=follow)


def last_token(contact):
    """The token of the newest invitation sent to contact, from its queued message."""
    params = sql("SELECT params FROM outbox WHERE kind = 'access-invite' AND address = '%s' "
                 "ORDER BY id DESC LIMIT 1" % contact)[0][0]
    return re.search(r'token="([^"]+)"', params).group(1)


def answer(s, token, yes=True):
    r = s.get(BASE + "/access/accept", params={"token": token})
    csrf = csrf_of(r)
    return s.post(BASE + "/access/accept", data={"csrf": csrf, "token": token,
                                                 "answer": "yes" if yes else "no"},
                  allow_redirects=False)


def shared(holder_s, contact, rights):
    """The delegate's access with rights: invited and accepted."""
    r = invite(holder_s, contact, rights)
    assert r.status_code == 303 and r.headers["Location"] == "/access?done=invited", \
        (r.status_code, error_message(r))
    ds = signed_in(*DELEGATE)
    r = answer(ds, last_token(contact))
    assert r.status_code == 303 and r.headers["Location"] == "/accounts?done=shared"
    return ds


def latest_month(account):
    return sql("SELECT DATE_FORMAT(MAX(period), '%%Y-%%m') FROM ledger WHERE account_id = %d"
               % account)[0][0]


def meter_of(account):
    return int(sql("SELECT MIN(id) FROM meters WHERE account_id = %d" % account)[0][0])


RIGHTS = {"view": {"view"}, "readings": {"readings"}, "pay": {"view", "pay"},
          "full": {"view", "readings", "pay"}}


def pages(month, meter):
    """Every page of a current account and the right it needs ("holder": only the holder)."""
    service = sql("SELECT MIN(service_id) FROM ledger WHERE account_id = %d" % ACCOUNT)[0][0]
    return [
        ("/services", "view"), ("/services/statement?service=%s" % service, "view"),
        ("/services/reconciliation", "view"),
        ("/services/reconciliation?format=pdf", "view"),
        ("/services/rendered?month=%s" % month, "view"),
        ("/services/rendered?month=%s&format=pdf" % month, "view"),
        ("/receipts", "view"), ("/receipts/view?month=%s" % month, "view"),
        ("/receipts/print?month=%s" % month, "view"), ("/receipts/pdf?month=%s" % month, "view"),
        ("/payments", "view"), ("/payments?format=csv", "view"),
        ("/documents", "view"), ("/accounts/alert", "view"), ("/events", "view"),
        ("/usage", "view"), ("/usage?format=csv", "view"),
        ("/payments/pay", "pay"),
        ("/readings", "readings"), ("/readings/history?meter=%d" % meter, "readings"),
        ("/payments/autopay", "full"), ("/access", "holder"),
    ]


def with_xml(path):
    if "format=" in path:
        return None
    return path + ("&" if "?" in path else "?") + "format=xml"


def test_the_holder_has_every_page(people):
    hs = signed_in(*HOLDER)
    for path, _ in pages(latest_month(ACCOUNT), meter_of(ACCOUNT)):
        assert hs.get(BASE + path, allow_redirects=False).status_code == 200, path


@pytest.mark.parametrize("choice", ["view", "readings", "pay", "full"])
def test_rights_matrix_every_page_html_xml_and_pdf(people, choice):
    hs = signed_in(*HOLDER)
    ds = shared(hs, "delegate@example.org", choice)
    month, meter = latest_month(ACCOUNT), meter_of(ACCOUNT)
    allowed = RIGHTS[choice]
    for path, right in pages(month, meter):
        # "full": what needs every right but inviting (autopay).
        ok = allowed == RIGHTS["full"] if right == "full" else right in allowed
        want = 200 if ok else 404
        for p in filter(None, [path, with_xml(path)]):
            r = ds.get(BASE + p, allow_redirects=False)
            assert r.status_code == want, (choice, p, r.status_code)
    # Actions: a reading, the e-mailed receipts, an invitation of their own.
    r = ds.get(BASE + "/accounts")
    csrf = csrf_of(r)
    reading = ds.post(BASE + "/readings", data={"csrf": csrf, "action": "preview"},
                      allow_redirects=False)
    assert (reading.status_code != 404) == ("readings" in allowed), reading.status_code
    assert ds.post(BASE + "/receipts/email", data={"csrf": csrf, "email": "1"},
                   allow_redirects=False).status_code == 404
    invoice = ds.post(BASE + "/documents/invoices", data={"csrf": csrf, "amount": "10"},
                      allow_redirects=False)
    assert invoice.status_code == (303 if "pay" in allowed else 404), invoice.status_code
    alert = ds.post(BASE + "/accounts/alert", data={"csrf": csrf, "threshold": "0"},
                    allow_redirects=False)
    assert alert.status_code == (303 if "view" in allowed else 404), alert.status_code
    company = ds.post(BASE + "/access/company", data={"csrf": csrf, "answer": "off"},
                      allow_redirects=False)
    assert company.status_code == 404
    if "pay" not in allowed:
        holders = sql("SELECT MAX(id) FROM invoices WHERE account_id = %d" % ACCOUNT)[0][0]
        assert ds.post(BASE + "/payments/invoice", data={"csrf": csrf, "id": holders or 1,
                                                         "key": "D" * 42 + "A"},
                       allow_redirects=False).status_code == 404
        assert ds.post(BASE + "/payments/pay", data={"csrf": csrf, "action": "preview"},
                       allow_redirects=False).status_code == 404
    assert ds.post(BASE + "/access/invite", data={"csrf": csrf, "contact": "x@example.org",
                                                  "rights": "view"},
                   allow_redirects=False).status_code == 404
    # The menu offers what the rights open, no more.
    nav = doc(ds.get(BASE + "/accounts")).xpath("//nav//a/@href")
    assert ("/readings" in nav) == ("readings" in allowed)
    assert ("/receipts" in nav) == ("view" in allowed)
    assert ("/payments" in nav) == ("view" in allowed)
    # The dashboard shows the balance only to those who may view it; the
    # holder's other account is never shown.
    home = ds.get(BASE + "/?format=xml").content.decode()
    number = sql("SELECT number FROM accounts WHERE id = %d" % ACCOUNT)[0][0]
    other = sql("SELECT number FROM accounts WHERE id = %d" % OTHER)[0][0]
    assert (number in home) == ("view" in allowed)
    assert other not in home
    # The pay form offers the shared account only to those who may pay.
    if "pay" in allowed:
        form = lxml.etree.fromstring(ds.get(BASE + "/payments/pay?format=xml").content)
        ids = form.xpath("//account/@id")
        assert str(ACCOUNT) in ids and str(OTHER) not in ids
    # Statements by id of the holder's other account stay 404.
    assert ds.get(BASE + "/receipts/view?month=%s&account=%d" % (month, OTHER),
                  allow_redirects=False).status_code == 404
    assert ds.get(BASE + "/readings/history?meter=%d" % meter_of(OTHER),
                  allow_redirects=False).status_code in (404, 200)
    assert "<reading " not in ds.get(BASE + "/readings/history?meter=%d&format=xml"
                                     % meter_of(OTHER)).content.decode()


def test_a_delegate_submits_a_reading_recorded_as_theirs(people):
    hs = signed_in(*HOLDER)
    ds = shared(hs, "delegate@example.org", "readings")
    d = doc(ds.get(BASE + "/readings"))
    data = {i.get("name"): i.get("value") for i in d.xpath('//form[@id="readings-form"]//input')
            if i.get("type") != "checkbox"}
    meter = meter_of(ACCOUNT)
    key = "m%dz1" % meter
    assert key in data, sorted(data)
    last = sql("SELECT value FROM readings WHERE meter_id = %d AND zone = 0 AND status = "
               "'accepted' ORDER BY taken_on DESC, id DESC LIMIT 1" % meter)[0][0]
    decimals = int(sql("SELECT decimals FROM meters WHERE id = %d" % meter)[0][0])
    data[key] = ("%%.%df" % decimals) % ((int(last) + 10 ** decimals) / 10 ** decimals) \
        if decimals else str(int(last) + 1)
    r = ds.post(BASE + "/readings", data=dict(data, action="submit"), allow_redirects=False)
    assert r.status_code == 303, (r.status_code, error_message(r))
    assert sql("SELECT subscriber_id FROM readings WHERE meter_id = %d AND source = 'subscriber'"
               % meter) == [(str(people["delegate"]),)]
    page = doc(hs.get(BASE + "/access"))
    others = page.get_element_by_id("others").text_content()
    assert "Жилец Квартиры" in others
    record = page.get_element_by_id("record").text_content()
    assert "delegate@example.org" in record and "принял" in record


def test_revoking_takes_effect_at_the_next_request(people):
    hs = signed_in(*HOLDER)
    ds = shared(hs, "delegate@example.org", "full")
    assert ds.get(BASE + "/services", allow_redirects=False).status_code == 200
    r = hs.get(BASE + "/access")
    r = hs.post(BASE + "/access/revoke", data={"csrf": csrf_of(r), "id": people["delegate"]},
                allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/access?done=revoked"
    # The same session, its very next request: nothing of the account is left.
    number = sql("SELECT number FROM accounts WHERE id = %d" % ACCOUNT)[0][0]
    for path in ["/", "/accounts", "/services", "/readings", "/payments", "/receipts"]:
        page = ds.get(BASE + path + "?format=xml", allow_redirects=False)
        assert number not in page.content.decode(), path
    assert ds.get(BASE + "/receipts/view?month=%s&account=%d" % (latest_month(ACCOUNT), ACCOUNT),
                  allow_redirects=False).status_code == 404
    assert "revoked" in sql("SELECT GROUP_CONCAT(event) FROM access_events WHERE account_id = %d"
                            % ACCOUNT)[0][0]
    # Revoking again: there is nobody to revoke.
    r = hs.get(BASE + "/access")
    assert hs.post(BASE + "/access/revoke", data={"csrf": csrf_of(r), "id": people["delegate"]},
                   allow_redirects=False).status_code == 404


def test_changing_rights_applies_at_once(people):
    hs = signed_in(*HOLDER)
    ds = shared(hs, "delegate@example.org", "view")
    assert ds.get(BASE + "/readings", allow_redirects=False).status_code == 404
    r = hs.get(BASE + "/access")
    r = hs.post(BASE + "/access/rights", data={"csrf": csrf_of(r), "id": people["delegate"],
                                               "rights": "readings"}, allow_redirects=False)
    assert r.status_code == 303
    assert ds.get(BASE + "/readings", allow_redirects=False).status_code == 200
    assert ds.get(BASE + "/services", allow_redirects=False).status_code == 404
    # A holder's rights are not the form's to give.
    r = hs.get(BASE + "/access")
    r = hs.post(BASE + "/access/rights", data={"csrf": csrf_of(r), "id": people["delegate"],
                                               "rights": "holder"}, allow_redirects=False)
    assert r.status_code == 400
    assert sql("SELECT rights FROM account_access WHERE subscriber_id = %d" % people["delegate"]) \
        == [("2",)]
    # Nor may the form touch the holder's own access.
    r = hs.get(BASE + "/access")
    assert hs.post(BASE + "/access/rights", data={"csrf": csrf_of(r), "id": people["holder"],
                                                  "rights": "view"},
                   allow_redirects=False).status_code == 404
    assert sql("SELECT rights FROM account_access WHERE subscriber_id = %d AND account_id = %d"
               % (people["holder"], ACCOUNT)) == [("15",)]


def test_an_invitation_works_once(people):
    hs = signed_in(*HOLDER)
    invite(hs, "delegate@example.org", "view")
    token = last_token("delegate@example.org")
    ds = signed_in(*DELEGATE)
    assert answer(ds, token).status_code == 303
    again = ds.get(BASE + "/access/accept", params={"token": token})
    refused(again, 410, "ru")
    r = ds.post(BASE + "/access/accept", data={"csrf": csrf_of(ds.get(BASE + "/accounts")),
                                               "token": token, "answer": "yes"},
                allow_redirects=False)
    assert r.status_code == 410


def test_an_expired_invitation_is_refused(people):
    hs = signed_in(*HOLDER)
    invite(hs, "delegate@example.org", "view")
    token = last_token("delegate@example.org")
    sql("UPDATE access_invitations SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND "
        "WHERE account_id = %d" % ACCOUNT)
    ds = signed_in(*DELEGATE, lang="en")
    r = ds.get(BASE + "/access/accept", params={"token": token})
    refused(r, 410, "en")
    assert "24 hours" in error_message(r)
    assert sql("SELECT COUNT(*) FROM account_access WHERE subscriber_id = %d"
               % people["delegate"]) == [("0",)]


def test_an_invitation_opened_by_someone_else_is_refused(people):
    hs = signed_in(*HOLDER)
    invite(hs, "delegate@example.org", "full")
    token = last_token("delegate@example.org")
    ss = signed_in(*STRANGER)
    refused(ss.get(BASE + "/access/accept", params={"token": token}), 403, "ru")
    r = ss.post(BASE + "/access/accept", data={"csrf": csrf_of(ss.get(BASE + "/accounts")),
                                               "token": token, "answer": "yes"},
                allow_redirects=False)
    assert r.status_code == 403
    assert sql("SELECT COUNT(*) FROM account_access WHERE subscriber_id = %d"
               % people["stranger"]) == [("0",)]
    # The holder following their own link is told it is theirs already... after
    # the address check, which it fails first: it was not sent to them.
    assert hs.get(BASE + "/access/accept", params={"token": token}).status_code == 403
    # The person it was sent to can still take it.
    assert answer(signed_in(*DELEGATE), token).status_code == 303


def test_an_invitation_by_phone_is_bound_to_the_phone(people):
    hs = signed_in(*HOLDER)
    r = invite(hs, "8 (912) 000-09-01", "readings")
    assert r.status_code == 303, error_message(r)
    assert sql("SELECT channel, address FROM outbox WHERE kind = 'access-invite' "
               "ORDER BY id DESC LIMIT 1") == [("sms", "+79120000901")]
    ds = signed_in(*DELEGATE)
    assert answer(ds, last_token("+79120000901")).status_code == 303
    assert ds.get(BASE + "/readings", allow_redirects=False).status_code == 200


def test_unknown_cancelled_and_declined_invitations(people):
    ds = signed_in(*DELEGATE)
    refused(ds.get(BASE + "/access/accept", params={"token": "A" * 43}), 404, "ru")
    refused(ds.get(BASE + "/access/accept", params={"token": "bad"}), 404, "ru")
    hs = signed_in(*HOLDER)
    invite(hs, "delegate@example.org", "view")
    token = last_token("delegate@example.org")
    inv = sql("SELECT id FROM access_invitations WHERE account_id = %d ORDER BY id DESC LIMIT 1"
              % ACCOUNT)[0][0]
    r = hs.get(BASE + "/access")
    assert doc(r).get_element_by_id("invitation-%s" % inv) is not None
    r = hs.post(BASE + "/access/cancel", data={"csrf": csrf_of(r), "id": inv},
                allow_redirects=False)
    assert r.status_code == 303
    refused(ds.get(BASE + "/access/accept", params={"token": token}), 410, "ru")
    # Declining: the invitation ends, and no access is given.
    invite(hs, "delegate@example.org", "view")
    r = answer(ds, last_token("delegate@example.org"), yes=False)
    assert r.status_code == 303 and r.headers["Location"] == "/accounts?done=declined"
    assert sql("SELECT COUNT(*) FROM account_access WHERE subscriber_id = %d"
               % people["delegate"]) == [("0",)]


def test_the_link_signed_out_leads_to_sign_in_and_back(people):
    hs = signed_in(*HOLDER)
    invite(hs, "delegate@example.org", "view")
    token = last_token("delegate@example.org")
    s = new_client()
    r = s.get(BASE + "/access/accept", params={"token": token}, allow_redirects=False)
    assert r.status_code in (302, 303) and "/login?next=" in r.headers["Location"]
    assert "access%2Faccept" in r.headers["Location"] or "access/accept" in r.headers["Location"]


@pytest.mark.parametrize("contact, rights, status, field", [
    ("", "view", 400, "contact"),
    ("not an address", "view", 400, "contact"),
    ("delegate@example.org", "", 400, "rights"),
    ("delegate@example.org", "holder", 400, "rights"),
    ("holder@example.org", "view", 422, "contact"),
])
def test_bad_invitations_are_refused_beside_the_field_and_kept(people, contact, rights, status,
                                                               field):
    hs = signed_in(*HOLDER, lang="en")
    before = sql("SELECT COUNT(*) FROM access_invitations")[0][0]
    r = invite(hs, contact, rights)
    assert r.status_code == status
    d = doc(r)
    assert d.get_element_by_id("error-" + field) is not None
    assert written_in(d.get_element_by_id("error-" + field).text_content(), "en")
    assert d.get_element_by_id("contact").get("value") == contact
    assert sql("SELECT COUNT(*) FROM access_invitations")[0][0] == before


def test_invitations_a_day_are_limited(people):
    hs = signed_in(*HOLDER)
    sql("INSERT INTO access_invitations (token_hash, account_id, holder_id, contact, rights, "
        "created_at, expires_at, cancelled_at) SELECT UNHEX(SHA2(CONCAT('t', seq), 256)), %d, %d, "
        "'x@example.org', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 DAY, "
        "UTC_TIMESTAMP(6) FROM seq_1_to_20" % (OTHER, people["holder"]))
    r = invite(hs, "delegate@example.org", "view")
    refused(r, 429, "ru")


def test_leaving_and_the_holder_unlinking_end_access(people):
    hs = signed_in(*HOLDER)
    ds = shared(hs, "delegate@example.org", "view")
    listing = doc(ds.get(BASE + "/accounts"))
    assert listing.get_element_by_id("shared-%d" % ACCOUNT) is not None
    r = ds.post(BASE + "/accounts/leave", data={"csrf": csrf_of(ds.get(BASE + "/accounts")),
                                                "id": ACCOUNT}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/accounts?done=left"
    assert ds.get(BASE + "/services", allow_redirects=False).status_code in (200, 303)
    assert str(ACCOUNT) not in ds.get(BASE + "/accounts?format=xml").content.decode()
    # Shared again, then the holder unlinks the account: the access they gave goes too.
    ds = shared(hs, "delegate@example.org", "view")
    r = hs.get(BASE + "/accounts/remove?id=%d" % ACCOUNT)
    r = hs.post(BASE + "/accounts/remove", data={"csrf": csrf_of(r), "id": ACCOUNT,
                                                 "answer": "yes"}, allow_redirects=False)
    assert r.status_code == 303
    assert sql("SELECT COUNT(*) FROM account_access WHERE account_id = %d" % ACCOUNT) == [("0",)]
    assert str(ACCOUNT) not in ds.get(BASE + "/accounts?format=xml").content.decode()


def test_the_console_shows_who_shares_whose_account(people):
    """An operator on the phone about access sees, on the holder's page, whom each account is
    shared with and with what rights, and on the delegate's whose accounts they may use; a
    staff member of another organization sees neither."""
    from test_admin import make_staff, sign_in
    hs = signed_in(*HOLDER)
    shared(hs, "delegate@example.org", "pay")
    admin = staff_signed_in(lang="en")
    x = lxml.etree.fromstring(admin.get(
        BASE + "/admin/subscriber?id=%d&format=xml" % people["holder"]).content)
    assert [(d.get("account"), d.get("id"), d.get("rights"), d.findtext("login"))
            for d in x.xpath("//subscriber/delegates/delegate")] == \
        [(str(ACCOUNT), str(people["delegate"]), "pay", DELEGATE[0])]
    page = doc(admin.get(BASE + "/admin/subscriber?id=%d" % people["holder"]))
    item = page.get_element_by_id("account-%d" % ACCOUNT).text_content()
    assert "Жилец Квартиры (access-delegate) — view and pay" in item, item
    assert "Shared with" not in page.get_element_by_id("account-%d" % OTHER).text_content()
    assert page.get_element_by_id("no-shared") is not None
    # The delegate's page: the account, its rights and its holder, in the console's language.
    page = doc(admin.get(BASE + "/admin/subscriber?id=%d" % people["delegate"]))
    row = page.get_element_by_id("shared-%d" % ACCOUNT)
    assert "view and pay; shared by %s" % HOLDER[0] in row.text_content(), row.text_content()
    assert row.xpath("a/@href") == ["/admin/subscriber?id=%d" % people["holder"]]
    # A search finds the delegate too, with the account they may use.
    found = lxml.etree.fromstring(admin.get(
        BASE + "/admin/subscribers?by=login&q=%s&format=xml" % DELEGATE[0]).content)
    number = sql("SELECT number FROM accounts WHERE id = %d" % ACCOUNT)[0][0]
    assert [(r.findtext("login"), r.findtext("number")) for r in
            found.xpath("//search/rows/row[@subscriber='%d']" % people["delegate"])] == \
        [(DELEGATE[0], number)]
    ru = doc(staff_signed_in().get(BASE + "/admin/subscriber?id=%d" % people["delegate"]))
    assert "просмотр и оплата; дал доступ" in ru.get_element_by_id("shared-%d" % ACCOUNT) \
        .text_content()
    # Staff of another organization only: nothing of organization 1's accounts.
    make_staff("access-org2", "operator", [2])
    other = sign_in("access-org2", "staff-password-1")
    for who in ("holder", "delegate"):
        r = other.get(BASE + "/admin/subscriber?id=%d&format=xml" % people[who])
        if r.status_code == 200:
            x = lxml.etree.fromstring(r.content)
            assert not x.xpath("//subscriber/delegates/delegate | //subscriber/shared/account")
        else:
            assert r.status_code == 404, r.status_code


def test_the_invitation_is_delivered_with_its_link_and_forgotten_once_sent(people):
    from test_delivery import deliver, mails, new_mails
    assert deliver().returncode == 0  # what earlier tests queued
    hs = signed_in(*HOLDER)
    invite(hs, "delegate@example.org", "pay")
    token = last_token("delegate@example.org")
    before = mails()
    out = deliver()
    assert out.returncode == 0, out.stderr
    sent = [m for m in new_mails(before) if m["To"] == "delegate@example.org"]
    assert len(sent) == 1
    body = sent[0].get_body(preferencelist=("plain",)).get_content()
    assert "/access/accept?token=" + token in body
    assert "/access/join?token=" + token in body  # for someone with no login yet
    assert "Владелец Счёта" in body and "Просмотр и оплата" in body
    # Sent, the link is no longer kept anywhere but in the invitee's mailbox.
    assert sql("SELECT params FROM outbox WHERE kind = 'access-invite' AND address = "
               "'delegate@example.org' ORDER BY id DESC LIMIT 1") == [("<gone/>",)]
    # Nor in the holder's messages in the cabinet.
    assert sql("SELECT COUNT(*) FROM inbox WHERE kind = 'access-invite'") == [("0",)]


# ------------------------------------------------------------------ companies (sql/052)

def company(s, **fields):
    r = s.get(BASE + "/access")
    data = dict({"name": "ООО «Ромашка»", "tax_id": "7707083893", "kpp": "770701001",
                 "address": "г. Энск, ул. Заводская, д. 5"}, **fields)
    return s.post(BASE + "/access/company", data=dict(data, csrf=csrf_of(r)),
                  allow_redirects=False)


@pytest.mark.parametrize("field, value", [
    ("tax_id", "7707083894"), ("tax_id", "12345"), ("tax_id", "abcdefghij"), ("kpp", "12345"),
    ("kpp", "7707010011"), ("name", ""), ("address", ""),
])
def test_a_company_with_bad_details_is_refused_beside_the_field(people, field, value):
    hs = signed_in(*HOLDER, lang="en")
    r = company(hs, **{field: value})
    assert r.status_code == 400
    d = doc(r)
    assert written_in(d.get_element_by_id("error-" + field).text_content(), "en")
    assert d.get_element_by_id("company-" + field.replace("_", "-")).get("value") == value
    assert sql("SELECT COUNT(*) FROM account_companies WHERE account_id = %d" % ACCOUNT) \
        == [("0",)]


def test_a_companys_owner_accountant_and_viewer(people):
    from test_documents import ask, made
    hs = signed_in(*HOLDER)
    try:
        assert company(hs).status_code == 303
        # A Kazakh BIN passes too, and no KPP is needed; a BIN with a wrong check digit fails.
        assert company(hs, tax_id="940740000911", kpp="").status_code == 303
        assert sql("SELECT tax_id, kpp FROM account_companies WHERE account_id = %d" % ACCOUNT) \
            == [("940740000911", "NULL")]
        assert company(hs, tax_id="090740000100").status_code == 400
        assert company(hs).status_code == 303
        page = doc(hs.get(BASE + "/access"))
        assert "Бухгалтер" in page.get_element_by_id("rights").text_content()
        # The owner invites an accountant; the accountant asks for an invoice.
        accountant = shared(hs, "delegate@example.org", "full")
        inv = made(ask(accountant, "777"))
        x = lxml.etree.fromstring(accountant.get(BASE + "/documents/invoice?id=%d&format=xml"
                                                 % inv).content)
        assert x.xpath("//invoice/company/name/text()") == ["ООО «Ромашка»"]
        assert x.xpath("//invoice/company/kpp/text()") == ["770701001"]
        html = doc(accountant.get(BASE + "/documents/invoice?id=%d" % inv))
        assert "ООО «Ромашка»" in html.get_element_by_id("invoice-payer").text_content()
        assert accountant.get(BASE + "/access", allow_redirects=False).status_code == 404
        # Made a viewer: sees the invoice, may neither pay it nor ask for another.
        r = hs.get(BASE + "/access")
        assert hs.post(BASE + "/access/rights", data={"csrf": csrf_of(r), "id": people["delegate"],
                                                      "rights": "view"},
                       allow_redirects=False).status_code == 303
        assert accountant.get(BASE + "/documents/invoice?id=%d" % inv,
                              allow_redirects=False).status_code == 200
        assert doc(accountant.get(BASE + "/documents/invoice?id=%d" % inv)).xpath(
            '//*[@id="invoice-pay"]') == []
        assert ask(accountant, "5").status_code == 404
        # The owner removes them.
        r = hs.get(BASE + "/access")
        hs.post(BASE + "/access/revoke", data={"csrf": csrf_of(r), "id": people["delegate"]})
        assert accountant.get(BASE + "/documents/invoice?id=%d" % inv,
                              allow_redirects=False).status_code == 404
        # Back to a person's account: the payer is the person again.
        r = hs.get(BASE + "/access")
        assert hs.post(BASE + "/access/company", data={"csrf": csrf_of(r), "answer": "off"},
                       allow_redirects=False).status_code == 303
        x = lxml.etree.fromstring(hs.get(BASE + "/documents/invoice?id=%d&format=xml"
                                         % inv).content)
        assert x.xpath("//invoice/company") == []
    finally:
        sql("DELETE FROM account_companies WHERE account_id = %d" % ACCOUNT)


def test_everything_but_inviting_includes_appeals_and_autopay(people):
    from test_appeals import send, topic_of
    hs = signed_in(*HOLDER)
    ds = shared(hs, "delegate@example.org", "full")
    # An appeal about the shared account, recorded as the delegate's.
    r = send(ds, account=ACCOUNT)
    assert r.status_code == 303, (r.status_code, error_message(r))
    assert sql("SELECT subscriber_id, account_id FROM appeals WHERE subscriber_id = %d"
               % people["delegate"]) == [(str(people["delegate"]), str(ACCOUNT))]
    # An autopay of theirs is listed and would run while they have every right...
    sql("INSERT INTO autopays (subscriber_id, account_id, provider, method_id, method_title, day, "
        "max_amount, created_at) VALUES (%d, %d, 'yookassa', 'pm-delegate', 'Card *4444', 5, "
        "100000, NOW(6))" % (people["delegate"], ACCOUNT))
    page = ds.get(BASE + "/payments/autopay?format=xml").content.decode()
    assert "Card *4444" in page
    # ...and goes when the rights go down: it never wakes up again.
    r = hs.get(BASE + "/access")
    assert hs.post(BASE + "/access/rights", data={"csrf": csrf_of(r), "id": people["delegate"],
                                                  "rights": "pay"},
                   allow_redirects=False).status_code == 303
    assert sql("SELECT COUNT(*) FROM autopays WHERE subscriber_id = %d" % people["delegate"]) \
        == [("0",)]
    # A view-only delegate can file no appeal about the account.
    r = hs.get(BASE + "/access")
    hs.post(BASE + "/access/rights", data={"csrf": csrf_of(r), "id": people["delegate"],
                                           "rights": "view"})
    r = send(ds, account=ACCOUNT, topic=topic_of(ACCOUNT))
    assert r.status_code == 422
    # The holder unlinking the account takes a delegate's autopay with it.
    r = hs.get(BASE + "/access")
    hs.post(BASE + "/access/rights", data={"csrf": csrf_of(r), "id": people["delegate"],
                                           "rights": "full"})
    sql("INSERT INTO autopays (subscriber_id, account_id, provider, method_id, method_title, day, "
        "max_amount, created_at) VALUES (%d, %d, 'yookassa', 'pm-delegate', 'Card *4444', 5, "
        "100000, NOW(6))" % (people["delegate"], ACCOUNT))
    sql("DELETE FROM subscriber_accounts WHERE subscriber_id = %d AND account_id = %d"
        % (people["holder"], ACCOUNT))
    assert sql("SELECT COUNT(*) FROM autopays WHERE subscriber_id = %d" % people["delegate"]) \
        == [("0",)]
    sql("DELETE FROM appeals WHERE subscriber_id = %d" % people["delegate"])


# ------------------------------------------------------------------ joining without a login

NEWCOMER = "newcomer@example.org"
STRONG = "a tenant's long pass phrase 2026"


def join(s, token, name="Жилец Новый", pw=STRONG, confirm=None):
    r = s.get(BASE + "/access/join", params={"token": token})
    return s.post(BASE + "/access/join", data={"csrf": csrf_of(r), "token": token, "name": name,
                                               "new_password": pw,
                                               "confirm_password": confirm or pw},
                  allow_redirects=False)


@pytest.fixture
def newcomer():
    sql("DELETE FROM subscribers WHERE login IN ('%s', '+79120000977')" % NEWCOMER)
    yield
    sql("DELETE FROM subscribers WHERE login IN ('%s', '+79120000977')" % NEWCOMER)


def test_someone_without_a_login_makes_one_from_the_invitation(people, newcomer):
    hs = signed_in(*HOLDER)
    invite(hs, NEWCOMER, "readings")
    token = last_token(NEWCOMER)
    s = new_client()
    page = s.get(BASE + "/access/join", params={"token": token})
    assert page.status_code == 200
    assert doc(page).get_element_by_id("join-login").text_content() == NEWCOMER
    r = join(s, token)
    # No session yet: the sign-in page, saying the login is made, with the login filled in.
    assert r.status_code == 303
    assert r.headers["Location"] == ("/login?done=joined&next=%2Faccounts%3Fdone%3Dshared"
                                     "&login=newcomer%40example.org")
    assert "session" not in s.cookies
    page = s.get(BASE + r.headers["Location"])
    d = doc(page)
    assert d.get_element_by_id("login").get("value") == NEWCOMER
    assert written_in(d.get_element_by_id("done").text_content(), "ru")
    assert sql("SELECT full_name, email, phone FROM subscribers WHERE login = '%s'" % NEWCOMER) \
        == [("Жилец Новый", NEWCOMER, "NULL")]
    # Signing in there lands on the account shared with them, with the invitation's rights.
    r = s.post(BASE + "/login", data={"csrf": csrf_of(page), "login": NEWCOMER,
                                      "password": STRONG, "next": "/accounts?done=shared"},
               allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"] == "/accounts?done=shared"
    assert s.get(BASE + "/readings", allow_redirects=False).status_code == 200
    assert s.get(BASE + "/services", allow_redirects=False).status_code == 404
    assert sql("SELECT rights FROM account_access aa JOIN subscribers s "
               "ON s.id = aa.subscriber_id WHERE s.login = '%s'" % NEWCOMER) == [("2",)]
    # The link is spent.
    refused(new_client().get(BASE + "/access/join", params={"token": token}), 410, "ru")


def test_joining_by_phone_and_the_refusals(people, newcomer):
    hs = signed_in(*HOLDER)
    invite(hs, "+7 912 000-09-77", "view")
    token = last_token("+79120000977")
    s = new_client("en")
    # A weak password, a mismatch, no name: each beside its field, the name kept.
    r = join(s, token, pw="password")
    assert r.status_code in (400, 422) and doc(r).get_element_by_id("error-new_password") \
        is not None
    r = join(s, token, confirm="something else entirely 2026")
    assert r.status_code == 422 and doc(r).get_element_by_id("error-confirm_password") \
        is not None
    r = join(s, token, name="")
    assert r.status_code == 400
    assert written_in(doc(r).get_element_by_id("error-name").text_content(), "en")
    assert sql("SELECT COUNT(*) FROM subscribers WHERE login = '+79120000977'") == [("0",)]
    r = join(s, token)
    # A phone's '+' is escaped, so the sign-in page fills in the phone, not " 7912…".
    assert r.status_code == 303 and r.headers["Location"].endswith("&login=%2B79120000977")
    assert doc(s.get(BASE + r.headers["Location"])).get_element_by_id("login").get("value") \
        == "+79120000977"
    assert sql("SELECT phone, email FROM subscribers WHERE login = '+79120000977'") == \
        [("+79120000977", "NULL")]
    # A second invitation to the same phone: the login exists, so sign in instead.
    invite(hs, "+7 912 000-09-77", "pay")
    r = join(new_client("en"), last_token("+79120000977"))
    refused(r, 409, "en")
    # Signed in, the join link is the accept page.
    t = last_token("+79120000977")
    me = signed_in("+79120000977", STRONG)
    r = me.get(BASE + "/access/join", params={"token": t}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].startswith("/access/accept?token=")
    # A made-up or expired link.
    refused(new_client().get(BASE + "/access/join", params={"token": "A" * 43}), 404, "ru")
    sql("UPDATE access_invitations SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND "
        "WHERE account_id = %d" % ACCOUNT)
    refused(new_client().get(BASE + "/access/join", params={"token": t}), 410, "ru")
