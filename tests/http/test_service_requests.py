"""Typed service requests (issue 21): topics that are forms with their own
fields, checked at the edge, kept with the appeal and shown to staff."""
import datetime
import re

import pytest

from appeal_files import pdf
from conftest import BASE, csrf_of, doc, make_subscriber, signed_in, sql, staff_signed_in

USER, PASSWORD = "requests-user", "requests-password-1"
ACCOUNT = 1006  # a generated account of the demo organization, with meters


@pytest.fixture()
def s():
    sid = make_subscriber(USER, PASSWORD, [ACCOUNT], email="requests@example.org")
    sql("DELETE FROM signin_throttles")
    yield signed_in(USER, PASSWORD, "en")
    sql("DELETE FROM appeals WHERE subscriber_id = %d" % sid)
    sql("DELETE FROM subscribers WHERE id = %d" % sid)


def topic(form):
    return sql("SELECT id FROM appeal_topics WHERE organization_id = 1 AND form = '%s'"
               % form)[0][0]


def day(offset):
    return (datetime.date.today() + datetime.timedelta(days=offset)).isoformat()


def send(s, form, fields, files=()):
    page = s.get(BASE + "/appeals/new?topic=" + topic(form))
    data = {"csrf": csrf_of(page), "topic": topic(form), "account": str(ACCOUNT),
            "text": "Прошу принять заявку."}
    data.update(fields)
    parts = [(k, (None, v)) for k, v in data.items()]
    parts += [("files", f) for f in files] or [("files", ("", b"", "application/octet-stream"))]
    return s.post(BASE + "/appeals/new", files=parts, allow_redirects=False)


def kept(r):
    assert r.status_code == 303, (r.status_code, r.text[:500])
    aid = int(re.search(r"id=(\d+)", r.headers["Location"]).group(1))
    return aid, dict(sql("SELECT name, value FROM appeal_fields WHERE appeal_id = %d" % aid))


def refused(r, status, field, code=None):
    assert r.status_code == status, (r.status_code, r.text[:300])
    d = doc(r)
    assert d.xpath('//*[@id="error-%s"]' % field), (field, r.text[:2000])
    assert d.xpath('//fieldset[@id="request-fields"]')  # the request's form is shown again
    return d


def a_meter(account=ACCOUNT):
    rows = sql("SELECT id, number FROM meters WHERE account_id = %d AND removed_on IS NULL "
               "ORDER BY id LIMIT 1" % account)
    assert rows, "the generated account has a meter"
    return rows[0]


def test_the_requests_are_offered_and_each_form_shows_its_own_fields(s):
    d = doc(s.get(BASE + "/appeals/new"))
    links = d.xpath('//nav[@class="requests"]//a/@href')
    assert "/appeals/new?topic=%s" % topic("meter") in links and len(links) == 5
    d = doc(s.get(BASE + "/appeals/new?topic=" + topic("meter")))
    mid, number = a_meter()
    assert d.xpath('//select[@id="meter"]/option[@value="%s"]' % mid)
    assert d.xpath('//input[@name="work"][@value="replacement"]')
    assert d.xpath('//select[@id="topic"]/option[@selected]/@value') == [topic("meter")]
    d = doc(s.get(BASE + "/appeals/new?topic=" + topic("sms-info")))
    assert d.xpath('//input[@id="phone"][@type="tel"]') and not d.xpath('//select[@id="meter"]')


def test_a_meter_request_is_kept_and_staff_see_its_fields(s):
    mid, number = a_meter()
    aid, fields = kept(send(s, "meter", {"meter": mid, "work": "replacement",
                                         "preferred_on": day(7)}))
    assert fields == {"meter": number, "work": "replacement", "preferred_on": day(7)}
    d = doc(s.get(BASE + "/appeals/view?id=%d" % aid))
    assert d.xpath('//dd[@id="request-work"]/text()') == ["Replacement"]
    assert d.xpath('//dd[@id="request-meter"]/text()') == [number]
    staff = doc(staff_signed_in("operator").get(BASE + "/admin/appeal?id=%d" % aid))
    assert staff.xpath('//dd[@id="request-meter"]/text()') == [number]
    assert staff.xpath('//dd[@id="request-preferred_on"]//time/@datetime') == [day(7)]


def test_a_meter_request_refuses_another_accounts_meter_and_a_past_date(s):
    other_meter, _ = a_meter(ACCOUNT + 1)
    d = refused(send(s, "meter", {"meter": other_meter, "work": "verification",
                                  "preferred_on": day(-1)}), 422, "meter")
    assert d.xpath('//*[@id="error-preferred_on"]')  # every fault at once
    assert d.xpath('//input[@id="preferred_on"]/@value') == [day(-1)]  # kept as typed
    assert d.xpath('//textarea[@id="text"]/text()') == ["Прошу принять заявку."]
    refused(send(s, "meter", {"meter": a_meter()[0], "work": "polish",
                              "preferred_on": day(200)}), 422, "work")
    assert sql("SELECT COUNT(*) FROM appeals a JOIN subscribers s ON s.id = a.subscriber_id "
               "WHERE s.login = '%s'" % USER) == [("0",)]


def test_an_absence_needs_its_document_and_a_sane_period(s):
    refused(send(s, "absence", {"from_on": day(-20), "to_on": day(-5)}), 422, "from_on")
    refused(send(s, "absence", {"from_on": day(-5), "to_on": day(-20)},
                 [("ticket.pdf", pdf(), "application/pdf")]), 422, "to_on")
    refused(send(s, "absence", {"from_on": day(-2000), "to_on": day(-1990)},
                 [("ticket.pdf", pdf(), "application/pdf")]), 422, "from_on")
    aid, fields = kept(send(s, "absence", {"from_on": day(-20), "to_on": day(-5)},
                            [("ticket.pdf", pdf(), "application/pdf")]))
    assert fields == {"from_on": day(-20), "to_on": day(-5)}
    assert sql("SELECT COUNT(*) FROM appeal_files WHERE appeal_id = %d" % aid) == [("1",)]


def test_sms_informing_due_date_and_owner_requests(s):
    refused(send(s, "sms-info", {"action": "on", "start_on": day(1)}), 422, "phone")
    refused(send(s, "sms-info", {"action": "maybe", "phone": "+79123456789",
                                 "start_on": day(1)}), 422, "action")
    _, fields = kept(send(s, "sms-info", {"action": "on", "phone": "8 912 345-67-89",
                                          "start_on": day(1)}))
    assert fields == {"action": "on", "phone": "+79123456789", "start_on": day(1)}
    d = refused(send(s, "due-date", {"day": "29"}), 422, "day")
    assert d.xpath('//input[@id="day"]/@value') == ["29"]
    _, fields = kept(send(s, "due-date", {"day": "20"}))
    assert fields == {"day": "20"}
    refused(send(s, "owner", {"change": "owner", "new_owner": ""}), 422, "new_owner")
    _, fields = kept(send(s, "owner", {"change": "residents", "residents": "3"}))
    assert fields == {"change": "residents", "residents": "3"}
    x = s.get(BASE + "/appeals?format=xml")
    assert x.status_code == 200


def test_staff_keep_the_topic_list_and_a_retired_topic_is_refused(s):
    from conftest import staff_signed_in as staff_in
    staff = staff_in("operator")

    def post(path, data):
        token = csrf_of(staff.get(BASE + "/admin/topics?org=1"))
        return staff.post(BASE + path, data=dict({"csrf": token}, **data), allow_redirects=False)

    code = "heat-%d" % (datetime.datetime.now().microsecond)
    r = post("/admin/topics/add", {"org": "1", "topic_code": code, "form": "", "name_ru":
                                   "Отопление", "name_en": "Heating"})
    assert r.status_code == 303 and r.headers["location"].endswith("done=topic-added")
    tid = sql("SELECT id FROM appeal_topics WHERE organization_id = 1 AND code = '%s'" % code)[0][0]
    r = post("/admin/topics/add", {"org": "1", "topic_code": code, "form": "", "name_ru":
                                   "Ещё раз", "name_en": "Again"})
    assert r.status_code == 422 and doc(r).xpath('//*[@id="error-topic_code"]')
    assert doc(r).xpath('//input[@id="name_ru"]/@value') == ["Ещё раз"]
    r = post("/admin/topics/add", {"org": "1", "topic_code": "x-" + code, "form": "teleport",
                                   "name_ru": "Телепорт", "name_en": "Teleport"})
    assert r.status_code == 400 and doc(r).xpath('//*[@id="error-form"]')
    assert tid in doc(s.get(BASE + "/appeals/new")).xpath('//select[@id="topic"]/option/@value')
    r = post("/admin/topics/rename", {"org": "1", "id": tid, "name_ru": "Отопление и ГВС",
                                      "name_en": "Heating and hot water"})
    assert r.status_code == 303
    assert post("/admin/topics/rename", {"org": "2", "id": tid, "name_ru": "Чужая",
                                         "name_en": "Not theirs"}).status_code == 404
    assert post("/admin/topics/active", {"org": "1", "id": tid, "active": "0"}).status_code == 303
    assert tid not in doc(s.get(BASE + "/appeals/new")).xpath(
        '//select[@id="topic"]/option/@value')
    r = send_topic(s, tid)
    assert r.status_code == 422 and doc(r).xpath('//*[@id="error-topic"]')
    assert sql("SELECT name_ru, active FROM appeal_topics WHERE id = %s" % tid) == \
        [("Отопление и ГВС", "0")]
    assert sql("SELECT COUNT(*) FROM audit_log WHERE object_type = 'topic' AND object_id = '%s'"
               % tid) == [("3",)]
    sql("DELETE FROM appeal_topics WHERE id = %s" % tid)


def send_topic(s, tid):
    page = s.get(BASE + "/appeals/new")
    parts = [(k, (None, v)) for k, v in (("csrf", csrf_of(page)), ("topic", tid),
                                         ("account", str(ACCOUNT)), ("text", "Текст"))]
    parts.append(("files", ("", b"", "application/octet-stream")))
    return s.post(BASE + "/appeals/new", files=parts, allow_redirects=False)
