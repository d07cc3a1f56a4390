"""Internet access as a kind of service, and the promised payment (issue 25):
the line the billing system sends (a connections file), shown on the
services page as HTML and XML, and the organization's rule for enabling a
suspended line on a promise: the debt limit, once a calendar month in the
organization's time zone, the expiry, the refusals in words."""
import datetime

import pytest

from conftest import (BASE, csrf_of, doc, make_subscriber, new_client, signed_in, sql,
                      written_in)
from exchange_util import problems, run_import, write

USER, PASSWORD, ACCOUNT, NUMBER = "line-user", "line-user-password-1", 1018, "2000001018"
INTERNET = 8  # the demo organization's internet service (sql/demo/007-internet.sql)


def debt():
    return int(sql("SELECT COALESCE(SUM(l.closing), 0) FROM ledger l JOIN account_summaries s "
                   "ON s.account_id = l.account_id AND l.period = s.latest_period "
                   "WHERE l.account_id = %d" % ACCOUNT)[0][0])


@pytest.fixture
def line():
    sid = make_subscriber(USER, PASSWORD, [ACCOUNT], email="line@example.org")
    sql("UPDATE subscribers SET current_account_id = %d WHERE id = %d" % (ACCOUNT, sid))
    sql("DELETE FROM promises WHERE account_id = %d" % ACCOUNT)
    sql("DELETE FROM connections WHERE account_id = %d" % ACCOUNT)
    sql("INSERT INTO connections (account_id, service_id, plan_name, speed_kbps, monthly_fee, "
        "login, ip_address, state, updated_at) VALUES (%d, %d, 'Домашний 200', 200000, 90000, "
        "'ensk-1018', '2001:db8::18', 'suspended', NOW(6))" % (ACCOUNT, INTERNET))
    # A limit just above this account's debt: the rule gives the promise.
    sql("UPDATE organizations SET promise_days = 3, promise_limit = %d WHERE id = 1" % debt())
    yield sid
    sql("UPDATE organizations SET promise_days = 3, promise_limit = 500000 WHERE id = 1")
    sql("DELETE FROM promises WHERE account_id = %d" % ACCOUNT)
    sql("DELETE FROM connections WHERE account_id = %d" % ACCOUNT)
    sql("DELETE FROM subscribers WHERE id = %d" % sid)


def ask(s, service=INTERNET):
    page = s.get(BASE + "/services")
    return s.post(BASE + "/services/promise", data={"csrf": csrf_of(page),
                                                    "service": str(service)},
                  allow_redirects=False)


def refused(r, lang, word):
    assert r.status_code == 409, r.status_code
    d = doc(r)
    assert d.xpath("/html/@lang") == [lang]
    msg = d.get_element_by_id("form-error").text_content()
    assert written_in(msg, lang) and word in msg.lower(), msg
    # The page is the services page, the line still on it.
    assert d.get_element_by_id("line-%d" % INTERNET) is not None


def ended():
    """payjobs promises: lines whose promise has ended shown suspended again."""
    from test_payments import payjobs
    return payjobs("promises")


def promises():
    return int(sql("SELECT COUNT(*) FROM promises WHERE account_id = %d" % ACCOUNT)[0][0])


def test_the_line_is_shown_as_html_and_xml(line):
    s = signed_in(USER, PASSWORD, "en")
    x = doc(s.get(BASE + "/services?format=xml"))
    c = x.xpath("//connections/connection[@service='%d']" % INTERNET)[0]
    assert c.get("state") == "suspended"
    assert [c.findtext(k) for k in ("plan", "speed", "login", "ip")] == \
        ["Домашний 200", "200000", "ensk-1018", "2001:db8::18"]
    assert c.find("fee").get("minor") == "90000"
    assert c.find("promise-rule").get("days") == "3"
    d = doc(s.get(BASE + "/services"))
    assert d.get_element_by_id("line-%d-state" % INTERNET).text_content().strip() == \
        "Suspended for debt"
    assert "200 Mbit/s" in d.get_element_by_id("line-%d" % INTERNET).text_content()
    assert d.get_element_by_id("promise-%d" % INTERNET) is not None


def test_a_promise_enables_the_line_once_until_it_ends(line):
    s = signed_in(USER, PASSWORD)
    r = ask(s)
    assert r.status_code == 303 and r.headers["Location"] == "/services?done=promised"
    row = sql("SELECT subscriber_id, debt, TIMESTAMPDIFF(HOUR, requested_at, until) FROM promises "
              "WHERE account_id = %d" % ACCOUNT)
    assert row == [(str(line), str(debt()), "72")]
    assert sql("SELECT state FROM connections WHERE account_id = %d" % ACCOUNT) == [("active",)]
    d = doc(s.get(BASE + r.headers["Location"]))
    assert written_in(d.get_element_by_id("done").text_content(), "ru")
    assert "включён по обещанному платежу до" in \
        d.get_element_by_id("line-%d-promise" % INTERNET).text_content().lower()
    # Asked again while it runs: refused, nothing written.
    refused(ask(s), "ru", "уже действует")
    assert promises() == 1
    # Not ended yet: the job leaves the line enabled.
    assert "0 lines" in ended().stdout
    assert sql("SELECT state FROM connections WHERE account_id = %d" % ACCOUNT) == [("active",)]
    # It ends: the job shows the line suspended again, once; once a month, so not again.
    sql("UPDATE promises SET until = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE WHERE account_id = %d"
        % ACCOUNT)
    out = ended()
    assert out.returncode == 0 and "1 lines" in out.stdout, (out.stdout, out.stderr)
    assert sql("SELECT state, COALESCE(promise_id, '-') FROM connections WHERE account_id = %d"
               % ACCOUNT) == [("suspended", "-")]
    assert "0 lines" in ended().stdout
    d = doc(s.get(BASE + "/services?format=xml"))
    c = d.xpath("//connections/connection[@service='%d']" % INTERNET)[0]
    assert c.get("state") == "suspended" and c.find("promise").get("running") is None
    d = doc(s.get(BASE + "/services"))
    assert d.get_element_by_id("line-%d-used" % INTERNET) is not None
    refused(ask(s), "ru", "в этом месяце")
    assert promises() == 1


def test_a_debt_over_the_limit_is_refused_in_words(line):
    sql("UPDATE organizations SET promise_limit = %d WHERE id = 1" % (debt() - 1))
    refused(ask(signed_in(USER, PASSWORD, "en")), "en", "above the limit")
    assert promises() == 0
    assert sql("SELECT state FROM connections WHERE account_id = %d" % ACCOUNT) == \
        [("suspended",)]


def test_an_active_line_or_an_organization_without_the_rule_is_refused(line):
    sql("UPDATE connections SET state = 'active' WHERE account_id = %d" % ACCOUNT)
    refused(ask(signed_in(USER, PASSWORD, "en")), "en", "not suspended")
    sql("UPDATE connections SET state = 'suspended' WHERE account_id = %d" % ACCOUNT)
    sql("UPDATE organizations SET promise_days = 0 WHERE id = 1")
    s = signed_in(USER, PASSWORD)
    assert doc(s.get(BASE + "/services")).xpath("//*[@id='promise-%d']" % INTERNET) == []
    refused(ask(s), "ru", "не предоставляет")
    assert promises() == 0


def test_no_such_line_and_no_right_are_404(line):
    s = signed_in(USER, PASSWORD)
    assert ask(s, service=1).status_code == 404  # electricity: not a line
    assert ask(s, service=65535).status_code == 404
    # A delegate who may only submit readings cannot ask (nor see the page).
    sql("INSERT INTO account_access (subscriber_id, account_id, rights, granted_by, granted_at) "
        "SELECT id, %d, 2, %d, NOW(6) FROM subscribers WHERE login = 'demo2'" % (ACCOUNT, line))
    try:
        d2 = signed_in("demo2", "demo2-password")
        sql("UPDATE subscribers SET current_account_id = %d WHERE login = 'demo2'" % ACCOUNT)
        page = d2.get(BASE + "/readings")
        r = d2.post(BASE + "/services/promise", data={"csrf": csrf_of(page),
                                                      "service": str(INTERNET)},
                    allow_redirects=False)
        assert r.status_code == 404
        assert promises() == 0
    finally:
        sql("UPDATE subscribers SET current_account_id = 3 WHERE login = 'demo2'")
        sql("DELETE aa FROM account_access aa JOIN subscribers s ON s.id = aa.subscriber_id "
            "WHERE s.login = 'demo2' AND aa.account_id = %d" % ACCOUNT)
    assert new_client().post(BASE + "/services/promise", data={"service": "8"},
                             allow_redirects=False).status_code in (303, 403)


def moscow_month_start_utc():
    """The first instant of this month in Moscow (UTC+3, no DST), as UTC."""
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=3)))
    first = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return first.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def test_once_a_month_is_the_organizations_month(line):
    """A promise at 00:30 Moscow time on the 1st is this month's (it is still the last day of
    the month before in UTC); one at 23:30 Moscow time the day before is last month's."""
    s = signed_in(USER, PASSWORD, "en")
    start = moscow_month_start_utc()
    inside = start + datetime.timedelta(minutes=30)
    if inside > datetime.datetime.utcnow():
        pytest.skip("the first half hour of the month in Moscow")
    for at, used in ((inside, True), (start - datetime.timedelta(minutes=30), False)):
        sql("DELETE FROM promises WHERE account_id = %d" % ACCOUNT)
        sql("INSERT INTO promises (account_id, service_id, subscriber_id, requested_at, until, "
            "debt) VALUES (%d, %d, %d, '%s', '%s', 0)"
            % (ACCOUNT, INTERNET, line, at.strftime("%Y-%m-%d %H:%M:%S"),
               (at + datetime.timedelta(days=3)).strftime("%Y-%m-%d %H:%M:%S")))
        sql("UPDATE promises SET until = LEAST(until, UTC_TIMESTAMP(6) - INTERVAL 1 SECOND) "
            "WHERE account_id = %d" % ACCOUNT)
        r = ask(s)
        if used:
            refused(r, "en", "this month")
        else:
            assert r.status_code == 303, (at, r.status_code)
            assert promises() == 2
            sql("UPDATE connections SET state = 'suspended' WHERE account_id = %d" % ACCOUNT)


def test_the_connections_file_loads_and_refuses_bad_lines(line, tmp_path):
    ok = ("account,service,plan,speed_kbps,monthly_fee,login,ip_address,state\n"
          "%s,internet,Домашний 500,500000,1200.00,ensk-1018-new,192.0.2.18,active\n" % NUMBER)
    rc, got, err = run_import(write(tmp_path, "connections.csv", ok), "connections")
    assert rc == 0 and got["status"] == "applied", (got, err)
    assert sql("SELECT plan_name, speed_kbps, monthly_fee, login, ip_address, state FROM "
               "connections WHERE account_id = %d" % ACCOUNT) == \
        [("Домашний 500", "500000", "120000", "ensk-1018-new", "192.0.2.18", "active")]
    bad = ("account,service,plan,speed_kbps,monthly_fee,login,ip_address,state\n"
           "%s,internet,A,1,1,l,999.1.1.1,active\n"
           "%s,internet,A,1,1,l,example.org,active\n"
           "9999999999,internet,A,1,1,l,,active\n"
           "%s,no-such,A,1,1,l,,active\n"
           "%s,internet,A,1,1,l,,sleeping\n"
           "%s,internet,A,0,1,l,,active\n" % (NUMBER, NUMBER, NUMBER, NUMBER, NUMBER))
    rc, got, err = run_import(write(tmp_path, "bad.csv", bad), "connections")
    assert got["status"] != "applied" and got["refused"] == 6, (got, err)
    codes = {(p[0], p[1], p[2]) for p in problems(got["id"])}
    assert {(2, "ip_address", "ip-address"), (3, "ip_address", "ip-address"),
            (4, "account", "unknown-account"), (5, "service", "unknown-service")} <= codes, codes
    assert {p[0] for p in problems(got["id"])} == {2, 3, 4, 5, 6, 7}
    # Nothing of the refused file was applied.
    assert sql("SELECT login FROM connections WHERE account_id = %d" % ACCOUNT) == \
        [("ensk-1018-new",)]


def test_the_billing_system_reads_the_promises_in_the_export(line):
    from test_exchange import export
    s = signed_in(USER, PASSWORD)
    assert ask(s).status_code == 303
    at, until = sql("SELECT DATE_FORMAT(requested_at, '%%Y-%%m-%%dT%%H:%%i:%%sZ'), "
                    "DATE_FORMAT(until, '%%Y-%%m-%%dT%%H:%%i:%%sZ') FROM promises "
                    "WHERE account_id = %d" % ACCOUNT)[0]
    day = at[:10]
    rc, out, err = export(["--org", "1", "--what", "promises", "--from", day, "--to", day])
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0] == "account,service,login,requested_at,until,debt"
    d = debt()
    mine = [l for l in lines[1:] if l.startswith(NUMBER + ",")]
    assert mine == ["%s,internet,ensk-1018,%s,%s,%s%d.%02d" % (NUMBER, at, until,
                                                               "-" if d < 0 else "",
                                                               abs(d) // 100, abs(d) % 100)]
    # Another organization's export has none of them.
    rc, out, err = export(["--org", "2", "--what", "promises", "--from", day, "--to", day])
    assert rc == 0 and NUMBER not in out


def test_the_billing_systems_word_since_the_promise_stands_at_its_end(line, tmp_path):
    """A line the billing system has sent since the promise is its to suspend: the job
    leaves it as sent, and a line enabled by the billing system is not touched."""
    s = signed_in(USER, PASSWORD)
    assert ask(s).status_code == 303
    rows = ("account,service,plan,speed_kbps,monthly_fee,login,ip_address,state\n"
            "%s,internet,Домашний 200,200000,900,ensk-1018,2001:db8::18,active\n" % NUMBER)
    rc, got, err = run_import(write(tmp_path, "connections.csv", rows), "connections")
    assert rc == 0 and got["status"] == "applied", (got, err)
    assert sql("SELECT COALESCE(promise_id, '-') FROM connections WHERE account_id = %d"
               % ACCOUNT) == [("-",)]
    sql("UPDATE promises SET until = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE WHERE account_id = %d"
        % ACCOUNT)
    assert ended().returncode == 0
    assert sql("SELECT state FROM connections WHERE account_id = %d" % ACCOUNT) == [("active",)]


def test_the_billing_system_reads_the_promises_through_the_api(line):
    """GET /api/v1/promises (read:promises): each promise once, after a cursor, only the
    key's organization's."""
    import requests
    from test_api import API, auth, make_key
    key = make_key(scopes="read:promises")
    r = requests.get(API + "/promises", params={"limit": 1000}, headers=auth(key))
    assert r.status_code == 200, r.text
    cursor = r.json()["next"]
    while r.json()["has_more"]:
        r = requests.get(API + "/promises", params={"after": cursor, "limit": 1000},
                         headers=auth(key))
        cursor = r.json()["next"]
    s = signed_in(USER, PASSWORD)
    assert ask(s).status_code == 303
    r = requests.get(API + "/promises", params={"after": cursor}, headers=auth(key))
    items = r.json()["items"]
    assert len(items) == 1 and not r.json()["has_more"], items
    p = items[0]
    row = sql("SELECT id, DATE_FORMAT(until, '%%Y-%%m-%%dT%%H:%%i:%%sZ') FROM promises "
              "WHERE account_id = %d" % ACCOUNT)[0]
    assert (p["id"], p["account"], p["service"], p["login"], p["until"]) == \
        (int(row[0]), NUMBER, "internet", "ensk-1018", row[1])
    assert p["debt"] == "%d.%02d" % divmod(debt(), 100) and p["requested_at"].endswith("Z")
    # Asked again from there: nothing new.
    r = requests.get(API + "/promises", params={"after": r.json()["next"]}, headers=auth(key))
    assert r.json()["items"] == []
    # Another organization's key does not see it; a key without the scope is refused.
    other = make_key(org=2, scopes="read:promises")
    r = requests.get(API + "/promises", params={"after": cursor}, headers=auth(other))
    assert r.status_code == 200 and r.json()["items"] == []
    r = requests.get(API + "/promises", headers=auth(make_key(scopes="read:payments")))
    assert r.status_code == 403


def test_the_organization_sets_the_rule_in_the_console(line):
    """The console's organization form holds the rule: days (0: none) and the most debt,
    in the organization's currency; a bad value is refused beside its field, as typed;
    the change is audited; a form without the two fields keeps the rule."""
    from test_admin import audit_rows, org_form, post
    from conftest import staff_signed_in
    s = new_client("en")
    s.cookies.update(staff_signed_in("admin").cookies)
    page = doc(s.get(BASE + "/admin/organization?org=1"))
    assert page.xpath('//input[@id="promise_days"]/@value') == ["3"]
    limit = page.xpath('//input[@id="promise_limit"]/@value')[0]
    assert int(round(float(limit) * 100)) == debt()
    try:
        form = dict(org_form("admin-password"), promise_days="5", promise_limit="1 234,50")
        r = post(s, "/admin/organization?org=1", form)
        assert r.status_code == 303, r.text[:300]
        assert sql("SELECT promise_days, promise_limit FROM organizations WHERE id = 1") == \
            [("5", "123450")]
        assert "promise=5/123450" in audit_rows("organization-settings", "1")[-1][5]
        x = doc(signed_in(USER, PASSWORD, "en").get(BASE + "/services?format=xml"))
        rule = x.xpath("//connection[@service='%d']/promise-rule" % INTERNET)[0]
        assert rule.get("days") == "5" and rule.find("limit").get("minor") == "123450"
        # Left out: kept.
        assert post(s, "/admin/organization?org=1", org_form("admin-password")).status_code \
            == 303
        assert sql("SELECT promise_days FROM organizations WHERE id = 1") == [("5",)]
        for field, value, status in (("promise_days", "31", 400), ("promise_days", "x", 400),
                                     ("promise_limit", "-5", 422),
                                     ("promise_limit", "много", 422)):
            r = post(s, "/admin/organization?org=1", dict(form, **{field: value}))
            assert r.status_code == status, (field, value, r.status_code)
            d = doc(r)
            assert d.xpath('//input[@id="%s"]/@value' % field) == [value]
            assert written_in(d.xpath("string(//*[@id='error-%s'])" % field), "en"), field
        assert sql("SELECT promise_days, promise_limit FROM organizations WHERE id = 1") == \
            [("5", "123450")]
    finally:
        sql("UPDATE organizations SET promise_days = 3, promise_limit = %d WHERE id = 1"
            % debt())
