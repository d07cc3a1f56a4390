"""The billing systems' JSON API, /api/v1/: keys, scopes, rates, feeds, pushes, replays."""
import hashlib
import json
import os
import subprocess
import threading
import time

import requests

from conftest import BASE, ROOT, sql, wait_until
from exchange_util import new_numbers

API = BASE + "/api/v1"
DEMO_KEY = "demo-exchange-key"
SCOPES = "read:readings read:payments write:accounts write:charges write:payments"


def auth(key=DEMO_KEY):
    return {"Authorization": "Bearer " + key}


def make_key(org=1, scopes=SCOPES, rate=600):
    """A key made the way the console makes one: only its BLAKE2b-256 is stored."""
    key = "kb_test" + os.urandom(16).hex()
    h = hashlib.blake2b(key.encode(), digest_size=32).hexdigest()
    sql("INSERT INTO api_keys (organization_id, name, prefix, hash, scopes, rate_per_minute, "
        "created_at) VALUES (%d, 'test', '%s', UNHEX('%s'), '%s', %d, UTC_TIMESTAMP(6))"
        % (org, key[:11], h, scopes, rate))
    return key


def problem(r, status, title):
    assert r.status_code == status, (r.status_code, r.text[:300])
    assert r.headers["content-type"] == "application/problem+json"
    body = r.json()
    assert body["status"] == status and body["title"] == title, body
    assert body["type"].startswith("/api/v1/openapi.json#problem-")
    return body


def push(kind, rows, key=DEMO_KEY, idem=None, dry=None):
    body = {"rows": rows}
    if dry is not None:
        body["dry_run"] = dry
    h = dict(auth(key), **({"Idempotency-Key": idem} if idem else {}))
    return requests.post("%s/%s" % (API, kind), json=body, headers=h)


def new_account(key=DEMO_KEY):
    """An account of the key's organization made for the test, with no bills: the
    payments a test makes there stay out of the demo's money."""
    number = new_numbers(1)[0]
    r = push("accounts", accounts_rows([number]), key=key)
    assert r.status_code == 200 and r.json()["status"] == "applied", r.text
    return number


def accounts_rows(numbers):
    return [{"number": n, "street": "ул. Апишная", "house": "1", "flat": str(i + 1),
             "area": "40.5", "residents": 1, "payer_name": "Апиев Апи Апиевич"}
            for i, n in enumerate(numbers)]


# ------------------------------------------------------------------ keys and scopes

def test_no_key_wrong_key_and_wrong_scope():
    r = requests.get(API + "/readings")
    problem(r, 401, "unauthorized")
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    problem(requests.get(API + "/readings", headers=auth("nope")), 401, "unauthorized")
    problem(requests.get(API + "/readings", headers={"Authorization": "Basic eDp5"}), 401,
            "unauthorized")
    key = make_key(scopes="read:payments")
    assert requests.get(API + "/payments", headers=auth(key)).status_code == 200
    problem(requests.get(API + "/readings", headers=auth(key)), 403, "forbidden")
    problem(push("accounts", accounts_rows(new_numbers(1)), key=key), 403, "forbidden")


def test_revoked_key_is_refused():
    key = make_key()
    assert requests.get(API + "/payments", headers=auth(key)).status_code == 200
    sql("UPDATE api_keys SET revoked_at = UTC_TIMESTAMP(6) WHERE prefix = '%s'" % key[:11])
    problem(requests.get(API + "/payments", headers=auth(key)), 401, "unauthorized")


def test_rate_limit_a_minute():
    # Early in a minute, so the three requests are counted in one.
    if time.gmtime().tm_sec > 50:
        time.sleep(61 - time.gmtime().tm_sec)
    key = make_key(rate=3)
    for _ in range(3):
        assert requests.get(API + "/payments?limit=1", headers=auth(key)).status_code == 200
    r = requests.get(API + "/payments?limit=1", headers=auth(key))
    problem(r, 429, "rate-limited")
    assert 1 <= int(r.headers["Retry-After"]) <= 60


def test_unknown_paths_and_methods():
    problem(requests.get(API + "/nothing", headers=auth()), 404, "not-found")
    problem(requests.get(API + "/jobs/abc", headers=auth()), 404, "not-found")
    problem(requests.get(API + "/jobs/999999999", headers=auth()), 404, "not-found")
    r = requests.delete(API + "/readings", headers=auth())
    problem(r, 405, "method-not-allowed")
    assert r.headers["Allow"] == "GET, HEAD"
    r = requests.get(API + "/charges", headers=auth())
    problem(r, 405, "method-not-allowed")
    assert r.headers["Allow"] == "POST"


# ------------------------------------------------------------------ feeds

def read_feed(path, key, after=""):
    """A feed read to its end from after: (its items, the cursor to come back with)."""
    items = []
    while True:
        r = requests.get(API + path, params={"after": after, "limit": 1000}, headers=auth(key))
        assert r.status_code == 200, r.text
        page = r.json()
        items += page["items"]
        after = page["next"]
        if not page["has_more"]:
            return items, after


def all_pages(path, key):
    return read_feed(path, key)[0]


def test_another_organizations_data_is_invisible():
    key1, key2 = make_key(rate=6000), make_key(org=2, rate=6000)
    number = new_account(key2)
    acc = sql("SELECT id, number FROM accounts WHERE organization_id = 2 AND number = '%s'"
              % number)[0]
    svc = sql("SELECT id FROM services WHERE organization_id = 2 LIMIT 1")[0][0]
    sql("INSERT INTO meters (account_id, service_id, kind, number, zones, digits, decimals, "
        "installed_on) VALUES (%s, %s, 'electricity', 'ORG2-%s', 1, 6, 0, '2026-01-01')"
        % (acc[0], svc, acc[0]))
    mid = sql("SELECT MAX(id) FROM meters")[0][0]
    sql("INSERT INTO readings (meter_id, zone, taken_on, value, source, status, created_at) "
        "VALUES (%s, 0, '2026-11-20', 777, 'staff', 'accepted', UTC_TIMESTAMP(6))" % mid)
    sql("INSERT INTO payments (account_id, paid_at, amount, channel, status) VALUES "
        "(%s, '2026-11-20', 7700, 'cash', 'succeeded')" % acc[0])
    org2 = {a for (a,) in sql("SELECT number FROM accounts WHERE organization_id = 2")}
    two = all_pages("/readings", key2)
    assert two and {i["account"] for i in two} <= org2
    assert acc[1] not in {i["account"] for i in all_pages("/readings", key1)}
    pays = all_pages("/payments", key2)
    assert pays and {i["account"] for i in pays} <= org2
    assert acc[1] not in {i["account"] for i in all_pages("/payments", key1)}
    # A job of organization 1 is not organization 2's.
    job = push("accounts", accounts_rows(new_numbers(1))).json()["job"]
    problem(requests.get("%s/jobs/%d" % (API, job), headers=auth(key2)), 404, "not-found")


def test_bad_cursor_and_limit():
    problem(requests.get(API + "/readings?after=xyz", headers=auth()), 400, "bad-cursor")
    problem(requests.get(API + "/readings?after=ZjEuMTJh", headers=auth()), 400, "bad-cursor")
    problem(requests.get(API + "/readings?limit=0", headers=auth()), 400, "bad-limit")
    problem(requests.get(API + "/readings?limit=1001", headers=auth()), 400, "bad-limit")


def test_cursor_paging_while_rows_are_inserted():
    """Rows written while a client pages: each row is seen once, none is skipped."""
    key = make_key(rate=6000)
    meter = sql("SELECT m.id FROM meters m JOIN accounts a ON a.id = m.account_id "
                "WHERE a.organization_id = 1 LIMIT 1")[0][0]
    # Start from the current end of the feed.
    _, after = read_feed("/readings", key)
    stop = threading.Event()
    written, failed = [], []

    def writer():
        n = 0
        while not stop.is_set() and n < 300:
            n += 1
            for attempt in range(5):
                try:
                    sql("INSERT INTO readings (meter_id, zone, taken_on, value, source, status, "
                        "created_at) VALUES (%s, 0, '2020-01-01', %d, 'staff', 'accepted', "
                        "UTC_TIMESTAMP(6))" % (meter, 900000 + n))
                    break
                except subprocess.CalledProcessError as e:
                    # A deadlock or a lock wait is tried again, as the programs do; anything
                    # else is the test's failure (a thread's exception is only a warning).
                    if attempt < 4 and e.stderr.startswith(("ERROR 1213", "ERROR 1205")):
                        continue
                    failed.append(e.stderr)
                    return
            written.append(900000 + n)

    t = threading.Thread(target=writer)
    t.start()
    seen = []
    def read_page():
        nonlocal after
        page = requests.get(API + "/readings", params={"after": after, "limit": 7},
                            headers=auth(key)).json()
        seen.extend(int(i["value"]) for i in page["items"] if i["taken_on"] == "2020-01-01")
        after = page["next"]
        return page["has_more"]

    try:
        deadline = time.time() + 60
        while t.is_alive() and time.time() < deadline:
            read_page()
            time.sleep(0.01)
    finally:
        stop.set()
        t.join()
    while read_page():  # what was written after the last page read
        pass
    assert not failed, failed
    assert len(written) == 300, len(written)
    assert len(seen) == len(set(seen)), "a row came twice"
    assert sorted(seen) == sorted(written), "a row was skipped"
    sql("DELETE FROM readings WHERE taken_on = '2020-01-01' AND source = 'staff' AND "
        "value >= 900000")


def test_a_late_commit_is_not_skipped():
    """A reading written first and committed last (what an AUTO_INCREMENT cursor skips):
    the next writer waits for its feed number, so the feed stays in commit order."""
    import subprocess
    from conftest import ENV
    key = make_key(rate=6000)
    meter = sql("SELECT m.id FROM meters m JOIN accounts a ON a.id = m.account_id "
                "WHERE a.organization_id = 1 LIMIT 1")[0][0]
    _, after = read_feed("/readings", key)
    insert = ("INSERT INTO readings (meter_id, zone, taken_on, value, source, status, created_at) "
              "VALUES (%s, 0, '2020-01-02', %%d, 'staff', 'accepted', UTC_TIMESTAMP(6));" % meter)
    db = ["mariadb", "--no-defaults", "--socket=" + os.path.join(ENV, "run", "db.sock"), "-uroot",
          "kabinet", "-e"]
    slow = subprocess.Popen(db + ["BEGIN; " + insert % 880001 + " SELECT SLEEP(2); COMMIT;"],
                            stdout=subprocess.DEVNULL)
    time.sleep(0.5)
    t0 = time.time()
    subprocess.run(db + [insert % 880002], check=True)
    waited = time.time() - t0
    # Meanwhile a client read the feed: neither row is there until the first commits.
    slow.wait()
    items = [i for i in read_feed("/readings", key, after)[0] if i["taken_on"] == "2020-01-02"]
    assert [int(i["value"]) for i in items] == [880001, 880002]
    assert waited > 1.0, "the second writer did not wait for the first"
    sql("DELETE FROM readings WHERE taken_on = '2020-01-02' AND value IN (880001, 880002)")


def test_a_status_change_comes_again_in_the_feed():
    key = make_key(scopes="read:payments write:payments write:accounts", rate=6000)
    a = new_account(key)
    _, after = read_feed("/payments", key)
    sid = new_numbers(1, prefix="API")[0]
    r = push("payments", [{"id": sid, "account": a, "paid_at": "2026-11-07", "amount": "1.00",
                           "channel": "bank"}], key=key)
    assert r.status_code == 200 and r.json()["status"] == "applied", r.text
    page = requests.get(API + "/payments", params={"after": after}, headers=auth(key)).json()
    assert [(i["source_id"], i["status"]) for i in page["items"]] == [(sid, "succeeded")]
    sql("UPDATE payments SET status = 'canceled' WHERE source_id = '%s'" % sid)
    page2 = requests.get(API + "/payments", params={"after": page["next"]},
                         headers=auth(key)).json()
    assert [(i["source_id"], i["status"]) for i in page2["items"]] == [(sid, "canceled")]


# ------------------------------------------------------------------ pushing

def test_push_accounts_then_again_changes_nothing():
    numbers = new_numbers(3)
    r = push("accounts", accounts_rows(numbers), dry=True)
    assert r.status_code == 200 and r.json()["status"] == "checked" and r.json()["new"] == 3
    assert sql("SELECT COUNT(*) FROM accounts WHERE number = '%s'" % numbers[0]) == [("0",)]
    r = push("accounts", accounts_rows(numbers))
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["status"], body["new"]) == ("applied", 3)
    assert sql("SELECT address, area_centi_m2 FROM accounts WHERE number = '%s'" % numbers[2]) == \
        [("ул. Апишная, д. 1, кв. 3", "4050")]
    r = push("accounts", accounts_rows(numbers))
    assert (r.json()["new"], r.json()["unchanged"]) == (0, 3)
    assert sql("SELECT staff_login FROM audit_log WHERE action = 'api-import' AND object_id = '%d'"
               % body["job"]) == [("api:demo-exc",)]


def test_push_with_bad_rows_is_refused_whole():
    a = sql("SELECT number FROM accounts WHERE id = 2")[0][0]
    rows = [{"account": a, "service": "electricity", "period": "2026-12", "opening": "0",
             "charge": "10.00", "paid": 0, "closing": "10.00"},
            {"account": a, "service": "cold-water", "period": "2026-12", "opening": 0,
             "charge": 5, "paid": 0, "closing": 6},
            {"account": "0000000000", "service": "electricity", "period": "2026-12",
             "opening": 0, "charge": 1, "closing": 1}]
    r = push("charges", rows)
    body = problem(r, 422, "invalid-rows")
    assert body["errors"] == [
        {"row": 1, "column": "closing", "value": "6", "code": "roll-forward", "detail": "5.00"},
        {"row": 2, "column": "account", "value": "0000000000", "code": "unknown-account"}]
    assert sql("SELECT COUNT(*) FROM ledger l JOIN accounts x ON x.id = l.account_id WHERE "
               "x.number = '%s' AND l.period = '2026-12-01'" % a) == [("0",)]


def test_replayed_post_is_harmless():
    a = new_account()
    sid = new_numbers(1, prefix="IDEM")[0]
    rows = [{"id": sid, "account": a, "paid_at": "2026-11-08 09:00", "amount": 25.5,
             "channel": "cash"}]
    first = push("payments", rows, idem="key-" + sid)
    assert first.status_code == 200 and first.json()["new"] == 1, first.text
    again = push("payments", rows, idem="key-" + sid)
    assert again.status_code == 200 and again.text == first.text
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert sql("SELECT COUNT(*), SUM(amount) FROM payments WHERE source_id = '%s'" % sid) == \
        [("1", "2550")]
    # The same key with another body is a client's mistake, said so.
    other = push("payments", [dict(rows[0], amount=26)], idem="key-" + sid)
    problem(other, 422, "idempotency-key-reused")
    # Without a key, the source's own id still keeps it from being doubled.
    third = push("payments", rows)
    assert (third.json()["new"], third.json()["unchanged"]) == (0, 1)
    problem(requests.post(API + "/payments", json={"rows": rows},
                          headers=dict(auth(), **{"Idempotency-Key": "x" * 65})),
            400, "bad-idempotency-key")


def test_a_large_batch_is_a_job_to_poll():
    numbers = new_numbers(1500)
    r = push("accounts", accounts_rows(numbers))
    assert r.status_code == 202, r.text
    job = r.json()["job"]
    assert r.headers["Location"] == "/api/v1/jobs/%d" % job
    wait_until(lambda: requests.get(BASE + r.headers["Location"], headers=auth()).json()["status"]
               == "applied", 60, "the job to be applied")
    body = requests.get(BASE + r.headers["Location"], headers=auth()).json()
    assert (body["new"], body["refused"]) == (1500, 0)


def test_bodies_that_are_not_batches():
    h = dict(auth(), **{"Content-Type": "application/json"})
    problem(requests.post(API + "/accounts", data="{", headers=h), 400, "bad-json")
    problem(requests.post(API + "/accounts", data='{"rows": []}', headers=h), 400, "bad-body")
    problem(requests.post(API + "/accounts", data='{"rows": [1]}', headers=h), 400, "bad-body")
    problem(requests.post(API + "/accounts", data='{"rows": [{"a": {"b": 1}}]}', headers=h),
            400, "bad-body")
    problem(requests.post(API + "/accounts", data='{"rows": [{"a": 1, "a": 2}]}', headers=h),
            400, "bad-json")
    problem(requests.post(API + "/accounts", data="rows", headers=dict(
        auth(), **{"Content-Type": "text/plain"})), 415, "unsupported-media-type")


# ------------------------------------------------------------------ the description

def test_openapi_describes_what_answers():
    import jsonschema
    r = requests.get(API + "/openapi.json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    spec = r.json()
    assert spec == json.load(open(os.path.join(ROOT, "docs", "openapi.json")))
    assert spec["openapi"].startswith("3.1.") and spec["info"]["title"] and spec["info"]["version"]
    assert spec["servers"] == [{"url": "/api/v1"}]

    def resolve(ref):
        node = spec
        for part in ref[2:].split("/"):
            node = node[part]
        return node

    def walk(node):
        if isinstance(node, dict):
            if "$ref" in node:
                resolve(node["$ref"])  # every reference leads somewhere
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(spec)
    for name, schema in spec["components"]["schemas"].items():
        jsonschema.Draft202012Validator.check_schema(schema)
    scheme = spec["components"]["securitySchemes"]["bearer"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    # Every described operation answers (not 404/405), with a status it documents...
    job = push("accounts", accounts_rows(new_numbers(1))).json()["job"]
    for path, ops in spec["paths"].items():
        url = API + path.replace("{id}", str(job))
        for method, op in ops.items():
            assert op["responses"] and op.get("operationId"), (path, method)
            if method == "get":
                got = requests.get(url, headers=auth())
            else:
                got = requests.post(url, json={"rows": [{}]}, headers=auth())
            assert got.status_code not in (404, 405), (method, path, got.status_code)
            assert str(got.status_code) in op["responses"], (method, path, got.status_code)
    # ...and what is not described does not answer.
    described = {(p, m) for p, ops in spec["paths"].items() for m in ops}
    for path in ("/readings", "/payments", "/promises", "/accounts", "/charges", "/connections",
                 "/objects", "/events", "/usage"):
        for method in ("get", "post"):
            if (path, method) not in described:
                got = requests.request(method.upper(), API + path, headers=auth(), json={})
                assert got.status_code == 405, (method, path, got.status_code)


# ------------------------------------------------------------------ the lines' kinds (issue 25)

def test_lines_objects_events_and_usage_push_like_their_files():
    """Each kind of issue 25 loads through the API with its own write: scope, gets the
    file's checks (a refused row: 422, nothing applied), and a replay adds nothing."""
    number = new_account()
    key = make_key(scopes="write:connections write:objects write:events write:usage")
    rows = {
        "connections": [{"account": number, "service": "internet", "plan": "Апи 50",
                         "speed_kbps": 50000, "monthly_fee": "450,00", "login": "api-" + number,
                         "ip_address": "10.1.2.3", "state": "active"}],
        "objects": [{"account": number, "service": "security", "address": "ул. Апишная, 1",
                     "type": "Гараж", "state": "armed"}],
        "events": [{"account": number, "service": "security", "id": "api-e1",
                    "at": "2026-11-30 21:30", "event": "disarmed", "who": "Апиев"}],
        "usage": [{"account": number, "service": "phone", "id": "api-u1", "kind": "call",
                   "started_at": "2026-11-30 21:30:00", "ended_at": "2026-11-30 21:32:00",
                   "number": "+74950000009", "cost": 3.5},
                  {"account": number, "service": "internet", "id": "api-u2",
                   "kind": "session", "started_at": "2026-11-30 20:00",
                   "ended_at": "2026-11-30 23:00", "bytes_in": 1048576, "bytes_out": 2048}],
    }
    try:
        for kind in ("connections", "objects", "events", "usage"):
            # Another kind's scope is not this one's.
            other = make_key(scopes="write:accounts write:charges write:payments")
            problem(push(kind, rows[kind], key=other), 403, "forbidden")
            for _ in range(2):
                r = push(kind, rows[kind], key=key, idem="lines-" + kind + number)
                assert r.status_code == 200 and r.json()["status"] == "applied", r.text
                assert r.json()["kind"] == kind
        acc = "(SELECT id FROM accounts WHERE number = '%s')" % number
        assert sql("SELECT plan_name, monthly_fee, state FROM connections WHERE account_id = "
                   + acc) == [("Апи 50", "45000", "active")]
        assert sql("SELECT object_type FROM guarded_objects WHERE account_id = " + acc) == \
            [("Гараж",)]
        assert sql("SELECT source_id, event FROM object_events WHERE account_id = " + acc) == \
            [("api-e1", "disarmed")]
        assert sql("SELECT source_id, kind, COALESCE(cost, '-'), COALESCE(bytes_in, '-') "
                   "FROM usage_records WHERE account_id = %s ORDER BY source_id" % acc) == \
            [("api-u1", "call", "350", "-"), ("api-u2", "session", "-", "1048576")]
        # A call without its number: refused whole, the row and the reason named.
        bad = [dict(rows["usage"][0], id="api-u3"), dict(rows["usage"][0], id="api-u4")]
        del bad[1]["number"]
        body = problem(push("usage", bad, key=key), 422, "invalid-rows")
        assert [(e["row"], e["column"], e["code"]) for e in body["errors"]] == \
            [(1, "number", "number-required")]
        assert sql("SELECT COUNT(*) FROM usage_records WHERE account_id = %s AND source_id "
                   "IN ('api-u3', 'api-u4')" % acc) == [("0",)]
    finally:
        for t in ("usage_records", "object_events", "guarded_objects", "connections"):
            sql("DELETE x FROM %s x JOIN accounts a ON a.id = x.account_id "
                "WHERE a.number = '%s'" % (t, number))
