"""Grants generated from the statements each program links (tools/grants.py).

The generator reads SQL; MariaDB is the judge.  Each statement is prepared
as each program's account (a PREPARE checks every privilege the statement
needs without running it): it must succeed where the program links it, and
where it does not, succeed exactly when the generated grants happen to cover
it.  So a program whose grants fall short of, or go past, its statements fails
here, and so does a generator that misreads a statement.
"""
import collections
import configparser
import importlib.util
import os
import re
import subprocess

import pytest

from conftest import ENV, RELEASE, ROOT, sql

spec = importlib.util.spec_from_file_location("grants", os.path.join(ROOT, "tools", "grants.py"))
grants = importlib.util.module_from_spec(spec)
spec.loader.exec_module(grants)

SCHEMA = {
    "t": {"id", "a", "b", "month", "owner"},
    "u": {"id", "t_id", "c", "d"},
}


def privs(sql_text):
    return grants.privileges(sql_text, SCHEMA)


# ------------------------------------------------------------------ the generator alone

def test_select_reads_every_column_it_names_wherever_it_names_it():
    assert privs("SELECT x.a, COUNT(*) FROM t x JOIN u ON u.t_id = x.id "
                 "WHERE u.c = ? GROUP BY x.b ORDER BY d") == {
        ("SELECT", "t", "a"), ("SELECT", "t", "id"), ("SELECT", "t", "b"),
        ("SELECT", "u", "t_id"), ("SELECT", "u", "c"), ("SELECT", "u", "d")}


def test_update_sets_its_targets_and_reads_the_rest():
    assert privs("UPDATE t SET a = a + 1, b = ? WHERE id = ? AND month = ?") == {
        ("UPDATE", "t", "a"), ("UPDATE", "t", "b"), ("SELECT", "t", "a"),
        ("SELECT", "t", "id"), ("SELECT", "t", "month")}


def test_insert_select_reads_the_source_not_the_target():
    assert privs("INSERT INTO u (t_id, c) SELECT id, ? FROM t WHERE owner = ?") == {
        ("INSERT", "u", "t_id"), ("INSERT", "u", "c"), ("SELECT", "t", "id"),
        ("SELECT", "t", "owner")}


def test_delete_needs_the_table_and_reads_its_condition():
    assert privs("DELETE FROM t WHERE month < NOW() - INTERVAL ? MONTH ORDER BY month LIMIT ?") \
        == {("DELETE", "t", None), ("SELECT", "t", "month")}


def test_correlated_subqueries_and_derived_tables():
    got = privs("SELECT z.n, (SELECT MAX(i.c) FROM u i WHERE i.t_id = t.id) FROM t "
                "JOIN (SELECT 0 n UNION ALL SELECT 1) z ON z.n < t.a "
                "WHERE EXISTS (SELECT 1 FROM u WHERE u.d = t.b)")
    assert got == {("SELECT", "u", "c"), ("SELECT", "u", "t_id"), ("SELECT", "t", "id"),
                   ("SELECT", "t", "a"), ("SELECT", "u", "d"), ("SELECT", "t", "b")}


def test_select_straight_join_is_the_blocks_join_order_not_a_table():
    want = {("SELECT", "t", "a"), ("SELECT", "t", "id"), ("SELECT", "u", "t_id")}
    assert privs("SELECT STRAIGHT_JOIN x.a FROM t x JOIN u ON u.t_id = x.id") == want
    assert privs("SELECT DISTINCT STRAIGHT_JOIN x.a FROM t x STRAIGHT_JOIN u "
                 "ON u.t_id = x.id") == want


def test_insert_on_duplicate_key_updates_what_it_assigns():
    assert privs("INSERT INTO t (id, a) VALUES (?, ?) "
                 "ON DUPLICATE KEY UPDATE a = VALUES(a), b = b + 1") == {
        ("INSERT", "t", "id"), ("INSERT", "t", "a"), ("UPDATE", "t", "id"),
        ("UPDATE", "t", "a"), ("UPDATE", "t", "b"), ("SELECT", "t", "a"), ("SELECT", "t", "b")}


@pytest.mark.parametrize("bad", [
    "SELECT nosuch FROM t",                      # a column no table in scope has
    "SELECT id FROM t JOIN u ON u.t_id = t.id",  # ambiguous
    "SELECT a FROM nosuch",
    "INSERT INTO t (a) VALUES (?) ON DUPLICATE KEY UPDATE",
    "GRANT ALL ON *.* TO x",
])
def test_a_statement_it_cannot_place_stops_the_generation(bad):
    with pytest.raises(grants.GrantError):
        privs(bad)


# ------------------------------------------------------------------ against MariaDB

def account(program):
    ini = configparser.ConfigParser(inline_comment_prefixes=(";",))
    ini.read(os.path.join(ENV, "secrets", program + ".ini"))
    return ini["db"]["user"], ini["db"]["password"]


def prepare_each(program, texts):
    """PREPARE each text as the program's account: {index: error or None}."""
    user, password = account(program)
    script = []
    for t in texts:
        quoted = t.replace("\\", "\\\\").replace("'", "\\'")
        script.append("SET @q = '%s'; PREPARE s FROM @q;" % quoted)
    p = subprocess.run(
        ["mariadb", "--no-defaults", "--socket=" + os.path.join(ENV, "run", "db.sock"),
         "-u" + user, "-p" + password, "--force", "kabinet"],
        input="\n".join(script) + "\n", capture_output=True, text=True, timeout=60)
    errors = {}
    for line in p.stderr.splitlines():
        m = re.search(r" at line (\d+): (.*)$", line)
        if m:
            errors[int(m.group(1)) - 1] = m.group(2)
    return {i: errors.get(i) for i in range(len(texts))}


@pytest.fixture(scope="module")
def schema():
    return grants.schema_of(sql("SELECT table_name, column_name FROM information_schema.columns "
                                "WHERE table_schema = 'kabinet'"))


@pytest.fixture(scope="module")
def plan(schema):
    return grants.plan(RELEASE, schema)


@pytest.fixture(scope="module")
def every_statement():
    out = {}
    for (_, _), (name, text) in grants.statements().items():
        out[name] = text
    return out


def test_the_generated_grants_of_an_upsert_are_what_mariadb_asks(schema):
    """MariaDB judges the generator's reading of INSERT ... ON DUPLICATE KEY UPDATE:
    its grants let the statement be prepared, and each one of them is needed."""
    text = ("INSERT INTO feed_counters (name, n) VALUES (?, ?) "
            "ON DUPLICATE KEY UPDATE n = n + VALUES(n)")
    need = grants.privileges(text, schema)
    assert {("INSERT", "feed_counters", "name"), ("INSERT", "feed_counters", "n"),
            ("UPDATE", "feed_counters", "name"), ("UPDATE", "feed_counters", "n")} <= need
    user, pw = "kb_grants_test", "grants-test-" + os.urandom(8).hex()
    grantee = "'%s'@'localhost'" % user
    sql("DROP USER IF EXISTS %s" % grantee)
    sql("CREATE USER %s IDENTIFIED BY '%s'" % (grantee, pw))
    try:
        def prepares(privs):
            sql("REVOKE ALL PRIVILEGES, GRANT OPTION FROM %s" % grantee)
            for line in grants.grant_lines(privs, grantee, "kabinet"):
                sql(line)
            p = subprocess.run(
                ["mariadb", "--no-defaults", "--socket=" + os.path.join(ENV, "run", "db.sock"),
                 "-u" + user, "-p" + pw, "kabinet"],
                input="SET @q = '%s'; PREPARE s FROM @q;\n" % text.replace("'", "\\'"),
                capture_output=True, text=True, timeout=60)
            return p.returncode == 0, p.stderr
        ok, err = prepares(need)
        assert ok, err
        for p in sorted(need & {("INSERT", "feed_counters", "name"),
                                ("UPDATE", "feed_counters", "name"),
                                ("UPDATE", "feed_counters", "n")}):
            ok, err = prepares(need - {p})
            assert not ok and "denied" in err, (p, err)
    finally:
        sql("DROP USER IF EXISTS %s" % grantee)


def test_each_program_can_prepare_every_statement_it_links_and_no_other(plan, schema,
                                                                       every_statement):
    progs, role = plan
    names = sorted(every_statement)
    need = {n: grants.privileges(every_statement[n], schema) for n in names}
    wrong = []
    for prog, (linked, privs, has_role) in progs.items():
        held = privs | (role if has_role else set())
        whole = {(p, t) for p, t, c in held if c is None}
        result = prepare_each(prog, [every_statement[n] for n in names])
        for i, n in enumerate(names):
            covered = all(p in held or (p[0], p[1]) in whole for p in need[n])
            ok = result[i] is None
            if n in linked and not ok:
                wrong.append("%s links %s but may not run it: %s" % (prog, n, result[i]))
            elif ok != covered:
                wrong.append("%s: %s prepares %s, the grants say %s (%s)"
                             % (prog, n, ok, covered, result[i]))
            elif not ok and "denied" not in result[i]:
                wrong.append("%s: %s fails for another reason: %s" % (prog, n, result[i]))
    assert not wrong, "\n".join(wrong)


def test_the_grants_in_force_are_the_generated_ones(plan):
    """Nothing granted by hand beside the generator, and nothing stale."""
    progs, role = plan
    expected = {"kb_session": role}
    for prog, (_, privs, _) in progs.items():
        expected["kb_" + prog] = privs
    held = collections.defaultdict(set)
    for user, table, tpriv, cpriv in sql(
            "SELECT User, Table_name, Table_priv, Column_priv FROM mysql.tables_priv "
            "WHERE Db = 'kabinet'"):
        for p in filter(None, tpriv.split(",")):
            held[user].add((p.upper(), table, None))
    for user, table, column, cpriv in sql(
            "SELECT User, Table_name, Column_name, Column_priv FROM mysql.columns_priv "
            "WHERE Db = 'kabinet'"):
        for p in filter(None, cpriv.split(",")):
            held[user].add((p.upper(), table, column))
    for user in set(expected) | set(held):
        assert held.get(user, set()) == expected.get(user, set()), user
    # The role is each signed-in program's, and only theirs.
    roles = {u: r for u, r in sql("SELECT User, Role FROM mysql.roles_mapping "
                                  "WHERE Role = 'kb_session' AND User <> 'root'")}
    assert roles == {"kb_" + p: "kb_session" for p, v in progs.items() if v[2]}
    assert set(roles) >= {"kb_home", "kb_login", "kb_payments", "kb_settings"}
    assert "kb_tidy" not in roles and "kb_deliver" not in roles


def test_home_links_only_what_its_page_needs(plan):
    progs, _ = plan
    linked, privs, has_role = progs["home"]
    assert has_role
    assert not any(n.startswith(("session.delete", "session.insert", "tidy.", "online.",
                                 "credit.", "token.")) for n in linked), linked
    # Its one write is the menu's news count kept (sql/059), and not what it is kept against.
    writes = {(p, t, c) for p, t, c in privs if p in ("INSERT", "UPDATE", "DELETE")}
    assert writes == {("UPDATE", "news_unread", c) for c in ("counted_gen", "n", "until",
                                                             "version")}, writes
