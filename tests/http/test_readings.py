"""Meter readings: the form, the preview, submission, the window, history.

Demo meters (sql/demo/004-meters.sql): demo's account 1 has meter 1 (three
zones) and 2 (cold water, three decimals), account 2 has meter 3 (99 870 of
99 999); demo2's account 3 has meter 4.  Six months of accepted readings,
the last on the 20th of last month.
"""
import datetime

import lxml.etree
import pytest

from conftest import BASE, DEMO2, doc, error_message, signed_in, sql


@pytest.fixture(autouse=True)
def clean_readings():
    def reset():
        sql("DELETE FROM readings WHERE source = 'subscriber'")
        sql("UPDATE organizations SET readings_from = 1, readings_to = 31 WHERE id = 1")
    reset()
    yield
    reset()


def page_xml(s, path="/readings", **params):
    params["format"] = "xml"
    r = s.get(BASE + path, params=params, allow_redirects=False)
    assert r.status_code == 200, r.status_code
    return lxml.etree.fromstring(r.content)


def last(meter, zone=0):
    return int(sql("SELECT value FROM readings WHERE meter_id = %d AND zone = %d AND status = "
                   "'accepted' ORDER BY taken_on DESC, id DESC LIMIT 1" % (meter, zone))[0][0])


def form_of(s):
    """The readings form as the page fills it in."""
    d = doc(s.get(BASE + "/readings"))
    data = {i.get("name"): i.get("value") for i in d.xpath('//form[@id="readings-form"]//input')
            if i.get("type") != "checkbox"}
    return data


def post(s, data, action):
    return s.post(BASE + "/readings", data=dict(data, action=action), allow_redirects=False)


def test_every_meter_of_every_linked_account_prefilled():
    s = signed_in()
    x = page_xml(s)
    assert x.xpath("//meter/@id") == ["1", "2", "3"]
    assert [g.get("value") for g in x.xpath('//meter[@id="1"]/register')] == \
        [str(last(1, z)) for z in range(3)]
    assert x.xpath('//meter[@id="2"]/register/@value') == ["%.3f" % (last(2) / 1000)]
    f = form_of(s)
    assert {"m1z1", "m1z2", "m1z3", "m2z1", "m3z1"} <= set(f)
    assert page_xml(signed_in(DEMO2[0], DEMO2[1])).xpath("//meter/@id") == ["4"]


def test_preview_shows_consumption_and_estimate_and_stores_nothing():
    s = signed_in()
    f = form_of(s)
    f.update(m1z1=str(last(1, 0) + 130), m1z2=str(last(1, 1) + 80), m1z3=str(last(1, 2) + 100))
    r = post(s, f, "preview")
    assert r.status_code == 200
    d = doc(r)
    assert d.get_element_by_id("preview-title") is not None
    row = d.get_element_by_id("meter-1").text_content()
    assert "130" in row and "80" in row
    assert "₽" in d.get_element_by_id("estimate-1").text_content()
    assert sql("SELECT COUNT(*) FROM readings WHERE source = 'subscriber'") == [("0",)]


def test_submit_stores_the_changed_registers_and_history_shows_them():
    s = signed_in()
    f = form_of(s)
    # Usual use however few days have passed since the demo's reading on the 20th:
    # under a third of a month's (120 and 9.5 m3) in one day, so never questioned.
    t1 = last(1, 0) + 11
    f.update(m1z1=str(t1), m2z1="%.3f" % (last(2) / 1000 + 0.444))
    r = post(s, f, "submit")
    assert r.status_code == 303 and r.headers["Location"] == "/readings?done=1"
    rows = sql("SELECT meter_id, zone, value, status, taken_on = '%s' FROM readings "
               "WHERE source = 'subscriber' ORDER BY meter_id, zone" % org_today())
    assert [r_[:4] for r_ in rows] == [("1", "0", str(t1), "accepted"),
                                       ("2", "0", str(last(2)), "accepted")]
    assert all(r_[4] == "1" for r_ in rows)
    d = doc(s.get(BASE + "/readings?done=1"))
    assert d.get_element_by_id("readings-done") is not None
    assert d.get_element_by_id("m1z1").get("value") == str(t1)
    h = page_xml(s, "/readings/history", meter="1")
    new = h.xpath('//reading[@source="subscriber"]')[0]
    assert new.get("consumed") == "11" and new.get("status") == "accepted"
    html = doc(s.get(BASE + "/readings/history", params={"meter": "1"}))
    assert "абонент" in html.get_element_by_id("history").text_content()


def test_below_the_previous_reading_needs_the_rollover_box():
    s = signed_in()
    f = dict(form_of(s), m3z1="120")
    r = post(s, f, "preview")
    assert r.status_code == 400
    assert doc(r).get_element_by_id("error-m3z1").text_content().startswith(
        "Показания меньше предыдущих")
    r = post(s, dict(f, m3r="1"), "preview")
    assert r.status_code == 200
    assert page_xml(s) is not None
    x = lxml.etree.fromstring(s.post(BASE + "/readings?format=xml",
                                     data=dict(f, m3r="1", action="preview")).content)
    assert x.xpath('//meter[@id="3"]/register/@consumed') == ["250"]
    # A "rollover" that would mean more than half the register is refused.
    r = post(s, dict(f, m3z1="60000", m3r="1"), "preview")
    assert r.status_code == 400
    assert "неправдоподобен" in doc(r).get_element_by_id("error-m3z1").text_content()


def test_unusually_high_consumption_warns_but_does_not_refuse():
    s = signed_in()
    f = dict(form_of(s), m1z1=str(last(1, 0) + 2000))
    r = post(s, f, "preview")
    assert r.status_code == 200
    assert doc(r).get_element_by_id("unusual-m1z1") is not None
    assert post(s, f, "submit").status_code == 303
    # Taken, and waiting for staff's review (the console's readings page).
    assert sql("SELECT status FROM readings WHERE meter_id = 1 AND zone = 0 AND source = "
               "'subscriber'") == [("pending",)]
    assert last(1, 0) + 2000 != last(1, 0)  # the last accepted one is unchanged


@pytest.mark.parametrize("field,value,message", [
    ("m1z1", "12.5", "Показания этого счётчика — целое число, без знаков после запятой."),
    ("m2z1", "1.2345", "Показания — число без знака, не больше трёх знаков после запятой."),
    ("m2z1", "-5", "Показания — число без знака, не больше трёх знаков после запятой."),
    ("m1z2", "abc", "Показания этого счётчика — целое число, без знаков после запятой."),
    ("m1z3", "", "Заполните поле."),
    ("m1z1", "9999999999999", "Таких больших показаний счётчик показать не может: проверьте число цифр."),
])
def test_bad_values_get_a_message_next_to_the_field(field, value, message):
    s = signed_in()
    f = dict(form_of(s), m1z2=str(last(1, 1) + 1))
    f[field] = value
    for action in ("preview", "submit"):
        r = post(s, f, action)
        assert r.status_code == 400
        assert doc(r).get_element_by_id("error-" + field).text_content() == message
    assert sql("SELECT COUNT(*) FROM readings WHERE source = 'subscriber'") == [("0",)]


def org_today(org=1):
    """Today where the organization is: its readings window and taken_on follow its zone."""
    from zoneinfo import ZoneInfo
    (tz,) = sql("SELECT time_zone FROM organizations WHERE id = %d" % org)[0]
    return datetime.datetime.now(ZoneInfo(tz)).date()


def test_outside_the_window_nothing_is_taken_and_the_window_is_named():
    day = org_today().day
    lo, hi = (1, day - 1) if day > 1 else (2, 31)
    sql("UPDATE organizations SET readings_from = %d, readings_to = %d WHERE id = 1" % (lo, hi))
    s = signed_in()
    f = dict(form_of(s), m1z1=str(last(1, 0) + 10))
    r = post(s, f, "submit")
    assert r.status_code == 400
    d = doc(r)
    assert d.get_element_by_id("error-m1z1").text_content().startswith(
        "Показания по этому счёту сейчас не принимаются")
    assert "Показания принимаются с %d по %d число месяца." % (lo, hi) in \
        d.get_element_by_id("window-1").text_content()
    assert "Сейчас приём закрыт." in d.get_element_by_id("window-1").text_content()
    assert sql("SELECT COUNT(*) FROM readings WHERE source = 'subscriber'") == [("0",)]


def test_a_closed_window_says_when_it_opens_and_still_checks_readings():
    today = org_today()
    # Opens on a day still ahead this month, or (on the last days) next month.
    if today.day < 28:
        lo, hi = today.day + 1, 28
        opens = today.replace(day=lo)
    else:
        lo, hi = 1, 2
        opens = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    sql("UPDATE organizations SET readings_from = %d, readings_to = %d WHERE id = 1" % (lo, hi))
    s = signed_in()
    d = doc(s.get(BASE + "/readings"))
    said = d.get_element_by_id("window-1").text_content()
    assert "Сейчас приём закрыт. Приём откроется %s." % opens.strftime("%d.%m.%Y") in said
    # Every meter of demo's accounts is closed: nothing to send, checking still works.
    assert not d.xpath('//*[@id="readings-submit"]') and d.xpath('//*[@id="readings-closed"]')
    f = dict(form_of(s), m1z1=str(last(1, 0) + 10))
    r = post(s, f, "preview")
    assert r.status_code == 200
    assert doc(r).xpath('//*[@id="preview-title"]')
    assert sql("SELECT COUNT(*) FROM readings WHERE source = 'subscriber'") == [("0",)]


def test_a_huge_reading_is_called_too_large_and_kept_as_typed():
    s = signed_in()
    f = dict(form_of(s), m1z1="99999999999999999999")
    r = post(s, f, "preview")
    assert r.status_code == 400
    d = doc(r)
    assert d.get_element_by_id("error-m1z1").text_content().strip().startswith(
        "Таких больших показаний счётчик показать не может")
    assert d.xpath('string(//input[@name="m1z1"]/@value)') == "99999999999999999999"


def test_nothing_new_is_said_plainly():
    s = signed_in()
    r = post(s, form_of(s), "submit")
    assert r.status_code == 400
    assert error_message(r) == "Новых показаний нет: измените показания хотя бы одного счётчика."


def test_history_of_a_meter_not_linked_is_404():
    s = signed_in()
    for v in ("4", "424242", "0", "abc"):
        r = s.get(BASE + "/readings/history", params={"meter": v})
        assert r.status_code == 404, v
    assert s.get(BASE + "/readings/history").status_code == 404


def test_requests_without_an_action_or_token_are_refused():
    s = signed_in()
    f = form_of(s)
    r = s.post(BASE + "/readings", data=f, allow_redirects=False)
    assert r.status_code == 400
    f.pop("csrf")
    r = s.post(BASE + "/readings", data=dict(f, action="submit"), allow_redirects=False)
    assert r.status_code == 403


def test_in_english():
    s = signed_in(lang="en")
    f = dict(form_of(s), m3z1="120")
    r = post(s, f, "preview")
    assert doc(r).get_element_by_id("error-m3z1").text_content().startswith(
        "Below the previous reading")
    d = doc(s.get(BASE + "/readings"))
    assert d.xpath("//h1")[0].text_content() == "Meter readings"


def test_a_reading_beyond_the_meters_digits_is_too_large_not_below_the_previous():
    # Meter 3 has five digits (99 870 now): 123 456 cannot show on it at all.
    s = signed_in()
    for lang, words in (("ru", "Таких больших показаний"), ("en", "cannot show a number")):
        c = signed_in(lang=lang)
        r = post(c, dict(form_of(c), m3z1="123456", m3r="1"), "preview")
        assert r.status_code == 400
        d = doc(r)
        assert words in d.get_element_by_id("error-m3z1").text_content()
        assert d.xpath('string(//input[@name="m3z1"]/@value)') == "123456"
    assert post(s, dict(form_of(s), m3z1="123456"), "submit").status_code == 400
    assert sql("SELECT COUNT(*) FROM readings WHERE source = 'subscriber'") == [("0",)]


def after_a_rollover():
    """Meter 3 passed zero yesterday: 99 870 on the 20th of last month, then 50 (180 used)."""
    sql("INSERT INTO readings (meter_id, zone, taken_on, value, source, status, created_at, "
        "taken_at) VALUES (3, 0, UTC_DATE() - INTERVAL 1 DAY, 50, 'subscriber', 'accepted', "
        "NOW(6), NOW(6))")  # taken by the organization: no longer the subscriber's to correct


def test_history_shows_what_a_rollover_reading_used():
    after_a_rollover()
    s = signed_in()
    x = page_xml(s, "/readings/history", meter=3)
    yesterday = (datetime.datetime.now(datetime.timezone.utc).date() -
                 datetime.timedelta(days=1)).isoformat()
    r = x.xpath('//history/reading[@on="%s"]' % yesterday)[0]
    assert r.get("consumed") == "180" and r.get("rollover") == "1"
    # The readings before it still show their monthly 130.
    assert x.xpath('//history/reading[@value="99870"]/@consumed') == ["130"]


def test_the_unusual_use_warning_still_works_after_a_rollover():
    # Typical use is 130 a month (700 over the last 162 days, the step through zero
    # counted as the 180 it used, not as the register's whole range); 100 in one day
    # is far beyond three times that.
    after_a_rollover()
    s = signed_in()
    r = post(s, dict(form_of(s), m3z1="150"), "preview")
    assert r.status_code == 200
    assert doc(r).get_element_by_id("unusual-m3z1") is not None
    # A day's ordinary use is not questioned.
    r = post(s, dict(form_of(s), m3z1="54"), "preview")
    assert r.status_code == 200 and not doc(r).xpath('//*[@id="unusual-m3z1"]')


def test_a_water_meters_reading_has_a_decimal_comma_in_russian():
    value = last(2)  # thousandths of a cubic metre
    want = "%d,%03d" % divmod(value, 1000)
    d = doc(signed_in().get(BASE + "/readings"))
    assert d.xpath('string(//input[@name="m2z1"]/@value)') == want
    assert want in d.text_content()  # the last reading, shown beside it
    d = doc(signed_in(lang="en").get(BASE + "/readings"))
    assert d.xpath('string(//input[@name="m2z1"]/@value)') == want.replace(",", ".")
    # And a reading typed with a comma is read as the decimal it is.
    s = signed_in()
    r = s.post(BASE + "/readings?format=xml", data=dict(
        form_of(s), m2z1="%d,%03d" % divmod(value + 1500, 1000), action="preview"))
    assert r.status_code == 200
    assert lxml.etree.fromstring(r.content).xpath(
        '//meter[@id="2"]/register/@consumed') == ["1.500"]


def test_the_window_and_the_readings_day_are_the_organizations_own():
    """Organization 1 on Kiritimati (UTC+14), then on Pago Pago (UTC-11): 25 hours apart,
    so their calendar days always differ; the window is the day it is on Kiritimati."""
    from zoneinfo import ZoneInfo
    now = datetime.datetime.now(datetime.timezone.utc)
    kiritimati = now.astimezone(ZoneInfo("Pacific/Kiritimati")).date()
    before = sql("SELECT time_zone FROM organizations WHERE id = 1")[0][0]
    try:
        sql("UPDATE organizations SET time_zone = 'Pacific/Kiritimati', readings_from = %d, "
            "readings_to = %d WHERE id = 1" % (kiritimati.day, kiritimati.day))
        s = signed_in()
        x = page_xml(s)
        assert x.xpath('//meter[@id="3"]/@window-open') == ["1"]
        assert x.find("readings").get("today") == kiritimati.isoformat()
        r = post(s, dict(form_of(s), m3z1=str(last(3) + 5)), "submit")
        assert r.status_code == 303, r.status_code
        assert sql("SELECT DATE_FORMAT(taken_on, '%Y-%m-%d') FROM readings WHERE meter_id = 3 "
                   "AND source = 'subscriber'") == [(kiritimati.isoformat(),)]
        sql("UPDATE organizations SET time_zone = 'Pacific/Pago_Pago' WHERE id = 1")
        x = page_xml(s)
        assert x.xpath('//meter[@id="3"]/@window-open') == []
    finally:
        sql("UPDATE organizations SET time_zone = '%s' WHERE id = 1" % before)


def api_feed_to_the_end():
    """The organization takes what the readings feed hands over (the demo's API key)."""
    import requests
    after = ""
    while True:
        r = requests.get(BASE + "/api/v1/readings", params={"after": after, "limit": 1000},
                         headers={"Authorization": "Bearer demo-exchange-key"})
        assert r.status_code == 200, r.text
        page = r.json()
        after = page["next"]
        if not page["has_more"]:
            return page


def test_a_mistyped_reading_is_corrected_until_the_organization_takes_it():
    s = signed_in()
    before = last(1, 0)
    assert post(s, dict(form_of(s), m1z1=str(before + 500)), "submit").status_code == 303
    # The form offers it for correction, and compares a correction with the reading before it.
    d = doc(s.get(BASE + "/readings"))
    assert d.xpath('string(//input[@name="m1z1"]/@value)') == str(before + 500)
    assert str(before + 500) in d.get_element_by_id("own-m1z1").text_content()
    r = post(s, dict(form_of(s), m1z1=str(before + 50)), "submit")
    assert r.status_code == 303
    rows = sql("SELECT id, value, status, IFNULL(replaces, 0) FROM readings WHERE meter_id = 1 AND zone = 0 "
               "AND source = 'subscriber' ORDER BY id")
    assert [(v, st) for _, v, st, _ in rows] == [(str(before + 500), "replaced"),
                                                 (str(before + 50), "accepted")]
    assert rows[1][3] == rows[0][0]
    x = page_xml(s, "/readings/history", meter=1)
    assert x.xpath('//history/reading[@zone="1"][@status="replaced"]/@value') == [str(before + 500)]
    assert last(1, 0) == before + 50
    # The organization takes it through the API's feed: no longer the subscriber's to change.
    page = api_feed_to_the_end()
    assert sql("SELECT COUNT(*) FROM readings WHERE meter_id = 1 AND zone = 0 AND source = 'subscriber' "
               "AND taken_at IS NULL") == [("0",)]
    d = doc(s.get(BASE + "/readings"))
    assert not d.xpath('//*[@id="own-m1z1"]')
    r = post(s, dict(form_of(s), m1z1=str(before + 20)), "preview")
    assert r.status_code == 400  # below the taken reading now, not a correction of it
    assert doc(r).get_element_by_id("error-m1z1").text_content().startswith(
        "Показания меньше предыдущих")
    assert page is not None


def test_a_reading_under_review_is_taken_when_staff_decide():
    s = signed_in()
    f = dict(form_of(s), m1z1=str(last(1, 0) + 2000))
    assert post(s, f, "submit").status_code == 303  # unusual: waits for review
    rid = sql("SELECT id FROM readings WHERE meter_id = 1 AND zone = 0 AND source = "
              "'subscriber' AND status = 'pending'")[0][0]
    # Still the subscriber's: corrected, it replaces the pending one.
    assert post(s, dict(form_of(s), m1z1=str(last(1, 0) + 30)), "submit").status_code == 303
    assert sql("SELECT status FROM readings WHERE id = %s" % rid) == [("replaced",)]


# The last six months' steps as reading.meters once summed them in SQL (two correlated
# subqueries per register, each with a third per reading): the reference db/reading.c's
# steps in C (billing/reading.c, issue 22) must agree with.
STEPS_SQL = (
    "FROM readings h JOIN readings p ON p.id = (SELECT q.id FROM readings q "
    "WHERE q.meter_id = h.meter_id AND q.zone = h.zone AND q.status = 'accepted' "
    "AND q.taken_on < h.taken_on ORDER BY q.taken_on DESC, q.id DESC LIMIT 1) "
    "WHERE h.meter_id = %d AND h.zone = %d AND h.status = 'accepted' "
    "AND p.taken_on >= UTC_DATE() - INTERVAL 6 MONTH")


def usual(meter, zone):
    rng = "(SELECT CAST(POW(10, digits + decimals) AS SIGNED) FROM meters WHERE id = %d)" % meter
    steps = STEPS_SQL % (meter, zone)
    used, days = sql("SELECT IFNULL((SELECT SUM(MOD(h.value - p.value + %s, %s)) %s), 0), "
                     "IFNULL((SELECT DATEDIFF(MAX(h.taken_on), MIN(p.taken_on)) %s), 0)"
                     % (rng, rng, steps, steps))[0]
    return int(used), int(days)


def test_the_warning_starts_just_over_three_times_the_last_six_months():
    """A consumption of exactly three times what the last six months' steps give for the
    days since the last reading is not questioned, one unit more is.  A second reading
    entered on a day already read (a correction), and one entered long before the six
    months, are in the history as the steps must take them."""
    taken = [r[0] for r in sql("SELECT DATE_FORMAT(taken_on, '%Y-%m-%d') FROM readings "
                               "WHERE meter_id = 1 AND zone = 0 AND status = 'accepted' "
                               "ORDER BY taken_on, id")]
    assert len(taken) >= 4
    mid = taken[len(taken) // 2]
    prior = sql("SELECT value FROM readings WHERE meter_id = 1 AND zone = 0 AND taken_on = '%s' "
                "ORDER BY id DESC LIMIT 1" % mid)[0][0]
    (top,) = sql("SELECT MAX(id) FROM readings")[0]
    sql("INSERT INTO readings (meter_id, zone, taken_on, value, source, status, created_at) "
        "VALUES (1, 0, '%s', %d, 'staff', 'accepted', UTC_TIMESTAMP(6)), "
        "(1, 0, UTC_DATE() - INTERVAL 8 MONTH, 1, 'staff', 'accepted', UTC_TIMESTAMP(6))"
        % (mid, int(prior) + 7))
    try:
        used, days = usual(1, 0)
        assert used > 0 and days > 0
        (last_on,) = sql("SELECT DATE_FORMAT(MAX(taken_on), '%Y-%m-%d') FROM readings "
                         "WHERE meter_id = 1 AND zone = 0 AND status = 'accepted'")[0]
        since = (org_today() - datetime.date.fromisoformat(last_on)).days
        most = 3 * used * since // days  # consumed * days > 3 * used * since is questioned
        s = signed_in()
        for consumed, questioned in ((most, False), (most + 1, True)):
            r = post(s, dict(form_of(s), m1z1=str(last(1, 0) + consumed)), "preview")
            assert r.status_code == 200, r.text[:300]
            assert (doc(r).get_element_by_id("unusual-m1z1", None) is not None) == questioned, \
                (consumed, used, days, since)
    finally:
        sql("DELETE FROM readings WHERE id > %s AND source = 'staff'" % top)
