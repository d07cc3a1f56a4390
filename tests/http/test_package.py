"""The Debian package (debian/, issue 23): dpkg-buildpackage builds it from
the repository, and it holds exactly what make install lays out, with the
shared libraries it links as its dependencies, /etc's files as conffiles,
kabinet's users made before their directories, and nothing started."""
import os
import subprocess

import pytest

from conftest import RELEASE, ROOT


def files(tree):
    out = set()
    for dirpath, dirnames, names in os.walk(tree):
        for n in names + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            out.add(os.path.relpath(os.path.join(dirpath, n), tree))
    return out


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """Built from a copy of the repository's files and its release build (times kept,
    so that nothing is compiled again)."""
    top = tmp_path_factory.mktemp("package")
    src = top / "kabinet"
    src.mkdir()
    listed = subprocess.run(["git", "-C", ROOT, "ls-files", "-z"], capture_output=True,
                            check=True).stdout
    subprocess.run("tar -C %s --null -T - -cf - | tar -C %s -xf -" % (ROOT, src), shell=True,
                   input=listed, check=True)
    (src / "build").mkdir()
    subprocess.run(["cp", "-a", RELEASE, str(src / "build" / "release")], check=True)
    # noddebs: no -dbgsym package, which nothing here looks at.
    out = subprocess.run(["dpkg-buildpackage", "-b", "-us", "-uc", "-nc"], cwd=src,
                         capture_output=True, text=True, timeout=600,
                         env=dict(os.environ, DEB_BUILD_OPTIONS="noddebs"))
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    debs = [f for f in os.listdir(top) if f.startswith("kabinet_") and f.endswith(".deb")]
    assert len(debs) == 1, os.listdir(top)
    deb = str(top / debs[0])
    tree = top / "tree"
    subprocess.run(["dpkg-deb", "-x", deb, str(tree)], check=True)
    control = top / "control"
    subprocess.run(["dpkg-deb", "-e", deb, str(control)], check=True)
    return deb, tree, control, top


def test_it_holds_what_make_install_lays_out(package):
    _, tree, _, top = package
    dest = top / "installed"
    out = subprocess.run([os.path.join(ROOT, "tools", "install.sh")], capture_output=True,
                         text=True, timeout=120,
                         env=dict(os.environ, BUILD=RELEASE, DESTDIR=str(dest), PREFIX="/usr",
                                  UNITDIR="/lib/systemd/system"))
    assert out.returncode == 0, out.stderr
    packaged = {f for f in files(tree) if not f.startswith("usr/share/doc/")}
    assert packaged == files(dest)
    for f in ("usr/lib/kabinet/login", "usr/bin/kabinet-migrate", "usr/share/kabinet/sql",
              "lib/systemd/system/kabinet-login.socket", "etc/nginx/sites-available/kabinet.conf"):
        assert os.path.exists(tree / f), f
    # Its documents: the changelog and the copyright, and how to begin.
    for f in ("changelog.gz", "copyright", "README.Debian"):
        assert os.path.exists(tree / "usr/share/doc/kabinet" / f), f
    # The programs are stripped (their debugging symbols are in kabinet-dbgsym).
    sections = subprocess.run(["readelf", "-S", str(tree / "usr/lib/kabinet/login")],
                              capture_output=True, text=True, check=True).stdout
    assert ".symtab" not in sections and ".debug_info" not in sections


def test_its_dependencies_are_the_libraries_it_links(package):
    deb, _, _, _ = package
    depends = subprocess.run(["dpkg-deb", "-f", deb, "Depends"], capture_output=True, text=True,
                             check=True).stdout
    names = {d.strip().split()[0] for d in depends.split(",")}
    for lib in ("libmariadb3", "libfcgi0ldbl", "libsodium23", "libxslt1.1", "libcurl4",
                "libcairo2", "libseccomp2", "fonts-dejavu-core", "systemd"):
        assert lib in names, (lib, depends)
    # Nothing a package build needs at run time.
    assert not any(n.endswith("-dev") for n in names), depends


def test_configuration_is_kept_and_nothing_starts_unconfigured(package):
    _, _, control, _ = package
    conffiles = set(open(control / "conffiles").read().split())
    assert conffiles == {"/etc/kabinet/kabinet.ini.example", "/etc/kabinet/nginx/limit-exempt.conf",
                         "/etc/kabinet/nginx/webhook-allow.conf", "/etc/logrotate.d/kabinet",
                         "/etc/nginx/sites-available/kabinet.conf"}
    postinst = open(control / "postinst").read()
    # The users first: the directories tmpfiles.d makes belong to them.
    assert 0 <= postinst.index("systemd-sysusers") < postinst.index("systemd-tmpfiles")
    # Sockets and timers are not started, nor enabled, until the administrator does it.
    assert "deb-systemd-invoke" not in postinst
    for line in postinst.splitlines():
        if "deb-systemd-helper enable" in line:
            # Only inside "if it was enabled before" (an upgrade keeps what was chosen).
            assert line.startswith("\t\t\t"), line
