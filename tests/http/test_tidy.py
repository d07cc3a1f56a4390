"""tidy: the daily clean-up deletes what has outlived its use, and nothing else.

Each kind gets rows just past its limit and rows just inside it; only the
first may go.  The rows are made by SQL with a marker, so other tests' rows
do not count.
"""
import os
import shutil
import subprocess

from conftest import ENV, ROOT, fresh_attempts, signed_in, sql  # noqa: F401

TIDY = os.path.join(ROOT, "build", "asan", "tidy")
MARK = "tidy-test"


def tidy(config=None, *args):
    return subprocess.run([TIDY] + list(args), env=dict(
        os.environ, PORTAL_CONFIG=config or os.path.join(ENV, "portal.ini"),
        ASAN_OPTIONS="detect_leaks=1"), capture_output=True, text=True, timeout=120)


def count(table, where):
    return int(sql("SELECT COUNT(*) FROM %s WHERE %s" % (table, where))[0][0])


def demo_id():
    return int(sql("SELECT id FROM subscribers WHERE login = 'demo'")[0][0])


def old(interval):
    return "UTC_TIMESTAMP(6) - INTERVAL %s" % interval


def test_each_kind_goes_after_its_limit_and_not_before():
    sub = demo_id()
    sql("DELETE FROM sessions WHERE user_agent LIKE '%s%%'" % MARK)
    sql("DELETE FROM form_attempts WHERE subject LIKE '%s%%'" % MARK)
    sql("DELETE FROM outbox WHERE address LIKE '%s%%'" % MARK)
    sql("DELETE FROM subscriber_tokens WHERE value LIKE '%s%%'" % MARK)
    sql("DELETE FROM login_attempts WHERE login LIKE '%s%%'" % MARK)
    # Sessions: idle 30 minutes (the test stack's default) is the limit.
    for name, seen in (("gone", old("31 MINUTE")), ("kept", old("29 MINUTE"))):
        sql("INSERT INTO sessions (token_hash, subscriber_id, created_at, last_seen, ip, "
            "user_agent) VALUES (RANDOM_BYTES(32), %d, %s, %s, '192.0.2.1', '%s-%s')"
            % (sub, seen, seen, MARK, name))
    # Links and codes: a day after they expired.
    for name, exp in (("gone", old("25 HOUR")), ("kept", old("23 HOUR"))):
        sql("INSERT INTO subscriber_tokens (token_hash, subscriber_id, purpose, value, "
            "created_at, expires_at) VALUES (RANDOM_BYTES(32), %d, 'email', '%s-%s', %s, %s)"
            % (sub, MARK, name, exp, exp))
    # Rate-limit records: a day.
    for name, at in (("gone", old("25 HOUR")), ("kept", old("23 HOUR"))):
        sql("INSERT INTO form_attempts (at, form, ip, subject) VALUES (%s, 'register', "
            "'192.0.2.1', '%s-%s')" % (at, MARK, name))
    # The sign-in record: [retention] sign_in_days, 365 by default.
    for name, at in (("gone", old("366 DAY")), ("kept", old("364 DAY"))):
        sql("INSERT INTO login_attempts (at, login, ip, result) VALUES (%s, '%s-%s', "
            "'192.0.2.1', 'fail')" % (at, MARK, name))
    # Messages: [retention] message_days, 365, and only those that are done.
    for name, at, status in (("gone-sent", old("366 DAY"), "sent"),
                             ("gone-failed", old("366 DAY"), "failed"),
                             ("kept-young", old("364 DAY"), "sent"),
                             ("kept-queued", old("400 DAY"), "queued")):
        sql("INSERT INTO outbox (subscriber_id, channel, address, lang, kind, params, status, "
            "next_attempt_at, created_at) VALUES (%d, 'email', '%s-%s', 'ru', 'payment-succeeded', "
            "'', '%s', UTC_TIMESTAMP(6) + INTERVAL 1 YEAR, %s)" % (sub, MARK, name, status, at))

    r = tidy()
    assert r.returncode == 0, r.stderr
    assert "sessions: " in r.stderr and "messages: " in r.stderr

    assert count("sessions", "user_agent = '%s-gone'" % MARK) == 0
    assert count("sessions", "user_agent = '%s-kept'" % MARK) == 1
    assert count("subscriber_tokens", "value = '%s-gone'" % MARK) == 0
    assert count("subscriber_tokens", "value = '%s-kept'" % MARK) == 1
    assert count("form_attempts", "subject = '%s-gone'" % MARK) == 0
    assert count("form_attempts", "subject = '%s-kept'" % MARK) == 1
    assert count("login_attempts", "login = '%s-gone'" % MARK) == 0
    assert count("login_attempts", "login = '%s-kept'" % MARK) == 1
    assert count("outbox", "address LIKE '%s-gone%%'" % MARK) == 0
    assert count("outbox", "address LIKE '%s-kept%%'" % MARK) == 2


def test_live_sessions_survive_it():
    s = signed_in()
    assert tidy().returncode == 0
    r = s.get(os.environ.get("KABINET_URL", "http://127.0.0.1:18080") + "/",
              allow_redirects=False)
    assert r.status_code == 200


def test_more_than_a_batch_goes_in_one_run():
    sql("DELETE FROM link_attempts WHERE subscriber_id = %d" % demo_id())
    sql("INSERT INTO link_attempts (subscriber_id, at, ok) SELECT %d, %s, 0 FROM seq_1_to_2500"
        % (demo_id(), old("2 DAY")))
    r = tidy()
    assert r.returncode == 0, r.stderr
    assert count("link_attempts", "subscriber_id = %d" % demo_id()) == 0
    assert "link attempts: 2500 deleted" in r.stderr


def test_the_retention_is_configurable(tmp_path):
    conf = tmp_path / "portal.ini"
    shutil.copy(os.path.join(ENV, "portal.ini"), conf)
    with open(conf, "a") as f:
        f.write("\n[retention]\nsign_in_days = 30\n")
    sql("DELETE FROM login_attempts WHERE login LIKE '%s%%'" % MARK)
    for name, at in (("gone", old("31 DAY")), ("kept", old("29 DAY"))):
        sql("INSERT INTO login_attempts (at, login, ip, result) VALUES (%s, '%s-%s', "
            "'192.0.2.1', 'ok')" % (at, MARK, name))
    r = tidy(str(conf))
    assert r.returncode == 0, r.stderr
    assert count("login_attempts", "login = '%s-gone'" % MARK) == 0
    assert count("login_attempts", "login = '%s-kept'" % MARK) == 1


def test_a_database_it_cannot_reach_fails_the_run(tmp_path):
    conf = tmp_path / "portal.ini"
    with open(os.path.join(ENV, "portal.ini")) as f:
        text = f.read()
    conf.write_text(text.replace(os.path.join(ENV, "run", "db.sock"), str(tmp_path / "no.sock")))
    r = tidy(str(conf))
    assert r.returncode == 1
    assert "sessions" in r.stderr and "ERROR" in r.stderr


def test_it_takes_no_arguments_and_no_bad_config(tmp_path):
    r = tidy(None, "--now")
    assert r.returncode == 2 and "usage: tidy" in r.stderr
    conf = tmp_path / "portal.ini"
    conf.write_text("[retention]\nsign_in_days = 0\n")
    r = tidy(str(conf))
    assert r.returncode == 1 and "sign_in_days" in r.stderr


def test_imported_files_and_api_records_go_after_their_time():
    """A file and its problems go a month after its import ended (the import's row,
    its history, stays); the API's minute counts after an hour, replays after a day."""
    made = []
    for age in ("31 DAY", "29 DAY"):
        sql("INSERT INTO imports (organization_id, kind, mode, status, file_name, created_by, "
            "created_at, finished_at) VALUES (1, 'accounts', 'check', 'refused', '%s', '%s', "
            "%s, %s)" % (MARK, MARK, old(age), old(age)))
        i = sql("SELECT MAX(id) FROM imports WHERE created_by = '%s'" % MARK)[0][0]
        made.append(i)
        sql("INSERT INTO import_chunks (import_id, seq, data) VALUES (%s, 0, 'x')" % i)
        sql("INSERT INTO import_problems (import_id, line, column_name, value, code) VALUES "
            "(%s, 2, 'x', 'x', 'required')" % i)
    key = sql("SELECT id FROM api_keys ORDER BY id LIMIT 1")[0][0]
    sql("DELETE FROM api_rate WHERE key_id = %s" % key)
    sql("DELETE FROM api_idempotency WHERE idem_key LIKE '%s%%'" % MARK)
    sql("INSERT INTO api_rate (key_id, minute, n) VALUES (%s, DATE_FORMAT(%s, "
        "'%%Y-%%m-%%d %%H:%%i:00'), 1), (%s, DATE_FORMAT(UTC_TIMESTAMP(), "
        "'%%Y-%%m-%%d %%H:%%i:00'), 1)" % (key, old("2 HOUR"), key))
    sql("INSERT INTO api_idempotency (key_id, idem_key, request_hash, status, created_at) "
        "VALUES (%s, '%s-old', x'00', 200, %s), (%s, '%s-new', x'00', 200, %s)"
        % (key, MARK, old("25 HOUR"), key, MARK, old("23 HOUR")))
    r = tidy()
    assert r.returncode == 0, r.stderr
    assert count("import_chunks", "import_id = %s" % made[0]) == 0
    assert count("import_problems", "import_id = %s" % made[0]) == 0
    assert count("import_chunks", "import_id = %s" % made[1]) == 1
    assert count("import_problems", "import_id = %s" % made[1]) == 1
    assert count("imports", "id IN (%s, %s)" % tuple(made)) == 2
    assert count("api_rate", "key_id = %s" % key) == 1
    assert sql("SELECT idem_key FROM api_idempotency WHERE idem_key LIKE '%s%%'" % MARK) == \
        [(MARK + "-new",)]


def test_payment_qr_codes_go_forty_days_after_they_were_made():
    """A kept QR code (sql/060) is made again when its receipt is shown again; one made
    41 days ago goes, one made 39 days ago stays."""
    sql("DELETE FROM qr_codes WHERE text_sha256 IN (UNHEX(SHA2('%s-gone', 256)), "
        "UNHEX(SHA2('%s-kept', 256)))" % (MARK, MARK))
    for name, made in (("gone", old("41 DAY")), ("kept", old("39 DAY"))):
        sql("INSERT INTO qr_codes (text_sha256, modules, dark, made_at) VALUES "
            "(UNHEX(SHA2('%s-%s', 256)), 21, REPEAT(x'00', 56), %s)" % (MARK, name, made))
    r = tidy()
    assert r.returncode == 0, r.stderr
    assert "QR codes: " in r.stderr
    assert count("qr_codes", "text_sha256 = UNHEX(SHA2('%s-gone', 256))" % MARK) == 0
    assert count("qr_codes", "text_sha256 = UNHEX(SHA2('%s-kept', 256))" % MARK) == 1
