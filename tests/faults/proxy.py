# Copyright (c) community.statuspage contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""An independent fault proxy between a module and the emulator, on 127.0.0.1 only.

The emulator's own fault queue answers an error status, drops the connection after doing the
work, or answers late after a delay *before* the work. What it cannot do is spoil a body: this
proxy forwards each request to the emulator and, for the next request a rule matches, spoils
what comes back, as a gateway, a firewall or a flaky network would:

- ``hold``: forward, then hold the answer ``seconds`` (the server acted; the client times out);
- ``truncate``: forward, then send half the body under the full Content-Length, and close;
- ``truncate-json``: forward, then send half the body as if it were all of it;
- ``html-after``: forward, then answer 200 with an HTML page instead of the server's answer;
- ``html-instead``: do not forward; answer 200 with an HTML page (a firewall's block page).

A connection the emulator drops (its ``reset`` fault) is dropped here too, unanswered. With
``tls`` (an ``ssl.SSLContext``) the proxy serves HTTPS, for the certificate tests.
"""

from __future__ import annotations

import http.client
import http.server
import re
import socket
import threading
import time
import urllib.parse

ACTIONS = ("hold", "truncate", "truncate-json", "html-after", "html-instead")
HTML_PAGE = (b"<!DOCTYPE html><html><head><title>Request processed</title></head>"
             b"<body><p>Your request has been processed by the gateway.</p></body></html>")
FORWARDED_HEADERS = ("Authorization", "Content-Type", "Accept", "User-Agent")


class Rule:
    """Spoil the answer to the next request of ``method`` whose path matches ``path``."""

    def __init__(self, method: str, path: str, action: str, seconds: float = 0.0):
        if action not in ACTIONS:
            raise ValueError(f"unknown proxy action {action!r}: use one of {', '.join(ACTIONS)}")
        self.method = method.upper()
        self.path = re.compile(path)
        self.action = action
        self.seconds = seconds

    def matches(self, method: str, path: str) -> bool:
        return method.upper() == self.method and self.path.search(path) is not None


class FaultProxy:
    """A threaded proxy to ``upstream`` (the emulator's base URL, no path); ``url`` is its own."""

    def __init__(self, upstream: str, tls=None):
        parts = urllib.parse.urlsplit(upstream)
        self.upstream = (parts.hostname, parts.port)
        self.rules: list[Rule] = []
        self.applied: list[tuple[str, str, str]] = []
        self.in_flight = 0
        self._lock = threading.Lock()
        proxy = self

        class Handler(_Relay):
            owner = proxy

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        scheme = "https" if tls is not None else "http"
        self.url = f"{scheme}://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True, name="fault-proxy")
        self._thread.start()

    def arm(self, *rules: Rule) -> None:
        with self._lock:
            self.rules = list(rules)
            self.applied = []

    def clear(self) -> None:
        """Drop the rules not yet used; what was applied stays on record until the next ``arm``."""
        with self._lock:
            self.rules = []

    def pending(self) -> int:
        with self._lock:
            return len(self.rules)

    def count(self, step: int) -> None:
        with self._lock:
            self.in_flight += step

    def take(self, method: str, path: str) -> Rule | None:
        with self._lock:
            for index, rule in enumerate(self.rules):
                if rule.matches(method, path):
                    self.applied.append((method, path, rule.action))
                    return self.rules.pop(index)
        return None

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Relay(http.server.BaseHTTPRequestHandler):
    owner: FaultProxy
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        pass  # quiet: the matrix prints what matters

    def do_GET(self):  # pylint: disable=invalid-name
        self._relay()

    do_POST = do_PATCH = do_PUT = do_DELETE = do_GET

    def _relay(self):
        self.owner.count(1)
        try:
            self._spoil_or_pass()
        finally:
            self.owner.count(-1)

    def _spoil_or_pass(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        path_only = urllib.parse.urlsplit(self.path).path
        rule = self.owner.take(self.command, path_only)
        self.close_connection = True
        if rule is not None and rule.action == "html-instead":
            self._answer(200, "OK", {"Content-Type": "text/html; charset=utf-8"}, HTML_PAGE)
            return
        try:
            status, reason, headers, answer = self._forward(body)
        except (OSError, http.client.HTTPException):
            # The emulator dropped the connection after doing the work: so does the proxy.
            self._drop()
            return
        if rule is None:
            self._answer(status, reason, headers, answer)
        elif rule.action == "hold":
            time.sleep(rule.seconds)
            self._answer(status, reason, headers, answer)
        elif rule.action == "truncate":
            self._answer(status, reason, headers, answer[:len(answer) // 2], length=len(answer))
            self._drop()
        elif rule.action == "truncate-json":
            self._answer(status, reason, headers, answer[:len(answer) // 2])
        else:  # html-after
            self._answer(200, "OK", {"Content-Type": "text/html; charset=utf-8"}, HTML_PAGE)

    def _forward(self, body):
        connection = http.client.HTTPConnection(*self.owner.upstream, timeout=60)
        try:
            headers = {name: self.headers[name] for name in FORWARDED_HEADERS if self.headers.get(name)}
            connection.request(self.command, self.path, body=body, headers=headers)
            response = connection.getresponse()
            answer = response.read()
            kept = {name: response.getheader(name) for name in ("Content-Type", "Retry-After") if response.getheader(name)}
            return response.status, response.reason, kept, answer
        finally:
            connection.close()

    def _answer(self, status, reason, headers, body, length=None):
        try:
            self.send_response(status, reason)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
        except OSError:
            pass  # the client gave up waiting (a held answer): nothing to tell it

    def _drop(self):
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
