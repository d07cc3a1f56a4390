#!/usr/bin/python3
"""tests/emulators/sms-gateway.py: an SMS gateway on loopback that keeps every message.

    sms-gateway.py --port N --dir DIR --key KEY

For `make run` and the tests: it speaks the protocol lib/sms.c speaks, the
common shape of an SMS provider's JSON API:

    POST /messages   Authorization: Bearer KEY
                     {"to": "+79123456789", "text": "...", "client_id": "kabinet-42"}
    201 {"id": "...", "status": "accepted"}      a new message
    200 {"id": "...", "status": "accepted"}      a client_id it has already taken
    401 / 400 / 422 {"error": "..."}             a wrong key, bad JSON, a bad number or text

Each message taken is written to DIR/<sequence>.json, where the tests read
it; a client_id seen before is not written again, so a repeat is never
"sent" twice.  Nothing leaves the machine.  Standard library only.
"""
import argparse
import hmac
import json
import os
import re
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
PHONE = re.compile(r"^\+[1-9][0-9]{10,14}$")


def taken(path):
    """client_id -> id of every message in the directory."""
    out = {}
    for name in sorted(os.listdir(path)):
        if name.endswith(".json"):
            with open(os.path.join(path, name)) as f:
                m = json.load(f)
            out[m["client_id"]] = m["id"]
    return out


class Handler(BaseHTTPRequestHandler):
    server_version = "sms-gateway-emulator"

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        if self.path != "/messages":
            return self.answer(404, {"error": "no such endpoint"})
        auth = self.headers.get("Authorization", "")
        if not hmac.compare_digest(auth.encode(), ("Bearer " + self.server.key).encode()):
            return self.answer(401, {"error": "wrong API key"})
        try:
            n = int(self.headers.get("Content-Length", "0"))
            if n > 65536:
                return self.answer(413, {"error": "too large"})
            msg = json.loads(self.rfile.read(n))
            to, text, cid = msg["to"], msg["text"], msg["client_id"]
        except (ValueError, KeyError, TypeError):
            return self.answer(400, {"error": "bad request"})
        if not isinstance(to, str) or not PHONE.match(to):
            return self.answer(422, {"error": "not a phone number"})
        if not isinstance(text, str) or not text or len(text) > 1000:
            return self.answer(422, {"error": "empty or too long text"})
        with LOCK:
            seen = taken(self.server.dir)
            if cid in seen:
                return self.answer(200, {"id": seen[cid], "status": "accepted"})
            seq = len(seen) + 1
            mid = "sms-%06d" % seq
            name = os.path.join(self.server.dir, "%06d.json" % seq)
            with open(name + ".tmp", "w") as f:
                json.dump({"id": mid, "to": to, "text": text, "client_id": cid}, f,
                          ensure_ascii=False)
            os.rename(name + ".tmp", name)
        return self.answer(201, {"id": mid, "status": "accepted"})

    def log_message(self, fmt, *args):
        pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--key", required=True)
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    srv = ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    srv.dir, srv.key = a.dir, a.key
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=srv.shutdown).start())
    srv.serve_forever()


if __name__ == "__main__":
    main()
