"""Serving the emulator over HTTP with Werkzeug, in a background thread.

``start_in_thread()`` is the Python API for tests and benchmarks::

    from tests.emulator.server import start_in_thread

    with start_in_thread() as emulator:          # demo data, a free port on 127.0.0.1
        requests.get(emulator.api_url + "/pages",
                     headers={"Authorization": f"OAuth {emulator.api_key}"})

    with start_in_thread(variants="duplicate-422,email-case-sensitive") as emulator:
        ...
"""

from __future__ import annotations

import pathlib
import threading

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from .app import EmulatorApp
from .seed import load_seed_file


class QuietRequestHandler(WSGIRequestHandler):
    """No access log line per request (``--quiet``, and always in-process)."""

    def log_request(self, code="-", size="-") -> None:
        pass


class RunningEmulator:
    """An emulator serving in a background thread; ``stop()`` (or leaving ``with``) ends it."""

    def __init__(self, app: EmulatorApp, server: BaseWSGIServer):
        self.app = app
        self.server = server
        self.host = server.host
        self.port = server.port
        host = f"[{self.host}]" if ":" in self.host else self.host
        self.url = f"http://{host}:{self.port}"
        self.api_url = self.url + "/v1"
        self._stop_lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=server.serve_forever, name=f"statuspage-emulator-{self.port}",
                                        daemon=True)
        # POST /__emulator__/shutdown stops the server once its answer is sent
        app.on_shutdown = self.stop

    @property
    def api_key(self) -> str:
        """The seed's first API key (``demo-key`` for the demo data)."""
        return self.app.api_keys[0]

    def start(self) -> RunningEmulator:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port; safe to call more than once, from any thread."""
        with self._stop_lock:
            if self._stopped.is_set():
                return
            self.server.shutdown()
            self.server.server_close()
            self._stopped.set()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=10)

    def wait_stopped(self, timeout: float | None = None) -> bool:
        return self._stopped.wait(timeout)

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def reset(self) -> None:
        """The same as POST /__emulator__/reset."""
        self.app.reset()

    def __enter__(self) -> RunningEmulator:
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()


def create_app(seed: dict | str | pathlib.Path | None = None, variants=None) -> EmulatorApp:
    """The WSGI app on a seed given as data, as a YAML/JSON file path, or None for the demo;
    ``variants`` is a selection as variants.py describes (``"duplicate-422,email-case=sensitive"``,
    a list or a mapping), applied over the seed's own."""
    if isinstance(seed, (str, pathlib.Path)):
        seed = load_seed_file(seed)
    return EmulatorApp(seed, variants)


def start_in_thread(seed: dict | str | pathlib.Path | None = None, host: str = "127.0.0.1", port: int = 0,
                    quiet: bool = True, variants=None) -> RunningEmulator:
    """Start an emulator on ``host:port`` (0: a free port) and return once it is listening."""
    app = create_app(seed, variants)
    handler = QuietRequestHandler if quiet else WSGIRequestHandler
    server = make_server(host, port, app, threaded=True, request_handler=handler)
    return RunningEmulator(app, server).start()
