"""Reminders (issue 21, remind.c): the reading window, a due date near with
something unpaid, a meter's verification; each once per period, by the
subscriber's choices and in the inbox, and never at night where the
organization is."""
import datetime
import os
import subprocess

import pytest

from conftest import ENV, RELEASE, make_subscriber, sql

PASSWORD = "remind-password-1"


def zone_at(hour):
    """A tz database zone where the local hour is now `hour` (Etc/GMT-k is UTC+k)."""
    now = datetime.datetime.now(datetime.timezone.utc).hour
    for k in range(-12, 15):
        if (now + k) % 24 == hour:
            return "Etc/GMT%+d" % -k if k else "Etc/GMT"
    raise AssertionError("no zone")


def remind(*args):
    env = dict(os.environ, PORTAL_CONFIG=os.path.join(ENV, "portal.ini"))
    r = subprocess.run([os.path.join(RELEASE, "remind")] + list(args), env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.fixture
def org1():
    """The first organization's zone and latest due date, put back afterwards."""
    zone, window = sql("SELECT time_zone, CONCAT(readings_from, ',', readings_to) "
                       "FROM organizations WHERE id = 1")[0]
    period, due = sql("SELECT period, due_on FROM receipt_issues WHERE organization_id = 1 "
                      "ORDER BY period DESC LIMIT 1")[0]
    yield period
    lo, hi = window.split(",")
    sql("UPDATE organizations SET time_zone = '%s', readings_from = %s, readings_to = %s "
        "WHERE id = 1" % (zone, lo, hi))
    sql("UPDATE receipt_issues SET due_on = '%s' WHERE organization_id = 1 AND period = '%s'"
        % (due, period))


def an_account(period, owing):
    """A generated account of the first organization with a meter in use, owing or not
    on the latest receipt, and nobody else's."""
    rows = sql("SELECT a.id, MIN(m.id) FROM accounts a JOIN meters m ON m.account_id = a.id "
               "AND m.removed_on IS NULL WHERE a.organization_id = 1 AND a.id > 1200 "
               "AND NOT EXISTS (SELECT 1 FROM subscriber_accounts sa WHERE sa.account_id = a.id) "
               "AND %s EXISTS (SELECT 1 FROM ledger l WHERE l.account_id = a.id AND "
               "l.period = '%s' AND l.closing > 0) GROUP BY a.id ORDER BY a.id DESC LIMIT 1"
               % ("" if owing else "NOT", period))
    assert rows, "the generated data has such an account"
    return int(rows[0][0]), int(rows[0][1])


def sent(sid):
    return sorted(sql("SELECT kind, channel FROM outbox WHERE subscriber_id = %d AND kind LIKE "
                      "'remind-%%'" % sid))


def kept(sid):
    return sorted(k for (k,) in sql("SELECT kind FROM inbox WHERE subscriber_id = %d AND kind "
                                    "LIKE 'remind-%%'" % sid))


def test_each_reminder_goes_once_per_period_by_the_subscribers_choices(org1):
    acc, meter = an_account(org1, owing=True)
    today = datetime.date.today()
    sid = make_subscriber("remind-once", PASSWORD, [acc], email="remind-once@example.org")
    sql("UPDATE organizations SET time_zone = '%s', readings_from = 1, readings_to = 31 "
        "WHERE id = 1" % zone_at(12))
    sql("UPDATE receipt_issues SET due_on = '%s' WHERE organization_id = 1 AND period = '%s'"
        % (today + datetime.timedelta(days=2), org1))
    sql("UPDATE meters SET verification_due = '%s' WHERE id = %d"
        % (today + datetime.timedelta(days=10), meter))
    sql("DELETE FROM readings WHERE meter_id IN (SELECT id FROM meters WHERE account_id = %d) "
        "AND taken_on >= '%s'" % (acc, today.replace(day=1)))
    issuing = ("UPDATE receipt_issues SET stored_through = %s WHERE organization_id = 1 AND "
               "period = '" + org1 + "'")
    try:
        # A month still being issued, batch by batch (sql/040), is not due yet.
        sql(issuing % "1")
        assert "reminders queued" in remind()
        assert ("remind-due", "email") not in sent(sid) and len(sent(sid)) == 2
        sql(issuing % "NULL")
        out = remind()
        assert "reminders queued" in out
        assert sent(sid) == [("remind-due", "email"), ("remind-readings", "email"),
                             ("remind-verification", "email")]
        assert kept(sid) == ["remind-due", "remind-readings", "remind-verification"]
        assert sql("SELECT kind, object_id FROM reminders_sent WHERE subscriber_id = %d "
                   "ORDER BY kind" % sid) == [("readings", str(acc)), ("due", str(acc)),
                                              ("verification", str(meter))]
        # Again, and again at once from two runs: nothing more.
        remind()
        runs = [subprocess.Popen([os.path.join(RELEASE, "remind")], env=dict(
            os.environ, PORTAL_CONFIG=os.path.join(ENV, "portal.ini")),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
        assert [p.wait(timeout=300) for p in runs] == [0, 0]
        assert len(sent(sid)) == 3 and len(kept(sid)) == 3
        # The text says what and where, in the subscriber's language.
        params = sql("SELECT params FROM outbox WHERE subscriber_id = %d AND kind = "
                     "'remind-verification'" % sid)[0][0]
        number = sql("SELECT number FROM meters WHERE id = %d" % meter)[0][0]
        assert 'meter="%s"' % number in params
    finally:
        sql(issuing % "NULL")
        sql("UPDATE meters SET verification_due = NULL WHERE id = %d" % meter)
        sql("DELETE FROM subscribers WHERE id = %d" % sid)


def test_no_reminder_at_night_where_the_organization_is_and_none_when_paid(org1):
    acc, meter = an_account(org1, owing=False)
    today = datetime.date.today()
    sid = make_subscriber("remind-night", PASSWORD, [acc], email="remind-night@example.org")
    sql("UPDATE subscribers SET notify_email = 'payment' WHERE id = %d" % sid)
    sql("UPDATE receipt_issues SET due_on = '%s' WHERE organization_id = 1 AND period = '%s'"
        % (today + datetime.timedelta(days=1), org1))
    sql("UPDATE meters SET verification_due = '%s' WHERE id = %d"
        % (today + datetime.timedelta(days=5), meter))
    try:
        sql("UPDATE organizations SET time_zone = '%s' WHERE id = 1" % zone_at(3))
        out = remind()
        assert "organizations at night" in out and sent(sid) == [] and kept(sid) == []
        assert sql("SELECT COUNT(*) FROM reminders_sent WHERE subscriber_id = %d" % sid) == \
            [("0",)]
        # By day: a subscriber who turned reminders off gets no message, but the
        # inbox keeps it; paid up, no due-date reminder at all.
        sql("UPDATE organizations SET time_zone = '%s' WHERE id = 1" % zone_at(20))
        remind()
        assert sent(sid) == []
        assert "remind-verification" in kept(sid) and "remind-due" not in kept(sid)
    finally:
        sql("UPDATE meters SET verification_due = NULL WHERE id = %d" % meter)
        sql("DELETE FROM subscribers WHERE id = %d" % sid)


def test_the_job_refuses_bad_arguments():
    env = dict(os.environ, PORTAL_CONFIG=os.path.join(ENV, "portal.ini"))
    for args in (["--limit"], ["--limit", "0"], ["--limit", "x"], ["--every", "5"]):
        r = subprocess.run([os.path.join(RELEASE, "remind")] + args, env=env,
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 2 and "usage: remind" in r.stderr


# ------------------------------------------------------------------ balance alerts (issue 24)

def balance_of(account):
    return int(sql("SELECT -COALESCE(SUM(l.closing), 0) FROM account_summaries s JOIN ledger l "
                   "ON l.account_id = s.account_id AND l.period = s.latest_period "
                   "WHERE s.account_id = %d" % account)[0][0])


def told(sub):
    return sql("SELECT params FROM outbox WHERE subscriber_id = %d AND kind = 'remind-balance' "
               "ORDER BY id" % sub)


def set_alert(s, threshold):
    from conftest import BASE, csrf_of
    r = s.get(BASE + "/accounts/alert")
    return s.post(BASE + "/accounts/alert", data={"csrf": csrf_of(r), "threshold": threshold},
                  allow_redirects=False)


def test_a_balance_under_the_alert_is_told_once_and_again_after_it_came_back(org1):
    from conftest import BASE, doc, signed_in
    owing, _ = an_account(org1, owing=True)
    sub = make_subscriber("alerted", PASSWORD, [owing], email="alerted@example.org")
    sql("UPDATE subscribers SET notify_email = 'reminder', current_account_id = %d WHERE id = %d"
        % (owing, sub))
    sql("UPDATE organizations SET time_zone = '%s' WHERE id = 1" % zone_at(12))
    balance = balance_of(owing)
    assert balance < 0
    s = signed_in("alerted", PASSWORD)
    r = set_alert(s, "0")
    assert r.status_code == 303 and r.headers["Location"] == "/accounts/alert?done=alert-set"
    assert "0,00" in doc(s.get(BASE + "/accounts/alert")).get_element_by_id("alert-state") \
        .text_content()
    remind()
    first = told(sub)
    assert len(first) == 1 and 'account="%s"' % sql("SELECT number FROM accounts WHERE id = %d"
                                                    % owing)[0][0] in first[0][0]
    assert "balance_ru=\"−" in first[0][0] or "balance_ru=\"-" in first[0][0]
    remind()
    assert len(told(sub)) == 1  # once
    # The balance comes back up to the threshold: armed again, and told when it falls.
    sql("UPDATE balance_alerts SET threshold = %d WHERE subscriber_id = %d" % (balance, sub))
    remind()
    assert sql("SELECT below FROM balance_alerts WHERE subscriber_id = %d" % sub) == [("0",)]
    assert len(told(sub)) == 1
    sql("UPDATE balance_alerts SET threshold = %d WHERE subscriber_id = %d" % (balance + 1, sub))
    remind()
    assert len(told(sub)) == 2
    # Setting it again arms it; turning it off stops it.
    r = s.get(BASE + "/accounts/alert")
    from conftest import csrf_of
    r = s.post(BASE + "/accounts/alert", data={"csrf": csrf_of(r), "answer": "off"},
               allow_redirects=False)
    assert r.status_code == 303
    assert sql("SELECT COUNT(*) FROM balance_alerts WHERE subscriber_id = %d" % sub) == [("0",)]
    remind()
    assert len(told(sub)) == 2


def test_no_alert_while_the_balance_is_above_it_nor_at_night(org1):
    from conftest import signed_in
    clear, _ = an_account(org1, owing=False)
    sub = make_subscriber("unalerted", PASSWORD, [clear], email="unalerted@example.org")
    sql("UPDATE subscribers SET notify_email = 'reminder', current_account_id = %d WHERE id = %d"
        % (clear, sub))
    s = signed_in("unalerted", PASSWORD)
    assert set_alert(s, str(balance_of(clear) / 100 - 1)).status_code == 303
    sql("UPDATE organizations SET time_zone = '%s' WHERE id = 1" % zone_at(12))
    remind()
    assert told(sub) == []
    # Under it, but at night where the organization is: nothing until day.
    sql("UPDATE balance_alerts SET threshold = %d WHERE subscriber_id = %d"
        % (balance_of(clear) + 100, sub))
    sql("UPDATE organizations SET time_zone = '%s' WHERE id = 1" % zone_at(3))
    remind()
    assert told(sub) == []


@pytest.mark.parametrize("typed", ["", "abc", "1,001", "99999999999"])
def test_a_bad_threshold_is_refused_beside_the_field_and_kept(org1, typed):
    from conftest import doc, signed_in, written_in
    acc, _ = an_account(org1, owing=False)
    sub = make_subscriber("badalert", PASSWORD, [acc])
    sql("UPDATE subscribers SET current_account_id = %d, lang = 'en' WHERE id = %d" % (acc, sub))
    s = signed_in("badalert", PASSWORD, lang="en")
    r = set_alert(s, typed)
    assert r.status_code == 400
    d = doc(r)
    assert written_in(d.get_element_by_id("error-threshold").text_content(), "en")
    assert d.get_element_by_id("threshold").get("value") == typed
    assert sql("SELECT COUNT(*) FROM balance_alerts WHERE subscriber_id = %d" % sub) == [("0",)]
