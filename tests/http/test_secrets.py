"""Each program reads its own secrets and no other's (issue: secrets per program)."""
import configparser
import os
import re
import shutil
import stat
import subprocess

from conftest import ENV, RELEASE

SECRETS = os.path.join(ENV, "secrets")
PAGES = ["login", "home", "accounts", "services", "calculator", "readings", "payments",
         "receipts", "settings", "appeals", "admin", "exchange"]
JOBS = ["payjobs", "receiptjobs", "deliver", "remind", "tidy", "kabinet-import", "kabinet-export",
        "api"]
SECRET_KEYS = {("db", "user"), ("db", "password"), ("site", "secret"),
               ("payments", "secret_key"), ("delivery", "smtp_password"), ("sms", "key")}


def secret_file(program):
    ini = configparser.ConfigParser(inline_comment_prefixes=(";",))
    ini.read(os.path.join(SECRETS, program + ".ini"))
    return {(s, k): v for s in ini.sections() for k, v in ini[s].items()}


def payment_secret():
    return secret_file("payments")[("payments", "secret_key")]


def test_the_shared_file_holds_no_secret():
    ini = configparser.ConfigParser(inline_comment_prefixes=(";",))
    ini.read(os.path.join(ENV, "portal.ini"))
    keys = {(s, k) for s in ini.sections() for k in ini[s]}
    assert not keys & SECRET_KEYS
    assert not [s for s in ini.sections() if s.startswith("db.")]
    assert payment_secret() not in open(os.path.join(ENV, "portal.ini")).read()


def test_each_program_has_only_its_own_secrets_readable_by_its_owner_only():
    for p in PAGES + JOBS:
        path = os.path.join(SECRETS, p + ".ini")
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o400, p
        keys = set(secret_file(p))
        want = {("db", "user"), ("db", "password")}
        if p in PAGES:
            want.add(("site", "secret"))
        if p in ("payments", "payjobs", "admin"):
            want.add(("payments", "secret_key"))  # the console re-checks and refunds
        if p in ("admin", "exchange"):
            want.add(("admin", "totp_key"))  # a code given again is checked against it
        if p == "deliver":
            want.add(("sms", "key"))
        assert keys == want, p
        assert secret_file(p)[("db", "user")] == "kb_" + p
    # The payment key is in exactly the files of the programs that call the provider.
    holders = [p for p in PAGES + JOBS
               if payment_secret() in open(os.path.join(SECRETS, p + ".ini")).read()]
    assert holders == ["payments", "admin", "payjobs"]


def test_home_cannot_read_the_payment_secret(tmp_path):
    """home, run as plain CGI under strace, opens its own secret file and no other."""
    trace = tmp_path / "trace"
    env = {"PATH": "/usr/bin:/bin", "PORTAL_CONFIG": os.path.join(ENV, "portal.ini"),
           "GATEWAY_INTERFACE": "CGI/1.1", "REMOTE_ADDR": "127.0.0.1", "REQUEST_METHOD": "GET",
           "PATH_INFO": "/", "QUERY_STRING": "format=xml", "CONTENT_LENGTH": "0"}
    p = subprocess.run(["strace", "-f", "-e", "trace=open,openat", "-o", str(trace),
                        os.path.join(RELEASE, "home")], env=env, capture_output=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert b"Status: 303" in p.stdout  # not signed in: to the sign-in page
    opened = re.findall(r'open(?:at)?\([^"]*"([^"]+)"', trace.read_text())
    assert os.path.join(SECRETS, "home.ini") in opened
    assert [f for f in opened if f.startswith(SECRETS)] == [os.path.join(SECRETS, "home.ini")]
    for f in set(opened):
        if os.path.isfile(f) and not f.startswith(("/usr/", "/etc/", "/lib")):
            assert payment_secret() not in open(f, errors="replace").read(), f
    # Nor does the program contain the code that would use it.
    nm = subprocess.run(["nm", os.path.join(RELEASE, "home")], capture_output=True, text=True)
    assert not re.search(r"yookassa|provider_get|curl_", nm.stdout)


def tidy(config):
    return subprocess.run([os.path.join(RELEASE, "tidy")], env=dict(os.environ, PORTAL_CONFIG=config),
                          capture_output=True, text=True, timeout=60)


def test_a_secret_in_the_shared_file_is_refused(tmp_path):
    conf = tmp_path / "portal.ini"
    shutil.copy(os.path.join(ENV, "portal.ini"), conf)
    with open(conf, "a") as f:
        f.write("\n[payments]\nsecret_key = leaked\n")
    r = tidy(str(conf))
    assert r.returncode == 1
    assert "[payments] secret_key is a secret" in r.stderr


def test_a_secret_file_others_may_read_is_refused(tmp_path):
    secrets = tmp_path / "secrets"
    secrets.mkdir()
    shutil.copy(os.path.join(SECRETS, "tidy.ini"), secrets / "tidy.ini")
    conf = tmp_path / "portal.ini"
    conf.write_text(open(os.path.join(ENV, "portal.ini")).read().replace(
        "secrets = " + SECRETS, "secrets = %s" % secrets))
    os.chmod(secrets / "tidy.ini", 0o400)
    assert tidy(str(conf)).returncode == 0
    os.chmod(secrets / "tidy.ini", 0o444)
    r = tidy(str(conf))
    assert r.returncode == 1 and "may be read by others" in r.stderr
    # ... and a setting that is not a secret is refused there.
    os.chmod(secrets / "tidy.ini", 0o600)
    with open(secrets / "tidy.ini", "a") as f:
        f.write("[db]\nsocket = /x\n")
    r = tidy(str(conf))
    assert r.returncode == 1 and "is not a secret" in r.stderr
