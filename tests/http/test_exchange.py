"""Importing a billing system's files: kabinet-import and the console's Exchange pages.

Every kind of file goes through the same steps (store, check into staging,
dry run, apply in one transaction); these tests load real files and look
at the tables afterwards.
"""
import os
import signal
import subprocess
import time

import pytest

from conftest import (BASE, ENV, account_summaries_wrong, csrf_of, doc, new_client, sql,
                      staff_signed_in, wait_until)
from exchange_util import (IMPORT, accounts_csv, import_env, make_accounts, new_numbers, problems,
                           run_import, status_of, write)


def ledger(account_number, period="2026-11-01"):
    return sql("SELECT sv.code, l.tariff, l.quantity, l.opening, l.accrued, l.corrections, l.paid, "
               "l.closing FROM ledger l JOIN accounts a ON a.id = l.account_id "
               "JOIN services sv ON sv.id = l.service_id WHERE a.number = '%s' AND "
               "l.period = '%s' ORDER BY sv.code" % (account_number, period))


# ------------------------------------------------------------------ kabinet-import

def test_accounts_dry_run_apply_and_again(tmp_path):
    numbers = new_numbers(3)
    path = write(tmp_path, "a.csv", accounts_csv(numbers))
    rc, got, err = run_import(path, "accounts", dry=True)
    assert rc == 0 and got["status"] == "checked" and got["new"] == 3, (got, err)
    # A dry run changes nothing.
    assert sql("SELECT COUNT(*) FROM accounts WHERE number IN ('%s')" % "','".join(numbers)) == [("0",)]
    rc, got, err = run_import(path, "accounts")
    assert rc == 0 and got["status"] == "applied" and got["new"] == 3, (got, err)
    row = sql("SELECT address, area_centi_m2, residents, payer_name, phone FROM accounts "
              "WHERE number = '%s'" % numbers[1])
    assert row == [("г. Энск, ул. Тестовая, д. 2, кв. 2", "5240", "2", "Тестов Тест Тестович",
                    "+7 900 000-00-01")]
    # The same file again: nothing to change.
    rc, got, err = run_import(path, "accounts")
    assert (got["new"], got["changed"], got["unchanged"]) == (0, 0, 3), got
    # One payer's name changes (only its case: compared byte for byte).
    lines = accounts_csv(numbers).split("\r\n")
    lines[1] = lines[1].replace("Тестов Тест", "ТЕСТОВ Тест")
    changed = "\r\n".join(lines)
    rc, got, err = run_import(write(tmp_path, "b.csv", changed), "accounts")
    assert (got["new"], got["changed"], got["unchanged"]) == (0, 1, 2), got
    assert sql("SELECT payer_name FROM accounts WHERE number = '%s'" % numbers[0]) == \
        [("ТЕСТОВ Тест Тестович",)]
    audit = sql("SELECT staff_login, action, object_id FROM audit_log WHERE action = "
                "'import-applied' AND object_id = '%d'" % got["id"])
    assert audit == [("test", "import-applied", str(got["id"]))]


def test_windows_1251_semicolons_and_decimal_commas(tmp_path):
    a, b = make_accounts(tmp_path, 2)
    text = ("account;service;period;opening;quantity;rate;charge;recalculation;"
            "recalculation_reason;penalties;paid;closing\r\n"
            "%s;electricity;11.2026;1 000,50;175,5;5,92;1 038,96;-12,40;Перерасчёт: отсутствие;"
            "0,37;0;2 027,43\r\n"
            "%s;cold-water;2026-11;0;4,5;43,1025;193,95;;;;0;193,95\r\n" % (a, b))
    path = write(tmp_path, "c1251.csv", text, encoding="cp1251")
    rc, got, err = run_import(path, "charges")
    assert rc == 0 and got["status"] == "applied" and got["new"] == 2, (rc, got, err)
    found = sql("SELECT encoding, delimiter FROM imports WHERE id = %d" % got["id"])
    assert found == [("windows-1251", ";")]
    # (Nothing paid: a paid amount with no payment behind it would be money from nowhere.)
    # A rate is a price, with up to four decimals (sql/044): ten-thousandths of a rouble.
    assert ledger(a) == [("electricity", "59200", "175500", "100050", "103896", "-1203", "0",
                          "202743")]
    assert ledger(b) == [("cold-water", "431025", "4500", "0", "19395", "0", "0", "19395")]
    reasons = sql("SELECT c.amount, c.reason, c.kind FROM corrections c JOIN accounts x ON "
                  "x.id = c.account_id WHERE x.number = '%s' ORDER BY c.amount" % a)
    # Penalties are a movement of their own kind: the receipt shows them apart.
    assert reasons == [("-1240", "Перерасчёт: отсутствие", "recalculation"),
                       ("37", "Пени", "penalty")]


def test_every_kind_of_bad_row_is_reported_and_nothing_applied(tmp_path):
    a, b = make_accounts(tmp_path, 2)
    before = ledger(a)
    text = "\n".join([
        "account,service,period,opening,charge,recalculation,recalculation_reason,paid,closing",
        "%s,electricity,2026-11,10.00,5.00,0,,0,15.00" % a,            # 2: good
        "%s,electricity,2026-11,1.00,1.00,0,,0" % b,                   # 3: a column short
        "%s,electricity,2026-13,1.00,1.00,0,,0,2.00" % b,              # 4: no such month
        "%s,electricity,2026-11,1.0.0,1.00,0,,0,2.00" % b,             # 5: not an amount
        "9999999999,electricity,2026-11,1.00,1.00,0,,0,2.00",          # 6: unknown account
        "%s,gas-supply,2026-11,1.00,1.00,0,,0,2.00" % b,               # 7: unknown service
        "%s,cold-water,2026-11,10.00,5.00,0,,2.00,14.00" % b,          # 8: roll-forward
        "%s,electricity,2026-11,10.00,5.00,0,,0,15.00" % a,            # 9: line 2 again
        "%s,wastewater,2026-11,1.00,1.00,-0.50,,0,1.50" % b,           # 10: no reason
        "%s,hot-water,2026-11,,1.00,0,,0,1.00" % b,                    # 11: required empty
    ]) + "\n"
    rc, got, err = run_import(write(tmp_path, "bad.csv", text), "charges")
    assert rc == 1 and got["status"] == "refused" and got["refused"] == 9, (rc, got, err)
    assert "line 3" in err  # the command lists the first problems
    assert problems(got["id"]) == [
        (3, "-", "columns", "9"),
        (4, "period", "month", ""),
        (5, "opening", "money", ""),
        (6, "account", "unknown-account", ""),
        (7, "service", "unknown-service", ""),
        (8, "closing", "roll-forward", "13.00"),
        (9, "account", "duplicate", "2"),
        (10, "recalculation_reason", "reason-required", ""),
        (11, "opening", "required", ""),
    ]
    # All or nothing: the good row is not applied either, and no staging is left.
    assert ledger(a) == before
    assert sql("SELECT COUNT(*) FROM stage_charges WHERE import_id = %d" % got["id"]) == [("0",)]


def test_header_problems_refuse_the_file(tmp_path):
    text = "account,servce,period,opening,charge\n1,electricity,2026-11,1,1\n"
    rc, got, err = run_import(write(tmp_path, "h.csv", text), "charges")
    assert rc == 1 and got["status"] == "refused"
    assert problems(got["id"]) == [(1, "-", "unknown-column", ""),
                                   (1, "service", "missing-column", ""),
                                   (1, "closing", "missing-column", "")]


def test_bytes_that_are_not_the_files_encoding(tmp_path):
    numbers = new_numbers(2)
    lines = accounts_csv(numbers).encode("utf-8").split(b"\r\n")
    # UTF-8 first, then Windows-1251 bytes in a name on line 3: that row is refused.
    lines[2] = lines[2].replace(";Тестов".encode(), b";\xd2\xe5\xf1\xf2\xee\xe2", 1)
    bad = b"\r\n".join(lines)
    rc, got, err = run_import(write(tmp_path, "mixed.csv", bad), "accounts")
    assert rc == 1 and got["refused"] == 1, (got, err)
    assert problems(got["id"]) == [(3, "payer_name", "encoding", "")]


def test_payments_twice_are_loaded_once(tmp_path):
    a = make_accounts(tmp_path, 1)[0]
    ids = new_numbers(2, prefix="SB")
    text = ("id,account,paid_at,amount,channel,bank\n"
            "%s,%s,2026-11-05 10:15,1500.00,bank,ПАО Сбербанк\n"
            "%s,%s,05.11.2026,300,cash,\n" % (ids[0], a, ids[1], a))
    path = write(tmp_path, "p.csv", text)
    rc, got, err = run_import(path, "payments")
    assert got["status"] == "applied" and got["new"] == 2, (got, err)
    rows = sql("SELECT p.amount, p.channel, COALESCE(p.bank, ''), p.status, p.source_id, "
               "DATE_FORMAT(p.paid_at, '%%Y-%%m-%%d %%H:%%i') FROM payments p JOIN accounts x ON "
               "x.id = p.account_id WHERE x.number = '%s' ORDER BY p.amount" % a)
    assert rows == [("30000", "cash", "", "succeeded", ids[1], "2026-11-05 00:00"),
                    ("150000", "bank", "ПАО Сбербанк", "succeeded", ids[0], "2026-11-05 10:15")]
    rc, got, err = run_import(path, "payments")
    assert (got["status"], got["new"], got["unchanged"]) == ("applied", 0, 2), got
    assert sql("SELECT COUNT(*) FROM payments WHERE source_id IN ('%s', '%s')" % tuple(ids)) == \
        [("2",)]
    # The same id with another amount is a conflict, not a second payment.
    text2 = "id,account,paid_at,amount,channel\n%s,%s,2026-11-05,1499.00,bank\n" % (ids[0], a)
    rc, got, err = run_import(write(tmp_path, "p2.csv", text2), "payments")
    assert rc == 1 and problems(got["id"])[0][2] == "conflict"
    # And an id twice in one file is refused.
    text3 = ("id,account,paid_at,amount,channel\nX-%s,%s,2026-11-06,1,bank\n"
             "X-%s,%s,2026-11-06,2,bank\n" % (ids[0], a, ids[0], a))
    rc, got, err = run_import(write(tmp_path, "p3.csv", text3), "payments")
    assert rc == 1 and problems(got["id"]) == [(3, "id", "duplicate", "2")]


def test_meters_and_readings_round_trip(tmp_path):
    a = make_accounts(tmp_path, 1)[0]
    serial = "ТЕСТ-" + a
    meters = ("account,service,serial,kind,zones,digits,installed_on,verification_due\n"
              "%s,cold-water,%s,cold-water,1,5,2026-01-10,01.01.2032\n" % (a, serial))
    rc, got, err = run_import(write(tmp_path, "m.csv", meters), "meters")
    assert got["status"] == "applied" and got["new"] == 1, (got, err)
    assert sql("SELECT decimals, zones, digits, verification_due FROM meters WHERE number = '%s'"
               % serial) == [("3", "1", "5", "2032-01-01")]
    readings = ("account,serial,zone,taken_on,value\n%s,%s,1,2026-11-20,12.345\n"
                "%s,%s,,2026-10-20,\"11,5\"\n" % (a, serial, a, serial))
    rc, got, err = run_import(write(tmp_path, "r.csv", readings), "readings")
    assert got["status"] == "applied" and got["new"] == 2, (got, err)
    assert sql("SELECT r.zone, r.taken_on, r.value, r.source, r.status FROM readings r JOIN "
               "meters m ON m.id = r.meter_id WHERE m.number = '%s' ORDER BY r.taken_on" % serial) \
        == [("0", "2026-10-20", "11500", "import", "accepted"),
            ("0", "2026-11-20", "12345", "import", "accepted")]
    rc, got, err = run_import(write(tmp_path, "r.csv", readings), "readings")
    assert (got["new"], got["unchanged"]) == (0, 2)
    # What the meter cannot show is refused: a fourth decimal, a second zone, a sixth digit.
    bad = ("account,serial,zone,taken_on,value\n%s,%s,1,2026-12-20,12.3456\n"
           "%s,%s,2,2026-12-20,1\n%s,%s,1,2026-12-21,123456\n%s,nope,1,2026-12-20,1\n"
           % (a, serial, a, serial, a, serial, a))
    rc, got, err = run_import(write(tmp_path, "rb.csv", bad), "readings")
    assert rc == 1
    assert [(p[0], p[2]) for p in problems(got["id"])] == \
        [(2, "decimal"), (3, "zone"), (4, "digits"), (5, "unknown-meter")]


def hold_lock(org, seconds):
    """A session that holds the organization's import lock for a while, as a running import would."""
    sock = os.path.join(ENV, "run", "db.sock")
    p = subprocess.Popen(["mariadb", "--no-defaults", "--socket=" + sock, "-uroot", "-N", "--unbuffered", "-e",
                          "SELECT GET_LOCK('kabinet-import-%d', 0); SELECT SLEEP(%d);" % (org, seconds)],
                         stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "1"
    return p


def test_two_imports_of_one_organization_never_run_at_once(tmp_path):
    numbers = new_numbers(2)
    holder = hold_lock(1, 30)
    try:
        rc, got, err = run_import(write(tmp_path, "a.csv", accounts_csv(numbers)), "accounts")
        assert rc == 75 and got is None and "queued" in err, (rc, err)
        imp = int(sql("SELECT MAX(id) FROM imports WHERE created_by = 'test'")[0][0])
        assert status_of(imp) == "queued"
        time.sleep(3)  # the scheduled program sees it and leaves it: the lock is held
        assert status_of(imp) == "queued"
        # Another organization is not held up.
        assert run_import(write(tmp_path, "b.csv", accounts_csv(new_numbers(1))), "accounts",
                          org=2)[1]["status"] == "applied"
    finally:
        holder.kill()
        holder.wait()
    # The lock goes with its session; the scheduled program then applies the import.
    wait_until(lambda: status_of(imp) == "applied", 30, "the queued import to be applied")
    assert sql("SELECT COUNT(*) FROM accounts WHERE number IN ('%s')" % "','".join(numbers)) == \
        [("2",)]


def in_range(numbers):
    return "SELECT COUNT(*) FROM accounts WHERE organization_id = 1 AND number BETWEEN '%s' " \
        "AND '%s'" % (numbers[0], numbers[-1])


def test_a_killed_import_leaves_nothing_and_runs_again(tmp_path):
    numbers = new_numbers(100000)
    path = write(tmp_path, "big.csv", accounts_csv(numbers))
    holder = hold_lock(1, 60)  # so that the command queues the file and stops (75)
    p = subprocess.Popen([IMPORT, "--org", "1", "--kind", "accounts", "--as", "test", path],
                         env=import_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert p.wait(60) == 75
    imp = int(sql("SELECT MAX(id) FROM imports WHERE created_by = 'test'")[0][0])
    holder.kill()
    holder.wait()
    # Killed while it checks: nothing is visible.
    p = subprocess.Popen([IMPORT, "--run", str(imp)], env=import_env(),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until(lambda: status_of(imp) != "queued", 30, "the check to start")
    time.sleep(0.3)
    p.send_signal(signal.SIGKILL)
    p.wait()
    assert (status_of(imp), sql(in_range(numbers))) == ("checking", [("0",)])
    # Killed while it applies (or just after): all or nothing, never part.
    p = subprocess.Popen([IMPORT, "--run", str(imp)], env=import_env(),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until(lambda: status_of(imp) in ("applying", "applied"), 120, "the apply to start")
    p.send_signal(signal.SIGKILL)
    p.wait()
    # Status and rows read in one statement: the scheduled program may redo the step
    # at any moment, and two reads could straddle its commit.
    assert sql("SELECT (SELECT status FROM imports WHERE id = %d), (%s)"
               % (imp, in_range(numbers))) in ([("applying", "0")], [("applied", "100000")])
    # The scheduled program does the step again (the dead worker's lock went with it).
    wait_until(lambda: status_of(imp) == "applied", 180, "the killed import to be redone")
    assert sql(in_range(numbers)) == [("100000",)]
    assert sql("SELECT COUNT(*) FROM stage_accounts WHERE import_id = %d" % imp) == [("0",)]


def test_command_usage_and_bad_kind():
    p = subprocess.run([IMPORT, "--org", "1", "--kind", "nonsense", "x.csv"], env=import_env(),
                       capture_output=True, text=True)
    assert p.returncode == 2 and "usage" in p.stderr


# ------------------------------------------------------------------ the console

def upload(s, kind, name, data, org=1, extra=None):
    r = s.get(BASE + "/admin/exchange?org=%d" % org)
    form = {"csrf": csrf_of(r)}
    if kind is not None:
        form["kind"] = kind
    form.update(extra or {})
    files = {"file": (name, data, "text/csv")} if name is not None else {"file": ("", b"", "application/octet-stream")}
    return s.post(BASE + "/admin/exchange/upload?org=%d" % org, data=form, files=files,
                  allow_redirects=False)


def import_id_of(resp):
    assert resp.status_code == 303, (resp.status_code, resp.text[:300])
    return int(resp.headers["location"].split("id=")[1].split("&")[0])


def test_console_upload_check_and_apply(tmp_path):
    numbers = new_numbers(2)
    s = staff_signed_in("admin")
    imp = import_id_of(upload(s, "accounts", "счета.csv", accounts_csv(numbers).encode()))
    wait_until(lambda: status_of(imp) == "checked", 30, "the upload to be checked")
    r = s.get(BASE + "/admin/exchange/import?id=%d" % imp)
    d = doc(r)
    assert r.status_code == 200 and "Refresh" not in r.headers
    assert d.xpath('//*[@id="file-name"]/text()') == ["счета.csv"]
    assert "2" in d.xpath('string(//*[@id="n-new"])')
    assert len(d.xpath('//table[@id="changes"]/tbody/tr')) == 2
    assert sql("SELECT COUNT(*) FROM accounts WHERE number = '%s'" % numbers[0]) == [("0",)]
    r = s.post(BASE + "/admin/exchange/apply", data={"csrf": csrf_of(r), "id": str(imp)},
               allow_redirects=False)
    assert r.status_code == 303 and "done=apply" in r.headers["location"]
    wait_until(lambda: status_of(imp) == "applied", 30, "the import to be applied")
    assert sql("SELECT COUNT(*) FROM accounts WHERE number IN ('%s')" % "','".join(numbers)) == \
        [("2",)]
    assert sql("SELECT action FROM audit_log WHERE object_type = 'import' AND object_id = '%d' "
               "ORDER BY id" % imp) == [("import-upload",), ("import-apply",), ("import-applied",)]
    # The list shows it; applying twice is refused politely.
    r = s.get(BASE + "/admin/exchange")
    assert doc(r).xpath('//tr[@id="import-%d"]' % imp)
    r = s.post(BASE + "/admin/exchange/apply", data={"csrf": csrf_of(r), "id": str(imp)},
               allow_redirects=False)
    assert "done=not-checked" in r.headers["location"]


def test_console_progress_refreshes_while_waiting_and_can_stop(tmp_path):
    s = staff_signed_in("admin", lang="en")
    holder = hold_lock(1, 30)
    try:
        imp = import_id_of(upload(s, "accounts", "a.csv", accounts_csv(new_numbers(3)).encode()))
        r = s.get(BASE + "/admin/exchange/import?id=%d" % imp)
        assert r.headers.get("Refresh") == "3"
        d = doc(r)
        assert d.xpath('//progress[@id="progress"]')
        assert "0 of 3 rows" in d.xpath('string(//*[@id="progress-text"])')
        r = s.get(BASE + d.xpath('//a[@id="still"]/@href')[0])
        assert r.status_code == 200 and "Refresh" not in r.headers
    finally:
        holder.kill()
        holder.wait()
    wait_until(lambda: status_of(imp) == "checked", 30, "the check")


def test_console_refused_file_shows_problems_and_report(tmp_path):
    s = staff_signed_in("admin")
    text = "account,service,period,opening,charge,closing\n1,electricity,2026-11,x,1,1\n"
    imp = import_id_of(upload(s, "charges", "bad.csv", text.encode()))
    wait_until(lambda: status_of(imp) == "refused", 30, "the check")
    d = doc(s.get(BASE + "/admin/exchange/import?id=%d" % imp))
    cells = [c.text_content() for c in d.xpath('//table[@id="problem-list"]/tbody/tr[1]/td')]
    assert cells == ["2", "opening", "x", "Нужна сумма, например 1234,56."]
    r = s.get(BASE + "/admin/exchange/report?id=%d&format=csv" % imp)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "Нужна сумма" in r.content.decode("utf-8-sig")
    s.cookies.set("lang", "en")
    r = s.get(BASE + "/admin/exchange/report?id=%d&format=csv" % imp)
    assert "An amount is needed" in r.content.decode("utf-8-sig")
    r = s.get(BASE + "/admin/exchange/report?id=%d&format=xlsx" % imp)
    assert r.status_code == 200 and r.content[:2] == b"PK"


def test_console_upload_refusals():
    s = staff_signed_in("admin")
    # No file chosen: the form again, the kind kept.
    r = upload(s, "charges", None, None)
    assert r.status_code == 400
    d = doc(r)
    assert d.xpath('//p[@id="error-file"]')
    assert d.xpath('//select[@id="kind"]/option[@selected]/@value') == ["charges"]
    # No kind, or an unknown one.
    r = upload(s, None, "a.csv", b"x")
    assert r.status_code == 400 and doc(r).xpath('//p[@id="error-kind"]')
    r = upload(s, "bogus", "a.csv", b"x")
    assert r.status_code == 400 and doc(r).xpath('//p[@id="error-kind"]')
    # Without the form's token.
    r = s.post(BASE + "/admin/exchange/upload?org=1", data={"kind": "accounts"},
               files={"file": ("a.csv", b"number\n", "text/csv")}, allow_redirects=False)
    assert r.status_code == 403
    # Not multipart.
    r = s.post(BASE + "/admin/exchange/upload?org=1", data={"kind": "accounts"},
               allow_redirects=False)
    assert r.status_code == 415
    # Another organization's upload: the administrator has both, the operator only the first.
    o = staff_signed_in("operator")
    r = upload(o, "accounts", "a.csv", b"number\n", org=2)
    assert r.status_code in (403, 404)


def test_console_roles():
    o = staff_signed_in("operator")
    assert o.get(BASE + "/admin/exchange").status_code == 200
    r = upload(o, "accounts", "a.csv", b"number\n")
    assert r.status_code == 403
    assert o.get(BASE + "/admin/exchange/keys").status_code == 403
    # An import of an organization the operator does not serve is not there for them.
    imp = int(sql("SELECT COALESCE(MAX(id), 0) FROM imports WHERE organization_id = 2")[0][0])
    if imp:
        assert o.get(BASE + "/admin/exchange/import?id=%d" % imp).status_code == 404


def test_console_api_keys_shown_once_and_revoked():
    s = staff_signed_in("admin")
    r = s.get(BASE + "/admin/exchange/keys?org=1")
    token = csrf_of(r)
    # Every kind the API takes has its scope to give (issue 25's among them).
    assert {"scope_write_connections", "scope_write_objects", "scope_write_events",
            "scope_write_usage"} <= set(doc(r).xpath('//fieldset[@id="scopes"]//input/@name'))
    form = {"csrf": token, "key_name": "Биллинг", "scope_read_payments": "1", "rate": "30"}
    r = s.post(BASE + "/admin/exchange/keys?org=1", data=dict(form, password="wrong-password"))
    assert r.status_code == 422 and doc(r).xpath('//p[@id="error-password"]')
    assert not doc(r).xpath('//*[@id="new-key"]')
    assert doc(r).xpath('//input[@id="key_name"]/@value') == ["Биллинг"]
    r = s.post(BASE + "/admin/exchange/keys?org=1", data=dict(form, password="admin-password"))
    assert r.status_code == 200
    key = doc(r).xpath('//*[@id="new-key"]/text()')[0]
    assert key.startswith("kb_") and len(key) == 46
    assert "no-store" in r.headers["Cache-Control"]
    h = {"Authorization": "Bearer " + key}
    import requests
    assert requests.get(BASE + "/api/v1/payments", headers=h).status_code == 200
    assert requests.get(BASE + "/api/v1/readings", headers=h).status_code == 403
    # Only the hash is kept; the page never shows the key again.
    assert key not in s.get(BASE + "/admin/exchange/keys?org=1").text
    kid = sql("SELECT id FROM api_keys WHERE prefix = '%s'" % key[:11])[0][0]
    r = s.post(BASE + "/admin/exchange/keys/revoke?org=1", data={"csrf": token, "id": kid},
               allow_redirects=False)
    assert r.status_code == 303
    assert requests.get(BASE + "/api/v1/payments", headers=h).status_code == 401
    assert sql("SELECT action FROM audit_log WHERE object_type = 'api-key' AND object_id = '%s' "
               "ORDER BY id" % kid) == [("api-key-create",), ("api-key-revoke",)]
    # No scope chosen.
    r = s.post(BASE + "/admin/exchange/keys?org=1", data={"csrf": token, "key_name": "x1",
                                                          "rate": "30", "password": "admin-password"})
    assert r.status_code == 400 and doc(r).xpath('//p[@id="error-scopes"]')


# ------------------------------------------------------------------ exports

def export(args):
    from exchange_util import import_env
    p = subprocess.run([os.path.join(os.path.dirname(IMPORT), "kabinet-export")] + args,
                       env=import_env(), capture_output=True, timeout=300)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode()


def test_readings_exported_and_loaded_back_change_nothing(tmp_path):
    rc, out, err = export(["--org", "1", "--what", "readings", "--from", "2026-01-01",
                           "--to", "2026-12-31"])
    assert rc == 0, err
    lines = out.splitlines()
    assert lines[0] == "account,serial,zone,taken_on,value"
    assert len(lines) > 10
    path = write(tmp_path, "readings.csv", out)
    before = sql("SELECT COUNT(*), SUM(value) FROM readings")
    rc, got, err = run_import(path, "readings")
    assert rc == 0 and got["status"] == "applied", (got, err)
    assert (got["new"], got["changed"], got["refused"]) == (0, 0, 0), got
    assert got["unchanged"] == len(lines) - 1
    assert sql("SELECT COUNT(*), SUM(value) FROM readings") == before


def test_exports_of_payments_and_contact_changes(tmp_path):
    sub = sql("SELECT id FROM subscribers WHERE login = 'demo'")[0][0]
    old = sql("SELECT landline FROM subscribers WHERE id = %s" % sub)[0][0]
    sql("UPDATE subscribers SET landline = '+7 3452 11-22-33' WHERE id = %s" % sub)
    try:
        today = time.strftime("%Y-%m-%d", time.gmtime())
        rc, out, err = export(["--org", "1", "--what", "contacts", "--from", today, "--to", today])
        assert rc == 0, err
        rows = out.splitlines()
        assert rows[0] == "account,login,field,old_value,new_value,changed_at"
        assert any(",demo,landline," in r and "+7 3452 11-22-33" in r for r in rows[1:])
    finally:
        sql("UPDATE subscribers SET landline = %s WHERE id = %s" %
            ("NULL" if old == "NULL" else "'%s'" % old, sub))
    rc, out, err = export(["--org", "1", "--what", "payments", "--from", "2020-01-01",
                           "--to", "2099-12-31"])
    assert rc == 0 and out.splitlines()[0] == "id,account,paid_at,amount,channel,bank"
    # Payments made online load back as payments received: the ids are kabinet's own.
    xlsx = str(tmp_path / "p.xlsx")
    rc, out, err = export(["--org", "1", "--what", "payments", "--from", "2020-01-01",
                           "--to", "2099-12-31", "--format", "xlsx", "--out", xlsx])
    assert rc == 0 and open(xlsx, "rb").read(2) == b"PK"
    rc, out, err = export(["--org", "1", "--what", "nothing", "--from", "x", "--to", "y"])
    assert rc == 2


def test_console_export_streams_csv_and_xlsx():
    import zipfile
    import io
    s = staff_signed_in("admin")
    r = s.get(BASE + "/admin/exchange/export?org=1")
    assert r.status_code == 200 and doc(r).xpath('//form[@id="export-form"]')
    q = "/admin/exchange/export?org=1&what=readings&from=2026-01-01&to=2026-12-31"
    r = s.get(BASE + q + "&format=csv")
    assert r.status_code == 200 and r.headers["content-type"] == "text/csv; charset=utf-8"
    assert 'filename="readings-2026-01-01-2026-12-31.csv"' in r.headers["content-disposition"]
    assert r.text.splitlines()[0] == "account,serial,zone,taken_on,value"
    r = s.get(BASE + q + "&format=xlsx")
    assert r.status_code == 200
    z = zipfile.ZipFile(io.BytesIO(r.content))
    sheet = z.read("xl/worksheets/sheet1.xml").decode()  # inline strings: constant memory
    assert "taken_on" in sheet and sheet.count("<row ") > 10
    assert not [f for f in os.listdir("/tmp") if f.startswith("kabinet-export-")]
    # ?format=xml is the page's XML, as on every page: the request read, nothing exported.
    r = s.get(BASE + q + "&format=xml")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/xml")
    assert b'<export org="1"' in r.content
    assert sql("SELECT action, object_id FROM audit_log WHERE action = 'export' ORDER BY id DESC "
               "LIMIT 1") == [("export", "readings")]
    # Refused: each field says why, what was typed is kept.
    r = s.get(BASE + "/admin/exchange/export?org=1&what=nope&from=2026-13-01&to=2026-12-31"
              "&format=pdf")
    assert r.status_code == 400
    d = doc(r)
    assert d.xpath('//p[@id="error-what"]') and d.xpath('//p[@id="error-from"]')
    assert d.xpath('//p[@id="error-format"]')
    assert d.xpath('//input[@id="from"]/@value') == ["2026-13-01"]
    r = s.get(BASE + "/admin/exchange/export?org=1&what=readings&from=2026-12-01&to=2026-01-01")
    assert r.status_code == 400 and doc(r).xpath('//p[@id="error-to"]')
    # The operator serves subscribers; exports (personal data in bulk) are not theirs.
    o = staff_signed_in("operator")
    assert o.get(BASE + q).status_code == 403


# ------------------------------------------------------------------ tariffs

TARIFF_HEAD = ("plan,service,name_ru,name_en,zones,public,valid_from,valid_to,tiers,vat,"
               "vat_included,month_days,tier,zone,price,limit_gas,limit_gas_alone,limit_estove,"
               "limit_estove_alone")


def tariff_rows(code, start="2027-01-01", end="2027-06-30", prices=("4,78", "2,33", "8,81", "4,60"),
                name="Двухзонный тест"):
    rows = []
    for i, (tier, zone) in enumerate(((1, 1), (1, 2), (2, 1), (2, 2))):
        limits = "50,50,50,50" if tier == 1 else ",,,"
        rows.append('%s,electricity,"%s",Two zones test,2,1,%s,%s,2,"20,00",1,30.5,%d,%d,"%s",%s'
                    % (code, name, start, end, tier, zone, prices[i], limits))
    return rows


def test_tariffs_load_whole_and_again_change_nothing(tmp_path):
    code = "t-" + new_numbers(1)[0]
    rows = tariff_rows(code) + tariff_rows(code, "2027-07-01", "2027-12-31")
    path = write(tmp_path, "t.csv", "\n".join([TARIFF_HEAD] + rows) + "\n")
    rc, got, err = run_import(path, "tariffs")
    assert rc == 0 and (got["status"], got["new"]) == ("applied", 8), (got, err)
    plan = sql("SELECT id, service_id, zones, public FROM tariff_plans WHERE code = '%s'" % code)
    assert len(plan) == 1 and plan[0][1:] == ("1", "2", "1")
    versions = sql("SELECT id, valid_from, valid_to, tiers, vat_bp, vat_included, month_days_x10 "
                   "FROM tariffs WHERE plan_id = %s ORDER BY valid_from" % plan[0][0])
    assert [v[1:] for v in versions] == [("2027-01-01", "2027-06-30", "2", "2000", "1", "305"),
                                         ("2027-07-01", "2027-12-31", "2", "2000", "1", "305")]
    assert sql("SELECT tier, zone, price FROM tariff_prices WHERE tariff_id = %s ORDER BY tier, "
               "zone" % versions[0][0]) == [("0", "0", "47800"), ("0", "1", "23300"),
                                           ("1", "0", "88100"), ("1", "1", "46000")]
    assert sql("SELECT household, tier, limit_milli FROM tariff_limits WHERE tariff_id = %s "
               "ORDER BY household" % versions[0][0]) == [
        ("gas", "0", "50000"), ("gas-alone", "0", "50000"), ("estove", "0", "50000"),
        ("estove-alone", "0", "50000")]
    rc, got, err = run_import(path, "tariffs")
    assert (got["new"], got["changed"], got["unchanged"]) == (0, 0, 8), got
    # One price changes, to four decimals: one row changed, the others as they were.
    rows[3] = rows[3].replace('"4,60"', '"4,6512"')
    rc, got, err = run_import(write(tmp_path, "t2.csv", "\n".join([TARIFF_HEAD] + rows) + "\n"),
                              "tariffs")
    assert (got["status"], got["changed"], got["unchanged"]) == ("applied", 1, 7), got
    assert sql("SELECT price FROM tariff_prices WHERE tariff_id = %s AND tier = 1 AND zone = 1"
               % versions[0][0]) == [("46512",)]
    # The calculator offers the plan loaded (public).
    from conftest import new_client
    r = new_client("ru").get(BASE + "/calculator?org=1")
    assert "Двухзонный тест" in r.text


def test_a_tariff_file_says_vat_by_date_and_limits_per_household(tmp_path):
    """Russia's 2025 household ranges (3 900 and 6 000 kWh a month for the home)
    and VAT by the rates table's date, loaded from a file, and changed by one."""
    code = "t-" + new_numbers(1)[0]
    head = TARIFF_HEAD + ",vat_by_date,limit_per_household"
    rows = []
    for tier, price, limit in ((1, "6,43", "3900"), (2, "7,57", "6000"), (3, "9,18", "")):
        limits = ",".join([limit] * 4) if limit else ",,,"
        rows.append('%s,electricity,"Диапазоны 2025",Ranges 2025,1,0,2026-01-01,2026-06-30,3,'
                    '"22,00",1,,%d,1,"%s",%s,1,1' % (code, tier, price, limits))
    path = write(tmp_path, "t.csv", "\n".join([head] + rows) + "\n")
    rc, got, err = run_import(path, "tariffs")
    assert rc == 0 and (got["status"], got["new"]) == ("applied", 3), (got, err)
    version = sql("SELECT t.id, t.vat_by_date, t.limit_per_household, t.month_days_x10 FROM "
                  "tariffs t JOIN tariff_plans p ON p.id = t.plan_id WHERE p.code = '%s'" % code)
    # month_days left empty: the organization's default (sql/039), NULL here.
    assert [v[1:] for v in version] == [("1", "1", "NULL")]
    assert sql("SELECT tier, limit_milli FROM tariff_limits WHERE tariff_id = %s AND "
               "household = 'gas' ORDER BY tier" % version[0][0]) == [("0", "3900000"),
                                                                      ("1", "6000000")]
    # The same file again changes nothing; the household flag off is a change of the version.
    rc, got, err = run_import(path, "tariffs")
    assert (got["new"], got["changed"]) == (0, 0), got
    off = [r[:-4] + ",1,0" for r in rows]
    rc, got, err = run_import(write(tmp_path, "t2.csv", "\n".join([head] + off) + "\n"), "tariffs")
    assert got["status"] == "applied" and got["changed"] == 3, got
    assert sql("SELECT limit_per_household FROM tariffs WHERE id = %s" % version[0][0]) == \
        [("0",)]
    # A flag that is not 0 or 1 is a problem on its line and column.
    bad = [rows[0][:-4] + ",2,1"] + rows[1:]
    rc, got, err = run_import(write(tmp_path, "t3.csv", "\n".join([head] + bad) + "\n"), "tariffs")
    assert got["status"] != "applied"
    assert [p[:3] for p in problems(got["id"])][0] == (2, "vat_by_date", "range")


def test_tariff_files_that_cannot_be_a_tariff_are_refused(tmp_path):
    code = "t-" + new_numbers(1)[0]
    other = "u-" + new_numbers(1)[0]
    good = tariff_rows(code)
    rows = [
        good[0], good[1], good[2],                                         # 2-4: one price short
        tariff_rows(other)[0].replace("Двухзонный тест", "Другое имя"),     # 5
        tariff_rows(other)[1],                                             # 6: plan differs (5)
        tariff_rows(other)[2].replace("2027-06-30", "2027-05-31"),          # 7: version differs
        tariff_rows(other)[3],                                             # 8
        tariff_rows(other, "2027-06-01", "2027-12-31")[0],                 # 9: overlaps 5-8
        tariff_rows(other, "2028-01-01", "2027-12-31")[0],                 # 10: ends first
        tariff_rows(other, "2029-01-01", "2029-12-31")[0].replace(",1,1,", ",3,1,", 1),  # 11
        tariff_rows(other, "2030-01-01", "2030-12-31")[0].replace("50,50,50,50", "50,,50,50"),
        tariff_rows(other, "2031-01-01", "2031-12-31")[0].replace("electricity", "steam"),
        tariff_rows(other, "2032-01-01", "2032-12-31")[0].replace('"4,78"', '"4,78901"'),
    ]
    rc, got, err = run_import(write(tmp_path, "bad.csv", "\n".join([TARIFF_HEAD] + rows) + "\n"),
                              "tariffs")
    assert rc == 1 and got["status"] == "refused", (got, err)
    codes = {(p[0], p[2]) for p in problems(got["id"])}
    assert {(2, "grid"), (3, "grid"), (4, "grid"), (6, "plan-differs"),
            (7, "version-differs"), (5, "overlap"), (10, "period"), (11, "tier-range"),
            (12, "limits-required"), (13, "unknown-service"), (14, "decimal")} <= codes, \
        sorted(codes)
    assert sql("SELECT COUNT(*) FROM tariff_plans WHERE code IN ('%s', '%s')" % (code, other)) == \
        [("0",)]


# ------------------------------------------------------------------ tariff limits

LIMITS_HEAD = "plan,valid_from,household,residents,season,tier,limit"


def test_limits_by_residents_season_and_electric_heating_come_from_their_own_file(tmp_path):
    """The limits a tariffs file's four household columns cannot say: by the number of
    residents, by season, and for homes heated by electricity; the most specific row that
    fits wins, as the calculator shows, and either file loaded again keeps the other's."""
    from test_calculator import calc_xml
    code = "lim-" + new_numbers(1)[0]

    def tariff(plain):
        rows = ['%s,electricity,"Лимиты %s",Limits %s,1,1,2026-01-01,2026-12-31,2,"20,00",1,,'
                '%d,1,"%s",%s' % (code, code, code, tier, price, limits)
                for tier, price, limits in ((1, "5,00", ",".join([plain] * 4)),
                                            (2, "10,00", ",,,"))]
        return write(tmp_path, "t.csv", "\n".join([TARIFF_HEAD] + rows) + "\n")

    def limits(name, rows):
        return write(tmp_path, name, "\n".join([LIMITS_HEAD] + [
            "%s,%s" % (code, r) for r in rows]) + "\n")

    rc, got, err = run_import(tariff("50"), "tariffs")
    assert got["status"] == "applied", (got, err)
    plan, version = sql("SELECT p.id, t.id FROM tariff_plans p JOIN tariffs t ON t.plan_id = p.id "
                        "WHERE p.code = '%s'" % code)[0]

    def rows():
        return sql("SELECT household, residents, season, tier, limit_milli FROM tariff_limits "
                   "WHERE tariff_id = %s AND NOT (household <> 'eheating' AND residents = 0 AND "
                   "season = 'any') ORDER BY household, residents, season" % version)

    def march(residents, household, month="03"):
        """The total of 200 kWh over a whole month (read on its first day and the next
        month's): 5,00 up to the limit, 10,00 above."""
        st, x = calc_xml(new_client(), org="1", plan=plan, residents=str(residents),
                         household=household, prev1="0", curr1="200",
                         **{"from": "2026-%s-01" % month,
                            "to": "2026-%02d-01" % (int(month) + 1)})
        assert st == 200, lxml_text(x)
        return int(x.find("result/total").get("minor"))

    try:
        first = limits("l.csv", ["2026-01-01,gas,2,,1,40", "2026-01-01,eheating,,heating,1,150",
                                 "2026-01-01,eheating,0,summer,1,60",
                                 '2026-01-01,estove,3,heating,1,"70,5"'])
        rc, got, err = run_import(first, "tariff_limits")
        assert rc == 0 and (got["status"], got["new"]) == ("applied", 4), (got, err)
        assert rows() == [("gas", "2", "any", "0", "40000"), ("estove", "3", "heating", "0",
                                                              "70500"),
                          ("eheating", "0", "heating", "0", "150000"),
                          ("eheating", "0", "summer", "0", "60000")]
        assert march(1, "gas") == 50 * 500 + 150 * 1000       # the plain limit
        assert march(2, "gas") == 80 * 500 + 120 * 1000       # 40 for each of two
        assert march(1, "eheating") == 150 * 500 + 50 * 1000  # the heating season's
        assert march(1, "eheating", "07") == 60 * 500 + 140 * 1000  # the summer's
        # Again: nothing changes.
        rc, got, err = run_import(first, "tariff_limits")
        assert (got["new"], got["changed"], got["unchanged"]) == (0, 0, 4), got
        # The tariffs file again, its plain limit changed: this file's rows stay.
        rc, got, err = run_import(tariff("55"), "tariffs")
        assert got["status"] == "applied" and got["changed"] == 1, got
        assert len(rows()) == 4 and march(1, "gas") == 55 * 500 + 145 * 1000
        # A version in the file has its other rows replaced whole.
        rc, got, err = run_import(limits("l2.csv", [
            "2026-01-01,gas,2,,1,45", "2026-01-01,eheating,,heating,1,150",
            "2026-01-01,eheating,0,summer,1,60"]), "tariff_limits")
        assert (got["status"], got["changed"], got["unchanged"]) == ("applied", 1, 2), got
        assert [r[:2] for r in rows()] == [("gas", "2"), ("eheating", "0"), ("eheating", "0")]
        assert march(2, "gas") == 90 * 500 + 110 * 1000
        # Rows that cannot be a limit: each a problem on its line, nothing applied.
        rc, got, err = run_import(limits("bad.csv", [
            "2026-02-01,gas,2,,1,40",        # 2: no version starts then
            "2026-01-01,gas,2,,2,40",        # 3: the last tier has no bound
            "2026-01-01,gas,0,any,1,40",     # 4: the tariffs file's
            "2026-01-01,steam,1,,1,40",      # 5
            "2026-01-01,gas,4,,1,40",        # 6
            "2026-01-01,gas,1,winter,1,40",  # 7
            "2026-01-01,gas,1,,1,40",        # 8: good
            "2026-01-01,gas,1,,1,41"]),      # 9: the same key as 8
            "tariff_limits")
        assert rc == 1 and got["status"] == "refused", (got, err)
        assert sorted((p[0], p[1], p[2]) for p in problems(got["id"])) == [
            (2, "valid_from", "unknown-version"), (3, "tier", "tier-range"),
            (4, "household", "plain-limit"), (5, "household", "choice"),
            (6, "residents", "range"), (7, "season", "choice"), (9, "tier", "duplicate")]
        assert len(rows()) == 3
    finally:
        sql("DELETE FROM tariff_limits WHERE tariff_id = %s" % version)
        sql("DELETE FROM tariff_prices WHERE tariff_id = %s" % version)
        sql("DELETE FROM tariffs WHERE id = %s" % version)
        sql("DELETE FROM tariff_plans WHERE id = %s" % plan)


def lxml_text(x):
    import lxml.etree
    return lxml.etree.tostring(x)[:600]


def test_every_example_file_loads_into_the_demo_data(tmp_path):
    """docs/exchange.md says so: each example checks with no problem, the tariff
    limits load after the tariffs whose version they name, and the charge lines after
    the charges whose rows they break down (both on an account of the test's own)."""
    d = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "exchange")
    kinds = {"charges-1251": "charges"}
    own = make_accounts(tmp_path, 1)[0]
    try:
        for name in ("charges.csv", "charge_lines.csv"):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                text = f.read().replace("1000456701", own)
            rc, got, err = run_import(write(tmp_path, name, text), name[:-4])
            assert rc == 0 and got["status"] == "applied", (name, got, err, problems(got["id"]))
        assert len(ledger_lines(own)) == 5
    finally:
        # Its paid column has no payments behind it: gone, so that every ledger's
        # payments still match (test_billing).
        for t in ("ledger_lines", "corrections", "ledger"):
            sql("DELETE x FROM %s x JOIN accounts a ON a.id = x.account_id "
                "WHERE a.number = '%s'" % (t, own))
    for name in sorted(os.listdir(d)):
        kind = kinds.get(name[:-4], name[:-4])
        if kind in ("tariff_limits", "charge_lines"):
            continue
        rc, got, err = run_import(os.path.join(d, name), kind, dry=True)
        if name == "meters.csv":  # its meter is on an account of accounts.csv, not loaded here
            assert {(p[1], p[2]) for p in problems(got["id"])} == {("account", "unknown-account")}
            continue
        assert rc == 0 and got["refused"] == 0, (name, got, err, problems(got["id"]))
    rc, got, err = run_import(os.path.join(d, "tariffs.csv"), "tariffs")
    try:
        assert got["status"] == "applied", (got, err)
        rc, got, err = run_import(os.path.join(d, "tariff_limits.csv"), "tariff_limits")
        assert rc == 0 and got["status"] == "applied" and got["refused"] == 0, (got, err)
        assert sql("SELECT COUNT(*) FROM tariff_limits l JOIN tariffs t ON t.id = l.tariff_id "
                   "JOIN tariff_plans p ON p.id = t.plan_id WHERE p.code = 'el-2z-2027' "
                   "AND (l.residents > 0 OR l.household = 'eheating')") == [("5",)]
    finally:
        for t in ("tariff_limits", "tariff_prices"):
            sql("DELETE x FROM %s x JOIN tariffs t ON t.id = x.tariff_id JOIN tariff_plans p "
                "ON p.id = t.plan_id WHERE p.code = 'el-2z-2027'" % t)
        sql("DELETE t FROM tariffs t JOIN tariff_plans p ON p.id = t.plan_id "
            "WHERE p.code = 'el-2z-2027'")
        sql("DELETE FROM tariff_plans WHERE code = 'el-2z-2027'")


def test_a_price_with_four_decimals_is_charged_exactly(tmp_path):
    """Kazakhstan publishes tariffs with four decimals: 1 000 kWh at 13,4456 is 13 445,60,
    not the 13 450,00 of a price cut to 13,45; the calculator shows the price as published."""
    from test_calculator import calc_xml
    code = "p4-" + new_numbers(1)[0]
    row = ('%s,electricity,"Четыре знака",Four decimals,1,1,2026-01-01,2026-12-31,1,"20,00",1,,'
           '1,1,"13,4456",,,,' % code)
    rc, got, err = run_import(write(tmp_path, "t.csv", TARIFF_HEAD + "\n" + row + "\n"), "tariffs")
    assert got["status"] == "applied", (got, err)
    plan, version = sql("SELECT p.id, t.id FROM tariff_plans p JOIN tariffs t ON t.plan_id = p.id "
                        "WHERE p.code = '%s'" % code)[0]
    try:
        for lang, text in (("ru", "13,4456\u00a0₽"), ("en", "₽13.4456")):
            st, x = calc_xml(new_client(lang), org="1", plan=plan, residents="1", household="gas",
                             prev1="0", curr1="1000", **{"from": "2026-03-01", "to": "2026-04-01"})
            assert st == 200
            assert x.find("result/total").get("minor") == "1344560"
            price = x.find("result/line/price")
            assert (price.get("units"), price.get("scale"), price.text) == ("134456", "4", text)
    finally:
        sql("DELETE FROM tariff_prices WHERE tariff_id = %s" % version)
        sql("DELETE FROM tariffs WHERE id = %s" % version)
        sql("DELETE FROM tariff_plans WHERE id = %s" % plan)


# ------------------------------------------------------------------ charge_lines

CHARGE_HEAD = "account,service,period,opening,quantity,rate,charge,paid,closing"
LINES_HEAD = "account,service,period,zone,tier,quantity,rate,charge"


def ledger_lines(account_number, period="2026-11-01"):
    return sql("SELECT sv.code, x.zone, x.tier, x.tariff, x.quantity, x.amount FROM ledger_lines x "
               "JOIN accounts a ON a.id = x.account_id JOIN services sv ON sv.id = x.service_id "
               "WHERE a.number = '%s' AND x.period = '%s' "
               "ORDER BY sv.code, x.zone, x.tier, x.tariff" % (account_number, period))


def test_charge_lines_give_a_rows_volumes_by_zone_and_tier(tmp_path):
    """A two-zone meter with a social norm (Rules 354, annex 2; the norm of 50 kWh per
    resident): 175 kWh is 100 within the norm at 5,40 and 75 above it at 6,6133, each
    zone's share apart; the lines add up to the charges file's 175 kWh and 1 036,00."""
    a, b = make_accounts(tmp_path, 2)
    charges = "\n".join([CHARGE_HEAD,
                         "%s,electricity,2026-11,0,175.000,5.92,1036.00,0,1036.00" % a,
                         "%s,cold-water,2026-11,0,4.500,43.10,193.95,0,193.95" % a]) + "\n"
    rc, got, err = run_import(write(tmp_path, "c.csv", charges), "charges")
    assert got["status"] == "applied", (got, err)
    lines = "\n".join([LINES_HEAD,
                       "%s,electricity,2026-11,1,1,70.000,5.40,378.00" % a,
                       "%s,electricity,2026-11,2,1,30.000,5.40,162.00" % a,
                       "%s,electricity,2026-11,1,2,50.000,\"6,6133\",330.67" % a,
                       "%s,electricity,2026-11,2,2,25.000,6.6133,165.33" % a,
                       "%s,cold-water,2026-11,,,4.500,43.10,193.95" % a]) + "\n"
    path = write(tmp_path, "l.csv", lines)
    rc, got, err = run_import(path, "charge_lines", dry=True)
    assert rc == 0 and (got["new"], got["refused"]) == (5, 0), (got, err)
    assert ledger_lines(a) == []
    rc, got, err = run_import(path, "charge_lines")
    assert got["status"] == "applied", (got, err)
    want = [("cold-water", "0", "0", "431000", "4500", "19395"),
            ("electricity", "1", "1", "54000", "70000", "37800"),
            ("electricity", "1", "2", "66133", "50000", "33067"),
            ("electricity", "2", "1", "54000", "30000", "16200"),
            ("electricity", "2", "2", "66133", "25000", "16533")]
    assert ledger_lines(a) == want
    # The same file again changes nothing; a file of fewer lines replaces the row's whole.
    rc, got, err = run_import(path, "charge_lines")
    assert (got["new"], got["changed"], got["unchanged"]) == (0, 0, 5), got
    rc, got, err = run_import(write(tmp_path, "l2.csv", "\n".join([
        LINES_HEAD, "%s,electricity,2026-11,1,,120.000,5.92,710.40" % a,
        "%s,electricity,2026-11,2,,55.000,5.92,325.60" % a]) + "\n"), "charge_lines")
    assert got["status"] == "applied", (got, err)
    assert ledger_lines(a) == [want[0], ("electricity", "1", "0", "59200", "120000", "71040"),
                               ("electricity", "2", "0", "59200", "55000", "32560")]
    # The charges file again as it was keeps the lines; a changed quantity drops that row's.
    rc, got, err = run_import(write(tmp_path, "c.csv", charges), "charges")
    assert got["unchanged"] == 2 and len(ledger_lines(a)) == 3, got
    rc, got, err = run_import(write(tmp_path, "c2.csv", charges.replace("175.000", "176.000")),
                              "charges")
    assert got["status"] == "applied" and got["changed"] == 1, (got, err)
    assert ledger_lines(a) == [want[0]]


def summary_of(number):
    """(latest month, billed bits, charged_0..2, paid_0..2) of an account's summary."""
    rows = sql("SELECT DATE_FORMAT(s.latest_period, '%%Y-%%m'), s.billed, s.charged_0, s.charged_1, "
               "s.charged_2, s.paid_0, s.paid_1, s.paid_2 FROM account_summaries s JOIN accounts a "
               "ON a.id = s.account_id WHERE a.number = '%s'" % number)
    return tuple(rows[0]) if rows else None


def test_a_charges_file_keeps_the_summaries_and_leaves_the_triggers_on(tmp_path):
    """A charges file's rows skip the ledger's per-row triggers and its accounts' months
    and summaries are summed once after (db/exchange.c): a new account, a month after the
    latest, a month changed inside the window.  Then the import worker's connection,
    which applied the file, credits a payments file through the triggers again."""
    a, b = make_accounts(tmp_path, 2)
    ids = "account IN (SELECT id FROM accounts WHERE number IN ('%s', '%s'))" % (a, b)
    first = "\n".join([CHARGE_HEAD,
                       "%s,electricity,2026-09,0,100.000,5.92,592.00,0,592.00" % a,
                       "%s,cold-water,2026-09,0,4.500,43.10,193.95,0,193.95" % a,
                       "%s,electricity,2026-10,592.00,50.000,5.92,296.00,592.00,296.00" % a,
                       "%s,electricity,2026-10,0,10.000,5.92,59.20,0,59.20" % b]) + "\n"
    rc, got, err = run_import(write(tmp_path, "c1.csv", first), "charges")
    assert got["status"] == "applied" and got["new"] == 4, (got, err)
    assert summary_of(a) == ("2026-10", "3", "29600", "78595", "0", "59200", "0", "0")
    assert summary_of(b) == ("2026-10", "1", "5920", "0", "0", "0", "0", "0")
    # A later month for one, the older month changed for the other's: both summed again.
    second = "\n".join([CHARGE_HEAD,
                        "%s,electricity,2026-11,296.00,20.000,5.92,118.40,0,414.40" % a,
                        "%s,electricity,2026-09,0,110.000,5.92,651.20,0,651.20" % a]) + "\n"
    rc, got, err = run_import(write(tmp_path, "c2.csv", second), "charges")
    assert (got["status"], got["new"], got["changed"]) == ("applied", 1, 1), (got, err)
    assert summary_of(a) == ("2026-11", "7", "11840", "29600", "84515", "0", "59200", "0")
    assert account_summaries_wrong(ids.replace("account IN", "account_id IN")) == []
    # Through the console: the worker keeps its connection (and its prepared statements)
    # between files, two of charges and one of payments.
    s = staff_signed_in("admin")
    # Paid today: a payment is credited to this month's rows, and test_payments checks
    # at the end that this month's ledger holds what was paid this month.
    today = time.strftime("%Y-%m-%d", time.gmtime())
    third = "\n".join([CHARGE_HEAD,
                       "%s,electricity,2026-11,59.20,5.000,5.92,29.60,0,88.80" % b]) + "\n"
    fourth = "\n".join([CHARGE_HEAD,
                        "%s,cold-water,2026-11,0,1.000,43.10,43.10,0,43.10" % a]) + "\n"
    for kind, name, data in (("charges", "c3.csv", third), ("charges", "c4.csv", fourth),
                             ("payments", "p.csv", "id,account,paid_at,amount,channel\n"
                              "%s,%s,%s,50.00,bank\n" % (new_numbers(1, "SX")[0], b, today))):
        imp = import_id_of(upload(s, kind, name, data.encode()))
        wait_until(lambda: status_of(imp) == "checked", 30, "the upload to be checked")
        r = s.get(BASE + "/admin/exchange/import?id=%d" % imp)
        r = s.post(BASE + "/admin/exchange/apply", data={"csrf": csrf_of(r), "id": str(imp)},
                   allow_redirects=False)
        assert r.status_code == 303, r.status_code
        wait_until(lambda: status_of(imp) == "applied", 30, "the import to be applied")
    # The payment was credited by the triggers (to the month it is credited in, maybe a
    # new one): the summary, recounted apart, says so.
    got = summary_of(b)
    assert sum(int(v) for v in got[5:]) == 5000 and "2960" in got[2:5], got
    assert summary_of(a) == ("2026-11", "7", "16150", "29600", "84515", "0", "59200", "0")
    assert account_summaries_wrong(ids.replace("account IN", "account_id IN")) == []


def test_charge_lines_that_do_not_add_up_are_refused(tmp_path):
    a, b = make_accounts(tmp_path, 2)
    charges = "\n".join([CHARGE_HEAD,
                         "%s,electricity,2026-11,0,100.000,5.00,500.00,0,500.00" % a,
                         "%s,cold-water,2026-11,0,2.000,40.00,80.00,0,80.00" % a]) + "\n"
    rc, got, err = run_import(write(tmp_path, "c.csv", charges), "charges")
    assert got["status"] == "applied", (got, err)
    text = "\n".join([
        LINES_HEAD,
        "%s,electricity,2026-11,1,1,60.000,5.00,300.00" % a,      # 2: good
        "%s,electricity,2026-11,2,1,30.000,5.00,150.00" % a,      # 3: good; 90 of 100 kWh
        "%s,cold-water,2026-11,,,2.000,40.00,80.02" % a,          # 4: 2 x 40,00 is 80,00
        "%s,electricity,2026-10,,,1.000,5.00,5.00" % a,           # 5: no charge that month
        "%s,gas-supply,2026-11,,,1.000,5.00,5.00" % a,            # 6: no such service
        "9999999999,electricity,2026-11,,,1.000,5.00,5.00",       # 7: no such account
        "%s,electricity,2026-11,1,1,60.000,5.00,300.00" % a,      # 8: line 2 again
        "%s,electricity,2026-11,4,1,1.000,5.00,5.00" % a,         # 9: a fourth zone
        "%s,heating,2026-11,,,1.000,5.00,5.00" % b,               # 10: b has no charges
    ]) + "\n"
    rc, got, err = run_import(write(tmp_path, "bad.csv", text), "charge_lines")
    assert rc == 1 and got["status"] == "refused", (rc, got, err)
    assert problems(got["id"]) == [
        (2, "quantity", "lines-quantity", "100.000"),
        (2, "charge", "lines-charge", "500.00"),
        (4, "charge", "line-arithmetic", "80.00"),
        (4, "charge", "lines-charge", "80.00"),
        (5, "period", "no-charge", ""),
        (6, "service", "unknown-service", ""),
        (7, "account", "unknown-account", ""),
        (8, "zone", "duplicate", "2"),
        (9, "zone", "range", ""),
        (10, "period", "no-charge", ""),
    ]
    assert ledger_lines(a) == [] and ledger_lines(b) == []
    # A rounding of one kopeck either way is a price with VAT added, kept.
    ok = "\n".join([LINES_HEAD, "%s,cold-water,2026-11,,,2.000,39.995,80.00" % a]) + "\n"
    rc, got, err = run_import(write(tmp_path, "ok.csv", ok), "charge_lines")
    assert got["status"] == "applied", (got, err, problems(got["id"]))


# ------------------------------------------------------------------ a supplier's own payee

SERVICES_HEAD = ("code,name_ru,name_en,unit,supplier_name,supplier_inn,supplier_phone,"
                 "supplier_kpp,supplier_bank_name,supplier_bic,supplier_account,"
                 "supplier_corr_account,supplier_qr_name")


def test_a_services_file_gives_a_supplier_its_own_bank_account(tmp_path):
    """sql/046: a supplier paid directly has its bank details in the services file,
    checked as the organization's are (the Bank of Russia's control keys, the INN's
    check digits, the QR code's limits); without them it is paid through the
    organization again."""
    code = "tw-" + new_numbers(1)[0]
    good = ('%s,Вода (проверка),Water (test),m3,МУП «Тестводоканал»,6311004538,+7 846 000-00-00,'
            '631101001,ПАО Сбербанк,044525225,40702810938000012345,30101810400000000225,'
            'Тестводоканал' % code)
    try:
        rc, got, err = run_import(write(tmp_path, "s.csv", SERVICES_HEAD + "\n" + good + "\n"),
                                  "services")
        assert got["status"] == "applied", (got, err, problems(got["id"]))
        assert sql("SELECT su.kpp, su.bic, su.bank_account, su.corr_account, su.short_name "
                   "FROM suppliers su JOIN services sv ON sv.supplier_id = su.id "
                   "WHERE sv.code = '%s'" % code) == [
            ("631101001", "044525225", "40702810938000012345", "30101810400000000225",
             "Тестводоканал")]
        rc, got, err = run_import(write(tmp_path, "s.csv", SERVICES_HEAD + "\n" + good + "\n"),
                                  "services")
        assert got["unchanged"] == 1, got
        bad = [
            good.replace("40702810938000012345", "40702810938000012346"),  # 2: control key
            good.replace("044525225", "04452522"),                          # 3: not a BIC
            good.replace(",ПАО Сбербанк,044525225,", ",,044525225,"),       # 4: no bank
            good.replace("631101001", "63110100X"),                         # 5: KPP
            good.replace("6311004538", "6311004539"),                       # 6: INN digits
        ]
        rc, got, err = run_import(write(tmp_path, "b.csv", "\n".join([SERVICES_HEAD] + bad) +
                                        "\n"), "services")
        assert got["status"] == "refused", (got, err)
        assert problems(got["id"]) == [
            (2, "supplier_account", "bank-details", "bank-account"),
            (3, "supplier_bic", "bank-details", "bic"),
            (4, "supplier_bank_name", "required", ""),
            (5, "supplier_kpp", "bank-details", "kpp"),
            (6, "supplier_inn", "bank-details", "inn"),
        ]
        # The same supplier without its details: paid through the organization again.
        plain_row = ",".join(good.split(",")[:7])
        rc, got, err = run_import(write(tmp_path, "p.csv", "code,name_ru,name_en,unit,"
                                        "supplier_name,supplier_inn,supplier_phone\n" +
                                        plain_row + "\n"), "services")
        assert got["status"] == "applied" and got["changed"] == 1, (got, err)
        assert sql("SELECT su.bank_account FROM suppliers su JOIN services sv ON "
                   "sv.supplier_id = su.id WHERE sv.code = '%s'" % code) == [("NULL",)]
    finally:
        sql("DELETE FROM services WHERE code = '%s'" % code)
        sql("DELETE FROM suppliers WHERE inn = '6311004538'")
