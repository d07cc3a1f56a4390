"""Faults: the database goes away and comes back; workers die and are replaced.

These tests stop and start parts of the running test stack, so they restore
what they took away before they finish, whatever happens.
"""
import os
import signal
import subprocess
import time

import pytest

from conftest import (BASE, ENV, doc, login, new_client, pids, signed_in, sql,
                      sql_script, stack, wait_until)


@pytest.fixture
def restores_database():
    """The test may stop the database; it runs again afterwards, whatever happened."""
    try:
        yield
    finally:
        stack("db-start")


def test_database_down_gives_a_rendered_503_then_recovers(restores_database):
    s = signed_in()
    masters = {p: pids(p)[0] for p in ("login", "home")}
    stack("db-stop")
    t = time.monotonic()
    r = s.get(BASE + "/", allow_redirects=False)
    assert time.monotonic() - t < 10  # fails fast, not a hang to nginx's timeout
    assert r.status_code == 503
    d = doc(r)
    assert "Сервис временно недоступен" in d.xpath("string(//h1)")
    incident = d.xpath("string(//p[@class='incident']/code)")
    assert len(incident) == 16
    for leak in ("mariadb", "mysql", "socket", "/work/"):
        assert leak not in r.text.lower()
    # The incident number leads to the log line with the cause.
    log = open(os.path.join(ENV, "log", "home.log"), encoding="utf-8", errors="replace").read()
    assert "incident %s" % incident in log
    # Signing in needs the database too: a clean 503, no session handed out.
    c = new_client("en")
    r = login(c)
    assert r.status_code == 503
    assert "Service temporarily unavailable" in doc(r).xpath("string(//h1)")
    assert c.cookies.get("sid") is None
    # The login form itself needs no database.
    assert new_client().get(BASE + "/login").status_code == 200
    # Nor does routing: a path no page takes, or a method it does not, is
    # answered as such before any query, even with a session cookie.
    assert s.get(BASE + "/services/no-such-page", allow_redirects=False).status_code == 404
    r = s.put(BASE + "/services", allow_redirects=False)
    assert r.status_code == 405 and "GET" in r.headers.get("Allow", "")

    stack("db-start")
    # Back without restarting any program: the very next requests succeed.
    assert s.get(BASE + "/", allow_redirects=False).status_code == 200
    assert login(new_client()).status_code == 303
    assert {p: pids(p)[0] for p in ("login", "home")} == masters


def test_every_worker_reconnects_after_a_database_restart(restores_database):
    s = signed_in()
    stack("db-stop")
    stack("db-start")
    # More requests than workers: each worker's stale connection is replaced.
    for _ in range(12):
        assert s.get(BASE + "/", allow_redirects=False).status_code == 200


def test_a_killed_worker_is_replaced():
    master, workers = pids("home")
    assert len(workers) >= 2
    victim = workers[0]
    os.kill(victim, signal.SIGKILL)
    wait_until(lambda: len(pids("home")[1]) == len(workers) and victim not in pids("home")[1],
               10, "a replacement worker")
    assert pids("home")[0] == master
    s = signed_in()
    for _ in range(10):
        assert s.get(BASE + "/", allow_redirects=False).status_code == 200
    log = open(os.path.join(ENV, "log", "home.log"), encoding="utf-8", errors="replace").read()
    assert "worker %d killed by signal 9; replacing it" % victim in log


def test_all_workers_killed_at_once_are_all_replaced():
    master, workers = pids("login")
    for w in workers:
        os.kill(w, signal.SIGKILL)
    wait_until(lambda: len(pids("login")[1]) == len(workers)
               and not set(workers) & set(pids("login")[1]), 15, "replacement workers")
    assert login(new_client()).status_code == 303


def test_sessions_survive_worker_replacement():
    s = signed_in()
    for w in pids("home")[1]:
        os.kill(w, signal.SIGKILL)
    wait_until(lambda: len(pids("home")[1]) >= 2, 15, "replacement workers")
    wait_until(lambda: s.get(BASE + "/", allow_redirects=False).status_code == 200, 10,
               "the session to be served again")


def test_a_failed_sign_in_writes_nothing_half_way():
    """Sign-in writes the session and the attempt in one transaction: if the
    last write fails, the session row is rolled back and no cookie is sent."""
    before = sql("SELECT COUNT(*) FROM sessions")[0][0]
    sql_script("DELIMITER //\n"
               "CREATE TRIGGER test_fail_ok_attempt BEFORE INSERT ON login_attempts FOR EACH ROW "
               "IF NEW.result = 'ok' THEN "
               "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected'; END IF//\n")
    try:
        s = new_client()
        r = login(s)
        # The database refused the write (it is up): an internal error, not an outage.
        assert r.status_code == 500
        assert s.cookies.get("sid") is None
        assert "Set-Cookie" not in r.headers or "sid=" not in r.headers["Set-Cookie"]
        assert sql("SELECT COUNT(*) FROM sessions")[0][0] == before
    finally:
        sql("DROP TRIGGER IF EXISTS test_fail_ok_attempt")
    assert login(new_client()).status_code == 303


def test_durability_settings_and_engines():
    (flush,) = sql("SELECT @@innodb_flush_log_at_trx_commit")[0]
    (dblwr,) = sql("SELECT @@innodb_doublewrite")[0]
    assert flush == "1" and dblwr == "1"
    engines = sql("SELECT table_name, engine FROM information_schema.tables "
                  "WHERE table_schema = 'kabinet'")
    assert engines and all(e == "InnoDB" for _, e in engines)
    charsets = sql("SELECT table_name, table_collation FROM information_schema.tables "
                   "WHERE table_schema = 'kabinet'")
    assert all(c.startswith("utf8mb4") for _, c in charsets if _ != "schema_migrations")


def as_program(program, query):
    """Run SQL as a program's own database account; (ok, error text)."""
    import configparser
    ini = configparser.ConfigParser(inline_comment_prefixes=(";",))
    ini.read(os.path.join(ENV, "secrets", program + ".ini"))
    acct = ini["db"]
    p = subprocess.run(
        ["mariadb", "--no-defaults", "--socket=" + os.path.join(ENV, "run", "db.sock"),
         "-u" + acct["user"], "-p" + acct["password"], "-N", "-B", "kabinet", "-e", query],
        capture_output=True, text=True, timeout=30)
    return p.returncode == 0, p.stderr


def test_each_program_has_only_the_rights_its_statements_need():
    allowed = {
        "home": ["SELECT id, HEX(token_hash) FROM sessions LIMIT 1",
                 "SELECT id, login, full_name, email, phone FROM subscribers LIMIT 1",
                 "UPDATE sessions SET last_seen = last_seen WHERE id = 0"],
        "login": ["SELECT password_hash FROM subscribers LIMIT 1",
                  "SELECT COUNT(*) FROM login_attempts",
                  "UPDATE subscribers SET password_hash = password_hash WHERE id = 0",
                  "DELETE FROM sessions WHERE id = 0"],
        "accounts": ["SELECT number, payer_name FROM accounts LIMIT 1",
                     "SELECT COUNT(*) FROM ledger",
                     "DELETE FROM subscriber_accounts WHERE account_id = 0",
                     "UPDATE subscribers SET current_account_id = current_account_id WHERE id = 0",
                     "INSERT INTO link_attempts (subscriber_id, at, ok) SELECT 0, NOW(), 0 FROM DUAL "
                     "WHERE 0"],
        "services": ["SELECT reason FROM corrections LIMIT 1", "SELECT COUNT(*) FROM ledger",
                     "SELECT bic FROM organizations LIMIT 1"],
        "readings": ["SELECT value FROM readings LIMIT 1", "SELECT digits FROM meters LIMIT 1",
                     "INSERT INTO readings (meter_id, zone, taken_on, value, source, status, "
                     "created_at) SELECT 0, 0, NOW(), 0, 'subscriber', 'accepted', NOW() FROM DUAL "
                     "WHERE 0"],
        "calculator": ["SELECT price FROM tariff_prices LIMIT 1",
                       "SELECT limit_milli FROM tariff_limits LIMIT 1",
                       "SELECT household FROM accounts LIMIT 1"],
        "payments": ["SELECT COUNT(*) FROM ledger",
                     "UPDATE ledger SET paid = paid, closing = closing WHERE account_id = 0",
                     "UPDATE payments SET status = status WHERE id = 0",
                     "UPDATE online_payments SET status = status WHERE id = 0",
                     "SELECT o.id FROM online_payments o JOIN payments pm ON pm.online_id = o.id "
                     "JOIN accounts a ON a.id = pm.account_id WHERE o.id = 0 FOR UPDATE",
                     "DELETE FROM autopays WHERE id = 0",
                     "INSERT INTO outbox (channel, address, lang, kind, params, next_attempt_at, "
                     "created_at) SELECT 'email', 'x', 'ru', 'x', '', NOW(), NOW() FROM DUAL WHERE 0"],
        "payjobs": ["SELECT COUNT(*) FROM autopays",
                    # it sets a run's result and never reads one back
                    "UPDATE autopay_runs SET result = 'failed' WHERE autopay_id = 0",
                    "UPDATE ledger SET paid = paid WHERE account_id = 0"],
        "receipts": ["SELECT COUNT(*) FROM ledger", "SELECT COUNT(*) FROM receipt_issues",
                     "SELECT kpp, receipt_note, qr_category FROM organizations LIMIT 1",
                     "SELECT value FROM readings LIMIT 1",
                     "UPDATE subscriber_accounts SET receipt_email = 1 WHERE account_id = 0"],
        "receiptjobs": ["SELECT bank_account FROM organizations LIMIT 1",
                        "SELECT COUNT(*) FROM receipt_issues",
                        "INSERT INTO receipt_issues SELECT 0, NOW(), NOW(), NOW(), NULL FROM DUAL WHERE 0",
                        "INSERT INTO outbox (channel, address, lang, kind, params, next_attempt_at, "
                        "created_at) SELECT 'email', 'x', 'ru', 'x', '', NOW(), NOW() FROM DUAL "
                        "WHERE 0"],
        "deliver": ["SELECT params FROM outbox LIMIT 1",
                    "UPDATE outbox SET status = status, attempts = attempts, last_error = NULL "
                    "WHERE id = 0",
                    # a message that carried a secret is blanked once sent
                    "UPDATE outbox SET params = '<gone/>' WHERE id = 0",
                    "SELECT closing FROM ledger LIMIT 1", "SELECT COUNT(*) FROM receipt_issues"],
    }
    denied = {
        "home": ["SELECT password_hash FROM subscribers LIMIT 1",
                 "SELECT COUNT(*) FROM login_attempts",
                 "INSERT INTO login_attempts (at, login, ip, result) VALUES (NOW(), 'x', 'x', 'ok')",
                 "DELETE FROM sessions WHERE id = 0",
                 "UPDATE subscribers SET full_name = full_name WHERE id = 0",
                 "DROP TABLE sessions",
                 "SELECT reason FROM corrections LIMIT 1",
                 "SELECT bic FROM organizations LIMIT 1",
                 "SELECT COUNT(*) FROM link_attempts",
                 "UPDATE ledger SET paid = paid WHERE account_id = 0",
                 "DELETE FROM subscriber_accounts WHERE account_id = 0"],
        "login": ["UPDATE subscribers SET full_name = full_name WHERE id = 0",
                  "DELETE FROM subscribers WHERE id = 0",
                  "DELETE FROM login_attempts WHERE id = 0",
                  "CREATE TABLE x (a INT)", "DROP TABLE sessions",
                  "SELECT * FROM mysql.user"],
        "accounts": ["SELECT password_hash FROM subscribers LIMIT 1",
                     "UPDATE ledger SET paid = paid WHERE account_id = 0",
                     "INSERT INTO payments (account_id, paid_at, amount, channel) "
                     "SELECT 0, NOW(), 0, 'x' FROM DUAL WHERE 0",
                     "UPDATE accounts SET number = number WHERE id = 0",
                     "UPDATE subscribers SET full_name = full_name WHERE id = 0",
                     "SELECT COUNT(*) FROM login_attempts"],
        "services": ["SELECT password_hash FROM subscribers LIMIT 1",
                     "UPDATE ledger SET paid = paid WHERE account_id = 0",
                     "DELETE FROM subscriber_accounts WHERE account_id = 0",
                     "INSERT INTO subscriber_accounts (subscriber_id, account_id, linked_at) "
                     "VALUES (0, 0, NOW())",
                     "UPDATE subscribers SET current_account_id = 0 WHERE id = 0",
                     "SELECT COUNT(*) FROM link_attempts"],
        "readings": ["SELECT password_hash FROM subscribers LIMIT 1",
                     # a correction marks the subscriber's own row replaced (status),
                     # never its value, and never takes back what was taken
                     "UPDATE readings SET value = 0 WHERE id = 0",
                     "UPDATE readings SET taken_at = NULL WHERE id = 0",
                     "DELETE FROM readings WHERE id = 0",
                     "UPDATE meters SET digits = digits WHERE id = 0",
                     "SELECT COUNT(*) FROM ledger"],
        "calculator": ["SELECT password_hash FROM subscribers LIMIT 1",
                       "SELECT COUNT(*) FROM ledger", "SELECT COUNT(*) FROM payments",
                       "UPDATE tariff_prices SET price = price WHERE tariff_id = 0",
                       "DELETE FROM tariffs WHERE id = 0",
                       "INSERT INTO subscriber_accounts (subscriber_id, account_id, linked_at) "
                     "VALUES (0, 0, NOW())",
                       "INSERT INTO readings (meter_id, zone, taken_on, value, source, status, "
                       "created_at) SELECT 0, 0, NOW(), 0, 'subscriber', 'accepted', NOW() "
                       "FROM DUAL WHERE 0",
                       "SELECT subscriber_id FROM readings LIMIT 1"],
    }
    denied["payments"] = [
        "SELECT password_hash FROM subscribers LIMIT 1",
        # Crediting moves paid and closing, never what was charged.
        "UPDATE ledger SET accrued = accrued WHERE account_id = 0",
        "UPDATE ledger SET opening = opening WHERE account_id = 0",
        "DELETE FROM ledger WHERE account_id = 0",
        "UPDATE payments SET amount = amount WHERE id = 0",
        "DELETE FROM payments WHERE id = 0",
        "UPDATE online_payments SET amount = amount WHERE id = 0",
        "DELETE FROM online_payments WHERE id = 0",
        "UPDATE payment_lines SET amount = amount WHERE payment_id = 0",
        "SELECT COUNT(*) FROM outbox",
        "SELECT result FROM autopay_runs",
        "UPDATE autopay_runs SET amount = amount WHERE online_id = 0",
        "DELETE FROM autopay_runs WHERE online_id = 0",
        "UPDATE accounts SET number = number WHERE id = 0"]
    denied["payjobs"] = [
        "SELECT password_hash FROM subscribers LIMIT 1", "SELECT COUNT(*) FROM sessions",
        "UPDATE ledger SET accrued = accrued WHERE account_id = 0",
        "DELETE FROM autopays WHERE id = 0", "DELETE FROM autopay_runs WHERE autopay_id = 0",
        "UPDATE payments SET amount = amount WHERE id = 0", "SELECT COUNT(*) FROM outbox"]
    denied["receipts"] = [
        "SELECT password_hash FROM subscribers LIMIT 1",
        "UPDATE ledger SET paid = paid WHERE account_id = 0",
        "UPDATE subscriber_accounts SET account_id = account_id WHERE account_id = 0",
        "DELETE FROM subscriber_accounts WHERE account_id = 0",
        "INSERT INTO receipt_issues SELECT 0, NOW(), NOW(), NOW(), NULL FROM DUAL WHERE 0",
        "UPDATE organizations SET bank_account = bank_account WHERE id = 0",
        "SELECT COUNT(*) FROM outbox", "SELECT COUNT(*) FROM payments",
        "SELECT subscriber_id FROM readings LIMIT 1"]
    # Issuing stores each receipt as issued (db/receipt_doc.c): receiptjobs reads the
    # ledger and the payers to copy them, and may never change either, nor a receipt
    # once stored (a reissue is a new version; the old one only gets replaced_at).
    allowed["receiptjobs"] += ["SELECT closing FROM ledger LIMIT 1",
                               "SELECT payer_name FROM accounts LIMIT 1"]
    denied["receiptjobs"] = [
        "SELECT password_hash FROM subscribers LIMIT 1", "SELECT COUNT(*) FROM sessions",
        "UPDATE ledger SET paid = paid WHERE account_id = 0",
        "DELETE FROM receipt_issues WHERE organization_id = 0",
        "UPDATE receipt_issues SET due_on = due_on WHERE organization_id = 0",
        "UPDATE organizations SET bank_account = bank_account WHERE id = 0",
        "UPDATE accounts SET payer_name = payer_name WHERE id = 0",
        "UPDATE receipt_document_lines SET closing = 0 WHERE account_id = 0",
        "UPDATE receipt_documents SET bank_account = bank_account WHERE account_id = 0",
        "DELETE FROM receipt_documents WHERE account_id = 0",
        "SELECT COUNT(*) FROM outbox"]
    # deliver queues the announcements whose time has come (app/news.c), so it may
    # add to the outbox; it may not change what a queued message says or to whom.
    allowed["deliver"].append(
        "INSERT INTO outbox (channel, address, lang, kind, params, next_attempt_at, created_at) "
        "SELECT 'email', 'x', 'ru', 'x', '', NOW(), NOW() FROM DUAL WHERE 0")
    # deliver writes the inbox's copies (subject and text) and drops one that can never be
    # written; it never reads whom they are for beyond the language.
    allowed["deliver"] += [
        "UPDATE inbox SET written = 1, subject = 'x', body = 'x' WHERE id = 0",
        "DELETE FROM inbox WHERE id = 0"]
    # remind reads whom to remind and records it, and only adds to the outbox and inbox.
    allowed["remind"] = [
        "SELECT verification_due FROM meters LIMIT 1", "SELECT due_on FROM receipt_issues LIMIT 1",
        "INSERT INTO reminders_sent (subscriber_id, kind, object_id, period, sent_at) "
        "SELECT 0, 'due', 0, NOW(), NOW() FROM DUAL WHERE 0"]
    denied["remind"] = [
        "SELECT password_hash FROM subscribers LIMIT 1", "SELECT COUNT(*) FROM sessions",
        "DELETE FROM reminders_sent WHERE subscriber_id = 0",
        "UPDATE outbox SET params = params WHERE id = 0", "SELECT params FROM outbox LIMIT 1",
        "UPDATE ledger SET paid = paid WHERE account_id = 0",
        "UPDATE meters SET verification_due = NULL WHERE id = 0", "SELECT COUNT(*) FROM payments"]
    denied["deliver"] = [
        "SELECT password_hash FROM subscribers LIMIT 1", "SELECT COUNT(*) FROM sessions",
        "UPDATE news SET title_ru = title_ru WHERE id = 0",
        "UPDATE outbox SET address = address WHERE id = 0",
        "UPDATE outbox SET kind = kind WHERE id = 0", "DELETE FROM outbox WHERE id = 0",
        "UPDATE inbox SET subscriber_id = subscriber_id WHERE id = 0",
        "UPDATE inbox SET read_at = NULL WHERE id = 0",
        "UPDATE ledger SET paid = paid WHERE account_id = 0",
        "SELECT COUNT(*) FROM payments", "UPDATE subscriber_accounts SET receipt_email = 0"]
    # The console reads and appends to the audit log and never changes it; it
    # decides contact requests and edits organizations; money moves only through
    # a refund (a new payments row and the ledger), never by changing a payment.
    allowed["admin"] = [
        "SELECT action, before_value, after_value FROM audit_log LIMIT 1",
        "INSERT INTO audit_log (at, staff_login, ip, action, object_type, object_id) "
        "SELECT NOW(), 'x', 'x', 'x', 'x', 'x' FROM DUAL WHERE 0",
        "UPDATE contact_requests SET status = 'done', reason = NULL WHERE id = 0",
        "UPDATE organizations SET bic = bic, bank_account = bank_account WHERE id = 0",
        "UPDATE staff SET role = role, active = active WHERE id = 0",
        "UPDATE subscribers SET active = active, phone = phone WHERE id = 0",
        "UPDATE ledger SET paid = paid, closing = closing WHERE account_id = 0",
        "INSERT INTO refunds (online_id, idem_key, amount, status, reason, staff_id, created_at) "
        "SELECT 0, 'x', 1, 'created', 'x', 0, NOW() FROM DUAL WHERE 0"]
    denied["admin"] = [
        "UPDATE audit_log SET action = action WHERE id = 0", "DELETE FROM audit_log WHERE id = 0",
        "UPDATE ledger SET accrued = accrued WHERE account_id = 0",
        "UPDATE refunds SET amount = amount WHERE id = 0", "DELETE FROM refunds WHERE id = 0",
        "UPDATE payments SET amount = amount WHERE id = 0",
        "UPDATE staff SET login = login WHERE id = 0",
        "UPDATE subscribers SET login = login WHERE id = 0",
        "UPDATE accounts SET number = number WHERE id = 0", "DROP TABLE audit_log"]
    allowed["appeals"] = [
        "SELECT status, updated_at FROM appeals LIMIT 1",
        "SELECT name_ru FROM appeal_topics LIMIT 1",
        "SELECT bytes FROM appeal_file_chunks LIMIT 1",
        "UPDATE appeals SET status = status, closed_at = closed_at WHERE id = 0"]
    denied["appeals"] = [
        "SELECT password_hash FROM subscribers LIMIT 1",
        # staff assign appeals and write notes; the subscriber's program never can
        "UPDATE appeals SET assigned_to = assigned_to WHERE id = 0",
        "UPDATE appeal_messages SET body = body WHERE id = 0",
        "DELETE FROM appeals WHERE id = 0", "DELETE FROM appeal_files WHERE id = 0",
        "UPDATE appeal_topics SET name_ru = name_ru WHERE id = 0",
        "UPDATE subscribers SET full_name = full_name WHERE id = 0",
        "SELECT COUNT(*) FROM outbox", "SELECT token_hash FROM subscriber_devices LIMIT 1"]
    allowed["settings"] = [
        "SELECT password_hash FROM subscribers LIMIT 1",
        "UPDATE subscribers SET full_name = full_name, landline = landline, lang = lang, "
        "notify_email = notify_email, notify_sms = notify_sms, password_hash = password_hash "
        "WHERE id = 0",
        "DELETE FROM sessions WHERE id = 0", "DELETE FROM contact_requests WHERE id = 0",
        "UPDATE subscriber_tokens SET used_at = used_at WHERE id = 0",
        "UPDATE subscriber_accounts SET receipt_email = 0 WHERE account_id = 0",
        "SELECT COUNT(*) FROM common_passwords",
        # SMS sign-in codes sent today (app/two_factor.c): counted, never read
        "SELECT COUNT(*) FROM outbox"]
    denied["settings"] = [
        # the login and the mobile phone are the organization's to change
        "UPDATE subscribers SET login = login WHERE id = 0",
        "UPDATE subscribers SET phone = phone WHERE id = 0",
        "UPDATE subscribers SET email = email WHERE id = 0",
        "UPDATE contact_requests SET status = 'done' WHERE id = 0",
        "DELETE FROM subscribers WHERE id = 0", "SELECT params FROM outbox LIMIT 1",
        "SELECT COUNT(*) FROM ledger", "SELECT payer_name FROM accounts LIMIT 1",
        "DELETE FROM subscriber_accounts WHERE account_id = 0"]
    allowed["login"] += [
        "SELECT phone, payer_name FROM accounts LIMIT 1",
        "UPDATE subscribers SET email = email WHERE id = 0",
        "UPDATE subscriber_tokens SET used_at = used_at, attempts = attempts WHERE id = 0",
        "SELECT COUNT(*) FROM form_attempts",
        # Recovery messages a login got today (login.c, recover_work); the
        # sign-in counters and known browsers (db/throttle.c).
        "SELECT COUNT(*) FROM outbox",
        "UPDATE signin_throttles SET tries = tries WHERE scope = ''",
        "SELECT subscriber_id FROM subscriber_devices LIMIT 1"]
    denied["login"] += [
        "UPDATE subscribers SET phone = phone WHERE id = 0",
        "DELETE FROM subscriber_accounts WHERE account_id = 0",
        "SELECT COUNT(*) FROM ledger", "SELECT params FROM outbox LIMIT 1",
        "DELETE FROM signin_throttles", "DELETE FROM subscriber_devices",
        "DELETE FROM form_attempts WHERE id = 0",
        "UPDATE subscriber_tokens SET value = value WHERE id = 0"]
    allowed["tidy"] = [
        "DELETE FROM sessions WHERE last_seen < '2000-01-01' ORDER BY last_seen LIMIT 1",
        "DELETE FROM subscriber_tokens WHERE expires_at < '2000-01-01'",
        "DELETE FROM form_attempts WHERE at < '2000-01-01'",
        "DELETE FROM link_attempts WHERE at < '2000-01-01'",
        "DELETE FROM login_attempts WHERE at < '2000-01-01'",
        "DELETE FROM outbox WHERE created_at < '2000-01-01' AND status = 'sent'"]
    denied["tidy"] = [
        # it deletes by age and reads nothing else: no tokens, addresses or texts
        "SELECT token_hash FROM sessions LIMIT 1", "SELECT ip FROM login_attempts LIMIT 1",
        "SELECT address, params FROM outbox LIMIT 1",
        "SELECT code_mac FROM subscriber_tokens LIMIT 1",
        "SELECT password_hash FROM subscribers LIMIT 1",
        "UPDATE outbox SET status = status WHERE id = 0",
        "DELETE FROM subscribers WHERE id = 0", "DELETE FROM payments WHERE id = 0",
        "DELETE FROM online_payments WHERE id = 0", "DELETE FROM contact_requests WHERE id = 0"]
    # Data exchange: the console stores files and reads imports, never the live
    # billing tables; the import program writes them; the API reads its feeds and
    # keys, and changes live rows only through the same import code.
    allowed["exchange"] = [
        "SELECT status, n_new FROM imports LIMIT 1",
        "INSERT INTO import_chunks (import_id, seq, data) SELECT 0, 0, '' FROM DUAL WHERE 0",
        "UPDATE imports SET status = status WHERE id = 0",
        "UPDATE api_keys SET revoked_at = revoked_at WHERE id = 0"]
    denied["exchange"] = [
        "SELECT hash FROM api_keys LIMIT 1", "UPDATE ledger SET paid = paid WHERE account_id = 0",
        "UPDATE accounts SET payer_name = payer_name WHERE id = 0",
        "DELETE FROM imports WHERE id = 0", "UPDATE audit_log SET action = action WHERE id = 0"]
    allowed["kabinet-import"] = [
        "UPDATE ledger SET accrued = accrued, closing = closing WHERE account_id = 0",
        "UPDATE accounts SET payer_name = payer_name WHERE id = 0",
        "DELETE FROM stage_charges WHERE import_id = 0",
        "SELECT data FROM import_chunks LIMIT 1"]
    denied["kabinet-import"] = [
        "SELECT password_hash FROM subscribers LIMIT 1", "SELECT hash FROM api_keys LIMIT 1",
        "DELETE FROM ledger WHERE account_id = 0", "DELETE FROM accounts WHERE id = 0",
        "DELETE FROM payments WHERE id = 0", "UPDATE payments SET amount = amount WHERE id = 0",
        "DELETE FROM imports WHERE id = 0"]
    allowed["api"] = [
        "SELECT HEX(hash), scopes FROM api_keys LIMIT 1",
        "UPDATE api_rate SET n = n WHERE key_id = 0",
        "SELECT feed_seq FROM readings LIMIT 1"]
    denied["api"] = [
        "SELECT token_hash FROM sessions LIMIT 1", "SELECT password_hash FROM staff LIMIT 1",
        "UPDATE api_keys SET scopes = scopes WHERE id = 0", "DELETE FROM api_keys WHERE id = 0",
        "DELETE FROM ledger WHERE account_id = 0", "DELETE FROM payments WHERE id = 0"]
    wrong = []
    for program, queries in allowed.items():
        for q in queries:
            ok, err = as_program(program, q)
            if not ok:
                wrong.append(("refused", program, q, err.strip()))
    for program, queries in denied.items():
        for q in queries:
            ok, err = as_program(program, q)
            if ok or "denied" not in err:
                wrong.append(("allowed", program, q, err.strip()))
    assert not wrong, "\n".join(map(repr, wrong))


def test_no_account_can_change_the_schema():
    for user in ("kb_login", "kb_home", "kb_accounts", "kb_services", "kb_calculator",
                 "kb_readings", "kb_payments", "kb_payjobs", "kb_receipts", "kb_receiptjobs",
                 "kb_deliver", "kb_settings", "kb_tidy", "kb_admin", "kb_exchange",
                 "kb_kabinet-import", "kb_api"):
        grants = " ".join(r[0] for r in sql("SHOW GRANTS FOR '%s'@'localhost'" % user))
        for bad in ("DROP", "ALTER", "CREATE", "ALL PRIVILEGES", "GRANT OPTION", "FILE", "SUPER",
                    "ON `kabinet`.*", "ON *.*` TO"):
            assert bad not in grants, (user, bad)
    assert not sql("SELECT user FROM mysql.user WHERE user = 'kabinet'")


def test_a_database_error_that_is_not_an_outage_is_not_called_one():
    """Sign-in labels a failure by its cause: refused by the database is a 500."""
    sql("REVOKE INSERT (at, ip, login, result, subscriber_id) ON kabinet.login_attempts "
        "FROM 'kb_login'@'localhost'")
    try:
        r = login(new_client("en"), password="wrong-password")
        assert r.status_code == 500
        assert "Service temporarily unavailable" not in doc(r).xpath("string(//h1)")
    finally:
        stack("grants")
    assert login(new_client(), password="wrong-password").status_code == 422
