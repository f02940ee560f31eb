"""The WSGI application: control endpoints, and API requests through log, throttle and faults.

The order in which an API request is treated matters to the tests that rely on it:
1. it is recorded in the request log (throttled and failed requests included);
2. the throttle may answer 420/429: nothing else happens and the request does not count;
3. the first queued scripted fault that matches the request is taken: a delay sleeps, a status
   answers without doing anything, a reset does the work and then drops the connection;
4. otherwise the request is routed and handled under the store lock.
"""

from __future__ import annotations

import json
import socket
import sys
import time
import traceback

from werkzeug.wrappers import Request, Response

from . import api, control, variants
from .demo import demo_seed
from .errors import ApiError, error_body
from .faults import FaultInjector
from .params import merged_params, parse_body, query_for_log
from .request_log import RequestLog
from .seed import SeedError, build_store


def json_response(status: int, body, headers: dict[str, str] | None = None) -> Response:
    if status == 204 or body is None:
        return Response(status=status, headers=headers)
    return Response(json.dumps(body), status=status, headers=headers,
                    content_type="application/json; charset=utf-8")


def error_response(error: ApiError, shape: str = "message") -> Response:
    """An API error in the body shape the run's error-body variant selects."""
    body, content_type = error_body(error, shape)
    return Response(body, status=error.status, headers=error.headers, content_type=content_type)


def api_key_of(request: Request) -> str | None:
    """The key from ``Authorization: OAuth <key>``, or else from ``?api_key=``."""
    header = request.headers.get("Authorization", "")
    scheme, _space, credentials = header.strip().partition(" ")
    if scheme.lower() == "oauth" and credentials.strip():
        return credentials.strip()
    return request.args.get("api_key") or None


class DroppedConnection:
    """A response body that loses the response: the work is done, but the client gets none.

    Werkzeug's server treats a ConnectionError raised while sending as a client that went
    away: it logs nothing, closes the socket and keeps serving. The socket is shut down first
    so the client sees the connection end at once, with no status line.
    """

    def __init__(self, environ: dict):
        self.environ = environ

    def __iter__(self):
        return self

    def __next__(self):
        connection = self.environ.get("werkzeug.socket")
        if connection is not None:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already gone: the client sees a lost answer all the same
        raise ConnectionAbortedError("scripted fault: response dropped")


class EmulatorApp:
    """The emulator's state (store, request log, faults) and its WSGI entry point."""

    def __init__(self, seed: dict | None = None, selection=None):
        self.seed = seed if seed is not None else demo_seed()
        # The seed's variants, then the caller's (the command line's): see variants.py
        seed_selection = self.seed.get("variants") if isinstance(self.seed, dict) else None
        try:
            variants.selection_values(seed_selection)
        except variants.VariantError as error:
            raise SeedError(f"seed.variants: {error}") from None
        self.start_variants = variants.resolve(seed_selection, selection)
        self.variants = self.start_variants
        self.store = build_store(self.seed, self.variants)
        self.requests = RequestLog()
        self.faults = FaultInjector(self.variants.throttle_config())
        # Set by the server that runs this app; called once the shutdown answer is sent
        self.on_shutdown = None

    @property
    def api_keys(self) -> list[str]:
        return list(self.store.api_keys)

    def reset(self) -> None:
        """Back to the seed data and the variants the run started with, with an empty request
        log and no faults but the start variants' throttle."""
        self.use_variants(self.start_variants)

    def use_variants(self, chosen: variants.Variants) -> None:
        """Serve ``chosen`` from now on, from fresh seed data (PUT /__emulator__/variants)."""
        new_store = build_store(self.seed, chosen)
        with self.store.lock:
            self.store = new_store
            self.variants = chosen
        self.requests.clear()
        self.faults.set_default_throttle(chosen.throttle_config())
        self.faults.clear()

    def error_response(self, error: ApiError) -> Response:
        return error_response(error, self.variants.error_body)

    def __call__(self, environ, start_response):
        request = Request(environ)
        if request.path == control.PREFIX or request.path.startswith(control.PREFIX + "/"):
            response = control.handle(self, request)
        else:
            response = self.handle_api(request, environ)
        return response(environ, start_response)

    def handle_api(self, request: Request, environ: dict):
        body_error = None
        try:
            body = parse_body(request)
        except ApiError as error:
            body, body_error = None, error
        key = api_key_of(request)
        entry = self.requests.record(request.method, request.path, query_for_log(request),
                                     body.params if body is not None else None)

        throttled = self.faults.throttled(key or "")
        if throttled is not None:
            self.requests.finish(entry, throttled.status, {"throttle": True})
            return self.error_response(throttled)

        fault = self.faults.take(request.method, request.path)
        fault_config = dict(fault.config) if fault is not None else None
        if fault is not None and fault.delay:
            time.sleep(fault.delay)
        if fault is not None and fault.status is not None:
            self.requests.finish(entry, fault.status, fault_config)
            return self.error_response(fault.error())

        outcome = body_error if body_error is not None else self._answer(request, key, body)
        status = outcome.status if isinstance(outcome, ApiError) else outcome[0]
        self.requests.finish(entry, status, fault_config)
        if fault is not None and fault.reset:
            return Response(DroppedConnection(environ), status=status)
        if isinstance(outcome, ApiError):
            return self.error_response(outcome)
        return json_response(*outcome)

    def _answer(self, request: Request, key: str | None, body) -> tuple[int, object] | ApiError:
        """Run the API request: (status, body), or the ApiError to answer."""
        params, from_form = merged_params(request, body)
        try:
            return api.dispatch(self.store, request, key, params, from_form)
        except ApiError as error:
            return error
        except Exception as error:  # pylint: disable=broad-exception-caught
            # A bug in the emulator: answer it as JSON like every error, and show where on stderr
            traceback.print_exc(file=sys.stderr)
            return ApiError(500, f"internal emulator error: {error!r}")
