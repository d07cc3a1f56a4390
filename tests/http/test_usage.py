"""Usage statements (issue 25): a telephone line's calls and an internet
line's sessions, sent by the billing system in a usage file (by its own ids),
shown on /usage by a period of the organization's months (Moscow), of one
kind or both, with totals of the whole period, and downloadable as CSV and
XLSX."""
import csv
import datetime
import io
import zipfile

import pytest

from conftest import BASE, doc, make_subscriber, signed_in, sql, written_in
from exchange_util import problems, run_import, write
from test_events import month_start_utc, ym  # the Moscow month, as the events' tests take it

USER, PASSWORD, ACCOUNT, NUMBER = "usage-user", "usage-user-password-1", 1020, "2000001020"
INTERNET, PHONE = 8, 10  # the demo organization's (sql/demo/007-internet.sql)


def stamp(d):
    return d.strftime("%Y-%m-%d %H:%M:%S")


def add(source, service, kind, start, seconds, number=None, bytes_in=None, bytes_out=None,
        cost=None):
    def v(x):
        return "NULL" if x is None else "'%s'" % x if isinstance(x, str) else str(x)
    sql("INSERT INTO usage_records (account_id, service_id, source_id, kind, started_at, "
        "ended_at, number, bytes_in, bytes_out, cost) VALUES (%d, %d, '%s', '%s', '%s', "
        "'%s', %s, %s, %s, %s)"
        % (ACCOUNT, service, source, kind, stamp(start),
           stamp(start + datetime.timedelta(seconds=seconds)), v(number), v(bytes_in),
           v(bytes_out), v(cost)))


def clear():
    sql("DELETE FROM usage_records WHERE account_id = %d" % ACCOUNT)


@pytest.fixture
def lines():
    sid = make_subscriber(USER, PASSWORD, [ACCOUNT], email="usage@example.org")
    sql("UPDATE subscribers SET current_account_id = %d WHERE id = %d" % (ACCOUNT, sid))
    clear()
    start = month_start_utc()
    # Half an hour either side of this month's start in Moscow: both on the same UTC day.
    add("c-before", PHONE, "call", start - datetime.timedelta(minutes=30), 90, "+74950000001")
    add("c-after", PHONE, "call", start + datetime.timedelta(minutes=30), 754, "+73830000002",
        cost=1896)
    add("s-after", INTERNET, "session", start + datetime.timedelta(hours=2), 3 * 3600,
        bytes_in=1572864, bytes_out=524288)
    yield start
    clear()
    sql("DELETE FROM subscribers WHERE id = %d" % sid)


def test_a_month_is_the_organizations_month_and_a_kind_filters(lines):
    s = signed_in(USER, PASSWORD, "en")
    this = ym(lines + datetime.timedelta(hours=3))
    before = ym(lines - datetime.timedelta(days=1))
    first = (lines + datetime.timedelta(hours=3)).strftime("%Y-%m-%d")
    x = doc(s.get(BASE + "/usage?format=xml", params={"from": this, "to": this}))
    got = [(u.get("kind"), u.get("start"), u.get("seconds")) for u in x.xpath("//usage/record")]
    # Newest first, in Moscow time: the session at 02:00 and the call at 00:30 of the 1st.
    assert got == [("session", first + "T02:00:00+03:00", "10800"),
                   ("call", first + "T00:30:00+03:00", "754")]
    t = x.find("usage-totals")
    assert (t.get("count"), t.get("seconds"), t.get("bytes-in"), t.get("bytes-out"),
            t.find("cost").get("minor")) == ("2", "11554", "1572864", "524288", "1896")
    x = doc(s.get(BASE + "/usage?format=xml", params={"from": before, "to": before}))
    assert [u.findtext("number") for u in x.xpath("//usage/record")] == ["+74950000001"]
    assert x.find("usage/record/cost") is None  # within the plan: no cost, not 0
    # One kind: the calls of both months, and their totals only.
    x = doc(s.get(BASE + "/usage?format=xml", params={"from": before, "to": this,
                                                       "kind": "call"}))
    assert [u.get("kind") for u in x.xpath("//usage/record")] == ["call", "call"]
    assert x.find("usage").get("kind") == "call"
    assert x.find("usage-totals").get("count") == "2"
    assert x.find("usage-totals").get("bytes-in") == "0"
    # The default is the twelve months up to this one; the kinds the lines have are listed.
    x = doc(s.get(BASE + "/usage?format=xml"))
    assert x.findtext("period/to") == this and len(x.xpath("//usage/record")) == 3
    assert x.xpath("//usage-kinds/kind/text()") == ["call", "session"]


def test_the_page_in_words_and_the_services_page_leads_to_it(lines):
    s = signed_in(USER, PASSWORD)
    d = doc(s.get(BASE + "/usage", params={"kind": "call"}))
    assert d.xpath("string(//h1)") == "Детализация звонков"
    rows = d.xpath("//table[@id='usage']/tbody/tr")
    assert [r.xpath("string(td[3])") for r in rows] == ["+73830000002", "+74950000001"]
    assert rows[0].xpath("string(td[4])") == "0:12:34"
    assert rows[0].xpath("normalize-space(td[5])") == "18,96\u00a0₽"
    assert rows[1].xpath("normalize-space(td[5])") == "в тарифе"
    assert not d.xpath("//table[@id='usage']//th[.='Трафик']")  # calls only: no traffic column
    d = doc(s.get(BASE + "/usage", params={"kind": "session"}))
    assert d.xpath("string(//h1)") == "Сеансы интернета"
    assert d.xpath("normalize-space(//table[@id='usage']/tbody/tr/td[4])") == \
        "↓ 1,5 МБ↑ 0,5 МБ"
    assert d.get_element_by_id("total-duration").text_content() == "3:00:00"
    sp = doc(s.get(BASE + "/services"))
    assert sp.get_element_by_id("usage-call").get("href") == "/usage?kind=call"
    assert sp.get_element_by_id("usage-session").get("href") == "/usage?kind=session"
    # Without records: no links, and the page says there is nothing.
    clear()
    sp = doc(s.get(BASE + "/services"))
    assert not sp.xpath("//*[@id='usage-links']")
    assert doc(s.get(BASE + "/usage")).get_element_by_id("no-usage") is not None


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_bad_kind_or_period_is_refused_in_words(lines, lang):
    s = signed_in(USER, PASSWORD, lang)
    r = s.get(BASE + "/usage", params={"kind": "fax"})
    assert r.status_code == 400
    assert written_in(doc(r).xpath("string(//*[@id='error-kind'])"), lang)
    r = s.get(BASE + "/usage", params={"from": "2026-13"})
    assert r.status_code == 400
    assert written_in(doc(r).xpath("string(//*[@id='error-from'])"), lang)
    r = s.get(BASE + "/usage", params={"from": "2026-05", "to": "2026-01"})
    assert r.status_code == 422
    d = doc(r)
    assert written_in(d.xpath("string(//*[@id='error-from'])"), lang)
    assert d.get_element_by_id("from").get("value") == "2026-05"  # as typed


def test_downloads_hold_the_whole_period_in_the_organizations_clock(lines):
    s = signed_in(USER, PASSWORD, "en")
    this = ym(lines + datetime.timedelta(hours=3))
    before = ym(lines - datetime.timedelta(days=1))
    r = s.get(BASE + "/usage", params={"from": before, "to": this, "format": "csv"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    assert 'filename="usage-all-%s-%s.csv"' % (before, this) in r.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == ["Start", "End", "Service", "What", "Number", "Duration, s",
                       "Received, bytes", "Sent, bytes", "Cost"]
    first = (lines + datetime.timedelta(hours=3)).strftime("%Y-%m-%d")
    assert rows[1] == [first + " 02:00:00", first + " 05:00:00", "Internet access", "Session",
                       "", "10800", "1572864", "524288", ""]
    # A number that begins with + is kept from becoming a formula.
    assert rows[2][4] == "'+73830000002" and rows[2][8] == "18.96"
    assert len(rows) == 4
    r = s.get(BASE + "/usage", params={"kind": "session", "format": "xlsx"})
    assert r.status_code == 200
    z = zipfile.ZipFile(io.BytesIO(r.content))
    assert "xl/worksheets/sheet1.xml" in z.namelist()
    assert b"1572864" in z.read("xl/worksheets/sheet1.xml")


def test_a_page_shows_500_and_totals_all_and_the_file_has_them_all(lines):
    start = lines + datetime.timedelta(days=1)
    values = ",".join("(%d, %d, 'bulk-%d', 'call', '%s', '%s', '+7495%07d', NULL, NULL, 100)"
                      % (ACCOUNT, PHONE, i, stamp(start + datetime.timedelta(minutes=i)),
                         stamp(start + datetime.timedelta(minutes=i, seconds=30)), i)
                      for i in range(520))
    sql("INSERT INTO usage_records (account_id, service_id, source_id, kind, started_at, "
        "ended_at, number, bytes_in, bytes_out, cost) VALUES " + values)
    s = signed_in(USER, PASSWORD, "en")
    this = ym(lines + datetime.timedelta(hours=3))
    x = doc(s.get(BASE + "/usage?format=xml", params={"from": this, "to": this,
                                                       "kind": "call"}))
    assert len(x.xpath("//usage/record")) == 500 and x.find("usage").get("truncated") == "1"
    assert x.find("usage-totals").get("count") == "521"
    assert x.find("usage-totals/cost").get("minor") == str(520 * 100 + 1896)
    d = doc(s.get(BASE + "/usage", params={"from": this, "to": this, "kind": "call"}))
    assert d.get_element_by_id("truncated") is not None
    r = s.get(BASE + "/usage", params={"from": this, "to": this, "kind": "call",
                                       "format": "csv"})
    assert len(list(csv.reader(io.StringIO(r.text)))) == 1 + 521


def test_a_reader_without_the_right_does_not_see_it(lines):
    sql("INSERT INTO account_access (subscriber_id, account_id, rights, granted_by, granted_at) "
        "SELECT s.id, %d, 2, h.id, NOW(6) FROM subscribers s, subscribers h "
        "WHERE s.login = 'demo2' AND h.login = '%s'" % (ACCOUNT, USER))
    try:
        d2 = signed_in("demo2", "demo2-password")
        sql("UPDATE subscribers SET current_account_id = %d WHERE login = 'demo2'" % ACCOUNT)
        for q in ("", "?format=xml", "?format=csv"):
            assert d2.get(BASE + "/usage" + q, allow_redirects=False).status_code == 404
    finally:
        sql("UPDATE subscribers SET current_account_id = 3 WHERE login = 'demo2'")
        sql("DELETE aa FROM account_access aa JOIN subscribers s ON s.id = aa.subscriber_id "
            "WHERE s.login = 'demo2' AND aa.account_id = %d" % ACCOUNT)


def test_a_usage_file_loads_once_and_corrects_in_place(lines, tmp_path):
    text = ("account,service,id,kind,started_at,ended_at,number,bytes_in,bytes_out,cost\n"
            "%s,phone,f-1,call,2026-11-30 21:30:00,2026-11-30 21:31:05,+74951112233,,,\"2,50\"\n"
            "%s,internet,f-2,session,30.11.2026 22:00,01.12.2026 06:00,,1000,2000,\n"
            % (NUMBER, NUMBER))
    path = write(tmp_path, "usage.csv", text)
    for _ in range(2):  # sent twice: added once
        rc, got, err = run_import(path, "usage")
        assert rc == 0 and got["status"] == "applied", (got, err)
    assert sql("SELECT source_id, kind, started_at, ended_at, COALESCE(number, '-'), "
               "COALESCE(bytes_in, '-'), COALESCE(cost, '-') FROM usage_records "
               "WHERE account_id = %d AND source_id LIKE 'f-%%' ORDER BY source_id"
               % ACCOUNT) == [
        ("f-1", "call", "2026-11-30 21:30:00", "2026-11-30 21:31:05", "+74951112233", "-",
         "250"),
        ("f-2", "session", "2026-11-30 22:00:00", "2026-12-01 06:00:00", "-", "1000", "-")]
    rc, got, err = run_import(write(tmp_path, "fix.csv", text.replace(",1000,2000,",
                                                                      ",1500,2000,")), "usage")
    assert rc == 0 and got["changed"] == 1 and got["unchanged"] == 1, (got, err)
    assert sql("SELECT bytes_in FROM usage_records WHERE account_id = %d AND source_id = 'f-2'"
               % ACCOUNT) == [("1500",)]


def test_a_bad_usage_file_is_refused_whole_with_each_reason(lines, tmp_path):
    bad = ("account,service,id,kind,started_at,ended_at,number,bytes_in,bytes_out,cost\n"
           "%s,phone,g-1,fax,2026-11-30 10:00,2026-11-30 10:01,+7495,,,\n"
           "%s,phone,g-2,call,2026-11-30 10:00,2026-11-30 09:59,+7495,,,\n"
           "%s,phone,g-3,call,2026-11-30 10:00,2026-11-30 10:01,,,,\n"
           "%s,phone,g-4,session,2026-11-30 10:00,2026-11-30 11:00,,-5,,\n"
           "%s,telegraph,g-5,call,2026-11-30 10:00,2026-11-30 10:01,+7495,,,\n"
           "%s,phone,g-6,call,2026-11-30 10:00,2026-11-30 10:01,+7495,,,-1\n"
           "%s,phone,g-7,call,2026-11-30 10:00,2026-11-30 10:01,+7495,,,\n"
           "%s,phone,g-7,call,2026-11-30 10:00,2026-11-30 10:01,+7495,,,\n"
           % ((NUMBER,) * 8))
    rc, got, err = run_import(write(tmp_path, "bad.csv", bad), "usage")
    assert got["status"] != "applied", (got, err)
    codes = {(p[0], p[1], p[2]) for p in problems(got["id"])}
    assert {(2, "kind", "choice"), (3, "ended_at", "period"), (4, "number", "number-required"),
            (5, "bytes_in", "integer"), (6, "service", "unknown-service"),
            (9, "id", "duplicate")} <= codes, codes
    assert any(p[0] == 7 and p[1] == "cost" for p in problems(got["id"])), codes
    assert int(sql("SELECT COUNT(*) FROM usage_records WHERE account_id = %d AND source_id "
                   "LIKE 'g-%%'" % ACCOUNT)[0][0]) == 0


def test_a_file_too_large_for_one_download_asks_for_a_shorter_period(lines):
    start = stamp(lines + datetime.timedelta(days=2))
    sql("INSERT INTO usage_records (account_id, service_id, source_id, kind, started_at, "
        "ended_at, number) SELECT %d, %d, CONCAT('many-', seq), 'call', '%s' + INTERVAL seq "
        "SECOND, '%s' + INTERVAL seq SECOND, '112' FROM seq_1_to_50000"
        % (ACCOUNT, PHONE, start, start))
    s = signed_in(USER, PASSWORD, "en")
    r = s.get(BASE + "/usage", params={"kind": "call", "format": "csv"})
    assert r.status_code == 413 and r.headers["Content-Type"].startswith("text/html")
    d = doc(r)
    assert written_in(d.xpath("string(//*[@id='error-from'])"), "en")
    # The page says so over what a page shows, not fifty thousand rows.
    assert len(d.xpath("//table[@id='usage']/tbody/tr")) == 500
    # The page itself still shows the latest 500 and the totals of all.
    x = doc(s.get(BASE + "/usage?format=xml", params={"kind": "call"}))
    assert x.find("usage-totals").get("count") == "50002"


def test_the_demo_has_each_kind_of_service_as_html_and_xml():
    """make run's demo: the first account has a suspended internet line, a flat under
    guard with its events, and a telephone with calls (sql/demo/007-internet.sql)."""
    s = signed_in()  # demo, its first account current
    sql("UPDATE subscribers SET current_account_id = 1 WHERE login = 'demo'")
    x = doc(s.get(BASE + "/services?format=xml"))
    assert x.xpath("//connections/connection/@service") == [str(INTERNET)]
    assert x.xpath("//objects/object/@service") == ["9"]
    assert x.xpath("//usage-kinds/kind/text()") == ["call", "session"]
    d = doc(s.get(BASE + "/services"))
    for id_ in ("line-%d" % INTERNET, "object-9", "usage-call", "usage-session"):
        assert d.get_element_by_id(id_) is not None, id_
    # An account of the demo's with none of them (account.extras says so, and
    # nothing more is read): the same elements, empty; no parts on the page.
    plain = sql("SELECT sa.account_id FROM subscriber_accounts sa JOIN subscribers s "
                "ON s.id = sa.subscriber_id WHERE s.login = 'demo' AND NOT EXISTS (SELECT 1 "
                "FROM connections c WHERE c.account_id = sa.account_id) AND NOT EXISTS "
                "(SELECT 1 FROM guarded_objects g WHERE g.account_id = sa.account_id) AND NOT "
                "EXISTS (SELECT 1 FROM usage_records u WHERE u.account_id = sa.account_id) "
                "ORDER BY sa.account_id LIMIT 1")[0][0]
    sql("UPDATE subscribers SET current_account_id = %s WHERE login = 'demo'" % plain)
    try:
        x = doc(s.get(BASE + "/services?format=xml"))
        assert [len(x.xpath("//" + e)) for e in ("connections", "objects", "usage-kinds")] == \
            [1, 1, 1]
        assert not x.xpath("//connections/* | //objects/* | //usage-kinds/*")
        d = doc(s.get(BASE + "/services"))
        assert not d.xpath("//*[starts-with(@id, 'line-') or starts-with(@id, 'object-') or "
                           "starts-with(@id, 'usage-')]")
    finally:
        sql("UPDATE subscribers SET current_account_id = 1 WHERE login = 'demo'")
    x = doc(s.get(BASE + "/events?format=xml"))
    assert len(x.xpath("//events/event")) >= 6
    assert doc(s.get(BASE + "/events")).xpath("//table[@id='events']/tbody/tr")
    x = doc(s.get(BASE + "/usage?format=xml"))
    kinds = x.xpath("//usage/record/@kind")
    assert kinds.count("call") >= 5 and kinds.count("session") >= 3, kinds
    assert x.xpath("//usage/record[@kind='call'][cost]") and \
        x.xpath("//usage/record[@kind='session'][@bytes-in]")
    d = doc(s.get(BASE + "/usage?kind=call"))
    assert len(d.xpath("//table[@id='usage']/tbody/tr")) >= 5
