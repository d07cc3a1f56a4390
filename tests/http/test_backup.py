"""Backups (README, "Backups"): a hot backup with mariadb-backup taken while
payments are being credited, restored into a fresh data directory and
started there.  The copy is one moment of the database: each payment in it
is credited exactly once or not at all, and every payment credited before
the backup began is in it."""
import os
import shutil
import subprocess
import threading
import time

import pymysql
import requests

from conftest import BASE, EMU, ENV, sql

PAYMENTS = 2000
AMOUNT = 1000  # minor units, 10.00 RUB


def run(*args, timeout=300):
    out = subprocess.run(list(args), capture_output=True, text=True, timeout=timeout)
    assert out.returncode == 0, "%s: %s" % (args[0], out.stderr[-2000:])
    return out


def one_int(query, conn=None):
    if conn is None:
        return int(sql(query)[0][0])
    with conn.cursor() as cur:
        cur.execute(query)
        return int(cur.fetchone()[0])


def credited(span, conn=None):
    """Payments of span succeeded, the money in their lines, and their e-mails."""
    return (one_int("SELECT COUNT(*) FROM online_payments WHERE id %s AND status = 'succeeded'"
                    % span, conn),
            one_int("SELECT COALESCE(SUM(pl.amount), 0) FROM payments p JOIN payment_lines pl "
                    "ON pl.payment_id = p.id WHERE p.online_id %s" % span, conn),
            one_int("SELECT COUNT(*) FROM outbox WHERE kind = 'payment-succeeded' AND "
                    "CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(params, '\"', 2), '\"', -1) AS UNSIGNED) "
                    "%s" % span, conn))


LEDGER = "SELECT COALESCE(SUM(paid), 0) FROM ledger WHERE account_id BETWEEN 1001 AND 1100"


def test_a_hot_backup_taken_while_paying_restores_every_payment_once(tmp_path):
    first = one_int("SELECT COALESCE(MAX(id), 0) + 1 FROM online_payments")
    span = "BETWEEN %d AND %d" % (first, first + PAYMENTS - 1)
    try:
        backup_while_paying(tmp_path, first, span)
    finally:
        # Their e-mails and inbox copies are never written here (the delivery
        # program is off in the test stack): left queued, they would be the
        # due and unwritten rows of every later test, and the EXPLAIN test
        # bounds those.
        for table in ("outbox", "inbox"):
            sql("DELETE FROM %s WHERE kind = 'payment-succeeded' AND "
                "CAST(SUBSTRING_INDEX(SUBSTRING_INDEX(params, '\"', 2), '\"', -1) AS UNSIGNED) "
                "%s" % (table, span))


def backup_while_paying(tmp_path, first, span):
    sub = sql("SELECT id FROM subscribers WHERE login = 'demo'")[0][0]
    refs = list(range(first, first + PAYMENTS))
    ids = requests.post(EMU + "/_emu/bulk", json={"refs": refs, "amount": "%.2f" % (AMOUNT / 100)},
                        timeout=120).json()["ids"]
    sql("INSERT INTO online_payments (id, subscriber_id, idem_key, kind, provider, provider_id, "
        "status, amount, currency, lang, created_at) VALUES %s" % ",".join(
            "(%d, %s, 'backup-%d', 'card', 'yookassa', '%s', 'pending', %d, 'RUB', 'ru', NOW(6))"
            % (ref, sub, ref, pid, AMOUNT) for ref, pid in zip(refs, ids)))
    sql("INSERT INTO payments (account_id, paid_at, amount, channel, bank, status, online_id) "
        "VALUES %s" % ",".join("(%d, NOW(), %d, 'card', 'backup', 'pending', %d)"
                              % (1001 + i % 100, AMOUNT, ref) for i, ref in enumerate(refs)))
    ledger_before = one_int(LEDGER)

    sent = []

    def notify(part):
        s = requests.Session()
        for pid in part:
            r = s.post(BASE + "/payments/webhook", headers={"Content-Type": "application/json"},
                       data='{"type":"notification","event":"payment.succeeded",'
                            '"object":{"id":"%s"}}' % pid, timeout=30)
            sent.append(r.status_code)

    threads = [threading.Thread(target=notify, args=(ids[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    try:
        # The backup starts once some are credited and ends while others still are.
        deadline = time.time() + 60
        while credited(span)[0] < PAYMENTS // 10 and time.time() < deadline:
            time.sleep(0.05)
        at_start = credited(span)[0]
        target = tmp_path / "backup"
        root = ["--user=root", "--socket=" + os.path.join(ENV, "run", "db.sock")]
        run("mariadb-backup", "--backup", "--target-dir=%s" % target, *root)
        at_end = credited(span)[0]
    finally:
        for t in threads:
            t.join()
    assert 0 < at_start and at_end < PAYMENTS, \
        "the backup did not overlap the payments (%d, %d)" % (at_start, at_end)
    assert sent == [200] * PAYMENTS

    # Every payment credited once in the live database, when the workers are done.
    deadline = time.time() + 30
    while credited(span)[0] < PAYMENTS and time.time() < deadline:
        time.sleep(0.2)
    assert credited(span) == (PAYMENTS, PAYMENTS * AMOUNT, PAYMENTS)
    assert one_int(LEDGER) - ledger_before == PAYMENTS * AMOUNT

    # Restored into an empty data directory and started there.
    run("mariadb-backup", "--prepare", "--target-dir=%s" % target)
    data = tmp_path / "data"
    run("mariadb-backup", "--copy-back", "--target-dir=%s" % target, "--datadir=%s" % data)
    sock = str(tmp_path / "db.sock")
    user = ["--user=root"] if os.geteuid() == 0 else []
    # Its own tmpdir: a server starting deletes the "#sql" files in it, another's too.
    (tmp_path / "tmp").mkdir()
    db = subprocess.Popen(["mariadbd", "--no-defaults", "--datadir=%s" % data, "--socket=" + sock,
                           "--tmpdir=%s" % (tmp_path / "tmp"),
                           "--pid-file=%s" % (tmp_path / "db.pid"), "--skip-networking",
                           "--log-error=%s" % (tmp_path / "db.log"),
                           "--innodb-buffer-pool-size=64M", "--default-time-zone=+00:00"] + user,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        conn = None
        for _ in range(300):
            try:
                conn = pymysql.connect(unix_socket=sock, user="root", database="kabinet",
                                       autocommit=True)
                break
            except pymysql.err.OperationalError:
                assert db.poll() is None, open(tmp_path / "db.log").read()[-2000:]
                time.sleep(0.1)
        assert conn is not None, "the restored database did not start"
        n, lines, mails = credited(span, conn)
        # One moment: what the backup saw begun and finished, each payment whole.
        assert at_start <= n <= at_end
        assert (lines, mails) == (n * AMOUNT, n)
        assert one_int(LEDGER, conn) - ledger_before == n * AMOUNT
        assert one_int("SELECT COUNT(*) FROM payments WHERE online_id %s AND status = 'succeeded'"
                       % span, conn) == n
        # Its summaries are its ledger's (sql/048).
        assert one_int("SELECT COALESCE(SUM(paid_0), 0) FROM account_summaries WHERE account_id "
                       "BETWEEN 1001 AND 1100", conn) == one_int(
            "SELECT COALESCE(SUM(l.paid), 0) FROM ledger l JOIN account_summaries s ON "
            "s.account_id = l.account_id AND l.period = s.latest_period "
            "WHERE l.account_id BETWEEN 1001 AND 1100", conn)
        conn.close()
    finally:
        subprocess.run(["mariadb-admin", "--no-defaults", "--socket=" + sock, "-uroot",
                        "shutdown"], capture_output=True, timeout=60)
        try:
            db.wait(timeout=60)
        except subprocess.TimeoutExpired:
            db.kill()
        shutil.rmtree(tmp_path / "data", ignore_errors=True)
