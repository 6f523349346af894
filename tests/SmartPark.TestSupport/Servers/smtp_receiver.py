#!/usr/bin/python3
"""A real SMTP server for the tests: Debian's python3-aiosmtpd on a loopback port.

Every message it accepts is kept as NNNNNN.eml (the bytes as received) with NNNNNN.json beside it
(envelope sender, recipients, the login used), the .json written last and renamed into place, so
a reader never sees half a message. It can refuse recipients for good (550, mailbox unknown),
answer the first N messages with a temporary 451, and require a login (AUTH PLAIN/LOGIN, allowed
without TLS because it only listens on 127.0.0.1). Prints READY once it accepts connections;
SIGTERM stops it.

usage: smtp_receiver.py PORT DIRECTORY [--reject ADDRESS]... [--tempfail N] [--auth USER:PASSWORD]
"""
import argparse
import json
import os
import signal
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, directory, reject, tempfail):
        self.directory = directory
        self.reject = {a.lower() for a in reject}
        self.tempfail = tempfail
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 <%s>: mailbox unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.tempfail > 0:
                self.tempfail -= 1
                return "451 4.3.0 mail server busy, try again later"
            self.count += 1
            number = self.count
        base = os.path.join(self.directory, "%06d" % number)
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        meta = {"from": envelope.mail_from, "to": envelope.rcpt_tos, "login": login, "at": time.time()}
        with open(base + ".tmp", "w") as f:
            json.dump(meta, f)
        os.rename(base + ".tmp", base + ".json")
        return "250 2.0.0 queued as %d" % number


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("directory")
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--tempfail", type=int, default=0)
    parser.add_argument("--auth")
    args = parser.parse_args()

    options = {}
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False, auth_data=auth_data)

        options = {"authenticator": authenticate, "auth_required": True, "auth_require_tls": False}

    controller = Controller(Handler(args.directory, args.reject, args.tempfail), hostname="127.0.0.1", port=args.port, **options)
    controller.start()
    print("READY %d" % args.port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    sys.exit(main())
