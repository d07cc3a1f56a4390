"""Appeals (обращения): a subscriber writes with files, staff answer in the
console, notes stay with staff, and every refusal is a page in the user's
language with what was typed kept.  A file's type is judged from its bytes."""
import re

import lxml.etree
import pytest

from appeal_files import jpeg, pdf, png, program
from conftest import (BASE, csrf_of, doc, make_subscriber, new_client, signed_in, sql,
                      staff_signed_in)

USER, PASSWORD = "appeals-user", "appeals-password-1"
OTHER, OTHER_PASSWORD = "appeals-other", "appeals-password-2"
ACCOUNT = 1004  # a generated account of the demo organization


@pytest.fixture()
def user():
    sid = make_subscriber(USER, PASSWORD, [ACCOUNT], email="appeals@example.org")
    sql("DELETE FROM signin_throttles")
    yield sid
    sql("DELETE FROM outbox WHERE subscriber_id = %d" % sid)
    sql("DELETE FROM appeals WHERE subscriber_id = %d" % sid)
    sql("DELETE FROM subscribers WHERE id = %d" % sid)


@pytest.fixture()
def other():
    sid = make_subscriber(OTHER, OTHER_PASSWORD, [ACCOUNT + 1])
    yield sid
    sql("DELETE FROM appeals WHERE subscriber_id = %d" % sid)
    sql("DELETE FROM subscribers WHERE id = %d" % sid)


def topic_of(account):
    return sql("SELECT t.id FROM appeal_topics t JOIN accounts a ON a.organization_id = "
               "t.organization_id WHERE a.id = %d AND t.code = 'charges'" % account)[0][0]


def send(s, text="Почему начисление за ноябрь выросло вдвое?", files=(), account=ACCOUNT,
         topic=None, path="/appeals/new", extra=None):
    """The form sent as a browser sends it: fields first, then the files."""
    page = s.get(BASE + (path if path == "/appeals/new" else "/appeals"))
    data = {"csrf": csrf_of(page), "text": text}
    if path == "/appeals/new":
        data.update(topic=str(topic or topic_of(account)), account=str(account))
    data.update(extra or {})
    parts = [(k, (None, v)) for k, v in data.items()]
    parts += [("files", f) for f in files] or [("files", ("", b"", "application/octet-stream"))]
    return s.post(BASE + path, files=parts, allow_redirects=False)


def answer(staff, tok, aid, text, status, files=()):
    """The console's answer form as a browser sends it: multipart, the files last."""
    parts = [(k, (None, v)) for k, v in (("csrf", tok), ("id", str(aid)), ("text", text),
                                         ("status", status))]
    parts += [("files", f) for f in files] or [("files", ("", b"", "application/octet-stream"))]
    return staff.post(BASE + "/admin/appeal/answer", files=parts, allow_redirects=False)


def appeal_id(r):
    assert r.status_code == 303, (r.status_code, r.text[:400])
    return int(re.search(r"id=(\d+)", r.headers["Location"]).group(1))


def test_an_appeal_with_a_photo_and_a_pdf_is_kept_and_given_back_as_sent(user):
    s = signed_in(USER, PASSWORD)
    photo, scan = png(640, 480), pdf()
    r = send(s, files=[("счётчик.png", photo, "image/png"), ("квитанция.pdf", scan,
                                                             "application/pdf")])
    aid = appeal_id(r)
    page = s.get(BASE + r.headers["Location"])
    d = doc(page)
    assert d.get_element_by_id("done").text_content().startswith("Обращение отправлено")
    assert "выросло вдвое" in d.get_element_by_id("thread").text_content()
    links = d.xpath('//ul[@class="files"]/li/a')
    assert [a.text for a in links] == ["счётчик.png", "квитанция.pdf"]
    got = s.get(BASE + links[0].get("href"))
    assert got.status_code == 200 and got.content == photo
    assert got.headers["Content-Type"] == "image/png"
    assert got.headers["Content-Disposition"].startswith("attachment;")
    assert got.headers["X-Content-Type-Options"] == "nosniff"
    assert s.get(BASE + links[1].get("href")).content == scan
    # Kept with its SHA-256 and the type found in it.
    import hashlib
    assert sql("SELECT type, size, HEX(sha256) FROM appeal_files WHERE appeal_id = %d "
               "ORDER BY id" % aid)[0] == ("image/png", str(len(photo)),
                                          hashlib.sha256(photo).hexdigest().upper())
    lst = doc(s.get(BASE + "/appeals"))
    assert lst.get_element_by_id("appeal-%d" % aid) is not None
    xml = s.get(BASE + "/appeals/view?id=%d&format=xml" % aid).text
    assert "<message" in xml and 'type="image/png"' in xml


@pytest.mark.parametrize("name,body,code,words", [
    ("отчёт.pdf", program(), 415, "Принимаются только JPEG, PNG и PDF"),
    ("огромное.png", png(100000, 100000), 422, "Изображение слишком большое"),
    ("большое.jpg", jpeg(30000, 20), 422, "Изображение слишком большое"),
    ("пустой.pdf", b"", 422, "Файл пустой"),
])
def test_a_file_that_is_not_what_it_says_or_too_big_is_refused_and_nothing_kept(
        user, name, body, code, words):
    s = signed_in(USER, PASSWORD)
    r = send(s, text="Текст, который должен остаться", files=[
        ("хорошее.png", png(), "image/png"), (name, body, "application/pdf")])
    assert r.status_code == code, r.status_code
    d = doc(r)
    assert words in d.get_element_by_id("error-files").text_content()
    assert name in d.get_element_by_id("error-files").text_content()
    assert d.get_element_by_id("text").text == "Текст, который должен остаться"
    assert sql("SELECT COUNT(*) FROM appeals WHERE subscriber_id = %d" % user) == [("0",)]
    assert sql("SELECT COUNT(*) FROM appeal_files f JOIN appeals a ON a.id = f.appeal_id "
               "WHERE a.subscriber_id = %d" % user) == [("0",)]


def test_an_oversize_file_and_too_many_files_are_refused(user):
    s = signed_in(USER, PASSWORD)
    big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)
    r = send(s, files=[("большой.pdf", big, "application/pdf")])
    assert r.status_code == 413
    assert "больше 10 МБ" in doc(r).get_element_by_id("error-files").text_content()
    six = [("photo%d.png" % i, png(4 + i, 3), "image/png") for i in range(6)]
    r = send(s, files=six)
    assert r.status_code == 413
    assert "не больше 5 файлов" in doc(r).get_element_by_id("error-files").text_content()
    assert sql("SELECT COUNT(*) FROM appeals WHERE subscriber_id = %d" % user) == [("0",)]


def test_the_same_file_twice_is_refused(user):
    s = signed_in(USER, PASSWORD)
    r = send(s, files=[("a.png", png(), "image/png"), ("b.png", png(), "image/png")])
    assert r.status_code == 422
    assert "уже приложен" in doc(r).get_element_by_id("error-files").text_content()


def test_file_names_with_paths_nul_and_markup_are_shown_as_plain_names(user):
    s = signed_in(USER, PASSWORD)
    r = send(s, text='<script>alert(1)</script> "><img src=x onerror=alert(2)>', files=[
        ("../../etc/passwd.png", png(5, 5), "image/png"),
        ("C:\\Users\\me\\<img src=x onerror=alert(3)>скан.pdf", pdf(), "application/pdf"),
        ("a\x00b\x01.jpg", jpeg(), "image/jpeg")])
    aid = appeal_id(r)
    page = s.get(BASE + "/appeals/view?id=%d" % aid)
    assert b"<script>alert(1)" not in page.content and b"<img src=x" not in page.content
    assert b"<img src=x onerror=alert(3)>" not in page.content
    names = [n for (n,) in sql("SELECT name FROM appeal_files WHERE appeal_id = %d ORDER BY id"
                               % aid)]
    # The directory part goes; markup is kept as text (and escaped when shown); a
    # NUL or control character never reaches the name, however the browser sent it.
    assert names[:2] == ["passwd.png", "<img src=x onerror=alert(3)>скан.pdf"], names
    assert all("/" not in n and "\\" not in n and not re.search(r"[\x00-\x1f]", n)
               for n in names), names
    d = doc(page)
    assert d.xpath('//ul[@class="files"]/li/a/text()')[1] == "<img src=x onerror=alert(3)>скан.pdf"
    # The download is named by the portal, never by the sender.
    href = d.xpath('//ul[@class="files"]/li/a/@href')[0]
    cd = s.get(BASE + href).headers["Content-Disposition"]
    assert re.fullmatch(r'attachment; filename="appeal-file-\d+\.png"', cd), cd


def test_another_subscribers_appeal_and_file_are_not_found(user, other):
    s = signed_in(USER, PASSWORD)
    aid = appeal_id(send(s, files=[("x.png", png(), "image/png")]))
    fid = int(sql("SELECT id FROM appeal_files WHERE appeal_id = %d" % aid)[0][0])
    o = signed_in(OTHER, OTHER_PASSWORD)
    assert o.get(BASE + "/appeals/view?id=%d" % aid).status_code == 404
    assert o.get(BASE + "/appeals/view?id=%d&format=xml" % aid).status_code == 404
    assert o.get(BASE + "/appeals/file?id=%d" % fid).status_code == 404
    page = o.get(BASE + "/appeals")
    r = o.post(BASE + "/appeals/close", data={"csrf": csrf_of(page), "id": str(aid)},
               allow_redirects=False)
    assert r.status_code == 404
    # Nor an account that is not theirs.
    r = send(o, account=ACCOUNT)
    assert r.status_code == 422
    assert sql("SELECT status FROM appeals WHERE id = %d" % aid) == [("new",)]
    # Signed out: to the sign-in page.
    assert new_client().get(BASE + "/appeals/file?id=%d" % fid,
                            allow_redirects=False).status_code == 303


def test_staff_answer_notes_stay_with_staff_and_the_subscriber_is_told(user):
    s = signed_in(USER, PASSWORD)
    aid = appeal_id(send(s, text="Прошу пересчитать.", files=[("p.jpg", jpeg(), "image/jpeg")]))
    staff = staff_signed_in("operator")
    page = staff.get(BASE + "/admin/appeals")
    assert doc(page).get_element_by_id("appeal-%d" % aid) is not None
    page = staff.get(BASE + "/admin/appeal?id=%d" % aid)
    assert "Прошу пересчитать." in doc(page).get_element_by_id("thread").text_content()
    fid = sql("SELECT id FROM appeal_files WHERE appeal_id = %d" % aid)[0][0]
    assert staff.get(BASE + "/admin/appeal/file?id=%s" % fid).content == jpeg()
    tok = csrf_of(page)
    r = staff.post(BASE + "/admin/appeal/note", data={
        "csrf": tok, "id": str(aid), "text": "СЕКРЕТНАЯ ЗАМЕТКА: проверить счётчик"},
        allow_redirects=False)
    assert r.status_code == 303
    r = answer(staff, tok, aid, "", "resolved")
    assert r.status_code == 400
    r = answer(staff, tok, aid, "Пересчитали, спасибо.", "new")
    assert r.status_code == 400
    assert doc(r).get_element_by_id("text").text == "Пересчитали, спасибо."
    r = answer(staff, tok, aid, "Пересчитали, спасибо.", "resolved")
    assert r.status_code == 303 and r.headers["Location"].endswith("done=answered")
    staff_page = staff.get(BASE + "/admin/appeal?id=%d" % aid).text
    assert "СЕКРЕТНАЯ ЗАМЕТКА" in staff_page
    # The subscriber: the answer, marked unread, and never the note.
    lst = doc(s.get(BASE + "/appeals"))
    assert "unread" in lst.get_element_by_id("appeal-%d" % aid).get("class", "")
    for q in ("/appeals/view?id=%d" % aid, "/appeals/view?id=%d&format=xml" % aid, "/appeals",
              "/appeals?format=xml"):
        assert "СЕКРЕТНАЯ" not in s.get(BASE + q).text, q
    view = doc(s.get(BASE + "/appeals/view?id=%d" % aid))
    assert "Пересчитали, спасибо." in view.get_element_by_id("thread").text_content()
    assert view.get_element_by_id("status").text_content().strip() == "решено"
    lst = doc(s.get(BASE + "/appeals"))
    assert "unread" not in (lst.get_element_by_id("appeal-%d" % aid).get("class") or "")
    # Told by e-mail (appeals are on by default).
    assert sql("SELECT kind, channel FROM outbox WHERE subscriber_id = %d AND "
               "kind = 'appeal-answer'" % user) == [("appeal-answer", "email")]


def test_unread_marks_are_the_subscribers_across_sessions(user):
    one, two = signed_in(USER, PASSWORD), signed_in(USER, PASSWORD)
    aid = appeal_id(send(one))
    staff = staff_signed_in("operator")
    page = staff.get(BASE + "/admin/appeal?id=%d" % aid)
    answer(staff, csrf_of(page), aid, "Ответ", "waiting")

    def mark(s):
        """The appeal's own unread mark in the list (the menu's counts carry the word too)."""
        return lxml.etree.fromstring(s.get(BASE + "/appeals?format=xml").content).xpath(
            '//appeal[@id="%d"]/@unread' % aid)
    assert mark(one) == ["1"]
    assert mark(two) == ["1"]
    two.get(BASE + "/appeals/view?id=%d" % aid)  # read in the second browser
    assert mark(one) == []


def test_reply_close_and_reopen_within_fourteen_days(user):
    s = signed_in(USER, PASSWORD)
    aid = appeal_id(send(s))
    r = send(s, text="Дополнение", path="/appeals/reply", extra={"id": str(aid)})
    assert r.status_code == 303 and r.headers["Location"].endswith("done=replied")
    page = s.get(BASE + "/appeals/view?id=%d" % aid)
    r = s.post(BASE + "/appeals/close", data={"csrf": csrf_of(page), "id": str(aid)},
               allow_redirects=False)
    assert r.headers["Location"].endswith("done=closed")
    r = send(s, text="Ещё", path="/appeals/reply", extra={"id": str(aid)})
    assert r.status_code == 409
    assert doc(r).get_element_by_id("text").text == "Ещё"
    sql("UPDATE appeals SET closed_at = UTC_TIMESTAMP(6) - INTERVAL 15 DAY WHERE id = %d" % aid)
    page = s.get(BASE + "/appeals/view?id=%d" % aid)
    assert not doc(page).xpath('//form[@id="reopen-form"]')
    r = s.post(BASE + "/appeals/reopen", data={"csrf": csrf_of(page), "id": str(aid)},
               allow_redirects=False)
    assert r.status_code == 409
    sql("UPDATE appeals SET closed_at = UTC_TIMESTAMP(6) - INTERVAL 13 DAY WHERE id = %d" % aid)
    r = s.post(BASE + "/appeals/reopen", data={"csrf": csrf_of(page), "id": str(aid)},
               allow_redirects=False)
    assert r.headers["Location"].endswith("done=reopened")
    assert sql("SELECT status FROM appeals WHERE id = %d" % aid) == [("new",)]


def test_five_appeals_a_day_and_bad_fields_in_words(user):
    s = signed_in(USER, PASSWORD, "en")
    r = send(s, text="")
    assert r.status_code == 400
    r = send(s, text="x" * 4001)
    assert r.status_code in (400, 413, 422)
    for i in range(5):
        appeal_id(send(s, text="Appeal %d" % i))
    r = send(s, text="The sixth")
    assert r.status_code == 429
    assert "5 appeals today" in doc(r).get_element_by_id("form-error").text_content()
    assert doc(r).get_element_by_id("text").text == "The sixth"
    assert sql("SELECT COUNT(*) FROM appeals WHERE subscriber_id = %d" % user) == [("5",)]


def test_roles_viewers_read_operators_answer(user):
    s = signed_in(USER, PASSWORD)
    aid = appeal_id(send(s))
    viewer_page = staff_signed_in("operator").get(BASE + "/admin/appeal?id=%d" % aid)
    assert viewer_page.status_code == 200
    other_org = sql("SELECT MAX(id) FROM appeals WHERE organization_id <> 1")
    assert other_org  # may be NULL: then the 404 below is for an id no one has
    r = staff_signed_in("operator").get(BASE + "/admin/appeal?id=999999999")
    assert r.status_code == 404


def test_staff_answer_with_a_file_the_subscriber_downloads_and_a_bad_file_writes_nothing(user):
    s = signed_in(USER, PASSWORD)
    aid = appeal_id(send(s))
    staff = staff_signed_in("operator")
    tok = csrf_of(staff.get(BASE + "/admin/appeal?id=%d" % aid))
    before = sql("SELECT COUNT(*) FROM appeal_messages WHERE appeal_id = %d" % aid)
    r = answer(staff, tok, aid, "Бланк во вложении.", "waiting",
               [("бланк.pdf", pdf(), "application/pdf"), ("evil.pdf", program(), "application/pdf")])
    assert r.status_code == 415
    assert doc(r).xpath('//p[@id="error-files"]/q/text()') == ["evil.pdf"]
    assert doc(r).get_element_by_id("text").text == "Бланк во вложении."
    assert sql("SELECT COUNT(*) FROM appeal_messages WHERE appeal_id = %d" % aid) == before
    r = answer(staff, tok, aid, "Бланк во вложении.", "waiting",
               [("бланк.pdf", pdf(), "application/pdf")])
    assert r.status_code == 303
    fid = sql("SELECT f.id FROM appeal_files f JOIN appeal_messages m ON m.id = f.message_id "
              "WHERE f.appeal_id = %d AND m.author = 'staff'" % aid)[0][0]
    view = doc(s.get(BASE + "/appeals/view?id=%d" % aid))
    assert view.xpath('//li[contains(@class, "from-staff")]//a[@id="file-%s"]' % fid)
    got = s.get(BASE + "/appeals/file?id=%s" % fid)
    assert got.content == pdf() and got.headers["Content-Disposition"].startswith("attachment")
