"""Delivery of the outbox: a receipt e-mailed with its PDF to those who asked, payment e-mails,
retries with back-off, a final failure, and nothing sent twice even by two runs at once.

The stack's SMTP sink (tests/emulators/smtp-sink.py) keeps every message it accepts in ENV/mail/."""
import email
import email.policy
import os
import subprocess
import tempfile
import time

import pytest

from conftest import BASE, ENV, ROOT, make_subscriber, sql
from test_receipts import (OLD_MONTH, TEST_ACCOUNT, decode_qr, pdf_tool, plain,  # noqa: F401
                           receiptjobs, signed_in, tsj_org, xml)

DELIVER = os.path.join(ROOT, "build", "asan", "deliver")
MAILDIR = os.path.join(ENV, "mail")


def deliver(*args, config=None):
    return subprocess.run([DELIVER] + list(args), env=dict(
        os.environ, PORTAL_CONFIG=config or os.path.join(ENV, "portal.ini"),
        ASAN_OPTIONS="detect_leaks=1"), capture_output=True, text=True, timeout=120)


def mails():
    return sorted(f for f in os.listdir(MAILDIR) if f.endswith(".eml"))


def read(name):
    with open(os.path.join(MAILDIR, name), "rb") as f:
        return email.message_from_bytes(f.read(), policy=email.policy.default)


def new_mails(before):
    return [read(n) for n in mails() if n not in before]


def config_with(**delivery):
    """A copy of the stack's ini file with other [delivery] settings."""
    text = open(os.path.join(ENV, "portal.ini")).read()
    head, _, rest = text.partition("[delivery]\n")
    rest = rest.split("\n[", 1)
    keep = "\n[" + rest[1] if len(rest) == 2 else ""
    d = dict(smtp_url="smtp://127.0.0.1:%d" % (int(BASE_PORT) + 3), smtp_from="kabinet@rc-ensk.example",
             timeout="10", attempts="5", retry_seconds="60")
    d.update(delivery)
    f = tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False, dir=ENV)
    f.write(head + "[delivery]\n" + "".join("%s = %s\n" % kv for kv in d.items()) + keep)
    f.close()
    os.chmod(f.name, 0o600)
    return f.name


BASE_PORT = os.environ.get("KABINET_URL", "http://127.0.0.1:18080").rsplit(":", 1)[1]


def drain():
    """Send what earlier tests queued, so each test sees only its own messages."""
    out = deliver()
    assert out.returncode == 0, out.stderr


def queue(sub, kind, params, lang="ru", address="mailer@example.org", channel="email"):
    sql("INSERT INTO outbox (subscriber_id, channel, address, lang, kind, params, next_attempt_at, "
        "created_at) VALUES (%d, '%s', '%s', '%s', '%s', '%s', NOW(6), NOW(6))"
        % (sub, channel, address, lang, kind, params.replace("'", "''")))
    return int(sql("SELECT MAX(id) FROM outbox")[0][0])


def row(oid):
    return sql("SELECT status, attempts, COALESCE(last_error, ''), "
               "TIMESTAMPDIFF(SECOND, NOW(6), next_attempt_at) FROM outbox WHERE id = %d" % oid)[0]


# ------------------------------------------------------------------ a receipt by e-mail

def test_a_new_receipt_reaches_who_asked_with_its_pdf(tsj_org):
    drain()
    before = mails()
    assert receiptjobs("issue", "--month", OLD_MONTH, "--org", "97").returncode == 0
    oid = int(sql("SELECT id FROM outbox WHERE kind = 'receipt' AND params LIKE "
                  "'%%account=\"%d\"%%'" % TEST_ACCOUNT)[0][0])
    out = deliver()
    assert out.returncode == 0, out.stderr
    assert "1 sent" in out.stdout
    assert row(oid)[:3] == ("sent", "1", "")
    got = new_mails(before)
    assert len(got) == 1  # the subscriber on paper gets nothing
    m = got[0]
    assert m["To"] == "tsj@example.org" and m["X-Envelope-To"] == "tsj@example.org"
    assert m["From"] == "kabinet@rc-ensk.example"
    assert m["Message-ID"] == "<kabinet.%d@rc-ensk.example>" % oid
    assert m["Subject"] == "Квитанция за март 2021, лицевой счёт 9700000001"
    text = m.get_body(("plain",)).get_content()
    assert "Итого к оплате: 18,50 ₽" in plain(text)
    assert "/receipts/view?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT) in text
    pdfs = [p for p in m.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert [p.get_filename() for p in pdfs] == ["receipt-9700000001-%s.pdf" % OLD_MONTH]
    pdf = pdfs[0].get_content()
    assert "9700000001" in plain(pdf_tool(["pdftotext", "-enc", "UTF-8"], pdf).decode())
    s = signed_in("tsj-mail", "tsj-password-1")
    payload = xml(s, "/receipts/view?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT)) \
        .find("receipt/qr").get("payload")
    assert decode_qr(pdf, 150) == payload.encode()
    # The e-mailed PDF is the issued receipt's file: its hash kept, and the
    # site's download of it is the same bytes.
    import hashlib
    assert sql("SELECT LOWER(HEX(pdf_sha256)) FROM receipt_documents WHERE account_id = %d AND "
               "period = '%s-01'" % (TEST_ACCOUNT, OLD_MONTH)) == \
        [(hashlib.sha256(pdf).hexdigest(),)]
    assert s.get(BASE + "/receipts/pdf?month=%s&account=%d" % (OLD_MONTH, TEST_ACCOUNT)).content \
        == pdf
    # Sent is sent: another run sends nothing again.
    assert "0 sent" in deliver().stdout and len(mails()) == len(before) + 1


def test_a_receipt_no_longer_theirs_is_not_sent(tsj_org):
    drain()
    assert receiptjobs("issue", "--month", OLD_MONTH, "--org", "97").returncode == 0
    oid = int(sql("SELECT id FROM outbox WHERE kind = 'receipt' AND params LIKE "
                  "'%%account=\"%d\"%%'" % TEST_ACCOUNT)[0][0])
    sql("DELETE FROM subscriber_accounts WHERE subscriber_id = %d" % tsj_org)
    before = mails()
    out = deliver()
    assert out.returncode == 0
    status, attempts, error, _ = row(oid)
    assert (status, attempts) == ("failed", "1") and "gone" in error
    assert mails() == before


# ------------------------------------------------------------------ payment e-mails

def test_payment_mails_in_the_subscribers_language():
    sub = make_subscriber("mailer", "mailer-password-1", [1001], email="mailer@example.org")
    drain()
    before = mails()
    a = queue(sub, "payment-succeeded", '<payment id="900000001" kind="card" status="succeeded" '
              'minor="123456" currency="RUB" accounts="1000001001"/>', address="mailer@example.org")
    b = queue(sub, "autopay-failed", '<payment id="900000002" kind="autopay" status="canceled" '
              'minor="5000" currency="RUB" accounts="1000001001" reason="insufficient_funds"/>',
              lang="en", address="mailer@example.org")
    assert "2 sent" in deliver().stdout
    got = {m["Message-ID"]: m for m in new_mails(before)}
    ru = got["<kabinet.%d@rc-ensk.example>" % a]
    assert plain(ru["Subject"]) == "Платёж зачислен: 1 234,56 ₽"
    assert "Ваш платёж зачислен: 1 234,56 ₽ (лицевой счёт 1000001001)" in \
        plain(ru.get_body(("plain",)).get_content())
    en = got["<kabinet.%d@rc-ensk.example>" % b]
    assert en["Subject"] == "Autopay failed: ₽50.00"
    assert "No money was taken" in en.get_body(("plain",)).get_content()
    assert not list(en.iter_attachments())


def test_what_can_never_be_sent_fails_at_once():
    sub = make_subscriber("mailer", "mailer-password-1", [1001], email="mailer@example.org")
    drain()
    before = mails()
    ids = [queue(sub, "no-such-kind", '<payment minor="1" currency="RUB"/>'),
           queue(sub, "payment-succeeded", "not xml <"),
           queue(sub, "payment-succeeded", '<payment minor="x" currency="RUB"/>'),
           queue(sub, "payment-succeeded", '<payment minor="100" currency="XXX"/>'),
           queue(sub, "payment-succeeded", '<payment minor="100" currency="RUB"/>',
                 address="bad address\r\nBcc: x@example.org"),
           queue(sub, "payment-succeeded", '<payment minor="100" currency="RUB"/>',
                 channel="sms", address="not a phone")]
    out = deliver()
    assert out.returncode == 0 and "6 failed for good" in out.stdout, out.stdout
    for oid in ids:
        status, attempts, error, _ = row(oid)
        assert (status, attempts) == ("failed", "1") and error, (oid, error)
    assert mails() == before


# ------------------------------------------------------------------ retries

def test_a_server_that_does_not_answer_is_tried_again_then_given_up():
    sub = make_subscriber("mailer", "mailer-password-1", [1001], email="mailer@example.org")
    drain()
    before = mails()
    oid = queue(sub, "payment-succeeded", '<payment minor="100" currency="RUB" accounts="1"/>')
    down = config_with(smtp_url="smtp://127.0.0.1:9", attempts="3", retry_seconds="2")
    try:
        out = deliver(config=down)
        assert out.returncode == 0 and "1 to try again" in out.stdout, out
        status, attempts, error, wait = row(oid)
        assert (status, attempts) == ("queued", "1") and error and 0 <= int(wait) <= 2
        assert "0 sent" in deliver(config=down).stdout  # not due yet
        assert row(oid)[1] == "1"
        time.sleep(2.2)
        deliver(config=down)
        status, attempts, _, wait = row(oid)
        assert (status, attempts) == ("queued", "2") and 2 <= int(wait) <= 4  # twice the wait
        time.sleep(4.6)
        out = deliver(config=down)
        assert "1 failed for good" in out.stdout
        assert row(oid)[:2] == ("failed", "3")
        assert mails() == before
    finally:
        os.unlink(down)
    # The server back: a failed message stays failed, a queued one goes.
    oid2 = queue(sub, "payment-succeeded", '<payment minor="200" currency="RUB" accounts="1"/>')
    assert "1 sent" in deliver().stdout
    assert row(oid)[0] == "failed" and row(oid2)[0] == "sent"


def test_two_runs_at_once_send_each_message_once():
    sub = make_subscriber("mailer", "mailer-password-1", [1001], email="mailer@example.org")
    drain()
    before = mails()
    ids = [queue(sub, "payment-succeeded", '<payment minor="%d" currency="RUB" accounts="1"/>'
                 % (100 + i)) for i in range(24)]
    env = dict(os.environ, PORTAL_CONFIG=os.path.join(ENV, "portal.ini"),
               ASAN_OPTIONS="detect_leaks=1")
    runs = [subprocess.Popen([DELIVER], env=env, stdout=subprocess.PIPE, text=True)
            for _ in range(3)]
    outs = [p.communicate(timeout=120)[0] for p in runs]
    assert all(p.returncode == 0 for p in runs)
    sent = sum(int(o.split(": ")[1].split(" sent")[0]) for o in outs)
    assert sent == 24, outs
    got = [m["Message-ID"] for m in new_mails(before)]
    assert sorted(got) == sorted("<kabinet.%d@rc-ensk.example>" % i for i in ids)
    assert {row(i)[:2] for i in ids} == {("sent", "1")}


def test_deliver_refuses_bad_arguments():
    for args in (["--every"], ["--every", "0"], ["--every", "x"], ["--limit", "-1"],
                 ["--bogus", "1"], ["run"]):
        out = deliver(*args)
        assert out.returncode == 2 and "usage: deliver" in out.stderr, args


@pytest.fixture(autouse=True)
def maildir():
    assert os.path.isdir(MAILDIR), "the stack runs an SMTP sink"
    yield
    # This file's messages go; other files count the outbox rows of their own payments.
    sql("DELETE FROM outbox WHERE address LIKE 'mailer@%' OR address LIKE 'bad address%' "
        "OR address = 'not a phone'")
