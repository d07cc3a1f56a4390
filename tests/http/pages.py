"""Every page the programs render, in one list for the tests that walk them all."""
import datetime

from conftest import BASE, csrf_of, login, new_client, signed_in, sql, staff_signed_in


def last_month():
    d = datetime.date.today().replace(day=1) - datetime.timedelta(days=1)
    return d.strftime("%Y-%m")


def latest_payment():
    """A succeeded online payment for the console's payment pages (the demo has some)."""
    rows = sql("SELECT MAX(id) FROM online_payments WHERE status = 'succeeded' "
               "AND idem_key NOT LIKE 'fiscal-page-%'")  # demo_paid_online pays for no account
    return rows[0][0] if rows and rows[0][0] != "NULL" else 1


def demo_appeal():
    """demo2's appeal of the demo data (tools/stack.sh, db_demo_appeal)."""
    rows = sql("SELECT MIN(ap.id) FROM appeals ap JOIN subscribers s ON s.id = ap.subscriber_id "
               "WHERE s.login = 'demo2'")
    return rows[0][0] if rows and rows[0][0] != "NULL" else 1


# Forms with files: their POSTs are multipart/form-data, as a browser sends them.
MULTIPART = ("/appeals/new", "/appeals/reply", "/admin/help/form", "/admin/appeal/answer")


_imports = {}


def request_topic(form):
    """The demo organization's topic of a service request's form (sql/036)."""
    rows = sql("SELECT id FROM appeal_topics WHERE organization_id = 1 AND form = '%s'" % form)
    return rows[0][0] if rows else 1


# An invitation of demo's to demo2, live for the page that offers it (issue 24).
INVITATION_TOKEN = "QUFB" * 10 + "QUE"


def demo_invitation():
    """The accept page's link: demo invites demo2 (by e-mail) to view account 1."""
    from conftest import blake2b_hex
    sql("DELETE FROM access_invitations WHERE token_hash = UNHEX('%s')"
        % blake2b_hex(INVITATION_TOKEN))
    sql("INSERT INTO access_invitations (token_hash, account_id, holder_id, contact, rights, "
        "created_at, expires_at) SELECT UNHEX('%s'), 1, id, 'demo2@example.org', 1, "
        "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 DAY FROM subscribers WHERE login = 'demo'"
        % blake2b_hex(INVITATION_TOKEN))
    return INVITATION_TOKEN


SHARED_ACCOUNT = 1977  # generated; no test uses it


def sharing_pair():
    """A holder of a generated account who shares it with another subscriber, for the
    console's subscriber pages (their delegates, and whose accounts they use): made once."""
    from conftest import make_subscriber
    got = sql("SELECT h.id, d.id FROM subscribers h JOIN subscribers d ON d.login = "
              "'pages-delegate' JOIN account_access x ON x.subscriber_id = d.id AND "
              "x.granted_by = h.id WHERE h.login = 'pages-holder'")
    if got:
        return int(got[0][0]), int(got[0][1])
    sql("DELETE FROM subscribers WHERE login = 'pages-delegate'")
    holder = make_subscriber("pages-holder", "Pages-holder-2026!", [SHARED_ACCOUNT],
                             name="Владелец Общего Счёта")
    delegate = make_subscriber("pages-delegate", "Pages-delegate-2026!", [],
                               name="Жилец Общего Счёта")
    sql("INSERT INTO account_access (subscriber_id, account_id, rights, granted_by, granted_at) "
        "VALUES (%d, %d, 5, %d, UTC_TIMESTAMP(6))" % (delegate, SHARED_ACCOUNT, holder))
    return holder, delegate


def demo_paid_online():
    """A card payment of demo's with its fiscal receipt (sql/053), as settling keeps them.
    Whole, so that money still balances (test_payments, test_billing): its payments row
    and line are on a generated account no test uses, in January 2001, a month nobody
    bills, so no ledger row is owed it."""
    key = "fiscal-page-" + "k" * 31
    rows = sql("SELECT op.id FROM online_payments op JOIN subscribers s ON s.id = op.subscriber_id "
               "WHERE s.login = 'demo' AND op.idem_key = '%s'" % key)
    if rows:
        return rows[0][0]
    sql("INSERT INTO online_payments (subscriber_id, idem_key, kind, provider, provider_id, "
        "status, amount, currency, lang, created_at, settled_at) SELECT id, '%s', 'card', "
        "'yookassa', 'fiscal-page-payment', 'succeeded', 150000, 'RUB', 'ru', NOW(6), NOW(6) "
        "FROM subscribers WHERE login = 'demo'" % key)
    oid = sql("SELECT id FROM online_payments WHERE idem_key = '%s'" % key)[0][0]
    sql("INSERT INTO payments (account_id, paid_at, amount, channel, bank, status, online_id) "
        "VALUES (1027, '2001-01-15 10:00:00', 150000, 'card', 'ЮKassa', 'succeeded', %s)" % oid)
    sql("INSERT INTO payment_lines (payment_id, service_id, period, amount) "
        "SELECT id, 1, '2001-01-01', 150000 "
        "FROM payments WHERE online_id = %s" % oid)
    sql("INSERT INTO fiscal_receipts VALUES (%s, 'rc-page', '9999078900004312', '77', "
        "'3522178452', UTC_TIMESTAMP())" % oid)
    return oid


_invoice = []


def demo_invoice():
    """An invoice of demo2's current account, asked for as a subscriber asks (once a run)."""
    import re
    if not _invoice:
        s = signed_in(*DEMO2)
        r = s.get(BASE + "/documents")
        r = s.post(BASE + "/documents/invoices", data={"csrf": csrf_of(r), "amount": "1500,00"},
                   allow_redirects=False)
        _invoice.append(re.search(r"id=(\d+)", r.headers["Location"]).group(1))
    return _invoice[0]


def demo_news():
    """The first organization's announcement of the demo data (tools/stack.sh)."""
    rows = sql("SELECT MIN(id) FROM news WHERE title_en = 'Planned hot water outage'")
    return rows[0][0] if rows and rows[0][0] != "NULL" else 1


def demo_message():
    """The demo's message in its inbox (tools/stack.sh, db_demo_news_inbox)."""
    rows = sql("SELECT MIN(i.id) FROM inbox i JOIN subscribers s ON s.id = i.subscriber_id "
               "WHERE s.login = 'demo'")
    return rows[0][0] if rows and rows[0][0] != "NULL" else 1


def demo_import(status):
    """An import of the demo organization in this state ("checked", "refused"), made once
    by the import command from the example files."""
    import os
    import subprocess
    import tempfile
    from conftest import ENV, RELEASE, ROOT
    if status not in _imports:
        if status == "checked":
            path = os.path.join(ROOT, "docs", "exchange", "charges.csv")
        else:
            fd, path = tempfile.mkstemp(suffix=".csv")
            os.write(fd, "account,service,period,opening,charge,closing\n"
                         "1000456701,electricity,2026-13,1,x,<b>2</b>\n".encode())
            os.close(fd)
        subprocess.run([os.path.join(RELEASE, "kabinet-import"), "--org", "1", "--kind",
                        "charges", "--dry-run", "--as", "pages", path], capture_output=True,
                       env=dict(os.environ, PORTAL_CONFIG=os.path.join(ENV, "portal.ini")))
        _imports[status] = sql("SELECT MAX(id) FROM imports WHERE status = '%s' AND "
                               "created_by = 'pages'" % status)[0][0]
    return _imports[status]


def every_page():
    """Every page of the list below, each GET page in both languages."""
    pages = listed_pages()
    seen = {(p[0], p[1], p[3], p[4]) for p in pages}
    for path, method, data, needs_session, lang in list(pages):
        other = "en" if lang == "ru" else "ru"
        if method == "GET" and (path, method, needs_session, other) not in seen:
            seen.add((path, method, needs_session, other))
            pages.append((path, method, data, needs_session, other))
    return pages


def listed_pages():
    """(path, method, data, needs_session, lang) for every page a program renders.
    A POST's data gets the page's CSRF token unless it brings its own.

    The renderer parity test, the HTML checker and the accessibility and
    narrow-screen checks all walk this list: a new page joins them by
    being added here.  Signed-in pages are seen as demo2; the operator
    console's (needs_session "staff") as the demo administrator.
    """
    return [
        ("/login", "GET", None, False, "ru"),
        ("/login", "GET", None, False, "en"),
        ("/login?next=/x%3Fa%3D1", "GET", None, False, "ru"),
        ("/login?done=out", "GET", None, False, "en"),
        ("/login?done=joined&next=%2Faccounts%3Fdone%3Dshared&login=%2B79120000977", "GET", None,
         False, "ru"),
        ("/login", "POST", {"login": "demo", "password": "wrong"}, False, "ru"),
        ("/login", "POST", {"login": "<b>x</b>", "password": "wrong"}, False, "en"),
        ("/login", "POST", {"login": "", "password": ""}, False, "ru"),
        ("/", "GET", None, True, "ru"),
        ("/", "GET", None, True, "en"),
        ("/nope", "GET", None, True, "ru"),
        ("/nope", "GET", None, False, "en"),
        ("/logout", "GET", None, True, "ru"),
        ("/lang?to=xx", "GET", None, False, "ru"),
        ("/login?x=%ZZ", "GET", None, False, "en"),
        ("/accounts", "GET", None, True, "ru"),
        ("/accounts", "GET", None, True, "en"),
        ("/accounts?done=added", "GET", None, True, "en"),
        ("/accounts/add", "GET", None, True, "ru"),
        ("/accounts/add", "POST", {"org": "1", "number": "x/y", "month": "13", "year": "1",
                                   "amount": "-1"}, True, "en"),
        ("/accounts/add", "POST", {"org": "1", "number": "1000789004", "month": "1",
                                   "year": "2001", "amount": "1.00"}, True, "ru"),
        ("/accounts/info?id=3", "GET", None, True, "ru"),
        ("/accounts/info?id=1", "GET", None, True, "en"),
        ("/accounts/remove?id=3", "GET", None, True, "en"),
        ("/documents", "GET", None, True, "ru"),
        ("/documents?from=2025-01&to=2025-12", "GET", None, True, "en"),
        ("/documents?from=2026-13", "GET", None, True, "ru"),
        ("/documents/invoices", "POST", {"amount": "-1", "service": "999"}, True, "en"),
        ("/documents/invoice?id=" + demo_invoice(), "GET", None, True, "ru"),
        ("/documents/invoice?id=999999999", "GET", None, True, "en"),
        ("/accounts/alert", "GET", None, True, "ru"),
        ("/accounts/alert?done=alert-set", "GET", None, True, "en"),
        ("/accounts/alert", "POST", {"threshold": "<b>x</b>"}, True, "en"),
        ("/access", "GET", None, True, "ru"),
        ("/access?done=invited", "GET", None, True, "en"),
        ("/access/invite", "POST", {"contact": "<b>x</b>", "rights": "holder"}, True, "en"),
        ("/access/invite", "POST", {"contact": "demo2@example.org", "rights": "pay"}, True, "ru"),
        ("/access/company", "POST", {"name": "", "tax_id": "123", "kpp": "x", "address": ""},
         True, "en"),
        ("/access/accept?token=" + demo_invitation(), "GET", None, True, "ru"),
        ("/access/accept?token=" + "A" * 43, "GET", None, True, "en"),
        ("/access/join?token=" + demo_invitation(), "GET", None, False, "ru"),
        ("/access/join?token=" + "A" * 43, "GET", None, False, "en"),
        ("/access/join", "POST", {"token": INVITATION_TOKEN, "name": "", "new_password": "x",
                                  "confirm_password": "y"}, False, "en"),
        ("/access/accept", "POST", {"token": INVITATION_TOKEN, "answer": "maybe"}, True, "ru"),
        ("/services", "GET", None, True, "ru"),
        ("/services?service=1", "GET", None, True, "en"),
        ("/services?done=promised", "GET", None, True, "en"),
        ("/events", "GET", None, True, "ru"),
        ("/events?from=2026-01&to=2026-12", "GET", None, True, "en"),
        ("/events?from=2026-13", "GET", None, True, "ru"),
        ("/usage", "GET", None, True, "ru"),
        ("/usage?kind=call", "GET", None, True, "en"),
        ("/usage?kind=session&from=2026-01&to=2026-12", "GET", None, True, "ru"),
        ("/usage?kind=fax", "GET", None, True, "en"),
        ("/services?from=2026-05&to=2026-01", "GET", None, True, "ru"),
        ("/services?from=abc", "GET", None, True, "en"),
        ("/services/statement?service=1", "GET", None, True, "ru"),
        ("/services/reconciliation", "GET", None, True, "ru"),
        ("/services/rendered", "GET", None, True, "en"),
        ("/services/rendered?month=2001-01", "GET", None, True, "ru"),
        ("/services/rendered?month=" + last_month(), "GET", None, True, "ru"),
        ("/services/reconciliation?from=2025-06&to=2026-05", "GET", None, True, "en"),
        ("/services/reconciliation?from=2026-05&to=2026-01", "GET", None, True, "ru"),
        ("/services/statement?service=6", "GET", None, True, "en"),
        ("/readings", "GET", None, True, "ru"),
        ("/readings", "POST", {"action": "preview", "m4z1": "20950", "m4z2": "8600"}, True, "en"),
        ("/readings", "POST", {"action": "preview", "m4z1": "1", "m4z2": "x"}, True, "ru"),
        ("/readings", "GET", None, True, "en"),
        ("/readings/history?meter=4", "GET", None, True, "ru"),
        ("/readings/history?meter=4", "GET", None, True, "en"),
        ("/payments", "GET", None, True, "ru"),
        ("/payments?all=1&from=2025-01&to=2026-12", "GET", None, True, "en"),
        ("/payments?from=2026-05&to=2026-01", "GET", None, True, "ru"),
        ("/payments?all=1&from=2025-01&to=2026-12&service=1&channel=card&sort=largest", "GET",
         None, True, "ru"),
        ("/payments?channel=telegraph", "GET", None, True, "en"),
        ("/payments?all=1&sort=oldest&channel=bank", "GET", None, True, "en"),
        ("/payments/pay", "POST", {"action": "preview", "key": "k" * 43, "a3": "100"}, True, "ru"),
        ("/payments/pay", "POST", {"action": "preview", "key": "k" * 43, "a3": "1,234"}, True,
         "en"),
        ("/payments/pay", "POST", {"action": "preview", "key": "k" * 43, "s3-1": "abc",
                                   "s3-2": "12"}, True, "ru"),
        ("/payments/pay", "GET", None, True, "ru"),
        ("/payments/pay", "GET", None, True, "en"),
        ("/payments/result?id=" + demo_paid_online(), "GET", None, True, "ru"),
        ("/payments/result?id=" + demo_paid_online(), "GET", None, True, "en"),
        ("/payments/autopay", "GET", None, True, "ru"),
        ("/payments/autopay", "GET", None, True, "en"),
        ("/receipts", "GET", None, True, "ru"),
        ("/receipts?from=2026-05&to=2026-01", "GET", None, True, "en"),
        ("/receipts/view?month=" + last_month(), "GET", None, True, "ru"),
        ("/receipts/view?month=" + last_month(), "GET", None, True, "en"),
        ("/receipts/print?month=" + last_month(), "GET", None, True, "ru"),
        ("/receipts/view?month=2026-13", "GET", None, True, "en"),
        ("/receipts/view?month=%s&account=1" % last_month(), "GET", None, True, "ru"),
        ("/settings", "GET", None, True, "ru"),
        ("/settings?done=profile", "GET", None, True, "en"),
        ("/settings/profile", "POST", {"full_name": "", "mobile": "x"}, True, "ru"),
        ("/settings/password", "GET", None, True, "en"),
        ("/settings/password", "POST", {"current_password": "wrong", "new_password": "x",
                                        "confirm_password": "y"}, True, "ru"),
        ("/settings/sessions", "GET", None, True, "ru"),
        ("/settings/2fa", "GET", None, True, "ru"),
        ("/settings/2fa/on", "POST", {"current_password": "wrong"}, True, "en"),
        ("/settings/2fa/on", "POST", {"current_password": "wrong", "method": "sms"}, True,
         "ru"),
        ("/settings/2fa/enrol", "GET", None, "enrol-app", "ru"),
        ("/settings/2fa/enrol?done=sent", "GET", None, "enrol-sms", "en"),
        ("/settings/2fa/enrol", "POST", {"code": "12"}, "enrol-sms", "ru"),
        ("/login/code", "GET", None, "step-app", "en"),
        ("/login/code?done=sent", "GET", None, "step-sms", "ru"),
        ("/login/code?done=too-many", "GET", None, "step-sms", "en"),
        ("/login/code", "POST", {"code": "000000"}, "step-sms", "ru"),
        ("/settings/sessions?done=ended", "GET", None, True, "en"),
        ("/appeals", "GET", None, True, "ru"),
        ("/appeals?done=closed", "GET", None, True, "en"),
        ("/appeals/new", "GET", None, True, "ru"),
        ("/appeals/new", "POST", {"topic": "", "account": "", "text": ""}, True, "en"),
        ("/appeals/new", "POST", {"topic": "999999", "account": "3", "text": "<b>Текст</b>"}, True,
         "ru"),
        ("/appeals/new?topic=%s" % request_topic("meter"), "GET", None, True, "en"),
        ("/appeals/new?topic=%s" % request_topic("sms-info"), "GET", None, True, "ru"),
        ("/appeals/new?topic=%s" % request_topic("owner"), "GET", None, True, "ru"),
        ("/appeals/new?topic=%s" % request_topic("due-date"), "GET", None, True, "en"),
        ("/appeals/new", "POST", {"topic": request_topic("absence"), "account": "1",
                                  "text": "Заявка", "from_on": "2026-13-01", "to_on": ""},
         True, "ru"),
        ("/appeals/view?id=%s" % demo_appeal(), "GET", None, True, "ru"),
        ("/appeals/view?id=%s&done=sent" % demo_appeal(), "GET", None, True, "en"),
        ("/appeals/view?id=999999999", "GET", None, True, "ru"),
        ("/appeals/reply", "POST", {"id": demo_appeal(), "text": ""}, True, "ru"),
        # A form with a forged token: the 403 page.
        ("/settings/profile", "POST", {"csrf": "forged", "full_name": "X"}, True, "ru"),
        ("/settings/email", "GET", None, True, "ru"),
        ("/settings/email", "POST", {"email": "not an address"}, True, "en"),
        ("/register", "GET", None, False, "ru"),
        ("/register", "POST", {"org": "1", "number": "", "email": "x", "phone": "1"}, False, "en"),
        ("/register/sent", "GET", None, False, "ru"),
        ("/recover", "GET", None, False, "en"),
        ("/recover", "POST", {"who": "", "method": "sms"}, False, "ru"),
        ("/recover/code?h=" + "A" * 43, "GET", None, False, "ru"),
        ("/recover/link?token=" + "A" * 43, "GET", None, False, "en"),
        ("/recover/sent", "GET", None, False, "en"),
        ("/recover/done", "GET", None, False, "ru"),
        ("/email/confirm?token=" + "A" * 43, "GET", None, False, "ru"),
        ("/calculator", "GET", None, False, "ru"),
        ("/calculator?org=1&plan=3", "GET", None, True, "en"),
        ("/calculator", "POST", {"org": "1", "plan": "2", "residents": "3", "household": "gas",
                                 "from": "2026-03-01", "to": "2026-04-01", "prev1": "5000",
                                 "curr1": "5102", "prev2": "3000", "curr2": "3068"}, False, "ru"),
        ("/calculator", "POST", {"org": "1", "plan": "1", "residents": "0", "from": "x",
                                 "curr1": "-1"}, True, "en"),
        ("/news", "GET", None, True, "ru"),
        ("/news?done=read", "GET", None, True, "en"),
        ("/news/item?id=%s" % demo_news(), "GET", None, True, "ru"),
        ("/news/item?id=999999999", "GET", None, True, "en"),
        ("/inbox", "GET", None, True, "ru"),
        ("/inbox?done=read", "GET", None, True, "en"),
        ("/inbox?before=x", "GET", None, True, "ru"),
        ("/inbox/message?id=%s" % demo_message(), "GET", None, True, "ru"),
        ("/inbox/message?id=%s" % demo_message(), "GET", None, True, "en"),
        ("/contacts", "GET", None, False, "ru"),
        ("/contacts?id=1", "GET", None, False, "en"),
        ("/contacts", "GET", None, True, "ru"),
        ("/contacts?id=999999", "GET", None, False, "en"),
        ("/admin/help", "GET", None, "staff", "ru"),
        ("/admin/topics", "GET", None, "staff", "en"),
        ("/admin/topics?org=1&done=topic-added", "GET", None, "staff", "ru"),
        ("/admin/topics/add", "POST", {"org": "1", "topic_code": "a b", "form": "nope",
                                       "name_ru": "", "name_en": "x"}, "staff", "ru"),
        ("/admin/help?org=1&done=form-added", "GET", None, "staff", "en"),
        ("/admin/help/question", "POST", {"org": "1", "question_ru": "", "answer_ru": "",
                                          "question_en": "x", "answer_en": ""}, "staff", "ru"),
        ("/admin/help/form", "POST", {"org": "1", "title_ru": "Бланк", "title_en": ""}, "staff",
         "en"),
        ("/admin/login", "GET", None, False, "ru"),
        ("/admin/login?done=out", "GET", None, False, "en"),
        ("/admin/login", "POST", {"login": "admin", "password": "wrong"}, False, "ru"),
        ("/admin/login/code", "GET", None, False, "ru"),
        ("/admin", "GET", None, "staff", "ru"),
        ("/admin", "GET", None, "staff", "en"),
        ("/admin/subscribers", "GET", None, "staff", "ru"),
        ("/admin/subscribers?by=login&q=demo", "GET", None, "staff", "en"),
        ("/admin/subscribers?by=address&q=%D1%83%D0%BB", "GET", None, "staff", "ru"),
        ("/admin/subscribers?by=phone&q=abc", "GET", None, "staff", "en"),
        ("/admin/subscriber?id=1", "GET", None, "staff", "ru"),
        ("/admin/subscriber?id=1&done=block", "GET", None, "staff", "en"),
        ("/admin/subscriber?id=%d" % sharing_pair()[0], "GET", None, "staff", "ru"),
        ("/admin/subscriber?id=%d" % sharing_pair()[1], "GET", None, "staff", "en"),
        ("/admin/subscriber/link", "POST", {"id": "1", "org": "1", "number": "NOSUCH1"}, "staff",
         "en"),
        ("/admin/account/login?account=1011", "GET", None, "staff", "ru"),
        ("/admin/account/login?account=1011", "POST", {"account": "1011", "login": "x",
                                                       "channel": "email", "email": "bad"},
         "staff", "en"),
        ("/admin/requests", "GET", None, "staff", "ru"),
        ("/admin/requests/reject", "POST", {"id": "999999", "reason": ""}, "staff", "en"),
        ("/admin/readings", "GET", None, "staff", "ru"),
        ("/admin/readings?done=entered", "GET", None, "staff", "en"),
        ("/admin/readings/enter", "POST", {"org": "1", "number": "1000456701", "meter": "x",
                                          "zone": "4", "value": "1,5", "taken_on": "2026-13-01"},
         "staff", "ru"),
        ("/admin/payments", "GET", None, "staff", "ru"),
        ("/admin/payments?by=account&q=1000456701", "GET", None, "staff", "en"),
        ("/admin/payments?by=day&q=2026-02-30", "GET", None, "staff", "ru"),
        ("/admin/payment?id=" + str(latest_payment()), "GET", None, "staff", "ru"),
        ("/admin/payment?id=" + str(latest_payment()) + "&done=refund-unknown", "GET", None,
         "staff", "en"),
        ("/admin/payment/refund", "POST", {"id": str(latest_payment()), "amount": "-5",
                                           "reason": "", "key": "k" * 43, "password": "x"},
         "staff", "ru"),
        ("/admin/news", "GET", None, "staff", "ru"),
        ("/admin/news/new", "GET", None, "staff", "en"),
        ("/admin/news/new", "POST", {"org": "1", "title_ru": "x", "body_ru": "",
                                     "title_en": "Title", "body_en": "Text",
                                     "audience": "accounts", "targets": "",
                                     "publish_at": "2026-13-01T10:00"}, "staff", "ru"),
        ("/admin/organization", "GET", None, "staff", "ru"),
        ("/admin/organization?org=2&done=saved", "GET", None, "staff", "en"),
        ("/admin/organization?org=1", "POST", {"name": "ООО «Тест»", "inn": "7707083894",
                                               "address": "г. Москва", "phones": "+7 495 000-00-00",
                                               "email": "x@example.com", "bank_name": "Банк",
                                               "bic": "12345", "bank_account": "1" * 20,
                                               "corr_account": "2" * 20,
                                               "time_zone": "Europe/Moscow",
                                               "readings_from": "15", "readings_to": "25",
                                               "pay_by_day": "10", "password": "x"},
         "staff", "en"),
        ("/admin/organization/office", "POST", {"org": "1", "office_address": "x",
                                                 "office_hours": "9-18"}, "staff", "en"),
        ("/admin/staff", "GET", None, "staff", "ru"),
        ("/admin/staff/new", "GET", None, "staff", "en"),
        ("/admin/staff/member?id=2", "GET", None, "staff", "ru"),
        ("/admin/staff/member?id=1&done=role", "GET", None, "staff", "en"),
        ("/admin/staff/role", "POST", {"id": "2", "role": "operator", "password": "wrong"},
         "staff", "ru"),
        ("/admin/staff/new", "POST", {"login": "", "full_name": "Новый Сотрудник",
                                      "role": "operator", "new_password": "short"}, "staff",
         "ru"),
        ("/admin/audit", "GET", None, "staff", "ru"),
        ("/admin/audit?action=sign-in&from=2020-01-01", "GET", None, "staff", "en"),
        ("/admin/audit?from=2026-02-30", "GET", None, "staff", "ru"),
        ("/admin/exchange", "GET", None, "staff", "ru"),
        ("/admin/exchange?org=2&done=revoked", "GET", None, "staff", "en"),
        ("/admin/exchange/import?id=" + demo_import("checked"), "GET", None, "staff", "ru"),
        ("/admin/exchange/import?id=" + demo_import("refused"), "GET", None, "staff", "en"),
        ("/admin/exchange/import?id=" + demo_import("checked") + "&done=apply", "GET", None,
         "staff", "en"),
        ("/admin/exchange/keys?org=1", "GET", None, "staff", "ru"),
        ("/admin/exchange/export?org=1", "GET", None, "staff", "ru"),
        ("/admin/exchange/export?org=1&what=x&from=2026-13-01&to=&format=pdf", "GET", None,
         "staff", "en"),
        ("/admin/exchange/keys?org=1", "POST", {"key_name": "", "rate": "0", "password": "x"},
         "staff", "en"),
        ("/admin/exchange/apply", "POST", {"id": "999999999"}, "staff", "ru"),
        ("/admin/appeals", "GET", None, "staff", "ru"),
        ("/admin/appeals?status=resolved", "GET", None, "staff", "en"),
        ("/admin/appeal?id=%s" % demo_appeal(), "GET", None, "staff", "ru"),
        ("/admin/appeal/answer", "POST", {"id": demo_appeal(), "text": "", "status": "waiting"},
         "staff", "en"),
    ]


# Two-step sign-in pages need demo2 in a state no other page may see: enrolling
# (enrol-*) or halfway through signing in with a code (step-*).  prepare() makes
# it, tidy() undoes it after the page was seen.
DEMO2 = ("demo2", "demo2-password")


def demo2_id():
    return sql("SELECT id FROM subscribers WHERE login = 'demo2'")[0][0]


def prepare(kind):
    """Before demo2 signs in (step-*) or after (enrol-*): the two-step state the page needs."""
    sid = demo2_id()
    if kind.startswith("step-"):
        sql("INSERT INTO subscriber_totp (subscriber_id, method, secret, enabled_at) VALUES "
            "(%s, '%s', 'x', UTC_TIMESTAMP(6))" % (sid, kind[5:]))
    elif kind == "enrol-sms":
        sql("INSERT INTO subscriber_totp (subscriber_id, method, secret) VALUES "
            "(%s, 'sms', '')" % sid)


def tidy(kind):
    if isinstance(kind, str) and kind[:5] in ("step-", "enrol"):
        sid = demo2_id()
        sql("DELETE FROM subscriber_totp WHERE subscriber_id = %s" % sid)
        sql("DELETE FROM signin_second_steps WHERE subscriber_id = %s" % sid)
        sql("DELETE FROM outbox WHERE subscriber_id = %s AND kind = 'signin-code'" % sid)


def home_of(needs_session):
    if needs_session == "staff":
        return "/admin"
    if isinstance(needs_session, str) and needs_session.startswith("step-"):
        return "/login/code"
    return "/" if needs_session else "/login"


def form_body(path, fields):
    """requests' arguments for a form's POST: multipart (with an empty file
    input, as a browser sends one) for the forms with files, else urlencoded."""
    if path.split("?")[0] in MULTIPART:
        parts = [(k, (None, str(v))) for k, v in fields.items()]
        name = "file" if path.startswith("/admin/help/") else "files"
        return {"files": parts + [(name, ("", b"", "application/octet-stream"))]}
    return {"data": fields}


_signed_in = {}


def _reused(page, bases):
    """A GET of a plain signed-in page (demo2's or the console's) with the cookies of
    a sign-in made once for its language: signing in is most of a visit's time.  A
    copy of the cookies each time, so a page that sets one changes no other; a
    session some POST has ended is made again."""
    path, method, data, needs_session, lang = page
    key = (needs_session, lang)
    for attempt in range(2):
        if key not in _signed_in:
            _signed_in[key] = (staff_signed_in("admin", lang) if needs_session == "staff"
                               else signed_in(*DEMO2, lang)).cookies
        s = new_client()
        s.cookies.update(_signed_in[key])
        got = [s.get(b + path, allow_redirects=False) for b in bases]
        if not any(r.status_code == 303 and "/login" in r.headers.get("Location", "")
                   for r in got):
            return got
        del _signed_in[key]
    return got


def visit(page, bases=(BASE,), reuse=False):
    """The page as a browser gets it, from each base (the same session throughout):
    signed in as demo2 if it needs a session, a POST with the form's token unless the
    page brings its own.  The rate-limit records it leaves are cleared.  reuse: a GET
    of a plain signed-in page may use a session made before (_reused)."""
    path, method, data, needs_session, lang = page
    kind = needs_session if isinstance(needs_session, str) else ""
    if reuse and method == "GET" and needs_session in (True, "staff"):
        return _reused(page, bases)
    try:
        if needs_session == "staff":
            s = staff_signed_in("admin", lang)
        elif kind.startswith("step-"):
            prepare(kind)
            s = new_client(lang)
            assert login(s, *DEMO2).headers["Location"].startswith("/login/code")
        else:
            s = signed_in(*DEMO2, lang) if needs_session else new_client(lang)
            if kind == "enrol-app":
                token = csrf_of(s.get(BASE + "/settings/2fa"))
                s.post(BASE + "/settings/2fa/on", data={"csrf": token,
                                                        "current_password": DEMO2[1]})
            elif kind:
                prepare(kind)
        token = csrf_of(s.get(BASE + home_of(needs_session))) if method == "POST" else None
        got = [s.get(b + path, allow_redirects=False) if method == "GET" else
               s.post(b + path, allow_redirects=False,
                      **form_body(path, dict({"csrf": token}, **data)))
               for b in bases]
    finally:
        tidy(needs_session)
    sql("DELETE FROM login_attempts")
    sql("DELETE FROM link_attempts")
    sql("DELETE FROM staff_login_attempts")
    sql("DELETE FROM signin_throttles")
    return got
