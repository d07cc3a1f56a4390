#!/usr/bin/python3
"""Data exchange at size (make bench): the issue's two targets, measured.

    KABINET_ENV=var/bench bench_exchange.py [--accounts 1000000] [--charge-accounts 250000]

1. A million charge rows (250,000 accounts x 4 services) checked and applied
   by kabinet-import: under 60 s, and the import program's peak resident
   memory under 50 MB (the file is streamed, never held).
2. A month's readings for a million accounts exported by kabinet-export
   (CSV, streamed): under 30 s, memory flat as well.

The accounts, meters and readings they need are loaded first, by the same
import program (those loads are timed and printed too).  Absolute seconds
on a shared two-core machine move by a third; the limits are the issue's.
"""
import argparse
import os
import random
import subprocess
import sys
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
ENV = os.path.join(ROOT, os.environ.get("KABINET_ENV", "var/bench"))
BUILD = os.path.join(ROOT, os.environ.get("KABINET_RELEASE", "build/release"))
CONF = dict(os.environ, PORTAL_CONFIG=os.path.join(ENV, "portal.ini"))
MONTH = "2031-01"  # a month of its own: nothing else of the demo is in it
ORG = 1


def run(cmd, out=None):
    """(seconds, peak resident MB, exit status) of one program run."""
    t0 = time.monotonic()
    with open(out or os.devnull, "wb") as sink:
        p = subprocess.Popen(cmd, env=CONF, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
    secs = time.monotonic() - t0
    err = p.stderr.read().decode(errors="replace")
    rc = os.waitstatus_to_exitcode(status)
    if rc != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(cmd[:4]), rc, err[-500:]))
    return secs, usage.ru_maxrss / 1024.0, rc


def load(kind, path, rows):
    secs, mb, _ = run([os.path.join(BUILD, "kabinet-import"), "--org", str(ORG), "--kind", kind,
                       "--as", "bench", path])
    print("  %-9s %9d rows  %6.1f s  %8.0f rows/s  peak %5.1f MB" %
          (kind, rows, secs, rows / secs, mb))
    return secs, mb


def write(path, header, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + "\n")
        for r in rows:
            f.write(r + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--accounts", type=int, default=1000000)
    ap.add_argument("--charge-accounts", type=int, default=250000)
    args = ap.parse_args()
    n, nc = args.accounts, args.charge_accounts
    d = os.path.join(ENV, "exchange-bench")
    os.makedirs(d, exist_ok=True)
    base = random.randrange(10 ** 6, 9 * 10 ** 6) * 100

    def numbers(count=n):
        # Made as written, never listed: this process stays small, and a
        # child's peak memory (which counts the moment before exec) is its own.
        return ("9%09d" % (base + i) for i in range(count))
    print("data exchange, %d accounts (%s)" % (n, time.strftime("%Y-%m-%d %H:%M")))

    write(os.path.join(d, "accounts.csv"), "number,street,house,flat,area,residents,payer_name",
          ("%s,ул. Бенчмарковая,%d,%d,50.00,2,Тестов Т. Т." % (a, i % 300 + 1, i % 500 + 1)
           for i, a in enumerate(numbers())))
    write(os.path.join(d, "meters.csv"),
          "account,service,serial,kind,zones,digits,installed_on",
          ("%s,cold-water,B%s,cold-water,1,5,2030-01-01" % (a, a) for a in numbers()))
    write(os.path.join(d, "readings.csv"), "account,serial,zone,taken_on,value",
          ("%s,B%s,1,%s-20,%d.%03d" % (a, a, MONTH, i % 900 + 10, i % 1000)
           for i, a in enumerate(numbers())))
    services = ("electricity", "electricity-common", "cold-water", "wastewater")
    write(os.path.join(d, "charges.csv"),
          "account,service,period,opening,quantity,rate,charge,recalculation,"
          "recalculation_reason,penalties,paid,closing",
          ("%s,%s,%s,%d.%02d,%d.500,5.92,%d.%02d,0,,0,%d.%02d,%d.%02d" %
           (a, s, MONTH, i % 3000, i % 100, i % 400, i % 2000, (i * 7) % 100,
            i % 3000, i % 100, i % 2000, (i * 7) % 100)
           for i, a in enumerate(numbers(nc)) for s in services))

    print("loading what the measured steps need:")
    load("accounts", os.path.join(d, "accounts.csv"), n)
    load("meters", os.path.join(d, "meters.csv"), n)
    load("readings", os.path.join(d, "readings.csv"), n)

    print("measured:")
    secs, mb = load("charges", os.path.join(d, "charges.csv"), nc * len(services))
    ok = secs < 60 and mb < 50
    print("  charges: %d rows checked and applied in %.1f s (target < 60 s), %.0f rows/s, "
          "peak %.1f MB (target < 50 MB): %s" %
          (nc * len(services), secs, nc * len(services) / secs, mb, "ok" if ok else "MISSED"))
    out = os.path.join(d, "export.csv")
    secs, mb, _ = run([os.path.join(BUILD, "kabinet-export"), "--org", str(ORG), "--what",
                       "readings", "--from", MONTH + "-01", "--to", MONTH + "-31"], out)
    lines = sum(1 for _ in open(out, encoding="utf-8")) - 1
    ok2 = secs < 30 and mb < 50 and lines >= n
    print("  export: %d readings of %s streamed in %.1f s (target < 30 s), %.0f rows/s, "
          "peak %.1f MB: %s" % (lines, MONTH, secs, lines / secs, mb, "ok" if ok2 else "MISSED"))
    for f in ("accounts.csv", "meters.csv", "readings.csv", "charges.csv", "export.csv"):
        os.unlink(os.path.join(d, f))
    return 0 if ok and ok2 else 1


if __name__ == "__main__":
    sys.exit(main())
