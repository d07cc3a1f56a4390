#!/usr/bin/python3
"""tests/emulators/smtp-sink.py: an SMTP server on loopback that keeps every message.

    smtp-sink.py --port N --dir DIR

For `make run` and the tests: the delivery program sends to it as to any
mail server, and each message it accepts is written whole to
DIR/<sequence>.eml, where the tests read it.  Nothing is relayed.
Standard library plus python3-aiosmtpd.
"""
import argparse
import os
import signal
import threading
import time

from aiosmtpd.controller import Controller


class Keep:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            n = len([f for f in os.listdir(self.path) if f.endswith(".eml")]) + 1
            name = os.path.join(self.path, "%06d.eml" % n)
            with open(name + ".tmp", "wb") as f:
                f.write(b"X-Envelope-From: " + envelope.mail_from.encode() + b"\r\n")
                f.write(b"X-Envelope-To: " + ", ".join(envelope.rcpt_tos).encode() + b"\r\n")
                f.write(envelope.original_content)
            os.rename(name + ".tmp", name)
        return "250 Message accepted for delivery"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--dir", required=True)
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    c = Controller(Keep(a.dir), hostname="127.0.0.1", port=a.port)
    c.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.is_set():
        time.sleep(0.2)
    c.stop()


if __name__ == "__main__":
    main()
