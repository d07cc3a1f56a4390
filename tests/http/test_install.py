"""make install (tools/install.sh): a server of its own.  The layout installed
into a temporary root, its systemd units checked by systemd-analyze verify,
its nginx site checked by nginx -t, and an installed program serving a page
from its installed stylesheets on a socket handed to it as standard input,
as systemd's socket activation hands it."""
import os
import re
import shutil
import socket
import subprocess
import time

import pytest

import fcgi
from conftest import ENV, RELEASE, ROOT

PROGRAMS = ("login home accounts services calculator readings payments receipts settings "
            "appeals admin exchange api").split()
JOBS = "payjobs receiptjobs deliver remind tidy kabinet-import kabinet-export".split()
TIMERS = {"autopay": "payjobs autopay", "reconcile": "payjobs reconcile --older 15",
          "promises": "payjobs promises",
          "receipt-issue": "receiptjobs issue", "remind": "remind", "tidy": "tidy"}
HARDENING = ("NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes", "ProtectHome=yes",
             "CapabilityBoundingSet=", "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6")


def install(env):
    out = subprocess.run([os.path.join(ROOT, "tools", "install.sh")], capture_output=True,
                         text=True, timeout=120, env=dict(os.environ, BUILD=RELEASE, **env))
    assert out.returncode == 0, out.stderr
    return out


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """Installed as a package build would: PREFIX=/usr into a DESTDIR."""
    dest = tmp_path_factory.mktemp("root")
    install({"DESTDIR": str(dest), "PREFIX": "/usr"})
    return dest


def test_the_lists_are_the_makefiles():
    """A program added to the Makefile gets its units: the lists here and in
    tools/install.sh are the Makefile's."""
    make = open(os.path.join(ROOT, "Makefile")).read()
    scripts = [open(os.path.join(ROOT, "tools", s)).read()
               for s in ("install.sh", "install-hosting.sh", "stack.sh")]
    for name, mine in (("PROGRAMS", PROGRAMS), ("JOBS", JOBS)):
        listed = re.search(r"^%s = (.*)$" % name, make, re.M).group(1).split()
        assert listed == mine
        for script in scripts:
            assert re.search(r'^%s="(.*)"$' % name, script, re.M).group(1).split() == listed


def test_the_layout_holds_what_a_server_runs(root):
    lib = root / "usr/lib/kabinet"
    for p in PROGRAMS + JOBS:
        assert os.access(lib / p, os.X_OK), p
    assert os.access(root / "usr/bin/kabinet-passwd", os.X_OK)
    assert os.access(root / "usr/bin/kabinet-migrate", os.X_OK)
    assert os.readlink(root / "usr/bin/kabinet-import") == "/usr/lib/kabinet/kabinet-import"
    share = root / "usr/share/kabinet"
    assert sorted(os.listdir(share / "xsl")) == sorted(
        f for f in os.listdir(os.path.join(ROOT, "xsl")) if f.endswith(".xsl"))
    assert (share / "www/static/site.css").is_file()
    assert sorted(os.listdir(share / "sql")) == sorted(
        f for f in os.listdir(os.path.join(ROOT, "sql")) if re.match(r"\d+.*\.sql$", f))
    # The configuration is an example; the secrets' directory only lets its files be reached.
    assert (root / "etc/kabinet/kabinet.ini.example").is_file()
    assert not (root / "etc/kabinet/kabinet.ini").exists()
    assert oct((root / "etc/kabinet/secrets").stat().st_mode & 0o777) == "0o711"
    ini = (root / "etc/kabinet/kabinet.ini.example").read_text()
    assert "xsl_dir = /usr/share/kabinet/xsl" in ini and "secrets = /etc/kabinet/secrets" in ini
    assert not re.search(r"^\s*(password|secret|secret_key|key|totp_key)\s*=", ini, re.M)
    users = (root / "usr/lib/sysusers.d/kabinet.conf").read_text()
    for p in PROGRAMS + JOBS:
        assert 'u kabinet-%s -:kabinet "kabinet %s" - -' % (p, p) in users
    assert "d /var/log/kabinet 0750 root adm -" in (root / "usr/lib/tmpfiles.d/kabinet.conf") \
        .read_text()
    assert "copytruncate" in (root / "etc/logrotate.d/kabinet").read_text()


def test_every_program_has_a_socket_and_a_hardened_service(root):
    units = root / "usr/lib/systemd/system"
    for p in PROGRAMS:
        sock = (units / ("kabinet-%s.socket" % p)).read_text()
        assert "ListenStream=/run/kabinet/%s.sock" % p in sock
        assert "SocketMode=0660" in sock and "SocketGroup=www-data" in sock
        svc = (units / ("kabinet-%s.service" % p)).read_text()
        assert "ExecStart=/usr/lib/kabinet/%s --workers 4" % p in svc
        assert "StandardInput=socket" in svc and "User=kabinet-%s" % p in svc
        for h in HARDENING:
            assert h in svc.split("\n"), (p, h)
    for name, what in TIMERS.items():
        timer = (units / ("kabinet-%s.timer" % name)).read_text()
        assert "OnCalendar=" in timer and "WantedBy=timers.target" in timer
        svc = (units / ("kabinet-%s.service" % name)).read_text()
        assert "ExecStart=/usr/lib/kabinet/%s" % what in svc and "Type=oneshot" in svc
        assert "User=kabinet-%s" % what.split()[0] in svc and "ProtectSystem=strict" in svc
    for name, what in (("deliver", "deliver --every 10"),
                       ("import", "kabinet-import --queue --every 2")):
        svc = (units / ("kabinet-%s.service" % name)).read_text()
        assert "ExecStart=/usr/lib/kabinet/%s" % what in svc and "Restart=always" in svc


def test_systemd_accepts_every_unit(root, tmp_path):
    """systemd-analyze verify, in a copy of the root with this system's own units
    (the targets the kabinet units name): no error and no warning, so a key
    misspelt or a program missing fails here."""
    verify = tmp_path / "root"
    shutil.copytree(root, verify, symlinks=True)
    shutil.copytree("/usr/lib/systemd/system", verify / "usr/lib/systemd/system",
                    symlinks=True, dirs_exist_ok=True)
    names = sorted(n for n in os.listdir(root / "usr/lib/systemd/system")
                   if n.startswith("kabinet-"))
    assert len(names) == 2 * len(PROGRAMS) + 2 * len(TIMERS) + 2, names
    out = subprocess.run(["systemd-analyze", "verify", "--root=%s" % verify] + names,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stderr == "", out.stderr
    # The check itself fails on a misspelt key.
    bad = verify / "usr/lib/systemd/system/kabinet-tidy.timer"
    bad.write_text(bad.read_text().replace("Persistent=", "Persistant="))
    out = subprocess.run(["systemd-analyze", "verify", "--root=%s" % verify, "kabinet-tidy.timer"],
                         capture_output=True, text=True, timeout=60)
    assert "Unknown key 'Persistant'" in out.stderr


def test_nginx_accepts_the_site(tmp_path):
    """Installed with its paths real (PREFIX and the rest under a temporary
    directory), the site file is included in a minimal nginx.conf: nginx -t."""
    top = tmp_path / "srv"
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=lk.example.org", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    install({"PREFIX": str(top / "usr"), "CONFDIR": str(top / "etc/kabinet"),
             "NGINXDIR": str(top / "etc/nginx"), "NGINX_LOG": str(tmp_path),
             "LOGROTATEDIR": str(top / "etc/logrotate.d"), "RUNDIR": str(top / "run"),
             "HOST": "lk.example.org", "TLS_CERT": str(cert), "TLS_KEY": str(key)})
    site = top / "etc/nginx/sites-available/kabinet.conf"
    text = site.read_text()
    assert "server_name lk.example.org;" in text and "return 301 https://" in text
    assert "@" not in re.sub(r"#.*", "", text), "a placeholder left in the site file"
    (tmp_path / "nginx.conf").write_text(
        "pid %s/nginx.pid;\nerror_log %s/error.log;\nevents {}\n"
        "http {\n    include /etc/nginx/mime.types;\n    include %s;\n}\n"
        % (tmp_path, tmp_path, site))
    out = subprocess.run(["nginx", "-t", "-q", "-p", str(tmp_path), "-c",
                          str(tmp_path / "nginx.conf"), "-e", str(tmp_path / "error.log")],
                         capture_output=True, text=True, timeout=30)
    assert out.returncode == 0, out.stderr
    locations = (top / "usr/share/kabinet/nginx/locations.conf").read_text()
    assert "fastcgi_pass kabinet_home;" in locations
    assert "include %s/etc/kabinet/nginx/webhook-allow.conf;" % top in locations
    assert "unix:%s/run/home.sock" % top in (top / "usr/share/kabinet/nginx/http.conf").read_text()


def test_an_installed_program_serves_on_the_socket_it_is_handed(root, tmp_path):
    """As StandardInput=socket does: the listening socket is the program's fd 0.
    The installed login program renders the sign-in page with the installed
    stylesheets (the test stack's database and secrets)."""
    with open(os.path.join(ENV, "portal.ini")) as f:
        ini = re.sub(r"(?m)^xsl_dir = .*$", "xsl_dir = %s/usr/share/kabinet/xsl" % root, f.read())
    (tmp_path / "kabinet.ini").write_text(ini)
    path = str(tmp_path / "login.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    os.chmod(path, 0o666)  # the program may become [site] user
    proc = subprocess.Popen([str(root / "usr/lib/kabinet/login"), "--workers", "1"],
                            stdin=listener.fileno(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE,
                            env={"PORTAL_CONFIG": str(tmp_path / "kabinet.ini"),
                                 "PATH": os.environ["PATH"]})
    listener.close()
    try:
        for _ in range(100):
            try:
                status, headers, body = fcgi.request(path, {
                    "REQUEST_METHOD": "GET", "DOCUMENT_URI": "/login", "REQUEST_URI": "/login",
                    "QUERY_STRING": "", "REMOTE_ADDR": "127.0.0.1", "SERVER_NAME": "localhost",
                    "HTTP_ACCEPT_LANGUAGE": "ru"})
                break
            except (ConnectionError, FileNotFoundError):
                assert proc.poll() is None, proc.stderr.read()
                time.sleep(0.1)
        assert status == 200
        assert b'name="password"' in body and b"<html" in body
    finally:
        proc.terminate()
        proc.wait(timeout=20)
