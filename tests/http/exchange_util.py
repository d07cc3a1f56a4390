"""Running kabinet-import and making files for the exchange tests."""
import os
import random
import re
import subprocess

from conftest import ENV, RELEASE, sql

IMPORT = os.path.join(RELEASE, "kabinet-import")
RESULT = re.compile(r"import (\d+) (\w+): (\w+), .*; new (\d+), changed (\d+), unchanged (\d+), "
                    r"refused (\d+)")


def import_env():
    return dict(os.environ, PORTAL_CONFIG=os.path.join(ENV, "portal.ini"))


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return str(p)


def run_import(path, kind, org=1, dry=False, extra=()):
    """(exit status, {id, status, new, changed, unchanged, refused}, stderr)."""
    cmd = [IMPORT, "--org", str(org), "--kind", kind, "--as", "test"] + \
        (["--dry-run"] if dry else []) + list(extra) + [path]
    p = subprocess.run(cmd, env=import_env(), capture_output=True, text=True, timeout=300)
    m = RESULT.search(p.stdout)
    got = None
    if m:
        got = {"id": int(m.group(1)), "status": m.group(3), "new": int(m.group(4)),
               "changed": int(m.group(5)), "unchanged": int(m.group(6)),
               "refused": int(m.group(7))}
    return p.returncode, got, p.stderr


def problems(import_id):
    """[(line, column, code, detail)] of an import, in line order."""
    return [(int(r[0]), r[1], r[2], r[3]) for r in
            sql("SELECT line, column_name, code, COALESCE(detail, '') FROM import_problems "
                "WHERE import_id = %d ORDER BY line, id" % import_id)]


def status_of(import_id):
    return sql("SELECT status FROM imports WHERE id = %d" % import_id)[0][0]


def new_numbers(n, prefix="77"):
    """Account numbers no other test uses: a run of n from a random start, with no
    account between its first and last (tests count the accounts in that range, and
    a window of 100 000 once took in another test's account)."""
    while True:
        base = random.randrange(10 ** 7, 9 * 10 ** 7 - n)
        numbers = ["%s%08d" % (prefix, base + i) for i in range(n)]
        if sql("SELECT COUNT(*) FROM accounts WHERE number BETWEEN '%s' AND '%s'"
               % (numbers[0], numbers[-1])) == [("0",)]:
            return numbers


def accounts_csv(numbers, payer="Тестов Тест Тестович", area="52,40"):
    rows = ["number;street;house;flat;area;residents;payer_name;phone;email"]
    for i, n in enumerate(numbers):
        rows.append('%s;"г. Энск, ул. Тестовая";%d;%d;%s;2;%s;+7 900 000-00-%02d;' %
                    (n, i % 50 + 1, i % 200 + 1, area, payer, i % 100))
    return "\r\n".join(rows) + "\r\n"


def make_accounts(tmp_path, n, org=1):
    numbers = new_numbers(n)
    rc, got, err = run_import(write(tmp_path, "acc.csv", accounts_csv(numbers)), "accounts", org)
    assert rc == 0 and got["status"] == "applied", (rc, got, err)
    return numbers
