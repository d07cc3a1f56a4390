"""Alarm monitoring as a kind of service (issue 25): the protected object the
monitoring system sends (an objects file), its panel's events (an events
file, by the system's own ids), and /events by period, the months being the
organization's (Moscow) however UTC dates them."""
import datetime

import pytest

from conftest import BASE, doc, make_subscriber, signed_in, sql, written_in
from exchange_util import problems, run_import, write

USER, PASSWORD, ACCOUNT, NUMBER = "alarm-user", "alarm-user-password-1", 1019, "2000001019"
SECURITY = 9  # the demo organization's alarm monitoring (sql/demo/007-internet.sql)
MSK = datetime.timezone(datetime.timedelta(hours=3))  # Europe/Moscow: UTC+3 all year


def month_start_utc():
    """The first instant of this month in Moscow, as naive UTC."""
    first = datetime.datetime.now(MSK).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return first.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def ym(d):
    return d.strftime("%Y-%m")


@pytest.fixture
def alarm():
    sid = make_subscriber(USER, PASSWORD, [ACCOUNT], email="alarm@example.org")
    sql("UPDATE subscribers SET current_account_id = %d WHERE id = %d" % (ACCOUNT, sid))
    sql("DELETE FROM object_events WHERE account_id = %d" % ACCOUNT)
    sql("DELETE FROM guarded_objects WHERE account_id = %d" % ACCOUNT)
    sql("INSERT INTO guarded_objects VALUES (%d, %d, 'г. Энск, ул. Лесная, д. 3', 'Дом', "
        "'armed', NOW(6))" % (ACCOUNT, SECURITY))
    start = month_start_utc()
    # Half an hour either side of this month's start in Moscow: both on the same UTC day.
    for sid_, at, ev, zone, who in (
            ("b-1", start - datetime.timedelta(minutes=30), "disarmed", None, "Петров П. П."),
            ("a-1", start + datetime.timedelta(minutes=30), "armed", None, "Петров П. П."),
            ("a-2", start + datetime.timedelta(hours=2), "alarm", "Зона 3: <окно>", None)):
        sql("INSERT INTO object_events (account_id, service_id, source_id, happened_at, event, "
            "zone, who) VALUES (%d, %d, '%s', '%s', '%s', %s, %s)"
            % (ACCOUNT, SECURITY, sid_, at.strftime("%Y-%m-%d %H:%M:%S"), ev,
               "'%s'" % zone if zone else "NULL", "'%s'" % who if who else "NULL"))
    yield start
    sql("DELETE FROM object_events WHERE account_id = %d" % ACCOUNT)
    sql("DELETE FROM guarded_objects WHERE account_id = %d" % ACCOUNT)
    sql("DELETE FROM subscribers WHERE id = %d" % sid)


def test_a_month_is_the_organizations_month(alarm):
    s = signed_in(USER, PASSWORD, "en")
    this = ym(alarm + datetime.timedelta(hours=3))
    before = ym(alarm - datetime.timedelta(days=1))
    x = doc(s.get(BASE + "/events?format=xml", params={"from": this, "to": this}))
    got = [(e.get("kind"), e.get("at")) for e in x.xpath("//events/event")]
    # Newest first, in Moscow time: the alarm at 02:00 and the arming at 00:30 of the 1st.
    first = (alarm + datetime.timedelta(hours=3)).strftime("%Y-%m-%d")
    assert got == [("alarm", first + "T02:00:00+03:00"), ("armed", first + "T00:30:00+03:00")]
    x = doc(s.get(BASE + "/events?format=xml", params={"from": before, "to": before}))
    got = [(e.get("kind"), e.get("at")[11:]) for e in x.xpath("//events/event")]
    assert got == [("disarmed", "23:30:00+03:00")]
    x = doc(s.get(BASE + "/events?format=xml", params={"from": before, "to": this}))
    assert len(x.xpath("//events/event")) == 3
    # The default is the twelve months up to this one, as on the other pages.
    x = doc(s.get(BASE + "/events?format=xml"))
    assert x.findtext("period/to") == this and len(x.xpath("//events/event")) == 3


def test_the_page_shows_the_object_and_its_events_in_words(alarm):
    s = signed_in(USER, PASSWORD)
    d = doc(s.get(BASE + "/events"))
    assert d.get_element_by_id("object-%d-address" % SECURITY).text_content() == \
        "г. Энск, ул. Лесная, д. 3"
    assert d.get_element_by_id("object-%d-state" % SECURITY).text_content().strip() == \
        "Под охраной"
    rows = d.xpath("//table[@id='events']/tbody/tr")
    assert [r.xpath("string(td[2])") for r in rows] == ["Тревога", "Постановка на охрану",
                                                         "Снятие с охраны"]
    assert rows[0].xpath("string(td[3])") == "Зона 3: <окно>"  # escaped, shown as sent
    # The services page shows the object and leads here.
    sp = doc(s.get(BASE + "/services"))
    assert sp.get_element_by_id("object-%d-events" % SECURITY).get("href") == "/events"
    # A bad period: the page with the message beside the field, in the user's language.
    r = s.get(BASE + "/events", params={"from": "2026-13"})
    assert r.status_code == 400
    assert written_in(doc(r).xpath("string(//*[@id='error-from'])"), "ru")
    r = signed_in(USER, PASSWORD, "en").get(BASE + "/events", params={"from": "2026-05",
                                                                      "to": "2026-01"})
    assert r.status_code == 422
    assert written_in(doc(r).xpath("string(//*[@id='error-from'])"), "en")


def test_an_account_without_an_object_and_a_reader_without_the_right(alarm):
    sql("DELETE FROM object_events WHERE account_id = %d" % ACCOUNT)
    sql("DELETE FROM guarded_objects WHERE account_id = %d" % ACCOUNT)
    d = doc(signed_in(USER, PASSWORD, "en").get(BASE + "/events"))
    assert d.get_element_by_id("no-objects") is not None
    # A delegate who may only submit readings does not see the log.
    sql("INSERT INTO account_access (subscriber_id, account_id, rights, granted_by, granted_at) "
        "SELECT s.id, %d, 2, h.id, NOW(6) FROM subscribers s, subscribers h "
        "WHERE s.login = 'demo2' AND h.login = '%s'" % (ACCOUNT, USER))
    try:
        d2 = signed_in("demo2", "demo2-password")
        sql("UPDATE subscribers SET current_account_id = %d WHERE login = 'demo2'" % ACCOUNT)
        assert d2.get(BASE + "/events", allow_redirects=False).status_code == 404
        assert d2.get(BASE + "/events?format=xml", allow_redirects=False).status_code == 404
    finally:
        sql("UPDATE subscribers SET current_account_id = 3 WHERE login = 'demo2'")
        sql("DELETE aa FROM account_access aa JOIN subscribers s ON s.id = aa.subscriber_id "
            "WHERE s.login = 'demo2' AND aa.account_id = %d" % ACCOUNT)


def test_objects_and_events_files_load_once(alarm, tmp_path):
    objects = ("account,service,address,type,state\n"
               "%s,security,\"г. Энск, ул. Лесная, д. 3\",Дом,alarm\n" % NUMBER)
    rc, got, err = run_import(write(tmp_path, "objects.csv", objects), "objects")
    assert rc == 0 and got["status"] == "applied", (got, err)
    assert sql("SELECT state FROM guarded_objects WHERE account_id = %d" % ACCOUNT) == \
        [("alarm",)]
    events = ("account,service,id,at,event,zone,who\n"
              "%s,security,f-1,2026-11-30 21:30:00,armed,,Петров П. П.\n"
              "%s,security,f-2,30.11.2026 22:00,alarm,Зона 1,\n" % (NUMBER, NUMBER))
    path = write(tmp_path, "events.csv", events)
    for _ in range(2):  # sent twice: added once
        rc, got, err = run_import(path, "events")
        assert rc == 0 and got["status"] == "applied", (got, err)
    assert sql("SELECT source_id, happened_at, event, COALESCE(zone, '-') FROM object_events "
               "WHERE account_id = %d AND source_id LIKE 'f-%%' ORDER BY source_id"
               % ACCOUNT) == [("f-1", "2026-11-30 21:30:00", "armed", "-"),
                              ("f-2", "2026-11-30 22:00:00", "alarm", "Зона 1")]
    # A correction of an event is made in place.
    rc, got, err = run_import(write(tmp_path, "fix.csv", events.replace("alarm,Зона 1",
                                                                        "fault,Зона 1")),
                              "events")
    assert rc == 0 and got["changed"] == 1, (got, err)
    assert sql("SELECT event FROM object_events WHERE account_id = %d AND source_id = 'f-2'"
               % ACCOUNT) == [("fault",)]
    bad = ("account,service,id,at,event,zone,who\n"
           "%s,security,g-1,2026-11-30,burglary,,\n"
           "%s,security,g-2,yesterday,armed,,\n"
           "%s,internet,g-3,2026-11-30 10:00,armed,,\n"
           "%s,security,g-4,2026-11-30 10:00,armed,,\n"
           "%s,security,g-4,2026-11-30 11:00,armed,,\n" % ((NUMBER,) * 4 + ("2000001019",)))
    rc, got, err = run_import(write(tmp_path, "bad.csv", bad), "events")
    assert got["status"] != "applied", (got, err)
    codes = {(p[0], p[1], p[2]) for p in problems(got["id"])}
    assert {(2, "event", "choice"), (3, "at", "stamp"), (4, "service", "no-object"),
            (6, "id", "duplicate")} <= codes, codes
    assert int(sql("SELECT COUNT(*) FROM object_events WHERE account_id = %d AND source_id "
                   "LIKE 'g-%%'" % ACCOUNT)[0][0]) == 0
