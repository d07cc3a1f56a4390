"""The cluster (issue 23, tools/cluster.sh, make cluster): three MariaDB Galera
nodes and two application hosts behind one nginx, on loopback.  Under load
(subscribers browsing, webhooks crediting payments) one database node and
one application host are killed: no session is lost, every page answers
within the retry budget, every payment is credited exactly once, and the
node rejoins with every payment on it."""
import os
import re
import subprocess
import threading
import time

import lxml.html
import pytest
import requests

from conftest import BASE, ROOT, root_query

PORT = int(re.search(r":(\d+)$", BASE).group(1)) + 30
SITE = "http://127.0.0.1:%d" % PORT
EMU = "http://127.0.0.1:%d" % (PORT + 2)
CLUSTER = os.path.join(ROOT, "var", "test-cluster")
BUILD = os.path.relpath(os.environ.get("KABINET_RELEASE", "build/release"), ROOT)
PAYMENTS = 150
AMOUNT = 1000  # minor units
FORM_PAYMENTS = 6  # paid through the form, during the losses


def cluster(*args, timeout=300):
    out = subprocess.run([os.path.join(ROOT, "tools", "cluster.sh"), args[0], CLUSTER] +
                         list(args[1:]), capture_output=True, text=True, timeout=timeout)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-3000:]


def node_sql(node, query):
    return root_query(os.path.join(CLUSTER, "db%d" % node, "db.sock"), query)


@pytest.fixture(scope="module", autouse=True)
def up():
    subprocess.run([os.path.join(ROOT, "tools", "cluster.sh"), "down", CLUSTER],
                   capture_output=True)
    subprocess.run(["rm", "-rf", CLUSTER], check=True)
    cluster("up", str(PORT), BUILD)
    try:
        yield
    finally:
        subprocess.run([os.path.join(ROOT, "tools", "cluster.sh"), "down", CLUSTER],
                       capture_output=True, timeout=300)


def whole():
    """Every node and both hosts up (each start does nothing to one running):
    a test after one that failed midway does not begin with its losses."""
    for n in (1, 2, 3):
        cluster("node-start", str(n))
    for h in ("a", "b"):
        cluster("host-start", h, BUILD)


def signed_in(tries=1):
    """Signed in as the demo; tries > 1: as a person does when a sign-in fails
    (a node lost while it ran answers 503), again after half a second."""
    answers = []
    for attempt in range(tries):
        s = requests.Session()
        r = s.get(SITE + "/login", timeout=30)
        answers.append("%.1f GET %d" % (time.time(), r.status_code))
        if r.status_code == 200:
            token = lxml.html.fromstring(r.content).xpath('//input[@name="csrf"]/@value')[0]
            r = s.post(SITE + "/login", data={"csrf": token, "login": "demo",
                                              "password": "demo-password"},
                       allow_redirects=False, timeout=30)
            answers.append("%.1f POST %d" % (time.time(), r.status_code))
            if r.status_code == 303 and r.headers["Location"] == "/":
                return s
        time.sleep(0.5)
    raise AssertionError("sign-in answered %s" % ", ".join(answers))


def asked(call, want):
    """The retry budget: a request whose answer is lost, or is not one of want, is
    sent again twice, half a second apart, as a person would.  The last answer and
    why it failed (None, and the error, when no answer came)."""
    r, err = None, ""
    for attempt in range(3):
        try:
            r = call()
        except requests.RequestException as e:
            r, err = None, str(e)
        if r is not None and r.status_code in want:
            break
        time.sleep(0.5)
    return r, err if r is None else r.status_code


def test_the_nodes_are_one_cluster():
    for n in (1, 2, 3):
        status = dict(node_sql(n, "SHOW STATUS WHERE Variable_name IN "
                                  "('wsrep_cluster_size', 'wsrep_local_state_comment')"))
        assert status == {"wsrep_cluster_size": "3", "wsrep_local_state_comment": "Synced"}
    # The schema and the demo went everywhere: every node has the demo's subscriber.
    assert {node_sql(n, "SELECT COUNT(*) FROM subscribers WHERE login = 'demo'")[0][0]
            for n in (1, 2, 3)} == {1}
    # Both application hosts serve: nginx takes turns between them.
    s = signed_in()
    for _ in range(6):
        assert s.get(SITE + "/", timeout=30).status_code == 200
    hosts = set()
    for h in ("a", "b"):
        log = open(os.path.join(CLUSTER, h, "log", "home.log"), errors="replace").read()
        if '"GET /" 200' in log:
            hosts.add(h)
    assert hosts == {"a", "b"}


def test_a_node_and_a_host_lost_under_load_lose_nothing():
    sub = node_sql(1, "SELECT id FROM subscribers WHERE login = 'demo'")[0][0]
    first = int(node_sql(1, "SELECT COALESCE(MAX(id), 0) + 1 FROM online_payments")[0][0]) + 100000
    refs = list(range(first, first + PAYMENTS))
    ids = requests.post(EMU + "/_emu/bulk", json={"refs": refs, "amount": "%.2f" % (AMOUNT / 100)},
                        timeout=120).json()["ids"]
    node_sql(1, "INSERT INTO online_payments (id, subscriber_id, idem_key, kind, provider, "
                "provider_id, status, amount, currency, lang, created_at) VALUES %s" % ",".join(
                    "(%d, %d, 'cluster-%d', 'card', 'yookassa', '%s', 'pending', %d, 'RUB', 'ru', "
                    "NOW(6))" % (ref, sub, ref, pid, AMOUNT) for ref, pid in zip(refs, ids)))
    node_sql(1, "INSERT INTO payments (account_id, paid_at, amount, channel, bank, status, "
                "online_id) VALUES %s" % ",".join(
                    "(%d, NOW(), %d, 'card', 'cluster', 'pending', %d)" % (1 + i % 4, AMOUNT, ref)
                    for i, ref in enumerate(refs)))
    span = "BETWEEN %d AND %d" % (first, first + PAYMENTS - 1)
    paid_before = int(node_sql(1, "SELECT COALESCE(SUM(paid), 0) FROM ledger "
                                  "WHERE account_id BETWEEN 1 AND 4")[0][0])

    problems, pages, hooks, by_form = [], [], [], []
    stop = threading.Event()

    # The sessions are made before the losses: what is tested is that none is
    # lost, not how long a sign-in waits for a cluster that lost a member (a
    # sign-in then is a POST nginx cannot pass to the other host).
    sessions = [signed_in(tries=3) for _ in range(3)]

    def browse(s):
        while not stop.is_set():
            for path in ("/", "/payments", "/accounts"):
                # A page still failing after the retry budget counts as lost.
                r, why = asked(lambda: s.get(SITE + path, allow_redirects=False, timeout=15),
                               (200, 302, 303))
                if r is not None and r.status_code in (302, 303):
                    problems.append("session lost on %s: %s" % (path, r.headers["Location"]))
                    return
                if r is None or r.status_code != 200:
                    problems.append("%s: %s" % (path, why))
                pages.append(path)

    def pay(s):
        # A subscriber paying by card through the form, as on one server: the
        # form posted again (same key) if its answer is lost, as a browser's
        # user would; the provider notifies the site itself.
        while not stop.is_set() and len(by_form) < FORM_PAYMENTS:
            r, why = asked(lambda: s.get(SITE + "/payments/pay", timeout=15), (200,))
            if r is None or r.status_code != 200:
                problems.append("the payment form: %s" % why)
                return
            d = lxml.html.fromstring(r.content)
            field = [n for n in d.xpath("//form//input/@name") if re.match(r"a\d+$", n)][0]
            data = {field: "12.34", "key": d.xpath('//input[@name="key"]/@value')[0],
                    "csrf": d.xpath('//input[@name="csrf"]/@value')[0], "action": "pay"}
            r, why = asked(lambda: s.post(SITE + "/payments/pay", data=data,
                                          allow_redirects=False, timeout=15), (303,))
            if r is None or r.status_code != 303:
                problems.append("paying: %s" % why)
                return
            back = requests.post(r.headers["Location"], data={
                "card": "5555555555554444", "expiry": "12/30", "cvc": "123", "do": "pay"},
                allow_redirects=False, timeout=30)
            if back.status_code != 303:
                problems.append("the provider's page: %d" % back.status_code)
                return
            by_form.append(data["key"])

    def notify(part):
        # As the provider does: a notification not answered 200 is sent again.
        s = requests.Session()
        for pid in part:
            deadline = time.time() + 90
            while True:
                try:
                    r = s.post(SITE + "/payments/webhook",
                               headers={"Content-Type": "application/json"},
                               data='{"type":"notification","event":"payment.succeeded",'
                                    '"object":{"id":"%s"}}' % pid, timeout=30)
                    code = r.status_code
                except requests.RequestException:
                    code = 0
                if code == 200:
                    hooks.append(pid)
                    break
                if time.time() > deadline:
                    problems.append("webhook %s: %s" % (pid, code))
                    break
                time.sleep(0.3)

    browsers = [threading.Thread(target=browse, args=(s,)) for s in sessions[:2]] + \
        [threading.Thread(target=pay, args=(sessions[2],))]
    notifiers = [threading.Thread(target=notify, args=(ids[i::3],)) for i in range(3)]
    started = time.time()
    events = ["started at %.1f" % started]
    for t in browsers + notifiers:
        t.start()
    try:
        # The losses come once everyone is at work: both subscribers browsing,
        # the payer past a payment, a quarter of the notifications in.
        while (len(hooks) < PAYMENTS // 4 or len(pages) < 10 or not by_form) and \
                not problems and time.time() < started + 60:
            time.sleep(0.05)
        events.append("node 2 killed at %.1f" % time.time())
        cluster("node-kill", "2")
        while len(hooks) < PAYMENTS // 2 and not problems:
            time.sleep(0.05)
        events.append("host a killed at %.1f" % time.time())
        cluster("host-kill", "a")
        # Nothing of host a's programs is left running, as on a machine that died
        # (SIGKILL is delivered in its own time: a moment's grace).
        def left():
            return subprocess.run(["pgrep", "-f", os.path.join(CLUSTER, "a", "sock") + "/"],
                                  capture_output=True, text=True).stdout.split()
        deadline = time.time() + 5
        while left() and time.time() < deadline:
            time.sleep(0.1)
        assert not left(), left()
        for t in notifiers:
            t.join(timeout=180)
        time.sleep(1)  # browsing on the one host and two nodes left
    finally:
        stop.set()
        for t in browsers + notifiers:
            t.join(timeout=60)
    assert not problems, (problems[:10], events)
    assert len(hooks) == PAYMENTS and len(pages) > 50
    # The payments made through the form, each credited once, by the provider's
    # notification (it sends again what a dead host did not answer).
    assert len(by_form) == FORM_PAYMENTS
    keys = ",".join("'%s'" % k for k in by_form)

    def form_credited():
        return node_sql(1, "SELECT COUNT(*) FROM online_payments WHERE idem_key IN (%s) AND "
                           "status = 'succeeded'" % keys)[0][0]
    deadline = time.time() + 60
    while form_credited() < FORM_PAYMENTS and time.time() < deadline:
        time.sleep(0.5)
    assert form_credited() == FORM_PAYMENTS
    assert node_sql(1, "SELECT COUNT(DISTINCT p.id), SUM(pl.amount) FROM online_payments o "
                       "JOIN payments p ON p.online_id = o.id JOIN payment_lines pl ON "
                       "pl.payment_id = p.id WHERE o.idem_key IN (%s)" % keys)[0] == \
        (FORM_PAYMENTS, FORM_PAYMENTS * 1234)

    # Exactly once, to the kopeck, on the nodes left.
    for n in (1, 3):
        assert node_sql(n, "SELECT COUNT(*) FROM online_payments WHERE id %s AND status = "
                           "'succeeded'" % span)[0][0] == PAYMENTS
        assert int(node_sql(n, "SELECT COALESCE(SUM(pl.amount), 0) FROM payments p JOIN "
                               "payment_lines pl ON pl.payment_id = p.id WHERE p.online_id %s"
                               % span)[0][0]) == PAYMENTS * AMOUNT
    paid_after = int(node_sql(1, "SELECT COALESCE(SUM(paid), 0) FROM ledger "
                                 "WHERE account_id BETWEEN 1 AND 4")[0][0])
    assert paid_after - paid_before == PAYMENTS * AMOUNT + FORM_PAYMENTS * 1234

    # The killed node rejoins, by an incremental transfer of what it missed
    # (from a peer's cache, not a full copy), with every payment.
    log = os.path.join(CLUSTER, "db2", "error.log")
    seen = os.path.getsize(log)
    cluster("node-start", "2")
    assert node_sql(2, "SELECT COUNT(*) FROM online_payments WHERE id %s AND status = "
                       "'succeeded'" % span)[0][0] == PAYMENTS
    with open(log, errors="replace") as f:
        f.seek(seen)
        rejoin = f.read()
    assert re.search(r"Receiving IST: [1-9]\d* writesets", rejoin), rejoin[-2000:]
    cluster("host-start", "a", BUILD)
    s = signed_in()
    assert s.get(SITE + "/", timeout=30).status_code == 200


def test_autopay_run_on_both_hosts_at_once_charges_each_once():
    """Cron on both application hosts runs the day's autopays at the same moment,
    each host on its own node: the two runs meet on every autopay (a duplicate
    key, or a lost certification when both commit at once), and each autopay is
    charged once, at the provider and in the ledger.  Another run finds
    nothing left to do."""
    whole()
    # The demo's accounts that owe more than 200.00, each paid by autopay by ten
    # members of its household, 10.00 each: the charges to one account are credited
    # at the same moment on two nodes, so they meet in the ledger too.
    owing = [r[0] for r in node_sql(
        1, "SELECT account_id FROM ledger WHERE period = (SELECT MAX(period) FROM ledger) "
           "GROUP BY account_id HAVING SUM(closing) > 20000 ORDER BY account_id")]
    assert len(owing) >= 2, owing
    node_sql(1, "INSERT INTO subscribers (login, password_hash, full_name) VALUES %s" % ",".join(
        "('household-%d', '-', 'Household %d')" % (i, i) for i in range(10)))
    subs = [r[0] for r in node_sql(1, "SELECT id FROM subscribers WHERE login LIKE 'household-%'")]
    pairs = [(s, a) for s in subs for a in owing]
    node_sql(1, "INSERT INTO subscriber_accounts (subscriber_id, account_id, linked_at) "
                "VALUES %s" % ",".join("(%d, %d, NOW())" % p for p in pairs))
    methods = requests.post(EMU + "/_emu/methods", json={"count": len(pairs)},
                            timeout=30).json()["ids"]
    node_sql(1, "INSERT INTO autopays (subscriber_id, account_id, provider, method_id, "
                "method_title, day, max_amount, created_at) VALUES %s" % ",".join(
                    "(%d, %d, 'yookassa', '%s', 'Bank card *4444', 5, 1000, NOW(6))" % (s, a, m)
                    for (s, a), m in zip(pairs, methods)))
    listed = ",".join(str(a) for a in owing)
    paid_before = int(node_sql(1, "SELECT COALESCE(SUM(paid), 0) FROM ledger "
                                  "WHERE account_id IN (%s)" % listed)[0][0])
    date = time.strftime("%Y-%m-05", time.gmtime())

    def payjobs(host):
        return subprocess.Popen([os.path.join(ROOT, BUILD, "payjobs"), "autopay", "--date", date],
                                env=dict(os.environ,
                                         PORTAL_CONFIG=os.path.join(CLUSTER, host, "portal.ini")),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    runs = [payjobs("a"), payjobs("b")]
    outs = [p.communicate(timeout=120) for p in runs]
    assert [p.returncode for p in runs] == [0, 0], outs
    charged = sum(o.count(" charged, succeeded") for o, _ in outs)
    assert charged == len(pairs), outs
    # They met: each found autopays the other had begun.
    met = [int(re.search(r"(\d+) run by another", o).group(1)) for o, _ in outs]
    print("autopays charged by each host:", [o.count(" charged, succeeded") for o, _ in outs],
          "found begun by the other:", met)
    assert sum(met) > 0, outs
    again = payjobs("b")
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0 and " charged" not in out, (out, err)

    ap = "SELECT id FROM autopays WHERE subscriber_id IN (%s)" % ",".join(str(s) for s in subs)
    for n in (1, 2, 3):
        assert node_sql(n, "SELECT result, COUNT(*) FROM autopay_runs WHERE autopay_id IN (%s) "
                           "GROUP BY result" % ap) == (("succeeded", len(pairs)),)
    online = node_sql(1, "SELECT online_id FROM autopay_runs WHERE autopay_id IN (%s)" % ap)
    assert node_sql(1, "SELECT COUNT(*), SUM(amount) FROM online_payments WHERE kind = 'autopay' "
                       "AND status = 'succeeded' AND id IN (%s)" % ",".join(
                           str(o[0]) for o in online))[0] == (len(pairs), 1000 * len(pairs))
    at_provider = [p for p in requests.get(EMU + "/_emu/payments", timeout=30).json()["items"]
                   if p.get("payment_method", {}).get("id") in methods]
    assert len(at_provider) == len(pairs)
    assert int(node_sql(1, "SELECT COALESCE(SUM(paid), 0) FROM ledger WHERE account_id IN (%s)"
                           % listed)[0][0]) == paid_before + 1000 * len(pairs)
