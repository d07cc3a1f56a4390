#!/usr/bin/python3
"""Database grants, generated from the statements each program links.

    tools/grants.py BUILD COLUMNS [--db kabinet] [--host localhost]

BUILD is a release build (build/release): the programs there are linked with
--gc-sections, so a statement (a `static struct db_stmt` in cgi-bin/db/)
that a program never runs is not in it.  `nm -l` names the statements that
are; their SQL comes from cgi-bin/db/*.c through the C preprocessor (some
statements are assembled from macros).  COLUMNS is the schema: one
"table<TAB>column" line per column, from information_schema.columns.

Each statement gives privileges, column by column, the way MariaDB checks
them: SELECT on every column a statement reads (in a select list, a join
condition, a WHERE, a SET's right-hand side), UPDATE on the columns it sets,
INSERT on the columns it names, DELETE on the table it deletes from.  A
program's account gets the union over its statements.  What every signed-in
program needs (the session lookup and touch) is one role, kb_session,
granted to each program that links those statements, and left out of its own
list.  Prints SQL that resets each account and role first, so the output is
the whole truth; tools/stack.sh applies it on every start.

An identifier the analysis cannot place is an error, not a guess: a
statement this script does not understand stops the generation.
"""
import argparse
import collections
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SRC = os.path.join(ROOT, "cgi-bin")
ROLE = "kb_session"
ROLE_STATEMENTS = ("session.lookup", "session.touch")

# Words that are never columns here.  A word that is a column of a table in
# scope is taken as the column first (autopay_runs has a column `month`);
# a word followed by "(" is a function unless it is listed here.
KEYWORDS = set("""
    ALL AND AS ASC BETWEEN BIGINT BY CASE CHAR COLUMNS DELETE DESC DISTINCT DUAL ELSE END
    EXISTS FOR FROM GROUP HAVING IN INNER INSERT INT INTERVAL INTO IS JOIN KEY LEFT LIKE
    LIMIT LOCK MODE NOT NULL OFFSET ON OR ORDER PATH RIGHT SELECT SET SHARE SIGNED THEN
    UNION UNSIGNED UPDATE USING VALUES WHEN WHERE XOR TRUE FALSE SEPARATOR STRAIGHT_JOIN
    BINARY MOD DIV IGNORE FORCE USE
""".split())
UNITS = {"MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR"}


class GrantError(Exception):
    pass


# ------------------------------------------------------------------ statements

# A statement's name may be literals a macro put side by side ("exchange." "x").
STMT = re.compile(r'static struct db_stmt (\w+) = \{\s*((?:"[^"]*"\s*)+),\s*((?:"(?:[^"\\]|\\.)*"\s*)+),',
                  re.S)
LIT = re.compile(r'"((?:[^"\\]|\\.)*)"')


def c_string(literals):
    """Adjacent C string literals, concatenated and unescaped (ASCII SQL)."""
    return "".join(bytes(s, "ascii").decode("unicode_escape") for s in LIT.findall(literals))


# The schema's own bookkeeping (CREATE TABLE schema_migrations, ...): linked by
# kabinet-migrate alone, which runs with an account that may change the schema
# (a host's one account, a server's administrator), never with a kb_ account.
UNGRANTED = {"migrate.c"}


def statements():
    """{(relative path, variable): (statement name, SQL)} for cgi-bin/db/*.c."""
    out = {}
    for path in sorted(glob.glob(os.path.join(SRC, "db", "*.c"))):
        if os.path.basename(path) in UNGRANTED:
            continue
        text = open(path, encoding="utf-8").read()
        if not re.search(r"static struct db_stmt \w+ =", text):
            continue
        # The preprocessor expands the macros some statements are built from,
        # some of them from the module's own header (db/unread.h's days); the
        # system's headers are not needed for that, and are not all on this path.
        body = re.sub(r"^\s*#\s*include\s*<.*$", "", text, flags=re.M)
        pre = subprocess.run(["cpp", "-P", "-std=c11", "-I", SRC, "-I", "/usr/include/mariadb"],
                             input=body, capture_output=True, text=True, check=True).stdout
        rel = os.path.relpath(path, ROOT)  # cgi-bin/db/<family>.c
        for m in STMT.finditer(pre):
            out[(rel, m.group(1))] = (c_string(m.group(2)), c_string(m.group(3)))
    return out


def linked(program, known):
    """The statements a linked program contains: (path, variable) keys of known."""
    out = subprocess.run(["nm", "-l", "--defined-only", program], capture_output=True,
                         text=True, check=True).stdout
    found = set()
    for line in out.splitlines():
        m = re.match(r"\S+ [dD] (\w+)\s+(\S+):\d+$", line)
        if not m:
            continue
        # The build may have been made in another checkout: match from cgi-bin/.
        at = m.group(2).rfind("cgi-bin/db/")
        rel = m.group(2)[at:] if at >= 0 else m.group(2)
        if (rel, m.group(1)) in known:
            found.add((rel, m.group(1)))
    return found


# ------------------------------------------------------------------ SQL

TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<str>'(?:[^'\\]|\\.|'')*')
  | (?P<quoted>`[^`]+`)
  | (?P<num>\d+(?:\.\d+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_$]*)
  | (?P<var>@[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op><=|>=|<>|!=|[-+*/%=<>?(),.;&|])
""", re.X)


def tokens(sql):
    out, pos = [], 0
    while pos < len(sql):
        m = TOKEN.match(sql, pos)
        if not m:
            raise GrantError("cannot read SQL at %r" % sql[pos:pos + 20])
        pos = m.end()
        kind = m.lastgroup
        if kind == "space":
            continue
        text = m.group(kind)
        if kind == "quoted":
            kind, text = "word", text[1:-1]
        out.append((kind, text))
    return out


def group(toks):
    """Nest parenthesised groups: a list of tokens and lists."""
    stack = [[]]
    for t in toks:
        if t == ("op", "("):
            stack.append([])
        elif t == ("op", ")"):
            if len(stack) == 1:
                raise GrantError("unbalanced )")
            inner = stack.pop()
            stack[-1].append(inner)
        else:
            stack[-1].append(t)
    if len(stack) != 1:
        raise GrantError("unbalanced (")
    return stack[0]


def is_word(item, *words):
    return isinstance(item, tuple) and item[0] == "word" and (
        not words or item[1].upper() in words)


def is_op(item, op):
    return isinstance(item, tuple) and item == ("op", op)


def is_query(item):
    return isinstance(item, list) and item and is_word(item[0], "SELECT")


class Scope:
    """A query block's tables: alias -> table (None for a derived table)."""

    def __init__(self, parent, schema):
        self.parent = parent
        self.schema = schema
        self.tables = {}
        self.aliases = set()  # names the select list defines (AS x)

    def add(self, table, alias):
        if table is not None and table not in self.schema:
            raise GrantError("unknown table %s" % table)
        self.tables[alias or table] = table

    def by_alias(self, alias):
        """The table an alias names, here or in an enclosing block (None: derived)."""
        s = self
        while s:
            if alias in s.tables:
                return s.tables[alias]
            s = s.parent
        raise GrantError("unknown table or alias %s" % alias)

    def column(self, name):
        """The table a bare column belongs to; None for a select alias or a unit."""
        s = self
        while s:
            have = sorted({t for t in s.tables.values() if t and name in self.schema[t]})
            if len(have) > 1:
                raise GrantError("column %s is ambiguous: %s" % (name, ", ".join(have)))
            if have:
                return have[0]
            if name in s.aliases:
                return None
            s = s.parent
        if name.upper() in UNITS:
            return None  # TIMESTAMPDIFF(SECOND, ...)
        raise GrantError("unknown column %s" % name)


class Analysis:
    def __init__(self, schema):
        self.schema = schema
        self.privs = set()  # (privilege, table, column or None)

    def need(self, priv, table, column=None):
        if column is not None and column not in self.schema[table]:
            raise GrantError("%s has no column %s" % (table, column))
        self.privs.add((priv, table, column))

    # A table reference: name [AS] alias [FORCE|USE|IGNORE INDEX (names)],
    # (subquery) [AS] alias or JSON_TABLE(...) [AS] alias.  Returns the index
    # after it (an index hint's names are the table's indexes, not columns).
    def table_ref(self, items, i, scope):
        item = items[i]
        if isinstance(item, list):
            if not is_query(item):
                raise GrantError("a parenthesised table that is not a query")
            self.block(item, scope)
            table, i = None, i + 1
        elif is_word(item, "JSON_TABLE") and isinstance(items[i + 1], list):
            # Its arguments are a parameter, a path and column definitions.
            table, i = None, i + 2
        elif is_word(item) and item[1].upper() not in KEYWORDS:
            table, i = item[1], i + 1
        else:
            raise GrantError("expected a table, found %r" % (item,))
        if i < len(items) and is_word(items[i], "AS"):
            i += 1
        alias = None
        if i < len(items) and is_word(items[i]) and items[i][1].upper() not in KEYWORDS:
            alias, i = items[i][1], i + 1
        if table is None and alias is None:
            raise GrantError("a derived table without an alias")
        if (table is not None and i + 2 < len(items) and is_word(items[i], "FORCE", "USE")
                and is_word(items[i + 1], "INDEX") and isinstance(items[i + 2], list)):
            i += 3
        scope.add(table, alias)
        return i

    def tables(self, items, scope):
        """Find the block's tables; returns the indices that name tables or aliases."""
        names = set()
        i = 0
        while i < len(items):
            # SELECT STRAIGHT_JOIN ...: the join order of the whole block, not a join.
            if is_word(items[i], "STRAIGHT_JOIN") and i > 0 and \
                    is_word(items[i - 1], "SELECT", "DISTINCT", "ALL"):
                i += 1
                continue
            if (is_word(items[i], "FROM", "JOIN", "STRAIGHT_JOIN") or
                    (i == 0 and is_word(items[i], "UPDATE"))) \
                    and i + 1 < len(items):
                start = i + 1
                i = self.table_ref(items, start, scope)
                names.update(range(start, i))
                # A comma-separated FROM list.
                while i < len(items) and is_op(items[i], ",") and \
                        not is_word(items[start - 1], "JOIN", "STRAIGHT_JOIN"):
                    start = i + 1
                    i = self.table_ref(items, start, scope)
                    names.update(range(start, i))
            else:
                i += 1
        return names

    def block(self, items, parent):
        """A SELECT, UPDATE or DELETE block (INSERT is split off before)."""
        scope = Scope(parent, self.schema)
        skip = self.tables(items, scope)
        verb = items[0][1].upper()
        if verb == "DELETE" and len(items) > 2 and is_word(items[1]) and \
                not is_word(items[1], "FROM"):
            # DELETE alias FROM t alias JOIN ...: only the named table loses rows.
            skip = skip | {1}
            self.need("DELETE", scope.by_alias(items[1][1]))
        elif verb == "DELETE":
            for table in scope.tables.values():
                self.need("DELETE", table)
        self.expressions(items, scope, skip, verb)

    def expressions(self, items, scope, skip, verb):
        """Every column reference of the block, with the privilege it needs."""
        in_set = False
        target = False  # the next column is what SET assigns
        i = 0
        while i < len(items):
            item = items[i]
            if i in skip:
                i += 1
                continue
            if isinstance(item, list):
                if is_query(item):
                    self.block(item, scope)
                else:
                    self.expressions(item, scope, set(), verb)
                i += 1
                continue
            kind, text = item
            up = text.upper() if kind == "word" else None
            if verb == "UPDATE" and up == "SET":
                in_set, target = True, True
            elif up in ("WHERE", "ORDER", "LIMIT"):
                in_set = target = False
            elif in_set and is_op(item, ","):
                target = True
            elif up == "INTERVAL":
                # INTERVAL <one value> <unit>: the unit is not a column.
                i += 3
                continue
            elif up == "AS":
                scope.aliases.add(items[i + 1][1])
                i += 2
                continue
            elif kind == "word" and i + 1 < len(items) and isinstance(items[i + 1], list):
                pass  # a function's name or a keyword; the group that follows is walked next
            elif kind == "word" and i + 2 < len(items) and is_op(items[i + 1], "."):
                table = scope.by_alias(text)
                col = items[i + 2]
                if is_op(col, "*"):
                    if table:
                        self.need("SELECT", table)
                elif table:
                    self.need("UPDATE" if target else "SELECT", table, col[1])
                target = False
                i += 3
                continue
            elif kind == "word" and up not in KEYWORDS and i > 0 and (
                    isinstance(items[i - 1], list) or items[i - 1][0] in ("num", "str")):
                scope.aliases.add(text)  # SELECT 0 zone: an alias without AS
            elif kind == "word" and up not in KEYWORDS:
                table = scope.column(text)
                if table:
                    self.need("UPDATE" if target else "SELECT", table, text)
                target = False
            elif is_op(item, "*") and i > 0 and is_word(items[i - 1], "SELECT"):
                for table in scope.tables.values():
                    if table:
                        self.need("SELECT", table)
            i += 1

    def statement(self, sql):
        items = group(tokens(sql))
        if not items or not is_word(items[0]):
            raise GrantError("not a statement")
        verb = items[0][1].upper()
        if verb in ("SELECT", "UPDATE", "DELETE"):
            self.block(items, None)
        elif verb == "INSERT":
            self.insert(items)
        elif verb in ("SET", "DO"):
            pass  # session settings: no table
        else:
            raise GrantError("unsupported statement %s" % verb)

    def insert(self, items):
        # INSERT IGNORE needs no privilege beyond INSERT's.
        if len(items) > 1 and is_word(items[1], "IGNORE"):
            items = items[:1] + items[2:]
        if not is_word(items[1], "INTO") or not is_word(items[2]):
            raise GrantError("INSERT without INTO table")
        table = items[2][1]
        if table not in self.schema:
            raise GrantError("unknown table %s" % table)
        i = 3
        if i < len(items) and isinstance(items[i], list) and not is_query(items[i]):
            for col in items[i]:
                if is_word(col):
                    self.need("INSERT", table, col[1])
                elif not is_op(col, ","):
                    raise GrantError("odd column list in INSERT INTO %s" % table)
            i += 1
        else:
            self.need("INSERT", table)
        rest = items[i:]
        # ON DUPLICATE KEY UPDATE a = ..., b = ...: the row found is updated as an UPDATE
        # of the table would (UPDATE on the targets, SELECT on what is read; VALUES(c)
        # reads the row offered, but is counted as reading c, a grant to spare).  MariaDB
        # also asks UPDATE on every column the INSERT names (test_grants has it judge).
        for k in range(len(rest) - 3):
            if is_word(rest[k], "ON") and is_word(rest[k + 1], "DUPLICATE") and \
                    is_word(rest[k + 2], "KEY") and is_word(rest[k + 3], "UPDATE"):
                if k + 4 >= len(rest):
                    raise GrantError("ON DUPLICATE KEY UPDATE without assignments")
                for priv, t, col in list(self.privs):
                    if priv == "INSERT" and t == table:
                        self.need("UPDATE", table, col)
                update = [("word", "UPDATE"), ("word", table), ("word", "SET")]
                self.block(update + rest[k + 4:], None)
                rest = rest[:k]
                break
        if rest and is_word(rest[0], "VALUES", "VALUE"):
            for values in rest[1:]:
                if isinstance(values, list):
                    self.expressions(values, Scope(None, self.schema), set(), "INSERT")
        elif rest and is_word(rest[0], "SELECT"):
            self.block(rest, None)
        elif rest and is_query(rest[0]):
            self.block(rest[0], None)
        else:
            raise GrantError("INSERT INTO %s: neither VALUES nor SELECT" % table)


def privileges(sql, schema):
    a = Analysis(schema)
    a.statement(sql)
    return a.privs


# ------------------------------------------------------------------ output

ORDER = {"SELECT": 0, "INSERT": 1, "UPDATE": 2, "DELETE": 3}


def grant_lines(privs, grantee, db):
    """GRANT statements, one per table, columns sorted."""
    per_table = collections.defaultdict(lambda: collections.defaultdict(set))
    for priv, table, column in privs:
        per_table[table][priv].add(column)
    lines = []
    for table in sorted(per_table):
        parts = []
        for priv in sorted(per_table[table], key=ORDER.get):
            cols = per_table[table][priv]
            if None in cols:
                parts.append(priv)  # the whole table
            else:
                parts.append("%s (%s)" % (priv, ", ".join(sorted(cols))))
        lines.append("GRANT %s ON %s.%s TO %s;" % (", ".join(parts), db, table, grantee))
    return lines


def subsumed(privs):
    """Drop a column privilege that a table privilege of the same kind covers."""
    whole = {(p, t) for p, t, c in privs if c is None}
    return {(p, t, c) for p, t, c in privs if c is None or (p, t) not in whole}


def programs():
    """The Makefile's PROGRAMS and JOBS: each has a database account kb_<name>."""
    text = open(os.path.join(ROOT, "Makefile")).read()
    names = []
    for var in ("PROGRAMS", "JOBS"):
        m = re.search(r"^%s\s*=\s*(.*)$" % var, text, re.M)
        names += m.group(1).split()
    return names


def plan(build, schema):
    """{program: (statement names, privileges, has role)}, and the role's privileges."""
    known = statements()
    by_name = {}
    for key, (name, sql) in known.items():
        try:
            by_name[name] = privileges(sql, schema)
        except GrantError as e:
            raise GrantError("%s (%s:%s): %s" % (name, key[0], key[1], e))
    role = set()
    for name in ROLE_STATEMENTS:
        role |= by_name[name]
    out = {}
    for prog in programs():
        path = os.path.join(build, prog)
        if not os.path.exists(path):
            raise GrantError("%s is not built" % path)
        names = sorted(known[k][0] for k in linked(path, known))
        privs = set()
        for name in names:
            privs |= by_name[name]
        has_role = all(n in names for n in ROLE_STATEMENTS)
        if has_role:
            privs -= role
        out[prog] = (names, subsumed(privs), has_role)
    return out, subsumed(role)


def schema_of(pairs):
    """{table: {columns}} from (table, column) pairs, as information_schema lists them."""
    schema = collections.defaultdict(set)
    for table, column in pairs:
        schema[table].add(column)
    return dict(schema)


def read_schema(path):
    """The schema from a file of "table<TAB>column" lines."""
    with open(path, encoding="utf-8") as f:
        return schema_of(line.rstrip("\n").split("\t")[:2] for line in f if line.strip())


def render(build, schema, db, host):
    progs, role = plan(build, schema)
    out = ["-- Generated by tools/grants.py from the statements each program in %s links;"
           % os.path.relpath(build, ROOT),
           "-- do not edit.  Each account and the role are reset first, so this is the",
           "-- whole truth.", "",
           "-- %s: what every signed-in program needs (%s)." % (ROLE, ", ".join(ROLE_STATEMENTS)),
           "CREATE ROLE IF NOT EXISTS %s;" % ROLE,
           "REVOKE ALL PRIVILEGES, GRANT OPTION FROM %s;" % ROLE]
    out += grant_lines(role, ROLE, db)
    for prog, (names, privs, has_role) in progs.items():
        user = "'kb_%s'@'%s'" % (prog, host)
        out += ["", "-- %s: %s." % (prog, ", ".join(names) or "no statements"),
                "REVOKE ALL PRIVILEGES, GRANT OPTION FROM %s;" % user]
        out += grant_lines(privs, user, db)
        if has_role:
            out += ["GRANT %s TO %s;" % (ROLE, user), "SET DEFAULT ROLE %s FOR %s;" % (ROLE, user)]
        else:
            # REVOKE ALL leaves roles: granting first makes the revoke sure to apply.
            out += ["GRANT %s TO %s;" % (ROLE, user), "REVOKE %s FROM %s;" % (ROLE, user),
                    "SET DEFAULT ROLE NONE FOR %s;" % user]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("build")
    ap.add_argument("columns")
    ap.add_argument("--db", default="kabinet")
    ap.add_argument("--host", default="localhost")
    args = ap.parse_args()
    try:
        sys.stdout.write(render(os.path.abspath(args.build), read_schema(args.columns),
                                args.db, args.host))
    except GrantError as e:
        sys.exit("grants: %s" % e)


if __name__ == "__main__":
    main()
