#!/usr/bin/python3
"""yookassa-emu: a payment provider on loopback that speaks YooKassa's API v3.

For `make run` and the tests.  The portal is configured with this address as
its API URL and cannot tell it from the real one:

  POST /v3/payments              create (Idempotence-Key required; the same key
                                 returns the same payment), with a redirect
                                 confirmation or a saved payment_method_id
  GET  /v3/payments/{id}         the payment now
  POST /v3/refunds               refund all or part of a succeeded payment
                                 (Idempotence-Key required, as for payments)
  GET  /v3/refunds/{id}          the refund now
  GET  /v3/receipts?payment_id=  the payment's fiscal receipt (54-FZ), registered
                                 when the payment succeeds: fiscal storage
                                 number, document number and fiscal sign
  GET  /checkout/{id}            the hosted card page; POST it to pay or cancel
  notifications                  POSTed to --webhook when a payment is decided,
                                 retried with back-off until answered 2xx

Test cards (any future expiry, any three-digit CVC):
  5555 5555 5555 4444   paid
  5555 5555 5555 4592   declined: insufficient funds
  5555 5555 5555 4535   confirmed after --delay seconds (3-D Secure taking its time)
A saved card charges like the card it was.

For tests only, under /_emu/: the payments as JSON, re-sending a
notification, switching notifications off, confirming a delayed payment now,
the refunds as JSON, and the refunds API down (answering 503) or up;
receipts registered late (left pending until /_emu/register/{id}) or at once.
State (payments, saved methods, idempotence keys) is kept in --state, so a
restart forgets nothing.
"""
import argparse
import base64
import html
import json
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CARDS = {
    "5555555555554444": ("succeeded", None),
    "5555555555554592": ("canceled", "insufficient_funds"),
    "5555555555554535": ("delayed", None),
}
AMOUNT = re.compile(r"^(0|[1-9][0-9]{0,12})\.[0-9]{2}$")


def now():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def luhn(number):
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


class State:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        self.payments, self.keys, self.methods = {}, {}, {}
        self.refunds, self.refund_keys = {}, {}
        self.webhooks_on = True
        self.refunds_up = True
        self.receipts_late = False  # leave new receipts pending, as a slow register does
        self.reads = 0  # GET /v3/payments/<id> answered: what a webhook costs us
        if path and os.path.exists(path):
            with open(path) as f:
                saved = json.load(f)
            self.payments, self.keys, self.methods = saved["payments"], saved["keys"], saved["methods"]
            self.refunds = saved.get("refunds", {})
            self.refund_keys = saved.get("refund_keys", {})

    def save(self):
        if not self.path:
            return
        tmp = self.path + ".tmp"
        with open(tmp, "w") as f:
            json.dump({"payments": self.payments, "keys": self.keys, "methods": self.methods,
                       "refunds": self.refunds, "refund_keys": self.refund_keys}, f)
        os.replace(tmp, self.path)


class Emulator:
    def __init__(self, args):
        self.args = args
        self.state = State(args.state)
        self.auth = "Basic " + base64.b64encode(
            ("%s:%s" % (args.shop_id, args.secret_key)).encode()).decode()

    # -- decisions ---------------------------------------------------------

    def decide(self, p, outcome, reason=None, card=None):
        """Make a pending payment final (called with the lock held)."""
        if p["status"] != "pending":
            return False
        p["status"] = outcome
        p["paid"] = outcome == "succeeded"
        if card:
            last4 = card[-4:]
            method = {"type": "bank_card", "id": str(uuid.uuid4()), "saved": False,
                      "title": "Bank card *" + last4,
                      "card": {"first6": card[:6], "last4": last4, "expiry_month": "12",
                               "expiry_year": "2030", "card_type": "MasterCard"}}
            if outcome == "succeeded" and p.pop("_save", False):
                method["saved"] = True
                self.state.methods[method["id"]] = {"card": card, "title": method["title"]}
            p["payment_method"] = method
        if outcome == "canceled":
            p["cancellation_details"] = {"party": "payment_network" if card else "yoo_money",
                                         "reason": reason or "expired_on_confirmation"}
        else:
            p["captured_at"] = now()
            p["_receipt"] = {"id": "rc-" + p["id"], "type": "payment", "payment_id": p["id"],
                             "status": "pending"}
            if not self.state.receipts_late:
                self.register(p)
        p.pop("confirmation", None)
        self.state.save()
        self.notify(p["id"])
        return True

    def register(self, p):
        """The fiscal register has printed the payment's receipt (lock held)."""
        r = p.get("_receipt")
        if not r or r["status"] != "pending":
            return False
        number = sum(1 for q in self.state.payments.values()
                     if q.get("_receipt", {}).get("status") == "succeeded") + 1
        r.update(status="succeeded", fiscal_storage_number="9999078900004312",
                 fiscal_document_number=str(number),
                 fiscal_attribute=str(1000000000 + int(uuid.uuid4().int % 3000000000)),
                 registered_at=now(), fiscal_provider_id="fpid-" + p["id"][:8])
        return True

    def notify(self, pid, attempt=0):
        """Send the notification in the background; retry until a 2xx, as YooKassa does."""
        def send(tries):
            with self.state.lock:
                p = dict(self.state.payments[pid])
                on = self.state.webhooks_on
            if not on or not self.args.webhook:
                return
            public = {k: v for k, v in p.items() if not k.startswith("_")}
            body = json.dumps({"type": "notification", "event": "payment." + p["status"],
                               "object": public}).encode()
            req = urllib.request.Request(self.args.webhook, data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(req, timeout=10) as resp:
                    if 200 <= resp.status < 300:
                        return
            except (urllib.error.URLError, OSError):
                pass
            if tries + 1 < self.args.retries:
                delay = min(self.args.retry_base * (2 ** tries), 30)
                threading.Timer(delay, send, (tries + 1,)).start()
        threading.Thread(target=send, args=(attempt,), daemon=True).start()

    def confirm_later(self, pid):
        def confirm():
            with self.state.lock:
                p = self.state.payments.get(pid)
                if p is not None:
                    self.decide(p, "succeeded", card=p.get("_card"))
        threading.Timer(self.args.delay, confirm).start()

    # -- API ---------------------------------------------------------------

    def create(self, key, body):
        amount = body.get("amount") if isinstance(body, dict) else None
        if not isinstance(amount, dict) or not isinstance(amount.get("value"), str) or \
                not AMOUNT.match(amount["value"]) or amount["value"] in ("0.00", "0"):
            return 400, error("invalid_request", "amount.value")
        if amount.get("currency") != "RUB":
            return 400, error("invalid_request", "amount.currency")
        desc = body.get("description", "")
        if not isinstance(desc, str) or len(desc) > 128:
            return 400, error("invalid_request", "description")
        meta = body.get("metadata", {})
        if not isinstance(meta, dict) or len(meta) > 16:
            return 400, error("invalid_request", "metadata")
        method_id = body.get("payment_method_id")
        conf = body.get("confirmation")
        if method_id is None and (not isinstance(conf, dict) or conf.get("type") != "redirect" or
                                  not str(conf.get("return_url", "")).startswith("http")):
            return 400, error("invalid_request", "confirmation")
        with self.state.lock:
            if key in self.state.keys:
                return 200, public(self.state.payments[self.state.keys[key]])
            if method_id is not None and method_id not in self.state.methods:
                return 400, error("invalid_request", "payment_method_id")
            pid = "%s-000f-5000-8000-%s" % (uuid.uuid4().hex[:8], uuid.uuid4().hex[:12])
            p = {"id": pid, "status": "pending", "paid": False,
                 "amount": {"value": amount["value"], "currency": "RUB"},
                 "description": desc, "metadata": meta, "created_at": now(),
                 "recipient": {"account_id": self.args.shop_id, "gateway_id": "1"},
                 "refundable": False, "test": True}
            self.state.payments[pid] = p
            self.state.keys[key] = pid
            if method_id is not None:
                saved = self.state.methods[method_id]
                outcome, reason = CARDS.get(saved["card"], ("canceled", "general_decline"))
                p["payment_method"] = {"type": "bank_card", "id": method_id, "saved": True,
                                       "title": saved["title"]}
                if outcome == "delayed":
                    p["_card"] = saved["card"]
                    self.state.save()
                    self.confirm_later(pid)
                else:
                    self.decide(p, outcome, reason)
            else:
                p["_save"] = bool(body.get("save_payment_method"))
                p["_return"] = conf["return_url"]
                p["confirmation"] = {"type": "redirect", "confirmation_url":
                                     "%s/checkout/%s" % (self.args.public_url, pid)}
                self.state.save()
            return 200, public(p)


def minor(value):
    whole, frac = value.split(".")
    return int(whole) * 100 + int(frac)


def refund(emu, key, body):
    """Refund part or all of a succeeded payment, as YooKassa does: at once, never more
    than was paid and not yet refunded; the same key gives the same refund."""
    st = emu.state
    if not isinstance(body, dict) or not isinstance(body.get("payment_id"), str):
        return 400, error("invalid_request", "payment_id")
    amount = body.get("amount")
    if not isinstance(amount, dict) or not isinstance(amount.get("value"), str) or \
            not AMOUNT.match(amount["value"]) or minor(amount["value"]) == 0:
        return 400, error("invalid_request", "amount.value")
    with st.lock:
        if key in st.refund_keys:
            return 200, st.refunds[st.refund_keys[key]]
        p = st.payments.get(body["payment_id"])
        if p is None:
            return 404, error("not_found", "payment_id")
        if amount.get("currency") != p["amount"]["currency"]:
            return 400, error("invalid_request", "amount.currency")
        done = sum(minor(r["amount"]["value"]) for r in st.refunds.values()
                   if r["payment_id"] == p["id"] and r["status"] == "succeeded")
        if p["status"] != "succeeded" or done + minor(amount["value"]) > \
                minor(p["amount"]["value"]):
            return 400, error("invalid_request", "amount.value")
        rid = "%s-0015-5000-9000-%s" % (uuid.uuid4().hex[:8], uuid.uuid4().hex[:12])
        r = {"id": rid, "payment_id": p["id"], "status": "succeeded", "created_at": now(),
             "amount": {"value": amount["value"], "currency": p["amount"]["currency"]},
             "description": str(body.get("description", ""))[:250]}
        st.refunds[rid] = r
        st.refund_keys[key] = rid
        total = done + minor(amount["value"])
        p["refunded_amount"] = {"value": "%d.%02d" % (total // 100, total % 100),
                                "currency": p["amount"]["currency"]}
        st.save()
        return 200, r


def public(p):
    return {k: v for k, v in p.items() if not k.startswith("_")}


def error(code, parameter=None):
    e = {"type": "error", "id": str(uuid.uuid4()), "code": code,
         "description": "Invalid value" if parameter else code}
    if parameter:
        e["parameter"] = parameter
    return e


PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>ЮKassa (emulator): оплата</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}}
label{{display:block;margin:.8rem 0 .2rem}}input{{font-size:1.1rem;padding:.3rem;width:100%}}
button{{margin:1rem .5rem 0 0;font-size:1.1rem;padding:.4rem 1rem}}.err{{color:#b00}}
small{{color:#555}}</style></head><body>
<h1>Оплата картой</h1>
<p>Магазин {shop}. {desc}</p>
<p>Сумма: <strong id="amount">{amount} ₽</strong></p>
{error}
<form method="post" action="/checkout/{pid}">
<label for="card">Номер карты</label>
<input id="card" name="card" inputmode="numeric" autocomplete="cc-number" maxlength="23" required>
<label for="expiry">Срок действия (ММ/ГГ)</label>
<input id="expiry" name="expiry" autocomplete="cc-exp" maxlength="5" required>
<label for="cvc">CVC</label>
<input id="cvc" name="cvc" autocomplete="cc-csc" maxlength="3" required>
<button type="submit" id="pay" name="do" value="pay">Оплатить</button>
<button type="submit" id="cancel" name="do" value="cancel" formnovalidate>Отказаться</button>
</form>
<p><small>Эмулятор провайдера. Тестовые карты: 5555 5555 5555 4444 (успешно),
5555 5555 5555 4592 (отказ: недостаточно средств), 5555 5555 5555 4535 (подтверждение
через {delay} с).</small></p>
</body></html>"""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, Nagle and delayed ACKs
    # add 40 ms to every answer on a kept connection.
    disable_nagle_algorithm = True
    server_version = "yookassa-emu"
    emu = None

    def log_message(self, fmt, *args):
        if self.emu.args.verbose:
            super().log_message(fmt, *args)

    def reply(self, status, body, ctype="application/json", headers=()):
        data = (json.dumps(body) if ctype == "application/json" else body).encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype + "; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n > 1 << 20:
            raise ValueError("too large")
        return self.rfile.read(n)

    def authorized(self):
        if self.headers.get("Authorization") == self.emu.auth:
            return True
        self.reply(401, error("invalid_credentials"))
        return False

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        st = self.emu.state
        m = re.fullmatch(r"/v3/payments/([0-9a-f-]{1,64})", path)
        if m:
            if not self.authorized():
                return
            with st.lock:
                st.reads += 1
                p = st.payments.get(m.group(1))
                p = public(p) if p else None
            return self.reply(200, p) if p else self.reply(404, error("not_found"))
        if path == "/v3/receipts":
            if not self.authorized():
                return
            pid = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get(
                "payment_id", [""])[0]
            with st.lock:
                p = st.payments.get(pid)
                items = [dict(p["_receipt"])] if p and "_receipt" in p else []
            return self.reply(200, {"type": "list", "items": items})
        m = re.fullmatch(r"/v3/refunds/([0-9a-f-]{1,64})", path)
        if m:
            if not self.authorized():
                return
            if not st.refunds_up:
                return self.reply(503, error("internal_server_error"))
            with st.lock:
                r = st.refunds.get(m.group(1))
            return self.reply(200, r) if r else self.reply(404, error("not_found"))
        m = re.fullmatch(r"/checkout/([0-9a-f-]{1,64})", path)
        if m:
            return self.checkout_page(m.group(1))
        m = re.fullmatch(r"/check/([0-9]{1,20})/([0-9]{1,20})/([0-9]{1,20})", path)
        if m:
            # The fiscal data operator's page of a receipt, as check_url points to it.
            with st.lock:
                found = any(r.get("fiscal_storage_number") == m.group(1) and
                            r.get("fiscal_document_number") == m.group(2) and
                            r.get("fiscal_attribute") == m.group(3)
                            for r in (q.get("_receipt", {}) for q in st.payments.values()))
            page = ("<!DOCTYPE html><title>Чек</title><p>Чек найден: ФН %s, ФД %s, ФП %s</p>"
                    % m.groups()) if found else "<!DOCTYPE html><p>Чек не найден</p>"
            return self.reply(200 if found else 404, page, "text/html")
        if path == "/_emu/refunds":
            with st.lock:
                return self.reply(200, {"items": list(st.refunds.values())})
        if path == "/_emu/payments":
            with st.lock:
                return self.reply(200, {"items": list(st.payments.values()),
                                        "methods": list(st.methods), "reads": st.reads})
        self.reply(404, error("not_found"))

    def do_POST(self):
        path = urllib.parse.urlsplit(self.path).path
        st = self.emu.state
        try:
            raw = self.body()
        except ValueError:
            return self.reply(413, error("invalid_request"))
        if path == "/v3/payments":
            if not self.authorized():
                return
            key = self.headers.get("Idempotence-Key")
            if not key or len(key) > 64:
                return self.reply(400, error("invalid_request", "Idempotence-Key"))
            try:
                body = json.loads(raw)
            except ValueError:
                return self.reply(400, error("invalid_request"))
            status, out = self.emu.create(key, body)
            return self.reply(status, out)
        if path == "/v3/refunds":
            if not self.authorized():
                return
            if not st.refunds_up:
                return self.reply(503, error("internal_server_error"))
            key = self.headers.get("Idempotence-Key")
            if not key or len(key) > 64:
                return self.reply(400, error("invalid_request", "Idempotence-Key"))
            try:
                body = json.loads(raw)
            except ValueError:
                return self.reply(400, error("invalid_request"))
            status, out = refund(self.emu, key, body)
            return self.reply(status, out)
        if path == "/_emu/refunds":
            with st.lock:
                st.refunds_up = raw.strip() != b"down"
            return self.reply(200, {"up": st.refunds_up})
        m = re.fullmatch(r"/checkout/([0-9a-f-]{1,64})", path)
        if m:
            return self.checkout_post(m.group(1), urllib.parse.parse_qs(raw.decode("utf-8", "replace")))
        m = re.fullmatch(r"/_emu/notify/([0-9a-f-]{1,64})", path)
        if m and m.group(1) in st.payments:
            self.emu.notify(m.group(1), attempt=self.emu.args.retries)  # once, no retries
            return self.reply(200, {"ok": True})
        m = re.fullmatch(r"/_emu/confirm/([0-9a-f-]{1,64})", path)
        if m and m.group(1) in st.payments:
            with st.lock:
                p = st.payments[m.group(1)]
                ok = self.emu.decide(p, "succeeded", card=p.get("_card"))
            return self.reply(200, {"ok": ok})
        if path == "/_emu/bulk":
            # For make bench: payments already paid, one per reference given.
            try:
                req = json.loads(raw)
                refs, value = [str(int(x)) for x in req["refs"]], req["amount"]
            except (ValueError, KeyError, TypeError):
                return self.reply(400, error("invalid_request"))
            if not AMOUNT.match(value):
                return self.reply(400, error("invalid_request", "amount"))
            ids = []
            with st.lock:
                for ref in refs:
                    pid = "%s-000f-5000-8000-%s" % (uuid.uuid4().hex[:8], uuid.uuid4().hex[:12])
                    st.payments[pid] = {
                        "id": pid, "status": "succeeded", "paid": True,
                        "amount": {"value": value, "currency": "RUB"}, "description": "bench",
                        "metadata": {"kabinet_id": ref}, "created_at": now(), "captured_at": now(),
                        "payment_method": {"type": "bank_card", "id": str(uuid.uuid4()),
                                           "saved": False, "title": "Bank card *4444"},
                        "refundable": True, "test": True}
                    ids.append(pid)
                st.save()
            return self.reply(200, {"ids": ids})
        if path == "/_emu/methods":
            # For the cluster's autopay test: cards saved as if paid with before.
            try:
                count = int(json.loads(raw)["count"])
            except (ValueError, KeyError, TypeError):
                return self.reply(400, error("invalid_request"))
            if not 0 < count <= 10000:
                return self.reply(400, error("invalid_request", "count"))
            with st.lock:
                ids = [str(uuid.uuid4()) for _ in range(count)]
                for mid in ids:
                    st.methods[mid] = {"card": "5555555555554444", "title": "Bank card *4444"}
                st.save()
            return self.reply(200, {"ids": ids})
        if path == "/_emu/receipts":
            with st.lock:
                st.receipts_late = raw.strip() == b"late"
            return self.reply(200, {"late": st.receipts_late})
        m = re.fullmatch(r"/_emu/register/([0-9a-f-]{1,64})", path)
        if m and m.group(1) in st.payments:
            with st.lock:
                ok = self.emu.register(st.payments[m.group(1)])
                st.save()
            return self.reply(200, {"ok": ok})
        if path == "/_emu/webhooks":
            with st.lock:
                st.webhooks_on = raw.strip() == b"on"
            return self.reply(200, {"on": st.webhooks_on})
        self.reply(404, error("not_found"))

    def checkout_page(self, pid, err=None, status=200):
        st = self.emu.state
        with st.lock:
            p = st.payments.get(pid)
            p = dict(p) if p else None
        if p is None:
            return self.reply(404, "<!DOCTYPE html><p>Платёж не найден</p>", "text/html")
        if p["status"] != "pending" or "_return" not in p:
            return self.reply(303, "", "text/html", [("Location", p.get("_return", "/"))])
        page = PAGE.format(shop=html.escape(self.emu.args.shop_id), desc=html.escape(p["description"]),
                           amount=html.escape(p["amount"]["value"]), pid=pid,
                           error='<p class="err" id="error">%s</p>' % html.escape(err) if err else "",
                           delay=self.emu.args.delay)
        self.reply(status, page, "text/html")

    def checkout_post(self, pid, form):
        st = self.emu.state
        with st.lock:
            p = st.payments.get(pid)
            if p is None or "_return" not in p:
                return self.reply(404, "<!DOCTYPE html><p>Платёж не найден</p>", "text/html")
            back = p["_return"]
            if p["status"] != "pending":
                return self.reply(303, "", "text/html", [("Location", back)])
            if form.get("do", [""])[0] == "cancel":
                self.emu.decide(p, "canceled", "expired_on_confirmation")
                return self.reply(303, "", "text/html", [("Location", back)])
        card = re.sub(r"[ -]", "", form.get("card", [""])[0])
        expiry = form.get("expiry", [""])[0]
        cvc = form.get("cvc", [""])[0]
        if not re.fullmatch(r"[0-9]{16,19}", card) or not luhn(card):
            return self.checkout_page(pid, "Неверный номер карты", 422)
        m = re.fullmatch(r"(0[1-9]|1[0-2])/([0-9]{2})", expiry)
        if not m or (2000 + int(m.group(2)), int(m.group(1))) < (datetime.now().year, datetime.now().month):
            return self.checkout_page(pid, "Неверный срок действия", 422)
        if not re.fullmatch(r"[0-9]{3}", cvc):
            return self.checkout_page(pid, "Неверный CVC", 422)
        outcome, reason = CARDS.get(card, ("canceled", "general_decline"))
        with st.lock:
            if outcome == "delayed":
                p["_card"] = card
                p["payment_method"] = {"type": "bank_card", "id": str(uuid.uuid4()),
                                       "saved": False, "title": "Bank card *" + card[-4:]}
                st.save()
                self.emu.confirm_later(pid)
            else:
                self.emu.decide(p, outcome, reason, card=card)
        self.reply(303, "", "text/html", [("Location", back)])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--listen", default="127.0.0.1:8082")
    ap.add_argument("--public-url", help="how browsers reach this server")
    ap.add_argument("--webhook", help="the portal's notification URL")
    ap.add_argument("--shop-id", required=True)
    ap.add_argument("--secret-key", required=True)
    ap.add_argument("--state")
    ap.add_argument("--pidfile")
    ap.add_argument("--delay", type=float, default=5.0, help="seconds before a delayed card confirms")
    ap.add_argument("--retries", type=int, default=12, help="notification attempts")
    ap.add_argument("--retry-base", type=float, default=1.0, help="first retry after, seconds")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    host, port = args.listen.rsplit(":", 1)
    args.public_url = args.public_url or "http://%s:%s" % (host, port)
    Handler.emu = Emulator(args)
    server = ThreadingHTTPServer((host, int(port)), Handler)
    server.daemon_threads = True
    if args.pidfile:
        with open(args.pidfile, "w") as f:
            f.write("%d\n" % os.getpid())
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if args.pidfile:
            os.unlink(args.pidfile)


if __name__ == "__main__":
    main()
