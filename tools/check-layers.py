#!/usr/bin/python3
"""The architecture's rules, checked (make check-layers; part of make test).

  1. A file includes headers of its own layer or of layers below it only;
     a section or job includes no other section's code.  A section too big
     for one file (admin.c) has a directory of its own (cgi-bin/admin/):
     its files may include its headers, and nothing else may.
  2. SQL text exists only in cgi-bin/db/.
  3. No header is longer than 300 lines.
  4. With BUILD=build/release: each program's manifest (cgi-bin/manifest.mk)
     lists exactly the modules it needs, and home contains no payment-client,
     libcurl, SMTP or cairo symbol.
Prints what breaks a rule and exits 1; prints one line and exits 0 otherwise.
"""
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SRC = os.path.join(ROOT, "cgi-bin")
# Lowest first: a layer may use its own and the ones before it.
LAYERS = ["core", "billing", "db", "doc", "net", "app", "web"]
RANK = {name: i for i, name in enumerate(LAYERS)}
SQL = re.compile(r'"[^"\n]*\b(SELECT\s+\S|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)')
HEADER_MAX = 300

problems = []


def layer_of(rel):
    top = rel.split("/")[0]
    return top if top in RANK else None


def section_of(rel):
    """admin for admin.c and admin/pages.c; None for a layer's file."""
    top = rel.split("/")[0]
    if top in RANK:
        return None
    return top[:-2] if top.endswith(".c") else top


def check_includes():
    for path in sorted(glob.glob(SRC + "/*.[ch]") + glob.glob(SRC + "/*/*.[ch]")):
        rel = os.path.relpath(path, SRC)
        mine = layer_of(rel)
        text = open(path, encoding="utf-8").read()
        for n, line in enumerate(text.split("\n"), 1):
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if not m:
                continue
            inc = os.path.normpath(os.path.join(os.path.dirname(rel), m.group(1))) \
                if m.group(1).startswith(".") else m.group(1)
            theirs = layer_of(inc)
            where = "%s:%d: includes %s" % (rel, n, m.group(1))
            if theirs is None and section_of(inc) == section_of(rel) and "/" in inc:
                pass
            elif theirs is None:
                problems.append(where + ": not a layer's header (a section's code is its own)")
            elif mine is not None and RANK[theirs] > RANK[mine]:
                problems.append("%s: %s may not use %s, a layer above it" % (where, mine, theirs))
        if mine != "db":
            for n, line in enumerate(text.split("\n"), 1):
                if SQL.search(line):
                    problems.append("%s:%d: SQL outside cgi-bin/db/" % (rel, n))
        if path.endswith(".h"):
            lines = text.count("\n")
            if lines > HEADER_MAX:
                problems.append("%s: %d lines, more than %d" % (rel, lines, HEADER_MAX))


def symbols(obj, kinds):
    out = subprocess.run(["nm", obj], capture_output=True, text=True, check=True).stdout
    return {p[-1] for p in (l.split() for l in out.splitlines())
            if len(p) >= 2 and p[-2] in kinds}


def manifest():
    text = open(os.path.join(SRC, "manifest.mk")).read().replace("\\\n", " ")
    return {m.group(1): m.group(2).split()
            for m in re.finditer(r"^MODS_(\w+)\s*=\s*(.*)$", text, re.M)}


def check_links(build):
    obj = os.path.join(ROOT, build, "obj")
    modules = {os.path.relpath(o, obj)[:-2]: o for o in glob.glob(obj + "/*/*.o")
               if os.path.basename(os.path.dirname(o)) in RANK}
    defined = {}
    for name, o in modules.items():
        for s in symbols(o, "TDBRC"):
            defined[s] = name
    for prog, listed in sorted(manifest().items()):
        own = os.path.join(obj, prog + ".o")
        if not os.path.exists(own):
            own = os.path.join(obj, prog.replace("_", "-") + ".o")
        if not os.path.exists(own):
            own = os.path.join(obj, "tools", prog.replace("_", "-") + ".o")
        need, todo = set(), [own] + glob.glob(os.path.join(obj, prog, "*.o"))
        while todo:
            for s in symbols(todo.pop(), "U"):
                mod = defined.get(s)
                if mod is not None and mod not in need:
                    need.add(mod)
                    todo.append(modules[mod])
        for mod in sorted(set(listed) - need):
            problems.append("manifest.mk: %s lists %s, which it does not use" % (prog, mod))
        for mod in sorted(need - set(listed)):
            problems.append("manifest.mk: %s uses %s, which it does not list" % (prog, mod))
    home = os.path.join(ROOT, build, "home")
    for s in sorted(symbols(home, "TtDdBbRrU")):
        if re.match(r"(yookassa|provider_|curl_|cairo_|pango_|mail_send|sms_send|pdf_)", s):
            problems.append("home contains %s" % s)


check_includes()
if len(sys.argv) > 1:
    check_links(sys.argv[1])
for p in problems:
    print("check-layers: " + p)
if problems:
    sys.exit(1)
print("check-layers: every include points down, SQL only in db/, headers short%s"
      % (", manifests exact, home without payments, mail or PDF" if len(sys.argv) > 1 else ""))
