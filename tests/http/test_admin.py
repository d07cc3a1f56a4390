"""The operator console (cgi-bin/admin.c): staff sign-in with a second factor,
roles, organization scoping, the audit log, and what staff do."""
import itertools
import os
import re
import subprocess
import threading
import time

import pymysql
import pytest

from conftest import (BASE, ENV, RELEASE, STAFF, csrf_of, doc, error_message, make_subscriber,
                      new_client, password_hash, signed_in, sql, staff_code_step,
                      staff_password_step, staff_signed_in, totp)

ADMIN_SECRET = STAFF["admin"][1]
_seq = itertools.count(1)


def uniq(prefix):
    return "%s%d%d" % (prefix, os.getpid() % 1000, next(_seq))


def make_staff(login, role, orgs, password="staff-password-1", enrolled=True):
    """A staff member; enrolled ones share the demo administrator's TOTP secret."""
    sql("DELETE FROM staff_organizations WHERE staff_id IN (SELECT id FROM staff WHERE login = '%s')"
        % login)
    sql("DELETE FROM staff_sessions WHERE staff_id IN (SELECT id FROM staff WHERE login = '%s')"
        % login)
    sql("DELETE FROM staff_recovery_codes WHERE staff_id IN "
        "(SELECT id FROM staff WHERE login = '%s')" % login)
    sql("DELETE FROM staff WHERE login = '%s'" % login)
    secret = "(SELECT s.totp_secret FROM staff s WHERE s.login = 'admin')" if enrolled else "NULL"
    sql("INSERT INTO staff (login, full_name, password_hash, role, totp_secret) "
        "SELECT '%s', 'Сотрудник Тестовый', '%s', '%s', %s" % (login, password_hash(password), role,
                                                              secret))
    sid = int(sql("SELECT id FROM staff WHERE login = '%s'" % login)[0][0])
    for o in orgs:
        sql("INSERT INTO staff_organizations (staff_id, organization_id) VALUES (%d, %d)" % (sid, o))
    return sid


def sign_in(login, password, secret=ADMIN_SECRET):
    sql("UPDATE staff SET totp_last_step = 0 WHERE login = '%s'" % login)
    s = new_client()
    r = staff_password_step(s, login, password)
    assert r.status_code == 303, r.text[:300]
    r = staff_code_step(s, totp(secret))
    assert r.status_code == 303 and r.headers["location"] == "/admin", r.text[:300]
    return s


def post(s, path, data, from_page="/admin", multipart=False):
    token = csrf_of(s.get(BASE + from_page))
    fields = dict({"csrf": token}, **data)
    if multipart:  # a form with files, sent with none chosen
        parts = [(k, (None, v)) for k, v in fields.items()]
        return s.post(BASE + path, files=parts + [("files", ("", b"", "application/octet-stream"))],
                      allow_redirects=False)
    return s.post(BASE + path, data=fields, allow_redirects=False)


def org2_account():
    """An account of the second organization (the demo has none there)."""
    number = uniq("T2")
    sql("INSERT INTO accounts (organization_id, number, payer_name, address, residents, "
        "area_centi_m2) VALUES (2, '%s', 'Плательщик Второй', 'г. Алматы, ул. Абая, д. 1', 1, "
        "4000)" % number)
    return int(sql("SELECT id FROM accounts WHERE number = '%s'" % number)[0][0])


def audit_rows(action, object_id=None):
    q = "SELECT staff_login, ip, object_type, object_id, before_value, after_value, " \
        "organization_id FROM audit_log WHERE action = '%s'" % action
    if object_id is not None:
        q += " AND object_id = '%s'" % object_id
    return sql(q + " ORDER BY id")


# ------------------------------------------------------------------ signing in

def test_password_then_code_signs_in_and_is_audited():
    sql("UPDATE staff SET totp_last_step = 0 WHERE login = 'admin'")
    s = new_client()
    r = staff_password_step(s, "admin", "admin-password")
    assert r.status_code == 303 and r.headers["location"] == "/admin/login/code"
    # Half signed in: nothing of the console yet.
    r = s.get(BASE + "/admin", allow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/admin/login")
    before = len(audit_rows("sign-in"))
    r = staff_code_step(s, totp(ADMIN_SECRET))
    assert r.status_code == 303 and r.headers["location"] == "/admin"
    r = s.get(BASE + "/admin")
    assert r.status_code == 200 and doc(r).xpath('//section[@id="org-1"]')
    rows = audit_rows("sign-in")
    assert len(rows) == before + 1 and rows[-1][0] == "admin" and rows[-1][5] == "totp"
    assert sql("SELECT result FROM staff_login_attempts WHERE login = 'admin' "
               "ORDER BY id DESC LIMIT 1") == [("ok",)]


def test_wrong_password_is_one_answer_for_every_cause():
    for login in ("admin", "nobody-here"):
        s = new_client("en")
        r = staff_password_step(s, login, "wrong-password")
        assert r.status_code == 422
        assert error_message(r) == "Invalid login or password"
        assert doc(r).xpath('//input[@id="login"]/@value') == [login]


def test_wrong_code_is_refused_and_counted():
    sql("UPDATE staff SET totp_last_step = 0 WHERE login = 'admin'")
    s = new_client("en")
    staff_password_step(s, "admin", "admin-password")
    good = totp(ADMIN_SECRET)
    bad = "%06d" % ((int(good) + 1) % 1000000)
    r = staff_code_step(s, bad)
    assert r.status_code == 422 and error_message(r) == "The code is wrong or has expired."
    assert sql("SELECT result FROM staff_login_attempts WHERE login = 'admin' "
               "ORDER BY id DESC LIMIT 1") == [("code-fail",)]
    assert s.get(BASE + "/admin", allow_redirects=False).status_code == 303


def test_a_code_is_good_once():
    sql("UPDATE staff SET totp_last_step = 0 WHERE login = 'admin'")
    code = totp(ADMIN_SECRET)
    s = new_client("en")
    staff_password_step(s, "admin", "admin-password")
    assert staff_code_step(s, code).status_code == 303
    # The same code again, from another browser, in its window: refused.
    t = new_client("en")
    staff_password_step(t, "admin", "admin-password")
    r = staff_code_step(t, code)
    assert r.status_code == 422
    assert error_message(r) == "This code was used already. Wait for the next one."
    assert t.get(BASE + "/admin", allow_redirects=False).status_code == 303


def test_expired_code_is_refused_and_a_neighbour_step_is_not():
    import datetime
    now = datetime.datetime.utcnow()
    old = (now - datetime.timedelta(minutes=3)).strftime("%Y-%m-%d %H:%M:%S")
    sql("UPDATE staff SET totp_last_step = 0 WHERE login = 'admin'")
    s = new_client()
    staff_password_step(s, "admin", "admin-password")
    assert staff_code_step(s, totp(ADMIN_SECRET, old)).status_code == 422
    # A phone's clock half a minute behind still works (one step of slack).
    prev = (now - datetime.timedelta(seconds=30)).strftime("%Y-%m-%d %H:%M:%S")
    assert staff_code_step(s, totp(ADMIN_SECRET, prev)).status_code == 303


def test_lockout_after_failures():
    s = new_client()
    for _ in range(5):
        assert staff_password_step(s, "operator", "wrong").status_code == 422
    r = staff_password_step(s, "operator", "operator-password")
    assert r.status_code == 429 and r.headers.get("Retry-After") == "900"


def test_staff_cookie_is_the_consoles_only():
    sql("UPDATE staff SET totp_last_step = 0 WHERE login = 'admin'")
    s = new_client()
    r = staff_password_step(s, "admin", "admin-password")
    cookie = [c for c in r.headers["Set-Cookie"].split(", ") if c.startswith("staff=")][0]
    assert "Path=/admin" in cookie and "SameSite=Strict" in cookie and "HttpOnly" in cookie
    staff_code_step(s, totp(ADMIN_SECRET))
    # A subscriber page does not know staff: it asks for a subscriber's sign-in.
    r = s.get(BASE + "/", allow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    # Nor does a subscriber's session open the console.
    sub = signed_in()
    r = sub.get(BASE + "/admin", allow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/admin/login")


def test_enrolment_shows_a_qr_code_and_ten_recovery_codes_each_good_once():
    login = uniq("enrol")
    make_staff(login, "viewer", [1], enrolled=False)
    s = new_client("en")
    r = staff_password_step(s, login, "staff-password-1")
    assert r.headers["location"] == "/admin/login/enrol"
    r = s.get(BASE + "/admin/login/enrol")
    d = doc(r)
    secret = d.xpath('//code[@id="totp-secret"]/text()')[0]
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    assert d.xpath('//svg//path/@d')[0].startswith("M")
    # Shown again, it is the same secret: one per enrolment.
    assert doc(s.get(BASE + "/admin/login/enrol")).xpath(
        '//code[@id="totp-secret"]/text()') == [secret]
    token = csrf_of(r)
    r = s.post(BASE + "/admin/login/enrol", data={"csrf": token, "code": "000000"},
               allow_redirects=False)
    assert r.status_code == 422
    r = s.post(BASE + "/admin/login/enrol", data={"csrf": token, "code": totp(secret)},
               allow_redirects=False)
    assert r.status_code == 200 and r.headers.get("Cache-Control") == "no-store"
    codes = doc(r).xpath('//ul[@id="recovery-codes"]/li/code/text()')
    assert len(codes) == 10 and len(set(codes)) == 10
    assert s.get(BASE + "/admin").status_code == 200
    # Kept hashed: no code is in the table as text.
    dump = " ".join(h for (h,) in sql("SELECT HEX(code_hash) FROM staff_recovery_codes "
                                      "WHERE staff_id = (SELECT id FROM staff WHERE login = '%s')"
                                      % login))
    assert len(dump.split()) == 10 and not any(c.replace("-", "").upper() in dump for c in codes)
    assert len(audit_rows("enrol-factor")) >= 1

    def with_code(code):
        t = new_client("en")
        staff_password_step(t, login, "staff-password-1")
        return staff_code_step(t, code)

    assert with_code(codes[3].upper()).status_code == 303
    r = with_code(codes[3])
    assert r.status_code == 422 and error_message(r) == "The code is wrong or has expired."
    assert with_code(codes[4].replace("-", "")).status_code == 303


def test_administrator_resets_a_second_factor():
    login = uniq("reset")
    sid = make_staff(login, "operator", [1])
    victim = sign_in(login, "staff-password-1")
    admin = staff_signed_in("admin")
    r = post(admin, "/admin/staff/reset-factor", {"id": str(sid)}, "/admin/staff")
    assert r.status_code == 303 and \
        r.headers["location"] == "/admin/staff/member?id=%d&done=reset-factor" % sid
    # Their sessions ended; the next sign-in enrols afresh.
    assert victim.get(BASE + "/admin", allow_redirects=False).status_code == 303
    s = new_client()
    assert staff_password_step(s, login, "staff-password-1").headers["location"] == \
        "/admin/login/enrol"
    rows = audit_rows("staff-reset-factor", str(sid))
    assert rows and rows[-1][0] == "admin" and rows[-1][4:6] == ("enrolled", "none")


# ------------------------------------------------------------------ roles

@pytest.fixture(scope="module")
def paid_payment():
    """A succeeded card payment of an organization-1 account, for the payment actions."""
    from test_payments import card_page, start
    make_subscriber("matrix-payer", "matrix-payer-password-1", [1007])
    s = signed_in("matrix-payer", "matrix-payer-password-1")
    url, oid = start(s, {"a1007": "10.00"})
    card_page(url)
    from conftest import wait_until
    wait_until(lambda: sql("SELECT status FROM online_payments WHERE id = %d" % oid)[0][0] ==
               "succeeded", 10, "the payment")
    return oid


@pytest.fixture(scope="module")
def sessions():
    make_staff("t-accountant", "accountant", [1])
    make_staff("t-viewer", "viewer", [1])
    out = {"admin": staff_signed_in("admin"), "operator": staff_signed_in("operator"),
           "accountant": sign_in("t-accountant", "staff-password-1"),
           "viewer": sign_in("t-viewer", "staff-password-1")}
    return out


def matrix_appeal():
    """demo2's appeal of the demo data: of organization 1, which every demo staff serves."""
    return int(sql("SELECT MIN(ap.id) FROM appeals ap JOIN subscribers s ON "
                   "s.id = ap.subscriber_id WHERE s.login = 'demo2'")[0][0])


def matrix_subject():
    sub = make_subscriber(uniq("mx"), "matrix-password-1", [2], email="mx@example.org")
    sql("INSERT INTO contact_requests (subscriber_id, field, value, created_at) "
        "VALUES (%d, 'mobile', '+79001112233', NOW())" % sub)
    req = sql("SELECT MAX(id) FROM contact_requests WHERE subscriber_id = %d" % sub)[0][0]
    return sub, req


ORG_FIELDS = ("name", "short_name", "inn", "kpp", "address", "phones", "email", "website", "bank_name", "bic",
              "bank_account", "corr_account", "receipt_note", "time_zone", "readings_from",
              "readings_to", "pay_by_day", "month_days_x10")


def org_form(password, org=1):
    """The organization's form as it stands: saving it changes nothing (other tests
    rely on the demo organization's details)."""
    row = sql("SELECT %s FROM organizations WHERE id = %d" % (", ".join(ORG_FIELDS), org))[0]
    form = {k: ("" if v == "NULL" else v) for k, v in zip(ORG_FIELDS, row)}
    form["password"] = password
    return form


ALL = {"admin", "operator", "accountant", "viewer"}
SERVE = {"admin", "operator"}
MONEY = {"admin", "accountant"}
ADMIN = {"admin"}
PASSWORDS = {"admin": "admin-password", "operator": "operator-password",
             "accountant": "staff-password-1", "viewer": "staff-password-1"}

# (action, who may, how it is done)
ACTIONS = [
    ("overview", ALL, lambda s, x: s.get(BASE + "/admin")),
    ("search", ALL, lambda s, x: s.get(BASE + "/admin/subscribers?by=login&q=demo")),
    ("subscriber", ALL, lambda s, x: s.get(BASE + "/admin/subscriber?id=" + x["sub"])),
    ("requests", ALL, lambda s, x: s.get(BASE + "/admin/requests")),
    ("news", ALL, lambda s, x: s.get(BASE + "/admin/news")),
    ("organization", ALL, lambda s, x: s.get(BASE + "/admin/organization?org=1")),
    ("block", SERVE, lambda s, x: post(s, "/admin/subscriber/block", {"id": x["sub"]})),
    ("unblock", SERVE, lambda s, x: post(s, "/admin/subscriber/unblock", {"id": x["sub"]})),
    ("view-as", SERVE, lambda s, x: post(s, "/admin/subscriber/view-as", {"id": x["sub"]})),
    ("end-sessions", SERVE,
     lambda s, x: post(s, "/admin/subscriber/end-sessions", {"id": x["sub"]})),
    ("reset-link", SERVE, lambda s, x: post(s, "/admin/subscriber/reset-link", {"id": x["sub"]})),
    ("two-factor-off", SERVE, lambda s, x: post(s, "/admin/subscriber/two-factor-off", {
        "id": x["sub"], "password": x["password"]})),
    ("link", SERVE, lambda s, x: post(s, "/admin/subscriber/link", {
        "id": x["sub"], "org": "1", "number": sql("SELECT number FROM accounts WHERE id = 1012")[0][0]})),
    ("unlink", SERVE, lambda s, x: post(s, "/admin/subscriber/unlink", {"id": x["sub"],
                                                                        "account": "2"})),
    ("holder-form", ALL, lambda s, x: s.get(BASE + "/admin/account/login?account=1013")),
    ("create-login", SERVE, lambda s, x: post(s, "/admin/account/login?account=1013", {
        "account": "1013", "login": uniq("made"), "channel": "email",
        "email": "made@example.org"})),
    ("readings", ALL, lambda s, x: s.get(BASE + "/admin/readings")),
    ("reading-accept", SERVE, lambda s, x: post(s, "/admin/readings/accept", {"id": "999999999"})),
    ("reading-enter", SERVE, lambda s, x: post(s, "/admin/readings/enter", {
        "org": "1", "number": "1000456701", "meter": "NO-SUCH", "zone": "1", "value": "1",
        "taken_on": "2026-11-25"})),
    ("approve", SERVE, lambda s, x: post(s, "/admin/requests/approve", {"id": x["req"]})),
    ("reject", SERVE,
     lambda s, x: post(s, "/admin/requests/reject", {"id": x["req"], "reason": "не ваш номер"})),
    ("news-form", SERVE, lambda s, x: s.get(BASE + "/admin/news/new")),
    ("publish", SERVE, lambda s, x: post(s, "/admin/news/new", {
        "org": "1", "title_ru": "Проверка", "body_ru": "Текст", "title_en": "Check",
        "body_en": "Text", "audience": "accounts", "targets": "1000456702",
        "publish_at": "2099-01-01T10:00"})),
    ("organization-save", ADMIN,
     lambda s, x: post(s, "/admin/organization?org=1", org_form(x["password"]))),
    ("staff", ADMIN, lambda s, x: s.get(BASE + "/admin/staff")),
    ("staff-form", ADMIN, lambda s, x: s.get(BASE + "/admin/staff/new")),
    ("staff-create", ADMIN, lambda s, x: post(s, "/admin/staff/new", {
        "login": uniq("new"), "full_name": "Новый Сотрудник", "role": "viewer", "org": "1",
        "new_password": "a-long-staff-password"})),
    ("staff-role", ADMIN, lambda s, x: post(s, "/admin/staff/role", {
        "id": x["other"], "role": "viewer", "password": x["password"]})),
    ("staff-disable", ADMIN, lambda s, x: post(s, "/admin/staff/disable", {"id": x["other"]})),
    ("staff-enable", ADMIN, lambda s, x: post(s, "/admin/staff/enable", {"id": x["other"]})),
    ("staff-reset-factor", ADMIN,
     lambda s, x: post(s, "/admin/staff/reset-factor", {"id": x["other"]})),
    ("payments", ALL, lambda s, x: s.get(BASE + "/admin/payments?by=id&q=" + x["pay"])),
    ("payment", ALL, lambda s, x: s.get(BASE + "/admin/payment?id=" + x["pay"])),
    ("payment-recheck", MONEY, lambda s, x: post(s, "/admin/payment/recheck", {"id": x["pay"]})),
    # A refund refused for its amount: allowed means it got past the role to the form.
    ("payment-refund", MONEY, lambda s, x: post(s, "/admin/payment/refund", {
        "id": x["pay"], "amount": "0", "reason": "проверка", "key": "m" * 43,
        "password": x["password"]})),
    ("appeals", ALL, lambda s, x: s.get(BASE + "/admin/appeals")),
    ("appeal", ALL, lambda s, x: s.get(BASE + "/admin/appeal?id=" + x["appeal"])),
    ("appeal-note", SERVE, lambda s, x: post(s, "/admin/appeal/note", {
        "id": x["appeal"], "text": "заметка"})),
    ("appeal-assign", SERVE, lambda s, x: post(s, "/admin/appeal/assign", {
        "id": x["appeal"], "take": "0"})),
    ("appeal-answer", SERVE, lambda s, x: post(s, "/admin/appeal/answer", {
        "id": x["appeal"], "text": "ответ", "status": "in-progress"}, multipart=True)),
    ("help", ALL, lambda s, x: s.get(BASE + "/admin/help?org=1")),
    ("topics", ALL, lambda s, x: s.get(BASE + "/admin/topics?org=1")),
    ("topic-add", SERVE, lambda s, x: post(s, "/admin/topics/add", {
        "org": "1", "topic_code": uniq("mx-"), "form": "", "name_ru": "Тема матрицы",
        "name_en": "Matrix topic"})),
    ("help-question", SERVE, lambda s, x: post(s, "/admin/help/question", {
        "org": "1", "question_ru": "Вопрос матрицы", "answer_ru": "Ответ",
        "question_en": "Matrix question", "answer_en": "Answer"})),
    # The rules as they are: saving them changes nothing the demo shows.
    ("help-rules", SERVE, lambda s, x: post(s, "/admin/help/rules", dict(zip(
        ("org", "rules_ru", "rules_en"), ["1"] + [v.replace("\\n", "\n") for v in sql(
            "SELECT rules_ru, rules_en FROM organizations WHERE id = 1")[0]])))),
    ("audit", ADMIN, lambda s, x: s.get(BASE + "/admin/audit")),
    ("audit-csv", ADMIN, lambda s, x: s.get(BASE + "/admin/audit?format=csv")),
]


@pytest.mark.parametrize("role", sorted(ALL))
@pytest.mark.parametrize("action,allowed,do", ACTIONS, ids=[a[0] for a in ACTIONS])
def test_role_matrix(sessions, paid_payment, role, action, allowed, do):
    sub, req = matrix_subject()
    other = make_staff(uniq("other"), "viewer", [1])
    before_audit = int(sql("SELECT COUNT(*) FROM audit_log")[0][0])
    before_sub = sql("SELECT active, phone FROM subscribers WHERE id = %d" % sub)
    before_staff = sql("SELECT role, active, totp_secret IS NULL FROM staff WHERE id = %d" % other)
    appeal = matrix_appeal()
    before_appeal = sql("SELECT status, assigned_to, (SELECT COUNT(*) FROM appeal_messages "
                        "WHERE appeal_id = %d) FROM appeals WHERE id = %d" % (appeal, appeal))
    try:
        r = do(sessions[role], {"sub": str(sub), "req": req, "other": str(other),
                                "password": PASSWORDS[role], "pay": str(paid_payment),
                                "appeal": str(appeal)})
        after_appeal = sql("SELECT status, assigned_to, (SELECT COUNT(*) FROM appeal_messages "
                           "WHERE appeal_id = %d) FROM appeals WHERE id = %d" % (appeal, appeal))
    finally:
        # demo2's appeal is put back as the demo has it.
        sql("DELETE FROM appeal_messages WHERE appeal_id = %d AND body IN ('заметка', 'ответ')"
            % appeal)
        sql("DELETE FROM outbox WHERE kind = 'appeal-answer' AND params LIKE '%%id=\"%d\"%%'"
            % appeal)
        sql("UPDATE appeals SET status = 'resolved', assigned_to = 2, "
            "subscriber_seen_at = UTC_TIMESTAMP(6) WHERE id = %d" % appeal)
        sql("DELETE FROM org_questions WHERE question_ru = 'Вопрос матрицы'")
        sql("DELETE FROM appeal_topics WHERE name_ru = 'Тема матрицы'")
        # The queue stays short for the tests that read it.
        sql("UPDATE contact_requests SET status = 'rejected' WHERE id = %s "
            "AND status = 'pending'" % req)
        after_staff = sql("SELECT role, active, totp_secret IS NULL FROM staff WHERE id = %d"
                          % other)
    # The staff list stays the size of a real one.
    sql("DELETE FROM staff_sessions WHERE staff_id = %d" % other)
    sql("DELETE FROM staff_organizations WHERE staff_id = %d" % other)
    if not sql("SELECT 1 FROM audit_log WHERE staff_id = %d" % other):
        sql("DELETE FROM staff WHERE id = %d AND id NOT IN (SELECT created_by FROM news)"
            % other)
    if role in allowed:
        # Allowed: past the role check to the action (a refused form is the form's word).
        assert r.status_code in (200, 303) or (action in ("payment-refund", "reading-enter")
                                               and r.status_code in (400, 422)), \
            (role, action, r.status_code, r.text[:300])
    else:
        assert r.status_code == 403, (role, action, r.status_code)
        assert "Вашей роли это действие недоступно." in r.text
        # Refused means nothing changed and nothing was logged as done.
        assert int(sql("SELECT COUNT(*) FROM audit_log")[0][0]) == before_audit
        assert sql("SELECT active, phone FROM subscribers WHERE id = %d" % sub) == before_sub
        assert sql("SELECT COUNT(*) FROM subscriber_accounts WHERE subscriber_id = %d" % sub) == \
            [("1",)]
        assert after_staff == before_staff
        assert after_appeal == before_appeal
        assert sql("SELECT staff_id FROM contact_requests WHERE id = %s" % req) == [("NULL",)]


def test_the_console_shows_each_role_only_its_buttons(sessions):
    sub, _ = matrix_subject()
    for role, buttons in (("operator", 1), ("viewer", 0), ("accountant", 0)):
        d = doc(sessions[role].get(BASE + "/admin/subscriber?id=%d" % sub))
        assert bool(d.xpath('//button[@id="block-%d"]' % sub)) == bool(buttons), role
        nav = d.xpath('//nav//a/@href')
        assert ("/admin/staff" in nav) is False and ("/admin/audit" in nav) is False


def test_nobody_changes_their_own_role_or_disables_themselves():
    me = int(sql("SELECT id FROM staff WHERE login = 'admin'")[0][0])
    s = staff_signed_in("admin")
    for path, data in (("/admin/staff/role", {"id": me, "role": "viewer",
                                              "password": "admin-password"}),
                       ("/admin/staff/disable", {"id": me})):
        assert post(s, path, data).status_code == 403
    assert sql("SELECT role, active FROM staff WHERE id = %d" % me) == [("admin", "1")]


# ------------------------------------------------------------------ organizations

def test_another_organizations_subscriber_is_not_found():
    acc = org2_account()
    login = uniq("org2-")
    sub = make_subscriber(login, "org2-password-1", [acc])
    op = staff_signed_in("operator")
    assert op.get(BASE + "/admin/subscriber?id=%d" % sub).status_code == 404
    r = op.get(BASE + "/admin/subscribers?by=login&q=" + login)
    assert doc(r).xpath('//p[@id="no-results"]')
    assert post(op, "/admin/subscriber/block", {"id": sub}).status_code == 404
    assert sql("SELECT active FROM subscribers WHERE id = %d" % sub) == [("1",)]
    # Their phone request is not in the operator's queue, and deciding it does nothing.
    sql("INSERT INTO contact_requests (subscriber_id, field, value, created_at) "
        "VALUES (%d, 'mobile', '+79009998877', NOW())" % sub)
    req = sql("SELECT MAX(id) FROM contact_requests WHERE subscriber_id = %d" % sub)[0][0]
    assert not doc(op.get(BASE + "/admin/requests")).xpath('//*[@id="request-%s"]' % req)
    r = post(op, "/admin/requests/approve", {"id": req})
    assert r.headers["location"] == "/admin/requests?done=gone"
    assert sql("SELECT status FROM contact_requests WHERE id = %s" % req) == [("pending",)]
    # Nor the organization itself.
    assert op.get(BASE + "/admin/organization?org=2").status_code == 404
    # The administrator of both sees it all.
    admin = staff_signed_in("admin")
    assert admin.get(BASE + "/admin/subscriber?id=%d" % sub).status_code == 200
    assert doc(admin.get(BASE + "/admin/requests")).xpath('//*[@id="request-%s"]' % req)


# ------------------------------------------------------------------ subscribers

def test_search_each_way_and_pages_by_key():
    login = uniq("finder")
    name = "Искомый %s Иванович" % login
    sub = make_subscriber(login, "finder-password-1", [3], email=login + "@example.org",
                          name=name)
    sql("UPDATE subscribers SET phone = '+79001234599' WHERE id = %d" % sub)
    s = staff_signed_in("admin")
    for by, q in (("login", login), ("email", login + "@example.org"),
                  ("phone", "8 (900) 123-45-99"), ("name", name[:-5])):
        d = doc(s.get(BASE + "/admin/subscribers", params={"by": by, "q": q}))
        assert d.xpath('//a[@href="/admin/subscriber?id=%d"]' % sub), (by, q)
    d = doc(s.get(BASE + "/admin/subscribers", params={"by": "account", "q": "1000789003"}))
    assert d.xpath('//table[@id="results"]//td[text()="1000789003"]')
    # An address prefix with many accounts pages by key, 20 at a time.
    d = doc(s.get(BASE + "/admin/subscribers", params={"by": "address", "q": "г. "}))
    rows = d.xpath('//table[@id="results"]/tbody/tr')
    nxt = d.xpath('//a[@id="next-page"]/@href')
    assert len(rows) == 20 and nxt and "after=" in nxt[0]
    d2 = doc(s.get(BASE + nxt[0]))
    first = d.xpath('//table[@id="results"]/tbody/tr/td[1]/text()')
    second = d2.xpath('//table[@id="results"]/tbody/tr/td[1]/text()')
    assert second and not set(first) & set(second)
    # In address order, then by account (sql/043: read in the index's order, no sort).
    assert first + second == [n for (n,) in sql(
        "SELECT a.number FROM accounts a JOIN staff_organizations so ON so.organization_id = "
        "a.organization_id JOIN staff st ON st.id = so.staff_id AND st.login = 'admin' "
        "WHERE a.address LIKE 'г. %' ORDER BY a.address, a.id LIMIT 40")]
    r = s.get(BASE + "/admin/subscribers", params={"by": "phone", "q": "not a phone"})
    assert r.status_code == 422


def test_search_by_name_pages_in_name_order_and_keeps_to_the_staff_members_organizations():
    """25 subscribers with one surname: 20, then 5, by name and then by id (the index's
    order, read without a sort); one linked only in another organization is not the
    operator's to find."""
    surname = uniq("Страницын")
    ids = [make_subscriber(uniq("pager"), "pager-password-1", [3],
                           name="%s %s Петрович" % (surname, chr(0x410 + k % 5)))
           for k in range(25)]
    number = uniq("77")[:20]
    sql("INSERT INTO accounts (organization_id, number, payer_name, address, residents, "
        "area_centi_m2) VALUES (2, '%s', 'Чужой', 'г. Алматы', 1, 3000)" % number)
    other = int(sql("SELECT id FROM accounts WHERE organization_id = 2 AND number = '%s'"
                    % number)[0][0])
    outsider = make_subscriber(uniq("pager"), "pager-password-1", [other],
                               name=surname + " Чужой")
    want = [int(i) for (i,) in sql("SELECT id FROM subscribers WHERE full_name LIKE '%s%%' AND "
                                    "id IN (%s) ORDER BY full_name, id" % (
                                        surname, ",".join(map(str, ids))))]
    s = staff_signed_in("operator")
    d = doc(s.get(BASE + "/admin/subscribers", params={"by": "name", "q": surname}))
    links = d.xpath('//table[@id="results"]//a[starts-with(@href, "/admin/subscriber?id=")]/@href')
    nxt = d.xpath('//a[@id="next-page"]/@href')
    assert len(links) == 20 and nxt
    links += doc(s.get(BASE + nxt[0])).xpath(
        '//table[@id="results"]//a[starts-with(@href, "/admin/subscriber?id=")]/@href')
    assert [int(h.split("=")[1]) for h in links] == want
    # The administrator of both organizations finds the outsider too.
    d = doc(staff_signed_in("admin").get(BASE + "/admin/subscribers",
                                         params={"by": "name", "q": surname + " Ч"}))
    assert d.xpath('//a[@href="/admin/subscriber?id=%d"]' % outsider)


def test_block_ends_sessions_and_sign_in_until_unblocked():
    login = uniq("blocked")
    sub = make_subscriber(login, "blocked-password-1", [3])
    victim = signed_in(login, "blocked-password-1")
    s = staff_signed_in("operator")
    r = post(s, "/admin/subscriber/block", {"id": sub})
    assert r.headers["location"] == "/admin/subscriber?id=%d&done=block" % sub
    assert victim.get(BASE + "/", allow_redirects=False).status_code == 303
    assert sql("SELECT COUNT(*) FROM sessions WHERE subscriber_id = %d" % sub) == [("0",)]
    from conftest import login as sub_login
    assert sub_login(new_client(), login, "blocked-password-1").status_code == 422
    rows = audit_rows("block", str(sub))
    assert rows[-1][:4] == ("operator", "127.0.0.1", "subscriber", str(sub))
    assert rows[-1][4:7] == ("active", "blocked", "1")
    post(s, "/admin/subscriber/unblock", {"id": sub})
    assert sub_login(new_client(), login, "blocked-password-1").status_code == 303


def test_reset_link_and_end_sessions():
    login = uniq("reset-me")
    sub = make_subscriber(login, "reset-me-password-1", [3], email=login + "@example.org")
    victim = signed_in(login, "reset-me-password-1")
    s = staff_signed_in("operator")
    post(s, "/admin/subscriber/end-sessions", {"id": sub})
    assert victim.get(BASE + "/", allow_redirects=False).status_code == 303
    r = post(s, "/admin/subscriber/reset-link", {"id": sub})
    assert r.headers["location"].endswith("done=reset-link")
    assert sql("SELECT kind, address FROM outbox WHERE subscriber_id = %d ORDER BY id DESC "
               "LIMIT 1" % sub) == [("recover-link", login + "@example.org")]
    assert audit_rows("reset-link", str(sub)) and audit_rows("end-sessions", str(sub))


def test_staff_turn_off_a_subscribers_two_step_sign_in_with_their_password_again():
    from conftest import login as sub_login
    login = uniq("lost-phone")
    sub = make_subscriber(login, "lost-phone-password-1", [3], email=login + "@example.org")
    sql("INSERT INTO subscriber_totp (subscriber_id, method, secret, enabled_at) VALUES "
        "(%d, 'sms', '', UTC_TIMESTAMP(6))" % sub)
    sql("INSERT INTO subscriber_recovery_codes (subscriber_id, code_hash) VALUES "
        "(%d, REPEAT('a', 32))" % sub)
    assert sub_login(new_client(), login, "lost-phone-password-1").headers["Location"] \
        .startswith("/login/code")
    s = staff_signed_in("operator")
    page = s.get(BASE + "/admin/subscriber?id=%d" % sub)
    assert doc(page).get_element_by_id("two-factor").text_content().strip() == "включён, SMS"
    r = post(s, "/admin/subscriber/two-factor-off", {"id": sub, "password": "not-mine"})
    assert r.status_code == 422
    assert doc(r).get_element_by_id("error-password") is not None
    assert sql("SELECT COUNT(*) FROM subscriber_totp WHERE subscriber_id = %d" % sub) == [("1",)]
    r = post(s, "/admin/subscriber/two-factor-off", {"id": sub, "password": "operator-password"})
    assert r.status_code == 303 and r.headers["location"].endswith("done=two-factor-off")
    assert sql("SELECT (SELECT COUNT(*) FROM subscriber_totp WHERE subscriber_id = %d) + "
               "(SELECT COUNT(*) FROM subscriber_recovery_codes WHERE subscriber_id = %d)"
               % (sub, sub)) == [("0",)]
    assert sql("SELECT kind, address FROM outbox WHERE subscriber_id = %d ORDER BY id DESC "
               "LIMIT 1" % sub) == [("two-factor-off", login + "@example.org")]
    assert audit_rows("two-factor-off", str(sub))
    assert doc(s.get(BASE + "/admin/subscriber?id=%d" % sub)).get_element_by_id(
        "two-factor").text_content().strip() == "выключен"
    assert sub_login(new_client(), login, "lost-phone-password-1").headers["Location"] == "/"


# ------------------------------------------------------------------ requests

def phone_request(login):
    sub = make_subscriber(login, "phone-password-1", [3])
    sql("UPDATE subscribers SET phone = '+79000000001' WHERE id = %d" % sub)
    c = signed_in(login, "phone-password-1")
    r = c.get(BASE + "/settings")
    r = c.post(BASE + "/settings/profile", data={
        "csrf": csrf_of(r), "full_name": "Тестов Тест Тестович", "mobile": "+7 900 000-00-02",
        "landline": ""}, allow_redirects=False)
    assert r.status_code == 303
    req = sql("SELECT id FROM contact_requests WHERE subscriber_id = %d AND status = 'pending'"
              % sub)[0][0]
    return sub, req, c


def test_phone_change_approved_is_on_file_and_told():
    sub, req, c = phone_request(uniq("phone-ok"))
    s = staff_signed_in("operator")
    d = doc(s.get(BASE + "/admin/requests"))
    assert d.xpath('//section[@id="request-%s"]//strong[@class="new"]' % req)
    r = post(s, "/admin/requests/approve", {"id": req})
    assert r.headers["location"] == "/admin/requests?done=approved"
    assert sql("SELECT phone FROM subscribers WHERE id = %d" % sub) == [("+79000000002",)]
    assert sql("SELECT status, staff_id IS NOT NULL FROM contact_requests WHERE id = %s"
               % req) == [("done", "1")]
    assert sql("SELECT channel, address, kind FROM outbox WHERE subscriber_id = %d "
               "ORDER BY id DESC LIMIT 1" % sub) == [("sms", "+79000000002", "phone-changed")]
    rows = audit_rows("approve-phone", str(sub))
    assert rows[-1][4:6] == ("+79000000001", "+79000000002")
    # The subscriber sees the new number.
    assert doc(c.get(BASE + "/settings")).xpath('//input[@id="mobile"]/@value') == \
        ["+79000000002"]
    # Decided once: a second approval finds nothing to do.
    r = post(s, "/admin/requests/approve", {"id": req})
    assert r.headers["location"] == "/admin/requests?done=gone"


def test_phone_change_rejected_needs_a_reason_and_is_told():
    sub, req, _ = phone_request(uniq("phone-no"))
    s = new_client("en")
    s.cookies.update(staff_signed_in("operator").cookies)
    r = post(s, "/admin/requests/reject", {"id": req, "reason": ""})
    assert r.status_code == 400
    d = doc(r)
    assert d.xpath('//input[@id="reason-%s"][@aria-invalid="true"]' % req)
    assert sql("SELECT status FROM contact_requests WHERE id = %s" % req) == [("pending",)]
    r = post(s, "/admin/requests/reject", {"id": req, "reason": "Номер не принадлежит абоненту"})
    assert r.headers["location"] == "/admin/requests?done=rejected"
    assert sql("SELECT status, reason FROM contact_requests WHERE id = %s" % req) == \
        [("rejected", "Номер не принадлежит абоненту")]
    assert sql("SELECT phone FROM subscribers WHERE id = %d" % sub) == [("+79000000001",)]
    assert sql("SELECT address, kind FROM outbox WHERE subscriber_id = %d ORDER BY id DESC "
               "LIMIT 1" % sub) == [("+79000000001", "phone-rejected")]


# ------------------------------------------------------------------ news

def news_reader(login, account, topics="news"):
    sub = make_subscriber(login, "reader-password-1", [account], email=login + "@example.org")
    sql("UPDATE subscribers SET notify_email = '%s' WHERE id = %d" % (topics, sub))
    return sub


def publish(s, **fields):
    data = {"org": "1", "title_ru": "Отключение воды", "body_ru": "Завтра с 10 до 12.",
            "title_en": "Water off", "body_en": "Tomorrow 10 to 12.", "audience": "all",
            "targets": "", "publish_at": ""}
    data.update(fields)
    return post(s, "/admin/news/new", data)


def test_news_to_all_is_sent_once_and_shown():
    title = uniq("Новость ")
    reader = news_reader(uniq("reader"), 3)
    quiet = news_reader(uniq("quiet"), 3, topics="payment")
    outsider = make_subscriber(uniq("outsider"), "outsider-password-1", [org2_account()])
    s = staff_signed_in("operator")
    r = publish(s, title_ru=title)
    assert r.headers["location"] == "/admin/news?done=published"
    nid = sql("SELECT id FROM news WHERE title_ru = '%s'" % title)[0][0]
    assert sql("SELECT sent_at IS NOT NULL FROM news WHERE id = %s" % nid) == [("1",)]
    sent = sql("SELECT subscriber_id, channel FROM outbox WHERE kind = 'news' AND params LIKE "
               "'%%%s%%'" % title)
    assert (str(reader), "email") in sent
    assert all(sid not in (str(quiet), str(outsider)) for sid, _ in sent)
    c = signed_in(sql("SELECT login FROM subscribers WHERE id = %d" % quiet)[0][0],
                  "reader-password-1")
    assert title in c.get(BASE + "/news").text  # shown to all, sent to those who asked
    o = signed_in(sql("SELECT login FROM subscribers WHERE id = %d" % outsider)[0][0],
                  "outsider-password-1")
    assert title not in o.get(BASE + "/news").text
    assert audit_rows("publish-news", nid)[-1][0] == "operator"


def test_news_to_listed_accounts_only():
    title = uniq("Адресная ")
    target = news_reader(uniq("target"), 1002)
    other = news_reader(uniq("other"), 1003)
    s = staff_signed_in("operator")
    num = sql("SELECT number FROM accounts WHERE id = 1002")[0][0]
    r = publish(s, title_ru=title, title_en=title, audience="accounts", targets=num)
    assert r.status_code == 303
    t = signed_in(sql("SELECT login FROM subscribers WHERE id = %d" % target)[0][0],
                  "reader-password-1", "en")
    assert title in t.get(BASE + "/news").text
    o = signed_in(sql("SELECT login FROM subscribers WHERE id = %d" % other)[0][0],
                  "reader-password-1")
    assert title not in o.get(BASE + "/news").text
    r = publish(s, title_ru=title + "x", audience="accounts", targets="no-such-account")
    assert r.status_code == 422
    assert sql("SELECT COUNT(*) FROM news WHERE title_ru = '%sx'" % title) == [("0",)]


def test_scheduled_news_waits_then_goes_once():
    title = uniq("Плановая ")
    reader = news_reader(uniq("later"), 3)
    s = staff_signed_in("operator")
    assert publish(s, title_ru=title, publish_at="2099-01-01T09:00").status_code == 303
    nid = sql("SELECT id FROM news WHERE title_ru = '%s'" % title)[0][0]
    c = signed_in(sql("SELECT login FROM subscribers WHERE id = %d" % reader)[0][0],
                  "reader-password-1")
    assert title not in c.get(BASE + "/news").text
    assert sql("SELECT COUNT(*) FROM outbox WHERE params LIKE '%%%s%%'" % title) == [("0",)]
    sql("UPDATE news SET publish_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id = %s" % nid)
    env = dict(os.environ, PORTAL_CONFIG=os.path.join(ENV, "portal.ini"))
    for _ in range(2):
        subprocess.run([os.path.join(RELEASE, "deliver"), "--limit", "1"], env=env,
                       capture_output=True, timeout=60)
    assert sql("SELECT COUNT(*) FROM outbox WHERE subscriber_id = %d AND kind = 'news' AND "
               "params LIKE '%%%s%%'" % (reader, title)) == [("1",)]
    assert title in c.get(BASE + "/news").text


# ------------------------------------------------------------------ organization settings

def test_organization_details_are_checked_and_need_the_password():
    s = new_client("en")
    s.cookies.update(staff_signed_in("admin").cookies)
    before = sql("SELECT bic, receipt_note FROM organizations WHERE id = 1")
    bad = org_form("admin-password")
    bad["bic"] = "044525226"  # a BIC the account's control key does not fit
    r = post(s, "/admin/organization?org=1", bad)
    assert r.status_code == 422
    assert doc(r).xpath('//input[@id="bank_account"][@aria-invalid="true"]')
    assert doc(r).xpath('//input[@id="bic"]/@value') == ["044525226"]
    r = post(s, "/admin/organization?org=1", org_form("wrong"))
    assert r.status_code == 422 and "The password or code is wrong." in r.text
    assert sql("SELECT bic, receipt_note FROM organizations WHERE id = 1") == before
    good = org_form("admin-password")
    note = good["receipt_note"]
    good["receipt_note"] = uniq("Примечание ")
    try:
        r = post(s, "/admin/organization?org=1", good)
        assert r.headers["location"] == "/admin/organization?org=1&done=saved"
        assert sql("SELECT receipt_note FROM organizations WHERE id = 1") == \
            [(good["receipt_note"],)]
        rows = audit_rows("organization-settings", "1")
        assert good["receipt_note"] in rows[-1][5] and note[:20] in rows[-1][4]
    finally:
        good["receipt_note"] = note
        post(s, "/admin/organization?org=1", good)
    assert sql("SELECT receipt_note FROM organizations WHERE id = 1") == [(note,)]


def test_treasury_and_kazakh_payees_are_checked_as_what_they_are():
    """A Treasury payee (the single tax payment's published details) and a Kazakh one
    (BIN, IBAN, SWIFT BIC) save; their own check digits are what refuse them."""
    s = new_client("en")
    s.cookies.update(staff_signed_in("admin").cookies)
    cols = "name, short_name, bic, bank_account, corr_account"
    before = sql("SELECT %s FROM organizations WHERE id = 1" % cols)
    form = org_form("admin-password")
    treasury = dict(form, bic="017003983", bank_account="03100643000000018500",
                    corr_account="40102810445370000059")
    try:
        r = post(s, "/admin/organization?org=1", treasury)
        assert r.status_code == 303, r.text[:300]
        assert sql("SELECT bic, bank_account, corr_account FROM organizations WHERE id = 1") == \
            [("017003983", "03100643000000018500", "40102810445370000059")]
        # A bank's correspondent account is not the single treasury account.
        r = post(s, "/admin/organization?org=1", dict(treasury, corr_account="30101810400000000225"))
        assert r.status_code == 422
        assert doc(r).xpath('//input[@id="corr_account"][@aria-invalid="true"]')
        # A name the QR code cannot carry needs a short name, which it then carries.
        long_name = "Товарищество собственников недвижимости «" + "Ж" * 110 + "»"
        r = post(s, "/admin/organization?org=1", dict(form, name=long_name, short_name=""))
        assert r.status_code == 422 and "300 bytes" in r.text
        assert doc(r).xpath('//input[@id="short_name"][@aria-invalid="true"]')
        assert doc(r).xpath('//input[@id="name"]/@value') == [long_name]
        r = post(s, "/admin/organization?org=1", dict(form, name=long_name, short_name="ТСН «Ж»"))
        assert r.status_code == 303
    finally:
        post(s, "/admin/organization?org=1", form)
    assert sql("SELECT %s FROM organizations WHERE id = 1" % cols) == before
    # The form says which organization it saves: a POST reads its body, not its URL.
    page = doc(s.get(BASE + "/admin/organization?org=2"))
    assert page.xpath('//form[@id="organization-form"]//input[@name="org"]/@value') == ["2"]
    kz = dict(org_form("admin-password", org=2), org="2")
    assert kz["corr_account"] == "" and kz["bic"] == "HSBKKZKX"
    assert post(s, "/admin/organization?org=2", kz).status_code == 303
    assert sql("SELECT %s FROM organizations WHERE id = 1" % cols) == before
    for field, value in (("bank_account", "KZ12601A861000123457"), ("inn", "061240001237"),
                         ("bic", "HSBKRUMM"), ("bank_account", "40702810138250123017")):
        r = post(s, "/admin/organization?org=2", dict(kz, **{field: value}))
        assert r.status_code == 422, (field, value)
        assert doc(r).xpath('//input[@id="%s"][@aria-invalid="true"]' % field), field
    assert sql("SELECT inn, bic, bank_account FROM organizations WHERE id = 2") == \
        [("061240001236", "HSBKKZKX", "KZ12601A861000123456")]


# ------------------------------------------------------------------ staff

def test_create_staff_change_role_and_disable():
    s = new_client("en")
    s.cookies.update(staff_signed_in("admin").cookies)
    login = uniq("hired")
    r = post(s, "/admin/staff/new", {"login": login, "full_name": "Новый Сотрудник",
                                     "role": "operator", "org": "1", "new_password": "short"})
    assert r.status_code in (400, 422) and doc(r).xpath('//input[@id="login"]/@value') == [login]
    r = post(s, "/admin/staff/new", {"login": login, "full_name": "Новый Сотрудник",
                                     "role": "operator", "org": "1",
                                     "new_password": "a crane lifts the pallet"})
    assert r.headers["location"] == "/admin/staff?done=created"
    sid = int(sql("SELECT id FROM staff WHERE login = '%s'" % login)[0][0])
    assert sql("SELECT organization_id FROM staff_organizations WHERE staff_id = %d" % sid) == \
        [("1",)]
    r = post(s, "/admin/staff/new", {"login": login, "full_name": "Ещё Один", "role": "viewer",
                                     "org": "1", "new_password": "a crane lifts the pallet"})
    assert r.status_code == 409
    r = post(s, "/admin/staff/role", {"id": sid, "role": "viewer", "password": "wrong"},
             "/admin/staff")
    assert r.status_code == 422
    assert sql("SELECT role FROM staff WHERE id = %d" % sid) == [("operator",)]
    r = post(s, "/admin/staff/role", {"id": sid, "role": "viewer", "password": "admin-password"},
             "/admin/staff")
    assert r.status_code == 303 and sql("SELECT role FROM staff WHERE id = %d" % sid) == \
        [("viewer",)]
    assert audit_rows("staff-role", str(sid))[-1][4:6] == ("operator", "viewer")
    post(s, "/admin/staff/disable", {"id": sid}, "/admin/staff")
    t = new_client()
    assert staff_password_step(t, login, "a crane lifts the pallet").status_code == 422


# ------------------------------------------------------------------ audit log

def test_audit_log_is_append_only():
    staff_signed_in("admin")
    for q in ("UPDATE audit_log SET action = 'x' ORDER BY id DESC LIMIT 1",
              "DELETE FROM audit_log ORDER BY id DESC LIMIT 1"):
        with pytest.raises(subprocess.CalledProcessError) as e:
            sql(q)
        assert "append-only" in e.value.stderr
    grants = " ".join(g for (g,) in sql("SHOW GRANTS FOR 'kb_admin'@'localhost'"))
    audit = [g for g in grants.split("GRANT ") if "`audit_log`" in g]
    assert audit and all("UPDATE" not in g and "DELETE" not in g for g in audit), audit


def test_audit_log_filters_pages_and_exports():
    s = staff_signed_in("admin")
    marker = uniq("obj")
    sql("INSERT INTO audit_log (at, staff_login, ip, organization_id, action, object_type, "
        "object_id) SELECT UTC_TIMESTAMP(6), 'admin', '127.0.0.1', 1, 'test-entry', 'test', "
        "'%s' FROM seq_1_to_60" % marker)
    d = doc(s.get(BASE + "/admin/audit", params={"object_id": marker}))
    assert len(d.xpath('//table[@id="audit-log"]/tbody/tr')) == 50
    older = d.xpath('//a[@id="older"]/@href')[0]
    d2 = doc(s.get(BASE + older))
    assert len(d2.xpath('//table[@id="audit-log"]/tbody/tr')) == 10
    assert not d2.xpath('//a[@id="older"]')
    r = s.get(BASE + "/admin/audit", params={"object_id": marker, "format": "csv"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
    assert r.text.count(marker) == 60
    r = s.get(BASE + "/admin/audit", params={"from": "2026-02-30"})
    assert r.status_code == 400
    # Another organization's entries are not the operator's to read (nor is the log).
    assert staff_signed_in("operator").get(BASE + "/admin/audit").status_code == 403


# ------------------------------------------------------------------ accounts and logins

def test_link_and_unlink_an_account():
    login = uniq("linker")
    sub = make_subscriber(login, "linker-password-1", [3])
    s = new_client("en")
    s.cookies.update(staff_signed_in("operator").cookies)
    page = "/admin/subscriber?id=%d" % sub
    number = sql("SELECT number FROM accounts WHERE id = 1010")[0][0]
    r = post(s, "/admin/subscriber/link", {"id": sub, "org": "1", "number": "NOSUCH1"},
             page)
    assert r.status_code == 422
    assert doc(r).xpath('//input[@id="number"]/@value') == ["NOSUCH1"]
    r = post(s, "/admin/subscriber/link", {"id": sub, "org": "1", "number": number}, page)
    assert r.headers["location"] == page + "&done=linked"
    assert ("1010",) in sql("SELECT account_id FROM subscriber_accounts WHERE subscriber_id = %d"
                            % sub)
    r = post(s, "/admin/subscriber/link", {"id": sub, "org": "1", "number": number}, page)
    assert r.headers["location"] == page + "&done=already-linked"
    # Another organization's account is not the operator's to link.
    acc2 = org2_account()
    num2 = sql("SELECT number FROM accounts WHERE id = %d" % acc2)[0][0]
    assert post(s, "/admin/subscriber/link", {"id": sub, "org": "2", "number": num2},
                page).status_code == 400
    r = post(s, "/admin/subscriber/unlink", {"id": sub, "account": "1010"}, page)
    assert r.headers["location"] == page + "&done=unlinked"
    assert ("1010",) not in sql("SELECT account_id FROM subscriber_accounts "
                                "WHERE subscriber_id = %d" % sub)
    assert audit_rows("link-account", str(sub))[-1][5] == number
    assert audit_rows("unlink-account", str(sub))[-1][4] == number


def test_a_transaction_the_database_refuses_is_run_again():
    """A deadlock (what a Galera cluster also answers when two nodes change the same
    rows at once) rolls the handler's transaction back; the request is run again and
    the operator sees it done, once, not "busy".  The deadlock is made for real: a
    larger transaction holds the place of the next audit entry while the handler,
    which has inserted the link, waits for it, then asks for the link itself."""
    sub = make_subscriber(uniq("refused"), "refused-password-1", [3])
    number = sql("SELECT number FROM accounts WHERE id = 1016")[0][0]
    s = new_client("en")
    s.cookies.update(staff_signed_in("operator").cookies)
    page = "/admin/subscriber?id=%d" % sub
    token = csrf_of(s.get(BASE + page))
    log = os.path.join(ENV, "log", "admin.log")
    logged = os.path.getsize(log)
    sql("CREATE TABLE IF NOT EXISTS test_ballast (n INT PRIMARY KEY) ENGINE=InnoDB")
    other = pymysql.connect(unix_socket=os.path.join(ENV, "run", "db.sock"), user="root",
                            database="kabinet", autocommit=False, read_timeout=30)
    answer = {}
    try:
        with other.cursor() as cur:
            cur.execute("START TRANSACTION")
            cur.execute("INSERT INTO test_ballast SELECT seq FROM seq_1_to_5000")
            cur.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log")
            (last,) = cur.fetchone()
            cur.execute("SELECT id FROM audit_log WHERE id > %s FOR UPDATE", (last,))
            t = threading.Thread(target=lambda: answer.update(r=s.post(
                BASE + "/admin/subscriber/link", allow_redirects=False,
                data={"csrf": token, "id": sub, "org": "1", "number": number})))
            t.start()
            for _ in range(100):
                if sql("SELECT COUNT(*) FROM information_schema.processlist WHERE user = "
                       "'kb_admin' AND info LIKE 'INSERT INTO audit_log%'")[0][0] != "0":
                    break
                time.sleep(0.02)
            else:
                raise AssertionError("the handler never waited for the audit entry")
            # The cycle: InnoDB rolls back the smaller transaction, the handler's.
            cur.execute("INSERT INTO subscriber_accounts (subscriber_id, account_id, linked_at) "
                        "VALUES (%s, 1016, NOW())", (sub,))
            other.rollback()
            t.join(30)
    finally:
        other.close()
        sql("DROP TABLE IF EXISTS test_ballast")
    r = answer["r"]
    assert r.status_code == 303 and r.headers["location"] == page + "&done=linked", \
        (r.status_code, r.text[:300])
    assert sql("SELECT COUNT(*) FROM subscriber_accounts WHERE subscriber_id = %d "
               "AND account_id = 1016" % sub) == [("1",)]
    assert len(audit_rows("link-account", str(sub))) == 1
    with open(log, encoding="utf-8", errors="replace") as f:
        f.seek(logged)
        assert "the database refused the transaction; run again (1)" in f.read()


def test_a_login_made_for_an_account_holder_sends_the_password_to_them_only():
    acc = 1011
    sql("DELETE FROM subscriber_accounts WHERE account_id = %d" % acc)
    sql("UPDATE accounts SET phone = '+79005550111' WHERE id = %d" % acc)
    number = sql("SELECT number FROM accounts WHERE id = %d" % acc)[0][0]
    sql("DELETE FROM subscribers WHERE login = 'holder-%s'" % number)
    s = staff_signed_in("operator")
    d = doc(s.get(BASE + "/admin/subscribers", params={"by": "account", "q": number}))
    assert d.xpath('//a[@id="create-login-%d"]' % acc)
    r = s.get(BASE + "/admin/account/login?account=%d" % acc)
    assert doc(r).xpath('//input[@id="login"]/@value') == [number]
    r = post(s, "/admin/account/login?account=%d" % acc,
             {"account": acc, "login": "holder-" + number, "channel": "sms"})
    assert r.status_code == 303 and "done=login-created" in r.headers["location"]
    sub = int(re.search(r"id=(\d+)", r.headers["location"]).group(1))
    # The password went by SMS to the phone on file; the page never showed it.
    (params,) = sql("SELECT params FROM outbox WHERE subscriber_id = %d AND kind = 'registered' "
                    "AND channel = 'sms' AND address = '+79005550111'" % sub)[0]
    password = re.search(r'password="([^"]+)"', params).group(1)
    assert password not in r.text and password not in s.get(BASE + r.headers["location"]).text
    assert password not in audit_rows("create-login", str(sub))[-1][5]
    # And it signs the holder in, to that account.
    c = signed_in("holder-" + number, password)
    assert number in c.get(BASE + "/accounts").text
    # The same login again is refused, with what was typed kept.
    r = post(s, "/admin/account/login?account=%d" % acc,
             {"account": acc, "login": "holder-" + number, "channel": "email",
              "email": "holder@example.org"})
    assert r.status_code == 409
    # An account of another organization is not theirs.
    assert s.get(BASE + "/admin/account/login?account=%d" % org2_account()).status_code == 404


# ------------------------------------------------------------------ readings

def unusual_reading(meter=1):
    """demo sends meter 1's first register far above its usual consumption."""
    sql("DELETE FROM readings WHERE source = 'subscriber'")
    sql("UPDATE organizations SET readings_from = 1, readings_to = 31 WHERE id = 1")
    s = signed_in()
    d = doc(s.get(BASE + "/readings"))
    form = {i.get("name"): i.get("value") for i in d.xpath('//form[@id="readings-form"]//input')
            if i.get("type") != "checkbox"}
    value = int(form["m%dz1" % meter]) + 5000
    form.update({"m%dz1" % meter: str(value), "action": "submit"})
    assert s.post(BASE + "/readings", data=form, allow_redirects=False).status_code == 303
    rid = sql("SELECT id FROM readings WHERE meter_id = %d AND source = 'subscriber' AND "
              "status = 'pending'" % meter)[0][0]
    return s, rid, value


def test_an_unusual_reading_waits_and_a_rejection_is_told_with_its_reason():
    sub, rid, value = unusual_reading()
    op = new_client("en")
    op.cookies.update(staff_signed_in("operator").cookies)
    d = doc(op.get(BASE + "/admin/readings"))
    assert d.xpath('//section[@id="reading-%s"]//strong[@class="value"]' % rid)
    r = post(op, "/admin/readings/reject", {"id": rid, "reason": ""}, "/admin/readings")
    assert r.status_code == 400
    assert doc(r).xpath('//input[@id="reason-%s"][@aria-invalid="true"]' % rid)
    r = post(op, "/admin/readings/reject", {"id": rid, "reason": "Фото счётчика не совпадает"},
             "/admin/readings")
    assert r.headers["location"] == "/admin/readings?done=reading-rejected"
    assert sql("SELECT status, reason FROM readings WHERE id = %s" % rid) == \
        [("rejected", "Фото счётчика не совпадает")]
    assert sql("SELECT channel, kind FROM outbox WHERE subscriber_id = 1 ORDER BY id DESC "
               "LIMIT 1") == [("email", "reading-rejected")]
    # The subscriber sees it, and why, in the history.
    h = sub.get(BASE + "/readings/history?meter=1").text
    assert "Фото счётчика не совпадает" in h
    # Decided once.
    r = post(op, "/admin/readings/accept", {"id": rid}, "/admin/readings")
    assert r.headers["location"] == "/admin/readings?done=gone"
    assert audit_rows("reject-reading", rid)[-1][0] == "operator"
    sql("DELETE FROM readings WHERE source = 'subscriber'")


def test_an_accepted_reading_becomes_the_last_one():
    sub, rid, value = unusual_reading()
    op = staff_signed_in("operator")
    assert post(op, "/admin/readings/accept", {"id": rid}, "/admin/readings").headers[
        "location"] == "/admin/readings?done=accepted"
    d = doc(sub.get(BASE + "/readings"))
    assert d.xpath('//input[@name="m1z1"]/@value') == [str(value)]
    sql("DELETE FROM readings WHERE source = 'subscriber'")


def test_staff_enter_an_inspectors_reading():
    number = sql("SELECT a.number FROM accounts a WHERE a.id = 1")[0][0]
    meter = sql("SELECT number FROM meters WHERE id = 2")[0][0]  # cold water, three decimals
    s = new_client("en")
    s.cookies.update(staff_signed_in("operator").cookies)
    form = {"org": "1", "number": number, "meter": meter, "zone": "1", "value": "123.4567",
            "taken_on": "2026-11-25"}
    r = post(s, "/admin/readings/enter", form, "/admin/readings")
    assert r.status_code == 400 and doc(r).xpath('//input[@id="value"]/@value') == ["123.4567"]
    whole = sql("SELECT number FROM meters WHERE id = 1")[0][0]  # electricity: whole kWh
    r = post(s, "/admin/readings/enter", dict(form, meter=whole, value="12.5"), "/admin/readings")
    assert r.status_code == 422 and "whole numbers" in r.text
    r = post(s, "/admin/readings/enter", dict(form, meter="NO-SUCH", value="1"),
             "/admin/readings")
    assert r.status_code == 422
    r = post(s, "/admin/readings/enter", dict(form, value="123.456"), "/admin/readings")
    assert r.headers["location"] == "/admin/readings?done=entered"
    assert sql("SELECT value, source, status, taken_on FROM readings WHERE meter_id = 2 AND "
               "source = 'staff' ORDER BY id DESC LIMIT 1") == \
        [("123456", "staff", "accepted", "2026-11-25")]
    sql("DELETE FROM readings WHERE source = 'staff' AND meter_id = 2")


# ------------------------------------------------------------------ viewing as the subscriber

def test_view_as_the_subscriber_is_read_only_logged_and_ends_on_sign_out():
    login = uniq("viewed")
    sub = make_subscriber(login, "viewed-password-1", [3], email=login + "@example.org")
    s = staff_signed_in("operator")
    before = len(audit_rows("view-as", str(sub)))
    r = post(s, "/admin/subscriber/view-as", {"id": sub}, "/admin/subscriber?id=%d" % sub)
    assert r.status_code == 303 and r.headers["location"] == "/"
    assert len(audit_rows("view-as", str(sub))) == before + 1
    # The subscriber's own pages, with the banner naming who looks.
    r = s.get(BASE + "/")
    d = doc(r)
    assert "operator" in d.xpath('string(//*[@id="view-as-banner"])')
    assert "Тестов Тест Тестович" in d.xpath("string(//h1[@id='greeting'])")
    assert s.get(BASE + "/accounts").status_code == 200
    # Nothing can be changed: the profile, the language on file.
    r = s.get(BASE + "/settings")
    r = s.post(BASE + "/settings/profile", data={"csrf": csrf_of(r), "full_name": "Взломан",
                                                "mobile": "", "landline": ""},
               allow_redirects=False)
    assert r.status_code == 403 and "не может ничего в нём менять" in r.text
    assert sql("SELECT full_name FROM subscribers WHERE id = %d" % sub) == \
        [("Тестов Тест Тестович",)]
    s.get(BASE + "/lang?to=en&next=/", allow_redirects=False)
    assert sql("SELECT lang FROM subscribers WHERE id = %d" % sub) == [("ru",)]
    # Signing out is the one POST allowed; the session is gone.
    r = s.get(BASE + "/")
    r = s.post(BASE + "/logout", data={"csrf": csrf_of(r)}, allow_redirects=False)
    assert r.status_code == 303
    assert sql("SELECT COUNT(*) FROM sessions WHERE subscriber_id = %d AND viewer IS NOT NULL"
               % sub) == [("0",)]
    # Those who only read may not; nor may anyone for another organization's subscriber.
    viewer = sign_in("t-viewer", "staff-password-1") if sql(
        "SELECT 1 FROM staff WHERE login = 't-viewer'") else None
    if viewer is not None:
        assert post(viewer, "/admin/subscriber/view-as", {"id": sub}).status_code == 403
    other = make_subscriber(uniq("far"), "far-password-1", [org2_account()])
    assert post(s, "/admin/subscriber/view-as", {"id": other}).status_code == 404


def test_a_fresh_code_may_stand_for_the_password_once():
    sid = make_staff(uniq("coded"), "viewer", [1])
    s = staff_signed_in("admin")
    sql("UPDATE staff SET totp_last_step = 0 WHERE login = 'admin'")
    code = totp(ADMIN_SECRET)
    r = post(s, "/admin/staff/role", {"id": sid, "role": "operator", "password": code},
             "/admin/staff")
    assert r.status_code == 303
    assert sql("SELECT role FROM staff WHERE id = %d" % sid) == [("operator",)]
    # The same code again is refused, and counted like a wrong password.
    r = post(s, "/admin/staff/role", {"id": sid, "role": "viewer", "password": code},
             "/admin/staff")
    assert r.status_code == 422
    assert sql("SELECT role FROM staff WHERE id = %d" % sid) == [("operator",)]
    assert sql("SELECT result FROM staff_login_attempts WHERE login = 'admin' ORDER BY id DESC "
               "LIMIT 1") == [("code-fail",)]


def test_offices_and_the_short_name_are_kept_and_shown_to_subscribers():
    s = new_client("en")
    s.cookies.update(staff_signed_in("admin").cookies)
    page = "/admin/organization?org=1"
    r = post(s, "/admin/organization/office", {"org": "1", "office_address": "x",
                                               "office_hours": "9-18"}, page)
    assert r.status_code == 400
    assert doc(r).xpath('//input[@id="office_hours"]/@value') == ["9-18"]
    address = uniq("г. Энск, ул. Офисная, д. ")
    r = post(s, "/admin/organization/office", {"org": "1", "office_address": address,
                                               "office_hours": "пн–пт 9:00–18:00",
                                               "office_phone": "+7 495 100-20-30"}, page)
    assert r.headers["location"] == page + "&done=office-added"
    office = sql("SELECT id FROM offices WHERE address = '%s'" % address)[0][0]
    # The subscriber sees it with the account's details.
    c = signed_in()
    assert address in c.get(BASE + "/accounts/info?id=1").text
    # The operator may not change the organization; another organization's office is not theirs.
    op = staff_signed_in("operator")
    assert post(op, "/admin/organization/office/delete", {"org": "1", "office": office},
                page).status_code == 403
    assert post(s, "/admin/organization/office/delete", {"org": "1", "office": office},
                page).headers["location"] == page + "&done=office-deleted"
    assert sql("SELECT COUNT(*) FROM offices WHERE id = %s" % office) == [("0",)]
    assert audit_rows("add-office", "1") and audit_rows("delete-office", "1")
    # The short name is saved with the rest, and put back.
    form = org_form("admin-password")
    before = form["short_name"]
    form["short_name"] = "РЦ Энск"
    assert post(s, page, form, page).headers["location"] == page + "&done=saved"
    assert sql("SELECT short_name FROM organizations WHERE id = 1") == [("РЦ Энск",)]
    form["short_name"] = before
    post(s, page, form, page)


def test_the_30_5_day_rule_is_the_organizations_default_for_a_tariff_that_does_not_say(tmp_path):
    """A file's tariff version with an empty month_days follows its organization's
    choice (sql/039); one that says 0 or 30.5 keeps its own."""
    from exchange_util import new_numbers, run_import, write
    from test_calculator import calc_xml
    code = "md-" + new_numbers(1)[0]
    head = ("plan,service,name_ru,name_en,zones,public,valid_from,valid_to,tiers,vat,"
            "vat_included,month_days,tier,zone,price,limit_gas,limit_gas_alone,limit_estove,"
            "limit_estove_alone")
    rows = ['%s,electricity,"Тариф %s",Plan %s,1,1,2026-01-01,2026-06-30,2,"20,00",1,%s,%d,1,'
            '"%s",%s' % (code, code, code, "", tier, price, limits)
            for tier, price, limits in ((1, "5,00", "50,50,50,50"), (2, "10,00", ",,,"))]
    rc, got, err = run_import(write(tmp_path, "t.csv", "\n".join([head] + rows) + "\n"),
                              "tariffs")
    assert got["status"] == "applied", (got, err)
    plan, version = sql("SELECT p.id, t.id FROM tariff_plans p JOIN tariffs t ON t.plan_id = p.id "
                        "WHERE p.code = '%s'" % code)[0]
    assert sql("SELECT month_days_x10 FROM tariffs WHERE id = %s" % version) == [("NULL",)]
    before = sql("SELECT month_days_x10 FROM organizations WHERE id = 1")[0][0]

    def total():
        st, x = calc_xml(new_client(), org="1", plan=plan, residents="1", household="gas",
                         prev1="0", curr1="100", **{"from": "2026-03-10", "to": "2026-03-25"})
        assert st == 200
        return x.find("result/total").get("minor")

    try:
        own = total()
        # Saved from the console, with the password, audited.
        s = new_client("en")
        s.cookies.update(staff_signed_in("admin").cookies)
        form = org_form("admin-password")
        form["month_days_x10"] = "305"
        r = post(s, "/admin/organization?org=1", form)
        assert r.status_code == 303, r.text[:300]
        assert doc(s.get(BASE + "/admin/organization?org=1")).xpath(
            '//select[@id="month_days_x10"]/option[@selected]/@value') == ["305"]
        by_305 = total()
        assert by_305 != own  # 15 days of a 50 kWh limit: 24.590 kWh, not 24.194
        sql("UPDATE tariffs SET month_days_x10 = 0 WHERE id = %s" % version)
        assert total() == own  # the version's own word stands
        sql("UPDATE tariffs SET month_days_x10 = 305 WHERE id = %s" % version)
        sql("UPDATE organizations SET month_days_x10 = 0 WHERE id = 1")
        assert total() == by_305
        form["month_days_x10"] = "300"
        assert post(s, "/admin/organization?org=1", form).status_code == 422
    finally:
        sql("UPDATE organizations SET month_days_x10 = %s WHERE id = 1" % before)
        sql("DELETE FROM tariff_limits WHERE tariff_id = %s" % version)
        sql("DELETE FROM tariff_prices WHERE tariff_id = %s" % version)
        sql("DELETE FROM tariffs WHERE id = %s" % version)
        sql("DELETE FROM tariff_plans WHERE id = %s" % plan)
