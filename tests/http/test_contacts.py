"""Contacts and help (issue 21): offices with tel: links and the office of the
subscriber's own district, questions and answers, the rules of service, blank
forms staff upload, a site map; anyone may read it."""
import hashlib

from lxml import etree

from conftest import BASE, DEMO, DEMO2, csrf_of, doc, new_client, signed_in, sql, staff_signed_in
from appeal_files import png, program


def post(s, path, data, files=None):
    token = csrf_of(s.get(BASE + "/admin/help?org=1"))
    return s.post(BASE + path, data=dict({"csrf": token}, **data), files=files,
                  allow_redirects=False)


def pdf(text="form"):
    body = ("%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
            "%% %s\ntrailer<</Root 1 0 R>>\n%%%%EOF\n" % text)
    return body.encode()


def test_anyone_reads_the_contacts_with_phones_to_call_and_a_site_map():
    s = new_client("en")
    r = s.get(BASE + "/contacts")
    assert r.status_code == 200
    d = doc(r)
    org = d.xpath('//section[@id="org-1"]')[0]
    assert "tel:+78001002030" in org.xpath('.//a/@href')
    assert "mailto:abonent@rc-ensk.example" in org.xpath('.//a/@href')
    assert org.xpath('.//li[@id="office-1"]//a[@href="tel:+74951002032"]')
    assert not org.xpath('.//*[contains(@class, "yours-mark")]')  # nobody's district unsigned
    assert org.xpath('.//details[starts-with(@id, "question-")]/summary')
    assert org.xpath('.//details[starts-with(@id, "rules-")]')
    form = org.xpath('.//li[starts-with(@id, "form-")]/a/@href')[0]
    got = s.get(BASE + form)
    assert got.status_code == 200 and got.content.startswith(b"%PDF-")
    assert got.headers["Content-Type"] == "application/pdf"
    assert got.headers["Content-Disposition"].startswith("attachment;")
    assert got.headers["X-Content-Type-Options"] == "nosniff"
    assert "/readings" in d.xpath('//nav[@id="site-map"]//a/@href')
    x = etree.fromstring(s.get(BASE + "/contacts?format=xml").content)
    assert x.xpath('//contacts/org[@id="1"]/office/serves')
    assert s.get(BASE + "/contacts?id=999999").status_code == 404
    assert s.get(BASE + "/contacts/form?id=999999").status_code == 404
    assert s.get(BASE + "/contacts/form?id=x").status_code in (400, 404)


def test_a_subscriber_sees_their_organizations_and_their_districts_office():
    d = doc(signed_in(DEMO2[0], DEMO2[1]).get(BASE + "/contacts"))
    assert d.xpath('//section[@id="org-1"]') and not d.xpath('//section[@id="org-2"]')
    demo2_account = sql("SELECT a.number FROM accounts a JOIN subscriber_accounts sa ON "
                        "sa.account_id = a.id JOIN subscribers s ON s.id = sa.subscriber_id "
                        "WHERE s.login = 'demo2' AND a.address LIKE 'г. Энск, пр. Победы%'")
    yours = d.xpath('//li[contains(@class, "yours")]/@id')
    assert yours == ["office-2"]  # пр. Победы: the longest district that fits
    assert demo2_account[0][0] in d.xpath('//li[@id="office-2"]')[0].text_content()
    d = doc(signed_in(DEMO[0], DEMO[1]).get(BASE + "/contacts"))
    assert d.xpath('//li[contains(@class, "yours")]/@id') == ["office-1"]


def test_a_website_that_is_not_a_web_address_is_never_a_link():
    before = sql("SELECT website FROM organizations WHERE id = 2")[0][0]
    sql("UPDATE organizations SET website = 'javascript:alert(1)' WHERE id = 2")
    try:
        d = doc(new_client().get(BASE + "/contacts?id=2"))
        assert not [h for h in d.xpath('//a/@href') if h.startswith("javascript")]
    finally:
        sql("UPDATE organizations SET website = %s WHERE id = 2"
            % ("NULL" if before == "NULL" else "'%s'" % before))


def test_staff_write_questions_and_rules_and_they_are_shown_as_text():
    s = staff_signed_in("operator")
    q = "Как <script>alert(1)</script> оплатить?"
    r = post(s, "/admin/help/question", {"org": "1", "question_ru": q,
                                         "answer_ru": "Картой <b>онлайн</b>.",
                                         "question_en": "How to pay?", "answer_en": "By card."})
    assert r.status_code == 303 and r.headers["location"] == "/admin/help?org=1&done=question-added"
    qid = sql("SELECT id FROM org_questions WHERE question_ru = '%s'" % q.replace("'", "''"))[0][0]
    page = signed_in(DEMO[0], DEMO[1]).get(BASE + "/contacts")
    assert "<script>alert(1)" not in page.text and "&lt;script&gt;" in page.text
    assert doc(page).xpath('//details[@id="question-%s"]/summary/text()' % qid) == [q]
    en = new_client("en").get(BASE + "/contacts?id=1")
    assert doc(en).xpath('//details[@id="question-%s"]/summary/text()' % qid) == ["How to pay?"]
    # A question without its answer: refused, what was typed kept.
    r = post(s, "/admin/help/question", {"org": "1", "question_ru": "Только вопрос",
                                         "answer_ru": "", "question_en": "Q", "answer_en": ""})
    assert r.status_code == 400
    assert doc(r).xpath('//input[@id="question_ru"]/@value') == ["Только вопрос"]
    # Another organization's staff cannot remove it; its own can, and it is audited.
    assert post(s, "/admin/help/question/delete", {"org": "2", "id": qid}).status_code == 404
    r = post(s, "/admin/help/question/delete", {"org": "1", "id": qid})
    assert r.status_code == 303
    assert sql("SELECT COUNT(*) FROM org_questions WHERE id = %s" % qid) == [("0",)]
    assert sql("SELECT COUNT(*) FROM audit_log WHERE action = 'delete-question' AND "
               "after_value = '%s'" % qid) == [("1",)]


def test_staff_upload_a_blank_form_checked_from_its_content():
    s = staff_signed_in("operator")
    title = "Заявление о смене собственника"
    data = {"org": "1", "title_ru": title, "title_en": "Change of owner"}
    body = pdf("owner")
    r = post(s, "/admin/help/form", data, files={"file": ("заявление.pdf", body, "application/pdf")})
    assert r.status_code == 303, r.text[:300]
    fid, size, sha = sql("SELECT id, size, HEX(sha256) FROM org_forms WHERE title_ru = '%s'"
                         % title)[0]
    assert int(size) == len(body) and sha.lower() == hashlib.sha256(body).hexdigest()
    got = new_client().get(BASE + "/contacts/form?id=%s" % fid)
    assert got.content == body
    # The same file again; a program named .pdf; a picture; nothing chosen; too big.
    for name, content, status, code in (
            ("again.pdf", body, 422, "file-twice"),
            ("form.pdf", program(), 415, "form-pdf"),
            ("photo.pdf", png(10, 10), 415, "form-pdf"),
            ("big.pdf", pdf("x" * (10 << 20)), 413, "file-large")):
        r = post(s, "/admin/help/form", data, files={"file": (name, content, "application/pdf")})
        assert r.status_code == status, (name, r.status_code)
        assert doc(r).xpath('//input[@id="title_ru"]/@value') == [title], name
        assert sql("SELECT COUNT(*) FROM org_forms WHERE title_ru = '%s'" % title) == [("1",)]
    r = post(s, "/admin/help/form", data, files={"file": ("", b"", "application/octet-stream")})
    assert r.status_code == 400
    gone = post(staff_signed_in("admin"), "/admin/help/form/delete",
                {"org": "1", "id": fid})
    assert gone.status_code == 303
    assert new_client().get(BASE + "/contacts/form?id=%s" % fid).status_code == 404
    assert sql("SELECT COUNT(*) FROM org_form_chunks WHERE form_id = %s" % fid) == [("0",)]
